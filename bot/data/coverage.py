"""Checks over the whole directory: every quartier has help near it, every place is where it says.

Warnings, not errors: the bot still runs, but an admin should know that residents of a quartier
only get national numbers for a need, or that a place is 300 km away from the territory
(latitude and longitude swapped, a typo in a coordinate).
"""

from __future__ import annotations

from bot.data.yamlfile import Checker
from bot.places.geo import Grid
from bot.places.model import Commune, Directory, Quartier
from bot.places.needs import NEEDS

NEAR_KM = 10.0  # a quartier should have a place for each need within this distance…
FAR_KM = 60.0  # …and no place should be farther than this from every quartier and commune


def check_coverage(directory: Directory, checker: Checker, quartier_lines: dict[str, int],
                   place_lines: dict[str, int]) -> None:
    for qid, q in directory.quartiers.items():
        if not q.couvert or q.latitude is None or q.longitude is None:
            continue  # not covered yet: residents who name it are told so
        missing = [n for n in NEEDS
                   if not directory.places_for(n, q.latitude, q.longitude, count=1, max_km=NEAR_KM)
                   and not directory.stops_for(n, q.latitude, q.longitude, count=1, max_km=NEAR_KM)]
        if missing:
            checker.warn(quartier_lines.get(qid, 0),
                         f"quartier « {q.nom} » : aucun lieu à moins de {NEAR_KM:.0f} km pour "
                         f"{', '.join(missing)} ; le bot donnera seulement le numéro national")
    landmarks: Grid[None] = Grid()
    points: list[Quartier | Commune] = [*directory.quartiers.values(), *directory.communes]
    for point in points:
        if point.latitude is not None and point.longitude is not None:
            landmarks.add(point.latitude, point.longitude, None)
    if not len(landmarks):
        return  # nothing says where the territory is (a national import, say)
    for pid, p in directory.places.items():
        if landmarks.nearest(p.latitude, p.longitude, count=1, max_km=FAR_KM):
            continue
        line = place_lines.get(pid, 0)
        if -90 <= p.longitude <= 90 and landmarks.nearest(p.longitude, p.latitude, count=1, max_km=FAR_KM):
            checker.warn(line, f"le lieu « {pid} » est loin du territoire : latitude et longitude "
                               f"semblent inversées (latitude {p.longitude}, longitude {p.latitude} ?)")
        else:
            checker.warn(line, f"le lieu « {pid} » est à plus de {FAR_KM:.0f} km de tout quartier et de toute "
                               "commune de l'annuaire : vérifiez sa latitude et sa longitude")
