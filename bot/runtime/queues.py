"""The durable queues around a turn: the inbox (received, then handled) and the outbox (sent).

A channel stores what it receives with `receive` before it acknowledges it (the polling offset,
the webhook's 200), so a crash loses nothing: at start, and on any instance, `inbox_loop` hands
the unanswered rows back to the channel, each resident's in order. A turn's replies are saved
with it; `Runtime.answer` sends them at once through the channel and calls `sent`, or `failed`
— then `outbox_loop` sends them again with backoff, parks what is refused for good (never blocking other residents),
and replaces replies gone stale by a short apology. Delivery is at least once: a reply sent just
before a crash, whose `sent` was not recorded, is sent again once its lease has passed (60 s by default).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot.conversation.dialogue import NEW
from bot.conversation.events import Button, Reply, replies_from_json
from bot.conversation.i18n import N_, translator
from bot.runtime.reminders import Undeliverable
from bot.storage.store import Inbound, Queued

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # an update that fails to be handled this often is given up (the resident is told)
STALE = dt.timedelta(minutes=5)  # replies this old are out of context: an apology instead
BACKOFF = (2, 5, 15, 60, 300)  # seconds before sending again, by attempt
IDLE = 1.0  # seconds between looks at the queues when nothing wakes us (other instances' rows)
SORRY = N_("Désolé pour l'attente 🙏 J'ai eu un problème technique. Pouvez-vous réécrire votre demande ?")
NEW_REQUEST = N_("Nouvelle demande")

SendReplies = Callable[[str, list[Reply]], Awaitable[None]]  # address, replies; Undeliverable if refused


class InboxHandler(Protocol):
    async def handle(self, payload: dict[str, Any], inbound: Inbound) -> bool:
        """Handle one received update; True if the inbox row was marked answered meanwhile."""

    async def give_up(self, payload: dict[str, Any]) -> None:
        """Tell the resident something went wrong, after MAX_ATTEMPTS failures."""


class Queues:
    """The runtime's half of the queues (the store's rows, the loops); channels plug in."""

    def __init__(self, runtime: Any) -> None:
        self.rt = runtime
        self.name = uuid.uuid4().hex[:12]  # this instance, among those sharing the database
        self.inbox_ready = asyncio.Event()
        self.outbox_ready = asyncio.Event()

    # -- inbox -----------------------------------------------------------------------------

    async def receive(self, channel: str, updates: list[tuple[str, str, dict[str, Any]]]) -> int:
        """Store (update id, user id, payload) rows before they are acknowledged; returns how
        many were new (a re-delivered update is skipped). Payloads are kept sealed."""
        rt = self.rt
        rows = [(channel, str(update_id), rt.key(channel, user), rt.box.seal(json.dumps(payload, ensure_ascii=False)))
                for update_id, user, payload in updates]
        new: int = await rt.store.receive(rows, rt.clock())
        if new:
            self.inbox_ready.set()
        return new

    async def handle_inbox(self, handlers: dict[str, InboxHandler], limit: int = 16) -> int:
        """Handle what is waiting (oldest first); returns how many. A claim holds at most one
        row per resident (the oldest), so the rows are handled side by side: a resident's own
        updates still go one after the other, a slow send delays nobody else."""
        rt = self.rt
        claimed = await rt.store.claim_inbox(rt.clock(), rt.lease, limit, tuple(handlers))
        await asyncio.gather(*(self._handle_row(handlers[inbound.channel], inbound) for inbound in claimed))
        return len(claimed)

    async def _handle_row(self, handler: InboxHandler, inbound: Inbound) -> None:
        rt = self.rt
        try:
            payload = json.loads(rt.box.open(inbound.payload)) if inbound.payload else {}
        except (ValueError, TypeError):
            logger.error("inbox row %d unreadable: given up", inbound.id)
            await rt.store.inbox_done(inbound.id, rt.clock())
            return
        try:
            if not await handler.handle(payload, inbound):
                await rt.store.inbox_done(inbound.id, rt.clock())
        except Exception:
            logger.exception("error while handling inbox row %d (attempt %d)", inbound.id, inbound.attempts)
            if inbound.attempts < MAX_ATTEMPTS:
                await rt.store.inbox_retry(inbound.id)
                self.inbox_ready.set()
                return
            await rt.store.inbox_done(inbound.id, rt.clock())
            try:
                await handler.give_up(payload)
            except Exception:
                logger.exception("could not tell a resident about an error")

    async def inbox_loop(self, handlers: dict[str, InboxHandler]) -> None:
        await _keep_doing(lambda: self.handle_inbox(handlers), self.inbox_ready, "inbox")

    # -- outbox ----------------------------------------------------------------------------

    async def sent(self, queued: int | None) -> None:
        if queued is not None:
            await self.rt.store.outbox_done(queued)

    async def failed(self, queued: int | None, error: BaseException, attempts: int = 1) -> None:
        """Sending an outbox row failed (its `attempts`-th try): park it if refused for good,
        else try again after a delay that grows with the attempts."""
        if queued is None:
            return
        now = self.rt.clock()
        if isinstance(error, Undeliverable):
            logger.info("outbox row %d refused for good (%s): parked", queued, error)
            await self.rt.store.outbox_park(queued, now, str(error))
            return
        wait = BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1]
        logger.warning("outbox row %d not sent (%s): again in %d s", queued, type(error).__name__, wait)
        await self.rt.store.outbox_retry(queued, now + dt.timedelta(seconds=wait), repr(error))
        self.outbox_ready.set()

    async def flush_outbox(self, channel: str, send: SendReplies, limit: int = 20, *, stale: bool = True) -> int:
        """Send what is due in the outbox; returns how many rows were handled. `stale`: replies
        too old to make sense to a resident are replaced by an apology (not posts for mediators)."""
        rt = self.rt
        now = rt.clock()
        claimed = await rt.store.claim_outbox(channel, now, rt.lease, limit)
        await asyncio.gather(*(self._send_row(q, send, stale) for q in claimed))
        return len(claimed)

    async def _send_row(self, q: Queued, send: SendReplies, stale: bool = True) -> None:
        rt = self.rt
        now = rt.clock()
        try:
            address = rt.box.open(q.address)
            replies = replies_from_json(q.replies)
        except (ValueError, TypeError, KeyError) as e:
            logger.error("outbox row %d unreadable (%s): parked", q.id, type(e).__name__)
            await rt.store.outbox_park(q.id, now, f"unreadable: {type(e).__name__}")
            return
        if stale and now - q.created_at > STALE:
            replies = _apology(replies)
        try:
            await send(address, replies)
        except Exception as e:  # noqa: BLE001 (any failure: retried with backoff, or parked)
            await self.failed(q.id, e, q.attempts)
            return
        await rt.store.outbox_done(q.id)

    async def outbox_loop(self, channel: str, send: SendReplies, *, stale: bool = True) -> None:
        await _keep_doing(lambda: self.flush_outbox(channel, send, stale=stale), self.outbox_ready, "outbox")


def _apology(replies: list[Reply]) -> list[Reply]:
    """Stale replies: the emergency numbers are still worth sending; the rest is out of context."""
    lang = replies[0].lang if replies else "fr"
    _ = translator(lang)
    kept = [r for r in replies if r.contacts]
    return [*kept, Reply(_(SORRY), (Button(_(NEW_REQUEST), NEW),), lang=lang)]


async def _keep_doing(step: Callable[[], Awaitable[int]], ready: asyncio.Event, name: str) -> None:
    """Run `step` while it finds work; then wait to be woken (or IDLE, for other instances'
    rows). An error is logged and the loop goes on: it must outlive anything a row does."""
    while True:
        try:
            ready.clear()
            if await step():
                continue
            await _wait(ready, IDLE)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("%s loop error", name)
            await asyncio.sleep(IDLE)


async def _wait(event: asyncio.Event, timeout: float) -> None:
    # asyncio.timeout, not wait_for: on Python 3.11, wait_for swallows a cancellation that comes
    # as the event is set, and a loop being stopped then runs on, the shutdown waiting forever.
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        pass
