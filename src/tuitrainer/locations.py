"""Every path the app touches, in one place.

The data directory comes from `--data-dir`, else `TUITRAINER_DATA_DIR`, else
the platform's user data directory. Tests always pass a temporary one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "tuitrainer"
ENV_DATA_DIR = "TUITRAINER_DATA_DIR"
ENV_CONFIG_DIR = "TUITRAINER_CONFIG_DIR"
ENV_CACHE_DIR = "TUITRAINER_CACHE_DIR"
SCHEMA_FILE = "session.schema.json"  # the copy beside the sessions folder their files point at


def builtin_dir(name: str) -> Path:
    """A folder of data shipped inside the package (sessions, sounds).

    A plain path beside this module: the package is installed as files, and
    importlib.resources costs startup time the home screen can't spare.
    """
    return Path(__file__).resolve().parent / "data" / name


@dataclass(frozen=True)
class Locations:
    """The folders of one user's data; created when first asked for."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path | None = None  # None: the platform's user cache folder

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Locations:
        chosen = data_dir or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir(APP_NAME)
        config: str | Path | None = os.environ.get(ENV_CONFIG_DIR)
        if config is None:
            # An explicit data dir keeps its settings beside it, so tests stay sealed.
            explicit = data_dir or os.environ.get(ENV_DATA_DIR)
            config = Path(chosen) / "config" if explicit else platformdirs.user_config_dir(APP_NAME)
        folder = Path(chosen).expanduser()
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR,
                "the data folder (--data-dir or $TUITRAINER_DATA_DIR) is a file, not a folder",
                str(folder),
            )
        cache = os.environ.get(ENV_CACHE_DIR)
        if cache is None and (data_dir or os.environ.get(ENV_DATA_DIR)):
            cache = str(Path(chosen) / "cache")  # sealed beside the data, as the settings are
        return cls(folder, Path(config).expanduser(), Path(cache).expanduser() if cache else None)

    def _ensure(self, path: Path) -> Path:
        """The folder, created if it can be. One that cannot (a read-only data folder)
        is not an error here: reading finds it empty, and a write says what failed."""
        with contextlib.suppress(OSError):
            path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def user_sessions(self) -> Path:
        return self._ensure(self.data_dir / "sessions")

    @property
    def user_sounds(self) -> Path:
        return self._ensure(self.data_dir / "sounds")

    @property
    def trash(self) -> Path:
        """Where deleted sessions go: never destroyed, moved back by undo or by hand."""
        return self.data_dir / "trash"

    @property
    def database(self) -> Path:
        return self._ensure(self.data_dir) / "history.sqlite3"

    @property
    def config_file(self) -> Path:
        return self._ensure(self.config_dir) / "settings.toml"

    @property
    def schedule_file(self) -> Path:
        """What is meant to be done when (beside settings.toml)."""
        return self.config_dir / "schedule.toml"

    @property
    def keys_file(self) -> Path:
        """Your own keys (keymap.py), beside settings.toml."""
        return self._ensure(self.config_dir) / "keys.toml"

    @property
    def reports(self) -> Path:
        """Where the app writes a clinician's report (made when one is written)."""
        return self.data_dir / "reports"

    @property
    def session_cache(self) -> Path:
        """The home screen's listing of sessions (its folder is made when written)."""
        return self.data_dir / "cache" / "sessions.json"

    @property
    def schema_copy(self) -> Path:
        """The JSON Schema that session files name in their first line, for editors."""
        return self.data_dir / SCHEMA_FILE

    @property
    def user_assessments(self) -> Path:
        """The user's own assessment files, if any (never created: they are optional)."""
        return self.data_dir / "assessments"

    @property
    def builtin_assessments(self) -> Path:
        return builtin_dir("assessments")

    @property
    def builtin_sessions(self) -> Path:
        return builtin_dir("sessions")

    @property
    def builtin_sounds(self) -> Path:
        return builtin_dir("sounds")

    @property
    def speech_cache(self) -> Path:
        """Spoken phrases rendered ahead, one WAV each, named by a hash (speech/cache.py).

        A cache: deleting it loses nothing but the time to render the phrases again."""
        root = self.cache_dir or Path(platformdirs.user_cache_dir(APP_NAME))
        return self._ensure(root / "speech")

    @property
    def voices(self) -> Path:
        """Where a Piper voice model (`.onnx` with its `.onnx.json`) is looked for."""
        return self.data_dir / "voices"

    def sound_dirs(self) -> list[Path]:
        """Where a cue sound name is looked up, in order (nothing is created)."""
        return [self.data_dir / "sounds", self.builtin_sounds]
