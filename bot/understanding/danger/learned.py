"""A second opinion on danger, for the messages the rules leave alone: learnt, not written.

The rules find an emergency said as nobody has said it before about two times in three (each new
batch of messages, measured once before its rules were written). This model is trained on
intents/danger.tsv (each emergency under its first category, each look-alike as « none ») and on
everything the matcher is trained on, also as « none »: the residents' everyday needs. When it
finds a message likely enough to speak of danger, the conversation adds the numbers that fit
before its usual answer, said as a condition (« si vous êtes en danger… ») since the model is
less sure than a rule; it never takes the conversation over as a rule's emergency does. A
wrong guess then costs a line, not a wrong number in an emergency: 112 comes with every kind where
the model could mistake one urgency for another (a child choking read as a child in danger).
Measured in benchmarks/eval_danger.py on batches it was not trained on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import IntentsError, Problem
from bot.understanding.danger.words import CATEGORIES
from bot.understanding.intents import tsv_lines
from bot.understanding.normalize import tokens

DANGERS = "danger.tsv"
NONE = "none"
LIKELY = 0.6  # probability of some danger from which its numbers are added (see eval_danger.py)


@dataclass(frozen=True)
class Phrasing:
    """A message of intents/danger.tsv: its categories (most urgent first), none for a look-alike."""

    categories: tuple[str, ...]
    text: str


def load_dangers(folder: Path) -> list[Phrasing]:
    """intents/danger.tsv, when the folder has one; raises IntentsError with the lines at fault."""
    path = folder / DANGERS
    return read_dangers(path) if path.is_file() else []


def read_dangers(path: Path) -> list[Phrasing]:
    phrasings: list[Phrasing] = []
    problems: list[Problem] = []
    shape = "une ligne s'écrit « catégorie<TAB>message » (deux colonnes séparées par une tabulation)"
    for n, (label, text) in tsv_lines(path, 2, shape, problems):
        categories = () if label == "-" else tuple(label.split("+"))
        unknown = [c for c in categories if c not in CATEGORIES]
        if unknown:
            problems.append(Problem(str(path), n, f"catégorie inconnue « {unknown[0]} » : écrivez "
                                                  f"{', '.join(CATEGORIES)}, plusieurs joints par « + », "
                                                  "ou « - » pour un message sans danger"))
            continue
        phrasings.append(Phrasing(categories, text))
    if problems:
        raise IntentsError(problems)
    return phrasings


def training_examples(dangers: Sequence[Phrasing], ordinary: Sequence[str]) -> list[tuple[str, str]]:
    return ([(p.categories[0] if p.categories else NONE, p.text) for p in dangers]
            + [(NONE, text) for text in ordinary])


class DangerModel:
    """What a trained classifier makes of a message: the likeliest kind of danger, or None."""

    def __init__(self, probabilities: Callable[[str], dict[str, float]]) -> None:
        self._probabilities = probabilities

    def likely(self, text: str) -> str | None:
        if len(tokens(text)) < 2:  # « nuit », « cc »: one word tells the model too little
            return None
        probs = self._probabilities(text)
        danger = {c: p for c, p in probs.items() if c != NONE}
        if not danger or sum(danger.values()) < LIKELY:
            return None
        return max(danger, key=lambda c: (danger[c], c))
