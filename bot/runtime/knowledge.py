"""Load the directory and intents, and pick up admins' edits while the bot runs.

An edit that does not validate is refused: the error is logged with its file and line, and the
last good version keeps serving until the file is fixed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from bot.conversation.knowledge import Knowledge
from bot.data.cache import cache_dir, load_directory_cached
from bot.errors import SourceError
from bot.places.model import Directory
from bot.understanding.matcher import load_matcher

logger = logging.getLogger(__name__)


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
    """The current Knowledge, reloaded when its files change on disk."""

    def __init__(self, directory_path: Path, intents_path: Path, *, mediators: bool = False) -> None:
        self.directory_path = Path(directory_path)
        self.intents_path = Path(intents_path)
        self.mediators = mediators
        self._dir_fp = _fingerprint([self.directory_path])
        self._int_fp = _fingerprint(self._intent_files())
        self._directory = self._load_directory()
        self._matcher = load_matcher(self.intents_path, cache=cache_dir())
        self.current = Knowledge.build(self._directory, self._matcher, mediators=mediators)

    def _intent_files(self) -> list[Path]:
        try:
            return sorted([*self.intents_path.glob("*.yaml"), *self.intents_path.glob("*.tsv")])
        except OSError:
            return []

    def _load_directory(self) -> Directory:
        return load_directory_cached(self.directory_path)

    def reload_if_changed(self) -> bool:
        """Reload what changed; True when the knowledge in use was replaced."""
        changed = False
        dir_fp = _fingerprint([self.directory_path])
        if dir_fp != self._dir_fp:
            self._dir_fp = dir_fp
            try:
                self._directory = self._load_directory()
                changed = True
                logger.info("directory reloaded: %d places, %d tours",
                            len(self._directory.places), len(self._directory.tours))
            except SourceError as e:
                logger.error("directory edit refused, still serving the last good one:\n%s", e)
        int_fp = _fingerprint(self._intent_files())
        if int_fp != self._int_fp:
            self._int_fp = int_fp
            try:
                self._matcher = load_matcher(self.intents_path, cache=cache_dir())
                changed = True
                logger.info("intents reloaded: %d intents", len(self._matcher.intents))
            except SourceError as e:
                logger.error("intents edit refused, still serving the last good ones:\n%s", e)
        if changed:
            self.current = Knowledge.build(self._directory, self._matcher, mediators=self.mediators)
        return changed

    async def watch(self, interval: float = 2.0) -> None:
        """Check the files every `interval` seconds, loading in a thread so replies never wait."""
        while True:
            await asyncio.sleep(interval)
            try:
                await asyncio.to_thread(self.reload_if_changed)
            except Exception:  # a reload must never stop the bot
                logger.exception("reload failed")
