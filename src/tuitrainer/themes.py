"""The app's own themes: `high-contrast` (black, white and one accent) beside Textual's.

WCAG's enhanced contrast (7:1) for every pair of text and background colours
that the app draws; tests/ui/test_themes.py measures it on the screens as drawn.
"""

from __future__ import annotations

from rich.style import Style
from textual.theme import Theme
from textual.widgets.text_area import TextAreaTheme

BLACK, WHITE, ACCENT = "#000000", "#ffffff", "#ffff00"

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary=ACCENT,
    secondary=ACCENT,
    accent=ACCENT,
    warning=ACCENT,
    error=ACCENT,
    success=ACCENT,
    foreground=WHITE,
    background=BLACK,
    surface=BLACK,
    panel=BLACK,
    boost=BLACK,
    dark=True,
    luminosity_spread=0.0,  # no in-between shades: each colour is one of the three
    text_alpha=1.0,
    variables={
        "text": WHITE,
        "text-muted": WHITE,
        "text-disabled": WHITE,
        "foreground-muted": WHITE,
        "foreground-disabled": WHITE,
        "block-cursor-foreground": BLACK,
        "block-cursor-background": ACCENT,
        "block-cursor-blurred-foreground": BLACK,
        "block-cursor-blurred-background": WHITE,
        "block-hover-background": BLACK,
        "footer-background": BLACK,
        "footer-foreground": WHITE,
        "footer-key-foreground": ACCENT,
        "footer-description-foreground": WHITE,
        "input-selection-background": ACCENT,
        "input-selection-foreground": BLACK,
        "input-cursor-background": ACCENT,
        "input-cursor-foreground": BLACK,
        "border": ACCENT,
        "border-blurred": WHITE,
        "scrollbar": WHITE,
        "scrollbar-hover": ACCENT,
        "scrollbar-active": ACCENT,
        "scrollbar-background": BLACK,
        "primary-muted": BLACK,
        "secondary-muted": BLACK,
        "accent-muted": BLACK,
        "warning-muted": BLACK,
        "error-muted": BLACK,
        "success-muted": BLACK,
        "surface-active": BLACK,
        "button-foreground": BLACK,
        "button-color-foreground": BLACK,
        "markdown-h6-color": WHITE,
        "link-background-hover": ACCENT,
        "link-color-hover": BLACK,
    },
)

APP_THEMES = (HIGH_CONTRAST,)

# The session editor draws with a syntax theme of its own (Textual's code editor:
# monokai's greys and pastels, below 7:1); under high contrast it uses this one.
_TEXT, _KEY = Style(color=WHITE, bgcolor=BLACK), Style(color=ACCENT, bgcolor=BLACK)
HIGH_CONTRAST_EDITOR = TextAreaTheme(
    name="high-contrast",
    base_style=_TEXT,
    gutter_style=_TEXT,
    cursor_style=Style(color=BLACK, bgcolor=ACCENT),
    cursor_line_style=_TEXT,
    cursor_line_gutter_style=Style(color=BLACK, bgcolor=WHITE),
    bracket_matching_style=Style(color=BLACK, bgcolor=WHITE),
    selection_style=Style(color=BLACK, bgcolor=ACCENT),
    syntax_styles={
        "yaml.field": Style(color=ACCENT, bgcolor=BLACK, bold=True),
        "comment": Style(color=WHITE, bgcolor=BLACK, italic=True),
        "error": Style(color=BLACK, bgcolor=ACCENT),
        **{
            name: _TEXT
            for name in (
                "boolean",
                "constant.builtin",
                "number",
                "preproc",
                "punctuation.bracket",
                "punctuation.delimiter",
                "punctuation.special",
                "string",
                "string.escape",
                "type",
            )
        },  # fmt: skip
    },
)


def editor_theme(app_theme: str) -> str | None:
    """The editor's syntax theme for the app's theme, when it needs its own."""
    return HIGH_CONTRAST_EDITOR.name if app_theme == HIGH_CONTRAST.name else None


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
