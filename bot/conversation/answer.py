"""The answer: the nearest place (or the bus) for the need, and its route."""

from __future__ import annotations

from bot.conversation import texts
from bot.conversation.base import HUMAN_BTN, NEW, SHOW, WHERE_OTHER, Base, Turn
from bot.conversation.events import Button
from bot.conversation.state import ANSWERED
from bot.places.geo import route_link
from bot.places.nearby import Option, options_for, sooner_alternative, tours_near
from bot.places.needs import BUS


class AnswerPhase(Base):
    def answer(self, another: bool = False) -> None:
        s = self.state
        assert s.need is not None
        if s.need == BUS:
            return self.answer_bus()
        assert s.position is not None
        opts = options_for(self.k.directory, s.need, s.position[0], s.position[1], self.wall)
        self.state = s.replace(step=ANSWERED)
        if not opts:
            self.stat(found=False)
            national = texts.national_text(s.need)
            self.say(f"Je n'ai pas trouvé de lieu près de {s.where or 'vous'} pour : {self.label(s.need)}."
                     + (f"\n{national}" if national else ""),
                     (Button("🙋 Parler à quelqu'un", HUMAN_BTN), Button("Nouvelle demande", NEW)))
            return None
        if another and s.shown >= len(opts):
            self.state = self.state.replace(shown=0)
            self.say("Je n'ai pas d'autre lieu près de vous pour cette demande. Je reprends au début :")
        index = self.state.shown
        option = opts[index]
        if not another:
            self.stat(found=True)
        text = (texts.place_text(option, self.k.directory, self.wall) if option.place
                else texts.stop_text(option, self.k.directory, self.wall))
        self.say(text, self.follow_up(more=len(opts) > 1), pin=texts.pin_of(option))
        if index == 0:
            alt = sooner_alternative(opts)
            if alt is not None:
                self.say(texts.sooner_text(alt, self.wall),
                         (Button("Voir ce lieu", f"{SHOW}{opts.index(alt)}"),))
        return None

    def answer_bus(self) -> None:
        s = self.state
        self.state = s.replace(step=ANSWERED)
        statuses = tours_near(self.k.directory, s.position, self.wall)
        if not statuses:
            self.stat(found=False)
            self.say("Je ne connais pas de bus ou de service mobile près de vous.",
                     (Button("Nouvelle demande", NEW), Button("🙋 Parler à quelqu'un", HUMAN_BTN)))
            return
        self.stat(found=True)
        for i, status in enumerate(statuses):
            near = status.near or status.next or status.here
            last = i == len(statuses) - 1
            buttons = (Button("Nouvelle demande", NEW), Button("🙋 Parler à quelqu'un", HUMAN_BTN)) if last else ()
            if last and s.position is None:
                buttons = (Button("📍 Près de chez moi", WHERE_OTHER),) + buttons
            self.say(texts.tour_text(status, self.wall), buttons,
                     pin=texts.pin_of(near) if near else None)

    def stat(self, found: bool) -> None:
        s = self.state
        quartier = self.k.directory.quartiers.get(s.quartier) if s.quartier else None
        where = quartier.nom if quartier else ("position partagée" if s.where == "votre position" else s.where)
        self.effect("answer", need=s.need, quartier=where, source=s.source, found=found)

    def current_option(self) -> Option | None:
        s = self.state
        if not s.need or not s.position or s.need == BUS:
            return None
        opts = options_for(self.k.directory, s.need, s.position[0], s.position[1], self.wall)
        return opts[s.shown] if s.shown < len(opts) else (opts[0] if opts else None)

    def route(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        pin = texts.pin_of(option)
        origin = self.state.position if self.state.where == "votre position" else None
        self.say(f"🗺 Itinéraire à pied vers {pin.name} :\n{route_link(origin, pin.latitude, pin.longitude)}",
                 self.follow_up(route=False))
        return self.done()
