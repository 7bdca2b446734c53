"""The need: what the resident asked for, small talk, and the questions that ask for it."""

from __future__ import annotations

from bot.conversation.base import ALL_NEEDS, HUMAN_BTN, NOT_THAT, Base, Turn
from bot.conversation.events import Button
from bot.conversation.state import ASK_NEED, ASK_WHERE, START
from bot.places.needs import BUS, CARE, ERASE, GREETING, HELP, HUMAN, MAIN_NEEDS, N_, NEEDS, THANKS

OTHER_LABELS = {BUS: N_("Le bus France services"), HUMAN: N_("Parler à quelqu'un")}
SHORT_LABELS = {BUS: N_("Le bus"), HUMAN: N_("Parler à quelqu'un"), CARE: N_("Trouver un médecin")}


class NeedPhase(Base):
    def chose_need(self, need: str, said: str | None) -> Turn:
        s = self.state
        if need == GREETING:
            self.greet(again=s.step != START)
            return self.done()
        if need == HELP:
            self.state = s.replace(step=ASK_NEED)
            self.say(self._("Je vous indique où trouver de l'aide, près de chez vous, et quand y aller. "
                            "C'est gratuit.\nÉcrivez votre demande avec vos mots (par exemple « ma carte "
                            "Vitale » ou « chercher du travail »), ou choisissez :"), self.need_buttons())
            return self.done()
        if need == THANKS:
            self.say(self._("Avec plaisir 😊 Bon courage ! Je reste là si besoin."),
                     (self.new_button(), self.human_button()))
            return self.done()
        if need == ERASE:
            return self.ask_erase()
        if need == HUMAN:
            return self.human(said=said)
        if need == CARE:
            self.state = s.replace(step=ASK_NEED)
            self.say(self._("Je trouve de l'aide pour les démarches, pas de médecin. Pour trouver un médecin "
                            "(généraliste, pédiatre, dentiste…), l'Assurance maladie vous aide au 3646, et "
                            "l'annuaire santé d'ameli.fr liste ceux qui sont près de chez vous.\n"
                            "En cas d'urgence : appelez le 15."),
                     (self.button("Carte Vitale, mutuelle…", "n:sante"), self.human_button(), self.new_button()))
            return self.done()
        self.state = s.replace(need=need, candidates=(), shown=0,
                               said=said[:300] if said else s.said)
        if need == BUS:
            if self.state.position is None and len(self.k.directory.tours) > 3:
                self.state = self.state.replace(step=ASK_WHERE)
                self.ask_where(self._("Pour vous dire quand le bus passe près de chez vous :"))
                return self.done()
            self.answer()
            return self.done()
        if self.state.position is not None:
            self.answer()
        else:
            self.ask_where(self._("D'accord : {need}.", need=self.label(need)))
        return self.done()

    def greet(self, again: bool = False) -> None:
        hello = self._("Rebonjour 👋") if again else self._(
            "Bonjour 👋 Je vous aide à trouver de l'aide près de chez vous. C'est gratuit.")
        self.ask_need(hello + "\n" + self._("Pour quoi avez-vous besoin d'aide ? Écrivez-le avec vos mots, "
                                            "ou choisissez :"))

    def ask_need(self, text: str) -> None:
        self.state = self.state.replace(step=ASK_NEED, candidates=())
        self.say(text, self.need_buttons())

    def need_buttons(self) -> tuple[Button, ...]:
        return tuple(self.button(NEEDS[n].button, "n:" + n) for n in MAIN_NEEDS) + (
            self.button("Autre", ALL_NEEDS),)

    def ask_clarify(self, candidates: tuple[str, ...], intro: str | None = None) -> None:
        # Small talk is never offered as a choice: "bonjour" is not a request to pick.
        buttons = tuple(Button(self.short(c), HUMAN_BTN if c == HUMAN else f"n:{c}")
                        for c in candidates if c in NEEDS or c in (BUS, CARE, HUMAN))
        buttons += (self.button("Autre chose", NOT_THAT),)
        if HUMAN not in candidates:
            buttons += (self.human_button(),)
        question = self._("Je ne suis pas sûr d'avoir compris. Vous voulez dire :")
        self.say(f"{intro} {question}" if intro else question, buttons)

    def label(self, need: str) -> str:
        if need in NEEDS:
            return self._(NEEDS[need].label)
        return self._(OTHER_LABELS[need]) if need in OTHER_LABELS else self.k.matcher.label(need)

    def short(self, intent: str) -> str:
        if intent in NEEDS:
            return self._(NEEDS[intent].button)
        return self._(SHORT_LABELS[intent]) if intent in SHORT_LABELS else intent
