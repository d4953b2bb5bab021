"""Markdown that the reports share: a table whose number columns align right."""

from __future__ import annotations

from collections.abc import Iterable


def table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    """A Markdown table; numbers are right-aligned by the header's `:` marks."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if h.startswith("#") else "---" for h in header) + " |")
    lines[0] = lines[0].replace("| #", "| ")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
