"""Distances, walking times, map links and a grid index so a search never scans everything."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Generic, TypeVar

EARTH_RADIUS_KM = 6371.0088
WALKING_KMH = 4.5

T = TypeVar("T")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def walking_minutes(km: float) -> int:
    return max(1, round(km / WALKING_KMH * 60))


def valid_position(lat: float, lon: float) -> bool:
    return (
        isinstance(lat, (int, float))
        and isinstance(lon, (int, float))
        and math.isfinite(lat)
        and math.isfinite(lon)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    )


def map_link(lat: float, lon: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=18/{lat:.5f}/{lon:.5f}"


def route_link(origin: tuple[float, float], lat: float, lon: float) -> str:
    return (
        "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot"
        f"&route={origin[0]:.5f}%2C{origin[1]:.5f}%3B{lat:.5f}%2C{lon:.5f}"
    )


class Grid(Generic[T]):
    """Items bucketed in cells of about 11 km, searched ring by ring outwards from a point."""

    CELL_DEG = 0.1

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, T]]] = defaultdict(list)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self.CELL_DEG), math.floor(lon / self.CELL_DEG))

    def add(self, lat: float, lon: float, item: T) -> None:
        self._cells[self._cell(lat, lon)].append((lat, lon, item))

    def __len__(self) -> int:
        return sum(len(v) for v in self._cells.values())

    def nearest(
        self, lat: float, lon: float, *, count: int, max_km: float
    ) -> list[tuple[float, T]]:
        """Up to `count` items within `max_km`, nearest first."""
        if not self._cells:
            return []
        ci, cj = self._cell(lat, lon)
        # One cell is at least this many km wide at this latitude (longitude shrinks).
        cell_km = self.CELL_DEG * 111.0 * max(0.05, math.cos(math.radians(min(89.0, abs(lat)) + 0.2)))
        max_ring = min(int(max_km / cell_km) + 2, 3600)
        found: list[tuple[float, T]] = []
        for ring in range(max_ring + 1):
            for key in _ring(ci, cj, ring):
                for plat, plon, item in self._cells.get(key, ()):
                    d = distance_km(lat, lon, plat, plon)
                    if d <= max_km:
                        found.append((d, item))
            # Anything in a farther ring is at least ring * cell_km away.
            if len(found) >= count:
                found.sort(key=lambda x: x[0])
                if found[count - 1][0] <= ring * cell_km:
                    break
        found.sort(key=lambda x: x[0])
        return found[:count]


def _ring(ci: int, cj: int, r: int) -> Iterator[tuple[int, int]]:
    if r == 0:
        yield (ci, cj)
        return
    for dj in range(-r, r + 1):
        yield (ci - r, cj + dj)
        yield (ci + r, cj + dj)
    for di in range(-r + 1, r):
        yield (ci + di, cj - r)
        yield (ci + di, cj + r)
