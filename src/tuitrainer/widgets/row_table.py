"""A read-only table with a row cursor: what the home screen needs of a DataTable.

Textual's DataTable does far more (cell cursors, sorting, horizontal scrolling,
hover) and costs a sixth of the time to the first painted home screen in imports,
styles and a second layout pass (benchmarks/startup.py). This one draws its lines
itself: a fixed header, one line per row, zebra stripes and a cursor bar, with a
narrow terminal shortening the first column, then leaving out the last ones,
instead of scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..plain_text import printable as escaped

GAP = 2  # spaces between columns
MIN_FIRST = 10  # the first column shrinks no further than this on a narrow terminal


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Each column as wide as its widest cell, or 0 where it is left out.

    When the line is too long for `width`, the first column (the name) gives way
    down to MIN_FIRST, then the last columns are left out, right to left, then
    the first column shrinks further.
    """
    widths = [cell_len(title) for title in header]
    for row in rows:
        for column, cell in enumerate(row):
            widths[column] = max(widths[column], cell_len(cell))

    def over() -> int:
        shown = [w for w in widths if w]
        return 1 + sum(shown) + GAP * (len(shown) - 1) - width

    if widths and over() > 0:
        natural = widths[0]
        widths[0] = max(min(natural, MIN_FIRST), natural - over())
        for column in range(len(widths) - 1, 0, -1):
            if over() <= 0:
                break
            widths[column] = 0
        # The name takes back what a left-out column freed, or gives up what is short.
        widths[0] = max(1, min(natural, widths[0] - over()))
    return widths


def printable(text: str) -> str:
    """Cell text safe to draw: the cells are drawn as raw segments, so a session name
    holding an escape sequence would otherwise reach the terminal."""
    return escaped(text, newlines=False)


def format_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One row as text: cells padded (or cut with an ellipsis) to their column."""
    parts = []
    for cell, width in zip(cells, widths, strict=False):
        if not width:
            continue
        if cell_len(cell) > width:
            cell = set_cell_size(cell, max(0, width - 1)) + "…"
        parts.append(set_cell_size(cell, width))
    return " " + (" " * GAP).join(parts)


class RowTable(ScrollView, can_focus=True):
    """Rows of plain text under a header; up/down or a click move the cursor, a double
    click picks a row."""

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
    ]
    COMPONENT_CLASSES = {"row-table--header", "row-table--even", "row-table--cursor"}
    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-table--even { background: $surface-lighten-1 50%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .row-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

    class _RowMessage(Message):
        def __init__(self, table: RowTable, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RowTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved to another row."""

    class RowSelected(_RowMessage):
        """A row was double-clicked (Enter belongs to the screen)."""

    def __init__(self, header: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header = tuple(printable(title) for title in header)
        self.rows: list[tuple[str, ...]] = []
        self.cursor_row = 0
        self._layout: tuple[int, list[str]] | None = None  # (width, lines incl. header)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def get_row_at(self, index: int) -> list[str]:
        return list(self.rows[index])

    def set_rows(self, rows: Sequence[Sequence[str]], cursor_row: int | None = None) -> None:
        """Replace every row; the cursor stays where it was, within the new rows."""
        self.rows = [tuple(printable(cell) for cell in row) for row in rows]
        self._layout = None
        self.virtual_size = Size(0, len(self.rows) + 1)
        wanted = self.cursor_row if cursor_row is None else cursor_row
        self.cursor_row = max(0, min(wanted, len(self.rows) - 1))
        self._scroll_to_cursor()
        self.refresh(layout=True)

    def move_cursor(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        if row != self.cursor_row:
            self.cursor_row = row
            self._scroll_to_cursor()
            self.refresh()
            self.post_message(self.RowHighlighted(self, row))

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        if self.scrollable_content_region.height <= 1:
            return  # not laid out yet: on_resize will do it
        top = round(self.scroll_y)
        visible = self._visible_rows()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._layout = None
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._layout = None

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self._visible_rows())

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self._visible_rows())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return  # the header
        row = event.y - 1 + round(self.scroll_y)
        if not 0 <= row < len(self.rows):
            return
        self.move_cursor(row)
        if event.chain >= 2:  # a double click picks the row
            self.post_message(self.RowSelected(self, row))

    def _lines(self, width: int) -> list[str]:
        if self._layout is None or self._layout[0] != width:
            widths = column_widths(self.header, self.rows, width)
            lines = [format_line(row, widths) for row in (self.header, *self.rows)]
            self._layout = (width, lines)
        return self._layout[1]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        lines = self._lines(width)
        if y == 0:
            return self._strip(lines[0], width, self.get_component_rich_style("row-table--header"))
        row = y - 1 + round(self.scroll_y)
        if row >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        if row == self.cursor_row:
            style = self.get_component_rich_style("row-table--cursor")
        elif row % 2:
            style = self.get_component_rich_style("row-table--even")
        else:
            style = self.rich_style
        return self._strip(lines[row + 1], width, style)

    @staticmethod
    def _strip(text: str, width: int, style: Style) -> Strip:
        return Strip([Segment(set_cell_size(text, width), style)], width)
