"""What every plain-mode command opens: the settings, the history, and the keys."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from .keys import Keys, LineKeys, TerminalKeys

if TYPE_CHECKING:
    from ..config import Preferences
    from ..history.store import HistoryStore
    from ..locations import Locations


@contextlib.contextmanager
def plain_session(
    locations: Locations, err: TextIO, mute: bool = False
) -> Iterator[tuple[HistoryStore, Preferences, Keys]]:
    """Settings (their problems said on `err`), the history, and keys from the terminal
    (as pressed, the terminal put back after) or one a line from a pipe."""
    from ..config import load
    from ..history import HistoryStore

    preferences, problems = load(locations.config_file)
    for problem in problems:
        print(problem, file=err)
    preferences.muted = preferences.muted or mute
    store, notice = HistoryStore.open(locations.database)
    if notice is not None:
        print(notice.message, file=err)
    keys: Keys
    raw: contextlib.AbstractContextManager[None]
    if sys.stdin.isatty():
        keys = TerminalKeys(sys.stdin)
        raw = keys.cbreak()
    else:
        keys = LineKeys(sys.stdin)
        raw = contextlib.nullcontext()
    try:
        with raw:
            yield store, preferences, keys
    finally:
        store.close()
