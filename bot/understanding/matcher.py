"""Find which need (or conversation intent) a message is about, and in which language it is written.

Two sources of evidence, combined:
- the lexicon (lexicon.py): aliases and keywords of intents/*.yaml in four languages, with typo
  tolerance and Arabic words found without their glued article or pronoun. Decisive when it finds
  a word: « je cherche un travail », « الكاف », « khdma ».
- a classifier (classifier.py): logistic regression over words, word pairs and pieces of words,
  trained on every alias, keyword and example of intents/ and on intents/phrases.tsv, with
  out-of-scope phrasings as a class of their own. It also sees what the lexicon found ("an alias
  of caf is here", "strong evidence for emploi"), so it learns how decisive « caf » is beside
  « lettre » or « compte »; pieces of a message it never saw dilute the ones it knows, so one
  known piece does not carry a message made of unknown words.

Each intent gets ALPHA × lexicon score (0–1) + (1 − ALPHA) × classifier probability, the lexicon's
score weighed by the classifier's probability that the message is in scope at all unless the
message names the intent (one of its aliases); out-of-scope
(the class "-" and the hors_sujet intent) competes like any other. The best is taken when it
reaches ACCEPT and leads the runner-up by RATIO; from CANDIDATE up the best ones are offered as
buttons; below, nothing is claimed. Small talk (bonjour, merci, aide) counts only when no need has
evidence: « bonjour, la caf… » is about the CAF. Out of scope is said only of a message with a word
the bot knows (« blablabla zorglub » is "not understood"), and a message of function words only
(« je sais pas ») is claimed by nothing.

How it was chosen, and every measure since (methods compared, changes kept and rejected, each
look at the test split): matcher.md, beside this file. In short: the weighted sum beat the lexicon
alone and the classifier alone on dev; since dev stopped telling methods apart, every choice is
made on `benchmarks/eval_intents.py --crossval` (five folds of the phrase bank, four training
seeds) and checked on splits written afterwards and measured once (fresh to fresh5). A
sentence-embedding model shipped in a wheel (wordllama) was tried and rejected: it knows no Arabic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.places.needs import BUS, ERASE, GREETING, HELP, OUT_OF_SCOPE, THANKS
from bot.understanding.classifier import OUT, SEED, Classifier, fingerprint, fit
from bot.understanding.danger.learned import DangerModel, Phrasing, load_dangers
from bot.understanding.danger.learned import training_examples as danger_examples
from bot.understanding.features import features
from bot.understanding.intents import Intent, Phrase, load_intents, load_phrases
from bot.understanding.language import LanguageDetector
from bot.understanding.lexicon import Lexicon, Match
from bot.understanding.normalize import content, tokens

logger = logging.getLogger(__name__)

ALPHA = 0.4  # weight of the lexicon against the classifier
ACCEPT = 0.45  # combined score to answer without asking
RATIO = 1.2  # the best must lead the runner-up by this factor
CANDIDATE = 0.20  # combined score to be offered as a button when unsure
SMALL_TALK = frozenset({GREETING, THANKS, HELP, ERASE})
# Words that ask for help without saying with what: a message made only of them is never
# answered outright, whatever the classifier leans to; the likely needs are offered as buttons.
# « j'ai reçu un courrier, je comprends rien » says neither who wrote nor about what: it was La
# Poste, confidently (five-fold cross-validation: 2 of 3,854 in-scope phrasings now offered as
# buttons instead, « mon courrier n'arrive plus » among them).
VAGUE = frozenset({"aide", "aider", "dossier", "dossiers", "probleme", "problemes", "question", "questions",
                   "demande", "demandes", "renseignement", "renseignements", "info", "infos", "information",
                   "besoin", "urgent", "help", "problem", "issue", "file", "مشكل", "مشكله", "مساعده",
                   "mochkil", "mouchkil", "3awnni", "courrier", "lettre", "letter", "recu", "received", "got",
                   "رساله", "bra", "lire", "read", "comprendre", "comprend", "understand"})
# A bus named by its line number is a city bus, not the services' bus the bot knows of: « le bus
# 21 passe quand » was answered with the digital-services bus's stops (five-fold cross-validation:
# 4 of the bank's 9 numbered lines claimed so).
LINE_WORDS = frozenset({"bus", "autobus", "ligne", "line", "tram", "tramway", "tobi", "lbus", "lkar",
                        "طوبيس", "الطوبيس", "حافله", "الحافله", "باص", "الباص", "كار", "الكار", "خط"})
NUMBER_WORDS = frozenset({"n", "no", "num", "numero", "number", "رقم"})
LINE_NUMBER = re.compile(r"\d{1,3}[a-gi-z]?")  # not « 14h »: « le bus 14h » is a time
SMALL_TALK_FLOOR = 30.0  # lexicon score from which a need silences small talk


class Matcher:
    def __init__(self, intents: dict[str, Intent], phrases: Sequence[Phrase] = (), *,
                 dangers: Sequence[Phrasing] = (), cache: Path | None = None, seed: int = SEED) -> None:
        self.intents = intents
        self.lexicon = Lexicon(intents)
        examples = training_examples(intents, phrases)
        self.classifier = _trained(examples, self.features, cache, seed)
        self.languages = LanguageDetector((p.lang, p.text) for p in phrases)
        self.danger: DangerModel | None = None
        if dangers:  # everything the matcher learns from is, for this model, a message without danger
            second = _trained(danger_examples(dangers, [text for _, text in examples]), features, cache, seed,
                              kind="danger")
            self.danger = DangerModel(lambda text: second.probabilities(features(text)))

    def possible_danger(self, text: str) -> str | None:
        """The kind of danger a message likely speaks of, for one the rules (danger.detect) left
        alone: its numbers are added, as a condition, to the usual answer."""
        return self.danger.likely(text) if self.danger is not None else None

    @property
    def vocab(self) -> dict[str, dict[str, float]]:
        return self.lexicon.vocab

    @property
    def known_words(self) -> KnownWords:
        """Every word of the intents and of the phrase bank (normalised)."""
        return KnownWords(self)

    @property
    def words(self) -> list[str]:
        return self.lexicon.words

    def label(self, intent_id: str) -> str:
        return self.lexicon.label(intent_id)

    def mentions(self, intent: str, text: str) -> bool:
        return self.lexicon.mentions(intent, text)

    def besides(self, intent: str, text: str) -> Match:
        """What the message is about once the words saying `intent` outright are taken out:
        « parler à quelqu'un pour la caf » is about the CAF besides asking for a person."""
        return self.match(self.lexicon.without(intent, text))

    def features(self, text: str, scores: dict[str, float] | None = None) -> list[str]:
        """What the classifier sees: words and pieces of words, and what the lexicon found."""
        if scores is None:
            scores = self.lexicon.scores(text)
        return features(text) + self.lexicon.signals(text, scores)

    def match(self, text: str) -> Match:
        lang = self.languages.detect(text)
        lexical = self.lexicon.scores(text)
        found = self.features(text, lexical)
        probs = self.classifier.probabilities(found)
        words = set(content(tokens(text)))
        if not lexical and not words:
            probs = {}  # "je sais pas", "c'est ça": no word to go on, whatever phrasings held them
        if any(s >= SMALL_TALK_FLOOR for i, s in lexical.items() if i not in SMALL_TALK and i != OUT_OF_SCOPE):
            lexical = {i: s for i, s in lexical.items() if i not in SMALL_TALK}
        if OUT_OF_SCOPE in lexical:
            lexical[OUT] = lexical.pop(OUT_OF_SCOPE)
        # A need's name (an alias: « caf », « pôle emploi », « le bus ») counts in full. Its other
        # words are found whatever their sense, so they count as much as the classifier, which
        # reads the words around them, believes the message is in scope at all: « travail » weighs
        # less in « un travail de groupe en maths » than in « je cherche un travail ».
        in_scope = 1.0 - probs.get(OUT, 0.0)
        named = {f[2:] for f in found if f.startswith("A=")} | {OUT}
        combined = {k: ALPHA * lexical.get(k, 0.0) / 100 * (1.0 if k in named else in_scope)
                    + (1 - ALPHA) * probs.get(k, 0.0) for k in set(lexical) | set(probs)}
        ranked = sorted(combined.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] < CANDIDATE:
            return Match(None, round(100 * ranked[0][1], 1) if ranked else 0.0, (), lang=lang)
        best, top = ranked[0]
        if best == BUS and numbered_line(tokens(text)):
            return Match(None, 0.0, (), out_of_scope=True, lang=lang)
        if best == OUT:  # said "I can't help with that" only when sure, and of words it knows:
            # "blablabla zorglub" resembles nothing and is "I did not understand".
            known = self.classifier.knows(*(f for f in found if f.startswith("w=")))
            return Match(None, 0.0, (), out_of_scope=top >= ACCEPT and known, lang=lang)
        ranked = [(i, s) for i, s in ranked if i != OUT]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        candidates = tuple((i, round(100 * s, 1)) for i, s in ranked[:3] if s >= CANDIDATE)
        vague = bool(words) and words <= VAGUE  # "aide dossier": which help, which file?
        if top >= ACCEPT and top >= RATIO * runner and not vague:
            return Match(best, round(100 * top, 1), candidates, lang=lang)
        return Match(None, round(100 * top, 1), candidates, lang=lang)


def numbered_line(words: Sequence[str]) -> bool:
    """« bus 21 », « ligne 2a », « le bus numéro 3 », « الطوبيس رقم 3 »."""
    for i, word in enumerate(words[:-1]):
        if word in LINE_WORDS:
            rest = [w for w in words[i + 1:i + 3] if w not in NUMBER_WORDS]
            if rest and LINE_NUMBER.fullmatch(rest[0]):
                return True
    return False


@dataclass(frozen=True)
class KnownWords:
    matcher: Matcher

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.matcher.vocab or self.matcher.classifier.knows("w=" + word))


def training_examples(intents: dict[str, Intent], phrases: Sequence[Phrase]) -> list[tuple[str, str]]:
    """(label, text) pairs: every alias, keyword and example, then the phrase bank."""
    out = []
    for intent in intents.values():
        label = OUT if intent.id == OUT_OF_SCOPE else intent.id
        out += [(label, t) for t in (*intent.alias, *intent.mots_cles, *intent.exemples)]
    out += [(OUT if p.label == OUT_OF_SCOPE else p.label, p.text) for p in phrases]
    return out


def load_matcher(folder: Path, *, cache: Path | None = None) -> Matcher:
    """The matcher of an intents folder (raises IntentsError, with lines, on mistakes)."""
    intents, _ = load_intents(folder)
    phrases, _ = load_phrases(folder)
    return Matcher(intents, phrases, dangers=load_dangers(folder), cache=cache)


def _trained(examples: list[tuple[str, str]], featurize: Callable[[str], list[str]],
             cache: Path | None, seed: int, kind: str = "intents") -> Classifier:
    """Trained weights from the cache when the examples and the code are unchanged, else trained
    and kept. A cached start never computes the examples' features (≈ 25 MB for a moment)."""
    name = fingerprint(examples) + ("" if seed == SEED else f"-s{seed}")
    path = cache / f"{kind}-{name}.npz" if cache is not None else None
    if path is not None and path.is_file():
        try:
            return Classifier.load(path)
        except (OSError, ValueError, KeyError):
            logger.warning("intent classifier cache %s unreadable: training again", path.name)
    model = fit(((label, featurize(text)) for label, text in examples), seed)
    if path is not None:
        try:
            model.save(path)
        except OSError as e:
            logger.info("intent classifier cache not written (%s): next start trains again", e)
    return Classifier(model)
