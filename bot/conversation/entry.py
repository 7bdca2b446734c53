"""Entering a turn: which kind of event it is, commands and resets, buttons, typed text."""

from __future__ import annotations

from bot.conversation.base import (
    ALL_NEEDS,
    BUS_WORDS,
    BYE_WORDS,
    ERASE_NO,
    ERASE_WORDS,
    ERASE_YES,
    HUMAN_BTN,
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
    WHERE_OTHER,
    Base,
    Turn,
    short_text,
)
from bot.conversation.deeplinks import parse_start
from bot.conversation.events import Button, Incoming
from bot.conversation.state import (
    ANSWERED,
    ASK_NEED,
    ASK_WHERE,
    CLARIFY,
    CONFIRM_ERASE,
    REMIND,
    START,
    TYPE_WHERE,
    State,
)
from bot.places.needs import BUS, NEEDS
from bot.understanding.gazetteer import Located
from bot.understanding.normalize import normalize


class EntryPhase(Base):
    def handle(self, inc: Incoming) -> Turn:
        if inc.start is not None:
            return self.on_start(inc.start)
        if inc.location is not None:
            return self.on_location(*inc.location)
        if inc.button is not None:
            return self.on_button(inc.button)
        if inc.media == "edited":
            self.say("J'ai vu que vous avez modifié un message, mais je ne lis que les nouveaux "
                     "messages. Renvoyez-le si besoin 🙂")
            return self.reask()
        if inc.media is not None:
            self.say("Je ne lis que les messages écrits 🙂 Écrivez votre demande avec des mots, "
                     "ou appuyez sur un bouton.")
            return self.reask()
        return self.on_text(inc.text or "")

    def reask(self) -> Turn:
        """Ask the current question again, with its buttons."""
        s = self.state
        if s.step == ASK_WHERE or s.step == TYPE_WHERE:
            self.ask_where()
        elif s.step == CLARIFY and s.candidates:
            self.ask_clarify(s.candidates)
        elif s.step == CONFIRM_ERASE:
            self.ask_erase()
        elif s.step in (ANSWERED, REMIND) and s.need and s.position:
            self.say("Que voulez-vous faire ?", self.follow_up())
        else:
            self.ask_need("Pour quoi avez-vous besoin d'aide ?")
        return self.done()

    def on_start(self, payload: str) -> Turn:
        link = parse_start(payload, self.k.directory)
        self.state = State(source=link.source)
        if link.quartier:
            q = self.k.directory.quartiers[link.quartier]
            self.state = self.state.replace(position=(q.latitude, q.longitude), where=q.nom,
                                            quartier=q.id)
        if link.need:
            self.state = self.state.replace(need=link.need)
            self.say("Bonjour 👋 Je vous aide à trouver de l'aide près de chez vous. C'est gratuit.")
            if self.state.position:
                self.answer()
            else:
                self.ask_where(f"Vous cherchez de l'aide pour : {self.label(link.need)}.")
            return self.done()
        self.greet()
        return self.done()

    def on_button(self, payload: str) -> Turn:
        kind, _, value = payload.partition(":")
        s = self.state
        if payload == NEW:
            self.state = State(source=s.source, position=s.position, where=s.where, quartier=s.quartier)
            self.ask_need("Pour quoi avez-vous besoin d'aide ?")
            return self.done()
        if payload == ALL_NEEDS:
            self.state = s.replace(step=ASK_NEED)
            self.say("Choisissez ce qui se rapproche le plus de votre demande :",
                     tuple(Button(n.button, f"n:{n.id}") for n in NEEDS.values())
                     + (Button("🙋 Parler à quelqu'un", HUMAN_BTN),))
            return self.done()
        if kind == "n" and (value in NEEDS or value == BUS):
            return self.chose_need(value, said=None)
        if payload == NOT_THAT:
            self.state = s.replace(step=ASK_NEED, candidates=())
            self.ask_need("D'accord. Dites-le autrement, ou choisissez :")
            return self.done()
        if kind == "q" and value in self.k.directory.quartiers:
            q = self.k.directory.quartiers[value]
            return self.located(Located(q.latitude, q.longitude, q.nom, q.id))
        if payload == WHERE_OTHER:
            self.state = s.replace(step=TYPE_WHERE)
            self.say("Écrivez le nom de votre quartier, de votre commune ou votre code postal.\n"
                     "Ou envoyez votre position avec le bouton 📍.",
                     (Button("Nouvelle demande", NEW),), ask_location=True)
            return self.done()
        if payload == HUMAN_BTN:
            return self.human()
        if payload == ERASE_YES and s.step == CONFIRM_ERASE:
            return self.erase()
        if payload == ERASE_NO and s.step == CONFIRM_ERASE:
            self.state = s.replace(step=ANSWERED if s.need and s.position else ASK_NEED)
            self.say("D'accord, je ne supprime rien.")
            return self.reask()
        if s.need and s.position and s.step in (ANSWERED, REMIND):
            index = None  # which answer to show: the next one, or the one a hint pointed at
            if payload == MORE:
                index = s.shown + 1
            elif payload.startswith(SHOW) and value.isdigit() and int(value) < 20:
                index = int(value)
            if index is not None:
                self.state = s.replace(shown=index, step=ANSWERED)
                self.answer(another=True)
                return self.done()
            if payload == ROUTE:
                return self.route()
            if payload == REMIND_ME:
                return self.offer_reminder()
            if payload in (REMIND_EVE, REMIND_HOUR) and s.step == REMIND:
                return self.set_reminder(payload)
            if payload == REMIND_NO:
                self.state = s.replace(step=ANSWERED)
                self.say("D'accord, pas de rappel.", self.follow_up(remind=False))
                return self.done()
        self.say("Ce bouton ne marche plus. Voici où nous en sommes :")
        return self.reask()

    def on_text(self, raw: str) -> Turn:
        text = raw.strip()[:MAX_TEXT]
        norm = normalize(text)
        s = self.state
        if not norm:
            if text:  # only emoji or punctuation
                self.say("Je n'ai pas compris 🙂 Écrivez votre demande avec des mots, "
                         "ou appuyez sur un bouton.")
            else:
                self.say("Votre message est vide. Écrivez votre demande, ou appuyez sur un bouton.")
            return self.reask()
        if norm in RESET_WORDS or norm.startswith("start "):
            self.state = State(source=s.source)
            self.greet()
            return self.done()
        if norm in ERASE_WORDS:
            return self.ask_erase()
        if norm in BUS_WORDS:
            return self.chose_need(BUS, said=text)
        if norm in BYE_WORDS:
            self.state = State(source=s.source)
            self.say("D'accord. Écrivez-moi quand vous voulez : je suis là jour et nuit.",
                     (Button("Nouvelle demande", NEW),))
            return self.done()
        if s.step == CONFIRM_ERASE:
            self.state = s.replace(step=ASK_NEED)
        if s.step == ASK_WHERE and norm == "autre":  # the "Autre" choice, typed or tapped
            return self.on_button(WHERE_OTHER)
        if s.step in (ASK_WHERE, TYPE_WHERE):
            where = self.k.gazetteer.locate(text)
            if where is not None:
                return self.located(where)
        match = self.k.matcher.match(text)
        self.effect("understood", ok=match.need is not None)
        if match.need is None and not match.candidates and s.step in (ASK_WHERE, TYPE_WHERE):
            self.say(f"Je ne connais pas « {short_text(text)} » 🤔\nEnvoyez votre position avec le bouton 📍, "
                     "ou choisissez votre quartier :")
            self.ask_where()
            return self.done()
        if match.need is None and not match.candidates:
            where = self.k.gazetteer.locate(text) if s.step in (START, ASK_NEED, ANSWERED) else None
            if where is not None:
                return self.located(where)
            self.effect("unmatched", text=text)
            self.state = s.replace(step=ASK_NEED)
            self.say("Je n'ai pas compris votre demande, désolé 🙏\n"
                     "Je peux aider pour les papiers, la CAF, l'emploi, la santé, la retraite, "
                     "internet…\nÉcrivez-la autrement, ou choisissez :",
                     self.need_buttons() + (Button("🙋 Parler à quelqu'un", HUMAN_BTN),))
            return self.done()
        if match.need is None:
            self.state = s.replace(step=CLARIFY, candidates=tuple(c for c, _ in match.candidates),
                                   said=text)
            self.ask_clarify(self.state.candidates)
            return self.done()
        return self.chose_need(match.need, said=text)
