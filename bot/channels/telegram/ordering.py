"""Bounded concurrency that keeps each resident's updates in the order Telegram sent them."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdates(BaseUpdateProcessor):
    """Up to N updates at once, but one resident's updates strictly in arrival order."""

    def __init__(self, max_concurrent: int) -> None:
        super().__init__(max_concurrent)
        self._locks: dict[object, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:  # type: ignore[override]
        # Take the chat's place in line before waiting for a free slot: Telegram gives a
        # chat's updates in order, and they must be handled in that order.
        key = _chat_key(update)
        lock = self._locks[key]
        async with lock:
            async with self._semaphore:
                await self.do_process_update(update, coroutine)
        if not lock.locked() and not getattr(lock, "_waiters", None):
            self._locks.pop(key, None)


def _chat_key(update: object) -> object:
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return id(update)

