"""Events as a resident makes them, and a conversation played through the core's `step`."""

from __future__ import annotations

import datetime as dt

from bot.conversation.dialogue import step
from bot.conversation.events import Incoming, Reply
from bot.conversation.knowledge import Knowledge
from bot.conversation.state import State
from tests.conftest import paris

TUESDAY = paris("2026-12-01T10:00")


def text(t: str) -> Incoming:
    return Incoming("test", "u1", text=t)


def button(p: str) -> Incoming:
    return Incoming("test", "u1", button=p)


def here(lat: float, lon: float) -> Incoming:
    return Incoming("test", "u1", location=(lat, lon))


def talk(knowledge: Knowledge, *events: Incoming, now: dt.datetime = TUESDAY,
         state: State | None = None) -> tuple[State, list[Reply]]:
    state = state or State()
    replies: list[Reply] = []
    for e in events:
        state, replies = step(state, e, now, knowledge)
    return state, replies


def read(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for b in r.buttons]
