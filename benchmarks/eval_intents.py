"""Print how well the shipped intents understand the evaluation set, and how fast.

    python benchmarks/eval_intents.py [--misses]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understanding.evaluate import evaluate, read_eval  # noqa: E402
from bot.understanding.intents import load_intents  # noqa: E402
from bot.understanding.matcher import Matcher  # noqa: E402


def main() -> None:
    matcher = Matcher(load_intents(ROOT / "intents")[0])
    rows = read_eval(ROOT / "tests" / "understanding" / "eval.tsv")
    report = evaluate(matcher, rows)
    print("\n".join(report.lines()))
    if "--misses" in sys.argv:
        for need, got, text in report.misses:
            print(f"  miss: {need} → {got}: {text}")
    holdout = evaluate(matcher, read_eval(ROOT / "tests" / "understanding" / "holdout.tsv"))
    print("held-out set (never tuned on): " + "; ".join(holdout.lines()[:2]))
    # Speed: fresh matcher (no per-word cache) for the first pass, then warm.
    cold = Matcher(load_intents(ROOT / "intents")[0])
    texts = [t for _, t in rows]
    t0 = time.perf_counter()
    for t in texts:
        cold.match(t)
    cold_us = (time.perf_counter() - t0) / len(texts) * 1e6
    samples = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in texts:
            cold.match(t)
        samples.append((time.perf_counter() - t0) / len(texts) * 1e6)
    print(f"matching: {cold_us:.0f} µs per message cold, {statistics.median(samples):.0f} µs warm "
          f"({len(texts)} messages, {len(matcher.words)} vocabulary words)")


if __name__ == "__main__":
    main()
