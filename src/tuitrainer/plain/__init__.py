"""Plain mode: the workout as appended lines of text, for screen readers and scripts.

No Textual: the same workout core (workout.py) that drives the workout screen
drives it. Nothing is redrawn; each event is one short line.
"""

from __future__ import annotations

import os
from typing import TextIO

ENV_PLAIN = "TUITRAINER_PLAIN"


def wanted(flag: bool, stdout: TextIO) -> bool:
    """Plain mode: asked for (`--plain`, TUITRAINER_PLAIN=1), or no screen to draw on
    (TERM=dumb, or standard output is not a terminal). Never when served."""
    if os.environ.get("TUITRAINER_SERVED") == "1":
        return False
    if flag or os.environ.get(ENV_PLAIN) == "1" or os.environ.get("TERM") == "dumb":
        return True
    try:
        return not stdout.isatty()
    except (AttributeError, ValueError):
        return True
