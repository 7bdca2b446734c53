"""`python -m bot explain`: how messages are understood, for admins tuning the intents."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.understanding.intents import load_intents
from bot.understanding.matcher import Matcher


def run_explain(intents: Path, texts: list[str], as_json: bool) -> int:
    matcher = Matcher(load_intents(intents)[0])
    lines = texts or (line.rstrip("\n") for line in sys.stdin)
    for text in lines:
        m = matcher.match(text)
        if as_json:
            print(json.dumps({"text": text, "need": m.need, "score": m.score,
                              "candidates": [{"need": n, "score": s} for n, s in m.candidates]},
                             ensure_ascii=False))
        else:
            cands = ", ".join(f"{n} {s:.0f}" for n, s in m.candidates) or "aucun"
            verdict = m.need or ("incertain" if m.candidates else "non reconnu")
            print(f"{text!r} → {verdict} (score {m.score:.0f} ; candidats : {cands})")
    return 0
