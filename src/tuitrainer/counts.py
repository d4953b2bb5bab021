"""Counted words: "1 day", "2 days". One place, so no screen or report says "1 days"."""

from __future__ import annotations


def counted(number: int, word: str, many: str | None = None) -> str:
    """`number` with `word`, in the plural unless it is exactly one (`many` when the
    plural is not word + s)."""
    return f"{number} {word if number == 1 else many or word + 's'}"
