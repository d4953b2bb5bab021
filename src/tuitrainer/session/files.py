"""Session files on disk: which names count as session files in a folder."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".yaml", ".yml")


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


def looks_like_path(name: str) -> bool:
    """A path names a folder or a suffix; a bare word is a session name."""
    return "/" in name or name.endswith(SUFFIXES) or name.startswith((".", "~"))
