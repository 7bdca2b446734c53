"""The runtime between channels and the core: load state, step, save, then hand back replies.

It also carries out what the core asks (statistics, reminders, erasure, hand-over) and the
few commands that need storage (/rappels, /fin). Channels only translate events and replies.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.dialogue import ERASE_NO, ERASE_WORDS, ERASE_YES, NEW, turn, words
from bot.events import Button, Incoming, Reply, replies_from_json, replies_to_json
from bot.hours import day_phrase, hm, local
from bot.normalize import normalize
from bot.privacy import user_key
from bot.source import KnowledgeSource
from bot.state import State
from bot.store import Store

logger = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
Send = Callable[[str, str, Reply], Awaitable[None]]  # channel, address, reply

END_WORDS = words("fin", "terminer", "stop")
REMINDER_WORDS = words("rappels", "mes rappels")
CANCEL_PREFIX = "x:"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def erase_text(counts: dict[str, int]) -> str:
    """Say exactly what was erased."""
    parts = ["votre conversation"]
    n = counts.get("reminders", 0)
    parts.append(f"{n} rappel{'s' if n > 1 else ''}" if n else "aucun rappel")
    n = counts.get("handovers", 0)
    parts.append(f"{n} échange avec un médiateur" if n else "aucun échange avec un médiateur")
    return ("✅ C'est fait. J'ai effacé : " + ", ".join(parts) + ".\n"
            "Je ne garde plus rien qui vous concerne.")


class Mediators(Protocol):
    """Where hand-overs go (a Telegram group, the console's screen)."""

    async def forward(self, text: str) -> str | None:
        """Post a message for the mediators; return its id so their reply can be routed back."""


class Runtime:
    def __init__(self, store: Store, source: KnowledgeSource, secret: bytes,
                 clock: Clock = utc_now, mediators: Mediators | None = None) -> None:
        self.store = store
        self.source = source
        self.secret = secret
        self.clock = clock
        self.mediators = mediators
        source.mediators = mediators is not None
        source.current.mediators = mediators is not None

    def key(self, channel: str, user: str) -> str:
        return user_key(self.secret, channel, str(user))

    async def handle(self, inc: Incoming, address: str | None = None) -> list[Reply]:
        """Replies for one event, after its effects and the new state are stored."""
        replies, _ = await self.handle_queued(inc, address, queue=False)
        return replies

    async def handle_queued(self, inc: Incoming, address: str | None = None, *,
                            queue: bool = True) -> tuple[list[Reply], int | None]:
        """Like handle; with `queue`, the replies are also kept in the outbox, in the same
        transaction as the state, until the channel calls `sent(id)`: a crash between saving
        and sending delays a reply, it does not lose it."""
        now = self.clock()
        key = self.key(inc.channel, inc.user)
        address = str(address if address is not None else inc.user)
        norm = normalize(inc.text or "") if inc.text is not None else None

        if self.mediators is not None:
            live = await self.store.handover(key, now)
            erasing = norm in ERASE_WORDS or inc.button in (ERASE_YES, ERASE_NO)
            if live is not None and inc.start is None and not erasing:
                return await self._during_handover(key, inc, norm, now), None

        if norm in REMINDER_WORDS:
            return await self._list_reminders(key), None
        if inc.button and inc.button.startswith(CANCEL_PREFIX):
            return await self._cancel_reminder(key, inc.button[len(CANCEL_PREFIX):]), None

        state = State.from_json(await self.store.load_state(key))
        t = turn(state, inc, now, self.source.current)
        erases = any(e.kind == "erase" for e in t.effects)
        outbox = replies_to_json(t.replies) if queue and not erases else None
        erased, queued = await self.store.save_turn_queued(
            key, inc.channel, address, t.state.to_json(), now, t.effects, outbox)
        replies = list(t.replies)
        if erased and replies:
            replies[0] = Reply(erase_text(erased), replies[0].buttons)
        for e in t.effects:
            if e.kind == "handover" and self.mediators is not None:
                replies += await self._start_handover(key, inc.channel, address, e.data, now)
        return replies, queued

    async def sent(self, queued: int | None) -> None:
        """The channel delivered a turn's replies: forget them."""
        if queued is not None:
            await self.store.outbox_done(queued)

    async def unsent(self, channel: str) -> list[tuple[int, str, list[Reply]]]:
        """Turns saved but whose replies were not confirmed sent (a crash, a long outage)."""
        return [(i, address, replies_from_json(text)) for i, address, text in await self.store.pending_outbox(channel)]

    # -- hand-over -------------------------------------------------------------------------

    async def _start_handover(self, key: str, channel: str, address: str,
                              data: dict[str, object], now: dt.datetime) -> list[Reply]:
        assert self.mediators is not None
        need = data.get("need")
        label = self.source.current.matcher.label(str(need)) if need else "non précisé"
        said = str(data.get("text") or "—")[:500]
        summary = (f"🙋 Nouvelle demande d'aide ({channel})\n"
                   f"Besoin : {label}\nOù : {data.get('quartier') or 'non précisé'}\n"
                   f"Message : {said}\n\nRépondez à ce message pour écrire à la personne.")
        try:
            message_id = await self.mediators.forward(summary)
        except Exception:
            logger.exception("could not reach the mediators")
            return [Reply("Je n'ai pas pu joindre un médiateur pour l'instant. "
                          "Appelez un des numéros ci-dessus.", (Button("Nouvelle demande", NEW),))]
        await self.store.start_handover(key, channel, address, now)
        if message_id is not None:
            await self.store.remember_relay(str(message_id), key)
        return []

    async def _during_handover(self, key: str, inc: Incoming, norm: str | None,
                               now: dt.datetime) -> list[Reply]:
        assert self.mediators is not None
        if norm in END_WORDS or (inc.button == NEW):
            await self.store.end_handover(key)
            try:
                await self.mediators.forward("ℹ️ La personne a terminé l'échange.")
            except Exception:
                logger.exception("could not tell the mediators the hand-over ended")
            return await self._back_to_bot(key, inc, now)
        if inc.text is None or not inc.text.strip():
            return [Reply("Un médiateur lit vos messages écrits. Écrivez-lui ici.\n"
                          "Pour revenir au bot : /fin")]
        try:
            message_id = await self.mediators.forward(f"💬 {inc.text.strip()[:3000]}")
        except Exception:
            logger.exception("could not forward a message to the mediators")
            return [Reply("Votre message n'a pas pu être transmis. Réessayez dans un moment, "
                          "ou écrivez /fin pour revenir au bot.")]
        await self.store.touch_handover(key, now)
        if message_id is not None:
            await self.store.remember_relay(str(message_id), key)
        return []  # the bot stays quiet while a person is talking

    async def _back_to_bot(self, key: str, inc: Incoming, now: dt.datetime) -> list[Reply]:
        state = State()
        await self.store.save_turn(key, inc.channel, str(inc.user), state.to_json(), now, [])
        return [Reply("L'échange avec le médiateur est terminé. Je suis de nouveau là 🙂\n"
                      "Pour quoi avez-vous besoin d'aide ?",
                      (Button("Nouvelle demande", NEW),))]

    async def mediator_reply(self, reply_to_message_id: str) -> tuple[str, str] | None:
        """Route a mediator's reply to the resident: (channel, address), or None if unknown."""
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        live = await self.store.handover(key, self.clock())
        if live is None:
            return None
        await self.store.touch_handover(key, self.clock())
        return live.channel, live.address

    async def mediator_end(self, reply_to_message_id: str) -> tuple[str, str] | None:
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        live = await self.store.handover(key, self.clock())
        await self.store.end_handover(key)
        if live is None:
            return None
        await self.store.save_turn(key, live.channel, live.address, State().to_json(), self.clock(), [])
        return live.channel, live.address

    # -- reminders -------------------------------------------------------------------------

    async def _list_reminders(self, key: str) -> list[Reply]:
        items = await self.store.reminders_of(key)
        if not items:
            return [Reply("Vous n'avez aucun rappel.", (Button("Nouvelle demande", NEW),))]
        now = local(self.clock())
        lines = ["⏰ Vos rappels :"]
        buttons = []
        for i, r in enumerate(items, 1):
            due = local(r.due_at)
            lines.append(f"{i}. {day_phrase(due.date(), now.date())} à {hm(due)} — {r.place}")
            buttons.append(Button(f"Annuler le rappel {i}", f"{CANCEL_PREFIX}{r.id}"))
        return [Reply("\n".join(lines), tuple(buttons) + (Button("Nouvelle demande", NEW),))]

    async def _cancel_reminder(self, key: str, ident: str) -> list[Reply]:
        ok = ident.isdigit() and await self.store.delete_reminder(int(ident), key)
        text = "✅ Rappel annulé." if ok else "Ce rappel n'existe plus."
        return [Reply(text, (Button("Nouvelle demande", NEW),))]

    async def deliver_reminders(self, channel: str, send: Send) -> int:
        """Send what is due; drop what is no longer useful (its slot has ended). Returns sent count."""
        now = self.clock()
        sent = 0
        for r in await self.store.pending_reminders(channel):
            if r.due_at > now:
                break
            if now < r.until_at:
                try:
                    await send(r.channel, r.address, Reply(r.text, (Button("Nouvelle demande", NEW),)))
                except Exception:
                    logger.exception("reminder %d not delivered; will retry", r.id)
                    continue
                sent += 1
            await self.store.delete_reminder(r.id)
        return sent

    async def next_reminder_at(self, channel: str) -> dt.datetime | None:
        pending = await self.store.pending_reminders(channel)
        return pending[0].due_at if pending else None
