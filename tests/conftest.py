"""Shared fixtures: a sealed data directory and a clock the test drives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuitrainer.locations import Locations

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


class FakeClock:
    """A clock that moves only when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


@pytest.fixture(autouse=True)
def _sealed_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's data, settings or sound device."""
    monkeypatch.setenv("TUITRAINER_DATA_DIR", str(tmp_path_factory.mktemp("user-data")))
    monkeypatch.delenv("TUITRAINER_CONFIG_DIR", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder; the environment points every command at it."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("TUITRAINER_DATA_DIR", str(folder))
    monkeypatch.delenv("TUITRAINER_CONFIG_DIR", raising=False)
    return folder


@pytest.fixture
def locations(data_dir: Path) -> Locations:
    return Locations.resolve(data_dir)
