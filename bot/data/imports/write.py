"""Writing imported places: a complete new directory, or merged into an existing one by (source, id)
without touching a single line of the entries written by hand."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.data.directory import build_directory
from bot.data.imports.rows import Batch, Imported
from bot.data.yamlfile import Mapping, Sequence, load_yaml
from bot.errors import DirectoryError, Problem

FIELDS = ("nom", "adresse", "code_postal", "commune", "latitude", "longitude", "telephone", "courriel",
          "besoins", "horaires", "rendez_vous", "frais", "note", "source", "date_maj", "ref")


def scalar(value: object) -> str:
    """One YAML value on one line, quoted only when YAML needs it."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6))
    return text.removesuffix("\n").removesuffix("\n...").strip()


def entry_text(place: Imported, ident: str | None = None) -> str:
    lines = [f"  - id: {ident or place.id}"]
    for name in FIELDS:
        value = getattr(place, name)
        if value is None or value == ():
            continue
        if name == "code_postal":
            value = str(value)
        lines.append(f"    {name}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def new_directory(batch: Batch, territory: str, source: str) -> str:
    out = ["# yaml-language-server: $schema=directory.schema.json",
           f"# Annuaire importé des données ouvertes ({source}) par python -m bot import.",
           "# Les entrées qui portent « ref » sont mises à jour par un nouvel import ; ajoutez les vôtres",
           "# à la main (sans « ref ») : un import n'y touchera pas. Vérifiez : python -m bot check",
           f"territoire: {scalar(territory)}", "pays: FR", ""]
    if batch.communes:
        out.append("communes:    # quand un habitant donne son code postal ou sa commune (centre des lieux importés)")
        for key, (name, points) in sorted(batch.communes.items()):
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            out.append(f"  - {{nom: {scalar(name)}, code_postal: \"{key[:5]}\", latitude: {lat:.5f}, longitude: {lon:.5f}}}")
        out.append("")
    out.append("lieux:")
    text = "\n".join(out) + "\n" + "".join(entry_text(p) for p in batch.places)
    return text


@dataclass
class Merge:
    text: str
    added: int
    updated: int
    unchanged: int
    gone: list[str]  # imported earlier, absent from this file: to check by hand


def merge(existing: str, path: Path, batch: Batch, source_name: str) -> Merge:
    """Replace the entries whose `ref` an import finds again, append the new ones; keep the rest."""
    data, problems = load_yaml(path, existing)
    if problems:
        raise DirectoryError(problems)
    if not isinstance(data, Mapping):
        raise DirectoryError([Problem(str(path), 1, "ce fichier n'est pas un annuaire (« territoire: », « lieux: »)")])
    lines = existing.splitlines(keepends=True)
    raw = data.get("lieux")
    entries = raw if isinstance(raw, Sequence) else Sequence()
    spans = _entry_spans(data, entries, lines)
    by_ref = {str(e.get("ref")): (i, e) for i, e in enumerate(entries) if isinstance(e, Mapping) and e.get("ref")}
    taken = {str(e.get("id")) for e in entries if isinstance(e, Mapping)}
    replace: dict[int, str] = {}
    appended: list[str] = []
    updated = unchanged = 0
    seen = set()
    for place in batch.places:
        seen.add(place.ref)
        if place.ref in by_ref:
            i, old = by_ref[place.ref]
            new = entry_text(place, ident=str(old.get("id")))  # the id stays: links and QR codes use it
            start, end = spans[i]
            if "".join(lines[start:end]) == new:
                unchanged += 1
            else:
                replace[i] = new
                updated += 1
        else:
            ident = place.id
            n = 2
            while ident in taken:
                ident = f"{place.id[:56]}-{n}"
                n += 1
            taken.add(ident)
            appended.append(entry_text(place, ident))
    gone = sorted(str(e.get("id")) for ref, (_, e) in by_ref.items()
                  if ref.startswith(source_name + ":") and ref not in seen)
    out: list[str] = []
    cursor = 0
    for i, (start, end) in enumerate(spans):
        out += lines[cursor:start]
        out.append(replace[i] if i in replace else "".join(lines[start:end]))
        cursor = end
    if spans:
        out += appended
        out += lines[cursor:]
    else:
        out += lines[cursor:]
        if not existing.endswith("\n") and existing:
            out.append("\n")
        out.append("lieux:\n" if "lieux" not in data else "")
        out += appended
    return Merge("".join(out), len(appended), updated, unchanged, gone)


def _entry_spans(data: Mapping, entries: Sequence, lines: list[str]) -> list[tuple[int, int]]:
    """Each entry's lines, [start, end) counted from 0, trailing blank and comment lines excluded."""
    starts = [line - 1 for line in entries.item_lines]
    lieux = data.key_lines.get("lieux", 0)
    block_end = min((line - 1 for line in data.key_lines.values() if line > lieux), default=len(lines))
    spans = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else block_end
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        spans.append((start, end))
    return spans


def check_text(text: str, path: Path) -> list[Problem]:
    """The warnings of a generated directory; raises DirectoryError if it would not load."""
    data, problems = load_yaml(path, text)
    if problems:
        raise DirectoryError(problems)
    return build_directory(data, path, coverage=False)[1]


def diff(old: str, new: str, path: Path) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"{path} (actuel)", tofile=f"{path} (après import)"))
