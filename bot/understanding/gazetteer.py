"""Where a resident is: a shared position, a quartier they name, or a postcode or commune.

`locate` reads a whole message given in answer to "où êtes-vous ?" (lenient: typos, partial
names); `find` spots a place named inside a longer message ("caf couronneries", "chomage
86180") and gives back the rest of the message, so the need can be read from it. Both know the
names written in Arabic letters (« الكورونري », « تروا سيتي ») by their consonants (skeleton.py).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.places.geo import valid_position
from bot.places.model import Directory
from bot.places.needs import N_
from bot.understanding.normalize import STOPWORDS, is_arabic, normalize
from bot.understanding.skeleton import arabic_skeleton, arabic_skeletons, latin_skeletons

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
# A name in Arabic letters is taken inside a longer message only on four consonants or more
# (« بيتزا », pizza, has the three of « poitiers ouest »); a whole answer of two, in four letters
# or more, is.
ARABIC_MIN_CONSONANTS = 4
ARABIC_WHOLE_MIN_LETTERS = 4
SAID_NAME_WORDS = 2  # « سانت إيلوا », « trwa siti »: a longer run of words is no name said as it sounds

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
        # Consonants of each name → the place; a skeleton two places share names neither.
        self._skeletons: dict[str, Located | None] = {}
        for k in self._keys:
            for sk in latin_skeletons(k):
                if len(sk) >= 2:
                    known = self._skeletons.setdefault(sk, self.names[k])
                    if known is not None and known.label != self.names[k].label:
                        self._skeletons[sk] = None
        self._long_skeletons = [sk for sk, hit in self._skeletons.items() if hit is not None and len(sk) >= 4]

    def locate(self, text: str, known: Container[str] = frozenset()) -> Located | None:
        """`known`: words that are no name said as it sounds (the bot's vocabulary)."""
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
        words = norm.split()
        if found is None and len(words) > 1:
            found = process.extractOne(norm, self._keys, scorer=fuzz.partial_ratio, score_cutoff=90)
            if found is not None and (len(found[0]) < 5 or self._inside_known(norm, found[0], known)):
                found = None
        if found is not None:
            return self.names[found[0]]
        if any(is_arabic(w) for w in words):
            return self._arabic_answer(words, known)
        if len(words) <= SAID_NAME_WORDS and not any(w in known for w in words):  # « trwa siti », « bilair »
            said = [hit for sk in latin_skeletons(norm) if len(sk) >= 3 and (hit := self._skeletons.get(sk))]
            return said[0] if len({h.label for h in said}) == 1 else None
        return None

    def _inside_known(self, text: str, name: str, known: Container[str]) -> bool:
        """Whether the part of `text` that resembles `name` lies in words the bot knows for
        something else: « les sables » is not in « disabled », nor « imposable »."""
        at = fuzz.partial_ratio_alignment(text, name)
        if at is None:
            return False
        spans, start = [], 0
        for word in text.split():
            start = text.index(word, start)
            spans.append((start, start + len(word), word))
            start += len(word)
        touched = [w for a, b, w in spans if a < at.src_end and b > at.src_start]
        return any(w in known and w not in self.names for w in touched)

    def _arabic_answer(self, words: list[str], known: Container[str]) -> Located | None:
        """A whole answer in Arabic letters: the name alone (« بوليو »), or inside a short sentence."""
        if any(w in known for w in words) and len(words) > SAID_NAME_WORDS:
            return None if (hit := self._arabic_mention(words, known)) is None else hit[0]
        whole = arabic_skeleton(words)
        if (len(whole) >= 2 and sum(map(len, words)) >= ARABIC_WHOLE_MIN_LETTERS
                and not any(w in known for w in words) and self._skeletons.get(whole)):
            return self._skeletons[whole]
        hit = self._arabic_mention(words, known)
        if hit is not None:
            return hit[0]
        if len(words) > SAID_NAME_WORDS or any(w in known or w in STOPWORDS for w in words):
            return None
        # A letter more or less, on a name alone: « شاتلرو » for Châtellerault.
        if len(whole) >= 4:
            near = process.extractOne(whole, self._long_skeletons, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
            if near is not None:
                return self._skeletons[near[0]]
        return None

    def _arabic_mention(self, words: list[str], known: Container[str]) -> tuple[Located, str] | None:
        """A name in Arabic letters among `words`, by its consonants, and the other words."""
        for size in range(min(SAID_NAME_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                part = words[i:i + size]
                if any(w in STOPWORDS or w in known for w in part):
                    continue
                hits = {hit for sk in arabic_skeletons(part)
                        if len(sk) >= ARABIC_MIN_CONSONANTS and (hit := self._skeletons.get(sk)) is not None}
                if len(hits) == 1:
                    return hits.pop(), " ".join(words[:i] + words[i + size:])
        return None

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
        if any(is_arabic(w) for w in words):
            return self._arabic_mention(words, known)
        return None


def located_at(lat: float, lon: float) -> Located | None:
    if not valid_position(lat, lon):
        return None
    return Located(lat, lon, N_("votre position"), None, POSITION)
