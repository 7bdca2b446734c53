"""The runtime between channels and the core: load state, step, save, then hand back replies.

Every channel calls `Runtime.handle_queued` (or `handle`) with the core's `Incoming` and sends
the replies it gets back. In between, the runtime carries out what the core asked (statistics,
reminders, erasure, hand-over) in the same transaction as the new state, and answers the few
commands that need storage (/rappels, /fin) through `reminders` and `handover`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
from collections.abc import Callable

from bot.conversation.dialogue import ERASE_NO, ERASE_WORDS, ERASE_YES, turn
from bot.conversation.events import Incoming, Reply, replies_to_json
from bot.conversation.i18n import Translator, translator
from bot.conversation.knowledge import Knowledge
from bot.conversation.state import State
from bot.runtime.handover import Delivery, Handovers, Mediators, Outlet
from bot.runtime.knowledge import KnowledgeSource
from bot.runtime.queues import Queues, SendReplies
from bot.runtime.reminders import (
    CANCEL_PREFIX,
    REMINDER_WORDS,
    Send,
    Undeliverable,
    cancel_reminder,
    deliver_due,
    list_reminders,
)
from bot.storage.privacy import AddressBox, scrub, user_key
from bot.storage.store import Conflict, Reminder, Store
from bot.understanding.normalize import normalize

logger = logging.getLogger(__name__)

CONFLICT_RETRIES = 3
LEASE = dt.timedelta(seconds=60)  # how long a claimed row (update, reply, reminder) stays an instance's

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def erase_text(counts: dict[str, int], _: Translator) -> str:
    """Say exactly what was erased."""
    reminders, handovers = counts.get("reminders", 0), counts.get("handovers", 0)
    parts = [_("votre conversation"),
             _("aucun rappel") if not reminders else _("1 rappel") if reminders == 1
             else _("{n} rappels", n=reminders),
             _("aucun échange avec un médiateur") if not handovers
             else _("{n} échange avec un médiateur", n=handovers)]
    return _("✅ C'est fait. J'ai effacé : {what}.\nJe ne garde plus rien qui vous concerne.",
             what=", ".join(parts))


class Runtime:
    def __init__(self, store: Store, source: KnowledgeSource, secret: bytes,
                 clock: Clock = utc_now, mediators: Mediators | None = None) -> None:
        self.store = store
        self.source = source
        self.secret = secret
        self.clock = clock
        self.mediators = mediators
        self.box = AddressBox(secret)
        # How to reach a resident of each channel without a message of theirs to answer
        # (a mediator's reply): each running channel registers itself.
        self.outlets: dict[str, Outlet] = {}
        # A turn's replies are first the handling instance's to send; a claimed update, reply or
        # reminder of an instance that died is taken over by another once this has passed.
        self.lease = LEASE
        self.queues = Queues(self)
        source.mediators = mediators is not None
        source.current.mediators = mediators is not None

    def key(self, channel: str, user: str) -> str:
        return user_key(self.secret, channel, str(user))

    @property
    def handovers(self) -> Handovers | None:
        return Handovers(self.store, self.mediators, self.box) if self.mediators is not None else None

    async def deliver(self, delivery: Delivery) -> None:
        """Send a message no resident's message prompted, through its channel (Undeliverable if
        the channel is not running here or refuses it)."""
        outlet = self.outlets.get(delivery.channel)
        if outlet is None:
            raise Undeliverable(f"no {delivery.channel} channel running")
        await outlet(delivery.address, delivery.reply)

    async def handle(self, inc: Incoming, address: str | None = None) -> list[Reply]:
        """Replies for one event, after its effects and the new state are stored."""
        replies, _ = await self.handle_queued(inc, address, queue=False)
        return replies

    async def handle_queued(self, inc: Incoming, address: str | None = None, *, queue: bool = True,
                            inbox_id: int | None = None) -> tuple[list[Reply], int | None]:
        """Like handle; with `queue`, the replies are also kept in the outbox, in the same
        transaction as the state (and the inbox row answered), until the channel calls
        `sent(id)`: a crash between saving and sending delays a reply, it does not lose it.
        If another instance changed the conversation meanwhile, the turn is played again on it."""
        for _attempt in range(CONFLICT_RETRIES):
            try:
                async with self.source.using() as knowledge:
                    return await self._handle(inc, address, queue, inbox_id, knowledge)
            except Conflict:
                logger.info("conversation changed by another instance: turn played again")
        raise Conflict("the conversation kept changing")

    async def _handle(self, inc: Incoming, address: str | None, queue: bool,
                      inbox_id: int | None, knowledge: Knowledge) -> tuple[list[Reply], int | None]:
        now = self.clock()
        key = self.key(inc.channel, inc.user)
        address = str(address if address is not None else inc.user)
        sealed = self.box.seal(address)  # kept only while a reply, reminder or hand-over needs it
        norm = normalize(inc.text or "") if inc.text is not None else None

        saved, version = await self.store.load(key)
        state = State.from_json(saved)
        _ = translator(state.lang)
        handovers = self.handovers

        async def without_turn(replies: list[Reply]) -> tuple[list[Reply], int | None]:
            if queue and replies:
                queued = await self.store.queue(key, inc.channel, sealed, replies_to_json(replies), now,
                                                inbox_id=inbox_id, lease=self.lease)
                return self._now_or_later(replies, queued)
            if inbox_id is not None:
                await self.store.inbox_done(inbox_id, now)
            return replies, None

        if handovers is not None and await self.store.handover(key, now) is not None:
            erasing = norm in ERASE_WORDS or inc.button in (ERASE_YES, ERASE_NO)
            if not erasing:
                during = await handovers.during(key, address, inc, norm, state, now, knowledge, _)
                if during is not None:
                    return await without_turn(during)

        if norm in REMINDER_WORDS:
            return await without_turn(await list_reminders(self.store, key, now, _))
        if inc.button and inc.button.startswith(CANCEL_PREFIX):
            return await without_turn(await cancel_reminder(self.store, key, inc.button[len(CANCEL_PREFIX):], _))

        if inc.location is not None:  # kept to ≈ 100 m: enough to find the nearest place, no more
            inc = dataclasses.replace(inc, location=(round(inc.location[0], 3), round(inc.location[1], 3)))
        t = turn(state, inc, now, knowledge)
        erases = any(e.kind == "erase" for e in t.effects)
        outbox = replies_to_json(t.replies) if queue and not erases else None
        kept = t.state if not t.state.said else t.state.replace(said=scrub(t.state.said) or None)
        erased, queued = await self.store.save_turn_queued(
            key, inc.channel, sealed, kept.to_json(), now, t.effects, outbox, version=version,
            inbox_id=inbox_id, lease=self.lease)
        replies = list(t.replies)
        if outbox is not None and queued is None:
            replies = self._now_or_later(replies, queued)[0]
        if erased and replies:
            replies[0] = Reply(erase_text(erased, _), replies[0].buttons, lang=_.lang)
        for e in t.effects:
            if e.kind == "handover" and handovers is not None:
                need = e.data.get("need")
                label = knowledge.matcher.label(str(need)) if need else "non précisé"
                replies += await handovers.start(key, inc.channel, sealed, label, e.data, now, _)
        return replies, queued

    def _now_or_later(self, replies: list[Reply], queued: int | None) -> tuple[list[Reply], int | None]:
        """Replies queued behind earlier ones (still being sent, maybe by another instance) are
        not sent now: the outbox sends them after, so a resident reads answers in order."""
        if queued is None:
            self.queues.outbox_ready.set()
            return [], None
        return replies, queued

    async def answer(self, inc: Incoming, address: str, send: SendReplies, inbox_id: int | None = None) -> None:
        """A turn (saved with its replies queued and the inbox row answered), its replies sent at
        once; if sending fails the outbox tries again later, or parks them if refused for good."""
        replies, queued = await self.handle_queued(inc, address=address, inbox_id=inbox_id)
        try:
            await send(address, replies)
        except Exception as e:  # noqa: BLE001 (any failure: the outbox retries, or parks)
            await self.queues.failed(queued, e)
        else:
            await self.queues.sent(queued)

    # -- mediators' side --------------------------------------------------------------------

    async def mediator_reply(self, reply_to_message_id: str, text: str) -> Delivery | None:
        """A mediator's answer, for the resident it answers (in their language), or None if unknown."""
        handovers = self.handovers
        return await handovers.reply_target(reply_to_message_id, text, self.clock()) if handovers else None

    async def mediator_end(self, reply_to_message_id: str) -> Delivery | None:
        handovers = self.handovers
        return await handovers.end_by_mediator(reply_to_message_id, self.clock()) if handovers else None

    # -- reminders --------------------------------------------------------------------------

    async def deliver_reminders(self, channel: str, send: Send) -> int:
        """Send what is due; drop what is no longer useful (its slot has ended). Returns sent count."""
        async def opened(r: Reminder, reply: Reply) -> None:
            await send(dataclasses.replace(r, address=self.box.open(r.address)), reply)

        return await deliver_due(self.store, channel, opened, self.clock(), self.lease)

    async def reminders_loop(self, channel: str, send: Send) -> None:
        """Wake for the next due reminder (at least every 30 s, to see new ones); runs until cancelled."""
        while True:
            try:
                await self.deliver_reminders(channel, send)
                nxt = await self.next_reminder_at(channel)
                wait = 30.0
                if nxt is not None:
                    wait = max(0.5, min(wait, (nxt - self.clock()).total_seconds()))
                await asyncio.sleep(wait)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("reminder loop error")
                await asyncio.sleep(30)

    async def next_reminder_at(self, channel: str) -> dt.datetime | None:
        pending = await self.store.pending_reminders(channel)
        return pending[0].due_at if pending else None
