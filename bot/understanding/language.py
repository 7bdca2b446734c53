"""Which language a message is written in: French, English, Arabic script, or Darija in Latin letters.

Arabic script is told by its letters. Among Latin-letter messages, a small naive Bayes over
letter sequences and words, trained on the labelled phrases, tells French, English and Darija
("bghit nkhdem", "ma3andich internet" — digits standing for Arabic sounds are a strong sign).
A message too short or too mixed to tell gives None: the conversation keeps its language.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from bot.understanding.normalize import fold

FR, EN, AR, DARIJA = "fr", "en", "ar", "darija"
LATIN = (FR, EN, DARIJA)
MIN_MARGIN = 2.5  # log-odds between the best language and the next, to be said sure
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[a-z]")
_DARIJA_DIGITS = re.compile(r"[a-z][379][a-z]|\b[379][a-z]|[a-z][379]\b")
_WORD = re.compile(r"[a-z0-9]+")


def _features(text: str) -> list[str]:
    folded = fold(text)
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
                counts[lang].update(_features(text))
                docs[lang] += 1
        vocab = {f for c in counts.values() for f in c}
        self.prior = {lang: math.log(docs[lang] / sum(docs.values())) for lang in docs} if docs else {}
        self.loglik: dict[str, dict[str, float]] = {}
        self.unseen: dict[str, float] = {}
        for lang, c in counts.items():
            total = sum(c.values()) + len(vocab)
            self.loglik[lang] = {f: math.log((n + 1) / total) for f, n in c.items()}
            self.unseen[lang] = math.log(1 / total)

    def detect(self, text: str) -> str | None:
        arabic, latin = len(_ARABIC.findall(text)), len(_LATIN.findall(fold(text)))
        if arabic > latin:
            return AR
        if latin < 4 or not self.loglik:
            return None
        folded = fold(text)
        feats = _features(text)
        scores = {lang: self.prior[lang] + sum(ll.get(f, self.unseen[lang]) for f in feats)
                  for lang, ll in self.loglik.items()}
        if _DARIJA_DIGITS.search(folded):
            scores[DARIJA] = scores.get(DARIJA, 0.0) + 4.0
        ranked = sorted(scores.items(), key=lambda x: -x[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MIN_MARGIN:
            return None
        return ranked[0][0]
