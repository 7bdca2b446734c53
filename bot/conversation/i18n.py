"""Interface texts by language: every sentence a resident reads goes through a translator.

The French text is the message id (gettext's convention), so the code reads as the resident
will; other languages come from gettext catalogues, `locales/<lang>/LC_MESSAGES/bot.po`, read
with Babel when the package is imported (no compiled `.mo` to forget). `{name}` placeholders are
filled after translation. Messages are marked in the code by `_("…")`, `self.button("…", …)`
and, where a text is defined before a language is known, `N_("…")`; `extract_messages` finds
them all the way Babel's extractor does, and `missing_messages` lists what a catalogue lacks
(the tests and `python -m bot check` fail on it).

Darija is read, not written: a Darija speaker chooses French or Arabic.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from bot.places.needs import N_

__all__ = ["DEFAULT", "LANGUAGES", "N_", "Translator", "extract_messages", "missing_messages", "translator"]

logger = logging.getLogger(__name__)

DEFAULT = "fr"
LANGUAGES = ("fr", "en", "ar")  # the languages the bot writes; the order of the language buttons
NAMES = {"fr": "Français", "en": "English", "ar": "العربية"}  # each in its own language
LOCALES = Path(__file__).parent / "locales"
PACKAGE = Path(__file__).parents[1]
KEYWORDS = {"_": None, "N_": None, "button": (1,)}
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
# Times and decimals as each language's readers write them: "9h30" in French, "9:30 AM" in
# English, "9:30" in Arabic (Latin digits, as in the Maghreb). A table rather than Babel's
# locale data, which would cost the serving process 7 MB for three patterns.
CLOCK = {"fr": ("{h}h", "{h}h{m:02d}"), "en": ("{h12} {ampm}", "{h12}:{m:02d} {ampm}"),
         "ar": ("{h}:00", "{h}:{m:02d}")}
DECIMAL_POINT = {"fr": ",", "en": ".", "ar": "."}


class Translator:
    """One language's catalogue; a missing or broken message falls back to the French text."""

    def __init__(self, lang: str, catalog: Mapping[str, str]) -> None:
        self.lang = lang
        self.catalog = catalog

    def __call__(self, msgid: str, /, **values: object) -> str:
        text = self.catalog.get(msgid) or msgid
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
            logger.warning("%s translation of %r has wrong placeholders: French used", self.lang, msgid[:40])
            return msgid.format(**values)

    def clock(self, t: dt.datetime | dt.time) -> str:
        """A time of day: "14h", "9h30" in French; "2 PM", "9:30 AM" in English; "14:00" in Arabic."""
        whole, minutes = CLOCK.get(self.lang, CLOCK[DEFAULT])
        return (whole if t.minute == 0 else minutes).format(
            h=t.hour, m=t.minute, h12=(t.hour - 1) % 12 + 1, ampm="AM" if t.hour < 12 else "PM")

    def decimal(self, value: float) -> str:
        """A number with at most one decimal, with the language's separator: "1,5" / "1.5"."""
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", DECIMAL_POINT.get(self.lang, DECIMAL_POINT[DEFAULT]))


def translator(lang: str | None) -> Translator:
    lang = lang if lang in LANGUAGES else DEFAULT
    return Translator(lang, catalog(lang))


@cache
def catalog(lang: str) -> Mapping[str, str]:
    """msgid → translation for one language ({} for French, whose texts are the ids)."""
    path = LOCALES / lang / "LC_MESSAGES" / "bot.po"
    if lang == DEFAULT or not path.is_file():
        return {}
    with path.open("rb") as f:
        po = read_po(f, locale=lang)
    return {m.id: m.string for m in po
            if isinstance(m.id, str) and m.id and isinstance(m.string, str) and m.string and not m.fuzzy}


# -- completeness -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Message:
    text: str
    where: str  # file:line of its first use


def extract_messages(root: Path = PACKAGE) -> dict[str, Message]:
    """Every message the code marks, with where it is first used."""
    found: dict[str, Message] = {}
    for path in sorted(root.rglob("*.py")):
        for line, text, _comments, _context in _extract(path):
            if isinstance(text, str) and text and text not in found:
                found[text] = Message(text, f"{path.relative_to(root.parent)}:{line}")
    return found


def _extract(path: Path) -> Iterator[tuple[int, object, list[str], str | None]]:
    yield from extract_from_file("python", str(path), keywords=KEYWORDS, comment_tags=())


def missing_messages(lang: str, messages: Mapping[str, Message] | None = None) -> list[str]:
    """What `lang`'s catalogue lacks or gets wrong, one line per message, with where it is used."""
    if lang == DEFAULT:
        return []  # French texts are the message ids
    messages = extract_messages() if messages is None else messages
    table = catalog(lang)
    problems = []
    for text, m in messages.items():
        translated = table.get(text)
        if not translated:
            problems.append(f"{m.where}: pas de traduction {lang} pour « {text[:60]} »")
        elif set(_PLACEHOLDER.findall(translated)) != set(_PLACEHOLDER.findall(text)):
            problems.append(f"{m.where}: la traduction {lang} de « {text[:60]} » n'a pas les mêmes "
                            f"{{champs}} que le français")
    return problems
