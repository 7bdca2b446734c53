"""Ranking: nearest first, a bus stop that passes soon, a sooner place a little farther."""

from __future__ import annotations

import datetime as dt

from bot.data.directory import load_directory
from bot.places.nearby import options_for, sooner_alternative
from tests.data.test_directory import write

RANKING = """\
territoire: Test
lieux:
  - id: near
    nom: Proche
    adresse: a
    latitude: 46.5800
    longitude: 0.3400
    besoins: [caf]
    horaires: "Mo 09:00-12:00"
    source: t
    date_maj: 2026-01-01
  - id: bit-farther
    nom: Un peu plus loin
    adresse: b
    latitude: 46.5850
    longitude: 0.3400
    besoins: [caf]
    horaires: "Mo-Fr 14:00-17:00"
    source: t
    date_maj: 2026-01-01
  - id: far
    nom: Loin
    adresse: c
    latitude: 46.80
    longitude: 0.54
    besoins: [caf]
    horaires: "24/7"
    source: t
    date_maj: 2026-01-01
tournees:
  - id: bus
    nom: Bus
    telephone: "0500"
    besoins: [caf]
    arrets:
      - {nom: Arrêt proche, latitude: 46.581, longitude: 0.341, horaires: "We 10:00-12:00"}
    source: t
    date_maj: 2026-01-01
"""


def test_nearest_first_and_sooner_alternative(tmp_path):
    d, _ = load_directory(write(tmp_path, RANKING))
    tuesday = dt.datetime(2026, 12, 1, 10, 0)
    opts = options_for(d, "caf", 46.58, 0.34, tuesday)
    assert [o.key for o in opts] == ["p:near", "s:bus#1", "p:bit-farther", "p:far"]
    alt = sooner_alternative(opts)
    assert alt is not None and alt.key == "p:bit-farther"  # opens today 14h, the nearest on Monday
    monday = dt.datetime(2026, 12, 7, 8, 0)
    assert sooner_alternative(options_for(d, "caf", 46.58, 0.34, monday)) is None


SAME_BUILDING = """\
territoire: Test
lieux:
  - {id: avocat, nom: Avocat du 1er vendredi, adresse: a, latitude: 46.5800, longitude: 0.3400, besoins: [droit], horaires: "Fr[1] 14:00-16:00", source: t, date_maj: 2026-01-01}
  - {id: victimes, nom: Aide aux victimes, adresse: a, latitude: 46.5801, longitude: 0.3401, besoins: [droit], horaires: "Fr 09:00-12:00", source: t, date_maj: 2026-01-01}
"""


def test_in_the_same_building_the_sooner_opening_comes_first(tmp_path):
    d, _ = load_directory(write(tmp_path, SAME_BUILDING))
    friday_evening = dt.datetime(2026, 12, 4, 19, 0)
    opts = options_for(d, "droit", 46.5800, 0.3400, friday_evening)
    assert [o.key for o in opts] == ["p:victimes", "p:avocat"]  # next Friday, not in February
