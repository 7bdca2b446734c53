"""Start fast on a big directory: a compiled cache keyed by the file's content hash.

Parsing an 8 MB YAML file with line numbers takes seconds; the bot only needs that once per
version of the file. The validated directory is pickled beside the database's temp area and
reused while the file's bytes are unchanged.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

from bot.directory import Directory
from bot.directory_load import load_directory

logger = logging.getLogger(__name__)
CACHE_VERSION = 1
SMALL = 256 * 1024  # below this, parsing is faster than hashing + unpickling matters


def _cache_path(digest: str) -> Path:
    folder = Path(os.environ.get("BOT_CACHE_DIR") or Path(tempfile.gettempdir()) / "orientation-bot-cache")
    return folder / f"directory-{CACHE_VERSION}-{digest}.pickle"


def load_directory_cached(path: Path) -> Directory:
    data = path.read_bytes()
    if len(data) < SMALL:
        return load_directory(path)[0]
    digest = hashlib.sha256(data).hexdigest()[:32]
    cache = _cache_path(digest)
    try:
        with open(cache, "rb") as f:
            directory = pickle.load(f)
        if isinstance(directory, Directory):
            return directory
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    directory = load_directory(path)[0]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(directory, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except (OSError, pickle.PicklingError, TypeError) as e:
        logger.info("directory cache not written (%s): next start parses again", e)
    return directory
