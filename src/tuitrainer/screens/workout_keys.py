"""The workout's keys, each with the sentence the help (?) shows for it.

Their ids (`workout.rep`, ...) are what keys.toml remaps; PageDown and PageUp
are there for a presentation clicker.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

# In the footer's order: a narrow terminal shows the first few, so the ones that
# get you anywhere (help lists the rest) come first.
# The tooltip is the sentence the help (?) shows for each key.
WORKOUT_BINDINGS: list[BindingType] = [
    Binding(
        "space,pagedown",
        "rep_or_start",
        "Rep",
        key_display="space",
        tooltip="Start the workout; on a self-paced side, log one rep. "
        "On DONE, go straight to the summary.",
        id="workout.rep",
    ),
    Binding(
        "p",
        "pause",
        "Pause",
        tooltip="Pause, or go on. The clocks stop while paused; nothing runs on.",
        id="workout.pause",
    ),
    Binding(
        "question_mark",
        "help",
        "Help",
        key_display="?",
        tooltip="These keys. The workout waits, paused, while they are open.",
        id="workout.help",
    ),
    Binding(
        "q",
        "end",
        "End",
        tooltip="End the workout early (it asks first). What you did so far is kept.",
        id="workout.quit",
    ),
    Binding(
        "u,pageup",
        "undo",
        "Undo",
        key_display="u",
        tooltip="Take back the last logged rep; just after a side ended on its last "
        "rep, go back into that side.",
        id="workout.undo",
    ),
    Binding(
        "n",
        "skip",
        "Next",
        tooltip="Go on to the next part now. Inside a rep range (8 of 8-10) it "
        "finishes the side, and the side counts as done.",
        id="workout.next",
    ),
    Binding(
        "b",
        "back",
        "Back",
        tooltip="Start this part again; in its first 3 seconds, go back to the part "
        "before. A side started again loses its logged reps.",
        id="workout.back",
    ),
    Binding("m", "mute", "Mute", tooltip="Sound on or off.", id="workout.mute"),
    Binding(
        "t",
        "modification",
        "Easier",
        tooltip="Show the easier variant of this exercise (t again: the tips).",
        id="workout.easier",
    ),
    Binding(
        "v",
        "figure",
        "Figure",
        tooltip="Hide or show the exercise's figure (show_figure in the settings "
        "sets how a workout starts).",
        id="workout.figure",
    ),
    Binding(
        "plus,equals_sign",
        "adjust(15)",
        "+15 s",
        key_display="+",
        tooltip="15 seconds more of the rest, switch or get-ready under way "
        "(press again for more).",
        id="workout.longer",
    ),
    Binding(
        "minus",
        "adjust(-15)",
        "-15 s",
        key_display="-",
        tooltip="15 seconds less of the rest, switch or get-ready (its last 3 seconds "
        "stay, to count you in).",
        id="workout.shorter",
    ),
]
