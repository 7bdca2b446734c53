"""Which places (and bus stops) to propose for a need, near a position, at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.places.hours import Slot
from bot.places.model import Directory, Place, Stop, Tour

MAX_KM = 40.0
WALK_KM = 1.5  # a stop this close counts as "near the resident": about 20 minutes on foot
BUS_SOON = dt.timedelta(days=7)
# Places this close to each other are "as near": the one opening sooner comes first.
SAME_PLACE_KM = 0.3
# A place with unknown hours is ranked as if it were this much farther (or twice as far)…
UNKNOWN_DETOUR_KM = 1.0
# …and a farther place is worth mentioning when it is at most this much farther…
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
    """What to propose for the need, best first.

    Places nearest first, except that a place whose next opening is unknown never comes before a
    comparably near one with known hours. A mobile service stopping within walking distance
    comes first when it is there now or later today, sooner than the first place opens;
    otherwise it comes second.
    """
    places = [
        Option(f"p:{p.id}", km, p.schedule.next_slot(wall_now) if p.schedule else None, place=p)
        for km, p in directory.places_for(need, lat, lon, count=count, max_km=MAX_KM)
    ]
    places.sort(key=_rank_km)
    _sooner_first_when_as_near(places)
    # Mobile services whose days are published but not their hours: offered after the places.
    places += unscheduled_near(directory, need, lat, lon)
    bus = nearest_passage(directory, need, lat, lon, wall_now)
    if bus is None:
        return places
    if _serves_sooner(bus, places[0] if places else None, wall_now, directory):
        return [bus] + places
    return places[:1] + [bus] + places[1:]


def _rank_km(option: Option) -> float:
    """Distance as ranked: unknown (or no coming) hours weigh like a place a detour or twice as far."""
    if option.slot is not None:
        return option.km
    return max(option.km + UNKNOWN_DETOUR_KM, option.km * 2)


def _sooner_first_when_as_near(places: list[Option]) -> None:
    """Between places about as near (same building, same street), the one opening sooner first."""
    for i in range(1, len(places)):
        j = i
        while j > 0 and _as_near(places[j - 1], places[j]) and _opens_before(places[j], places[j - 1]):
            places[j - 1], places[j] = places[j], places[j - 1]
            j -= 1


def _as_near(a: Option, b: Option) -> bool:
    return abs(_rank_km(a) - _rank_km(b)) <= max(SAME_PLACE_KM, 0.15 * min(_rank_km(a), _rank_km(b)))


def _opens_before(a: Option, b: Option) -> bool:
    return a.slot is not None and (b.slot is None or a.slot.start < b.slot.start)


def _serves_sooner(bus: Option, first: Option | None, wall_now: dt.datetime, directory: Directory) -> bool:
    assert bus.slot is not None and bus.stop is not None
    if directory.tour_of(bus.stop).exemple or bus.slot.start.date() != wall_now.date():
        return False
    return first is None or first.slot is None or bus.slot.start < first.slot.start


def nearest_passage(directory: Directory, need: str | None, lat: float, lon: float,
                    wall_now: dt.datetime) -> Option | None:
    """The stop within walking distance that serves the need, nearest first, then soonest."""
    found = []
    for km, s in directory.stops_for(need, lat, lon, count=12, max_km=WALK_KM):
        slot = s.schedule.next_slot(wall_now) if s.schedule is not None else None
        if slot is not None and slot.start - wall_now <= BUS_SOON:
            found.append((round(km, 1), slot.start, s.id, Option(f"s:{s.id}", km, slot, stop=s)))
    return min(found)[3] if found else None


def unscheduled_near(directory: Directory, need: str, lat: float, lon: float) -> list[Option]:
    """Each tour's nearest stop within walking distance whose times are not published."""
    seen: set[str] = set()
    out = []
    for km, s in directory.stops_for(need, lat, lon, count=12, max_km=WALK_KM):
        if s.schedule is None and s.tour_id not in seen:
            seen.add(s.tour_id)
            out.append(Option(f"s:{s.id}", km, None, stop=s))
    return out


def sooner_alternative(options: list[Option]) -> Option | None:
    """A place a little farther than the first that opens much sooner, if any (known hours only)."""
    if not options or options[0].place is None or options[0].slot is None:
        return None
    first = options[0]
    assert first.slot is not None
    for other in options[1:]:
        if other.place is None or other.slot is None:
            continue
        if other.km > max(first.km + DETOUR_KM, first.km * 2):
            continue
        if other.slot.start + MUCH_SOONER <= first.slot.start:
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
        # Each tour's stop nearest the resident: by distance, then by the soonest passage.
        ranked = sorted(directory.stops_for(None, position[0], position[1], count=30, max_km=MAX_KM),
                        key=lambda x: (round(x[0], 1), _start(x[1], wall_now), x[1].id))
        for km, stop in ranked:
            nearest_stop.setdefault(stop.tour_id, (km, stop))
        tour_ids = list(nearest_stop)[:limit]
    else:
        tour_ids = list(directory.tours)[:limit]
    out = []
    for tid in tour_ids:
        tour = directory.tours[tid]
        passages = [(s, s.schedule.next_slot(wall_now) if s.schedule else None) for s in tour.stops]
        here = next((Option(f"s:{s.id}", 0.0, sl, stop=s) for s, sl in passages
                     if sl is not None and sl.start <= wall_now < sl.end), None)
        upcoming = sorted(((sl.start, s.id, s, sl) for s, sl in passages
                           if sl is not None and sl.start > wall_now), key=lambda x: (x[0], x[1]))
        nxt = Option(f"s:{upcoming[0][2].id}", 0.0, upcoming[0][3], stop=upcoming[0][2]) if upcoming else None
        near = None
        if tid in nearest_stop and nearest_stop[tid][0] <= WALK_KM:
            km, stop = nearest_stop[tid]
            near = Option(f"s:{stop.id}", km, stop.schedule.next_slot(wall_now) if stop.schedule else None, stop=stop)
        out.append(TourStatus(tour, here, nxt, near))
    return out


def _start(stop: Stop, wall_now: dt.datetime) -> dt.datetime:
    slot = stop.schedule.next_slot(wall_now) if stop.schedule else None
    return slot.start if slot is not None else dt.datetime.max
