"""The WhatsApp adapter: webhook payloads in as the core's events, replies out through the Graph API.

Each message is stored in the inbox before Meta hears 200, then handled from there; it is
answered once, even when Meta delivers it twice (its id is remembered, hashed, for a week). Replies go out within the 24-hour window the resident's message opened; reminders,
sent later, go as approved template messages (templates.json).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import httpx

from bot.channels.whatsapp.api import GraphClient, GraphError
from bot.channels.whatsapp.render import messages_for
from bot.conversation.events import TECHNICAL_ERROR, Incoming, Reply
from bot.conversation.i18n import translator
from bot.runtime import Runtime, Undeliverable
from bot.settings import Settings, hide
from bot.storage.privacy import message_key
from bot.storage.store import Inbound, Reminder

logger = logging.getLogger(__name__)

CHANNEL = "whatsapp"
TEMPLATES = Path(__file__).with_name("templates.json")
REMINDER_TEMPLATE = "rappel_ouverture"
MEDIA = {"audio": "voice", "voice": "voice", "image": "photo", "sticker": "sticker", "video": "video",
         "document": "document", "contacts": "contact", "unsupported": "other", "unknown": "other"}
IGNORED = {"reaction", "system", "order", "request_welcome", "ephemeral"}
_SPACES = re.compile(r"\s+")


def incoming(message: dict[str, Any]) -> Incoming | None:
    """A WhatsApp message as the core's event; None for what needs no answer (a reaction)."""
    user = str(message.get("from") or "")
    kind = message.get("type")
    if not user or kind in IGNORED:
        return None
    if kind == "text":
        body = str((message.get("text") or {}).get("body") or "")
        if body.lower().startswith("/start"):  # a mediator's link (wa.me/…?text=/start …)
            return Incoming(CHANNEL, user, start=body[6:].strip())
        return Incoming(CHANNEL, user, text=body)
    if kind == "interactive":
        interactive = message.get("interactive") or {}
        chosen = interactive.get("button_reply") or interactive.get("list_reply") or {}
        return Incoming(CHANNEL, user, button=str(chosen.get("id") or ""))
    if kind == "button":  # a template's quick reply
        button = message.get("button") or {}
        return Incoming(CHANNEL, user, text=str(button.get("text") or button.get("payload") or ""))
    if kind == "location":
        loc = message.get("location") or {}
        try:
            return Incoming(CHANNEL, user, location=(float(loc["latitude"]), float(loc["longitude"])))
        except (KeyError, TypeError, ValueError):
            return Incoming(CHANNEL, user, media="other")
    return Incoming(CHANNEL, user, media=MEDIA.get(str(kind), "other"))


def load_templates(path: Path = TEMPLATES) -> dict[tuple[str, str], dict[str, Any]]:
    """(name, language) → the template as submitted to Meta."""
    return {(t["name"], t["language"]): t for t in json.loads(path.read_text(encoding="utf-8"))}


def template_message(reminder: Reminder, templates: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """The reminder as its approved template, in the resident's language (French if not shipped)."""
    p = reminder.params
    lang = p.get("lang", "fr")
    if (REMINDER_TEMPLATE, lang) not in templates:
        lang = "fr"
    # Meta refuses parameters with line breaks, tabs or runs of spaces.
    values = [_SPACES.sub(" ", p.get(k) or reminder.place or "—").strip()[:200] for k in ("place", "when", "where")]
    return {"type": "template", "template": {
        "name": REMINDER_TEMPLATE, "language": {"code": lang},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": v} for v in values]}]}}


class WhatsAppChannel:
    def __init__(self, runtime: Runtime, settings: Settings, client: GraphClient | None = None) -> None:
        settings.require_whatsapp()
        assert settings.whatsapp_phone_number_id and settings.whatsapp_token
        hide(settings.whatsapp_token, settings.whatsapp_app_secret, settings.whatsapp_verify_token)
        self.runtime = runtime
        self.settings = settings
        self.client = client or GraphClient(settings.whatsapp_api_url, settings.whatsapp_phone_number_id,
                                            settings.whatsapp_token)
        self.templates = load_templates()
        runtime.outlets[CHANNEL] = self.send_to

    async def close(self) -> None:
        await self.client.close()

    # -- in: stored in the inbox before Meta hears 200 ----------------------------------------

    async def receive(self, payload: dict[str, Any]) -> int:
        """Every message of a webhook delivery (statuses are accepted silently); returns how many
        were new — Meta delivers a message again when it doubts, its id tells."""
        rows = []
        for entry in payload.get("entry") or ():
            for change in entry.get("changes") or ():
                value = change.get("value") or {}
                for message in value.get("messages") or ():
                    wamid, sender = str(message.get("id") or ""), str(message.get("from") or "")
                    if wamid and sender:
                        # The id is hashed: a WhatsApp message id holds the sender's number.
                        rows.append((message_key(self.runtime.secret, CHANNEL, wamid), sender, message))
        return await self.runtime.queues.receive(CHANNEL, rows)

    async def handle(self, message: dict[str, Any], inbound: Inbound) -> bool:
        inc = incoming(message)
        if inc is None:
            return False
        wamid, sender = str(message.get("id") or ""), str(message.get("from") or "")
        try:
            await self.client.mark_read(wamid)
        except (GraphError, httpx.HTTPError) as e:  # the blue ticks are a courtesy, not a reason to stop
            logger.info("could not mark a message read: %s", e)
        await self.runtime.answer(inc, sender, self.send_replies, inbound.id)
        return True

    async def give_up(self, message: dict[str, Any]) -> None:
        sender = str(message.get("from") or "")
        if sender:
            _ = translator(None)
            await self.send_replies(sender, [Reply(_(TECHNICAL_ERROR))])

    # -- out -----------------------------------------------------------------------------------

    async def send_all(self, to: str, replies: list[Reply]) -> None:
        for reply in replies:
            for message in messages_for(reply):
                await self.client.send(to, message)

    async def send_replies(self, address: str, replies: list[Reply]) -> None:
        """Send to a resident; Undeliverable when WhatsApp refuses for good (outside 24 h, blocked)."""
        try:
            await self.send_all(address, replies)
        except GraphError as e:
            if e.permanent:
                raise Undeliverable(str(e)) from None
            raise

    async def send_to(self, address: str, reply: Reply) -> None:
        """The runtime's way to reach a resident (a mediator's answer): refused outside 24 h."""
        await self.send_replies(address, [reply])

    async def send_reminder(self, reminder: Reminder, reply: Reply) -> None:
        """Reminders fall outside the 24-hour window: they go as the approved template."""
        try:
            await self.client.send(reminder.address, template_message(reminder, self.templates))
        except GraphError as e:
            if e.permanent:  # 131047 outside the window, 132001 template missing or not approved…
                raise Undeliverable(str(e)) from None
            raise

