"""The rows the store hands out: reminders, hand-overs, received updates and queued replies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reminder:
    id: int
    user_key: str
    channel: str
    address: str
    due_at: dt.datetime
    until_at: dt.datetime
    place: str
    text: str
    # What a message template needs (WhatsApp, outside its 24-hour window): lang, place, when, where.
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Handover:
    user_key: str
    channel: str
    address: str
    started_at: dt.datetime
    last_at: dt.datetime


@dataclass(frozen=True)
class Inbound:
    """A received update, claimed for handling."""

    id: int
    channel: str
    user_key: str
    payload: str  # sealed (see privacy.AddressBox)
    attempts: int


@dataclass(frozen=True)
class Queued:
    """A turn's replies waiting to be sent, claimed for sending."""

    id: int
    user_key: str
    address: str  # sealed
    replies: str  # JSON
    created_at: dt.datetime
    attempts: int
