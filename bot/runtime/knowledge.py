"""Load the directory and intents, and pick up admins' edits while the bot runs.

An edit that does not validate is refused: the error is logged with its file and line, and the
last good version keeps serving until the file is fixed.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path

from bot.conversation.knowledge import Knowledge
from bot.data.cache import cache_dir, load_directory_cached, prepare_directory, read_prepared
from bot.errors import SourceError
from bot.places.model import Directory
from bot.understanding.matcher import load_matcher

logger = logging.getLogger(__name__)


def freeze_heap(*, again: bool = False) -> None:
    """Put what is loaded (directory, intents, classifier: long-lived) out of the cyclic
    collector's way; its full collections walking it made the worst turns (measured 140 ms on a
    national directory). After a reload, what was frozen is released first, so the replaced
    knowledge can be collected."""
    if again:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    _give_back()


def _give_back() -> None:
    """Return freed memory to the system (glibc keeps it otherwise): what the old directory
    held is then not counted on top of the next one while it loads."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory is reused, only not returned


def _fingerprint(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), -1, -1))
    return tuple(out)


class KnowledgeSource:
    """The current Knowledge, reloaded when its files change on disk.

    Turns read it through `using()`. A new directory is validated (compiled in a child process
    when big) while the old one serves; the swap then waits for the turns in progress and holds
    new ones for its second or so, so that two directories are never in memory together."""

    def __init__(self, directory_path: Path, intents_path: Path, *, mediators: bool = False) -> None:
        self.directory_path = Path(directory_path)
        self.intents_path = Path(intents_path)
        self.mediators = mediators
        self._dir_fp = _fingerprint([self.directory_path])
        self._int_fp = _fingerprint(self._intent_files())
        self._directory: Directory | None = load_directory_cached(self.directory_path)
        self._matcher = load_matcher(self.intents_path, cache=cache_dir())
        self.current = Knowledge.build(self._directory, self._matcher, mediators=mediators)
        self._readers = 0
        self._swapping: asyncio.Future[None] | None = None
        self._idle: asyncio.Event | None = None

    def _intent_files(self) -> list[Path]:
        try:
            return sorted([*self.intents_path.glob("*.yaml"), *self.intents_path.glob("*.tsv")])
        except OSError:
            return []

    @contextlib.asynccontextmanager
    async def using(self) -> AsyncIterator[Knowledge]:
        """The knowledge for one turn; it is not replaced while the turn runs."""
        while self._swapping is not None:
            await asyncio.shield(self._swapping)
        self._readers += 1
        try:
            yield self.current
        finally:
            self._readers -= 1
            if not self._readers and self._idle is not None:
                self._idle.set()

    async def reload(self) -> bool:
        """Reload what changed; True when the knowledge in use was replaced. A broken edit is
        refused (logged with its file and line) and the last good version keeps serving."""
        matcher = self._matcher
        int_fp = _fingerprint(self._intent_files())
        intents_changed = False
        if int_fp != self._int_fp:
            self._int_fp = int_fp
            try:
                matcher = await asyncio.to_thread(load_matcher, self.intents_path, cache=cache_dir())
                intents_changed = True
                logger.info("intents reloaded: %d intents", len(matcher.intents))
            except SourceError as e:
                logger.error("intents edit refused, still serving the last good ones:\n%s", e)
        prepared: Directory | Path | None = None
        dir_fp = _fingerprint([self.directory_path])
        if dir_fp != self._dir_fp:
            self._dir_fp = dir_fp
            try:
                prepared = await asyncio.to_thread(prepare_directory, self.directory_path)
            except SourceError as e:
                logger.error("directory edit refused, still serving the last good one:\n%s", e)
        if prepared is None and not intents_changed:
            return False
        async with self._alone():
            self._matcher = matcher
            if isinstance(prepared, Path):
                # Let go of the old directory before reading the new one.
                self._directory = None
                self.current = None  # type: ignore[assignment]
                _collect()
                prepared = await asyncio.to_thread(read_prepared, self.directory_path, prepared)
            if prepared is not None:
                self._directory = prepared
                logger.info("directory reloaded: %d places, %d tours", len(prepared.places), len(prepared.tours))
            assert self._directory is not None
            self.current = Knowledge.build(self._directory, self._matcher, mediators=self.mediators)
            _collect()
        return True

    @contextlib.asynccontextmanager
    async def _alone(self) -> AsyncIterator[None]:
        """No turn running inside: waits for those in progress, holds new ones until done."""
        self._swapping = asyncio.get_running_loop().create_future()
        try:
            while self._readers:
                self._idle = asyncio.Event()
                await self._idle.wait()
            yield
        finally:
            swapping, self._swapping = self._swapping, None
            swapping.set_result(None)

    async def watch(self, interval: float = 2.0) -> None:
        """Check the files every `interval` seconds (the work is done in threads and a child
        process, so replies wait only for the swap itself)."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.reload()
            except Exception:  # a reload must never stop the bot
                logger.exception("reload failed")


def _collect() -> None:
    """Free the replaced knowledge now (frozen objects are not collected: thaw, then freeze the
    new ones again)."""
    if gc.get_freeze_count():
        freeze_heap(again=True)
    else:
        gc.collect()
