"""Is the person in danger? Recognised before anything else, in every language the bot speaks.

A person who writes that they are beaten, want to die, sleep outside tonight, have nothing to
eat, see a child in danger or a medical emergency gets the emergency numbers first. Rules (one
module of patterns per category, assembled in rules.py), not a statistical model: each one is
written from how people say it (typos and SMS spellings included, through the normaliser and a
small typo corrector) and each has its look-alikes in intents/danger.tsv ("mourir de rire", "ma batterie est morte", "il a
frappé à la porte"). A missed emergency costs far more than a needless list of numbers, but
numbers shown at every "ça me tue ces papiers" would teach people to ignore them: both are
measured (benchmarks/eval_danger.py). Behind the rules stands a learnt second opinion (learned.py),
asked by the conversation when the rules say nothing: its numbers come as a condition, never
instead of the usual answer.

Categories, most urgent first: medical, suicide, violence, child, shelter, food.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.understanding.danger.rules import ADULT_HIT, CHILD_HITS_ME, EXCEPT, KID_IN_DANGER, RULES, SELF_KILL
from bot.understanding.danger.words import CATEGORIES, CHILD, FOOD, MEDICAL, SHELTER, SUICIDE, VIOLENCE
from bot.understanding.normalize import tokens

__all__ = ["CATEGORIES", "CHILD", "FOOD", "MEDICAL", "SHELTER", "SUICIDE", "VIOLENCE", "detect", "prepare"]

MAX_CHARS = 1000

# Words worth correcting when mistyped ("frape", "sucide", "mourrir", "violance"). Only words of
# 5 letters or more are corrected, and only towards these: a typo of a common word stays itself.
_LEXICON = (
    "frappe", "frapper", "frappee", "suicide", "suicider", "suicidaire", "mourir", "violence",
    "violent", "violente", "agresser", "agressee", "agression", "maltraite", "maltraitance",
    "inconscient", "inconsciente", "respire", "respirer", "tabasse", "menace", "etrangle",
    "sequestre", "hebergement", "manger", "dehor", "cardiaque", "evanoui", "overdose",
    "battue", "cogne", "giflee", "enfant", "urgence",
)
_COMMON = frozenset("""
mange mangez manges mangent frappe porte perdre pendre prendre plus moins monter montre rendre
respect maltraite mourante mairie manque menage menu mesure mourant vivre violet violette
""".split())
_TYPO_CUTOFF = 85.0


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    if len(word) < 5 or word in _COMMON or not word.isascii():
        return word
    found = process.extractOne(word, _LEXICON, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF)
    return found[0] if found else word


def prepare(text: str) -> str:
    """The message as the rules read it: normalised words, common typos of key words corrected."""
    return " ".join(_correct(w) for w in tokens(text[:MAX_CHARS]))


def detect(text: str) -> tuple[str, ...]:
    """The kinds of danger the message speaks of, most urgent first (none: an empty tuple)."""
    norm = prepare(text)
    if not norm:
        return ()
    found = []
    for category in CATEGORIES:
        m = RULES[category].search(norm)
        if m is None:
            continue
        if category in EXCEPT and EXCEPT[category].search(norm) and not _other_hit(category, norm):
            continue
        if category == VIOLENCE and _only_self_kill(norm):
            continue  # "je vais me tuer" is said about oneself: the suicide rule answers it
        found.append(category)
    if CHILD in found and VIOLENCE in found and not _adult_victim(norm):
        found.remove(VIOLENCE)  # "il frappe mes enfants": the child line, with the police numbers
    if CHILD in found and VIOLENCE in found and not RULES[CHILD].search(CHILD_HITS_ME.sub(" ", norm)):
        found.remove(CHILD)
    return tuple(found)


def _other_hit(category: str, norm: str) -> bool:
    """Whether the category still matches once the excused phrases are taken out."""
    rest = EXCEPT[category].sub(" ", norm)
    return bool(RULES[category].search(rest))


def _only_self_kill(norm: str) -> bool:
    rest = SELF_KILL.sub(" ", norm)
    return not RULES[VIOLENCE].search(rest)


def _adult_victim(norm: str) -> bool:
    return bool(ADULT_HIT.search(norm)) and not KID_IN_DANGER.search(norm)
