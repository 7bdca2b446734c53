"""Many small reads or writes of the same kind made at once, sent to the database as one.

Sixteen residents answered side by side each read their conversation and, once answered, mark
their replies sent: 32 round trips. A `Coalesced` call joins the next statement of its kind:
while one is running, the calls that arrive wait and are then served together by the next
(group commit). A call's statement always starts after the call was made, so it sees every
write that finished before it: nothing is read stale, nothing is written late.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Mapping
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MAX_BATCH = 200  # keys in one statement (the placeholders of one IN (…))


class Coalesced(Generic[K, V]):
    """`await coalesced(key)`: `many(keys)` run for the keys asked meanwhile; the key's value
    from its result (`missing` when absent), or the exception `many` raised."""

    def __init__(self, many: Callable[[list[K]], Awaitable[Mapping[K, V]]], missing: V) -> None:
        self.many = many
        self.missing = missing
        self.waiting: dict[K, list[asyncio.Future[V]]] = {}
        self.task: asyncio.Task[None] | None = None

    async def __call__(self, key: K) -> V:
        future: asyncio.Future[V] = asyncio.get_running_loop().create_future()
        self.waiting.setdefault(key, []).append(future)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._serve())
        return await future

    async def settle(self) -> None:
        """Until every call made so far is served: a store closes after its last writes."""
        while self.task is not None and not self.task.done():
            await asyncio.wait([self.task])

    async def _serve(self) -> None:
        while self.waiting:
            keys = list(self.waiting)[:MAX_BATCH]
            served = {k: self.waiting.pop(k) for k in keys}
            try:
                found = await self.many(keys)
            except BaseException as e:
                for futures in served.values():
                    for f in futures:
                        if not f.done():
                            f.set_exception(e)
                if not isinstance(e, Exception):
                    raise
                continue
            for k, futures in served.items():
                for f in futures:
                    if not f.done():  # its caller may have been cancelled meanwhile
                        f.set_result(found.get(k, self.missing))
