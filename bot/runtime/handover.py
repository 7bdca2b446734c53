"""Handing a resident over to a person: the summary for the mediators, the relay both ways, the end.

While a person is in charge, what the resident types goes to the mediators and each message is
acknowledged ("Transmis ✅", with when an answer can come if the mediators are away). The bot
still answers its own buttons and a place asked for, and never goes silent on danger: the
emergency numbers come first (as a condition when only the second opinion finds danger likely),
and the mediators see the message flagged. `/start`, a new need,
"Revenir au bot" or two hours of silence give the resident back to the bot; a mediator's late
answer still reaches them (and reopens the exchange) for a week.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from bot.conversation.dialogue import HANDOVER_END, NEW, words
from bot.conversation.events import Button, Incoming, Reply
from bot.conversation.i18n import Translator, translator
from bot.conversation.knowledge import Knowledge
from bot.conversation.safety import emergency_reply
from bot.conversation.state import ASK_WHERE, TYPE_WHERE, State
from bot.conversation.texts import mediators_when
from bot.places.hours import local
from bot.storage.privacy import AddressBox
from bot.storage.store import HANDOVER_KEPT, Store
from bot.understanding.danger import detect

logger = logging.getLogger(__name__)

END_WORDS = words("fin", "terminer", "stop", "revenir au bot")


Outlet = Callable[[str, Reply], Awaitable[None]]  # address, reply: a channel's way to reach a resident


@dataclass(frozen=True)
class Relay:
    """Routes the mediators' replies to a posted message back to a resident: called with the
    posted message's id. Plain data (the resident's key), so a channel can keep the post in a
    durable queue and remember the route once it is sent."""

    key: str
    store: Store

    async def __call__(self, message_id: str) -> None:
        await self.store.remember_relay(str(message_id), self.key)


class Mediators(Protocol):
    """Where hand-overs go (a Telegram group, the console's screen)."""

    async def forward(self, text: str, relay: Relay | None = None) -> None:
        """Post a message for the mediators, now or from a queue of its own; once posted, call
        `relay` with its id so that their reply can be routed back. Raises if it cannot be taken."""


class Handovers:
    """The hand-over side of the runtime, over the store and the mediators' port."""

    def __init__(self, store: Store, mediators: Mediators, box: AddressBox) -> None:
        self.store = store
        self.mediators = mediators
        self.box = box

    async def start(self, key: str, channel: str, address: str, label: str,
                    data: dict[str, object], now: dt.datetime, _: Translator) -> list[Reply]:
        said = str(data.get("text") or "—")[:500]
        summary = (f"🙋 Nouvelle demande d'aide ({channel})\n"
                   f"Besoin : {label}\nOù : {data.get('quartier') or 'non précisé'}\n"
                   f"Message : {said}\n\nRépondez à ce message pour écrire à la personne.")
        try:
            await self.mediators.forward(summary, self._relay(key))
        except Exception:
            logger.exception("could not reach the mediators")
            return [Reply(_("Je n'ai pas pu joindre un médiateur pour l'instant. "
                            "Appelez un des numéros ci-dessus."), (Button(_("Nouvelle demande"), NEW),), lang=_.lang)]
        await self.store.start_handover(key, channel, address, now)
        return []

    def _relay(self, key: str) -> Relay:
        return Relay(key, self.store)

    async def during(self, key: str, address: str, inc: Incoming, norm: str | None, state: State,
                     now: dt.datetime, knowledge: Knowledge, _: Translator) -> list[Reply] | None:
        """What the resident sends while a person is in charge; None: the bot answers it."""
        if inc.text is not None and (dangers := detect(inc.text)):
            await self._forward(key, f"🚨 {inc.text.strip()[:3000]}", now)
            return [emergency_reply(dangers, _), self._ack(knowledge, now, _)]
        if norm in END_WORDS or inc.button in (NEW, HANDOVER_END):
            await self.end(key)
            fresh = state.fresh()
            await self.store.save_turn(key, inc.channel, address, fresh.to_json(), now, [])
            return self._back_to_bot(_)
        if inc.start is not None or (inc.button or "").startswith("n:"):
            await self.end(key)  # a new request: the bot takes it from here
            return None
        if inc.button is not None or inc.location is not None:
            return None  # the bot's own buttons and a shared position stay the bot's
        if inc.text is None or not inc.text.strip():
            return [Reply(_("Un médiateur lit vos messages écrits. Écrivez-lui ici."),
                          (Button(_("↩ Revenir au bot"), HANDOVER_END),), lang=_.lang)]
        if state.step in (ASK_WHERE, TYPE_WHERE) and knowledge.locate(inc.text) is not None:
            return None  # the answer to the bot's own question "où êtes-vous ?"
        # What the rules left alone but the second opinion finds likely (« je vais mal »): the
        # person gets the numbers as a condition, as outside a hand-over, and the mediators see
        # the message flagged, before they answer it.
        likely = knowledge.matcher.possible_danger(inc.text)
        first = [emergency_reply((likely,), _, sure=False)] if likely is not None else []
        flag = "⚠️ Danger possible : " if likely is not None else "💬 "
        if not await self._forward(key, f"{flag}{inc.text.strip()[:3000]}", now):
            return [*first, Reply(_("Votre message n'a pas pu être transmis. Réessayez dans un moment, "
                                    "ou appelez un des numéros donnés plus haut."),
                                  (Button(_("↩ Revenir au bot"), HANDOVER_END),), lang=_.lang)]
        return [*first, self._ack(knowledge, now, _)]

    async def _forward(self, key: str, text: str, now: dt.datetime) -> bool:
        try:
            await self.mediators.forward(text, self._relay(key))
        except Exception:
            logger.exception("could not forward a message to the mediators")
            return False
        await self.store.touch_handover(key, now)
        return True

    def _ack(self, knowledge: Knowledge, now: dt.datetime, _: Translator) -> Reply:
        wall = local(now)
        when = mediators_when(knowledge.directory, wall, _, short=True)
        return Reply(_("Transmis ✅") + (f" {when}" if when else ""),
                     (Button(_("↩ Revenir au bot"), HANDOVER_END),), lang=_.lang)

    async def end(self, key: str) -> None:
        if await self.store.end_handover(key):
            try:
                await self.mediators.forward("ℹ️ La personne a terminé l'échange.")
            except Exception:
                logger.exception("could not tell the mediators the hand-over ended")

    def _back_to_bot(self, _: Translator) -> list[Reply]:
        return [Reply(_("L'échange avec le médiateur est terminé. Je suis de nouveau là 🙂\n"
                        "Pour quoi avez-vous besoin d'aide ?"), (Button(_("Nouvelle demande"), NEW),), lang=_.lang)]

    async def reply_target(self, reply_to_message_id: str, text: str, now: dt.datetime) -> Delivery | None:
        """A mediator's reply, for the resident it answers; None if unknown or too old.

        A reply after the silence that gave the resident back to the bot reopens the exchange.
        """
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        found = await self.store.handover(key, now, within=HANDOVER_KEPT)
        if found is None:
            return None
        await self.store.touch_handover(key, now)
        _ = translator(State.from_json(await self.store.load_state(key)).lang)
        reply = Reply(_("💬 Médiateur : {text}\n\n(pour revenir au bot : /fin)", text=text),
                      (Button(_("↩ Revenir au bot"), HANDOVER_END),), lang=_.lang)
        return Delivery(found.channel, self.box.open(found.address), reply)

    async def end_by_mediator(self, reply_to_message_id: str, now: dt.datetime) -> Delivery | None:
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        found = await self.store.handover(key, now, within=HANDOVER_KEPT)
        await self.store.end_handover(key)
        if found is None:
            return None
        state = State.from_json(await self.store.load_state(key))
        await self.store.save_turn(key, found.channel, found.address, state.fresh().to_json(), now, [])
        _ = translator(state.lang)
        reply = Reply(_("Le médiateur a terminé l'échange. Je suis de nouveau là 🙂\n"
                        "Pour quoi avez-vous besoin d'aide ?"), (Button(_("Nouvelle demande"), NEW),), lang=_.lang)
        return Delivery(found.channel, self.box.open(found.address), reply)


@dataclass(frozen=True)
class Delivery:
    """A message for a resident that no message of theirs prompted (a mediator's answer)."""

    channel: str
    address: str
    reply: Reply
