"""Whether this app process draws into a browser tab (`tuitrainer serve`).

A leaf: the server marks each app process it starts with this variable; the
app then plays cues in the page and turns editing off (there is no login).
"""

from __future__ import annotations

import os

SERVED_ENV = "TUITRAINER_SERVED"


def is_served() -> bool:
    return os.environ.get(SERVED_ENV) == "1"
