"""The app's look, keys and command palette: themes kept in settings, keys.toml, ctrl+p.

A mixin of the app (it needs the App's theme and screens): registers the app's
own themes, keeps a theme chosen in the palette in settings.toml, and keeps the
palette shut while a clock runs (a workout, a hold).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from .config import Preferences
    from .locations import Locations


class Look(App[int]):
    """The theme and the palette; `TuitrainerApp` provides `preferences` and `locations`."""

    preferences: Preferences
    locations: Locations
    key_warnings: list[str]

    def _use_theme(self, name: str) -> None:
        """The app's own themes registered and the chosen one applied; a later change
        (the palette's Theme command) is kept in settings.toml by watch_theme."""
        from .themes import APP_THEMES

        for theme in APP_THEMES:
            self.register_theme(theme)
        self.theme = name

    def _own_keys(self) -> dict[str, str]:
        """keys.toml's remapped keys, applied; its problems join the settings notice.
        Without the file nothing is read (the common case costs no start-up time)."""
        path = self.locations.keys_file
        if not path.exists():
            return {}
        from .keymap import load
        from .screens.bindings import by_id

        keymap, problems = load(path, by_id())
        self.key_warnings = problems
        self.set_keymap(keymap)
        return keymap

    def watch_theme(self, name: str) -> None:
        """Textual marks the app `-theme-NAME` itself (CSS for high contrast uses it)."""
        if name == self.preferences.theme:
            return
        from .config import set_top_level

        self.preferences.theme = name
        try:
            set_top_level(self.locations.config_file, "theme", f'"{name}"')
        except OSError as error:
            self.notify(f"The theme is not kept: {error.strerror}", severity="warning")

    def action_command_palette(self) -> None:
        if getattr(self.screen, "RUNS_A_CLOCK", False):
            self.notify("The command palette opens outside a workout or a test.", timeout=3)
            return
        super().action_command_palette()

    def get_system_commands(self, screen: Screen) -> Iterator[SystemCommand]:
        from .palette import trainer_commands

        yield from trainer_commands(self)
        yield from super().get_system_commands(screen)
