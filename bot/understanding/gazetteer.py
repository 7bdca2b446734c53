"""Where a resident is: a shared position, a quartier they name, or a postcode or commune.

`locate` reads a whole message given in answer to "où êtes-vous ?" (lenient: typos, partial
names); `find` spots a place named inside a longer message ("caf couronneries", "chomage
86180") and gives back the rest of the message, so the need can be read from it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.places.geo import valid_position
from bot.places.model import Directory
from bot.places.needs import N_
from bot.understanding.normalize import STOPWORDS, normalize

_POSTCODE = re.compile(r"\b(\d{5})\b")
# How French names sound, roughly: "blezerie" and "blaiserie", "sainteloi" and "saint eloy".
_SOUNDS = tuple((re.compile(a), b) for a, b in (
    (r"\s+", ""), (r"eau|au", "o"), (r"ai|ei|ez$|er$|et$", "e"), (r"ph", "f"), (r"qu|ck|k", "k"),
    (r"c(?=[eiy])", "s"), (r"c", "k"), (r"y", "i"), (r"z", "s"), (r"h", ""), (r"(.)\1", r"\1"),
    (r"[estx]$", ""),
))


def sound(text: str) -> str:
    for pattern, repl in _SOUNDS:
        text = pattern.sub(repl, text)
    return text
NAME_CUTOFF = 85.0
MENTION_CUTOFF = 88.0  # a mistyped name inside a longer message must be closer
MAX_NAME_WORDS = 4

POSITION = "position"
QUARTIER = "quartier"
COMMUNE = "commune"


@dataclass(frozen=True)
class Located:
    latitude: float | None  # None only where the territory is not covered yet
    longitude: float | None
    label: str  # said back to the resident: "Saint-Éloi", "Poitiers (86000)"
    quartier: str | None = None  # quartier id, for statistics
    by: str = QUARTIER  # how precise the point is: a shared position, a quartier, a commune
    covered: bool = True  # False: a place of the territory where no help is listed yet
    note: str | None = None  # what to tell a resident who names it (an uncovered quartier)


class Gazetteer:
    """Names residents use for places of the territory, normalised once."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.names: dict[str, Located] = {}
        for q in directory.quartiers.values():
            hit = Located(q.latitude, q.longitude, q.nom, q.id, QUARTIER, q.couvert, q.note)
            for name in (q.nom, q.id.replace("-", " "), *q.alias):
                self.names.setdefault(normalize(name), hit)
        self.postcodes: dict[str, Located] = {}
        for c in directory.communes:
            hit = Located(c.latitude, c.longitude, f"{c.nom} ({c.code_postal})", None, COMMUNE, c.couvert)
            self.postcodes.setdefault(c.code_postal, hit)
            self.names.setdefault(normalize(c.nom), hit)
        self.names.pop("", None)
        self._keys = list(self.names)
        self._longest_first = sorted(self._keys, key=len, reverse=True)
        self._sounds: dict[str, str] = {}
        for k in self._keys:
            if len(k) >= 5:
                self._sounds.setdefault(sound(k), k)
        # Mistyped names are looked for among names of the same first letter (typos rarely hit it).
        self._long_keys: dict[str, list[str]] = {}
        for k in self._keys:
            if len(k) >= 6:
                self._long_keys.setdefault(k[0], []).append(k)

    def locate(self, text: str) -> Located | None:
        m = _POSTCODE.search(text)
        if m and m.group(1) in self.postcodes:
            return self.postcodes[m.group(1)]
        norm = normalize(text)[:200]
        if not norm:
            return None
        if norm in self.names:
            return self.names[norm]
        if len(norm) >= 5 and sound(norm) in self._sounds:
            return self.names[self._sounds[sound(norm)]]
        padded = f" {norm} "
        for key in self._longest_first:
            if len(key) >= 3 and f" {key} " in padded:
                return self.names[key]
        found = process.extractOne(norm, self._keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
        if found is None and len(norm) >= 6:  # spelled as it sounds: "la gibodrie"
            near = process.extractOne(sound(norm), list(self._sounds), scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
            if near is not None:
                return self.names[self._sounds[near[0]]]
        if found is None and len(norm.split()) > 1:
            found = process.extractOne(norm, self._keys, scorer=fuzz.partial_ratio, score_cutoff=90)
            if found is not None and len(found[0]) < 5:
                found = None
        return self.names[found[0]] if found else None

    def find(self, text: str, known: Container[str] = frozenset()) -> tuple[Located, str] | None:
        """A place named inside a message, and the message's other words (normalised).

        `known`: words that are no typo of a place name (the intents' vocabulary).
        """
        m = _POSTCODE.search(text)
        if m and m.group(1) in self.postcodes:
            return self.postcodes[m.group(1)], normalize(text[:m.start()] + " " + text[m.end():])
        words = normalize(text[:1000]).split()
        for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i:i + size])
                if len(phrase) >= 3 and phrase in self.names and phrase not in STOPWORDS:
                    return self.names[phrase], " ".join(words[:i] + words[i + size:])
        for size in (2, 1):  # a mistyped name: "couronerie", "trois citer"
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i:i + size])
                part = words[i:i + size]
                if len(phrase) < 5 or any(w in STOPWORDS for w in part) or all(w in known for w in part):
                    continue
                same_sound = self._sounds.get(sound(phrase))
                if same_sound is not None:
                    return self.names[same_sound], " ".join(words[:i] + words[i + size:])
                if len(phrase) < 6:
                    continue
                found = process.extractOne(phrase, self._long_keys.get(phrase[0], ()), scorer=fuzz.ratio,
                                           score_cutoff=MENTION_CUTOFF)
                if found is not None:
                    return self.names[found[0]], " ".join(words[:i] + words[i + size:])
        return None


def located_at(lat: float, lon: float) -> Located | None:
    if not valid_position(lat, lon):
        return None
    return Located(lat, lon, N_("votre position"), None, POSITION)
