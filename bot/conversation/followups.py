"""After an answer: a person to talk to, a reminder before the opening, erasing one's data."""

from __future__ import annotations

import datetime as dt

from bot.conversation import texts
from bot.conversation.base import (
    ERASE_NO,
    ERASE_YES,
    EVENING_HOUR,
    HANDOVER_END,
    MORE,
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
from bot.places.hours import aware
from bot.places.nearby import Option


class FollowUps(Base):
    def human(self, said: str | None = None) -> Turn:
        s = self.state
        option = self.current_option()
        self.say(texts.contacts_text(s.need, option, self.k.directory, self._), (self.new_button(),))
        if self.k.mediators:
            self.effect("handover", need=s.need, quartier=s.where, text=said or s.said)
            self.say(self._("J'ai aussi transmis votre demande à un médiateur.") + " "
                     + texts.mediators_when(self.k.directory, self.wall, self._),
                     (self.button("↩ Revenir au bot", HANDOVER_END),))
        return self.done()

    def can_remind(self, option: Option | None = None) -> bool:
        """A reminder only for known hours, a real (not example) schedule, and a time still ahead."""
        option = option if option is not None else self.current_option()
        if option is None or option.slot is None:
            return False
        if option.stop is not None and self.k.directory.tour_of(option.stop).exemple:
            return False
        return bool(self.reminder_times(option))

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
        times = self.reminder_times(option) if self.can_remind(option) else {}
        if not times:
            slot = option.slot
            if slot is None:
                text = self._("Je ne connais pas ses horaires : je ne peux pas vous le rappeler. "
                              "Appelez avant d'y aller.")
            elif slot.start <= self.wall:
                text = self._("C'est ouvert maintenant, jusqu'à {end} : pas besoin de rappel 🙂",
                              end=self._.clock(slot.end))
            elif option.stop is not None and self.k.directory.tour_of(option.stop).exemple:
                text = self._("Ces horaires sont à confirmer par téléphone : je ne peux pas vous les rappeler.")
            else:
                text = self._("Ça ouvre bientôt, à {start} : pas besoin de rappel 🙂", start=self._.clock(slot.start))
            self.say(text, self.follow_up(remind=False))
            return self.done()
        labels = {REMIND_EVE: self._("La veille à 18h"), REMIND_HOUR: self._("1 heure avant")}
        assert option.slot is not None
        when = self._("{day} à {time}", day=texts.day_phrase(option.slot.start.date(), self.wall.date(), self._),
                      time=self._.clock(option.slot.start))
        self.state = self.state.replace(step=REMIND)
        self.say(self._("Je vous envoie un message avant l'ouverture ({when}). Quand ?", when=when),
                 tuple(Button(labels[k], k) for k in times) + (self.button("Non merci", REMIND_NO),))
        return self.done()

    def set_reminder(self, which: str) -> Turn:
        option = self.current_option()
        times = self.reminder_times(option) if option and self.can_remind(option) else {}
        if option is None or which not in times:
            self.state = self.state.replace(step=ANSWERED)
            self.say(self._("Ce rappel n'est plus possible : l'heure est passée."))
            return self.reask()
        assert option.slot is not None
        pin = texts.pin_of(option)
        due = aware(times[which])
        until = aware(option.slot.end)
        text = self.reminder_text(option)
        slot = option.slot
        # For channels that send reminders as pre-approved templates (WhatsApp): the facts alone.
        params = {"lang": self._.lang, "place": pin.name, "where": pin.address or pin.name,
                  "when": self._("{day} de {start} à {end}", day=texts.date_phrase(slot.start.date(), self._),
                                 start=self._.clock(slot.start), end=self._.clock(slot.end))}
        self.effect("remind", due=due.isoformat(), until=until.isoformat(), text=text, place=pin.name,
                    params=params)
        self.state = self.state.replace(step=ANSWERED)
        self.say(self._("⏰ C'est noté : je vous écrirai {day} à {time}.\nPour voir ou annuler vos rappels : "
                        "/rappels", day=texts.day_phrase(times[which].date(), self.wall.date(), self._),
                        time=self._.clock(times[which])),
                 self.follow_up(remind=False))
        return self.done()

    def reminder_text(self, option: Option) -> str:
        assert option.slot is not None
        slot = option.slot
        lines = [self._("⏰ Rappel"),
                 self._("Ouvert le {date} de {start} à {end}", date=texts.date_phrase(slot.start.date(), self._),
                        start=self._.clock(slot.start), end=self._.clock(slot.end))]
        if option.place is not None:
            p = option.place
            lines.append(f"📍 {p.nom}, {p.full_address}")
            if p.telephone:
                lines.append(f"☎ {p.telephone}")
            checked = p.date_maj
        else:
            assert option.stop is not None
            tour = self.k.directory.tour_of(option.stop)
            lines.append(self._("🚌 {tour} : {stop}", tour=tour.nom, stop=option.stop.nom))
            if tour.telephone:
                lines.append(f"☎ {tour.telephone}")
            checked = tour.date_maj
        if checked is not None:  # the reminder is read days later: it says how old its facts are
            lines.append(self._("Informations vérifiées en {when}.", when=texts.checked_when(checked, self._)))
        return "\n".join(lines)

    def ask_erase(self) -> Turn:
        self.state = self.state.replace(step=CONFIRM_ERASE)
        self.say(self._("Voulez-vous que j'efface tout ce que je garde sur vous ?\n"
                        "(votre conversation, vos rappels, vos demandes à un médiateur)"),
                 (self.button("Oui, tout effacer", ERASE_YES), self.button("Non", ERASE_NO)))
        return self.done()

    def erase(self) -> Turn:
        self.effect("erase")
        self.state = State()  # the language too: nothing about the person is kept
        self.say(self._("✅ C'est fait. J'ai effacé votre conversation, vos rappels et vos demandes à un "
                        "médiateur. Je ne garde plus rien sur vous."),
                 (self.new_button(),))
        return self.done()

    def follow_up(self, *, more: bool = True, route: bool = True, remind: bool = True) -> tuple[Button, ...]:
        buttons = []
        if more:
            buttons.append(self.button("Autre lieu", MORE))
        if route:
            buttons.append(self.button("🗺 Itinéraire", ROUTE))
        if remind:
            buttons.append(self.button("⏰ Me le rappeler", REMIND_ME))
        buttons += [self.human_button(), self.new_button()]
        return tuple(buttons)
