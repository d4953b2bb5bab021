"""A fake freedesktop Notifications service for one test, on a private session bus.

Run under `dbus-run-session -- python tests/fake_notifications.py OUT -- CMD...`:
it takes the service's name, runs CMD, answers every Notify call, and writes
the calls it received to OUT as JSON lines. Exits with CMD's exit code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"


def main() -> int:
    out_path = sys.argv[1]
    command = sys.argv[sys.argv.index("--") + 1 :]
    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, 4))
    assert reply.body[0] == 1, reply.body  # the primary owner
    calls = []
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                message = connection.receive(timeout=0.2)
            except TimeoutError:
                continue
            header = message.header
            if header.message_type is not MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            if member == "Notify":
                calls.append(list(message.body[:5]))
                connection.send(new_method_return(message, "u", (len(calls),)))
            elif member == "GetServerInformation":
                connection.send(new_method_return(message, "ssss", ("fake", "t", "0", "1.2")))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    code = subprocess.run(command, check=False).returncode
    done.set()
    thread.join(2)
    with open(out_path, "w", encoding="utf-8") as out:
        for call in calls:
            out.write(json.dumps(call) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
