"""Find which need (or conversation intent) a resident's message is about.

How a message is scored, in order:
1. Aliases (acronyms, slang, set phrases) are looked up exactly on the normalised words,
   longest first: "titre de sejour" before "sejour". Tokens of 3 letters or fewer are only ever
   matched this way — fuzzy matching "rsa" finds it inside "carsat".
2. Each remaining content word is compared with the intents' vocabulary: exactly, by prefix
   ("alloc" → "allocation"), then by `fuzz.ratio` for typos ("retrete" → "retraite").
   A word shared by several intents counts less in each (divided by the square root of how many).
3. An intent's evidence is the sum over words of its best contribution, squashed to 0–100.

Thresholds, from tests/data/eval.tsv (python benchmarks/eval_intents.py):
- fuzz.ratio ≥ 80 for a typo: 75 let "score" match "scolaire"-like pairs, 85 lost "retrète".
- accept at ≥ 50 with a lead of ≥ 15 over the runner-up; from 30 to the acceptance the top
  candidates are offered as buttons; below 30 nothing is claimed. On the evaluation set these
  gave the best in-scope accuracy while keeping out-of-scope messages unclaimed.
token_set_ratio over whole phrasings was tried first: slower (≈ 0.3 ms against the shipped
phrasings) and no more accurate than word-level scoring once aliases do the slang.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.intents import Intent
from bot.needs import ERASE, GREETING, HELP, NEEDS, THANKS
from bot.normalize import STOPWORDS, content, tokens

ACCEPT = 50.0
MARGIN = 15.0
FLOOR = 30.0
TYPO_CUTOFF = 80.0
MAX_WORDS = 40  # a 5,000-character message is judged on its first words

ALIAS_WEIGHT = 1.0
KEYWORD_WEIGHT = 0.8
EXAMPLE_WEIGHT = 0.45
SQUASH = 1.6

SMALL_TALK = frozenset({GREETING, THANKS, HELP, ERASE})


@dataclass(frozen=True)
class Match:
    """What a message is about: `need` is set only when the bot is sure enough."""

    need: str | None
    score: float
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def unsure(self) -> bool:
        return self.need is None and bool(self.candidates)


class Matcher:
    def __init__(self, intents: dict[str, Intent]) -> None:
        self.intents = intents
        self.aliases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        raw: dict[str, dict[str, float]] = defaultdict(dict)

        def add(word: str, intent: str, weight: float) -> None:
            if len(word) < 2 or word in STOPWORDS or word.isdigit():
                return
            raw[word][intent] = max(raw[word].get(intent, 0.0), weight)

        for intent in intents.values():
            for alias in intent.alias:
                words = tuple(tokens(alias))
                if words:
                    self.aliases[words].add(intent.id)
                for w in content(list(words)):
                    add(w, intent.id, ALIAS_WEIGHT if len(words) == 1 else KEYWORD_WEIGHT)
            for keyword in intent.mots_cles:
                for w in content(tokens(keyword)):
                    add(w, intent.id, KEYWORD_WEIGHT)
            for example in intent.exemples:
                for w in content(tokens(example)):
                    add(w, intent.id, EXAMPLE_WEIGHT)
        self.max_alias = max((len(k) for k in self.aliases), default=1)
        self.vocab: dict[str, dict[str, float]] = {
            w: {i: wt / math.sqrt(len(per)) for i, wt in per.items()} for w, per in raw.items()
        }
        self.words = sorted(self.vocab)
        self._similar = lru_cache(maxsize=8192)(self._similar_uncached)

    def label(self, intent_id: str) -> str:
        intent = self.intents.get(intent_id)
        if intent:
            return intent.libelle
        need = NEEDS.get(intent_id)
        return need.label if need else intent_id

    def match(self, text: str) -> Match:
        words = tokens(text)[: MAX_WORDS * 3]
        evidence: dict[str, float] = defaultdict(float)
        used = [False] * len(words)
        i = 0
        while i < len(words):
            for size in range(min(self.max_alias, len(words) - i), 0, -1):
                hit = self.aliases.get(tuple(words[i : i + size]))
                if hit:
                    for intent in hit:
                        evidence[intent] += ALIAS_WEIGHT / math.sqrt(len(hit))
                    for k in range(i, i + size):
                        used[k] = True
                    i += size
                    break
            else:
                i += 1
        rest = content([w for w, u in zip(words, used) if not u])[:MAX_WORDS]
        for word in rest:
            best: dict[str, float] = {}
            for similar, sim in self._similar(word):
                for intent, weight in self.vocab[similar].items():
                    best[intent] = max(best.get(intent, 0.0), weight * sim)
            for intent, value in best.items():
                evidence[intent] += value
        return self._decide(evidence)

    def _similar_uncached(self, word: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words close to `word`, with a similarity from 0 to 1."""
        if word in self.vocab:
            return ((word, 1.0),)
        if len(word) <= 3:
            return ()
        found: dict[str, float] = {}
        # Prefix: residents cut words short ("alloc", "inscri"); or add an ending.
        start = bisect.bisect_left(self.words, word)
        for w in self.words[start : start + 6]:
            if w.startswith(word):
                found[w] = max(found.get(w, 0.0), 0.9)
        for cut in range(len(word) - 1, 4, -1):
            if word[:cut] in self.vocab:
                found[word[:cut]] = max(found.get(word[:cut], 0.0), 0.8)
                break
        for w, score, _ in process.extract(word, self.words, scorer=fuzz.ratio,
                                           score_cutoff=TYPO_CUTOFF, limit=4):
            found[w] = max(found.get(w, 0.0), 0.9 * score / 100)
        return tuple(found.items())

    @staticmethod
    def _decide(evidence: dict[str, float]) -> Match:
        scores = {i: 100 * (1 - math.exp(-SQUASH * e)) for i, e in evidence.items() if e > 0}
        if any(s >= FLOOR for i, s in scores.items() if i not in SMALL_TALK):
            scores = {i: s for i, s in scores.items() if i not in SMALL_TALK}
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] < FLOOR:
            top = round(ranked[0][1], 1) if ranked else 0.0
            return Match(None, top, ())
        best, score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        candidates = tuple((i, round(s, 1)) for i, s in ranked[:3] if s >= FLOOR)
        if score >= ACCEPT and score - runner >= MARGIN:
            return Match(best, round(score, 1), candidates)
        return Match(None, round(score, 1), candidates)
