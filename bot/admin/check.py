"""`python -m bot check`: validate the directory and the intents, every problem at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.data.directory import load_directory
from bot.errors import Problem, SourceError
from bot.understanding.intents import load_intents


def check_files(directory_path: Path, intents_path: Path,
                today: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Errors and warnings of both sources, as `file:line: message` lines."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for load in (lambda: load_directory(directory_path, today=today),
                 lambda: load_intents(intents_path)):
        try:
            _, warns = load()
            warnings += warns
        except SourceError as e:
            errors += [p for p in e.problems if not p.warning]
            warnings += [p for p in e.problems if p.warning]

    def lines(problems: list[Problem]) -> list[str]:
        return [str(p) for p in sorted(problems, key=lambda p: (p.file, p.line))]

    return lines(errors), lines(warnings)


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
