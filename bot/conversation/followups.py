"""After an answer: a person to talk to, a reminder before the opening, erasing one's data."""

from __future__ import annotations

import datetime as dt

from bot.conversation import texts
from bot.conversation.base import (
    ERASE_NO,
    ERASE_YES,
    EVENING_HOUR,
    HUMAN_BTN,
    MORE,
    NEW,
    REMIND_EVE,
    REMIND_HOUR,
    REMIND_ME,
    REMIND_NO,
    ROUTE,
    Base,
    Turn,
)
from bot.conversation.events import Button
from bot.conversation.state import ANSWERED, CONFIRM_ERASE, REMIND, State
from bot.places.hours import DAYS, MONTHS, aware, day_phrase, hm
from bot.places.nearby import Option


class FollowUps(Base):
    def human(self, said: str | None = None) -> Turn:
        s = self.state
        option = self.current_option()
        self.say(texts.contacts_text(s.need, option, self.k.directory),
                 (Button("Nouvelle demande", NEW),))
        if self.k.mediators:
            self.effect("handover", need=s.need, quartier=s.where, text=said or s.said)
            self.say("J'ai aussi transmis votre demande à un médiateur. Il vous répondra ici, "
                     "dès que possible.\nPour revenir au bot : /fin")
        return self.done()

    def reminder_times(self, option: Option) -> dict[str, dt.datetime]:
        """Local wall times of the reminders that still make sense for this option."""
        out: dict[str, dt.datetime] = {}
        slot = option.slot
        if slot is None or slot.start <= self.wall:
            return out
        eve = dt.datetime.combine(slot.start.date() - dt.timedelta(days=1), dt.time(EVENING_HOUR))
        if eve > self.wall:
            out[REMIND_EVE] = eve
        hour = slot.start - dt.timedelta(hours=1)
        if hour > self.wall:
            out[REMIND_HOUR] = hour
        return out

    def offer_reminder(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        times = self.reminder_times(option)
        if not times:
            self.say("C'est ouvert maintenant ou très bientôt : pas besoin de rappel 🙂",
                     self.follow_up(remind=False))
            return self.done()
        labels = {REMIND_EVE: "La veille à 18h", REMIND_HOUR: "1 heure avant"}
        assert option.slot is not None
        when = f"{day_phrase(option.slot.start.date(), self.wall.date())} à {hm(option.slot.start)}"
        self.state = self.state.replace(step=REMIND)
        self.say(f"Je vous envoie un message avant l'ouverture ({when}). Quand ?",
                 tuple(Button(labels[k], k) for k in times) + (Button("Non merci", REMIND_NO),))
        return self.done()

    def set_reminder(self, which: str) -> Turn:
        option = self.current_option()
        times = self.reminder_times(option) if option else {}
        if option is None or which not in times:
            self.state = self.state.replace(step=ANSWERED)
            self.say("Ce rappel n'est plus possible : l'heure est passée.")
            return self.reask()
        assert option.slot is not None
        pin = texts.pin_of(option)
        due = aware(times[which])
        until = aware(option.slot.end)
        text = self.reminder_text(option)
        self.effect("remind", due=due.isoformat(), until=until.isoformat(), text=text, place=pin.name)
        self.state = self.state.replace(step=ANSWERED)
        self.say(f"⏰ C'est noté : je vous écrirai {day_phrase(times[which].date(), self.wall.date())} "
                 f"à {hm(times[which])}.\nPour voir ou annuler vos rappels : /rappels",
                 self.follow_up(remind=False))
        return self.done()

    def reminder_text(self, option: Option) -> str:
        assert option.slot is not None
        slot = option.slot
        lines = ["⏰ Rappel"]
        if option.place is not None:
            p = option.place
            lines.append(f"📍 {p.nom}, {p.full_address}")
            if p.telephone:
                lines.append(f"☎ {p.telephone}")
        else:
            assert option.stop is not None
            tour = self.k.directory.tour_of(option.stop)
            lines.append(f"🚌 {tour.nom} : {option.stop.nom}")
            if tour.telephone:
                lines.append(f"☎ {tour.telephone}")
        lines.insert(1, f"Ouvert le {_date_long(slot.start)} de {hm(slot.start)} à {hm(slot.end)}")
        return "\n".join(lines)

    def ask_erase(self) -> Turn:
        self.state = self.state.replace(step=CONFIRM_ERASE)
        self.say("Voulez-vous que j'efface tout ce que je garde sur vous ?\n"
                 "(votre conversation, vos rappels, vos demandes à un médiateur)",
                 (Button("Oui, tout effacer", ERASE_YES), Button("Non", ERASE_NO)))
        return self.done()

    def erase(self) -> Turn:
        self.effect("erase")
        self.state = State()
        self.say("✅ C'est fait. J'ai effacé votre conversation, vos rappels et vos demandes à un "
                 "médiateur. Je ne garde plus rien sur vous.",
                 (Button("Nouvelle demande", NEW),))
        return self.done()

    def follow_up(self, *, more: bool = True, route: bool = True, remind: bool = True) -> tuple[Button, ...]:
        buttons = []
        if more:
            buttons.append(Button("Autre lieu", MORE))
        if route:
            buttons.append(Button("🗺 Itinéraire", ROUTE))
        if remind:
            buttons.append(Button("⏰ Me le rappeler", REMIND_ME))
        buttons += [Button("🙋 Parler à quelqu'un", HUMAN_BTN), Button("Nouvelle demande", NEW)]
        return tuple(buttons)


def _date_long(t: dt.datetime) -> str:
    return f"{DAYS[t.weekday()]} {t.day} {MONTHS[t.month - 1]}"
