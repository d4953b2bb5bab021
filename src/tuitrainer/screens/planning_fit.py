"""Fit to time on the planning screen, without crossing the source's dose unasked.

A time too short for the source routine's dose gets a question instead of a
silent cut: fewer reps (said so on screen and in the saved description), or the
dose kept and whole exercises left out, which the user picks one at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .. import dose
from ..fit import Fit, fit_to_time
from ..planner import format_duration, outline, plan
from ..session.edit import drop
from .questions import Choice, ChooseScreen, PickScreen

if TYPE_CHECKING:
    from textual.app import App

    from ..session.model import Session


class PlanningScreen(Protocol):
    """What fitting uses of the planning screen (it imports this module, not the reverse)."""

    session: Session

    @property
    def app(self) -> App[Any]: ...

    def apply(self, session: Session, note: str = "") -> None: ...


FEWER, DROP = "fewer", "drop"


def _apply(screen: PlanningScreen, result: Fit) -> None:
    screen.apply(result.session, "\n".join([result.message(), *result.lines()]))


def fit_keeping_dose(screen: PlanningScreen, target: float) -> None:
    """Fit the plan to `target` seconds; ask first if that cuts below the dose."""
    result = fit_to_time(screen.session, target)
    crossed = dose.shortfalls(result.session)
    if not crossed or dose.shortfalls(screen.session):
        _apply(screen, result)  # within the dose, or below it already (and shown so)
        return
    wanted = format_duration(target)
    got = format_duration(result.after_seconds)
    below = "\n".join(f"  • {shortfall}" for shortfall in crossed)
    detail = (
        f"The closest fit, {got}, has fewer reps than the source routine asks for:\n"
        f"{below}\n\n"
        "f: fit anyway, with fewer reps (the plan says so)\n"
        "d: keep the dose, and choose exercises to leave out"
    )
    choices = [Choice("f", "fewer reps", FEWER), Choice("d", "drop exercises", DROP)]

    def chosen(choice: str | None) -> None:
        if choice == FEWER:
            _apply(screen, result)
        elif choice == DROP:
            drop_until_it_fits(screen, target)

    screen.app.push_screen(
        ChooseScreen(f"{wanted} is too short for the source routine's dose", detail, choices),
        chosen,
    )


def drop_until_it_fits(screen: PlanningScreen, target: float) -> None:
    """Fit at the dose; while the time is not met, ask which exercise to leave out."""
    kept = fit_to_time(screen.session, target, keep_dose=True)
    if kept.reached or len(screen.session.exercises) == 1:
        _apply(screen, kept)
        return
    data = outline(plan(screen.session))
    items = [
        f"{exercise.name}  {format_duration(planned['seconds'])}"
        for exercise, planned in zip(screen.session.exercises, data["exercises"], strict=True)
    ]
    title = (
        f"At the dose the plan takes {format_duration(kept.after_seconds)}, not "
        f"{format_duration(target)}: leave out which exercise? (esc: keep all)"
    )

    def picked(index: int | None) -> None:
        if index is None:
            _apply(screen, kept)  # as close as the dose allows, all exercises kept
            return
        left_out = screen.session.exercises[index].name
        screen.apply(drop(screen.session, index), f"Left out: {left_out}.")
        drop_until_it_fits(screen, target)

    screen.app.push_screen(PickScreen(title, items), picked)
