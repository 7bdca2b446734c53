"""Danger recognised before anything else: own lists of danger phrasings and look-alikes."""

from __future__ import annotations

import pytest

from bot.understanding.danger import CHILD, FOOD, MEDICAL, SHELTER, SUICIDE, VIOLENCE, detect
from bot.understanding.evaluate import OUT_OF_SCOPE, evaluate_danger, read_eval
from tests.conftest import ROOT

DANGER = ROOT / "tests" / "understanding" / "danger.tsv"
HOLDOUT = ROOT / "tests" / "understanding" / "danger_holdout.tsv"
# Measured (benchmarks/eval_danger.py): 99.6 % recall and 99.2 % precision on danger.tsv, which holds the
# batches of new messages and their few misses and false alarms; 100 % on the holdout. Issue: ≥ 98 %.
FLOOR = 0.98


def test_the_lists_are_big_enough_and_cover_every_kind_and_language():
    rows = read_eval(DANGER)
    dangers = [c for c, _ in rows if c != OUT_OF_SCOPE]
    assert len(dangers) >= 80 and len(rows) - len(dangers) >= 80
    assert {c for k in dangers for c in k.split("+")} == {MEDICAL, SUICIDE, VIOLENCE, CHILD, SHELTER, FOOD}
    texts = " ".join(t for _, t in rows)
    assert any("\u0600" <= ch <= "\u06ff" for ch in texts)  # Arabic script
    assert "my husband" in texts and "rajli" in texts  # English, Darija in Latin letters


@pytest.mark.parametrize("path", [DANGER, HOLDOUT], ids=["tuned on", "held out"])
def test_recall_and_precision(path):
    report = evaluate_danger(read_eval(path))
    assert report.recall >= FLOOR and report.precision >= FLOOR, "\n".join(
        report.lines() + [f"{e} → {g}: {t}" for e, g, t in report.misses])


@pytest.mark.parametrize("text, kind", [
    ("mon mari me frape", VIOLENCE),
    ("jsui battue", VIOLENCE),
    ("je veu mourrir", SUICIDE),
    ("je pense au sucide", SUICIDE),
    ("je vais me tuer", SUICIDE),
    ("il va me tuer", VIOLENCE),
    ("mon mari me frappe\u200b", VIOLENCE),
], ids=["typo", "sms spelling", "two typos", "mistyped suicide", "about oneself", "about another",
        "zero-width space"])
def test_typos_and_who_is_meant(text, kind):
    assert detect(text)[0] == kind


def test_arabic_in_the_rules_is_written_as_messages_are_read():
    # Messages are folded before the rules see them (« حتى » is read « حتي », « أ » is « ا »): a
    # rule holding an unfolded letter never matches.
    from bot.understanding.danger.rules import EXCEPT as _EXCEPT
    from bot.understanding.danger.rules import RULES as _RULES
    unfolded = set("ىةأإآؤئ")
    for pattern in [*_RULES.values(), *_EXCEPT.values()]:
        assert not unfolded & set(pattern.pattern), pattern.pattern


def test_every_word_of_the_rules_is_written_as_messages_are_read():
    # Messages are read with plurals folded (« pris » is read « pri », « unconscious »
    # « unconsciou »): a rule holding the unfolded word never matches it.
    import re

    from bot.understanding.danger.rules import EXCEPT as _EXCEPT
    from bot.understanding.danger.rules import RULES as _RULES
    from bot.understanding.normalize import tokens
    for pattern in [*_RULES.values(), *_EXCEPT.values()]:
        text = pattern.pattern.replace("\\b", " ")
        for word in re.findall(r"(?<![\\\w])([a-z]{3,})(?![\w?*+{\\])", text):
            read = tokens(word)
            assert len(read) > 1 or read == [word] or re.search(rf"\b{read[0]}\b", text), word
