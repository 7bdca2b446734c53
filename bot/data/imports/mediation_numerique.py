"""Lieux de médiation numérique, in the national schema (LaMednum/standard-mediation-num):
CSV or JSON, hours already in the OpenStreetMap syntax."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.data.imports.mapping import needs_of_services
from bot.data.imports.rows import (
    Batch,
    Filter,
    Imported,
    Skipped,
    address,
    as_list,
    date_of,
    first,
    french_phone,
    place_fields,
    read_csv,
    read_json_array,
    slug,
)

NAME = "mediation-numerique"


def rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() == ".json" or path.read_text(encoding="utf-8-sig")[:200].lstrip().startswith(("[", "{")):
        yield from read_json_array(path)
    else:
        yield from read_csv(path)


def read(paths: list[Path], flt: Filter, file_date: dt.date) -> Batch:
    batch = Batch()
    taken: set[str] = set()
    for path in paths:
        for line, row in rows(path):
            if not isinstance(row, dict):
                batch.skipped.append(Skipped(str(path), line, "cet élément n'est pas un lieu (un objet JSON est attendu)"))
                continue
            code_postal, code_insee = first(row, "code_postal"), first(row, "code_insee")
            if not flt.keeps(code_postal, code_insee):
                batch.out_of_scope += 1
                continue
            name, ident = first(row, "nom"), first(row, "id")
            needs = sorted(needs_of_services(as_list(row.get("services"))))
            fields = place_fields(batch, path, line, row, name, ident, needs, row.get("horaires"))
            if fields is None:
                continue
            pos, hours = fields
            access = " ".join(as_list(row.get("modalites_acces") or row.get("modalite_acces")))
            fees = as_list(row.get("frais_a_charge"))
            batch.add(Imported(
                ref=f"{NAME}:{ident}", id=slug("mn", f"{first(row, 'commune')}-{name}", taken), nom=name,
                latitude=pos[0], longitude=pos[1], besoins=tuple(needs),
                source=f"lieux de médiation numérique ({first(row, 'source') or 'schéma national'})",
                date_maj=date_of(row.get("date_maj"), file_date), adresse=address(row),
                code_postal=code_postal or None, commune=first(row, "commune") or None,
                telephone=french_phone(first(row, "telephone")),
                courriel=next(iter(as_list(row.get("courriels") or row.get("courriel"))), None),
                horaires=hours,
                rendez_vous="sans" if "Se présenter" in access else "conseille" if "RDV" in access else None,
                frais="gratuit" if any(f.startswith("Gratuit :") for f in fees) else None,
            ))
    return batch
