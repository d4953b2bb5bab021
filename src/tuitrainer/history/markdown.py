"""Outside text quoted in Markdown (the report): shown as written, never acting.

A session title with `|` would split a table row, `#` start a heading, `<img ...>`
or `[x](http://...)` put a live tag or link in front of the clinician.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..plain_text import printable

# Enough that nothing acts: with [ and ] escaped no link or image can form, so ( ) and !
# stay as they are (the report reads as written).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")


def md_text(text: str) -> str:
    """Outside text (a title, a name) quoted as Markdown that shows it and does nothing:
    one line, no control characters, and every character Markdown or HTML acts on
    (`|` of a table, `#`, `<tag>`, `[link](...)`, `![image]`) escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(printable(text).split()))


def md_code(text: str) -> str:
    """A name as inline code: backticks cannot end it, `|` cannot split a table row."""
    one_line = " ".join(printable(text).split()).replace("`", "'")
    return "`" + one_line.replace("|", "\\|") + "`"


def table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    """A Markdown table; numbers are right-aligned by the header's `:` marks."""
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if h.startswith("#") else "---" for h in header) + " |")
    lines[0] = lines[0].replace("| #", "| ")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines
