"""Text drawn in big block letters, as large as the space and `max_scale` allow."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from .. import glyphs


class BigText(Widget):
    """A word or a count in glyphs several rows tall, centred.

    It picks the largest scale up to `max_scale` at which the text fits its width
    (wrapping words onto at most `max_lines` lines); when even the smallest does
    not fit, or a character has no glyph, the text is shown in bold, as ordinary
    text, so nothing is ever cut. Scale 0 asks for ordinary text. It repaints
    only when its text or scale changes.

    A fuller form of the text (the side with the word: "LEFT · LIFT") is drawn
    instead when each of its `rooms`, the widest forms it takes, fits at that
    same scale on as few lines: the short word never shrinks for it, and it does
    not come and go as the word changes.
    """

    DEFAULT_CSS = """
    BigText {
        width: 1fr;
        height: auto;
        text-align: center;
    }
    """

    def __init__(self, text: str = "", max_scale: int = 1, max_lines: int = 1, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text
        self.full = ""
        self.rooms: tuple[str, ...] = ()
        self.max_scale = max_scale
        self.max_lines = max_lines

    def update(self, text: str, full: str = "", rooms: Sequence[str] = ()) -> None:
        """Show `text` (or `full`, room allowing); the layout is redone only when its
        height changes (a clock's next second is a repaint of this widget, not of
        the screen)."""
        rooms = tuple(rooms)
        if (text, full, rooms) == (self.text, self.full, self.rooms):
            return
        width = self.content_region.width
        before = self.layout_for(width)
        self.text, self.full, self.rooms = text, full, rooms
        after = self.layout_for(width)
        same_height = before[0] == after[0] != 0 and len(before[1]) == len(after[1])
        self.refresh(layout=not same_height)

    def set_scale(self, max_scale: int) -> None:
        if max_scale != self.max_scale:
            self.max_scale = max_scale
            self.refresh(layout=True)

    def layout_for(self, columns: int) -> tuple[int, list[str]]:
        """The scale (0: ordinary text) and the lines of words at that scale: the
        fuller form's when it has room, else the text's."""
        scale, lines = self._layout(self.text.strip(), columns)
        if scale and self.full:
            fuller = self._fit(self.full, scale, columns, len(lines))
            if fuller and all(self._fit(room, scale, columns, len(lines)) for room in self.rooms):
                return scale, fuller
        return scale, lines

    def _layout(self, text: str, columns: int) -> tuple[int, list[str]]:
        if not text or not glyphs.drawable(text):
            return 0, [text]
        for scale in range(self.max_scale, 0, -1):
            lines = glyphs.wrap(text, scale, columns, self.max_lines)
            if lines is not None:
                return scale, lines
        return 0, [text]

    @staticmethod
    def _fit(text: str, scale: int, columns: int, max_lines: int) -> list[str] | None:
        if not glyphs.drawable(text):
            return None
        return glyphs.wrap(text, scale, columns, max_lines)

    @property
    def drawn(self) -> str:
        """The words drawn now (the fuller form when it had room), one line each, in
        capitals when drawn in glyphs."""
        scale, lines = self.layout_for(self.content_region.width or self.size.width)
        text = "\n".join(line.replace("\u00a0", " ") for line in lines)
        return text.upper() if scale else text

    @property
    def scale(self) -> int:
        """The scale it is drawn at now (0: ordinary text)."""
        return self.layout_for(self.content_region.width or self.size.width)[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        scale, lines = self.layout_for(width)
        if scale == 0:
            return max(1, len(Text(self.text).wrap(self.app.console, max(1, width))))
        return glyphs.rows(scale) * len(lines)

    def render(self) -> Text:
        scale, lines = self.layout_for(self.content_region.width)
        if scale == 0:
            return Text(self.text, style="bold", justify="center")
        drawn = [row for line in lines for row in glyphs.render(line, scale)]
        return Text("\n".join(drawn), justify="center", no_wrap=True)
