"""Read directory.yaml, check every entry, and build the Directory (or say what to fix)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from bot.data.coverage import check_coverage
from bot.data.fields import (
    APPOINTMENT,
    appointment,
    as_list,
    closures_of,
    date_maj,
    entries,
    needs_of,
    opt_str,
    position,
    reachable,
    schedule_of,
)
from bot.data.yamlfile import Checker, Mapping, line_of, load_yaml
from bot.errors import DirectoryError, Problem
from bot.places.model import Commune, Directory, Mediation, Place, Quartier, Stop, Tour

__all__ = ["APPOINTMENT", "build_directory", "load_directory"]

TOP_KEYS = ("territoire", "pays", "quartiers", "communes", "lieux", "tournees", "mediateurs")
MEDIATION_KEYS = ("nom", "horaires", "telephone", "note")
QUARTIER_KEYS = ("nom", "latitude", "longitude", "alias", "code_postal", "couvert", "note")
COMMUNE_KEYS = ("nom", "code_postal", "latitude", "longitude", "couvert")
PLACE_KEYS = ("id", "nom", "adresse", "code_postal", "commune", "latitude", "longitude",
              "telephone", "courriel", "site", "besoins", "horaires", "rendez_vous", "frais",
              "a_apporter", "fermetures", "note", "source", "date_maj", "localisation", "ref")
PLACE_REQUIRED = ("id", "nom", "latitude", "longitude", "besoins", "source", "date_maj")
TOUR_KEYS = ("id", "nom", "telephone", "courriel", "besoins", "arrets", "exemple", "note",
             "rendez_vous", "frais", "fermetures", "source", "date_maj")
TOUR_REQUIRED = ("id", "nom", "besoins", "source", "date_maj")
STOP_KEYS = ("nom", "adresse", "commune", "latitude", "longitude", "horaires", "quand", "quartier")
LOCATIONS = ("exacte", "approximative")
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
    b = _Builder(c, str(data.get("pays") or "FR"), today)
    b.quartiers(data)
    b.communes(data)
    b.places(data)
    b.tours(data)
    mediation = b.mediation(data)
    if c.errors:
        raise DirectoryError(c.problems)
    territory = str(data.get("territoire"))
    directory = Directory(territory, b.q, b.c, b.p, b.t, pays=b.country, mediateurs=mediation)
    if coverage:
        check_coverage(directory, c, b.quartier_lines, b.place_lines)
    return directory, c.warnings


class _Builder:
    """Reads each part of the file into the directory's objects, reporting problems as it goes."""

    def __init__(self, checker: Checker, country: str, today: dt.date | None) -> None:
        self.check = checker
        self.country = country
        self.today = today
        self.seen_ids: dict[str, int] = {}
        self.q: dict[str, Quartier] = {}
        self.c: list[Commune] = []
        self.p: dict[str, Place] = {}
        self.t: dict[str, Tour] = {}
        self.quartier_lines: dict[str, int] = {}
        self.place_lines: dict[str, int] = {}

    def claim(self, ident: Any, line: int, what: str) -> str | None:
        c = self.check
        if not isinstance(ident, str) or not ident.strip():
            c.error(line, f"« id » de {what} doit être un texte court, par exemple « pimms-saint-eloi »")
            return None
        if not _ID.match(ident):
            c.error(line, f"id « {ident} » : utilisez seulement des minuscules sans accent, des chiffres et des tirets (60 au plus), par exemple « pimms-saint-eloi »")
            return None
        if ident in self.seen_ids:
            c.error(line, f"l'id « {ident} » est déjà utilisé ligne {self.seen_ids[ident]} : chaque id doit être unique")
            return None
        self.seen_ids[ident] = line
        return ident

    def covered(self, obj: Mapping, what: str) -> bool:
        v = obj.get("couvert", True)
        if not isinstance(v, bool):
            self.check.error(obj.line_of("couvert"), f"« couvert » de {what} s'écrit true ou false")
            return True
        return v

    def quartiers(self, data: Mapping) -> None:
        c = self.check
        raw_q = data.get("quartiers") or Mapping()
        if not isinstance(raw_q, Mapping):
            c.error(line_of(data, "quartiers"), "« quartiers » doit être une liste de clés : « saint-eloi: {nom: ..., latitude: ..., longitude: ...} »")
            return
        for qid, q in raw_q.items():
            line = raw_q.line_of(qid)
            if not isinstance(q, Mapping):
                c.error(line, f"le quartier « {qid} » doit avoir nom, latitude et longitude")
                continue
            what = f"le quartier « {qid} »"
            covered = self.covered(q, what)
            # A quartier not covered yet needs no landmark: the bot will not search around it.
            c.keys(q, QUARTIER_KEYS, ("nom", "latitude", "longitude") if covered else ("nom",), what)
            pos = position(c, q) if covered or "latitude" in q else None
            if self.claim(str(qid), line, "quartier") and (pos or not covered) and q.get("nom"):
                self.quartier_lines[str(qid)] = line
                self.q[str(qid)] = Quartier(str(qid), str(q["nom"]), pos[0] if pos else None, pos[1] if pos else None,
                                            tuple(str(a) for a in as_list(c, q, "alias")),
                                            opt_str(q.get("code_postal")), covered, opt_str(q.get("note")))

    def communes(self, data: Mapping) -> None:
        c = self.check
        raw_c = data.get("communes") or []
        for i, com in enumerate(raw_c if isinstance(raw_c, list) else []):
            if not isinstance(com, Mapping):
                c.error(line_of(raw_c, i), "chaque commune s'écrit « {nom: ..., code_postal: \"86000\", latitude: ..., longitude: ...} »")
                continue
            covered = self.covered(com, "la commune")
            c.keys(com, COMMUNE_KEYS, COMMUNE_KEYS[:4] if covered else COMMUNE_KEYS[:2], "la commune")
            pos = position(c, com) if covered or "latitude" in com else None
            if (pos or not covered) and com.get("nom") and com.get("code_postal"):
                self.c.append(Commune(str(com["nom"]), str(com["code_postal"]).zfill(5),
                                      pos[0] if pos else None, pos[1] if pos else None, covered))

    def places(self, data: Mapping) -> None:
        c = self.check
        for p in entries(c, data, "lieux", "lieu"):
            what = f"le lieu « {p.get('id', '?')} »"
            c.keys(p, PLACE_KEYS, PLACE_REQUIRED, what)
            ident = self.claim(p.get("id"), p.line_of("id"), "lieu")
            pos = position(c, p)
            needs = needs_of(c, p)
            closures = closures_of(c, p)
            schedule = schedule_of(c, p, p.get("horaires"), closures, self.country)
            reachable(c, p, what)
            appointment(c, p)
            checked = date_maj(c, p, self.today)
            location = p.get("localisation", "exacte")
            if location not in LOCATIONS:
                c.error(p.line_of("localisation"), f"localisation « {location} » : écrivez exacte ou approximative")
            if ident and pos and needs is not None and p.get("nom") and (schedule or "horaires" not in p):
                self.place_lines[ident] = p.line
                self.p[ident] = Place(
                    id=ident, nom=str(p["nom"]), latitude=pos[0], longitude=pos[1],
                    besoins=needs, schedule=schedule, adresse=opt_str(p.get("adresse")),
                    code_postal=opt_str(p.get("code_postal")), commune=opt_str(p.get("commune")),
                    telephone=opt_str(p.get("telephone")), rendez_vous=opt_str(p.get("rendez_vous")),
                    frais=opt_str(p.get("frais")),
                    a_apporter=tuple(str(x) for x in as_list(c, p, "a_apporter")),
                    note=opt_str(p.get("note")), source=str(p.get("source", "")), date_maj=checked,
                    approximate=location == "approximative", ref=opt_str(p.get("ref")),
                )

    def tours(self, data: Mapping) -> None:
        c = self.check
        for t in entries(c, data, "tournees", "tournée"):
            what = f"la tournée « {t.get('id', '?')} »"
            c.keys(t, TOUR_KEYS, TOUR_REQUIRED, what)
            ident = self.claim(t.get("id"), t.line_of("id"), "tournée")
            needs = needs_of(c, t)
            closures = closures_of(c, t)
            appointment(c, t)
            checked = date_maj(c, t, self.today)
            if t.get("exemple"):
                c.warn(t.line_of("exemple"), f"{what} est un exemple (exemple: true) : ses arrêts et horaires sont à confirmer ; le bot dit de téléphoner avant")
            stops = self.stops(t, ident, closures, what)
            if not t.get("telephone"):
                c.warn(t.line, f"il manque « telephone » dans {what} : sans numéro, un habitant ne peut pas vérifier le passage")
            if ident and needs is not None and t.get("nom"):
                self.t[ident] = Tour(
                    id=ident, nom=str(t["nom"]), besoins=needs, stops=tuple(stops),
                    telephone=opt_str(t.get("telephone")), exemple=bool(t.get("exemple")),
                    note=opt_str(t.get("note")), rendez_vous=opt_str(t.get("rendez_vous")),
                    frais=opt_str(t.get("frais")), closures=closures,
                    source=str(t.get("source", "")), date_maj=checked,
                )

    def stops(self, t: Mapping, ident: str | None, closures: Any, what: str) -> list[Stop]:
        """A tour's stops. A stop may give only its published days (`quand`) and its quartier."""
        c = self.check
        stops: list[Stop] = []
        raw_stops = t.get("arrets") or []
        if not isinstance(raw_stops, list):
            c.error(t.line_of("arrets"), f"« arrets » de {what} doit être une liste : une ligne « - {{nom: ...}} » par arrêt")
            return stops
        for j, s in enumerate(raw_stops):
            if not isinstance(s, Mapping):
                c.error(line_of(raw_stops, j), "chaque arrêt s'écrit « - {nom: ..., adresse: ..., latitude: ..., longitude: ..., horaires: \"Mo 09:00-12:00\"} »")
                continue
            c.keys(s, STOP_KEYS, ("nom",), f"un arrêt de {what}")
            if "horaires" not in s and not s.get("quand"):
                c.error(s.line, f"un arrêt de {what} n'a ni « horaires » ni « quand » : donnez au moins les jours publiés")
            pos, approximate = self.stop_position(s, what)
            schedule = schedule_of(c, s, s.get("horaires"), closures, self.country)
            if ident and pos and (schedule or "horaires" not in s) and s.get("nom"):
                stops.append(Stop(f"{ident}#{j + 1}", ident, str(s["nom"]), pos[0], pos[1], schedule,
                                  opt_str(s.get("adresse")), opt_str(s.get("commune")),
                                  opt_str(s.get("quand")), approximate))
        return stops

    def stop_position(self, s: Mapping, what: str) -> tuple[tuple[float, float] | None, bool]:
        if "latitude" in s or "longitude" in s or "quartier" not in s:
            if "quartier" not in s and ("latitude" not in s or "longitude" not in s):
                self.check.error(s.line, f"un arrêt de {what} doit avoir latitude et longitude, ou « quartier » quand l'endroit exact n'est pas publié")
                return None, False
            return position(self.check, s), False
        q = self.q.get(str(s.get("quartier")))
        if q is None or q.latitude is None or q.longitude is None:
            self.check.error(s.line_of("quartier"), f"quartier « {s.get('quartier')} » inconnu (ou sans point de repère) dans un arrêt de {what} : donnez l'id d'un quartier de « quartiers: »")
            return None, False
        return (q.latitude, q.longitude), True

    def mediation(self, data: Mapping) -> Mediation | None:
        c = self.check
        raw_m = data.get("mediateurs")
        if raw_m is None:
            return None
        if not isinstance(raw_m, Mapping):
            c.error(line_of(data, "mediateurs"), "« mediateurs » s'écrit « {nom: ..., horaires: \"Tu-Sa 13:00-21:00\", telephone: ...} »")
            return None
        c.keys(raw_m, MEDIATION_KEYS, ("nom",), "« mediateurs »")
        return Mediation(str(raw_m.get("nom") or ""), schedule_of(c, raw_m, raw_m.get("horaires"), (), self.country),
                         opt_str(raw_m.get("telephone")), opt_str(raw_m.get("note")))
