"""Saving: atomic (a crash keeps the old file), a .bak, never a built-in, external changes seen."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tuitrainer.locations import Locations
from tuitrainer.session import save as save_module
from tuitrainer.session.save import (
    NOT_CHECKED,
    BuiltinRefused,
    ChangedOnDisk,
    SaveError,
    backup_path,
    current_stamp,
    save_text,
)

OLD = "name: Old\nexercises:\n  - name: A\n    reps: 3\n"
NEW = "name: New\nexercises:\n  - name: B\n    reps: 5\n"


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "sessions" / "mine.yaml"
    path.parent.mkdir()
    path.write_text(OLD)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_save_replaces_the_file_and_keeps_a_backup(session_file: Path):
    opened = current_stamp(session_file)
    new_stamp = save_text(session_file, NEW, expected=opened)
    assert session_file.read_text() == NEW
    assert backup_path(session_file).read_text() == OLD
    assert backup_path(session_file).name == "mine.yaml.bak"
    assert new_stamp == current_stamp(session_file)
    assert leftovers(session_file.parent) == []


def test_a_new_file_has_no_backup(tmp_path: Path):
    path = tmp_path / "fresh.yaml"
    save_text(path, NEW, expected=None)
    assert path.read_text() == NEW
    assert not backup_path(path).exists()


def test_a_crash_at_the_rename_leaves_the_old_file(session_file: Path, monkeypatch):
    real_replace = os.replace

    def crash(src, dst):
        if Path(dst) == session_file:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(save_module.os, "replace", crash)
    with pytest.raises(OSError):
        save_text(session_file, NEW)
    assert session_file.read_text() == OLD
    assert leftovers(session_file.parent) == []


def test_a_crash_while_writing_leaves_the_old_file(session_file: Path, monkeypatch):
    def crash(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(save_module.os, "fsync", crash)
    with pytest.raises(OSError):
        save_text(session_file, NEW * 1000)
    assert session_file.read_text() == OLD
    assert leftovers(session_file.parent) == []


def test_a_process_killed_mid_save_leaves_the_old_file(session_file: Path):
    """The real thing: the process dies (no cleanup, no finally) just before the rename."""
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from tuitrainer.session import save
        def die(src, dst):
            if Path(dst).name == "mine.yaml":
                os._exit(9)  # half-way: the new text is written to the temporary file
            os.rename(src, dst)
        save.os.replace = die
        save.save_text(Path({str(session_file)!r}), {NEW!r})
        """
    )
    result = subprocess.run([sys.executable, "-c", script], timeout=30)
    assert result.returncode == 9
    assert session_file.read_text() == OLD
    [temp] = leftovers(session_file.parent)  # the new text, never renamed into place
    assert (session_file.parent / temp).read_text() == NEW
    assert temp.startswith(".")  # hidden, and not a .yaml: never listed as a session


def test_a_builtin_session_is_never_written(tmp_path: Path):
    locations = Locations.resolve(tmp_path)
    target = locations.builtin_sessions / "hip-mobility.yaml"
    before = target.read_bytes()
    with pytest.raises(BuiltinRefused, match="built-in"):
        save_text(target, NEW, builtin_dir=locations.builtin_sessions)
    assert target.read_bytes() == before


def test_a_file_changed_since_it_was_opened_is_not_overwritten(session_file: Path):
    opened = current_stamp(session_file)
    session_file.write_text(OLD + "# changed elsewhere\n")
    with pytest.raises(ChangedOnDisk, match="changed by another program"):
        save_text(session_file, NEW, expected=opened)
    assert session_file.read_text().endswith("# changed elsewhere\n")
    save_text(session_file, NEW, expected=NOT_CHECKED)  # the user chose to overwrite
    assert session_file.read_text() == NEW


def test_a_file_deleted_since_it_was_opened_is_noticed(session_file: Path):
    opened = current_stamp(session_file)
    session_file.unlink()
    with pytest.raises(ChangedOnDisk, match="deleted"):
        save_text(session_file, NEW, expected=opened)


def test_a_file_that_appeared_is_noticed(tmp_path: Path):
    path = tmp_path / "new.yaml"
    path.write_text(OLD)
    with pytest.raises(ChangedOnDisk):
        save_text(path, NEW, expected=None)
    assert path.read_text() == OLD


def test_saving_through_a_link_in_the_data_folder_keeps_the_link(tmp_path):
    data = tmp_path / "data"
    (data / "sessions" / "shared").mkdir(parents=True)
    target = data / "sessions" / "shared" / "real.yaml"
    target.write_text("name: Old\n")
    link = data / "sessions" / "mine.yaml"
    link.symlink_to(target)
    save_text(link, "name: New\n", within=data)
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text() == "name: New\n"
    assert (target.parent / "real.yaml.bak").read_text() == "name: Old\n"


def test_a_link_to_a_file_outside_the_data_folder_is_refused(tmp_path):
    data = tmp_path / "data"
    (data / "sessions").mkdir(parents=True)
    outside = tmp_path / "bashrc"
    outside.write_text("export X=1\n")
    link = data / "sessions" / "mine.yaml"
    link.symlink_to(outside)
    with pytest.raises(SaveError, match="outside tuitrainer's data folder"):
        save_text(link, "name: New\n", within=data)
    with pytest.raises(SaveError):
        save_text(link, "name: New\n")  # no folder given: never through a link
    assert outside.read_text() == "export X=1\n" and link.is_symlink()
