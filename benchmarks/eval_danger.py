"""Print how well danger is recognised: recall and precision on the phrasings kept in the tests.

    python benchmarks/eval_danger.py [--misses] [--crossval]

intents/danger.tsv was used while writing the rules; danger_holdout.tsv was written at the same
time but never looked at while tuning: its figures are the more honest ones. danger_fresh.tsv holds
later batches, each measured once by the rules before its rules were written (its header).
Targets: recall ≥ 98 %, precision ≥ 98 %.

Then the learnt second opinion (bot/understanding/danger/learned.py), trained on intents/danger.tsv
and on the matcher's examples: on the held-out lists, how many of the emergencies the rules miss
it flags, and how many look-alikes; on the splits' ordinary messages (every split but the test
split, whose count alone is given), how many it flags. --crossval: five folds over
intents/danger.tsv and the matcher's examples, at several thresholds, to choose LIKELY.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.data.cache import cache_dir  # noqa: E402
from bot.understanding.classifier import SEED, Classifier, fit  # noqa: E402
from bot.understanding.danger import detect  # noqa: E402
from bot.understanding.danger.learned import NONE, load_dangers  # noqa: E402
from bot.understanding.danger.learned import training_examples as danger_examples  # noqa: E402
from bot.understanding.evaluate import evaluate_danger, read_eval, read_labelled  # noqa: E402
from bot.understanding.features import features  # noqa: E402
from bot.understanding.intents import load_intents, load_phrases  # noqa: E402
from bot.understanding.matcher import load_matcher, training_examples  # noqa: E402

SPLITS = ROOT / "tests" / "understanding"
HELD_OUT = ("danger_holdout.tsv", "danger_fresh.tsv")
THRESHOLDS = (0.4, 0.5, 0.6, 0.7)
FOLDS = 5


def second_opinion(misses: bool) -> None:
    matcher = load_matcher(ROOT / "intents", cache=cache_dir())
    for name in HELD_OUT:
        rows = read_eval(SPLITS / name)
        missed = [(c, t) for c, t in rows if c != "-" and not detect(t)]
        alike = [t for c, t in rows if c == "-" and not detect(t)]
        flagged = [(c, matcher.possible_danger(t), t) for c, t in missed]
        found = [(c, g, t) for c, g, t in flagged if g]
        alarms = [t for t in alike if matcher.possible_danger(t)]
        print(f"second opinion on {name}: {len(found)} of the {len(missed)} emergencies the rules miss "
              f"({sum(g in c.split('+') for c, g, _ in found)} of the right kind); {len(alarms)} of "
              f"{len(alike)} look-alikes flagged")
        if misses:
            for c, g, t in flagged:
                print(f"  {'found' if g else 'missed'}: {c} → {g or '-'}: {t}")
            for t in alarms:
                print(f"  false alarm: {t}")
    ordinary, test = [], []
    for path in sorted(SPLITS.glob("*.tsv")):
        if path.name.startswith("danger"):
            continue
        texts = [t for _, _, t in read_labelled(path) if not detect(t)]
        (test if path.name == "test.tsv" else ordinary).extend(texts)
    flagged_texts = [(t, matcher.possible_danger(t)) for t in ordinary]
    flagged_texts = [(t, g) for t, g in flagged_texts if g]
    print(f"ordinary messages flagged: {len(flagged_texts)} of {len(ordinary)} (the splits but test); "
          f"test split: {sum(bool(matcher.possible_danger(t)) for t in test)} of {len(test)}")
    if misses:
        for t, g in flagged_texts:
            print(f"  flagged: {g}: {t}")


def _danger(model: Classifier, text: str) -> float:
    return 1.0 - model.probabilities(features(text)).get(NONE, 0.0)


def crossval() -> None:
    dangers = load_dangers(ROOT / "intents")
    intents, _ = load_intents(ROOT / "intents")
    phrases, _ = load_phrases(ROOT / "intents")
    ordinary = [t for _, t in training_examples(intents, phrases)]
    counts = {th: [0, 0, 0, 0, 0, 0] for th in THRESHOLDS}
    for fold in range(FOLDS):
        kept = [d for k, d in enumerate(dangers) if k % FOLDS != fold]
        held = [d for k, d in enumerate(dangers) if k % FOLDS == fold]
        kept_ordinary = [t for k, t in enumerate(ordinary) if k % FOLDS != fold]
        held_ordinary = [t for k, t in enumerate(ordinary) if k % FOLDS == fold]
        model = Classifier(fit(((c, features(t)) for c, t in danger_examples(kept, kept_ordinary)), SEED))
        for d in held:
            p = _danger(model, d.text)
            for th, c in counts.items():
                c[0 if d.categories else 2] += 1
                c[1 if d.categories else 3] += p >= th
        for t in held_ordinary:
            p = _danger(model, t)
            for th, c in counts.items():
                c[4] += 1
                c[5] += p >= th
    print(f"== {FOLDS}-fold cross-validation of the second opinion (alone, without the rules)")
    for th, c in counts.items():
        print(f"from {th}: emergencies flagged {c[1]}/{c[0]}, look-alikes {c[3]}/{c[2]}, "
              f"the matcher's examples {c[5]}/{c[4]}")


def main() -> None:
    if "--crossval" in sys.argv:
        crossval()
        return
    for path in (ROOT / "intents" / "danger.tsv", *(SPLITS / name for name in HELD_OUT)):
        rows, name = read_eval(path), path.name
        report = evaluate_danger(rows)
        print(f"{name}: " + "; ".join(report.lines()))
        if "--misses" in sys.argv:
            for expected, got, text in report.misses:
                print(f"  miss: {expected} → {got}: {text}")
    second_opinion("--misses" in sys.argv)
    texts = [t for _, t in read_eval(ROOT / "intents" / "danger.tsv")]
    samples = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in texts:
            detect(t)
        samples.append((time.perf_counter() - t0) / len(texts) * 1e6)
    print(f"recognition: {statistics.median(samples):.0f} µs per message ({len(texts)} messages)")


if __name__ == "__main__":
    main()
