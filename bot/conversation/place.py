"""Where the resident is: a shared position, a named quartier, or the question asking it."""

from __future__ import annotations

from bot.conversation.base import WHERE_OTHER, Base, Turn
from bot.conversation.events import Button
from bot.conversation.state import ASK_WHERE
from bot.understanding.gazetteer import Located, located_at


class PlacePhase(Base):
    def on_location(self, lat: float, lon: float) -> Turn:
        where = located_at(lat, lon)
        if where is None:
            self.say("Je n'ai pas pu lire cette position. Essayez encore, ou écrivez votre quartier.")
            self.state = self.state.replace(step=ASK_WHERE if self.state.need else self.state.step)
            return self.reask()
        return self.located(where)

    def located(self, where: Located) -> Turn:
        self.state = self.state.replace(position=(where.latitude, where.longitude),
                                        where=where.label, quartier=where.quartier, shown=0)
        if self.state.need:
            self.answer()
        else:
            self.ask_need(f"C'est noté : {where.label}. Pour quoi avez-vous besoin d'aide ?")
        return self.done()

    def ask_where(self, intro: str | None = None) -> None:
        self.state = self.state.replace(step=ASK_WHERE)
        quartiers = list(self.k.directory.quartiers.values())[:5]
        text = "Où êtes-vous ? Envoyez votre position 📍, ou choisissez votre quartier :"
        if intro:
            text = f"{intro} {text}"
        self.say(text, tuple(Button(q.nom, f"q:{q.id}") for q in quartiers)
                 + (Button("Autre", WHERE_OTHER),), ask_location=True)
