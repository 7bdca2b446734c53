"""Reminders a resident asked for: listing and cancelling them, and sending those that are due."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from bot.conversation.dialogue import NEW, words
from bot.conversation.events import Button, Reply
from bot.conversation.i18n import Translator, translator
from bot.conversation.state import State
from bot.conversation.texts import day_phrase
from bot.places.hours import local
from bot.storage.store import Reminder, Store

logger = logging.getLogger(__name__)

Send = Callable[[Reminder, Reply], Awaitable[None]]  # the reminder (its address in clear), the message


class Undeliverable(Exception):
    """The channel refused the message for good (blocked, template refused): do not retry."""

REMINDER_WORDS = words("rappels", "mes rappels")
CANCEL_PREFIX = "x:"


def _new(_: Translator) -> Button:
    return Button(_("Nouvelle demande"), NEW)


async def list_reminders(store: Store, key: str, now: dt.datetime, _: Translator) -> list[Reply]:
    items = await store.reminders_of(key)
    if not items:
        return [Reply(_("Vous n'avez aucun rappel."), (_new(_),), lang=_.lang)]
    today = local(now)
    lines = [_("⏰ Vos rappels :")]
    buttons = []
    for i, r in enumerate(items, 1):
        due = local(r.due_at)
        lines.append(_("{n}. {day} à {time} — {place}", n=i, day=day_phrase(due.date(), today.date(), _),
                       time=_.clock(due), place=r.place))
        buttons.append(Button(_("Annuler le rappel {n}", n=i), f"{CANCEL_PREFIX}{r.id}"))
    return [Reply("\n".join(lines), (*buttons, _new(_)), lang=_.lang)]


async def cancel_reminder(store: Store, key: str, ident: str, _: Translator) -> list[Reply]:
    # A button's data comes from the network: ASCII digits of a sane length, or nothing.
    ok = ident.isascii() and ident.isdigit() and len(ident) <= 12 and await store.delete_reminder(int(ident), key)
    text = _("✅ Rappel annulé.") if ok else _("Ce rappel n'existe plus.")
    return [Reply(text, (_new(_),), lang=_.lang)]


async def deliver_due(store: Store, channel: str, send: Send, now: dt.datetime, lease: dt.timedelta) -> int:
    """Send what is due, claimed so that no other instance sends it too; drop what is no longer
    useful (its slot has ended) or refused for good. Returns the number sent."""
    sent = 0
    for r in await store.claim_reminders(channel, now, lease):
        if now < r.until_at:
            try:
                # The text was written in the resident's language when they asked; so is the button.
                lang = State.from_json(await store.load_state(r.user_key)).lang
                await send(r, Reply(r.text, (_new(translator(lang)),), lang=lang))
            except Undeliverable as e:
                logger.warning("reminder %d undeliverable (%s): dropped", r.id, e)
                await store.delete_reminder(r.id)
                continue
            except Exception:
                logger.exception("reminder %d not delivered; will retry", r.id)
                continue  # its lease runs out, then it is claimed again
            sent += 1
        await store.delete_reminder(r.id)
    return sent
