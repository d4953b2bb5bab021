"""A stand-in for the desktop's org.freedesktop.ScreenSaver, for tests on a private bus.

Run under `dbus-run-session`: it takes the service's name on that session bus, prints
the bus address and then "ready", and writes each call to LOG as one line:
`inhibit COOKIE APP` or `uninhibit COOKIE`, before it replies (so a caller that has
its reply finds the line written). It stops when its standard input closes.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.ScreenSaver"


def serve(log: Path) -> None:
    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME))
    assert reply.body[0] == 1, reply.body  # the primary owner
    print(os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    print("ready", flush=True)
    cookie = 0
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "Inhibit":
            cookie += 1
            with log.open("a") as out:
                out.write(f"inhibit {cookie} {message.body[0]}\n")
            connection.send(new_method_return(message, "u", (cookie,)))
        elif member == "UnInhibit":
            with log.open("a") as out:
                out.write(f"uninhibit {message.body[0]}\n")
            connection.send(new_method_return(message))
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    threading.Thread(target=serve, args=(Path(sys.argv[1]),), daemon=True).start()
    sys.stdin.read()  # until the test closes it
