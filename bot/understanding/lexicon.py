"""The lexicon: aliases and keywords of the intents files, with typo tolerance.

One of the two sources of evidence the matcher combines (see matcher.py); on its own it was the
whole matcher until the classifier came. How a message is scored, in order:
1. Aliases (acronyms, slang, set phrases) are looked up exactly on the normalised words,
   longest first: "titre de sejour" before "sejour". Tokens of 3 letters or fewer are only ever
   matched this way — fuzzy matching "rsa" finds it inside "carsat".
2. Each remaining content word is compared with the intents' vocabulary: exactly, by prefix
   ("alloc" → "allocation"), then by `fuzz.ratio` for typos ("retrete" → "retraite").
   A word shared by several intents counts less in each (divided by the square root of how many).
3. An intent's evidence is the sum over words of its best contribution, squashed to 0–100.

Thresholds, from the French evaluation set of the time (now tests/understanding/dev.tsv):
- fuzz.ratio ≥ 80 for a typo: 75 let "score" match "scolaire"-like pairs.
Then, on the cross-validation of the phrase bank (benchmarks/eval_intents.py --crossval), once the
classifier carried most of the generalising: typos at ≥ 85 counting 0.75, prefixes of 5 letters or
more counting 0.7 (were ≥ 80 / 0.9 and 4 letters / 0.9): French out of scope left alone 85.2 % →
87.9 % at equal in-scope accuracy ("il fait chaud" no longer finds "chauffage", "la lune" no
longer "lunettes"); "retrète" still finds "retraite" (ratio 93).
- `decide` (accept at ≥ 50 with a lead of ≥ 15) is the lexicon alone; the matcher now decides
  on the combined score instead.
token_set_ratio over whole phrasings was tried first: slower (≈ 0.3 ms against the shipped
phrasings) and no more accurate than word-level scoring once aliases do the slang.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.places.needs import ERASE, GREETING, HELP, NEEDS, OUT_OF_SCOPE, THANKS
from bot.understanding.intents import Intent
from bot.understanding.normalize import (
    STOPWORDS,
    arabic_persons,
    arabic_stem,
    arabic_tied,
    content,
    darija_article,
    is_arabic,
    tokens,
)

ACCEPT = 62.0  # score to answer without asking (one exact keyword is enough)
RATIO = 1.3  # the best intent's evidence must exceed the runner-up's by this factor
FLOOR = 30.0  # below: nothing recognised
SIGNAL = 60.0  # evidence from which the classifier is told the lexicon is sure ("K=…")
TYPO_CUTOFF = 85.0
TYPO_CUTOFF_SHORT = 88.0  # words of 5 letters or fewer: one substitution is too loose ("jouer"/"bjour")
TYPO_SIM = 0.75  # a typo's match counts for less than the word itself
PREFIX_MIN = 5  # "alloc" → "allocation"; "lune" must not find "lunettes"
PREFIX_SIM = 0.7
STEM = 6  # words sharing this many first letters are taken as the same word's forms
STEM_SIM = 0.95  # « شغلي » is « شغل » with a pronoun; « إقامتي » is « إقامة »
GLUED_SIM = 0.9  # « lcaf » is « caf » with Darija's article glued on
PERSON_SIM = 0.9  # « اشتغل » (I work) is « نشتغل » (Darija's I work) in another person
MAX_WORDS = 40  # a 5,000-character message is judged on its first words

ALIAS_WEIGHT = 1.0
ALIAS_BONUS = 0.25  # per extra word: "avis de non imposition" says more than "caf"
KEYWORD_WEIGHT = 0.7
PART_WEIGHT = 0.4  # a word of a longer alias or keyword, or of an example phrasing
SQUASH = 1.6

SMALL_TALK = frozenset({GREETING, THANKS, HELP, ERASE})
EXPLICIT_WORDS = frozenset({"parler", "humain", "mediateur", "mediatrice", "conseiller", "human", "talk",
                            "speak", "person"})


@dataclass(frozen=True)
class Match:
    """What a message is about: `need` is set only when the bot is sure enough."""

    need: str | None
    score: float
    candidates: tuple[tuple[str, float], ...] = ()
    out_of_scope: bool = False  # recognised as something the bot does not do (hors_sujet)
    lang: str | None = None  # fr, en, ar, darija; None when too short to tell


class Lexicon:
    def __init__(self, intents: dict[str, Intent]) -> None:
        self.intents = intents
        self.aliases: dict[tuple[str, ...], set[str]] = defaultdict(set)
        raw: dict[str, dict[str, float]] = defaultdict(dict)

        def add(word: str, intent: str, weight: float) -> None:
            if len(word) < 2 or word in STOPWORDS or word.isdigit():
                return
            raw[word][intent] = max(raw[word].get(intent, 0.0), weight)
            stem = arabic_stem(word)  # "الشغل" and "شغلي" find "شغل"
            if stem is not None:
                raw[stem][intent] = max(raw[stem].get(intent, 0.0), weight)

        for intent in intents.values():
            # Single words weigh fully; words of a set phrase only partly ("cher" in
            # "ordinateur pas cher" says little on its own), but the phrase matches whole.
            for entry, weight in [(a, ALIAS_WEIGHT) for a in intent.alias] + [
                    (k, KEYWORD_WEIGHT) for k in intent.mots_cles]:
                words = tuple(tokens(entry))
                if words and (len(words) > 1 or weight == ALIAS_WEIGHT):
                    self.aliases[words].add(intent.id)
                for w in content(list(words)):
                    add(w, intent.id, weight if len(words) == 1 else PART_WEIGHT)
            for example in intent.exemples:
                for w in content(tokens(example)):
                    add(w, intent.id, PART_WEIGHT)
        self.max_alias = max((len(k) for k in self.aliases), default=1)
        by_intent: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for words, ids in self.aliases.items():
            for i in ids:
                by_intent[i].add(words)
        self.aliases_of = {i: frozenset(a) for i, a in by_intent.items()}
        # Phrasings that say an intent outright even beside another one ("parler à quelqu'un,
        # la caf m'a coupé…"): aliases of three words or more, or holding a word that cannot be
        # about anything else. "une personne" alone is not enough ("je suis une personne âgée").
        self.explicit: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for intent in intents.values():
            for alias in intent.alias:
                words = tuple(tokens(alias))
                if len(words) >= 3 or (len(words) >= 2 and set(words) & EXPLICIT_WORDS):
                    self.explicit[intent.id].add(words)
        # A word shared by several intents counts less in each, by its share of the weight.
        self.vocab: dict[str, dict[str, float]] = {
            w: {i: wt * math.sqrt(wt / sum(per.values())) for i, wt in per.items()}
            for w, per in raw.items()
        }
        self.words = sorted(self.vocab)
        # Fuzzy targets: words long enough that a typo is told from another word.
        self.long_words = [w for w in self.words if len(w) >= 4]
        self._similar = lru_cache(maxsize=8192)(self._similar_uncached)

    def label(self, intent_id: str) -> str:
        intent = self.intents.get(intent_id)
        if intent:
            return intent.libelle
        need = NEEDS.get(intent_id)
        return need.label if need else intent_id

    def mentions(self, intent: str, text: str) -> bool:
        """Whether the message says this intent outright, whatever else it says."""
        words = tokens(text)[: MAX_WORDS * 3]
        return len(self._strip(intent, words)) < len(words)

    def without(self, intent: str, text: str) -> str:
        """The message's words without those of this intent, once it is known to be asked: its
        outright phrasings, its other aliases, and the words that belong to it alone (« i need
        someone to help me with my taxes » is about taxes besides « someone »)."""
        words = self._strip(intent, tokens(text)[: MAX_WORDS * 3])
        words = _remove(words, self.aliases_of.get(intent, frozenset()))
        return " ".join(w for w in words if set(self.vocab.get(w, ())) != {intent})

    def _strip(self, intent: str, words: list[str]) -> list[str]:
        return _remove(words, self.explicit.get(intent, set()))

    def signals(self, text: str, scores: dict[str, float]) -> list[str]:
        """What the lexicon found, as classifier features: the intents one of whose aliases is in
        the message ("A=caf"), and those with strong evidence ("K=emploi"). Trained on, they let
        the classifier learn how decisive a name like « caf » is beside other words."""
        words = tokens(text)[: MAX_WORDS * 3]
        found: set[str] = set()
        for size in range(1, self.max_alias + 1):
            for i in range(len(words) - size + 1):
                found |= self.aliases.get(tuple(words[i:i + size]), set())
        return [f"A={i}" for i in sorted(found)] + [f"K={i}" for i, s in sorted(scores.items()) if s >= SIGNAL]

    def scores(self, text: str) -> dict[str, float]:
        """Each intent's evidence in the message, squashed to 0–100."""
        return {i: 100 * (1 - math.exp(-SQUASH * e)) for i, e in self.evidence(text).items() if e > 0}

    def evidence(self, text: str) -> dict[str, float]:
        words = tokens(text)[: MAX_WORDS * 3]
        evidence: dict[str, float] = defaultdict(float)
        used = [False] * len(words)
        i = 0
        while i < len(words):
            for size in range(min(self.max_alias, len(words) - i), 0, -1):
                hit = self.aliases.get(tuple(words[i : i + size]))
                if hit:
                    weight = min(ALIAS_WEIGHT + ALIAS_BONUS * (size - 1), 1.75)
                    for intent in hit:
                        evidence[intent] += weight / math.sqrt(len(hit))
                    for k in range(i, i + size):
                        used[k] = True
                    i += size
                    break
            else:
                i += 1
        rest = content([w for w, u in zip(words, used, strict=True) if not u])[:MAX_WORDS]
        for word in rest:
            best: dict[str, float] = {}
            for similar, sim in self._similar(word):
                for intent, weight in self.vocab[similar].items():
                    best[intent] = max(best.get(intent, 0.0), weight * sim)
            for intent, value in best.items():
                evidence[intent] += value
        return evidence

    def _similar_uncached(self, word: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words close to `word`, with a similarity from 0 to 1."""
        found: dict[str, float] = {word: 1.0} if word in self.vocab else {}
        stem = arabic_stem(word)
        if stem is not None and stem in self.vocab:
            found.setdefault(stem, STEM_SIM)
        glued = darija_article(word)
        if glued is not None and glued in self.vocab:
            found.setdefault(glued, GLUED_SIM)
        for other in arabic_persons(word):
            if other in self.vocab:
                found.setdefault(other, PERSON_SIM)
        tied = arabic_tied(word)
        if tied is not None and tied in self.vocab:
            found.setdefault(tied, STEM_SIM)
        if len(word) <= 3 or (is_arabic(word) and len(stem or word) <= 4):
            # Short Arabic words differ by one letter in meaning, not by typo: "الجامع" (the
            # mosque) is not "الجامعة" (the university), cut short or misspelt.
            return tuple(found.items())

        def keep(w: str, sim: float) -> None:
            found[w] = max(found.get(w, 0.0), sim)

        # Prefix: residents cut words short ("alloc", "inscri").
        start = bisect.bisect_left(self.words, word)
        for w in self.words[start : start + 6] if len(word) >= PREFIX_MIN else ():
            if w.startswith(word):
                keep(w, PREFIX_SIM)
        # Same stem, other ending: "agresser" / "agression".
        if len(word) >= STEM + 1:
            stem = word[:STEM]
            start = bisect.bisect_left(self.words, stem)
            for w in self.words[start : start + 6]:
                if w.startswith(stem) and len(w) >= STEM + 1:
                    keep(w, 0.8)
        if word in self.vocab:
            return tuple(found.items())  # a known word is no typo: only its other forms count
        cutoff = TYPO_CUTOFF_SHORT if len(word) <= 5 else TYPO_CUTOFF
        for w, score, _ in process.extract(word, self.long_words, scorer=fuzz.ratio,
                                           score_cutoff=cutoff, limit=4):
            keep(w, TYPO_SIM * score / 100)
        return tuple(found.items())

    @staticmethod
    def _decide(evidence: dict[str, float]) -> Match:
        def squash(e: float) -> float:
            return 100 * (1 - math.exp(-SQUASH * e))

        primary = {i: e for i, e in evidence.items() if i not in SMALL_TALK and e > 0}
        # Small talk counts only when nothing else does: "bonjour, la caf…" is about the CAF.
        pool = primary if any(squash(e) >= FLOOR for e in primary.values()) else {
            i: e for i, e in evidence.items() if e > 0}
        ranked = sorted(pool.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or squash(ranked[0][1]) < FLOOR:
            return Match(None, round(squash(ranked[0][1]), 1) if ranked else 0.0, ())
        best, top = ranked[0]
        if best == OUT_OF_SCOPE:
            return Match(None, 0.0, (), out_of_scope=True)
        ranked = [(i, e) for i, e in ranked if i != OUT_OF_SCOPE]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        candidates = tuple((i, round(squash(e), 1)) for i, e in ranked[:3] if squash(e) >= FLOOR)
        if squash(top) >= ACCEPT and top >= RATIO * runner:
            return Match(best, round(squash(top), 1), candidates)
        return Match(None, round(squash(top), 1), candidates)


def _remove(words: list[str], phrases: AbstractSet[tuple[str, ...]]) -> list[str]:
    """The words without the phrases they hold, the longest phrases taken out first."""
    words = list(words)
    for n in sorted({len(p) for p in phrases}, reverse=True):
        i = 0
        while i <= len(words) - n:
            if tuple(words[i:i + n]) in phrases:
                del words[i:i + n]
            else:
                i += 1
    return words
