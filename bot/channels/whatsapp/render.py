"""The core's replies as WhatsApp messages, within what WhatsApp accepts.

A reply becomes one or more messages: its text (with up to 3 short buttons as reply buttons,
more or longer ones as a list of at most 10 rows — two lists when there are more), a request
for the resident's location, the place as a location pin, emergency numbers as contact cards.
Every limit is a constant here and checked again by the tests' stand-in of the Cloud API.
"""

from __future__ import annotations

from typing import Any

from bot.conversation.events import Button, Reply
from bot.conversation.i18n import N_, translator

TEXT_MAX = 4096
BODY_MAX = 1024  # interactive messages' body
BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
ROWS_MAX = 10
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
LIST_BUTTON_MAX = 20
ID_MAX = 200

CHOOSE = N_("Choisir")  # the button that opens a list
OR_CHOOSE = N_("Ou choisissez :")  # a list sent after the location request
MORE = N_("Autres choix :")  # the second list when there are more than 10 choices
SEE_ABOVE = N_("Choisissez :")  # buttons under a text too long to be their body

Message = dict[str, Any]


def messages_for(reply: Reply) -> list[Message]:
    """The messages (without recipient) that carry one reply."""
    _ = translator(reply.lang)
    out: list[Message] = []
    text = reply.text.strip() or "…"
    if reply.ask_location:
        body = text
        if len(text) > BODY_MAX:  # the text goes first, whole; the request follows with a short body
            out += [_text(part) for part in _split(text, TEXT_MAX)]
            body = reply.ask_location
        out.append({"type": "interactive", "interactive": {
            "type": "location_request_message", "body": {"text": body},
            "action": {"name": "send_location"}}})
        if reply.buttons:
            out += _choices(reply.buttons, _(OR_CHOOSE), _)
    elif reply.buttons:
        body = text
        if len(text) > BODY_MAX:
            out += [_text(part) for part in _split(text, TEXT_MAX)]
            body = _(SEE_ABOVE)
        out += _choices(reply.buttons, body, _)
    else:
        out += [_text(part) for part in _split(text, TEXT_MAX)]
    if reply.contacts:
        out.append({"type": "contacts", "contacts": [
            {"name": {"formatted_name": c.name, "first_name": c.name}, "phones": [{"phone": c.phone, "type": "WORK"}]}
            for c in reply.contacts]})
    if reply.pin is not None:
        p = reply.pin
        location: dict[str, Any] = {"latitude": p.latitude, "longitude": p.longitude, "name": p.name[:100]}
        if p.address:
            location["address"] = p.address[:200]
        out.append({"type": "location", "location": location})
    return out


def _choices(buttons: tuple[Button, ...], body: str, _: Any) -> list[Message]:
    if len(buttons) <= BUTTONS_MAX and all(len(b.label) <= BUTTON_TITLE_MAX for b in buttons) \
            and len({b.label for b in buttons}) == len(buttons):
        return [{"type": "interactive", "interactive": {
            "type": "button", "body": {"text": body},
            "action": {"buttons": [{"type": "reply", "reply": {"id": b.payload[:ID_MAX], "title": b.label}}
                                   for b in buttons]}}}]
    out = []
    for start in range(0, len(buttons), ROWS_MAX):
        chunk = buttons[start:start + ROWS_MAX]
        rows = []
        for b in chunk:
            row: dict[str, str] = {"id": b.payload[:ID_MAX], "title": _short(b.label, ROW_TITLE_MAX)}
            if len(b.label) > ROW_TITLE_MAX:
                row["description"] = _short(b.label, ROW_DESCRIPTION_MAX)
            rows.append(row)
        out.append({"type": "interactive", "interactive": {
            "type": "list", "body": {"text": body if start == 0 else _(MORE)},
            "action": {"button": _short(_(CHOOSE), LIST_BUTTON_MAX), "sections": [{"rows": rows}]}}})
    return out


def _text(body: str) -> Message:
    return {"type": "text", "text": {"body": body, "preview_url": False}}


def _split(text: str, limit: int) -> list[str]:
    """Pieces under the limit, cut at line ends when possible."""
    parts = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return parts + [text] if text else parts


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"
