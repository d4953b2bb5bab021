"""The names a `theme = "NAME"` setting may take: Textual's themes and the app's own.

A leaf, so settings can be checked without importing Textual (the command line
reads settings too); tests/unit/test_theme_names.py keeps it equal to what the
installed Textual ships.
"""

from __future__ import annotations

APP_THEME_NAMES = ("high-contrast",)
TEXTUAL_THEME_NAMES = (
    "ansi-dark",
    "ansi-light",
    "atom-one-dark",
    "atom-one-light",
    "catppuccin-frappe",
    "catppuccin-latte",
    "catppuccin-macchiato",
    "catppuccin-mocha",
    "dracula",
    "flexoki",
    "gruvbox",
    "monokai",
    "nord",
    "rose-pine",
    "rose-pine-dawn",
    "rose-pine-moon",
    "solarized-dark",
    "solarized-light",
    "textual-dark",
    "textual-light",
    "tokyo-night",
)
THEME_NAMES = APP_THEME_NAMES + TEXTUAL_THEME_NAMES
DEFAULT_THEME = "textual-dark"
