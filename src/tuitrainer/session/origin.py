"""Whose words and numbers these are: the source routine's, or tuitrainer's own.

The built-in sessions follow one article for the exercises, their cues and doses
and one easier variant; everything else (other variants, every tempo, hold, rest
and get-ready time, a whole extra session) is the app's suggestion. A session
says which is which (`source`, `modification_source`), and every place that
shows such text labels it with the words here, so a patient and a clinician can
tell the two apart.
"""

from __future__ import annotations

from .model import Exercise

ARTICLE = "article"
OWN = "tuitrainer"
SUGGESTION = "tuitrainer's suggestion"


def modification_source(exercise: Exercise) -> str:
    return exercise.modification_source or exercise.source


def exercise_note(exercise: Exercise) -> str:
    """One line on what of this exercise is whose; "" when the session does not say."""
    if exercise.source == ARTICLE:
        return (
            "From the source routine: the movement, its cues and its dose."
            f" Tempo, holds, rests and get-ready times: {SUGGESTION}."
        )
    if exercise.source == OWN:
        return f"Not in the source routine: the exercise, its dose and its times are {SUGGESTION}."
    return ""


def easier_text(exercise: Exercise) -> str:
    """The modification as shown, labelled with whose it is."""
    origin = modification_source(exercise)
    label = {OWN: f" ({SUGGESTION})", ARTICLE: " (from the source routine)"}.get(origin, "")
    return f"Easier{label}: {exercise.modification}"
