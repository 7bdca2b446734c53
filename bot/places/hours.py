"""Opening times: OSM `opening_hours` strings, French public holidays, dated closures.

Everything here works on naive datetimes in the territory's local wall time (Europe/Paris):
the hours an admin writes are wall-clock hours, so a summer-time change never shifts them.
Aware datetimes are converted at the edge by `local()`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from opening_hours import OpeningHours, ParserError, State  # type: ignore[attr-defined]  # raised, but not in its stubs

PARIS = ZoneInfo("Europe/Paris")
HORIZON_DAYS = 120  # look no further ahead for a next opening (a monthly permanence can skip a holiday)

def local(now: dt.datetime, tz: ZoneInfo = PARIS) -> dt.datetime:
    """Wall-clock time at the territory for an aware instant (naive is taken as local)."""
    if now.tzinfo is None:
        return now
    return now.astimezone(tz).replace(tzinfo=None)


def aware(wall: dt.datetime, tz: ZoneInfo = PARIS) -> dt.datetime:
    """The instant of a local wall-clock time (the first one when a fall-back repeats it)."""
    return wall.replace(tzinfo=tz, fold=0)


@dataclass(frozen=True)
class Closure:
    start: dt.date
    end: dt.date  # inclusive
    message: str

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Slot:
    """One opening interval, in local wall time."""

    start: dt.datetime
    end: dt.datetime
    comment: str = ""


_PH = re.compile(r"\bPH\b")


def with_public_holidays(hours: str) -> str:
    """French public holidays are closed unless the hours already say what happens on them."""
    if _PH.search(hours):
        return hours
    return f"{hours}; PH off"


def parse_hours(hours: str, country: str = "FR") -> OpeningHours:
    """Parse or raise ParserError (its message says where the string is wrong)."""
    return _parse(with_public_holidays(hours.strip()), country)


@lru_cache(maxsize=65536)
def _parse(hours: str, country: str) -> OpeningHours:
    return OpeningHours(hours, country=country)


_FRENCH_DAYS = re.compile(r"\b(lun|mar|mer|jeu|ven|sam|dim|lu|je|ve|sa|di)[a-z]*\b", re.IGNORECASE)
_H_TIME = re.compile(r"\d{1,2}\s*h\s*\d{0,2}", re.IGNORECASE)
_SHORT_TIME = re.compile(r"(?<![\d:])\d{1,2}(?![\d:h])")


def parser_reason(err: ParserError, hours: str = "") -> str:
    """What is wrong with the hours, in plain French (the parser's own words are jargon)."""
    column = re.search(r"--> \d+:(\d+)", str(err))
    where = ""
    if column and hours:
        pos = int(column.group(1))
        where = f"à partir de la position {pos} (« {hours[pos - 1:pos + 14].strip() or '…'} ») "
    elif column:
        where = f"à partir de la position {column.group(1)} "
    hints = []
    if _FRENCH_DAYS.search(hours) and not re.search(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b", hours):
        hints.append("écrivez les jours en anglais abrégé : Mo Tu We Th Fr Sa Su (lundi = Mo)")
    if _H_TIME.search(hours):
        hints.append("écrivez les heures sur 24 h avec deux points, 09:00 et non 9h")
    elif "extended_time" in str(err) or _SHORT_TIME.search(hours.split(" ", 1)[-1]):
        hints.append("une heure est incomplète : écrivez-la avec ses minutes, par exemple 12:00")
    if not hints:
        hints.append("vérifiez les jours (Mo Tu We Th Fr Sa Su), les heures (09:00-12:00) et les "
                     "séparateurs (« , » entre deux plages, « ; » entre deux règles)")
    return f"{where.strip()} : {' ; '.join(hints)}"


class Schedule:
    """When a place (or a bus stop) is open, closures and public holidays included."""

    def __init__(self, hours: str, closures: tuple[Closure, ...] = (), country: str = "FR") -> None:
        self.hours = hours
        self.closures = closures
        self.country = country
        self._oh = parse_hours(hours, country)
        self._cache: tuple[dt.datetime, dt.datetime, Slot | None] | None = None

    def __getstate__(self) -> dict[str, object]:
        # The parsed form is a Rust object: store the text, parse again when loaded.
        return {"hours": self.hours, "closures": self.closures, "country": self.country}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["hours"], state["closures"], state["country"])  # type: ignore[misc]

    def closure_on(self, day: dt.date) -> Closure | None:
        for c in self.closures:
            if c.covers(day):
                return c
        return None

    def slots(self, start: dt.datetime, days: int = HORIZON_DAYS) -> Iterator[Slot]:
        """Open intervals from `start` (clipped to it) over `days`, closures removed."""
        end = start + dt.timedelta(days=days)
        for a, b, state, comment in self._oh.intervals(start, end):
            if state == State.OPEN:
                yield from self._minus_closures(Slot(max(a, start), b, comment))

    def _minus_closures(self, slot: Slot) -> list[Slot]:
        # Closures are whole days; a slot running over midnight is cut at each closed day.
        pieces: list[Slot] = []
        cur = slot.start
        while cur < slot.end:
            day_end = dt.datetime.combine(cur.date() + dt.timedelta(days=1), dt.time())
            stop = min(slot.end, day_end)
            if self.closure_on(cur.date()) is None:
                if pieces and pieces[-1].end == cur:
                    pieces[-1] = Slot(pieces[-1].start, stop, slot.comment)
                else:
                    pieces.append(Slot(cur, stop, slot.comment))
            cur = stop
        return pieces

    def next_slot(self, now: dt.datetime) -> Slot | None:
        """The slot open now, or the next one; None if none within the horizon."""
        cached = self._cache
        if cached is not None and cached[0] <= now < cached[1]:
            slot = cached[2]
            if slot is None or now < slot.end:
                return Slot(max(slot.start, now), slot.end, slot.comment) if slot else None
        slot = next(self.slots(now), None)
        # Valid until the slot starts (or ends, when open now).
        until = slot.end if slot is not None else now + dt.timedelta(hours=1)
        self._cache = (now, until, slot)
        return slot


def holiday_name(day: dt.date, country: str = "FR", lang: str = "fr") -> str | None:
    """The holiday's name in the resident's language when the holidays package has it, else French."""
    return _holidays(country, day.year, lang).get(day)


@lru_cache(maxsize=64)
def _holidays(country: str, year: int, lang: str) -> holidays.HolidayBase:
    names = {"fr": "fr", "en": "en_US"}
    try:
        return holidays.country_holidays(country, years=year, language=names.get(lang, "fr"))
    except NotImplementedError:  # a country without that language
        return holidays.country_holidays(country, years=year)


def date_fr(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
