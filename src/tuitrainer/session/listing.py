"""What the home screen lists about each session, cached by file size and time.

Reading and checking every session file on each start costs the YAML parser
and the validator before the first frame. The listing keeps, per file, its
title, planned time and first problems, and re-reads only files that changed.
Starting a session always reads and checks its file afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..locations import Locations

SUFFIXES = (".yaml", ".yml")
CACHE_VERSION = 1


@dataclass(frozen=True)
class Listed:
    slug: str
    path: str
    source: str  # "builtin" or "user"
    title: str
    description: str
    planned_seconds: float | None  # None when the file is invalid
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def session_files(folder: Path) -> list[Path]:
    """Session files in a folder; where NAME.yaml and NAME.yml both exist, NAME.yaml."""
    if not folder.is_dir():
        return []
    chosen: dict[str, Path] = {}
    for suffix in SUFFIXES:
        for path in sorted(folder.glob(f"*{suffix}")):
            if path.is_file():
                chosen.setdefault(path.stem, path)
    return [chosen[stem] for stem in sorted(chosen)]


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_mtime_ns, stat.st_size]


def _read(path: Path, source: str, sound_dirs: list[Path]) -> Listed:
    from ..planner import plan
    from .load import check_file

    try:
        session, problems = check_file(path, source, sound_dirs)
    except OSError as err:
        session, problems = None, []
        text = f"{path}:1:1: cannot read: {err.strerror}"
        return Listed(path.stem, str(path), source, path.stem, "", None, (text,))
    if session is None:
        return Listed(
            path.stem, str(path), source, path.stem, "", None, tuple(str(p) for p in problems[:5])
        )
    return Listed(
        path.stem,
        str(path),
        source,
        session.title,
        session.description,
        plan(session).total_seconds,
        (),
    )


class Listing:
    """Every session by name, a user file shadowing a built-in of the same name."""

    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self.cache_file = locations.data_dir / "cache" / "sessions.json"

    def _load_cache(self) -> dict[str, dict]:
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("files")
        return entries if isinstance(entries, dict) else {}

    def _save_cache(self, entries: dict[str, dict]) -> None:
        """Write the cache atomically; a failure only costs the next start some time."""
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(
                json.dumps({"version": CACHE_VERSION, "files": entries}), encoding="utf-8"
            )
            temp.replace(self.cache_file)
        except OSError:
            pass

    def sessions(self) -> list[Listed]:
        cached = self._load_cache()
        fresh: dict[str, dict] = {}
        found: dict[str, Listed] = {}
        sources = (
            ("builtin", self.locations.builtin_sessions),
            ("user", self.locations.user_sessions),
        )
        for source, folder in sources:
            for path in session_files(folder):
                key = str(path)
                try:
                    stamp = _stamp(path)
                except OSError:
                    continue
                hit = cached.get(key)
                if hit and hit.get("stamp") == stamp and hit.get("source") == source:
                    listed = Listed(
                        **{**hit["listed"], "problems": tuple(hit["listed"]["problems"])}
                    )
                else:
                    listed = _read(path, source, self.locations.sound_dirs())
                record = {**asdict(listed), "problems": list(listed.problems)}
                fresh[key] = {"stamp": stamp, "source": source, "listed": record}
                found[path.stem] = listed
        if fresh != cached:
            self._save_cache(fresh)
        return [found[slug] for slug in sorted(found)]
