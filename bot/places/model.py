"""The directory in memory: quartiers, places, mobile tours, and indexes to search them fast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.places.geo import Grid
from bot.places.hours import Closure, Schedule


@dataclass(frozen=True)
class Checked:
    """When a fact was last checked at its source, as precisely as it is known."""

    day: dt.date  # the first day of the month or year when only those are known
    precision: str = "day"  # day | month | year

    def older_than(self, today: dt.date, age: dt.timedelta) -> bool:
        # A month or a year counts from its end: "2025" is not stale on 2 January 2026.
        end = self.day
        if self.precision == "month":
            end = (self.day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        elif self.precision == "year":
            end = self.day.replace(month=12, day=31)
        return today - end > age


@dataclass(frozen=True)
class Quartier:
    """A name residents give for where they are; a covered quartier has a landmark point."""

    id: str
    nom: str
    latitude: float | None
    longitude: float | None
    alias: tuple[str, ...] = ()
    code_postal: str | None = None
    couvert: bool = True  # False: named in the territory, but no help listed there yet
    note: str | None = None


@dataclass(frozen=True)
class Commune:
    nom: str
    code_postal: str
    latitude: float | None
    longitude: float | None
    couvert: bool = True


@dataclass(frozen=True)
class Place:
    id: str
    nom: str
    latitude: float
    longitude: float
    besoins: frozenset[str]
    schedule: Schedule | None = field(compare=False, repr=False)  # None: hours not published
    adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    telephone: str | None = None
    rendez_vous: str | None = None  # sans | conseille | obligatoire
    frais: str | None = None
    a_apporter: tuple[str, ...] = ()
    note: str | None = None
    source: str = ""
    date_maj: Checked | None = None
    approximate: bool = False  # coordinates are a landmark nearby, not the door
    ref: str | None = None  # "<open data source>:<id>" for imported entries

    @property
    def full_address(self) -> str:
        town = " ".join(x for x in (self.code_postal, self.commune) if x)
        return ", ".join(x for x in (self.adresse, town) if x)


@dataclass(frozen=True)
class Stop:
    """A place where a mobile service (bus, cargo bike) stands, at fixed times when published."""

    id: str
    tour_id: str
    nom: str
    latitude: float
    longitude: float
    schedule: Schedule | None = field(compare=False, repr=False)  # None: times not published
    adresse: str | None = None
    commune: str | None = None
    quand: str | None = None  # the published days in words ("le mercredi matin")
    approximate: bool = False  # placed at its quartier's landmark: no exact spot published

    @property
    def full_address(self) -> str:
        return ", ".join(x for x in (self.adresse, self.commune) if x)


@dataclass(frozen=True)
class Tour:
    id: str
    nom: str
    besoins: frozenset[str]
    stops: tuple[Stop, ...]
    telephone: str | None = None
    exemple: bool = False
    note: str | None = None
    rendez_vous: str | None = None
    frais: str | None = None
    closures: tuple[Closure, ...] = ()
    source: str = ""
    date_maj: Checked | None = None


@dataclass(frozen=True)
class Mediation:
    """Who answers the residents handed over to a person, and when (hours unknown: None)."""

    nom: str
    schedule: Schedule | None = field(compare=False, repr=False)
    telephone: str | None = None
    note: str | None = None


@dataclass
class Directory:
    territoire: str
    quartiers: dict[str, Quartier]
    communes: list[Commune]
    places: dict[str, Place]
    tours: dict[str, Tour]
    pays: str = "FR"
    mediateurs: Mediation | None = None
    _by_need: dict[str, Grid[Place]] = field(default_factory=dict, repr=False)
    _stops_by_need: dict[str, Grid[Stop]] = field(default_factory=dict, repr=False)
    _all_stops: Grid[Stop] = field(default_factory=Grid, repr=False)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for need in place.besoins:
                self._by_need.setdefault(need, Grid()).add(place.latitude, place.longitude, place)
        for tour in self.tours.values():
            for stop in tour.stops:
                self._all_stops.add(stop.latitude, stop.longitude, stop)
                for need in tour.besoins:
                    self._stops_by_need.setdefault(need, Grid()).add(stop.latitude, stop.longitude, stop)

    def places_for(self, need: str, lat: float, lon: float, *, count: int = 5,
                   max_km: float = 40.0) -> list[tuple[float, Place]]:
        grid = self._by_need.get(need)
        return grid.nearest(lat, lon, count=count, max_km=max_km) if grid is not None else []

    def stops_for(self, need: str | None, lat: float, lon: float, *, count: int = 5,
                  max_km: float = 40.0) -> list[tuple[float, Stop]]:
        grid = self._all_stops if need is None else self._stops_by_need.get(need)
        return grid.nearest(lat, lon, count=count, max_km=max_km) if grid is not None else []

    def tour_of(self, stop: Stop) -> Tour:
        return self.tours[stop.tour_id]
