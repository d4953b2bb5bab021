"""The app's own commands in the command palette (ctrl+p), beside Textual's.

Start any session, the assessment, progress, a report for a clinician, sound
on or off, and the theme (Textual's own "Theme" command, kept). Commands only
ask the app to do what a key on the home screen would: they post the same
messages the screens post (screens/messages.py) and read what a screen may read.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand

from .screens.host import host
from .screens.messages import OpenAssessment, ShowProgress, StartSession, ToggleMute

if TYPE_CHECKING:
    from .library import Listed


def trainer_commands(app: App) -> Iterator[SystemCommand]:
    from .library import Listing

    for entry in Listing(host(app).locations).sessions():
        if entry.valid:
            yield SystemCommand(
                f"Start: {entry.title}",
                f"Start the session {entry.title!r} now",
                partial(start_listed, app, entry),
            )
    yield SystemCommand(
        "Assess hips",
        "The guided hip self-assessment",
        partial(app.post_message, OpenAssessment()),
    )
    yield SystemCommand(
        "Progress",
        "Recent workouts, calendar, left/right, pain",
        partial(app.post_message, ShowProgress()),
    )
    yield SystemCommand(
        "Report for a clinician",
        "Write a Markdown summary of progress into the data folder",
        partial(write_report, app),
    )
    yield SystemCommand(
        "Sound on/off", "Mute or unmute the cues", partial(app.post_message, ToggleMute())
    )
    yield SystemCommand(
        "High contrast",
        "Black and white with one accent colour",
        partial(setattr, app, "theme", "high-contrast"),
    )


def start_listed(app: App, entry: Listed) -> None:
    """Read the listed session afresh and start it; a file broken since says why."""
    from .session import SessionError, load_session

    locations = host(app).locations
    try:
        session = load_session(Path(entry.path), entry.source, locations.sound_dirs())
    except SessionError as error:
        app.notify(f"{entry.slug} cannot start: {error.problems[0]}", severity="error")
        return
    app.post_message(StartSession(session))


def write_report(app: App) -> None:
    """The clinician's Markdown report, written into the data folder."""
    from datetime import date

    from .assessment.load import names_for
    from .daily import report_extras
    from .history.report import render, scope_for

    folder = host(app).locations.reports
    path = folder / f"report-{date.today().isoformat()}.md"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        locations, store, scope = host(app).locations, host(app).store, scope_for(None, None, None)
        extras = report_extras(locations, store, scope)
        path.write_text(render(store, scope, names_for(locations), extras), "utf-8")
    except OSError as error:
        app.notify(f"The report could not be written: {error.strerror}", severity="error")
        return
    app.notify(f"Report written to {path}", timeout=8, markup=False)
