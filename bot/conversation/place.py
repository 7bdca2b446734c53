"""Where the resident is: a shared position, a named quartier, or the question asking it."""

from __future__ import annotations

import re
from collections.abc import Container

from bot.conversation import texts
from bot.conversation.base import WHERE_OTHER, Base, Turn, short_text
from bot.conversation.events import SHARE_POSITION, Button
from bot.conversation.state import ASK_WHERE
from bot.understanding.gazetteer import Located, located_at
from bot.understanding.normalize import STOPWORDS, content, normalize, tokens

# Words that say a message names a place, even one the directory does not know.
_PLACE_WORDS = frozenset("rue avenue av bd boulevard place allee chemin impasse route quartier cite "
                         "residence lotissement ville village bourg hameau zone".split())
_LINKS = frozenset("a au aux de du des la le les l sur en pres vers cote d".split())
_DIGITS = re.compile(r"\d")


def looks_like_place(text: str) -> bool:
    """A few words that could name a place: "Naintré", "rue des Lilas", "les Sables d'Olonne"."""
    words = normalize(text).split()
    if not words or "?" in text or len(words) > 5:
        return False
    if any(w in _PLACE_WORDS for w in words) or _DIGITS.search(text):
        return True
    return len(words) <= 3 and all(w not in STOPWORDS or w in _LINKS for w in words)


def names_unknown_place(text: str, known: Container[str]) -> bool:
    """« Naintré » answering « où êtes-vous ? »: a few words like a place's name, none of them a
    word residents use for a need. Its letters may faintly resemble a need's; it asks for none."""
    return looks_like_place(text) and not any(w in known for w in content(tokens(text)))


class PlacePhase(Base):
    def on_location(self, lat: float, lon: float) -> Turn:
        where = located_at(lat, lon)
        if where is None:
            self.say(self._("Je n'ai pas pu lire cette position. Essayez encore, ou écrivez votre quartier."))
            self.state = self.state.replace(step=ASK_WHERE if self.state.need else self.state.step)
            return self.reask()
        return self.located(where)

    def place_at(self, where: Located) -> None:
        """Remember where the resident is, without answering yet."""
        if where.latitude is None or where.longitude is None:
            return  # a place not covered yet has no point to search around
        self.state = self.state.replace(position=(where.latitude, where.longitude), where=where.label,
                                        quartier=where.quartier, by=where.by, shown=0)

    def located(self, where: Located) -> Turn:
        if not where.covered:
            return self.not_covered(where)
        self.place_at(where)
        if self.state.need:
            self.answer()
        else:
            self.ask_need(self._("C'est noté : {where}. Pour quoi avez-vous besoin d'aide ?",
                                 where=self._(where.label)))
        return self.done()

    def not_covered(self, where: Located) -> Turn:
        """A place of the territory where no help is listed yet: say so, give the numbers."""
        s = self.state
        self.effect("answer", need=s.need, quartier=where.label, source=s.source, found=False)
        self.state = s.replace(step=ASK_WHERE, position=None, where=None, quartier=None, by=None)
        lines = [self._("Je n'ai pas encore de lieux d'aide à {where} : ce service couvre pour l'instant {territory}.",
                        where=where.label, territory=self.k.directory.territoire)]
        if where.note:
            lines.append(where.note)
        national = texts.national_text(s.need, self._) if s.need else None
        lines.append(national or self._("Un médiateur peut vous orienter, ou vous pouvez appeler "
                                        "Solidarité numérique au 01 70 772 372 (aide pour les démarches)."))
        self.say("\n".join(lines), (self.human_button(), self.button("📍 Un autre endroit", WHERE_OTHER),
                                    self.new_button()))
        return self.done()

    def ask_where(self, intro: str | None = None) -> None:
        self.state = self.state.replace(step=ASK_WHERE)
        quartiers = [q for q in self.k.directory.quartiers.values() if q.couvert][:5]
        text = self._("Où êtes-vous ? Envoyez votre position 📍, ou choisissez votre quartier :")
        if intro:
            text = f"{intro} {text}"
        self.say(text, tuple(Button(q.nom, "q:" + q.id) for q in quartiers)  # names as written
                 + (self.button("Autre", WHERE_OTHER), self.human_button()), ask_location=self._(SHARE_POSITION))

    def unknown_place(self, text: str) -> Turn:
        """An answer to "où êtes-vous ?" that names no place the bot knows."""
        if looks_like_place(text):
            self.ask_where(self._("Je ne connais pas « {text} ».", text=short_text(text)))
        else:
            self.ask_where(self._("Pour trouver l'aide la plus proche, j'ai besoin de savoir où vous êtes."))
        return self.done()
