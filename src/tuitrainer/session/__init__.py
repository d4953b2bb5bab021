"""Session files: the model, the loader and the validator (no UI here)."""

from .load import check_file, check_text, load_session
from .model import Exercise, RepRange, Session
from .problems import Problem, SessionError

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
