"""The planning screen's keys, in the footer's order.

What gets you anywhere first (a narrow footer shows the first few), in short
words, all of the shown ones within 80 columns; the help (?) gives each key's
full sentence, and lists the keys the footer leaves out.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

STEP = Binding.Group("±1", compact=True)  # + and - as one footer entry, to fit 80 columns

PLANNING_KEYS: list[BindingType] = [
    Binding(
        "r", "start", "Start", tooltip="Start a workout of this plan now.", id="planning.start"
    ),
    Binding(
        "ctrl+s",
        "save",
        "Save as",
        tooltip="Save this plan as a session of yours.",
        id="planning.save",
    ),
    Binding("question_mark", "help", "Help", key_display="?", id="planning.help"),
    Binding(
        "escape,q", "back", "Back", tooltip="Back (asks first if unsaved).", id="planning.back"
    ),
    Binding(
        "plus,equals_sign,shift+up",
        "step(1)",
        "+1",
        key_display="+",
        tooltip="One more of the value under the cursor (on Mode or Sides: change it).",
        group=STEP,
        id="planning.more",
    ),
    Binding(
        "minus,shift+down",
        "step(-1)",
        "-1",
        key_display="-",
        tooltip="One less of the value under the cursor (on Mode or Sides: change it).",
        group=STEP,
        id="planning.less",
    ),
    Binding("a", "add", "Add", tooltip="Add an exercise from the catalogue.", id="planning.add"),
    Binding(
        "x,delete",
        "drop",
        "Drop",
        tooltip="Drop the exercise under the cursor.",
        id="planning.drop",
    ),
    # m and s only in the help: + and - on their columns do the same.
    Binding(
        "m",
        "mode",
        "Mode",
        show=False,
        tooltip="Guided or self-paced, for this exercise.",
        id="planning.mode",
    ),
    Binding(
        "s",
        "swap",
        "Swap",
        show=False,
        tooltip="Swap the order of its sides.",
        id="planning.swap",
    ),
    Binding("f", "fit", "Fit", tooltip="Fit the whole plan to a time you give.", id="planning.fit"),
    Binding("u", "undo", "Undo", tooltip="Undo the last change.", id="planning.undo"),
    Binding(
        "ctrl+up,K",
        "move(-1)",
        "Move up",
        key_display="K",
        show=False,
        tooltip="Move the exercise up (ctrl+up too).",
        id="planning.move_up",
    ),
    Binding(
        "ctrl+down,J",
        "move(1)",
        "Move down",
        key_display="J",
        show=False,
        tooltip="Move the exercise down (ctrl+down too).",
        id="planning.move_down",
    ),
]
