"""What every phase of the dialogue shares: the words and button payloads, and the plumbing.

A turn is handled by one `Dialogue` object (see dialogue.py) assembled from one class per phase
of the conversation; each phase calls the others through `self`, so the phase modules import
only this one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.conversation.events import Button, Effect, Reply
from bot.conversation.i18n import translator
from bot.conversation.knowledge import Knowledge
from bot.conversation.state import State
from bot.places.hours import PARIS, aware, local
from bot.places.nearby import Option
from bot.understanding.gazetteer import Located
from bot.understanding.lexicon import Match
from bot.understanding.normalize import normalize

MAX_TEXT = 1000  # longer messages are read on their first characters only


def words(*phrases: str) -> frozenset[str]:
    """Commands and set phrases, normalised the way messages are."""
    return frozenset(normalize(p) for p in phrases)


RESET_WORDS = words("start", "aide", "menu", "recommencer", "accueil", "restart",
                    "nouvelle demande", "recommencer svp", "retour au menu")
ERASE_WORDS = words("oubli", "supprimer mes données", "effacer mes données")
BUS_WORDS = words("bus", "où est le bus")
BYE_WORDS = words("fin", "quitter", "stop")
LANGUAGE_WORDS = words("langue", "langues", "language", "languages", "لغة", "اللغة", "lougha", "lugha")
EVENING_HOUR = 18

# Button payloads (ASCII, far under Telegram's 64 bytes).
NEW = "a:new"
MORE = "a:more"
ROUTE = "a:route"
REMIND_ME = "a:remind"
HUMAN_BTN = "a:human"
ALL_NEEDS = "a:needs"
HOURS_BTN = "a:hours"
WHERE_OTHER = "w:other"  # type a place
WHERE_ASK = "w:ask"  # the neighbourhoods as buttons, or a shared location
ERASE_YES = "e:yes"
ERASE_NO = "e:no"
REMIND_EVE = "r:eve"
REMIND_HOUR = "r:hour"
REMIND_NO = "r:no"
NOT_THAT = "c:none"
HANDOVER_END = "h:end"
LANG_PREFIX = "l:"  # l:fr, l:en, l:ar
SHOW = "o:"  # show the option at this index
MAX_SHOWN = 20


@dataclass(frozen=True)
class Turn:
    state: State
    replies: list[Reply]
    effects: list[Effect]


class Base:
    """The state of one turn being handled, and how replies and effects are collected."""

    def __init__(self, state: State, now: dt.datetime, knowledge: Knowledge) -> None:
        self.state = state
        self.now = now if now.tzinfo else aware(now)
        self.wall = local(self.now, PARIS)
        self.k = knowledge
        self._ = translator(state.lang)
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []
        self.notice: tuple[str, tuple[Button, ...]] | None = None  # a language switch to tell
        self._places: dict[str, tuple[Located, str] | None] = {}
        self._matches: dict[str, Match] = {}

    def done(self) -> Turn:
        if not self.replies:  # every event gets an answer, whatever happened
            self.ask_need(self._("Je vous écoute."))
        if self.notice is not None:
            # The switch is said first; emergency numbers, when there are some, come before it.
            at = 1 if self.replies[0].contacts else 0
            self.replies.insert(at, Reply(*self.notice, lang=self._.lang))
            self.notice = None
        return Turn(self.state, self.replies, self.effects)

    def place_in(self, text: str) -> tuple[Located, str] | None:
        """A place named in the message and its other words (looked up once per turn)."""
        if text not in self._places:
            self._places[text] = self.k.find(text)
        return self._places[text]

    def understood(self, text: str) -> Match:
        """What the message is about (understood once per turn)."""
        if text not in self._matches:
            self._matches[text] = self.k.matcher.match(text)
        return self._matches[text]

    def say(self, text: str, buttons: tuple[Button, ...] = (), **kw: object) -> None:
        self.replies.append(Reply(text, buttons, lang=self._.lang, **kw))  # type: ignore[arg-type]

    def effect(self, kind: str, **data: object) -> None:
        self.effects.append(Effect(kind, dict(data)))

    def button(self, label: str, payload: str) -> Button:
        return Button(self._(label), payload)

    def human_button(self) -> Button:
        return self.button("🙋 Parler à quelqu'un", HUMAN_BTN)

    def new_button(self) -> Button:
        return self.button("Nouvelle demande", NEW)

    # -- provided by the phases (declared for readers and type checkers) -------------------

    def reask(self) -> Turn:
        raise NotImplementedError

    def greet(self, again: bool = False) -> None:
        raise NotImplementedError

    def ask_need(self, text: str) -> None:
        raise NotImplementedError

    def need_buttons(self) -> tuple[Button, ...]:
        raise NotImplementedError

    def ask_clarify(self, candidates: tuple[str, ...], intro: str | None = None) -> None:
        raise NotImplementedError

    def chose_need(self, need: str, said: str | None) -> Turn:
        raise NotImplementedError

    def label(self, need: str) -> str:
        raise NotImplementedError

    def ask_where(self, intro: str | None = None) -> None:
        raise NotImplementedError

    def on_location(self, lat: float, lon: float) -> Turn:
        raise NotImplementedError

    def located(self, where: Located) -> Turn:
        raise NotImplementedError

    def place_at(self, where: Located) -> None:
        raise NotImplementedError

    def not_covered(self, where: Located) -> Turn:
        raise NotImplementedError

    def answer(self, another: bool = False) -> None:
        raise NotImplementedError

    def current_option(self) -> Option | None:
        raise NotImplementedError

    def route(self) -> Turn:
        raise NotImplementedError

    def human(self, said: str | None = None) -> Turn:
        raise NotImplementedError

    def offer_reminder(self) -> Turn:
        raise NotImplementedError

    def set_reminder(self, which: str) -> Turn:
        raise NotImplementedError

    def ask_erase(self) -> Turn:
        raise NotImplementedError

    def erase(self) -> Turn:
        raise NotImplementedError

    def follow_up(self, *, more: bool = True, route: bool = True, remind: bool = True) -> tuple[Button, ...]:
        raise NotImplementedError

    def can_remind(self, option: Option | None = None) -> bool:
        raise NotImplementedError

    def unknown_place(self, text: str) -> Turn:
        raise NotImplementedError

    def emergency(self, categories: tuple[str, ...], said: str) -> Turn:
        raise NotImplementedError

    def possible_emergency(self, category: str) -> None:
        raise NotImplementedError

    def in_context(self, text: str) -> Turn | None:
        raise NotImplementedError

    def show_hours(self) -> Turn:
        raise NotImplementedError

    def notice_language(self, text: str) -> None:
        raise NotImplementedError

    def ask_language(self) -> Turn:
        raise NotImplementedError

    def choose_language(self, lang: str) -> Turn:
        raise NotImplementedError


def short_text(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
