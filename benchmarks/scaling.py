"""How turn latency grows with the directory: 100, 1,000 and 20,000 places.

    python benchmarks/scaling.py [--turns 3000]

The grid index by need and space keeps a turn from scanning the directory: latency should
stay nearly flat while the directory grows 200-fold.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.gen_directory import generate  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--turns", type=int, default=3000)
    args = p.parse_args()
    out = Path(tempfile.mkdtemp(prefix="scaling-"))
    env = {**os.environ, "BOT_CACHE_DIR": str(out / "cache"), "PYTHONPATH": str(ROOT)}
    rows = []
    for places, tours in ((100, 3), (1000, 25), (20000, 500)):
        path = out / f"d{places}.yaml"
        path.write_text(generate(places, tours), encoding="utf-8")
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "turn_latency.py"), "--child",
                               "--turns", str(args.turns), "--directory", str(path)],
                              env=env, check=True, capture_output=True, text=True)
        r = json.loads(done.stdout)
        rows.append((places, r))
        print(f"{places:>6} places: p50 {r['p50']:.3f} ms, p90 {r['p90']:.3f} ms, p99 {r['p99']:.3f} ms")
    growth = rows[-1][1]["p50"] / rows[0][1]["p50"]
    print(f"p50 grows {growth:.1f}x while the directory grows {rows[-1][0] // rows[0][0]}x")


if __name__ == "__main__":
    main()
