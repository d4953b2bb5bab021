"""What a screen may read of the app: a small typed Protocol (attributes down).

Screens never import the app, not even for types; they read what this Protocol
names through `host(self)` and ask for everything else with a Message from
`messages.py`, which the app handles (messages up). The app satisfies the
Protocol by having these attributes, so a test may build a screen on any App
that has them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from ..audio.cues import CueScheduler
    from ..history.store import HistoryStore
    from ..locations import Locations


class Host(Protocol):
    """The app as its screens see it: where files are, the history, the clock."""

    @property
    def locations(self) -> Locations: ...

    @property
    def store(self) -> HistoryStore:
        """The history; read it through the queries of the `history` package."""
        ...

    @property
    def clock(self) -> Callable[[], float]: ...

    def loose_cues(self) -> CueScheduler:
        """Cue sounds with no workout behind them (the assessment's hold)."""
        ...

    def take_sound_notice(self) -> str:
        """The sound output's notice not yet shown ("" when none), for a workout."""
        ...


class OnScreen(Protocol):
    """A screen or widget, or anything else that knows its app."""

    @property
    def app(self) -> App[Any]: ...


def host(node: OnScreen) -> Host:
    """The app behind a screen or widget, as the Protocol it may read."""
    return cast("Host", node.app)
