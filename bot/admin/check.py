"""`python -m bot check`: validate the directory, the intents and the translations, every problem
at its line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from bot.conversation.i18n import LANGUAGES, missing_messages
from bot.data.directory import load_directory
from bot.data.fields import STALE_AFTER, checked_phrase
from bot.errors import Problem, SourceError
from bot.understanding.danger.learned import load_dangers
from bot.understanding.intents import load_intents, load_phrases


def check_files(directory_path: Path, intents_path: Path,
                today: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Errors and warnings of both sources, as `file:line: message` lines."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    loads: tuple[Callable[[], tuple[object, list[Problem]]], ...] = (
        lambda: load_directory(directory_path, today=today),
        lambda: load_intents(intents_path),
        lambda: load_phrases(intents_path),
        lambda: (load_dangers(intents_path), []))
    for load in loads:
        try:
            _, warns = load()
            warnings += warns
        except SourceError as e:
            errors += [p for p in e.problems if not p.warning]
            warnings += [p for p in e.problems if p.warning]

    def lines(problems: list[Problem]) -> list[str]:
        return [str(p) for p in sorted(problems, key=lambda p: (p.file, p.line))]

    # The interface's catalogues ship with the code, but a translator edits them like the YAML.
    untranslated = [line for lang in LANGUAGES for line in missing_messages(lang)]
    return lines(errors) + untranslated, lines(warnings)


def run_check(directory: Path, intents: Path) -> int:
    errors, warnings = check_files(directory, intents, today=dt.date.today())
    for line in errors:
        print(line)
    for line in warnings:
        print(line)
    if errors:
        print(f"{len(errors)} erreur(s), {len(warnings)} avertissement(s) : corrigez les erreurs puis relancez python -m bot check.")
        return 1
    print(f"OK : {directory} et {intents} sont valides ({len(warnings)} avertissement(s)).")
    return 0


def stale_entries(directory_path: Path, today: dt.date) -> list[dict[str, str]]:
    """Places and tours not checked for 12 months (or never), oldest first, for admins to call."""
    directory, _ = load_directory(directory_path, coverage=False)
    rows = []
    entries = [(p.id, p.nom, p.telephone, p.date_maj, p.source) for p in directory.places.values()]
    entries += [(t.id, t.nom, t.telephone, t.date_maj, t.source) for t in directory.tours.values()]
    for ident, nom, phone, checked, source in entries:
        if checked is not None and not checked.older_than(today, STALE_AFTER):
            continue
        rows.append({"id": ident, "nom": nom, "telephone": phone or "",
                     "verifie": checked_phrase(checked) if checked else "jamais",
                     "age": _age(checked.day, today) if checked else "inconnu", "source": source,
                     "_day": checked.day.isoformat() if checked else ""})
    rows.sort(key=lambda r: r["_day"])
    for r in rows:
        del r["_day"]
    return rows


def _age(day: dt.date, today: dt.date) -> str:
    months = (today.year - day.year) * 12 + today.month - day.month
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{months} mois"
    return f"{years} an{'s' if years > 1 else ''}" + (f" et {rest} mois" if rest else "")


def run_stale(directory: Path, fmt: str = "text", today: dt.date | None = None) -> int:
    """`check --stale`: the re-check list (entry, phone, age), as text or CSV."""
    rows = stale_entries(directory, today or dt.date.today())
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["id", "nom", "telephone", "verifie", "age", "source"])
        writer.writeheader()
        writer.writerows(rows)
        print(out.getvalue(), end="")
        return 0
    if not rows:
        print(f"Rien à revérifier : toutes les entrées de {directory} ont moins de 12 mois.")
        return 0
    print(f"À revérifier ({len(rows)}), les plus anciennes d'abord :")
    for r in rows:
        print(f"- {r['nom']} ({r['id']}) — ☎ {r['telephone'] or 'pas de numéro'} — vérifié {r['verifie']}, "
              f"il y a {r['age']} — source : {r['source']}")
    return 0
