"""Replies as Telegram shows them: HTML-escaped text, tappable phone numbers, keyboards."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from bot.conversation.events import Reply

logger = logging.getLogger(__name__)

MAX_TEXT = 4096
MAX_CALLBACK_BYTES = 64
# French numbers as people write them: 05 49 52 67 66, 05.49.52.67.66, 0549526766.
_PHONE = re.compile(r"(?<![\d+])0([1-9])(?:[ .]?(\d{2})){4}(?!\d)")


def dialable(text: str) -> str:
    """Add the international form Telegram turns into a tap-to-call link."""
    def repl(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        return f"{m.group(0)} (+33{digits[1:]})"
    return _PHONE.sub(repl, text)


def _render(text: str) -> str:
    return dialable(html.escape(text, quote=False))


def render_text(reply: Reply) -> str:
    return _render(reply.text)


def render_chunks(text: str, limit: int = MAX_TEXT) -> list[str]:
    """The text rendered as messages Telegram accepts: cut before escaping (a cut after could
    fall inside `&amp;`, which Telegram refuses), at a line break when one is near, each piece
    ≤ `limit` once escaped."""
    out: list[str] = []
    rest = text
    while rest:
        rendered = _render(rest)
        if len(rendered) <= limit:
            out.append(rendered)
            break
        # The longest prefix that fits (escaping at most multiplies a length by 5), at a line
        # break or a space when there is one in its second half.
        end = min(len(rest), limit)
        while end > 1 and (size := len(_render(rest[:end]))) > limit:
            end = max(1, min(end - 1, end * limit // size))
        cut = max(rest.rfind("\n", 0, end), rest.rfind(" ", 0, end))
        end = cut + 1 if cut > end // 2 else end
        out.append(_render(rest[:end]))
        rest = rest[end:]
    return out or [""]


# Keyboards are built as the Bot API's JSON directly: as library objects, turning them back into
# JSON was the largest cost of a send after the network.
Markup = dict[str, Any]


def keyboard(reply: Reply) -> Markup | None:
    rows: list[list[dict[str, str]]] = []
    row: list[dict[str, str]] = []
    for b in reply.buttons:
        if len(b.payload.encode()) > MAX_CALLBACK_BYTES:
            logger.error("button payload over 64 bytes dropped: %r", b.payload[:80])
            continue
        button = {"text": b.label, "callback_data": b.payload}
        # Short labels two by two, long ones alone: easy to read and to hit on a phone.
        if len(b.label) <= 16 and len(row) < 2 and all(len(x["text"]) <= 16 for x in row):
            row.append(button)
        else:
            if row:
                rows.append(row)
            row = [button]
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return {"inline_keyboard": rows} if rows else None


def location_keyboard(reply: Reply) -> Markup:
    rows: list[list[dict[str, Any]]] = [[{"text": reply.ask_location, "request_location": True}]]
    labels = [b.label for b in reply.buttons]
    rows += [[{"text": x} for x in labels[i:i + 2]] for i in range(0, len(labels), 2)]
    return {"keyboard": rows, "resize_keyboard": True, "one_time_keyboard": True}
