"""The one way outside text enters a widget: as Content or Text, never as markup.

A session called `Hips [easy]` must show as `Hips [easy]`, one called `[/]` must
not crash the screen, and `[@click=app.quit]` must not become a button. Textual
parses a plain `str` given to Label, Static, `update`, a DataTable cell or a notice
as markup; these helpers hand it Content (or Rich Text) instead, with control
characters escaped (`plain_text.printable`). tests/unit/test_text_rule.py checks that
screens and widgets give widgets no other kind of computed text.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from ..plain_text import printable


def plain(text: object) -> Content:
    """Any text, shown exactly as it is (control characters escaped)."""
    return Content(printable(str(text)))


def styled(template: str, **values: object) -> Content:
    """Our own markup around outside text: `styled("[b]$title[/b] done", title=...)`.

    The template is ours and may style; each `$name` value is inserted as plain text.
    """
    return Content.from_markup(template, **{k: printable(str(v)) for k, v in values.items()})


def cell(text: object, style: str = "") -> Text:
    """A DataTable cell: DataTable parses `str` cells as markup, Rich Text it shows as is.

    A Text of our own keeps its style (its text is escaped all the same).
    """
    if isinstance(text, Text):
        style = style or text.style  # type: ignore[assignment]
        text = text.plain
    return Text(printable(str(text), newlines=False), style=style, end="", no_wrap=True)
