"""Reading one field of a directory entry, reporting what is wrong with it at its line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from opening_hours import ParserError  # type: ignore[attr-defined]  # raised, but not in its stubs

from bot.data.yamlfile import Checker, Mapping, line_of, suggest
from bot.places.geo import valid_position
from bot.places.hours import Closure, Schedule, parser_reason
from bot.places.model import Checked
from bot.places.needs import NEEDS

CLOSURE_KEYS = ("du", "au", "message")
APPOINTMENT = ("sans", "conseille", "obligatoire")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")


def checked_phrase(checked: Checked) -> str:
    """"le 01/12/2022", "décembre 2022", "2025": as precise as it was written."""
    if checked.precision == "year":
        return str(checked.day.year)
    if checked.precision == "month":
        return f"{MONTHS[checked.day.month - 1]} {checked.day.year}"
    return f"le {checked.day:%d/%m/%Y}"


def entries(c: Checker, data: Mapping, key: str, noun: str) -> Iterator[Mapping]:
    """The entries of a top-level list, each a mapping; anything else is reported."""
    raw = data.get(key) or []
    if not isinstance(raw, list):
        c.error(line_of(data, key), f"« {key} » doit être une liste : chaque {noun} commence par « - id: ... »")
        return
    for i, entry in enumerate(raw):
        if isinstance(entry, Mapping):
            yield entry
        else:
            c.error(line_of(raw, i), f"chaque {noun} doit commencer par « - id: ... » suivi de ses clés")


def opt_str(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)


def as_list(c: Checker, obj: Mapping, key: str) -> list[Any]:
    v = obj.get(key)
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list):
        c.error(obj.line_of(key), f"« {key} » doit être une liste entre crochets : [a, b]")
        return []
    return v


def position(c: Checker, obj: Mapping) -> tuple[float, float] | None:
    lat, lon = obj.get("latitude"), obj.get("longitude")
    ok = True
    for key, value, bound in (("latitude", lat, 90), ("longitude", lon, 180)):
        if value is None:
            ok = False  # reported as missing by keys()
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            c.error(obj.line_of(key), f"{key} « {value} » doit être un nombre avec un point, par exemple 46.58998")
            ok = False
        elif not -bound <= value <= bound:
            c.error(obj.line_of(key), f"{key} {value} hors limites (entre -{bound} et {bound}) : latitude et longitude inversées ?")
            ok = False
    if ok and valid_position(float(lat), float(lon)):  # type: ignore[arg-type]
        return float(lat), float(lon)  # type: ignore[arg-type]
    return None


def needs_of(c: Checker, obj: Mapping) -> frozenset[str] | None:
    raw = as_list(c, obj, "besoins")
    good: set[str] = set()
    bad = False
    for need in raw:
        if str(need) not in NEEDS:
            c.error(obj.line_of("besoins"), f"besoin inconnu « {need} »{suggest(str(need), tuple(NEEDS))} (besoins possibles : {', '.join(NEEDS)})")
            bad = True
        else:
            good.add(str(need))
    return None if bad else frozenset(good)


def closures_of(c: Checker, obj: Mapping) -> tuple[Closure, ...]:
    out: list[Closure] = []
    raw = as_list(c, obj, "fermetures")
    for i, f in enumerate(raw):
        line = line_of(raw, i) or obj.line_of("fermetures")
        if not isinstance(f, Mapping):
            c.error(line, "une fermeture s'écrit « {du: 2026-12-24, au: 2027-01-02, message: ...} »")
            continue
        c.keys(f, CLOSURE_KEYS, ("du",), "une fermeture")
        start, end = f.get("du"), f.get("au", f.get("du"))
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            c.error(f.line, "les dates d'une fermeture s'écrivent AAAA-MM-JJ, par exemple 2026-12-24")
            continue
        if end < start:
            c.error(f.line_of("au"), f"la fermeture finit ({end}) avant de commencer ({start}) : inversez « du » et « au »")
            continue
        out.append(Closure(start, end, str(f.get("message") or "Fermeture exceptionnelle")))
    return tuple(out)


def schedule_of(c: Checker, obj: Mapping, hours: Any, closures: tuple[Closure, ...], country: str) -> Schedule | None:
    if hours is None:
        return None
    if not isinstance(hours, str):
        c.error(obj.line_of("horaires"), "« horaires » doit être un texte entre guillemets, par exemple \"Mo-Fr 09:00-12:00\"")
        return None
    try:
        return Schedule(hours, closures, country)
    except ParserError as e:
        c.error(obj.line_of("horaires"), f"horaires « {hours} » illisibles {parser_reason(e, hours)} ; format OpenStreetMap, par exemple \"Mo-Fr 09:00-12:00,14:00-17:00\"")
    except Exception as e:  # noqa: BLE001 (unknown country and the like)
        c.error(obj.line_of("horaires"), f"horaires « {hours} » inutilisables : {e}")
    return None


def reachable(c: Checker, obj: Mapping, what: str) -> None:
    if not obj.get("telephone") and not obj.get("adresse"):
        c.error(obj.line, f"il manque « telephone » et « adresse » dans {what} : donnez au moins l'un des deux")


def appointment(c: Checker, obj: Mapping) -> None:
    v = obj.get("rendez_vous")
    if v is not None and v not in APPOINTMENT:
        c.error(obj.line_of("rendez_vous"), f"rendez_vous « {v} » inconnu : choisissez sans, conseille ou obligatoire{suggest(str(v), APPOINTMENT)}")


def date_maj(c: Checker, obj: Mapping, today: dt.date | None) -> Checked | None:
    """The day (or month, or year) a fact was checked: 2026-11-28, "2025-06" or 2025."""
    v = obj.get("date_maj")
    if v is None:
        return None
    checked = _checked(v)
    if checked is None:
        c.error(obj.line_of("date_maj"), f"date_maj « {v} » doit s'écrire AAAA-MM-JJ (par exemple 2026-11-28), "
                                          "ou \"AAAA-MM\" ou AAAA quand seuls le mois ou l'année sont connus")
        return None
    if today is not None and checked.older_than(today, STALE_AFTER):
        c.warn(obj.line_of("date_maj"), f"« {obj.get('id') or obj.get('nom')} » n'a pas été vérifié depuis "
                                         f"{checked_phrase(checked)} (plus de 12 mois) : revérifiez-le auprès de sa source")
    return checked


def _checked(v: Any) -> Checked | None:
    if isinstance(v, dt.datetime):
        return Checked(v.date())
    if isinstance(v, dt.date):
        return Checked(v)
    text = str(v).strip()
    m = _PARTIAL_DATE.match(text)
    if m is None or isinstance(v, bool):
        return None
    year, month = int(m.group(1)), m.group(2)
    if not 1990 <= year <= 2100 or (month and not 1 <= int(month) <= 12):
        return None
    return Checked(dt.date(year, int(month), 1), "month") if month else Checked(dt.date(year, 1, 1), "year")


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
STALE_AFTER = dt.timedelta(days=365)
