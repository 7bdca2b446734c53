"""`python -m bot explain`: how messages are understood, for admins tuning the intents."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.data.cache import cache_dir
from bot.understanding.matcher import load_matcher


def run_explain(intents: Path, texts: list[str], as_json: bool) -> int:
    matcher = load_matcher(intents, cache=cache_dir())
    lines = texts or (line.rstrip("\n") for line in sys.stdin)
    for text in lines:
        m = matcher.match(text)
        if as_json:
            print(json.dumps({"text": text, "need": m.need, "score": m.score,
                              "candidates": [{"need": n, "score": s} for n, s in m.candidates],
                              "lang": m.lang}, ensure_ascii=False))
        else:
            cands = ", ".join(f"{n} {s:.0f}" for n, s in m.candidates) or "aucun"
            verdict = m.need or ("incertain" if m.candidates else "non reconnu")
            print(f"{text!r} → {verdict} (score {m.score:.0f} ; candidats : {cands} ; langue : {m.lang or '?'})")
    return 0
