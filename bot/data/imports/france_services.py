"""The ANCT list of France services (data.gouv.fr): `;`-separated CSV, one hours column per day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.data.imports.hours import UnreadableHours, week_to_osm
from bot.data.imports.mapping import FRANCE_SERVICES
from bot.data.imports.rows import (
    Batch,
    Filter,
    Imported,
    Skipped,
    address,
    coordinates,
    first,
    french_phone,
    read_csv,
    slug,
    unusable,
)

NAME = "france-services"
INSEE_COLUMNS = ("code_insee", "insee_com", "com_insee", "code_commune")
DAY_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "h_dimanche")


def read(paths: list[Path], flt: Filter, file_date: dt.date) -> Batch:
    batch = Batch()
    taken: set[str] = set()
    for path in paths:
        for line, row in read_csv(path):
            flt.require_insee(any(c in row for c in INSEE_COLUMNS), path)
            code_postal = first(row, "code_postal", "cp").zfill(5) if first(row, "code_postal", "cp") else ""
            code_insee = first(row, *INSEE_COLUMNS)
            if not flt.keeps(code_postal, code_insee):
                batch.out_of_scope += 1
                continue
            name, ident = first(row, "lib_fs", "nom"), first(row, "id_fs", "id")
            commune = first(row, "lib_com", "commune")
            pos = coordinates(row.get("latitude"), row.get("longitude"))
            why = unusable(name, ident, pos, commune, code_postal)
            mobile = first(row, "itinerance").lower() in ("oui", "true", "1", "itinerant", "itinérant")
            hours = None
            if why is None and not mobile:
                try:
                    hours = week_to_osm([row.get(c) for c in DAY_COLUMNS])
                except UnreadableHours as e:
                    why = f"« {name} » : horaires illisibles (« {e} ») : écrivez-les dans le fichier, ou ajoutez le lieu à la main"
            if why is not None:
                batch.skipped.append(Skipped(str(path), line, why))
                continue
            assert pos is not None
            batch.add(Imported(
                ref=f"{NAME}:{ident}", id=slug("fs", f"{commune}-{ident}", taken), nom=name,
                latitude=pos[0], longitude=pos[1], besoins=FRANCE_SERVICES,
                source=f"liste France services ANCT (data.gouv.fr), fichier du {file_date:%d/%m/%Y}",
                date_maj=file_date, adresse=address(row), code_postal=code_postal or None,
                commune=commune or None, telephone=french_phone(first(row, "telephone")),
                courriel=first(row, "mail", "courriel") or None, horaires=hours,
                note=("France services itinérante : ses lieux et heures de passage ne sont pas dans la liste "
                      "nationale, appelez avant de vous déplacer.") if mobile else None,
            ))
    return batch
