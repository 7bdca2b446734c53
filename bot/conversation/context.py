"""Follow-ups to the answer just given, read in its context: hours, address, phone, "ok", "non"."""

from __future__ import annotations

from bot.conversation import texts
from bot.conversation.base import MORE, NEW, WHERE_ASK, Base, Turn
from bot.conversation.state import ANSWERED
from bot.places.geo import map_link
from bot.understanding.followup import ACK, ADDRESS, HOURS, NO, PHONE, follow_up


class ContextPhase(Base):
    def in_context(self, text: str) -> Turn | None:
        """The reply to a follow-up about the place shown, or None when the message is not one."""
        kind = follow_up(text)
        if kind is None:
            return None
        option = self.current_option()
        if kind == ACK:
            self.state = self.state.replace(step=ANSWERED)
            self.say(self._("Très bien 🙂 Je reste là si vous avez besoin d'autre chose."),
                     self.follow_up(remind=self.can_remind()))
            return self.done()
        if kind == NO:
            self.state = self.state.replace(step=ANSWERED)
            self.say(self._("D'accord. Que voulez-vous changer ?"),
                     (self.button("Autre lieu", MORE), self.button("📍 Mon quartier", WHERE_ASK),
                      self.button("Une autre demande", NEW), self.human_button()))
            return self.done()
        if option is None:
            return None
        if kind == HOURS:
            return self.show_hours()
        pin = texts.pin_of(option)
        if kind == ADDRESS:
            self.say(self._("📍 {place} : {address}", place=pin.name, address=pin.address or pin.name)
                     + "\n🗺 " + map_link(pin.latitude, pin.longitude),
                     self.follow_up(remind=self.can_remind(option)), pin=pin)
            return self.done()
        assert kind == PHONE
        phone = option.place.telephone if option.place else self.k.directory.tour_of(option.stop).telephone \
            if option.stop else None
        if phone:
            self.say(self._("☎ {name} : {phone}", name=pin.name, phone=phone), self.follow_up(remind=self.can_remind(option)))
        else:
            self.say(self._("Je n'ai pas de numéro pour {place}.", place=pin.name) + "\n"
                     + texts.contacts_text(self.state.need, None, self.k.directory, self._),
                     self.follow_up(remind=self.can_remind(option)))
        return self.done()

    def show_hours(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        self.say(texts.hours_text(option, self.wall, self._), self.follow_up(remind=self.can_remind(option)))
        return self.done()
