"""Where a resident is: a shared position, a quartier they name, or a postcode or commune."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.places.geo import valid_position
from bot.places.model import Directory
from bot.understanding.normalize import normalize

_POSTCODE = re.compile(r"\b(\d{5})\b")
NAME_CUTOFF = 85.0


@dataclass(frozen=True)
class Located:
    latitude: float
    longitude: float
    label: str  # said back to the resident: "Saint-Éloi", "Poitiers (86000)"
    quartier: str | None = None  # quartier id, for statistics


class Gazetteer:
    """Names residents use for places of the territory, normalised once."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.names: dict[str, Located] = {}
        for q in directory.quartiers.values():
            hit = Located(q.latitude, q.longitude, q.nom, q.id)
            for name in (q.nom, q.id.replace("-", " "), *q.alias):
                self.names.setdefault(normalize(name), hit)
        self.postcodes: dict[str, Located] = {}
        for c in directory.communes:
            hit = Located(c.latitude, c.longitude, f"{c.nom} ({c.code_postal})")
            self.postcodes.setdefault(c.code_postal, hit)
            self.names.setdefault(normalize(c.nom), hit)
        self._keys = list(self.names)
        self._longest_first = sorted(self._keys, key=len, reverse=True)

    def locate(self, text: str) -> Located | None:
        m = _POSTCODE.search(text)
        if m and m.group(1) in self.postcodes:
            return self.postcodes[m.group(1)]
        norm = normalize(text)[:200]
        if not norm:
            return None
        if norm in self.names:
            return self.names[norm]
        padded = f" {norm} "
        for key in self._longest_first:
            if len(key) >= 3 and f" {key} " in padded:
                return self.names[key]
        found = process.extractOne(norm, self._keys, scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF)
        if found is None and len(norm.split()) > 1:
            found = process.extractOne(norm, self._keys, scorer=fuzz.partial_ratio, score_cutoff=90)
            if found is not None and len(found[0]) < 5:
                found = None
        return self.names[found[0]] if found else None


def located_at(lat: float, lon: float) -> Located | None:
    if not valid_position(lat, lon):
        return None
    return Located(lat, lon, "votre position")
