"""The compiled directory cache: keyed on the file's bytes and the code, stale copies removed."""

from __future__ import annotations

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
