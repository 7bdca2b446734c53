"""The answer: the place (or the bus) that serves the need soonest, nearby, and its route."""

from __future__ import annotations

from bot.conversation import texts
from bot.conversation.base import SHOW, WHERE_ASK, Base, Turn
from bot.conversation.events import Button
from bot.conversation.state import ANSWERED
from bot.places.geo import map_link, route_link
from bot.places.nearby import Option, options_for, sooner_alternative, tours_near
from bot.places.needs import BUS
from bot.understanding.gazetteer import POSITION


class AnswerPhase(Base):
    def options(self) -> list[Option]:
        s = self.state
        assert s.need is not None and s.position is not None
        return options_for(self.k.directory, s.need, s.position[0], s.position[1], self.wall)

    def answer(self, another: bool = False) -> None:
        s = self.state
        assert s.need is not None
        if s.need == BUS:
            return self.answer_bus()
        assert s.position is not None
        opts = self.options()
        self.state = s.replace(step=ANSWERED)
        if not opts:
            self.stat(found=False)
            where = self._(s.where) if s.where else self._("vous")
            text = self._("Je n'ai pas trouvé de lieu près de {where} pour : {need}.", where=where,
                          need=self.label(s.need))
            national = texts.national_text(s.need, self._)
            self.say(text + (f"\n{national}" if national else ""), (self.human_button(), self.new_button()))
            return None
        if another and s.shown >= len(opts):
            self.state = self.state.replace(shown=0)
            self.say(self._("Je n'ai pas d'autre lieu près de vous pour cette demande. Je reprends au début :"))
        index = self.state.shown
        option = opts[index]
        if not another:
            self.stat(found=True)
        if option.place:
            text = texts.place_text(option, self.k.directory, self.wall, need=s.need, by=s.by,
                                    caution=not self.state.cautioned, _=self._)
            self.state = self.state.replace(cautioned=True)
        else:
            text = texts.stop_text(option, self.k.directory, self.wall, need=s.need, by=s.by, _=self._)
        self.say(text, self.follow_up(more=len(opts) > 1, remind=self.can_remind(option)),
                 pin=texts.pin_of(option))
        if index == 0:
            alt = sooner_alternative(opts)
            if alt is not None:
                self.say(texts.sooner_text(alt, self.wall, s.by, self._),
                         (self.button("Voir ce lieu", SHOW + str(opts.index(alt))),))
        return None

    def answer_bus(self) -> None:
        s = self.state
        self.state = s.replace(step=ANSWERED)
        statuses = tours_near(self.k.directory, s.position, self.wall)
        if not statuses:
            self.stat(found=False)
            self.say(self._("Je ne connais pas de bus ou de service mobile près de vous."),
                     (self.new_button(), self.human_button()))
            return
        self.stat(found=True)
        for i, status in enumerate(statuses):
            shown = texts.tour_stop_shown(status)
            last = i == len(statuses) - 1
            buttons: tuple[Button, ...] = (self.new_button(), self.human_button()) if last else ()
            if last and s.position is None:
                buttons = (self.button("📍 Près de chez moi", WHERE_ASK),) + buttons
            self.say(texts.tour_text(status, self.wall, s.by, self._), buttons,
                     pin=texts.pin_of(shown) if shown else None)

    def stat(self, found: bool) -> None:
        s = self.state
        quartier = self.k.directory.quartiers.get(s.quartier) if s.quartier else None
        where = quartier.nom if quartier else ("position partagée" if s.by == POSITION else s.where)
        self.effect("answer", need=s.need, quartier=where, source=s.source, found=found)

    def current_option(self) -> Option | None:
        s = self.state
        if not s.need or not s.position or s.need == BUS:
            return None
        opts = self.options()
        return opts[s.shown] if s.shown < len(opts) else (opts[0] if opts else None)

    def route(self) -> Turn:
        option = self.current_option()
        if option is None:
            return self.reask()
        pin = texts.pin_of(option)
        buttons = self.follow_up(route=False, remind=self.can_remind(option))
        origin = self.state.position if self.state.by == POSITION else None
        if origin is None:  # a quartier is no starting point: the place on the map, and how to get a route
            self.say(self._("🗺 {place} sur le plan :", place=pin.name) + "\n" + map_link(pin.latitude, pin.longitude)
                     + "\n" + self._("📍 Envoyez votre position pour avoir le chemin à pied depuis là où vous êtes."),
                     buttons)
            return self.done()
        self.say(self._("🗺 Itinéraire à pied vers {place} :", place=pin.name) + "\n"
                 + route_link(origin, pin.latitude, pin.longitude), buttons)
        return self.done()
