"""Helpers for driving the app with Pilot on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, FakeClock
from tuitrainer.app import TuitrainerApp, create_app
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.history.assessments import acknowledge
from tuitrainer.locations import Locations
from tuitrainer.session import load_session
from tuitrainer.widgets.big_text import BigText
from tuitrainer.widgets.live_text import LiveText

QUICK = DATA / "sessions" / "quick.yaml"


def make_app(
    locations: Locations,
    clock: FakeClock,
    session_path: Path | None = QUICK,
    speed: float = 1.0,
    safety_seen: bool = True,
) -> TuitrainerApp:
    """The app on a fake clock; `safety_seen`: the safety note was acknowledged before,
    as for anyone past their first workout (tests of the note itself say False)."""
    session = load_session(session_path) if session_path else None
    app = create_app(
        locations,
        clock=clock,
        speed=speed,
        session=session,
        audio=SilentOutput(),  # records the cues it is asked to play
    )
    if safety_seen:
        acknowledge(app.store)
    return app


def text_of(app: TuitrainerApp, selector: str) -> str:
    """What a label or static on the current screen shows."""
    widget = app.screen.query_one(selector)
    if isinstance(widget, BigText | LiveText):
        return widget.text
    if hasattr(widget, "figures"):
        return "\n".join(widget.figures)
    return str(widget.value if hasattr(widget, "value") else widget.content)


async def advance(pilot, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock and let the screen catch up, as its timer would."""
    clock.advance(seconds)
    screen = pilot.app.screen
    if hasattr(screen, "sync"):
        screen.sync()
    await pilot.pause()


@pytest.fixture
def quick_app(locations: Locations, clock: FakeClock) -> TuitrainerApp:
    return make_app(locations, clock)


async def footer_keys_shown(pilot) -> None:
    """The footer composes its keys a refresh or two after a screen changes: wait for them
    (up to a second), so a loaded machine takes the same picture as an idle one."""
    for _ in range(50):
        if pilot.app.screen.query("FooterKey"):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def logging_notices(app):
    """The app, keeping every notice it is asked to show in `app.said_log` (it shows
    only the newest, one at a time)."""
    app.said_log = []
    show = app.notify

    def notify(message, **options):
        app.said_log.append(str(message))
        show(message, **options)

    app.notify = notify
    return app
