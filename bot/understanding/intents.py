"""Read intents/*.yaml: one file per need or conversation intent, edited by admins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.data.yamlfile import Checker, Mapping, line_of, load_yaml, suggest
from bot.errors import IntentsError, Problem
from bot.places.needs import ALL_INTENT_IDS
from bot.understanding.normalize import content, normalize, tokens

KEYS = ("id", "libelle", "alias", "mots_cles", "exemples")


@dataclass(frozen=True)
class Intent:
    id: str
    libelle: str
    alias: tuple[str, ...]
    mots_cles: tuple[str, ...]
    exemples: tuple[str, ...]


def load_intents(folder: Path) -> tuple[dict[str, Intent], list[Problem]]:
    """All intents of a folder; raises IntentsError listing every error."""
    if not folder.is_dir():
        raise IntentsError([Problem(str(folder), 0, "dossier d'intentions introuvable")])
    problems: list[Problem] = []
    intents: dict[str, Intent] = {}
    where: dict[str, str] = {}
    # Who claimed a phrasing first: the same words in two intents make the bot guess.
    claimed: dict[str, tuple[str, str, int]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data, errs = load_yaml(path)
        if errs:
            problems.extend(errs)
            continue
        c = Checker(path)
        if not isinstance(data, Mapping):
            c.error(1, "une intention commence par « id: ... » puis « libelle: ... »")
            problems.extend(c.problems)
            continue
        c.keys(data, KEYS, ("id", "libelle"), "l'intention")
        ident = data.get("id")
        if ident is not None and str(ident) not in ALL_INTENT_IDS:
            c.error(data.line_of("id"), f"intention inconnue « {ident} »{suggest(str(ident), ALL_INTENT_IDS)} (ids possibles : {', '.join(ALL_INTENT_IDS)})")
        elif ident is not None and str(ident) in where:
            c.error(data.line_of("id"), f"l'intention « {ident} » est déjà définie dans {where[str(ident)]}")
        lists: dict[str, list[str]] = {}
        for key in ("alias", "mots_cles", "exemples"):
            raw = data.get(key) or []
            if isinstance(raw, str):
                raw = [raw]
            if not isinstance(raw, list):
                c.error(data.line_of(key), f"« {key} » doit être une liste : [a, b] ou une ligne « - ... » par élément")
                raw = []
            items: list[str] = []
            for i, item in enumerate(raw):
                text = str(item).strip() if item is not None else ""
                line = line_of(raw, i) or data.line_of(key)
                if not normalize(text):
                    c.error(line, f"élément vide dans « {key} » : supprimez la ligne ou écrivez un mot")
                    continue
                items.append(text)
                if key != "mots_cles" and ident is not None:
                    norm = normalize(text)
                    other = claimed.get(norm)
                    if other and other[0] != str(ident):
                        c.error(line, f"« {text} » est aussi dans l'intention « {other[0]} » ({other[1]}:{other[2]}) : gardez-la dans une seule")
                    else:
                        claimed[norm] = (str(ident), str(path), line)
            lists[key] = items
        if ident is not None and not (lists["alias"] or lists["mots_cles"] or lists["exemples"]):
            c.error(data.line, f"l'intention « {ident} » est vide : ajoutez des alias, des mots_cles ou des exemples")
        if ident is not None and not any(content(tokens(x)) or x for x in lists["alias"] + lists["mots_cles"] + lists["exemples"]):
            c.error(data.line, f"l'intention « {ident} » n'a aucun mot utile")
        problems.extend(c.problems)
        if not c.errors and ident is not None:
            where[str(ident)] = str(path)
            intents[str(ident)] = Intent(str(ident), str(data.get("libelle")), tuple(lists["alias"]),
                                         tuple(lists["mots_cles"]), tuple(lists["exemples"]))
    if not intents and not problems:
        problems.append(Problem(str(folder), 0, "aucune intention trouvée (fichiers *.yaml)"))
    if any(not p.warning for p in problems):
        raise IntentsError(problems)
    return intents, problems


@dataclass(frozen=True)
class Phrase:
    """A labelled training phrase: what residents write, in which language."""

    label: str  # an intent id, or "-" for out of scope
    lang: str
    text: str


LANGUAGES = ("fr", "en", "ar", "darija")
PHRASES = "phrases.tsv"


def load_phrases(folder: Path) -> tuple[list[Phrase], list[Problem]]:
    """intents/phrases.tsv: `label<TAB>language<TAB>text` lines; raises IntentsError on mistakes."""
    path = folder / PHRASES
    if not path.is_file():
        return [], []
    return read_phrases(path), []


def read_phrases(path: Path) -> list[Phrase]:
    """A phrase bank file, wherever it is (an older copy to compare with); raises IntentsError."""
    phrases: list[Phrase] = []
    problems: list[Problem] = []
    shape = "une ligne s'écrit « intention<TAB>langue<TAB>phrase » (trois colonnes séparées par une tabulation)"
    for n, (label, lang, text) in tsv_lines(path, 3, shape, problems):
        if label != "-" and label not in ALL_INTENT_IDS:
            problems.append(Problem(str(path), n, f"intention inconnue « {label} »{suggest(label, ALL_INTENT_IDS)} (ou « - » pour hors sujet)"))
        elif lang not in LANGUAGES:
            problems.append(Problem(str(path), n, f"langue inconnue « {lang} » : écrivez {', '.join(LANGUAGES)}"))
        else:
            phrases.append(Phrase(label, lang, text))
    if problems:
        raise IntentsError(problems)
    return phrases


def tsv_lines(path: Path, columns: int, shape: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """The numbered data lines of a tab-separated list an admin edits (blank lines and « # »
    comments skipped), their columns stripped. A line without `columns` columns, or whose last
    column is empty, goes to `problems`, told how a line is written (`shape`)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns or not parts[-1].strip():
            problems.append(Problem(str(path), n, shape))
            continue
        yield n, [p.strip() for p in parts]
