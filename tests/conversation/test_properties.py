"""Any sequence of events, at any time, never breaks the core and always gets an answer."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.conversation.dialogue import turn
from bot.conversation.events import Incoming
from bot.conversation.state import State

payloads = st.one_of(
    st.sampled_from(["n:caf", "n:bus", "q:saint-eloi", "w:other", "w:ask", "a:more", "a:route", "a:remind",
                     "a:human", "a:new", "a:needs", "e:yes", "e:no", "r:eve", "r:hour", "r:no",
                     "c:none", "x:1", "n:", "q:", ":", ""]),
    st.text(max_size=80),
)
coordinate = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                       st.floats(min_value=-90, max_value=90))
events = st.one_of(
    st.builds(lambda t: Incoming("h", "u", text=t), st.text(max_size=300)),
    st.builds(lambda t: Incoming("h", "u", text=t), st.sampled_from(
        ["caf", "st eloi", "86000", "/start", "/oubli", "menu", "bus", "Autre", "merci", "1", "🙂"])),
    st.builds(lambda p: Incoming("h", "u", button=p), payloads),
    st.builds(lambda a, b: Incoming("h", "u", location=(a, b)), coordinate, coordinate),
    st.builds(lambda p: Incoming("h", "u", start=p), st.one_of(st.text(max_size=80), st.sampled_from(
        ["s-pimms-saint-eloi_q-saint-eloi_n-caf", "q-beaulieu", "n-bus", "q-_n-"]))),
    st.builds(lambda m: Incoming("h", "u", media=m), st.sampled_from(["voice", "sticker", "edited", "other"])),
)
moments = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2028, 12, 31),
                       timezones=st.just(dt.UTC))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(events, min_size=1, max_size=12), now=moments)
def test_any_events_never_raise_and_always_answer(knowledge, sequence, now):
    state = State()
    for event in sequence:
        result = turn(state, event, now, knowledge)
        assert result.replies, event
        assert all(r.text.strip() for r in result.replies)
        assert all(len(b.payload.encode()) <= 64 for r in result.replies for b in r.buttons)
        state = State.from_json(result.state.to_json())  # what storage gives back
        assert state == result.state


