"""The settings check knows exactly the themes the app can show."""

from textual.theme import BUILTIN_THEMES

from tuitrainer.theme_names import APP_THEME_NAMES, THEME_NAMES
from tuitrainer.themes import APP_THEMES


def test_theme_names_are_textuals_and_the_apps_own() -> None:
    assert set(THEME_NAMES) == set(BUILTIN_THEMES) | {t.name for t in APP_THEMES}
    assert tuple(t.name for t in APP_THEMES) == APP_THEME_NAMES
