"""Start fast on a big directory: a compiled cache keyed by the file's content hash.

Parsing an 8 MB YAML file with line numbers takes seconds; the bot only needs that once per
version of the file and of the code. The validated directory is pickled and reused while the
file's bytes and the code are unchanged (the cache lives in the user's cache folder); the caches
of a file's earlier versions are removed when a new one is written.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

from bot.data.directory import load_directory
from bot.errors import DirectoryError, Problem, SourceError
from bot.places.model import Directory

logger = logging.getLogger(__name__)
CACHE_VERSION = 1
SMALL = 256 * 1024  # below this, parsing is faster than hashing + unpickling matters


def cache_dir() -> Path:
    """The bot's cache folder: BOT_CACHE_DIR, else the user's cache folder."""
    base = os.environ.get("BOT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "orientation-bot"
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        pass  # unwritable: whoever uses it finds out and works without a cache
    return path


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that shapes a compiled directory (the model and its loader): a cache
    written by other code is never read, even if CACHE_VERSION was not bumped."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    for folder in ("places", "data"):
        for source in sorted((root / folder).glob("*.py")):
            h.update(source.name.encode())
            h.update(source.read_bytes())
    return h.hexdigest()[:12]


def _cache_path(path: Path, content: bytes) -> Path:
    """Where the compiled form of this exact file content, by this code, lives."""
    digest = hashlib.sha256(content).hexdigest()[:32]
    # A per-user folder, never a shared temp dir: a pickle is code, nobody else may write it.
    return cache_dir() / f"directory-{_path_key(path)}-{code_version()}-{digest}.pickle"


def _path_key(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:10]


def remove_stale(path: Path, keep: Path) -> int:
    """Delete the caches of earlier versions of this file (or of earlier code); returns how many."""
    removed = 0
    for old in keep.parent.glob(f"directory-{_path_key(path)}-*.pickle"):
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
                removed += 1
    return removed


def load_directory_cached(path: Path) -> Directory:
    """The directory at `path`, validated, from its compiled cache when it is big."""
    prepared = prepare_directory(path)
    return prepared if isinstance(prepared, Directory) else read_prepared(path, prepared)


def prepare_directory(path: Path) -> Directory | Path:
    """Validate the file's current version. A small file is parsed here and returned; a big one
    is compiled by a child process (which alone holds the parse's memory) and the path of its
    cache returned, to be read when the caller is ready to hold it. DirectoryError if invalid."""
    data = _read(path)
    if len(data) < SMALL:
        return load_directory(path, content=data, coverage=False)[0]
    cache = _cache_path(path, data)
    if cache.exists():
        return cache
    refused = _compile_in_child(path)
    if refused:
        raise DirectoryError(refused)
    if refused is not None and cache.exists():
        return cache
    # No child could run (or the file changed meanwhile): parse here, errors with their lines.
    directory = load_directory(path, content=data, coverage=False)[0]
    write_cache(directory, cache, path)
    return directory


def read_prepared(path: Path, cache: Path) -> Directory:
    """A directory `prepare_directory` compiled; parsed here only if its cache cannot be read."""
    directory = _read_cache(cache)
    if directory is None:
        directory = load_directory(path, content=_read(path), coverage=False)[0]
    return directory


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise DirectoryError([Problem(str(path), 0, f"fichier illisible ({e.strerror}) : indiquez "
                                                    "le bon chemin avec BOT_DIRECTORY ou --directory")]) from None


def _read_cache(cache: Path) -> Directory | None:
    try:
        with open(cache, "rb") as f:
            directory = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return directory if isinstance(directory, Directory) else None


def _compile_in_child(path: Path) -> list[Problem] | None:
    """Parse and validate in a child process, so the serving process never holds the parse's
    memory (several times the directory's). [] when the child wrote the cache, the problems
    when it refused the file, None when it could not run."""
    try:
        done = subprocess.run([sys.executable, "-m", "bot.data.cache", str(path)], timeout=600,
                              capture_output=True, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode == 0:
        return []
    try:
        return [Problem(str(p[0]), int(p[1]), str(p[2]), bool(p[3])) for p in json.loads(done.stdout)]
    except (ValueError, TypeError, IndexError):
        return None


def write_cache(directory: Directory, cache: Path, path: Path) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(directory, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        remove_stale(path, cache)
    except (OSError, pickle.PicklingError, TypeError) as e:
        logger.info("directory cache not written (%s): next start parses again", e)


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    data = path.read_bytes()
    try:
        # Parse the very bytes the cache is keyed on, even if the file changes meanwhile.
        directory = load_directory(path, content=data, coverage=False)[0]
    except SourceError as e:
        print(json.dumps([(p.file, p.line, p.message, p.warning) for p in e.problems], ensure_ascii=False))
        return 1
    write_cache(directory, _cache_path(path, data), path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
