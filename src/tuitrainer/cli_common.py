"""What every command module shares: exit codes, option types, quiet broken pipes."""

from __future__ import annotations

import sys
from datetime import date
from typing import TextIO

OK, INVALID, USAGE = 0, 1, 2  # done; a file is invalid (or refused); usage or not found


def speed(text: str) -> float:
    """`--speed`: a rehearsal factor, from a hundredth to a thousand."""
    import argparse  # here: plain `tuitrainer` opens the app without building a parser

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.01 <= value <= 1000:
        raise argparse.ArgumentTypeError("speed must be between 0.01 and 1000")
    return value


def day(text: str) -> date:
    """`--since`, `--until`: a day as YYYY-MM-DD."""
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def silence(out: TextIO) -> None:
    """After a broken pipe, send what is left of standard output nowhere, so Python's
    own flush at exit does not complain on the terminal."""
    import os

    if getattr(out, "stream", out) is sys.stdout:  # under cli's PrintableWriter
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
