"""The resident's language: detected from what they write, confirmed or changed with one tap.

Until the resident chooses, each message long enough to tell (two words, or Arabic script, or a
greeting opening the conversation: « hello ») may switch the language the bot writes in; the
switch is said, with buttons for the other languages.
Darija in Latin letters is read but not written: its speakers are offered French or Arabic once.
A choice (a language button, `/langue`) is kept for good, reset included; erasing forgets it.
"""

from __future__ import annotations

from bot.conversation.base import LANG_PREFIX, Base, Turn
from bot.conversation.events import Button
from bot.conversation.i18n import LANGUAGES, N_, NAMES, translator
from bot.conversation.state import AFTER_ANSWER, ASK_WHERE, START, TYPE_WHERE
from bot.places.needs import BUS, GREETING
from bot.understanding.normalize import has_arabic, tokens

DARIJA = "darija"
DARIJA_CHOICES = ("fr", "ar")
CHOOSE = N_("Choisissez votre langue")


class LanguagePhase(Base):
    def notice_language(self, text: str) -> None:
        """Follow the language of a typed message, unless the resident chose one."""
        s = self.state
        if s.lang_chosen:
            return
        # Place names say nothing of the language: « Trois-Cités » is not French, « Bel-Air » not English.
        mention = self.place_in(text)
        if mention is not None:
            text = mention[1]
        elif s.step in (ASK_WHERE, TYPE_WHERE) and self.k.locate(text) is not None:
            return
        lang = self.k.matcher.languages.detect(text)
        if lang is None or not (_long_enough(text) or self._opening_greeting(text)):
            return
        if lang == DARIJA:
            if not s.lang_asked:
                self.state = s.replace(lang_asked=True)
                self.notice = (self._("Je peux vous répondre en français ou en arabe :"),
                               self.language_buttons(DARIJA_CHOICES))
            return
        if lang == s.lang or lang not in LANGUAGES:
            return
        self.state = s.replace(lang=lang)
        self._ = translator(lang)
        others = tuple(code for code in LANGUAGES if code != lang)
        self.notice = (self._("🌐 Je vous réponds en français."), self.language_buttons(others))

    def _opening_greeting(self, text: str) -> bool:
        """« hello », « salam » as a conversation's first word: the greeting is answered in its
        language. Later, or for any other single word (« ok », « job », « taxes »), one word is
        too little to switch a French speaker's conversation."""
        return self.state.step == START and self.understood(text).need == GREETING

    def ask_language(self) -> Turn:
        # Said in every language: the resident may not read the current one.
        self.say("🌐 " + " · ".join(translator(code)(CHOOSE) for code in LANGUAGES),
                 self.language_buttons(LANGUAGES))
        return self.done()

    def choose_language(self, lang: str) -> Turn:
        if lang not in LANGUAGES:
            return self.ask_language()
        self.state = self.state.replace(lang=lang, lang_chosen=True)
        self._ = translator(lang)
        self.say(self._("D'accord, je vous réponds en français."))
        s = self.state
        if s.step in AFTER_ANSWER and s.need and (s.position or s.need == BUS):
            self.answer()  # the same answer, now in the chosen language
            return self.done()
        return self.reask()

    def language_buttons(self, codes: tuple[str, ...]) -> tuple[Button, ...]:
        return tuple(Button(NAMES[code], f"{LANG_PREFIX}{code}") for code in codes)


def _long_enough(text: str) -> bool:
    return has_arabic(text) or len(tokens(text)) >= 2
