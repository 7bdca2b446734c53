"""Handing a resident over to a person: the summary for the mediators, the relay both ways, the end.

While a hand-over is live the bot stays quiet: what the resident writes goes to the mediators,
and a mediator's reply to the summary (or to a relayed message) goes back to the resident.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from bot.conversation.dialogue import NEW, words
from bot.conversation.events import Button, Incoming, Reply
from bot.conversation.state import State
from bot.storage.sqlite import Store

logger = logging.getLogger(__name__)

END_WORDS = words("fin", "terminer", "stop")


class Mediators(Protocol):
    """Where hand-overs go (a Telegram group, the console's screen)."""

    async def forward(self, text: str) -> str | None:
        """Post a message for the mediators; return its id so their reply can be routed back."""


class Handovers:
    """The hand-over side of the runtime, over the store and the mediators' port."""

    def __init__(self, store: Store, mediators: Mediators) -> None:
        self.store = store
        self.mediators = mediators

    async def start(self, key: str, channel: str, address: str, label: str,
                    data: dict[str, object], now: dt.datetime) -> list[Reply]:
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

    async def during(self, key: str, inc: Incoming, norm: str | None, now: dt.datetime) -> list[Reply]:
        """What the resident sends while a person is in charge."""
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

    async def reply_target(self, reply_to_message_id: str, now: dt.datetime) -> tuple[str, str] | None:
        """Route a mediator's reply to the resident: (channel, address), or None if unknown."""
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        live = await self.store.handover(key, now)
        if live is None:
            return None
        await self.store.touch_handover(key, now)
        return live.channel, live.address

    async def end_by_mediator(self, reply_to_message_id: str, now: dt.datetime) -> tuple[str, str] | None:
        key = await self.store.relay_target(str(reply_to_message_id))
        if key is None:
            return None
        live = await self.store.handover(key, now)
        await self.store.end_handover(key)
        if live is None:
            return None
        await self.store.save_turn(key, live.channel, live.address, State().to_json(), now, [])
        return live.channel, live.address
