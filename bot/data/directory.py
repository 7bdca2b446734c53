"""Read directory.yaml, check every entry, and build the Directory (or say what to fix)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from opening_hours import ParserError

from bot.data.coverage import check_coverage
from bot.data.yamlfile import Checker, Mapping, line_of, load_yaml, suggest
from bot.errors import DirectoryError, Problem
from bot.places.geo import valid_position
from bot.places.hours import Closure, Schedule, parser_reason
from bot.places.model import Commune, Directory, Mediation, Place, Quartier, Stop, Tour
from bot.places.needs import NEEDS

TOP_KEYS = ("territoire", "pays", "quartiers", "communes", "lieux", "tournees", "mediateurs")
MEDIATION_KEYS = ("nom", "horaires", "telephone", "note")
QUARTIER_KEYS = ("nom", "latitude", "longitude", "alias", "code_postal")
COMMUNE_KEYS = ("nom", "code_postal", "latitude", "longitude")
PLACE_KEYS = ("id", "nom", "adresse", "code_postal", "commune", "latitude", "longitude",
              "telephone", "courriel", "site", "besoins", "horaires", "rendez_vous", "frais",
              "a_apporter", "fermetures", "note", "source", "date_maj")
PLACE_REQUIRED = ("id", "nom", "latitude", "longitude", "besoins", "source", "date_maj")
TOUR_KEYS = ("id", "nom", "telephone", "courriel", "besoins", "arrets", "exemple", "note",
             "rendez_vous", "frais", "fermetures", "source", "date_maj")
TOUR_REQUIRED = ("id", "nom", "besoins", "arrets", "source", "date_maj")
STOP_KEYS = ("nom", "adresse", "commune", "latitude", "longitude", "horaires")
STOP_REQUIRED = ("nom", "latitude", "longitude", "horaires")
CLOSURE_KEYS = ("du", "au", "message")
APPOINTMENT = ("sans", "conseille", "obligatoire")
STALE_AFTER = dt.timedelta(days=365)
# Ids travel in buttons and deep links: ASCII, short.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def load_directory(path: Path, *, today: dt.date | None = None, content: bytes | None = None,
                   coverage: bool = True) -> tuple[Directory, list[Problem]]:
    """The directory and its warnings; raises DirectoryError listing every error.

    `content`: the file's bytes when the caller has already read them (and keyed a cache on them).
    """
    text = None
    if content is not None:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = None  # load_yaml reads the file again and says what is wrong with it
    data, problems = load_yaml(path, text)
    if problems:
        raise DirectoryError(problems)
    return build_directory(data, path, today=today, coverage=coverage)


def build_directory(data: Any, path: Path, *, today: dt.date | None = None,
                    coverage: bool = True) -> tuple[Directory, list[Problem]]:
    """The directory and its warnings. `coverage`: also look for quartiers without help near them
    and misplaced coordinates (for admins; the running bot does not need those warnings)."""
    c = Checker(path)
    if not isinstance(data, Mapping):
        c.error(1, "le fichier doit commencer par « territoire: » puis « lieux: » (une liste de clés, pas une liste ou un texte)")
        raise DirectoryError(c.problems)
    c.keys(data, TOP_KEYS, ("territoire",), "le fichier")
    country = str(data.get("pays") or "FR")
    seen_ids: dict[str, int] = {}

    def claim(ident: Any, line: int, what: str) -> str | None:
        if not isinstance(ident, str) or not ident.strip():
            c.error(line, f"« id » de {what} doit être un texte court, par exemple « pimms-saint-eloi »")
            return None
        if not _ID.match(ident):
            c.error(line, f"id « {ident} » : utilisez seulement des minuscules sans accent, des chiffres et des tirets (60 au plus), par exemple « pimms-saint-eloi »")
            return None
        if ident in seen_ids:
            c.error(line, f"l'id « {ident} » est déjà utilisé ligne {seen_ids[ident]} : chaque id doit être unique")
            return None
        seen_ids[ident] = line
        return ident

    quartiers: dict[str, Quartier] = {}
    quartier_lines: dict[str, int] = {}
    place_lines: dict[str, int] = {}
    raw_q = data.get("quartiers") or Mapping()
    if not isinstance(raw_q, Mapping):
        c.error(line_of(data, "quartiers"), "« quartiers » doit être une liste de clés : « saint-eloi: {nom: ..., latitude: ..., longitude: ...} »")
        raw_q = Mapping()
    for qid, q in raw_q.items():
        line = raw_q.line_of(qid)
        if not isinstance(q, Mapping):
            c.error(line, f"le quartier « {qid} » doit avoir nom, latitude et longitude")
            continue
        c.keys(q, QUARTIER_KEYS, ("nom", "latitude", "longitude"), f"le quartier « {qid} »")
        pos = _position(c, q)
        if claim(str(qid), line, "quartier") and pos and q.get("nom"):
            quartier_lines[str(qid)] = line
            quartiers[str(qid)] = Quartier(str(qid), str(q["nom"]), pos[0], pos[1],
                                           tuple(str(a) for a in _list(c, q, "alias")),
                                           _opt_str(q.get("code_postal")))

    communes: list[Commune] = []
    raw_c = data.get("communes") or []
    for i, com in enumerate(raw_c if isinstance(raw_c, list) else []):
        if not isinstance(com, Mapping):
            c.error(line_of(raw_c, i), "chaque commune s'écrit « {nom: ..., code_postal: \"86000\", latitude: ..., longitude: ...} »")
            continue
        c.keys(com, COMMUNE_KEYS, COMMUNE_KEYS, "la commune")
        pos = _position(c, com)
        if pos and com.get("nom") and com.get("code_postal"):
            communes.append(Commune(str(com["nom"]), str(com["code_postal"]).zfill(5), pos[0], pos[1]))

    places: dict[str, Place] = {}
    for p in _entries(c, data, "lieux", "lieu"):
        what = f"le lieu « {p.get('id', '?')} »"
        c.keys(p, PLACE_KEYS, PLACE_REQUIRED, what)
        ident = claim(p.get("id"), p.line_of("id"), "lieu")
        pos = _position(c, p)
        needs = _needs(c, p)
        closures = _closures(c, p)
        schedule = _schedule(c, p, p.get("horaires"), closures, country)
        _reachable(c, p, what)
        _appointment(c, p)
        date_maj = _date_maj(c, p, today)
        if ident and pos and needs is not None and p.get("nom") and (schedule or "horaires" not in p):
            place_lines[ident] = p.line
            places[ident] = Place(
                id=ident, nom=str(p["nom"]), latitude=pos[0], longitude=pos[1],
                besoins=needs, schedule=schedule, adresse=_opt_str(p.get("adresse")),
                code_postal=_opt_str(p.get("code_postal")), commune=_opt_str(p.get("commune")),
                telephone=_opt_str(p.get("telephone")), rendez_vous=_opt_str(p.get("rendez_vous")),
                frais=_opt_str(p.get("frais")),
                a_apporter=tuple(str(x) for x in _list(c, p, "a_apporter")),
                note=_opt_str(p.get("note")), source=str(p.get("source", "")), date_maj=date_maj,
            )

    tours: dict[str, Tour] = {}
    for t in _entries(c, data, "tournees", "tournée"):
        what = f"la tournée « {t.get('id', '?')} »"
        c.keys(t, TOUR_KEYS, TOUR_REQUIRED, what)
        ident = claim(t.get("id"), t.line_of("id"), "tournée")
        needs = _needs(c, t)
        closures = _closures(c, t)
        _appointment(c, t)
        date_maj = _date_maj(c, t, today)
        if t.get("exemple"):
            c.warn(t.line_of("exemple"), f"{what} est un exemple (exemple: true) : ses arrêts et horaires sont à confirmer ; le bot dit de téléphoner avant")
        stops: list[Stop] = []
        raw_stops = t.get("arrets") or []
        for j, s in enumerate(raw_stops if isinstance(raw_stops, list) else []):
            if not isinstance(s, Mapping):
                c.error(line_of(raw_stops, j), "chaque arrêt s'écrit « - {nom: ..., adresse: ..., latitude: ..., longitude: ..., horaires: \"Mo 09:00-12:00\"} »")
                continue
            c.keys(s, STOP_KEYS, STOP_REQUIRED, f"un arrêt de {what}")
            pos = _position(c, s)
            schedule = _schedule(c, s, s.get("horaires"), closures, country)
            if ident and pos and schedule and s.get("nom"):
                stops.append(Stop(f"{ident}#{j + 1}", ident, str(s["nom"]), pos[0], pos[1], schedule,
                                  _opt_str(s.get("adresse")), _opt_str(s.get("commune"))))
        if not t.get("telephone"):
            c.warn(t.line, f"il manque « telephone » dans {what} : sans numéro, un habitant ne peut pas vérifier le passage")
        if ident and needs is not None and t.get("nom"):
            tours[ident] = Tour(
                id=ident, nom=str(t["nom"]), besoins=needs, stops=tuple(stops),
                telephone=_opt_str(t.get("telephone")), exemple=bool(t.get("exemple")),
                note=_opt_str(t.get("note")), rendez_vous=_opt_str(t.get("rendez_vous")),
                frais=_opt_str(t.get("frais")), closures=closures,
                source=str(t.get("source", "")), date_maj=date_maj,
            )

    mediation = None
    raw_m = data.get("mediateurs")
    if raw_m is not None:
        if not isinstance(raw_m, Mapping):
            c.error(line_of(data, "mediateurs"), "« mediateurs » s'écrit « {nom: ..., horaires: \"Tu-Sa 13:00-21:00\", telephone: ...} »")
        else:
            c.keys(raw_m, MEDIATION_KEYS, ("nom",), "« mediateurs »")
            mediation = Mediation(str(raw_m.get("nom") or ""), _schedule(c, raw_m, raw_m.get("horaires"), (), country),
                                  _opt_str(raw_m.get("telephone")), _opt_str(raw_m.get("note")))

    if c.errors:
        raise DirectoryError(c.problems)
    territory = str(data.get("territoire"))
    directory = Directory(territory, quartiers, communes, places, tours, pays=country, mediateurs=mediation)
    if coverage:
        check_coverage(directory, c, quartier_lines, place_lines)
    return directory, c.warnings


def _entries(c: Checker, data: Mapping, key: str, noun: str) -> Iterator[Mapping]:
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


def _opt_str(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)


def _list(c: Checker, obj: Mapping, key: str) -> list[Any]:
    v = obj.get(key)
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list):
        c.error(obj.line_of(key), f"« {key} » doit être une liste entre crochets : [a, b]")
        return []
    return v


def _position(c: Checker, obj: Mapping) -> tuple[float, float] | None:
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


def _needs(c: Checker, obj: Mapping) -> frozenset[str] | None:
    raw = _list(c, obj, "besoins")
    good: set[str] = set()
    bad = False
    for need in raw:
        if str(need) not in NEEDS:
            c.error(obj.line_of("besoins"), f"besoin inconnu « {need} »{suggest(str(need), tuple(NEEDS))} (besoins possibles : {', '.join(NEEDS)})")
            bad = True
        else:
            good.add(str(need))
    return None if bad else frozenset(good)


def _closures(c: Checker, obj: Mapping) -> tuple[Closure, ...]:
    out: list[Closure] = []
    raw = _list(c, obj, "fermetures")
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


def _schedule(c: Checker, obj: Mapping, hours: Any, closures: tuple[Closure, ...], country: str) -> Schedule | None:
    if hours is None:
        return None
    if not isinstance(hours, str):
        c.error(obj.line_of("horaires"), "« horaires » doit être un texte entre guillemets, par exemple \"Mo-Fr 09:00-12:00\"")
        return None
    try:
        return Schedule(hours, closures, country)
    except ParserError as e:
        c.error(obj.line_of("horaires"), f"horaires « {hours} » illisibles {parser_reason(e, hours)} ; format OpenStreetMap, par exemple \"Mo-Fr 09:00-12:00,14:00-17:00\"")
    except Exception as e:  # unknown country and the like
        c.error(obj.line_of("horaires"), f"horaires « {hours} » inutilisables : {e}")
    return None


def _reachable(c: Checker, obj: Mapping, what: str) -> None:
    if not obj.get("telephone") and not obj.get("adresse"):
        c.error(obj.line, f"il manque « telephone » et « adresse » dans {what} : donnez au moins l'un des deux")


def _appointment(c: Checker, obj: Mapping) -> None:
    v = obj.get("rendez_vous")
    if v is not None and v not in APPOINTMENT:
        c.error(obj.line_of("rendez_vous"), f"rendez_vous « {v} » inconnu : choisissez sans, conseille ou obligatoire{suggest(str(v), APPOINTMENT)}")


def _date_maj(c: Checker, obj: Mapping, today: dt.date | None) -> dt.date | None:
    v = obj.get("date_maj")
    if v is None:
        return None
    if not isinstance(v, dt.date):
        c.error(obj.line_of("date_maj"), f"date_maj « {v} » doit s'écrire AAAA-MM-JJ, par exemple 2026-11-28")
        return None
    if today is not None and today - v > STALE_AFTER:
        c.warn(obj.line_of("date_maj"), f"« {obj.get('id') or obj.get('nom')} » n'a pas été vérifié depuis le {v:%d/%m/%Y} (plus de 12 mois) : revérifiez-le auprès de sa source")
    return v
