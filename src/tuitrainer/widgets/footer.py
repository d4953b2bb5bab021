"""Textual's Footer, composed again only when the keys it shows have changed.

The stock footer rebuilds all its keys on every bindings signal (mounting, each
focus change), even when the same keys come out; on the home screen that was a
fifth of the time to the first frame (benchmarks/startup.py).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *args, **kwargs) -> None:
        # ctrl+p is in each help (?) instead: the keys of the screen need the room.
        kwargs.setdefault("show_command_palette", False)
        super().__init__(*args, **kwargs)
        self._composed_for: tuple | None = None

    def _shown_keys(self, screen: Screen) -> tuple:
        return tuple(
            (binding.key, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        # What was really composed: a screen under a modal one (the pain question over
        # a workout) may have no keys yet, and must be composed again when it has.
        if self._bindings_ready:
            self._composed_for = self._shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        if self._shown_keys(screen) != self._composed_for:
            super().bindings_changed(screen)
        else:
            self._bindings_ready = True
