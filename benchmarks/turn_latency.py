"""Dialogue turn latency on the national directory: understanding + nearest + next opening.

    python benchmarks/gen_directory.py     # once
    python benchmarks/turn_latency.py [--turns 10000] [--directory benchmarks/out/national.yaml]

Prints start time (cold: parse and validate the YAML; warm: from the compiled cache), turn
latency percentiles over random positions and resident messages, and peak memory.
Targets: p50 ≤ 1 ms, p99 ≤ 5 ms, ≤ 200 MB, start ≤ 3 s.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(directory_path: Path, turns: int, seed: int = 11, freeze: bool = True) -> dict[str, float]:
    from bot.conversation.dialogue import turn
    from bot.conversation.events import Incoming
    from bot.conversation.state import ASK_NEED, State
    from bot.places.hours import PARIS
    from bot.runtime.knowledge import KnowledgeSource, freeze_heap
    from bot.understanding.evaluate import read_eval

    t0 = time.perf_counter()
    # As the bot starts: the compiled directory and the trained weights from their caches, then
    # what was loaded frozen out of the collector's way.
    source = KnowledgeSource(directory_path, ROOT / "intents")
    if freeze:
        freeze_heap()
    knowledge = source.current
    directory = knowledge.directory
    start_s = time.perf_counter() - t0

    rng = random.Random(seed)
    messages = [t for need, t in read_eval(ROOT / "tests" / "understanding" / "dev.tsv") if need != "-"]
    base = dt.datetime(2026, 12, 1, 8, 0, tzinfo=PARIS)
    lat_lo, lat_hi = min(p.latitude for p in directory.places.values()), max(p.latitude for p in directory.places.values())
    lon_lo, lon_hi = min(p.longitude for p in directory.places.values()), max(p.longitude for p in directory.places.values())
    samples = []
    answered = 0
    for i in range(turns):
        state = State(step=ASK_NEED, position=(rng.uniform(lat_lo, lat_hi), rng.uniform(lon_lo, lon_hi)),
                      where="votre position")
        now = base + dt.timedelta(minutes=rng.randrange(0, 7 * 24 * 60))
        inc = Incoming("bench", str(i), text=rng.choice(messages))
        t = time.perf_counter_ns()
        result = turn(state, inc, now, knowledge)
        samples.append((time.perf_counter_ns() - t) / 1e6)
        answered += any(r.pin is not None for r in result.replies)
    samples.sort()
    q = statistics.quantiles(samples, n=100)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # A reload, as when an admin saves the file: the new version compiled in a child process,
    # read from its cache here while the old one still serves.
    places = len(directory.places)
    del knowledge, directory, result  # what a turn holds is gone once it has answered
    source._dir_fp = ()
    t = time.perf_counter()
    asyncio.run(source.reload())
    reload_s = time.perf_counter() - t
    return {"start_s": start_s, "p50": q[49], "p90": q[89], "p99": q[98], "max": samples[-1],
            "answered": answered / turns, "places": places, "rss_mb": rss,
            "reload_s": reload_s, "rss_reload_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--turns", type=int, default=10000)
    p.add_argument("--directory", type=Path, default=ROOT / "benchmarks" / "out" / "national.yaml")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--no-freeze", action="store_true", help="without gc.freeze() after loading, to compare")
    args = p.parse_args()
    if args.child:  # a fresh process: its memory is the bot's, not the cold parse's
        t0 = time.perf_counter()
        r = measure(args.directory, args.turns, freeze=not args.no_freeze)
        r["process_s"] = time.perf_counter() - t0
        print(json.dumps(r))
        return
    if not args.directory.exists():
        sys.exit(f"{args.directory} is missing: run python benchmarks/gen_directory.py first")
    env = {**os.environ, "BOT_CACHE_DIR": tempfile.mkdtemp(prefix="bench-cache-")}
    # Cold start: parse and validate the YAML with line numbers, then write the compiled cache.
    cold = subprocess.run([sys.executable, "-c", COLD, str(args.directory)], env=env, check=True,
                          capture_output=True, text=True)
    cold_s, cold_mb = json.loads(cold.stdout)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", "--turns", str(args.turns),
                          "--directory", str(args.directory), *(["--no-freeze"] if args.no_freeze else [])],
                         env=env, check=True, capture_output=True, text=True)
    r = json.loads(out.stdout)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"directory: {r['places']:.0f} places; start cold {cold_s:.2f} s (parse + validate, "
          f"peak {cold_mb:.0f} MB), warm {r['start_s']:.2f} s from the compiled cache "
          f"({time.perf_counter() - t0 - r['process_s'] + r['start_s']:.2f} s with interpreter and imports)")
    print(f"turn latency over {args.turns} turns: p50 {r['p50']:.3f} ms, p90 {r['p90']:.3f} ms, "
          f"p99 {r['p99']:.3f} ms, max {r['max']:.1f} ms; {r['answered']:.0%} answered with a place")
    print(f"peak memory of the serving process: {r['rss_mb']:.0f} MB; {r['rss_reload_mb']:.0f} MB through a "
          f"reload of the directory (swapped in {r['reload_s']:.2f} s, compiled aside, never two in memory)")


COLD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, %r)
t = time.perf_counter()
from bot.data.cache import cache_dir, load_directory_cached
from bot.understanding.matcher import load_matcher
load_directory_cached(Path(sys.argv[1]))
load_matcher(Path(%r) / "intents", cache=cache_dir())  # trains the intent classifier once
print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
""" % (str(ROOT), str(ROOT))  # noqa: UP031 (a script's text: % leaves its own braces alone)


if __name__ == "__main__":
    main()
