"""Interface texts by language: every sentence a resident reads goes through a translator.

The French text is the message id (gettext's convention), so the code reads as the resident
will; other languages come from catalogues. `{name}` placeholders are filled after translation.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT = "fr"


class Translator:
    """One language's catalogue; a missing message falls back to the French text."""

    def __init__(self, lang: str, catalog: Mapping[str, str]) -> None:
        self.lang = lang
        self.catalog = catalog

    def __call__(self, msgid: str, /, **values: object) -> str:
        text = self.catalog.get(msgid) or msgid
        return text.format(**values) if values else text


_CATALOGS: dict[str, Mapping[str, str]] = {DEFAULT: {}}


def translator(lang: str | None) -> Translator:
    lang = lang if lang in _CATALOGS else DEFAULT
    return Translator(lang, _CATALOGS[lang])
