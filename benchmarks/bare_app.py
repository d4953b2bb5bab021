"""The reference for startup.py: a bare Textual app that paints one line of text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Choose a session and press Enter.")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
