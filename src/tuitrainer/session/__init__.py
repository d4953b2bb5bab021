"""Session files: the model, the loader and the validator (no UI here).

Names are imported on first use, so that importing a light module of this
package (the model, the listing) does not pull in the YAML parser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import check_file, check_text, load_session
    from .model import Exercise, RepRange, Session
    from .problems import Problem, SessionError

_HOMES = {
    "check_file": "load",
    "check_text": "load",
    "load_session": "load",
    "Exercise": "model",
    "RepRange": "model",
    "Session": "model",
    "Problem": "problems",
    "SessionError": "problems",
}

__all__ = [
    "Exercise",
    "Problem",
    "RepRange",
    "Session",
    "SessionError",
    "check_file",
    "check_text",
    "load_session",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
