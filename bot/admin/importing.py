"""`python -m bot import SOURCE FILE…`: national open data into a directory, new or merged."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from bot.data.imports import SOURCES, Filter
from bot.data.imports.write import check_text, diff, merge, new_directory
from bot.errors import ConfigError, DirectoryError


def run_import(source: str, files: list[Path], *, departement: str | None = None,
               communes: list[str] | None = None, out: Path | None = None, dry_run: bool = False,
               territory: str | None = None, file_date: dt.date | None = None) -> int:
    for f in files:
        if not f.is_file():
            raise ConfigError(f"fichier introuvable : {f} (téléchargez-le depuis data.gouv.fr, puis donnez son chemin)")
    flt = Filter(departement.upper() if departement else None, frozenset(communes or ()))
    day = file_date or dt.date.fromtimestamp(max(f.stat().st_mtime for f in files))
    try:
        batch = SOURCES[source](files, flt, day)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as e:
        raise ConfigError(f"{files[0]} ne se lit pas comme un fichier « {source} » ({type(e).__name__}) : "
                          "vérifiez la source choisie et le format (CSV ou JSON)") from None
    for skipped in batch.skipped:
        print(skipped)
    print(f"{len(batch.places)} lieu(x) importé(s) ; {len(batch.skipped)} ligne(s) laissée(s) de côté "
          f"(ci-dessus) ; {batch.out_of_scope} hors du champ (autre territoire, ou aucun besoin de l'annuaire).",
          file=sys.stderr)
    if not batch.places:
        print("Rien à importer : vérifiez --departement / --commune et le fichier.", file=sys.stderr)
        return 1
    if out is None or not out.exists():
        name = territory or (f"Import {source} — département {flt.departement}" if flt.departement else f"Import {source}")
        text = new_directory(batch, name, source)
        check_text(text, out or Path("directory.yaml"))
        if out is None or dry_run:
            print(text, end="")
        else:
            out.write_text(text, encoding="utf-8")
            print(f"Annuaire écrit : {out}. Vérifiez-le : python -m bot check --directory {out}", file=sys.stderr)
        return 0
    old = out.read_text(encoding="utf-8")
    result = merge(old, out, batch, source)
    try:
        check_text(result.text, out)
    except DirectoryError as e:
        print(f"La fusion donnerait un annuaire invalide ; {out} n'est pas modifié :\n{e}", file=sys.stderr)
        return 1
    print(f"Fusion dans {out} : {result.added} ajouté(s), {result.updated} mis à jour, {result.unchanged} "
          "inchangé(s) ; les entrées écrites à la main ne sont pas touchées.", file=sys.stderr)
    if result.gone:
        print(f"Importés auparavant mais absents de ce fichier (à vérifier, non supprimés) : {', '.join(result.gone)}",
              file=sys.stderr)
    if dry_run:
        print(diff(old, result.text, out), end="")
        print("(essai à blanc : rien n'est écrit)", file=sys.stderr)
    elif result.text != old:
        out.write_text(result.text, encoding="utf-8")
    return 0
