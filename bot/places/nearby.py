"""Which places (and bus stops) to propose for a need, near a position, at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.places.hours import Slot
from bot.places.model import Directory, Place, Stop, Tour

MAX_KM = 40.0
BUS_MAX_KM = 2.5  # a stop this close counts as "near the resident"
BUS_SOON = dt.timedelta(days=7)
# A farther place is worth mentioning when it is at most this much farther…
DETOUR_KM = 2.0
# …and opens at least this much sooner.
MUCH_SOONER = dt.timedelta(hours=20)


@dataclass(frozen=True)
class Option:
    """One answer we can give: a place or a bus stop, with distance and next opening."""

    key: str  # "p:<place id>" or "s:<stop id>"
    km: float
    slot: Slot | None
    place: Place | None = None
    stop: Stop | None = None


def options_for(directory: Directory, need: str, lat: float, lon: float,
                wall_now: dt.datetime, *, count: int = 5) -> list[Option]:
    """Places for the need, nearest first; a nearby bus stop that passes soon after the first."""
    places = [
        Option(f"p:{p.id}", km, p.schedule.next_slot(wall_now) if p.schedule else None, place=p)
        for km, p in directory.places_for(need, lat, lon, count=count, max_km=MAX_KM)
    ]
    stops = []
    for km, s in directory.stops_for(need, lat, lon, count=3, max_km=BUS_MAX_KM):
        slot = s.schedule.next_slot(wall_now)
        if slot is not None and slot.start - wall_now <= BUS_SOON:
            stops.append(Option(f"s:{s.id}", km, slot, stop=s))
    stops.sort(key=lambda o: o.slot.start if o.slot else dt.datetime.max)
    # One passage of the bus is enough: the soonest near the resident.
    return places[:1] + stops[:1] + places[1:]


def sooner_alternative(options: list[Option]) -> Option | None:
    """A place a little farther than the first that opens much sooner, if any."""
    if not options or options[0].place is None:
        return None
    first = options[0]
    first_start = first.slot.start if first.slot else None
    for other in options[1:]:
        if other.place is None or other.slot is None:
            continue
        if other.km > max(first.km + DETOUR_KM, first.km * 2):
            continue
        if first_start is None or other.slot.start + MUCH_SOONER <= first_start:
            return other
    return None


@dataclass(frozen=True)
class TourStatus:
    """Where a mobile service is now, where it goes next, and when it passes near the resident."""

    tour: Tour
    here: Option | None  # the stop it stands at now
    next: Option | None  # the next stop it will open at
    near: Option | None  # its stop nearest the resident, with the next passage


def tours_near(directory: Directory, position: tuple[float, float] | None,
               wall_now: dt.datetime, *, limit: int = 3) -> list[TourStatus]:
    """Status of the tours passing near a position (or of all, in a small directory)."""
    nearest_stop: dict[str, tuple[float, Stop]] = {}
    if position is not None:
        for km, stop in directory.stops_for(None, position[0], position[1], count=30, max_km=MAX_KM):
            nearest_stop.setdefault(stop.tour_id, (km, stop))
        tour_ids = list(nearest_stop)[:limit]
    else:
        tour_ids = list(directory.tours)[:limit]
    out = []
    for tid in tour_ids:
        tour = directory.tours[tid]
        passages = [(s, s.schedule.next_slot(wall_now)) for s in tour.stops]
        here = next((Option(f"s:{s.id}", 0.0, sl, stop=s) for s, sl in passages
                     if sl is not None and sl.start <= wall_now < sl.end), None)
        upcoming = sorted(((sl.start, s.id, s, sl) for s, sl in passages
                           if sl is not None and sl.start > wall_now), key=lambda x: (x[0], x[1]))
        nxt = Option(f"s:{upcoming[0][2].id}", 0.0, upcoming[0][3], stop=upcoming[0][2]) if upcoming else None
        near = None
        if tid in nearest_stop:
            km, stop = nearest_stop[tid]
            near = Option(f"s:{stop.id}", km, stop.schedule.next_slot(wall_now), stop=stop)
        out.append(TourStatus(tour, here, nxt, near))
    return out
