"""Which language a message is written in: French, English, Arabic script, or Darija in Latin letters.

Arabic script is told by its letters, even beside French words (a third of the letters). Among
Latin-letter messages, a small naive Bayes over letter sequences and words, trained on the
labelled phrases, tells French, English and Darija
("bghit nkhdem", "ma3andich internet" — digits standing for Arabic sounds are a strong sign).
A message too short or too mixed to tell gives None: the conversation keeps its language.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from bot.understanding.normalize import fold

FR, EN, AR, DARIJA = "fr", "en", "ar", "darija"
LATIN = (FR, EN, DARIJA)
MIN_MARGIN = 2.5  # log-odds between the best language and the next, to be said sure
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[a-z]")
_DARIJA_DIGITS = re.compile(r"[a-z][379][a-z]|\b[379][a-z]|[a-z][379]\b")
_WORD = re.compile(r"[a-z0-9]+")
# Greetings too short for letter statistics, but which say their language on their own: a
# conversation opened with « hi » is answered in English, « slm » gets the French/Arabic choice.
# « yo », « cc » are left out: French chat uses them as much as any other.
SHORT = {"hi": EN, "hey": EN, "hii": EN, "heya": EN, "slm": DARIJA, "bjr": FR, "slt": FR}


def _features(folded: str) -> list[str]:
    words = _WORD.findall(folded)
    feats = ["w:" + w for w in words]
    for w in words:
        padded = f" {w} "
        feats += ["c:" + padded[i:i + 3] for i in range(len(padded) - 2)]
    return feats


class LanguageDetector:
    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        """Examples of (language, text); only Latin-letter languages are learnt."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        docs: Counter[str] = Counter()
        for lang, text in examples:
            if lang in LATIN:
                counts[lang].update(_features(fold(text)))
                docs[lang] += 1
        vocab = {f for c in counts.values() for f in c}
        self.langs = tuple(counts)
        self.prior = tuple(math.log(docs[lang] / sum(docs.values())) for lang in self.langs)
        totals = [sum(counts[lang].values()) + len(vocab) for lang in self.langs]
        # One row per feature, one column per language: a message's score is a sum of rows.
        self.rows = {f: tuple(math.log((counts[lang][f] + 1) / total) for lang, total in zip(self.langs, totals))
                     for f in vocab}
        self.unseen = tuple(math.log(1 / total) for total in totals)
        # A turn asks twice for the same text (the conversation, then the matcher).
        self.detect = lru_cache(maxsize=256)(self._detect)  # type: ignore[method-assign]

    def detect(self, text: str) -> str | None:
        return self._detect(text)

    def _detect(self, text: str) -> str | None:
        folded = fold(text)
        arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(folded))
        if arabic and 2 * arabic >= latin:
            # Residents who write Arabic keep the French names of things as they are: « بغيت
            # نجدد titre de séjour ديالي » is written by an Arabic reader, so a third of the
            # letters suffices.
            return AR
        if latin < 4 or not self.langs:
            return SHORT.get(folded.strip(" !.?,"))
        totals = list(self.prior)
        for f in _features(folded):
            row = self.rows.get(f, self.unseen)
            for i, value in enumerate(row):
                totals[i] += value
        scores = dict(zip(self.langs, totals))
        if _DARIJA_DIGITS.search(folded):
            scores[DARIJA] = scores.get(DARIJA, 0.0) + 4.0
        ranked = sorted(scores.items(), key=lambda x: -x[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MIN_MARGIN:
            return None
        return ranked[0][0]
