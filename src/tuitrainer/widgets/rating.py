"""A 0 to 10 rating box, for the pain questions before and after a workout."""

from __future__ import annotations

from textual.validation import Integer
from textual.widgets import Input


class RatingInput(Input):
    """Digits only, 0 to 10. Space is left to the screen, where it may mean "skip"."""

    DEFAULT_CSS = """
    RatingInput {
        width: 12;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="0-10",
            id=id,
            # A dot or a comma is let in, so "5.5" shows as typed and is refused
            # in words; refused as a key it turned "5.5" into "55".
            restrict=r"[0-9.,]{0,4}",
            max_length=4,
            validators=[Integer(minimum=0, maximum=10)],
        )
        # A steady cursor: a blinking one repaints the screen twice a second while
        # it waits for an answer (benchmarks/idle_cpu.py).
        self.cursor_blink = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)


def submitted_rating(event: Input.Submitted) -> int | None:
    """The rating given (None when the box was left empty).

    Raises ValueError when the text is not a whole number from 0 to 10.
    """
    text = event.value.strip()
    if not text:
        return None
    if not (event.validation_result and event.validation_result.is_valid):
        raise ValueError("A rating is a whole number from 0 to 10.")
    return int(text)
