"""Next opening, phrased as a resident reads it: Europe/Paris, holidays, closures, DST."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation.i18n import translator
from bot.conversation.texts import describe_next
from bot.places.hours import Closure, Schedule, aware, local

PIMMS = "Mo 09:30-12:30; Tu 09:30-12:30,14:00-18:00; We,Th 09:30-12:30,14:00-17:00; Fr 09:30-12:30"
XMAS = (Closure(dt.date(2026, 12, 24), dt.date(2027, 1, 2), "Fermé pendant les fêtes"),)


def said(hours: str, when: str, closures=()) -> str:
    now = dt.datetime.fromisoformat(when)
    return describe_next(Schedule(hours, closures).next_slot(now), now, translator("fr"))


@pytest.mark.parametrize("when, expected", [
    ("2026-12-01T08:00", "ouvre aujourd'hui à 9h30, jusqu'à 12h30"),
    ("2026-12-01T10:00", "ouvert maintenant jusqu'à 12h30"),
    ("2026-12-01T12:30", "ouvre aujourd'hui à 14h, jusqu'à 18h"),
    ("2026-12-01T13:15", "ouvre aujourd'hui à 14h, jusqu'à 18h"),
    ("2026-12-01T18:00", "ouvre demain à 9h30, jusqu'à 12h30"),
    ("2026-12-04T13:00", "prochaine ouverture : lundi de 9h30 à 12h30"),
    ("2026-12-05T11:00", "prochaine ouverture : lundi de 9h30 à 12h30"),
    ("2026-12-06T20:00", "ouvre demain à 9h30, jusqu'à 12h30"),
], ids=["before opening", "open now", "closing time is closed", "lunch break", "after closing",
        "friday afternoon to monday", "saturday", "sunday evening"])
def test_next_opening_through_the_week(when, expected):
    assert said(PIMMS, when) == expected


@pytest.mark.parametrize("hours, when, expected", [
    (PIMMS, "2026-11-10T19:00", "prochaine ouverture : jeudi de 9h30 à 12h30"),  # 11 Nov is Wednesday
    (PIMMS, "2026-11-11T10:00", "ouvre demain à 9h30, jusqu'à 12h30"),
    ("Mo-Fr 09:00-12:00", "2026-07-14T10:00", "ouvre demain à 9h, jusqu'à 12h"),
    ("Mo-Fr 09:00-12:00; PH 10:00-11:00", "2026-07-14T10:30", "ouvert maintenant jusqu'à 11h"),
    ("Mo-Su 09:00-12:00", "2026-12-25T08:00", "ouvre demain à 9h, jusqu'à 12h"),
], ids=["day before armistice", "armistice closed", "14 july closed", "hours that open on holidays",
        "christmas even when open every day"])
def test_public_holidays_are_closed_unless_the_hours_say_otherwise(hours, when, expected):
    assert said(hours, when) == expected


def test_closure_overrides_hours():
    assert said(PIMMS, "2026-12-23T13:00", XMAS) == "ouvre aujourd'hui à 14h, jusqu'à 17h"
    assert said(PIMMS, "2026-12-23T18:00", XMAS) == "prochaine ouverture : lundi 4 janvier de 9h30 à 12h30"
    assert said(PIMMS, "2026-12-28T10:00", XMAS) == "prochaine ouverture : lundi 4 janvier de 9h30 à 12h30"


def test_first_friday_of_the_month():
    hours = "Fr[1] 14:00-16:00"
    assert said(hours, "2026-12-01T10:00") == "prochaine ouverture : vendredi de 14h à 16h"  # 4 Dec
    assert said(hours, "2026-12-04T16:30") == "prochaine ouverture : vendredi 5 février de 14h à 16h"  # 1 Jan is a holiday


@pytest.mark.parametrize("when, expected", [
    ("2026-03-28T20:00", "ouvre demain à 9h, jusqu'à 12h"),  # night of the spring change
    ("2026-03-29T10:00", "ouvert maintenant jusqu'à 12h"),
    ("2026-10-24T20:00", "ouvre demain à 9h, jusqu'à 12h"),  # night of the autumn change
    ("2026-10-25T09:00", "ouvert maintenant jusqu'à 12h"),
])
def test_dst_nights_keep_wall_clock_hours(when, expected):
    assert said("Mo-Su 09:00-12:00", when) == expected


def test_aware_instants_are_read_in_paris_time():
    utc = dt.datetime(2026, 7, 1, 7, 30, tzinfo=dt.UTC)  # 9:30 in Paris (summer)
    assert local(utc) == dt.datetime(2026, 7, 1, 9, 30)
    utc_winter = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC)  # 9:30 in Paris (winter)
    assert local(utc_winter) == dt.datetime(2026, 12, 1, 9, 30)
    assert aware(dt.datetime(2026, 10, 25, 14, 0)).utcoffset() == dt.timedelta(hours=1)
    assert aware(dt.datetime(2026, 10, 24, 14, 0)).utcoffset() == dt.timedelta(hours=2)


def test_open_over_midnight_until_tomorrow():
    assert said("Fr 20:00-02:00", "2026-12-04T23:00") == "ouvert maintenant jusqu'à demain 2h"


def test_cache_gives_same_answers_as_fresh_schedule():
    cached = Schedule(PIMMS)
    start = dt.datetime(2026, 11, 30, 0, 0)
    for minutes in range(0, 7 * 24 * 60, 37):
        now = start + dt.timedelta(minutes=minutes)
        assert cached.next_slot(now) == Schedule(PIMMS).next_slot(now), now


def test_nothing_within_horizon():
    assert said("2020 Jan 01 10:00-11:00", "2026-12-01T10:00") == "pas d'ouverture prévue dans les semaines à venir"
