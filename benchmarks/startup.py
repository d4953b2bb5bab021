"""Launch to first painted home screen, against a bare Textual app launched the same way.

Each is started in a fresh tmux terminal and timed until its first text is on
screen; runs alternate so both see the same machine. Target: at most 1.2x.

Both start from compiled bytecode, as after `pip install` (which compiles what it
installs): tuitrainer's modules are compiled first, because an editable install or
PYTHONDONTWRITEBYTECODE would otherwise have every launch compile them from source
while Textual's were compiled when it was installed.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

from _term import Pane

HERE = Path(__file__).resolve().parent


def time_launch(args: list[str], text: str, env: dict[str, str]) -> float:
    pane = Pane(args, env)
    try:
        return pane.wait_for(text)
    finally:
        pane.close()


def compile_package() -> None:
    """Bytecode for the installed tuitrainer, as pip writes it at install time."""
    import tuitrainer

    compileall.compile_dir(Path(tuitrainer.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {
        "TUITRAINER_DATA_DIR": tempfile.mkdtemp(prefix="tt-bench-"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    tuitrainer = str(Path(sys.executable).with_name("tuitrainer"))
    compile_package()
    ours: list[float] = []
    bare: list[float] = []
    # One untimed launch each first: it fills the OS file cache and, for tuitrainer,
    # builds the session listing cache that every later start reads.
    time_launch([tuitrainer], "Hip mobility", env)
    time_launch([sys.executable, str(HERE / "bare_app.py")], "Choose a session", env)
    for _ in range(args.runs):
        ours.append(time_launch([tuitrainer], "Hip mobility", env))
        bare.append(
            time_launch([sys.executable, str(HERE / "bare_app.py")], "Choose a session", env)
        )
    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    ratio = ours_ms / bare_ms
    print(f"median of {args.runs} launches to the first painted screen:")
    print(f"  tuitrainer home  {ours_ms:7.1f} ms")
    print(f"  bare Textual app {bare_ms:7.1f} ms")
    print(f"  ratio {ratio:.2f}  (target <= 1.2)  {'OK' if ratio <= 1.2 else 'OVER'}")


if __name__ == "__main__":
    main()
