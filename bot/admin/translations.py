"""`python -m bot translations`: what each catalogue lacks; `--update` refreshes the files.

The template `locales/bot.pot` lists every message the code marks; each language's `bot.po`
keeps its translations, gains the new messages (empty, to translate) and marks as obsolete the
ones the code no longer uses. Standard gettext files: any PO editor (Poedit, Weblate) opens them.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.conversation.i18n import DEFAULT, LANGUAGES, LOCALES, Message, extract_messages, missing_messages

PROJECT = "orientation-bot"


def template(messages: dict[str, Message]) -> Catalog:
    pot = Catalog(project=PROJECT, fuzzy=False)
    for text, m in messages.items():
        file, line = m.where.rsplit(":", 1)
        pot.add(text, locations=[(file, int(line))], flags=("python-brace-format",) if "{" in text else ())
    return pot


def update_catalogues(locales: Path = LOCALES) -> list[Path]:
    """Write bot.pot and bring every language's bot.po up to date with the code."""
    pot = template(extract_messages())
    written = [locales / "bot.pot"]
    locales.mkdir(parents=True, exist_ok=True)
    with (locales / "bot.pot").open("wb") as f:
        write_po(f, pot, width=100, omit_header=False)
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = locales / lang / "LC_MESSAGES" / "bot.po"
        if path.is_file():
            with path.open("rb") as f:
                po = read_po(f, locale=lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            po = Catalog(locale=lang, project=PROJECT, fuzzy=False)
        po.update(pot, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, po, width=100, include_previous=False)
        written.append(path)
    return written


def run_translations(update: bool) -> int:
    if update:
        for path in update_catalogues():
            print(f"écrit : {path}")
    problems = [p for lang in LANGUAGES if lang != DEFAULT for p in missing_messages(lang)]
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} message(s) à traduire ou corriger dans {LOCALES}/<langue>/LC_MESSAGES/bot.po")
        return 1
    print(f"OK : les catalogues {', '.join(x for x in LANGUAGES if x != DEFAULT)} sont complets.")
    return 0
