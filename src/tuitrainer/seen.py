"""Notices a person should read once on a machine, remembered between runs.

"No sound device" on every start teaches people to ignore notices; once is enough,
and again only when what it says changes. The texts seen are kept in a small JSON
file in the data folder. A file that cannot be read or written never stops the
app: the notice is then simply shown.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FILE = "seen-notices.json"


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def first_time(data_dir: Path, key: str, text: str) -> bool:
    """Whether `text` is new under `key` on this machine; it is remembered as seen."""
    path = data_dir / FILE
    seen = _read(path)
    if seen.get(key) == text:
        return False
    seen[key] = text
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(seen, indent=1), encoding="utf-8")
        temp.replace(path)
    except OSError:
        pass  # not remembered: shown again next time, which is harmless
    return True
