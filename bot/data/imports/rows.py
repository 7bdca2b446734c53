"""What every importer shares: the imported place, the rows left out, reading CSV and JSON with
their line numbers, and the filters by département or commune."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opening_hours import ParserError  # type: ignore[attr-defined]  # raised, but not in its stubs

from bot.errors import ConfigError
from bot.places.geo import valid_position
from bot.places.hours import parse_hours


@dataclass(frozen=True)
class Imported:
    """One place read from a national file, ready to be written into the directory."""

    ref: str  # "<source>:<id in the source>": how a later import finds it again
    id: str
    nom: str
    latitude: float
    longitude: float
    besoins: tuple[str, ...]
    source: str
    date_maj: dt.date
    adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    horaires: str | None = None
    rendez_vous: str | None = None
    frais: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A row that cannot be used, and why (said as `FILE:LINE: why`)."""

    file: str
    line: int
    why: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.why}"


@dataclass
class Filter:
    """Which rows to keep: a département (code "86", "2A", "974") and/or communes (INSEE codes)."""

    departement: str | None = None
    communes: frozenset[str] = field(default_factory=frozenset)

    def require_insee(self, has_column: bool, path: Path) -> None:
        if self.communes and not has_column:
            raise ConfigError(f"{path} n'a pas de colonne de code INSEE : filtrez avec --departement")

    def keeps(self, code_postal: str | None, code_insee: str | None) -> bool:
        if self.communes and (code_insee or "") not in self.communes:
            return False
        if self.departement:
            code = code_insee or code_postal or ""
            if self.departement in ("2A", "2B"):
                return code.upper().startswith(self.departement) or (code_postal or "").startswith("20")
            return code.startswith(self.departement)
        return True


@dataclass
class Batch:
    """What an importer read from its files."""

    places: list[Imported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    out_of_scope: int = 0  # rows kept out on purpose: another département, nothing of our needs
    communes: dict[str, tuple[str, list[tuple[float, float]]]] = field(default_factory=dict)

    def add(self, place: Imported) -> None:
        self.places.append(place)
        if place.code_postal and place.commune:
            _, points = self.communes.setdefault(place.code_postal + place.commune, (place.commune, []))
            points.append((place.latitude, place.longitude))


def read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with their line numbers; `;` or `,` separated, with or without a byte-order mark."""
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, {(k or "").strip().lstrip("\ufeff"): (v or "").strip() for k, v in row.items()}


def read_json_array(path: Path) -> Iterator[tuple[int, Any]]:
    """The elements of a JSON array with the line each starts on (JSON itself keeps no lines)."""
    text = path.read_text(encoding="utf-8-sig")
    decoder = json.JSONDecoder()
    i = _skip_space(text, 0)
    if i >= len(text) or text[i] != "[":
        obj = json.loads(text)  # a single object, or {"data": [...]} as some APIs answer
        items = obj.get("data") or obj.get("items") or obj.get("results") if isinstance(obj, dict) else None
        for item in items if isinstance(items, list) else [obj]:
            yield 1, item
        return
    i = _skip_space(text, i + 1)
    while i < len(text) and text[i] != "]":
        obj, end = decoder.raw_decode(text, i)
        yield text.count("\n", 0, i) + 1, obj
        i = _skip_space(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_space(text, i + 1)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def coordinates(lat: Any, lon: Any) -> tuple[float, float] | None:
    try:
        la, lo = float(str(lat).replace(",", ".")), float(str(lon).replace(",", "."))
    except (TypeError, ValueError):
        return None
    if (la, lo) == (0.0, 0.0) or not valid_position(la, lo):
        return None
    return la, lo


def french_phone(raw: Any) -> str | None:
    """"+33549526766", "05.49.52.67.66" → "05 49 52 67 66"; anything else as given."""
    text = str(raw or "").strip()
    digits = re.sub(r"\D", "", text)
    if digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits.startswith("0"):
        return " ".join(digits[i:i + 2] for i in range(0, 10, 2))
    return text or None


def slug(prefix: str, raw: str, taken: set[str]) -> str:
    """An id the directory accepts (a-z, 0-9, dashes, 60 at most), unique among `taken`."""
    text = unicodedata.normalize("NFKD", str(raw).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    base = f"{prefix}-{re.sub(r'[^a-z0-9]+', '-', text).strip('-')}"[:60].rstrip("-")
    ident, n = base, 2
    while ident in taken:
        ident = f"{base[:56]}-{n}"
        n += 1
    taken.add(ident)
    return ident


def date_of(raw: Any, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(str(raw)[:10])
    except ValueError:
        return default


def usable_hours(raw: Any) -> str | None:
    """OSM hours as given, if the directory can read them; raises ValueError otherwise."""
    text = str(raw or "").strip()
    if not text:
        return None
    try:
        parse_hours(text)
    except ParserError:
        raise ValueError(text) from None
    return text


def first(row: dict[str, Any], *names: str) -> str:
    """The first non-empty value among column names that differ between versions of a schema."""
    for name in names:
        value = row.get(name)
        if value not in (None, "", []):
            return value if isinstance(value, str) else str(value)
    return ""


def as_list(value: Any) -> list[str]:
    """A list field written as a JSON list or as text separated by `;` or `|`."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v for v in re.split(r"[;|]", str(value or "")) if v.strip()]


def unusable(name: str, ident: str, pos: tuple[float, float] | None, commune: str, code_postal: str) -> str | None:
    """Why a row cannot become a place (no name, no position, no commune), or None."""
    if not name or not ident:
        return "ni nom ni identifiant (id)"
    if pos is None:
        return f"« {name} » : pas de coordonnées (latitude, longitude)"
    if not commune and not code_postal:
        return f"« {name} » : commune inconnue (ni commune ni code postal)"
    return None


def place_fields(batch: Batch, path: Path, line: int, row: dict[str, Any], name: str, ident: str,
                 needs: list[str], raw_hours: Any) -> tuple[tuple[float, float], str | None] | None:
    """Position and OSM hours of a row fit to import; None once it is counted out or reported."""
    pos = coordinates(row.get("latitude"), row.get("longitude"))
    why = unusable(name, ident, pos, first(row, "commune"), first(row, "code_postal"))
    if why is None and not needs:
        batch.out_of_scope += 1  # none of our needs: not an error of the file
        return None
    hours = None
    if why is None:
        try:
            hours = usable_hours(raw_hours)
        except ValueError:
            why = f"« {name} » : horaires illisibles (« {raw_hours} »)"
    if why is not None or pos is None:
        batch.skipped.append(Skipped(str(path), line, why or "pas de coordonnées"))
        return None
    return pos, hours


def address(row: dict[str, Any]) -> str | None:
    return ", ".join(x for x in (first(row, "adresse"), first(row, "complement_adresse")) if x) or None
