"""The conversation, as a pure function: state + event + time → new state + replies.

No I/O here. Channels load the state, call `step`, save the new state, then send the replies;
the runtime carries out the effects (statistics, reminders, hand-over, erasure) in between.
One turn is handled by a `Dialogue`, assembled from one class per phase of the conversation:
entry (events, commands, typed text), safety (emergencies first), languages, need, place, answer,
context (follow-ups to an answer), follow-ups (a person, reminders, erasure).
"""

from __future__ import annotations

import datetime as dt

from bot.conversation.answer import AnswerPhase
from bot.conversation.base import ERASE_NO, ERASE_WORDS, ERASE_YES, HANDOVER_END, NEW, Turn, words
from bot.conversation.context import ContextPhase
from bot.conversation.entry import EntryPhase
from bot.conversation.events import Incoming, Reply
from bot.conversation.followups import FollowUps
from bot.conversation.knowledge import Knowledge
from bot.conversation.languages import LanguagePhase
from bot.conversation.need import NeedPhase
from bot.conversation.place import PlacePhase
from bot.conversation.safety import SafetyPhase
from bot.conversation.state import State

__all__ = ["ERASE_NO", "ERASE_WORDS", "ERASE_YES", "HANDOVER_END", "NEW", "Turn", "step", "turn", "words"]


class Dialogue(EntryPhase, SafetyPhase, LanguagePhase, NeedPhase, PlacePhase, AnswerPhase, ContextPhase,
               FollowUps):
    """One turn of the conversation (the phases' methods, over the shared plumbing)."""


def step(state: State, incoming: Incoming, now: dt.datetime,
         knowledge: Knowledge) -> tuple[State, list[Reply]]:
    """The documented contract: new state and replies (effects are in `turn`)."""
    t = turn(state, incoming, now, knowledge)
    return t.state, t.replies


def turn(state: State, incoming: Incoming, now: dt.datetime, knowledge: Knowledge) -> Turn:
    return Dialogue(state, now, knowledge).handle(incoming)
