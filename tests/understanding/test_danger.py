"""Danger recognised before anything else: own lists of danger phrasings and look-alikes."""

from __future__ import annotations

import pytest

from bot.understanding.danger import CHILD, FOOD, MEDICAL, SHELTER, SUICIDE, VIOLENCE, detect
from bot.understanding.evaluate import OUT_OF_SCOPE, evaluate_danger, read_eval
from tests.conftest import ROOT

DANGER = ROOT / "intents" / "danger.tsv"
HOLDOUT = ROOT / "tests" / "understanding" / "danger_holdout.tsv"
FRESH = ROOT / "tests" / "understanding" / "danger_fresh.tsv"
# Measured (benchmarks/eval_danger.py): 99.6 % recall and 99.2 % precision on danger.tsv, which holds the
# batches of new messages and their few misses and false alarms; 100 % on the holdout. Issue: ≥ 98 %.
# danger_fresh.tsv (batches 20 to 27, kept apart for the learnt second opinion): 310 of 312 after their
# rules, the two left on purpose (a child's fever with shivering, as « ولدي سخون بزاف و كيترعد » in danger.tsv; « i'm
# standing on the bridge », which alone may be anyone waiting on a bridge).
FLOOR = 0.98


def test_the_lists_are_big_enough_and_cover_every_kind_and_language():
    rows = read_eval(DANGER)
    dangers = [c for c, _ in rows if c != OUT_OF_SCOPE]
    assert len(dangers) >= 80 and len(rows) - len(dangers) >= 80
    assert {c for k in dangers for c in k.split("+")} == {MEDICAL, SUICIDE, VIOLENCE, CHILD, SHELTER, FOOD}
    texts = " ".join(t for _, t in rows)
    assert any("\u0600" <= ch <= "\u06ff" for ch in texts)  # Arabic script
    assert "my husband" in texts and "rajli" in texts  # English, Darija in Latin letters


@pytest.mark.parametrize("path, floor", [(DANGER, FLOOR), (HOLDOUT, FLOOR), (FRESH, 0.97)],
                         ids=["tuned on", "held out", "batches 20-27"])
def test_recall_and_precision(path, floor):
    report = evaluate_danger(read_eval(path))
    assert report.recall >= floor and report.precision >= floor, "\n".join(
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


# The learnt second opinion (danger/learned.py), on lists it was never trained on. Measured
# (benchmarks/eval_danger.py): alone, 28 of danger_holdout's 39 emergencies and 165 of danger_fresh's 312
# (79 of 127 before batches 23 to 27), one look-alike of 116 (« je veux en finir avec mes dettes »); 1 of the splits' 1,645 ordinary messages
# (« ma 3endna ma nakloo », we have nothing to eat: the 115 line for food).


@pytest.mark.parametrize("path", [HOLDOUT, FRESH], ids=["holdout", "fresh batch"])
def test_the_second_opinion_finds_most_emergencies_on_its_own(path):
    from tests.fixtures import shared_matcher
    rows = read_eval(path)
    dangers = [t for c, t in rows if c != OUT_OF_SCOPE]
    alike = [t for c, t in rows if c == OUT_OF_SCOPE]
    found = [t for t in dangers if shared_matcher().possible_danger(t)]
    alarms = [t for t in alike if shared_matcher().possible_danger(t)]
    assert len(found) >= 0.5 * len(dangers), len(found)
    assert len(alarms) <= 1, alarms


def test_the_second_opinion_rarely_flags_an_ordinary_message():
    from tests.fixtures import shared_matcher
    # As benchmarks/eval_danger.py counts them: every split but the danger lists and the test split.
    splits = [p for p in (ROOT / "tests" / "understanding").glob("*.tsv")
              if not p.stem.startswith("danger") and p.stem != "test"]
    ordinary = [t for path in splits for _, t in read_eval(path) if not detect(t)]
    flagged = [t for t in ordinary if shared_matcher().possible_danger(t)]
    assert len(flagged) <= 0.005 * len(ordinary), flagged
