"""The safety note in plain mode: before the first workout, as in the full-screen app.

A person at a terminal (a screen reader reads these lines) sees the note until
they confirm it once; the confirmation is the same one the full-screen app keeps,
so confirming in either counts for both. A script driving plain mode through a
pipe has nobody to read it, so it is not stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import safety_note
from ..history.assessments import acknowledge, acknowledged
from ..history.user_writes import write_now
from .keys import END, Keys

if TYPE_CHECKING:
    from ..history.store import HistoryStore

CONFIRM = "Press Enter (or y) if none of this applies to you and you want to go on; q leaves."


def confirmed(store: HistoryStore, keys: Keys, say: Callable[[str], None]) -> bool:
    """Whether to go on: already confirmed, or confirmed now; False when the person leaves."""
    if not keys.interactive or acknowledged(store) is not None:
        return True
    for line in safety_note.as_text().splitlines():
        say(line)
    say(CONFIRM)
    while True:
        key = keys.read(None)
        if key in (" ", "y"):
            written = write_now(store, lambda: acknowledge(store))
            if not written.saved:
                say(
                    f"Could not note that you read this ({written.problem}): "
                    "it shows again next time."
                )
            return True
        if key in ("q", END):
            return False
        if key is not None:
            say(CONFIRM)
