"""Textual's Footer, composed again only when the keys it shows have changed, and
showing only the keys that fit whole.

The stock footer rebuilds all its keys on every bindings signal (mounting, each
focus change), even when the same keys come out; on the home screen that was a
fifth of the time to the first frame (benchmarks/startup.py). And it cuts the last
key that does not fit ("S Schedul"); here such keys are left out, the help (?)
listing them all. It reads Textual's footer parts (`textual.widgets._footer`):
check it on a Textual upgrade.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


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
        self._fit_soon()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        if self._shown_keys(screen) != self._composed_for:
            super().bindings_changed(screen)
        else:
            self._bindings_ready = True
            self._fit_soon()  # back on top after a modal: keys composed under it fit now

    # -- keys that do not fit are left out whole --------------------------------------
    # A key cut in half ("S Schedul", "u Un") reads as a mistake; the help (?) lists
    # every key, so the footer shows only the keys that fit entire, in their order.

    def on_resize(self) -> None:
        self._fit_soon()

    FIT_TRIES = 3  # refreshes to wait for keys to be laid out (under a modal they are not)

    def _fit_soon(self) -> None:
        self._fit_tries = 0
        self.call_after_refresh(self._fit_keys)

    def _fit_keys(self) -> None:
        room = self.size.width
        if not room:
            return
        used = 0
        fits = True
        for unit in self._units():
            widths = [self._whole_width(part) for part in unit]
            if None in widths:  # not laid out yet: measure once it is, a few times at most
                # (a screen under a modal is not laid out: waiting on would spin; its
                # bindings change again when it is back on top)
                self._fit_tries = getattr(self, "_fit_tries", 0) + 1
                if self._fit_tries <= self.FIT_TRIES:
                    self.call_after_refresh(self._fit_keys)
                return
            used += sum(width for width in widths if width is not None)
            fits = fits and used <= room
            for part in unit:
                if part.display != fits:
                    part.display = fits

    def _units(self) -> list[list[Widget]]:
        """The footer's entries, each shown whole or not at all: a key, or a group of
        keys (`Binding.Group`, such as + and - as one) with the label after it."""
        units: list[list[Widget]] = []
        for child in self.children:
            if isinstance(child, FooterKey):
                units.append([child])
            elif isinstance(child, FooterLabel) and units and isinstance(units[-1][0], KeyGroup):
                units[-1].append(child)
            elif isinstance(child, KeyGroup):
                units.append([child])
        return units

    @staticmethod
    def _whole_width(part: Widget) -> int | None:
        """Columns it takes with its margins, measured while it was shown (None: not yet)."""
        if part.display and part.region.width:
            part._whole_width = part.region.width + part.styles.margin.width  # type: ignore[attr-defined]
        return getattr(part, "_whole_width", None)
