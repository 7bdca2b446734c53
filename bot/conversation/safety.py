"""Emergencies come first: the numbers to call, at once, then local help and a person.

Whatever the step of the conversation (a hand-over included, see runtime.handover), a message
that speaks of danger gets, as its very first reply, the national emergency numbers that fit:
free, day and night, given with no question first. The numbers are also sent as contacts, which
phones open with a tap. Then comes the local follow-up (victims' support, a social worker) and
the button to talk to a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation.base import Base, Turn
from bot.conversation.events import Contact, Reply
from bot.conversation.i18n import N_, Translator
from bot.conversation.state import ANSWERED, ASK_NEED
from bot.understanding.danger import CHILD, FOOD, MEDICAL, SHELTER, SUICIDE, VIOLENCE


@dataclass(frozen=True)
class Line:
    number: str
    text: str  # one line of the message (French, translated when shown)
    contact: str  # the name on the contact card


POLICE = Line("17", N_("☎ 17 : Police secours (ou le 112)"), N_("Police secours 17"))
SMS = Line("114", N_("✉️ 114 : par SMS, si vous ne pouvez pas parler ou entendre"), N_("Urgences par SMS 114"))
SAMU = Line("15", N_("☎ 15 : SAMU (urgence médicale), ou le 112"), N_("SAMU 15"))
WOMEN = Line("3919", N_("☎ 3919 : Violences Femmes Info (anonyme)"), N_("Violences Femmes Info 3919"))
SUICIDE_LINE = Line("3114", N_("☎ 3114 : quelqu'un vous écoute (prévention du suicide)"), N_("Prévention suicide 3114"))
CHILDREN = Line("119", N_("☎ 119 : Allô Enfance en danger"), N_("Enfance en danger 119"))
SHELTER_LINE = Line("115", N_("☎ 115 : Samu social, pour dormir à l'abri cette nuit"), N_("Samu social 115"))
FOOD_LINE = Line("115", N_("☎ 115 : Samu social, il peut vous orienter pour manger aujourd'hui"), N_("Samu social 115"))

HEADINGS = {
    MEDICAL: N_("🚑 Urgence médicale : appelez tout de suite. C'est gratuit, jour et nuit."),
    SUICIDE: N_("💙 Je suis désolé que vous viviez ça. Vous pouvez parler à quelqu'un tout de suite, "
             "gratuitement, jour et nuit :"),
    VIOLENCE: N_("🚨 Vous êtes en danger ? Appelez tout de suite. C'est gratuit, jour et nuit."),
    CHILD: N_("🚨 Un enfant est en danger ? Appelez tout de suite. C'est gratuit, jour et nuit."),
    SHELTER: N_("🏠 Pour ne pas dormir dehors : appelez le 115. C'est gratuit, jour et nuit."),
    FOOD: N_("🍽 Pour manger aujourd'hui : appelez le 115. C'est gratuit, jour et nuit."),
}
LINES = {
    MEDICAL: (SAMU, SMS),
    SUICIDE: (SUICIDE_LINE, SAMU),
    VIOLENCE: (POLICE, SMS, WOMEN),
    CHILD: (CHILDREN, POLICE, SMS),
    SHELTER: (SHELTER_LINE,),
    FOOD: (FOOD_LINE,),
}
# For a message only the learnt model takes for danger (danger/learned.py): said as a condition,
# and 112 comes with each kind where one urgency could be taken for another.
IF_HEADINGS = {
    MEDICAL: N_("🚑 Si c'est une urgence médicale, appelez tout de suite. C'est gratuit, jour et nuit :"),
    SUICIDE: N_("💙 Si vous pensez à mourir, vous pouvez parler à quelqu'un tout de suite, gratuitement, "
             "jour et nuit :"),
    VIOLENCE: N_("🚨 Si vous êtes en danger, appelez tout de suite. C'est gratuit, jour et nuit :"),
    CHILD: N_("🚨 Si un enfant est en danger, appelez. C'est gratuit, jour et nuit :"),
    SHELTER: N_("🏠 Si vous n'avez pas d'endroit où dormir cette nuit, appelez. C'est gratuit, jour et nuit :"),
    FOOD: N_("🍽 Si vous n'avez rien à manger aujourd'hui, appelez. C'est gratuit, jour et nuit :"),
}
IF_LINES = {
    MEDICAL: (SAMU,),
    SUICIDE: (SUICIDE_LINE, SAMU),
    VIOLENCE: (POLICE,),
    CHILD: (CHILDREN, POLICE),
    SHELTER: (SHELTER_LINE,),
    FOOD: (FOOD_LINE,),
}
# The local help worth offering after the numbers, and how to call it.
FOLLOW_UP = {VIOLENCE: "droit", CHILD: "social", SHELTER: "social", FOOD: "social"}
FOLLOW_UP_WHAT = {"droit": N_("aide aux victimes, conseil juridique"), "social": N_("assistante sociale")}
MAX_CONTACTS = 3
POSSIBLE = "possible"  # counted in the statistics apart from the emergencies the rules recognise


def emergency_reply(categories: tuple[str, ...], _: Translator, *, sure: bool = True) -> Reply:
    """The first reply to a person in danger: the numbers that fit, most urgent first; when the
    danger is only likely (not `sure`), fewer numbers, said as a condition."""
    lines = [_((HEADINGS if sure else IF_HEADINGS)[categories[0]])]
    seen: set[str] = set()
    contacts: list[Contact] = []
    for category in categories:
        for line in (LINES if sure else IF_LINES)[category]:
            if line.number in seen:
                continue
            seen.add(line.number)
            lines.append(_(line.text))
            if len(contacts) < MAX_CONTACTS:
                contacts.append(Contact(_(line.contact), line.number))
    return Reply("\n".join(lines), contacts=tuple(contacts), lang=_.lang)


class SafetyPhase(Base):
    def possible_emergency(self, category: str) -> None:
        """Numbers first, as a condition; the conversation then answers the message as usual."""
        self.effect("danger", categories=[POSSIBLE])
        self.replies.append(emergency_reply((category,), self._, sure=False))

    def emergency(self, categories: tuple[str, ...], said: str) -> Turn:
        """Numbers first; then the nearest local help (or where the person is), and a person."""
        self.effect("danger", categories=list(categories))
        self.replies.append(emergency_reply(categories, self._))
        need = next((FOLLOW_UP[c] for c in categories if c in FOLLOW_UP), None)
        if need is None:
            self.state = self.state.replace(step=ANSWERED if self.state.need and self.state.position else ASK_NEED)
            self.say(self._("Vous pouvez aussi écrire à une personne, ici."),
                     (self.human_button(), self.new_button()))
            return self.done()
        self.state = self.state.replace(need=need, candidates=(), shown=0, said=said[:300])
        what = self._(FOLLOW_UP_WHAT[need])
        mention = self.place_in(said)  # « je dors dehors, je suis aux Tilleuls »: not asked again
        if mention is not None and mention[0].covered:
            self.place_at(mention[0])
        if self.state.position is not None:
            self.say(self._("Près de chez vous, on peut aussi vous aider ({what}) :", what=what))
            self.answer()
        else:
            self.ask_where(self._("Je peux aussi vous indiquer une aide près de chez vous ({what}).",
                                  what=what))
        return self.done()
