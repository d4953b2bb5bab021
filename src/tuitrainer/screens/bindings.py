"""Every key binding of the app, by its id: what keys.toml may remap and docs/keys.md lists.

Read from the screens' own BINDINGS (so it cannot drift from them); imported
only when a keys.toml exists or the docs are checked, since it loads every screen.
"""

from __future__ import annotations

import importlib
import inspect

from textual.binding import Binding

PACKAGES = ("tuitrainer.screens", "tuitrainer.widgets")


def modules() -> list[str]:
    """Every screen and widget module: a new screen's keys are found without a list."""
    import pkgutil

    found = []
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        found += [f"{package}.{info.name}" for info in pkgutil.iter_modules(path)]
    return sorted(found)


def declared() -> list[tuple[str, Binding]]:
    """(owner class name, binding) for every binding the app's screens and widgets declare."""
    found = []
    for name in modules():
        module = importlib.import_module(name)
        for _, owner in inspect.getmembers(module, inspect.isclass):
            if owner.__module__ != name:
                continue
            for binding in owner.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding):
                    found.append((owner.__name__, binding))
    return found


def by_id() -> dict[str, Binding]:
    return {binding.id: binding for _, binding in declared() if binding.id}


def shown_keys(keys: str) -> str:
    """`question_mark,q` as a person reads it: `?, q`."""
    names = {"question_mark": "?", "equals_sign": "=", "plus": "+", "minus": "-"}
    return ", ".join(names.get(key.strip(), key.strip()) for key in keys.split(","))


def keys_doc() -> str:
    """docs/keys.md's table, made from the bindings (tests keep the file equal to it)."""
    lines = ["| id | default keys | does |", "| --- | --- | --- |"]
    for binding_id, binding in sorted(by_id().items()):
        keys = shown_keys(binding.key).replace("|", "\\|")
        lines.append(f"| `{binding_id}` | {keys} | {binding.description} |")
    return "\n".join(lines) + "\n"
