"""What a screen asks the app to do: navigation and actions as Messages (messages up).

A screen posts one with `self.post_message(...)`; it bubbles to the app, whose
`on_<name>` handler answers (`StartSession` -> `TuitrainerApp.on_start_session`).
A screen may still push screens of its own flow (a question, the help, the next
step of an editor); anything that needs the app's own state, or ends a flow that
a command started, is a message here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..session.model import Session
    from ..workout import Workout


class StartSession(Message):
    """Start a workout of this session (first offering to resume an unfinished one)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class OfferResume(Message):
    """The home screen is up: offer the newest unfinished workout, if any."""


class ShowProgress(Message):
    """Open the progress view."""


class ToggleMute(Message):
    """Sound off or on for this run (outside a workout: the palette)."""


class OpenAssessment(Message):
    """Open the hip self-assessment (the safety note first, until acknowledged)."""


class AssessmentClosed(Message):
    """The assessment (or its safety note or results) is left."""


class WorkoutEnded(Message):
    """The workout is over (DONE has been seen): on to its summary."""

    def __init__(self, workout: Workout) -> None:
        super().__init__()
        self.workout = workout


class WorkoutLeft(Message):
    """A workout is left before it started: nothing was recorded."""

    def __init__(self, workout: Workout) -> None:
        super().__init__()
        self.workout = workout


class SummaryClosed(Message):
    """The summary is done with; `pain` is the rating after, or None when skipped."""

    def __init__(self, workout: Workout, pain: int | None) -> None:
        super().__init__()
        self.workout = workout
        self.pain = pain
