"""Opening hours written one day at a time in words ("9h-12h / 14h-17h", "Fermé") into the
OpenStreetMap syntax the directory uses ("Mo-Fr 09:00-12:00,14:00-17:00")."""

from __future__ import annotations

import re
import unicodedata

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_RANGE = re.compile(r"(\d{1,2})\s*(?:h|:|\.)?\s*(\d{2})?\s*(?:-|–|—|a|à|>)\s*(\d{1,2})\s*(?:h|:|\.)?\s*(\d{2})?(?!\d)")
_CLOSED = re.compile(r"^(ferme|fermee|closed|non|-+|/|x|0|aucun|neant)\b")


class UnreadableHours(ValueError):
    """A day's hours that cannot be read; the message quotes them."""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip()


def day_ranges(text: str | None) -> list[str] | None:
    """["09:00-12:00", …] for a day; [] when closed; None when nothing is said (unknown)."""
    t = _fold(text or "")
    if not t:
        return None
    if _CLOSED.match(t):
        return []
    ranges = []
    for m in _RANGE.finditer(t):
        h1, m1, h2, m2 = int(m.group(1)), int(m.group(2) or 0), int(m.group(3)), int(m.group(4) or 0)
        if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60) or (h2, m2) <= (h1, m1):
            raise UnreadableHours(text)
        ranges.append(f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}")
    if not ranges:
        if re.search(r"\d", t):
            raise UnreadableHours(text)
        return None  # "sur rendez-vous", "itinérant": no hours given for that day
    return ranges


def week_to_osm(days: list[str | None]) -> str | None:
    """Seven day texts, Monday first, into one OSM string; None when no hour is known at all."""
    per_day = [day_ranges(d) for d in days]
    if not any(per_day):
        return None
    rules = []
    i = 0
    while i < 7:
        ranges = per_day[i]
        if not ranges:
            i += 1
            continue
        j = i
        while j + 1 < 7 and per_day[j + 1] == ranges:
            j += 1
        span = OSM_DAYS[i] if i == j else f"{OSM_DAYS[i]}-{OSM_DAYS[j]}" if j > i + 1 else f"{OSM_DAYS[i]},{OSM_DAYS[j]}"
        rules.append(f"{span} {','.join(ranges)}")
        i = j + 1
    return "; ".join(rules)
