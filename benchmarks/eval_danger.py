"""Print how well danger is recognised: recall and precision on the phrasings kept in the tests.

    python benchmarks/eval_danger.py [--misses]

tests/understanding/danger.tsv was used while writing the rules; danger_holdout.tsv was written
at the same time but never looked at while tuning: its figures are the more honest ones.
Targets: recall ≥ 98 %, precision ≥ 98 %.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understanding.danger import detect  # noqa: E402
from bot.understanding.evaluate import evaluate_danger, read_eval  # noqa: E402


def main() -> None:
    for name in ("danger.tsv", "danger_holdout.tsv"):
        rows = read_eval(ROOT / "tests" / "understanding" / name)
        report = evaluate_danger(rows)
        print(f"{name}: " + "; ".join(report.lines()))
        if "--misses" in sys.argv:
            for expected, got, text in report.misses:
                print(f"  miss: {expected} → {got}: {text}")
    texts = [t for _, t in read_eval(ROOT / "tests" / "understanding" / "danger.tsv")]
    samples = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in texts:
            detect(t)
        samples.append((time.perf_counter() - t0) / len(texts) * 1e6)
    print(f"recognition: {statistics.median(samples):.0f} µs per message ({len(texts)} messages)")


if __name__ == "__main__":
    main()
