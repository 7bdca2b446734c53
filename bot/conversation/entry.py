"""Entering a turn: which kind of event it is, commands and resets, buttons, typed text.

Typed text is read in this order: danger first (emergency numbers before anything else), then
commands, then a place and a need said together ("caf couronneries"), follow-ups to the answer
just given ("c'est où ?", "ok", 👍) and corrections ("non, c'est pour les impôts").
"""

from __future__ import annotations

import re

from bot.conversation.base import (
    ALL_NEEDS,
    BUS_WORDS,
    BYE_WORDS,
    ERASE_NO,
    ERASE_WORDS,
    ERASE_YES,
    HOURS_BTN,
    HUMAN_BTN,
    LANG_PREFIX,
    LANGUAGE_WORDS,
    MAX_SHOWN,
    MAX_TEXT,
    MORE,
    NEW,
    NOT_THAT,
    REMIND_EVE,
    REMIND_HOUR,
    REMIND_ME,
    REMIND_NO,
    RESET_WORDS,
    ROUTE,
    SHOW,
    WHERE_ASK,
    WHERE_OTHER,
    Base,
    Turn,
)
from bot.conversation.deeplinks import parse_start
from bot.conversation.events import SHARE_POSITION, Incoming
from bot.conversation.place import names_unknown_place
from bot.conversation.state import (
    AFTER_ANSWER,
    ANSWERED,
    ASK_NEED,
    ASK_WHERE,
    CLARIFY,
    CONFIRM_ERASE,
    REMIND,
    TYPE_WHERE,
)
from bot.places.needs import BUS, CARE, HUMAN, NEEDS
from bot.understanding.danger import detect
from bot.understanding.gazetteer import Located
from bot.understanding.lexicon import Match
from bot.understanding.normalize import content, normalize

WHERE_STEPS = (ASK_WHERE, TYPE_WHERE)
_STREET = re.compile(r"\b(rue|avenue|av|bd|boulevard|allee|impasse|chemin|place|residence|lotissement)\b")


class EntryPhase(Base):
    def handle(self, inc: Incoming) -> Turn:
        if inc.start is not None:
            return self.on_start(inc.start)
        if inc.location is not None:
            return self.on_location(*inc.location)
        if inc.button is not None:
            return self.on_button(inc.button)
        if inc.media == "edited":
            self.say(self._("J'ai vu que vous avez modifié un message, mais je ne lis que les nouveaux "
                            "messages. Renvoyez-le si besoin 🙂"))
            return self.reask()
        if inc.media is not None:
            self.say(self._("Je ne lis que les messages écrits 🙂 Écrivez votre demande avec des mots, "
                            "ou appuyez sur un bouton."))
            return self.reask()
        return self.on_text(inc.text or "")

    def reask(self) -> Turn:
        """Ask the current question again, with its buttons."""
        s = self.state
        if s.step in WHERE_STEPS:
            self.ask_where()
        elif s.step == CLARIFY and s.candidates:
            self.ask_clarify(s.candidates)
        elif s.step == CONFIRM_ERASE:
            self.ask_erase()
        elif s.step in AFTER_ANSWER and s.need and s.position:
            self.say(self._("Que voulez-vous faire ?"), self.follow_up(remind=self.can_remind()))
        else:
            self.ask_need(self._("Pour quoi avez-vous besoin d'aide ?"))
        return self.done()

    # -- events -----------------------------------------------------------------------------

    def on_start(self, payload: str) -> Turn:
        link = parse_start(payload, self.k.directory)
        self.state = self.state.fresh().replace(source=link.source)
        if link.quartier:
            q = self.k.directory.quartiers[link.quartier]
            if q.latitude is not None and q.longitude is not None:
                self.state = self.state.replace(position=(q.latitude, q.longitude), where=q.nom,
                                                quartier=q.id, by="quartier")
        if link.need:
            self.state = self.state.replace(need=link.need)
            self.say(self._("Bonjour 👋 Je vous aide à trouver de l'aide près de chez vous. C'est gratuit."))
            if self.state.position:
                self.answer()
            else:
                self.ask_where(self._("Vous cherchez de l'aide pour : {need}.", need=self.label(link.need)))
            return self.done()
        self.greet()
        return self.done()

    def on_button(self, payload: str) -> Turn:
        kind, _, value = payload.partition(":")
        s = self.state
        if payload == NEW:
            self.state = s.fresh(position=s.position, where=s.where, quartier=s.quartier, by=s.by,
                                 cautioned=s.cautioned)
            self.ask_need(self._("Pour quoi avez-vous besoin d'aide ?"))
            return self.done()
        if payload == ALL_NEEDS:
            self.state = s.replace(step=ASK_NEED)
            self.say(self._("Choisissez ce qui se rapproche le plus de votre demande :"),
                     tuple(self.button(n.button, "n:" + n.id) for n in NEEDS.values())
                     + (self.human_button(),))
            return self.done()
        if kind == LANG_PREFIX[:-1]:
            return self.choose_language(value)
        if kind == "n" and (value in NEEDS or value in (BUS, CARE)):
            return self.chose_need(value, said=None)
        if payload == NOT_THAT:
            self.state = s.replace(step=ASK_NEED, candidates=())
            self.ask_need(self._("D'accord. Dites-le autrement, ou choisissez :"))
            return self.done()
        if kind == "q" and value in self.k.directory.quartiers:
            q = self.k.directory.quartiers[value]
            return self.located(Located(q.latitude, q.longitude, q.nom, q.id, covered=q.couvert, note=q.note))
        if payload == WHERE_ASK:
            self.ask_where()
            return self.done()
        if payload == WHERE_OTHER:
            self.state = s.replace(step=TYPE_WHERE)
            self.say(self._("Écrivez le nom de votre quartier, de votre commune ou votre code postal.\n"
                            "Ou envoyez votre position avec le bouton 📍."),
                     (self.new_button(),), ask_location=self._(SHARE_POSITION))
            return self.done()
        if payload == HUMAN_BTN:
            return self.human()
        if payload == ERASE_YES and s.step == CONFIRM_ERASE:
            return self.erase()
        if payload == ERASE_NO and s.step == CONFIRM_ERASE:
            self.state = s.replace(step=ANSWERED if s.need and s.position else ASK_NEED)
            self.say(self._("D'accord, je ne supprime rien."))
            return self.reask()
        if s.need and s.position and s.step in AFTER_ANSWER:
            index = None  # which answer to show: the next one, or the one a hint pointed at
            if payload == MORE:
                index = s.shown + 1
            elif payload.startswith(SHOW) and value.isascii() and value.isdigit() and len(value) <= 2 \
                    and int(value) < MAX_SHOWN:
                index = int(value)
            if index is not None:
                self.state = s.replace(shown=index, step=ANSWERED)
                self.answer(another=True)
                return self.done()
            if payload == ROUTE:
                return self.route()
            if payload == HOURS_BTN:
                return self.show_hours()
            if payload == REMIND_ME:
                return self.offer_reminder()
            if payload in (REMIND_EVE, REMIND_HOUR) and s.step == REMIND:
                return self.set_reminder(payload)
            if payload == REMIND_NO:
                self.state = s.replace(step=ANSWERED)
                self.say(self._("D'accord, pas de rappel."), self.follow_up(remind=False))
                return self.done()
        self.say(self._("Ce bouton ne marche plus. Voici où nous en sommes :"))
        return self.reask()

    def on_text(self, raw: str) -> Turn:
        text = raw.strip()[:MAX_TEXT]
        self.notice_language(text)  # first: even the emergency numbers are said in their language
        dangers = detect(text)
        if dangers:
            return self.emergency(dangers, text)
        if (likely := self.k.matcher.possible_danger(text)) is not None:
            self.possible_emergency(likely)
        s = self.state
        if s.step in AFTER_ANSWER and (reply := self.in_context(text)) is not None:
            return reply
        norm = normalize(text)
        if not norm:
            if text:  # only emoji or punctuation
                self.say(self._("Je n'ai pas compris 🙂 Écrivez votre demande avec des mots, "
                                "ou appuyez sur un bouton."))
            else:
                self.say(self._("Votre message est vide. Écrivez votre demande, ou appuyez sur un bouton."))
            return self.reask()
        if norm in RESET_WORDS or norm.startswith("start "):
            self.state = s.fresh()
            self.greet()
            return self.done()
        if norm in ERASE_WORDS:
            return self.ask_erase()
        if norm in LANGUAGE_WORDS:
            return self.ask_language()
        if norm in BUS_WORDS:
            return self.chose_need(BUS, said=text)
        if norm in BYE_WORDS:
            self.state = s.fresh()
            self.say(self._("D'accord. Écrivez-moi quand vous voulez : je suis là jour et nuit."),
                     (self.new_button(),))
            return self.done()
        if s.step == CONFIRM_ERASE:
            self.state = s = s.replace(step=ASK_NEED)
        if s.step == ASK_WHERE and norm == "autre":  # the "Autre" choice, typed or tapped
            return self.on_button(WHERE_OTHER)
        return self.read_request(text)

    def read_request(self, text: str) -> Turn:
        """A need, a place, or both, in the resident's own words."""
        s = self.state
        mention = self.place_in(text)
        where = mention[0] if mention else None
        if where is None and s.step in WHERE_STEPS:
            where = self.k.locate(text)
        rest = mention[1] if mention else text
        match = self.understood(rest)
        if text.startswith("/") and match.need is None:
            match = Match(None, 0.0, lang=match.lang)  # an unknown command: no guess from its letters
        need = match.need if match.need in NEEDS or match.need == BUS else None
        # Asking outright for a person is heard even when the matcher hesitates between the
        # person and a need: "je veux parler à quelqu'un, la caf m'a coupé les aloc".
        asks_person = match.need == HUMAN or self.k.matcher.mentions(HUMAN, text)
        if asks_person and need is None:  # the need besides the person, if any
            other = self.k.matcher.besides(HUMAN, rest).need
            need = other if other in NEEDS else None
        if where is None or (mention is not None and content(rest.split())):
            self.effect("understood", ok=match.need is not None)  # a place alone is not a request
        if s.step in WHERE_STEPS and where is None and _STREET.search(normalize(text)):
            return self.unknown_place(text)  # "rue des Lilas" answers "où êtes-vous ?"
        if asks_person:
            # "je veux parler à quelqu'un, la caf m'a coupé les aloc": a person for that need,
            # and the nearest place (or the question that finds it), in this turn.
            if where is not None:
                self.place_at(where)
            if need is None:
                return self.human(said=text)
            self.state = self.state.replace(need=need, said=text[:300], shown=0)
            self.human(said=text)
            return self.chose_need(need, said=text)
        if where is not None:
            changed = s.step in AFTER_ANSWER and (where.latitude, where.longitude) != s.position
            if need is not None and need != s.need:
                self.place_at(where)
                return self.chose_need(need, said=text)
            if s.step == CLARIFY and s.candidates:
                self.place_at(where)
                self.ask_clarify(s.candidates, self._("C'est noté : {where}.", where=where.label))
                return self.done()
            if changed:
                self.say(self._("C'est noté : {where}.", where=where.label))
            return self.located(where)
        if s.step in WHERE_STEPS and need is None and match.need is None and (
                not any(c in NEEDS for c, _ in match.candidates)
                or {c for c, _ in match.candidates if c in NEEDS} <= {s.need}
                or names_unknown_place(text, self.k.matcher.known_words)):
            # "je sais pas", « Naintré » answer "où êtes-vous ?", they ask no help; nor does a street
            # whose letters faintly recall the need already chosen (« بول فيري », « بول امبلوا »).
            return self.unknown_place(text)
        if need is not None and s.step in AFTER_ANSWER and s.need and need != s.need:
            self.say(self._("C'est noté : {need}.", need=self.label(need)))
        if match.need is None and not match.candidates:
            self.effect("unmatched", text=text)  # out of scope too: admins see what people ask for
            self.state = s.replace(step=ASK_NEED)
            first = self._("Je ne peux pas vous aider pour ça, désolé 🙏") if match.out_of_scope else \
                self._("Je n'ai pas compris votre demande, désolé 🙏")
            self.say(first + "\n" + self._("Je peux aider pour les papiers, la CAF, l'emploi, la santé, la retraite, "
                                            "internet…\nÉcrivez votre demande autrement, ou choisissez :"),
                     self.need_buttons() + (self.human_button(),))
            return self.done()
        if match.need is None:
            self.state = s.replace(step=CLARIFY, candidates=tuple(c for c, _ in match.candidates),
                                   said=text)
            self.ask_clarify(self.state.candidates)
            return self.done()
        return self.chose_need(match.need, said=text)
