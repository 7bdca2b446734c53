"""Start fast on a big directory: a compiled cache keyed by the file's content hash.

Parsing an 8 MB YAML file with line numbers takes seconds; the bot only needs that once per
version of the file. The validated directory is pickled and
reused while the file's bytes are unchanged (the cache lives in the user's cache folder).
"""

from __future__ import annotations

import hashlib
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


def _cache_path(content: bytes) -> Path:
    """Where the compiled form of this exact file content lives."""
    digest = hashlib.sha256(content).hexdigest()[:32]
    # A per-user folder, never a shared temp dir: a pickle is code, nobody else may write it.
    return cache_dir() / f"directory-{CACHE_VERSION}-{digest}.pickle"


def load_directory_cached(path: Path) -> Directory:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DirectoryError([Problem(str(path), 0, f"fichier illisible ({e.strerror}) : indiquez "
                                                    "le bon chemin avec BOT_DIRECTORY ou --directory")]) from None
    if len(data) < SMALL:
        return load_directory(path, content=data, coverage=False)[0]
    cache = _cache_path(data)
    directory = _read_cache(cache)
    if directory is None and _compile_in_child(path):
        directory = _read_cache(cache)
    if directory is not None:
        return directory
    directory = load_directory(path, content=data, coverage=False)[0]  # errors are raised here, with their lines
    write_cache(directory, cache)
    return directory


def _read_cache(cache: Path) -> Directory | None:
    try:
        with open(cache, "rb") as f:
            directory = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return directory if isinstance(directory, Directory) else None


def _compile_in_child(path: Path) -> bool:
    """Parse and validate in a child process, so the serving process never holds the parse's
    memory (several times the directory's); True when the child wrote the cache."""
    try:
        done = subprocess.run([sys.executable, "-m", "bot.data.cache", str(path)], timeout=600,
                              capture_output=True, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def write_cache(directory: Directory, cache: Path) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(directory, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except (OSError, pickle.PicklingError, TypeError) as e:
        logger.info("directory cache not written (%s): next start parses again", e)


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    data = path.read_bytes()
    try:
        # Parse the very bytes the cache is keyed on, even if the file changes meanwhile.
        directory = load_directory(path, content=data, coverage=False)[0]
    except SourceError:
        return 1
    write_cache(directory, _cache_path(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
