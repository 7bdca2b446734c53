"""What channels hand to the core, and what the core hands back."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bot.conversation.i18n import N_
from bot.understanding.normalize import has_arabic


@dataclass(frozen=True)
class Incoming:
    """One event from a resident: exactly one of the optional fields is set."""

    channel: str
    user: str
    text: str | None = None
    button: str | None = None
    location: tuple[float, float] | None = None
    start: str | None = None
    media: str | None = None


@dataclass(frozen=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True)
class Pin:
    """A place a channel may show on a map."""

    name: str
    address: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Contact:
    """A number to call, which a channel may send as a contact card (one tap to call)."""

    name: str
    phone: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()
    pin: Pin | None = None
    # Channels that can, offer the "share my position" keyboard with this reply: its label, or "".
    ask_location: str = ""
    contacts: tuple[Contact, ...] = ()
    lang: str = "fr"  # the language it is written in, for what a channel adds (a list's button)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", numbers_kept_whole(self.text))


# Beside Arabic words, the bidirectional algorithm lays a number's space-separated groups out
# right to left: « الرقم 01 70 772 372 » shows as « 372 772 70 01 ». A no-break space is a
# separator inside a number, which keeps its groups in order (and on one line).
_SPACED_DIGITS = re.compile(r"(?<=\d) (?=\d)")


def numbers_kept_whole(text: str) -> str:
    """A text with Arabic letters, its numbers' groups joined by no-break spaces."""
    return _SPACED_DIGITS.sub("\u00a0", text) if has_arabic(text) else text


@dataclass(frozen=True)
class Effect:
    """Something the core asks the runtime to do (store, schedule, forward) after a step."""

    kind: str
    data: dict[str, object] = field(default_factory=dict)


SHARE_POSITION = N_("📍 Envoyer ma position")
# Said by a channel when handling a message failed (the conversation is kept as it was).
TECHNICAL_ERROR = N_("Désolé, un problème technique m'a empêché de répondre 🙏 Réessayez dans un instant, "
                     "ou écrivez /start pour recommencer.")


def replies_to_json(replies: list[Reply]) -> str:
    # By hand rather than asdict, which deep-copies every field: this runs on every turn.
    return json.dumps([{
        "text": r.text,
        "buttons": [{"label": b.label, "payload": b.payload} for b in r.buttons],
        "pin": None if r.pin is None else {"name": r.pin.name, "address": r.pin.address,
                                           "latitude": r.pin.latitude, "longitude": r.pin.longitude},
        "ask_location": r.ask_location,
        "contacts": [{"name": c.name, "phone": c.phone} for c in r.contacts],
        "lang": r.lang,
    } for r in replies], ensure_ascii=False, separators=(",", ":"))


def replies_from_json(text: str) -> list[Reply]:
    out = []
    for r in json.loads(text):
        pin = Pin(**r["pin"]) if r.get("pin") else None
        buttons = tuple(Button(**b) for b in r.get("buttons", ()))
        contacts = tuple(Contact(**c) for c in r.get("contacts", ()))
        ask = r.get("ask_location") or ""
        ask = ask if isinstance(ask, str) else SHARE_POSITION  # queued before the label was kept
        out.append(Reply(r["text"], buttons, pin, ask, contacts, str(r.get("lang") or "fr")))
    return out
