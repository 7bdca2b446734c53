"""Start fast on a big directory: a compiled cache keyed by the file's content hash.

Parsing an 8 MB YAML file with line numbers takes seconds; the bot only needs that once per
version of the file and of the code. The validated directory is pickled and reused while the
file's bytes and the code are unchanged; the caches of a file's earlier versions are removed
when a new one is written. A pickle can run code when loaded, so the cache lives in a folder
only its owner may write (0700; a folder others can write to is not used), each file is signed
(HMAC-SHA256 under BOT_SECRET, or a key kept in that folder) and the signature checked before
anything is unpickled; a file that fails is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import logging
import os
import pickle
import secrets
import stat
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
    """The bot's cache folder: BOT_CACHE_DIR, else the user's cache folder; made private (0700)."""
    base = os.environ.get("BOT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "orientation-bot"
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.stat().st_uid == os.getuid():
            path.chmod(0o700)
    except OSError:
        pass  # unwritable: whoever uses it finds out and works without a cache
    return path


def private(folder: Path) -> bool:
    """The folder is ours alone: owned by this user, nobody else may write in it."""
    try:
        st = folder.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _key(folder: Path) -> bytes:
    """What signs the cache: BOT_SECRET when set, else a key kept in the (private) folder."""
    secret = os.environ.get("BOT_SECRET", "").strip()
    if len(secret) >= 32:
        return hashlib.sha256(b"directory cache" + secret.encode()).digest()
    path = folder / "cache.key"
    try:
        return path.read_bytes()[:32] if path.stat().st_size >= 32 else b""
    except FileNotFoundError:
        key = secrets.token_bytes(32)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process wrote it meanwhile
            return path.read_bytes()[:32]
        with os.fdopen(fd, "wb") as f:
            f.write(key)
        return key


def sources_digest(*packages: str) -> bytes:
    """A digest of the bot's code in these packages (file names and contents): what a cache of
    their output is keyed on, so that a cache written by other code is never read."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for package in packages:
        for source in sorted((root / package).glob("*.py")):
            h.update(source.name.encode())
            h.update(source.read_bytes())
    return h.digest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the code that shapes a compiled directory (the model and its loader), even if
    CACHE_VERSION was not bumped."""
    return hashlib.sha256(str(CACHE_VERSION).encode() + sources_digest("places", "data")).hexdigest()[:12]


def _cache_path(path: Path, content: bytes) -> Path:
    """Where the compiled form of this exact file content, by this code, lives."""
    digest = hashlib.sha256(content).hexdigest()[:32]
    # A per-user, private folder, and files signed: a pickle is code, nobody else may write one.
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
    if cache.exists() and private(cache.parent):  # its signature is checked when it is read
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
        data = _read(path)
        directory = load_directory(path, content=data, coverage=False)[0]
        write_cache(directory, _cache_path(path, data), path)
    return directory


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise DirectoryError([Problem(str(path), 0, f"fichier illisible ({e.strerror}) : indiquez "
                                                    "le bon chemin avec BOT_DIRECTORY ou --directory")]) from None


def _read_cache(cache: Path) -> Directory | None:
    """The cached directory, only if its signature is ours; a bad file is deleted (rebuilt then)."""
    if not cache.exists() or not private(cache.parent):
        return None
    try:
        key = _key(cache.parent)
        with cache.open("rb") as f:
            # The signature is checked before anything is unpickled: a planted file never runs.
            # Read twice from one open file (the folder is private: nobody rewrites it between
            # the two), so the pickle's bytes are never held in memory beside what they build.
            mac = f.read(32)
            signed = hmac.new(key, digestmod=hashlib.sha256)
            for chunk in iter(lambda: f.read(1 << 20), b""):
                signed.update(chunk)
            if not key or not hmac.compare_digest(mac, signed.digest()):
                raise ValueError("signature")
            f.seek(32)
            directory = pickle.load(f)
        if not isinstance(directory, Directory):
            raise TypeError("not a directory")
    except Exception as e:  # noqa: BLE001 (any damage: the cache is rebuilt from the file)
        logger.warning("directory cache %s refused (%s): deleted, rebuilt from the file", cache.name,
                       type(e).__name__)
        with contextlib.suppress(OSError):
            cache.unlink()
        return None
    return directory


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
    if not private(cache.parent):
        logger.warning("cache folder %s is not private (another user may write in it): not used", cache.parent)
        return
    try:
        payload = pickle.dumps(directory, protocol=pickle.HIGHEST_PROTOCOL)
        key = _key(cache.parent)
        if not key:
            raise OSError("no cache key")
        tmp = cache.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(hmac.new(key, payload, hashlib.sha256).digest() + payload)
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
