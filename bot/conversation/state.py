"""A resident's conversation state: small, JSON-serialisable, tolerant of old or damaged rows."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

# Steps of the conversation.
START = "start"
ASK_NEED = "ask_need"
CLARIFY = "clarify"
ASK_WHERE = "ask_where"
TYPE_WHERE = "type_where"
ANSWERED = "answered"
REMIND = "remind"
CONFIRM_ERASE = "confirm_erase"
STEPS = (START, ASK_NEED, CLARIFY, ASK_WHERE, TYPE_WHERE, ANSWERED, REMIND, CONFIRM_ERASE)
AFTER_ANSWER = (ANSWERED, REMIND)


@dataclass(frozen=True)
class State:
    step: str = START
    need: str | None = None
    # Where the resident is: a position and how to name it back to them.
    position: tuple[float, float] | None = None
    where: str | None = None
    quartier: str | None = None
    shown: int = 0  # index of the option shown among the answers for need + position
    candidates: tuple[str, ...] = ()
    source: str | None = None  # who shared the link that started the conversation
    said: str | None = None  # the resident's last words about their need, for a mediator
    lang: str = "fr"  # the language the bot writes in: fr, en, ar
    lang_chosen: bool = False  # chosen with a button: no more switching on what is detected
    lang_asked: bool = False  # a Darija speaker was offered French or Arabic
    by: str | None = None  # how `position` was given: "position" (shared), "quartier", "commune"
    cautioned: bool = False  # told once that the directory may be out of date

    def to_json(self) -> str:
        # The fields are flat values: no need for asdict's deep copies (this runs every turn).
        return json.dumps({f: getattr(self, f) for f in _FIELDS}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> State:
        """A state from storage; anything unreadable gives a fresh start rather than a crash."""
        if not text:
            return cls()
        try:
            raw: Any = json.loads(text)
            if not isinstance(raw, dict):
                return cls()
            known = {f.name for f in dataclasses.fields(cls)}
            data = {k: v for k, v in raw.items() if k in known}
            if data.get("position") is not None:
                lat, lon = data["position"]
                data["position"] = (float(lat), float(lon))
            if "candidates" in data:
                data["candidates"] = tuple(str(c) for c in data["candidates"] or ())
            state = cls(**data)
            if state.step not in STEPS:
                return cls()
            if state.position is not None and "by" not in raw:  # saved before `by` existed
                by = "position" if state.where == "votre position" else "quartier" if state.quartier else "commune"
                state = state.replace(by=by)
            return state
        except (ValueError, TypeError):
            return cls()

    def replace(self, **changes: Any) -> State:
        return dataclasses.replace(self, **changes)

    def fresh(self, **kept: Any) -> State:
        """A new conversation that keeps who shared the link and the language (and `kept`)."""
        return State(source=self.source, lang=self.lang, lang_chosen=self.lang_chosen,
                     lang_asked=self.lang_asked, **kept)


_FIELDS = tuple(f.name for f in dataclasses.fields(State))
