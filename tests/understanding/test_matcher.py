"""Understanding residents' words: the evaluation set, the edge cases, `explain`."""

from __future__ import annotations

import json

import pytest

from bot.places.needs import NEEDS
from bot.understanding.evaluate import OUT_OF_SCOPE, evaluate, per_need_counts, read_eval
from bot.understanding.intents import load_intents
from bot.understanding.matcher import Matcher
from bot.understanding.normalize import normalize
from tests.conftest import INTENTS, ROOT, run_bot

EVAL = ROOT / "tests" / "understanding" / "eval.tsv"
# Measured 96.6 % in scope and 96.6 % out of scope unclaimed (benchmarks/eval_intents.py).
ACCURACY_FLOOR = 0.95
UNCLAIMED_FLOOR = 0.92


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_intents(INTENTS)[0])


def test_evaluation_set_is_big_enough_and_covers_every_need():
    rows = read_eval(EVAL)
    counts = per_need_counts(rows)
    assert len(rows) >= 400
    assert counts[OUT_OF_SCOPE] >= 40
    for need in NEEDS:
        assert counts.get(need, 0) >= 20, need


def test_evaluation_phrasings_are_not_training_phrasings():
    intents = load_intents(INTENTS)[0]
    training = {normalize(x) for i in intents.values() for x in i.exemples}
    overlap = [t for _, t in read_eval(EVAL) if normalize(t) in training]
    assert overlap == []


def test_accuracy_on_the_evaluation_set(matcher):
    report = evaluate(matcher, read_eval(EVAL))
    assert report.accuracy >= ACCURACY_FLOOR, "\n".join(report.lines())
    assert report.unclaimed_rate >= UNCLAIMED_FLOOR, "\n".join(report.lines())


@pytest.mark.parametrize("text, need", [
    ("la caf ma coupé les aloc", "caf"),
    ("jcherche du taf", "emploi"),
    ("retrète", "retraite"),
    ("apl", "caf"),
    ("mon compte ameli marche pas", "sante"),
    ("talk to a human", "humain"),
    ("LA CAF!!!!", "caf"),
    ("jveux imprimer", "equipement"),
    ("bonjour, j'ai un souci avec la caf", "caf"),
    ("supprimer mes données", "oubli"),
])
def test_examples_from_the_issue(matcher, text, need):
    assert matcher.match(text).need == need


@pytest.mark.parametrize("text", ["meteo demain", "", "🙂", "?!", "x" * 5000, "a b c d e f"])
def test_not_claimed(matcher, text):
    assert matcher.match(text).need is None


def test_short_tokens_are_never_fuzzy(matcher):
    # "rsa" is a CAF acronym: it must not be found inside "carsat", nor "rsa" from "rsx".
    assert matcher.match("carsat").need == "retraite"
    assert matcher.match("rsx").need is None


def test_unsure_offers_candidates(matcher):
    m = matcher.match("chauffage en panne le bailleur répond pas")
    assert m.need is None and {"energie", "logement"} <= {c for c, _ in m.candidates}


def test_explain_json_one_object_per_line():
    result = run_bot("explain", "--json", stdin="jcherche du taf\nmeteo demain\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["text"] == "jcherche du taf" and lines[0]["need"] == "emploi"
    assert lines[0]["score"] > 0 and lines[0]["candidates"][0]["need"] == "emploi"
    assert lines[1] == {"text": "meteo demain", "need": None, "score": 0.0, "candidates": []}


def test_explain_with_text_arguments():
    result = run_bot("explain", "retrète", "meteo demain")
    assert result.returncode == 0
    assert "retraite" in result.stdout.splitlines()[0]
    assert "non reconnu" in result.stdout.splitlines()[1]


@pytest.mark.parametrize("text, intent", [
    ("horaires vitalis", None),  # Poitiers' city buses, not the carte Vitale
    ("mdph", "social"),
    ("dossier handicap", "social"),
    ("pension d'invalidité", "sante"),
    ("facture d'eau", "social"),
    ("cours de français", "social"),
    ("médecin traitant", "soins"),
    ("pédiatre", "soins"),
    ("commander une pizza", None),
    ("recette de couscous", None),
], ids=["vitalis", "mdph", "handicap", "invalidite", "water bill", "french lessons", "gp", "paediatrician",
        "pizza", "couscous"])
def test_corrected_intents(matcher, text, intent):
    assert matcher.match(text).need == intent
