"""data·inclusion (gip-inclusion/data-inclusion-schema): structures and services, as JSON; each
structure becomes a place whose needs come from its own and its services' `thematiques`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

from bot.data.imports.mapping import needs_of_themes
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
    read_json_array,
    slug,
)

NAME = "data-inclusion"


def read(paths: list[Path], flt: Filter, file_date: dt.date) -> Batch:
    batch = Batch()
    structures: list[tuple[Path, int, dict[str, Any]]] = []
    themes: dict[str, list[str]] = defaultdict(list)
    service_hours: dict[str, str] = {}
    for path in paths:
        for line, row in read_json_array(path):
            if not isinstance(row, dict):
                batch.skipped.append(Skipped(str(path), line, "cet élément n'est ni une structure ni un service"))
            elif row.get("structure_id"):  # a service
                sid = f"{row.get('source', '')}:{row['structure_id']}"
                themes[sid] += as_list(row.get("thematiques"))
                if row.get("horaires_accueil") and sid not in service_hours:
                    service_hours[sid] = str(row["horaires_accueil"])
            else:
                structures.append((path, line, row))
    taken: set[str] = set()
    for path, line, row in structures:
        code_postal, code_insee = first(row, "code_postal"), first(row, "code_insee")
        if not flt.keeps(code_postal, code_insee):
            batch.out_of_scope += 1
            continue
        name, ident = first(row, "nom"), first(row, "id")
        sid = f"{row.get('source', '')}:{ident}"
        needs = sorted(needs_of_themes(as_list(row.get("thematiques")) + themes.get(sid, [])))
        raw_hours = first(row, "horaires_accueil", "horaires_ouverture") or service_hours.get(sid, "")
        fields = place_fields(batch, path, line, row, name, ident, needs, raw_hours)
        if fields is None:
            continue
        pos, hours = fields
        batch.add(Imported(
            ref=f"{NAME}:{sid}", id=slug("di", f"{first(row, 'commune')}-{name}", taken), nom=name,
            latitude=pos[0], longitude=pos[1], besoins=tuple(needs),
            source=f"data·inclusion ({row.get('source') or 'source inconnue'})",
            date_maj=date_of(row.get("date_maj"), file_date), adresse=address(row),
            code_postal=code_postal or None, commune=first(row, "commune") or None,
            telephone=french_phone(first(row, "telephone")), courriel=first(row, "courriel") or None,
            horaires=hours,
        ))
    return batch
