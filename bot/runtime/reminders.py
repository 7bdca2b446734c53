"""Reminders a resident asked for: listing and cancelling them, and sending those that are due."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from bot.conversation.dialogue import NEW, words
from bot.conversation.events import Button, Reply
from bot.places.hours import day_phrase, hm, local
from bot.storage.sqlite import Store

logger = logging.getLogger(__name__)

Send = Callable[[str, str, Reply], Awaitable[None]]  # channel, address, reply

REMINDER_WORDS = words("rappels", "mes rappels")
CANCEL_PREFIX = "x:"


async def list_reminders(store: Store, key: str, now: dt.datetime) -> list[Reply]:
    items = await store.reminders_of(key)
    if not items:
        return [Reply("Vous n'avez aucun rappel.", (Button("Nouvelle demande", NEW),))]
    today = local(now)
    lines = ["⏰ Vos rappels :"]
    buttons = []
    for i, r in enumerate(items, 1):
        due = local(r.due_at)
        lines.append(f"{i}. {day_phrase(due.date(), today.date())} à {hm(due)} — {r.place}")
        buttons.append(Button(f"Annuler le rappel {i}", f"{CANCEL_PREFIX}{r.id}"))
    return [Reply("\n".join(lines), tuple(buttons) + (Button("Nouvelle demande", NEW),))]


async def cancel_reminder(store: Store, key: str, ident: str) -> list[Reply]:
    ok = ident.isdigit() and await store.delete_reminder(int(ident), key)
    text = "✅ Rappel annulé." if ok else "Ce rappel n'existe plus."
    return [Reply(text, (Button("Nouvelle demande", NEW),))]


async def deliver_due(store: Store, channel: str, send: Send, now: dt.datetime) -> int:
    """Send what is due; drop what is no longer useful (its slot has ended). Returns sent count."""
    sent = 0
    for r in await store.pending_reminders(channel):
        if r.due_at > now:
            break
        if now < r.until_at:
            try:
                await send(r.channel, r.address, Reply(r.text, (Button("Nouvelle demande", NEW),)))
            except Exception:
                logger.exception("reminder %d not delivered; will retry", r.id)
                continue
            sent += 1
        await store.delete_reminder(r.id)
    return sent
