"""One rule for text in widgets: computed text enters as Content/Text, never a markup str.

A screen that passes `f"{title} ..."` to a Label parses the title as markup: a
title with `[/]` crashes it, `[@click=app.quit]` becomes an action. This test reads
the UI code and names every call that gives a widget computed text any other way
than through `widgets.text` (plain, styled, cell) or Rich/Textual text objects.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tuitrainer"
UI_PATHS = ["screens", "widgets", "app.py"]
# Widget constructors and methods that take text which Textual parses as markup.
TEXT_TAKERS = {"Label", "Static", "update", "Option", "add_row", "add_column", "add_columns"}
TEXT_TAKERS |= {"title", "xlabel", "ylabel", "text"}  # plotext draws its text raw
SAFE_WRAPPERS = {
    "key_table",
    "plain",
    "styled",
    "cell",
    "Text",
    "Content",
    "describe_bindings",
    "printable",
}
TITLES = {"title", "sub_title", "border_title", "border_subtitle"}
SAFE_TITLE_WRAPPERS = {"printable"}


def ui_files() -> list[Path]:
    files: list[Path] = []
    for name in UI_PATHS:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [f for f in files if f.name != "text.py"]


def _safe(node: ast.expr) -> bool:
    """A literal of ours, or text that went through a safe wrapper."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name) and node.id.endswith("_content"):  # built as Content
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "join" and isinstance(func, ast.Attribute):  # Content("\n").join(parts)
            receiver = func.value  # Content.join never parses markup; "\n".join(...) is a str
            return isinstance(receiver, ast.Call) and getattr(receiver.func, "id", "") == "Content"
        return name in SAFE_WRAPPERS or name.endswith("_content")  # returns Content
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    if isinstance(node, ast.Starred):
        return _safe(node.value)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        return _safe(node.elt)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_safe(e) for e in node.elts)
    return False


def _on_digits(call: ast.Call) -> bool:
    """`query_one("#hold", Digits).update(...)`: Digits draws numbers, never markup."""
    receiver = getattr(call.func, "value", None)
    return isinstance(receiver, ast.Call) and any(
        isinstance(a, ast.Name) and a.id == "Digits" for a in receiver.args
    )


def _taker(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def violations(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _taker(node) in TEXT_TAKERS:
            if _taker(node) == "update" and (not node.args or _on_digits(node)):
                continue
            args = list(node.args)
            if _taker(node) == "add_column" or _taker(node) == "Option":
                args = args[:1]  # the label/prompt; the rest are keys and ids
            for arg in args:
                if not _safe(arg):
                    found.append(f"{filename}:{node.lineno}: {_taker(node)}({ast.unparse(arg)})")
        if isinstance(node, ast.Assign):
            for target in node.targets:
                titled = isinstance(target, ast.Attribute) and target.attr in TITLES
                if titled and not _safe(node.value):
                    found.append(f"{filename}:{node.lineno}: .{target.attr} = computed text")
    return found


def test_every_widget_gets_computed_text_as_content_or_text() -> None:
    problems = []
    for path in ui_files():
        problems += violations(path.read_text(), str(path.relative_to(PACKAGE)))
    assert problems == [], "\n".join(problems)


def test_the_rule_catches_an_f_string_label() -> None:
    source = (
        'Label(f"{title} done")\nLabel(plain(title))\nLabel("[b]ours[/b]")\nx.update("".join(t))'
    )
    assert violations(source, "x.py") == [
        "x.py:1: Label(f'{title} done')",
        "x.py:4: update(''.join(t))",
    ]
