"""What the bot knows at a moment: the directory and the intents, ready to query."""

from __future__ import annotations

from dataclasses import dataclass

from bot.places.model import Directory
from bot.understanding.gazetteer import Gazetteer, Located
from bot.understanding.matcher import Matcher


@dataclass
class Knowledge:
    directory: Directory
    matcher: Matcher
    gazetteer: Gazetteer
    # Whether a mediators' group receives hand-overs (otherwise only phone numbers are given).
    mediators: bool = False

    @classmethod
    def build(cls, directory: Directory, matcher: Matcher, *, mediators: bool = False) -> Knowledge:
        return cls(directory, matcher, Gazetteer(directory), mediators)

    def find(self, text: str) -> tuple[Located, str] | None:
        """A place named inside a message, and its other words; a word of the intents' vocabulary
        is never taken for a place's name."""
        return self.gazetteer.find(text, self.matcher.vocab)

    def locate(self, text: str) -> Located | None:
        """Where a whole answer to « où êtes-vous ? » says the resident is; a word the bot knows
        from residents' phrasings (« triste ») is not read as a name said as it sounds."""
        return self.gazetteer.locate(text, self.matcher.known_words)
