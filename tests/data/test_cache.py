"""The compiled directory cache: keyed on the file's bytes and the code, stale copies removed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from benchmarks.gen_directory import generate
from bot.data import cache


@pytest.fixture
def big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BOT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "national.yaml"
    path.write_text(generate(320, 5), encoding="utf-8")
    assert path.stat().st_size > cache.SMALL  # big enough to be cached
    return path


def caches(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "orientation-bot").glob("directory-*.pickle"))


def test_an_edit_replaces_the_cache_and_removes_the_old_one(big: Path, tmp_path: Path):
    first = cache.load_directory_cached(big)
    [written] = caches(tmp_path)
    assert cache.load_directory_cached(big).places.keys() == first.places.keys()  # read back
    big.write_text(big.read_text(encoding="utf-8") + "\n# une modification\n", encoding="utf-8")
    cache.load_directory_cached(big)
    [rewritten] = caches(tmp_path)
    assert rewritten != written  # one cache per file, the old version's removed


def test_a_cache_written_by_other_code_is_not_read(big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    cache.load_directory_cached(big)
    [written] = caches(tmp_path)
    monkeypatch.setattr(cache, "code_version", lambda: "othercode000")
    cache.load_directory_cached(big)
    [rewritten] = caches(tmp_path)
    assert "othercode000" in rewritten.name and rewritten != written


def test_a_planted_cache_file_is_never_run_and_is_rebuilt(big: Path, tmp_path: Path):
    import pickle
    cache.load_directory_cached(big)
    [written] = caches(tmp_path)
    witness = tmp_path / "pwned"

    class Payload:  # what an attacker would plant: unpickling it runs a command
        def __reduce__(self):
            return (Path.touch, (witness,))

    written.write_bytes(b"\0" * 32 + pickle.dumps(Payload()))
    directory = cache.load_directory_cached(big)
    assert not witness.exists()
    assert len(directory.places) > 300  # rebuilt from the file
    [rebuilt] = caches(tmp_path)
    assert rebuilt.read_bytes()[:32] != b"\0" * 32


def test_a_corrupt_cache_file_is_deleted_and_rebuilt(big: Path, tmp_path: Path):
    cache.load_directory_cached(big)
    [written] = caches(tmp_path)
    written.write_bytes(written.read_bytes()[:1000])  # cut short
    assert len(cache.load_directory_cached(big).places) > 300
    assert caches(tmp_path) and len(caches(tmp_path)[0].read_bytes()) > 1000


@pytest.mark.skipif(os.getuid() != 0, reason="giving the folder to another user needs root")
def test_a_cache_folder_of_another_user_is_not_used(big: Path, tmp_path: Path):
    folder = cache.cache_dir()
    os.chown(folder, 12345, -1)
    folder.chmod(0o777)
    assert not cache.private(folder)
    assert len(cache.load_directory_cached(big).places) > 300  # parsed, nothing written or read there
    assert caches(tmp_path) == []


def test_the_cache_folder_and_files_are_private(big: Path, tmp_path: Path):
    cache.load_directory_cached(big)
    [written] = caches(tmp_path)
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
