"""`python -m bot explain`: how messages are understood, for admins tuning the intents and the
names of places (« caf couronneries », « الكورونري », « trwa siti »)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.conversation.knowledge import Knowledge
from bot.data.cache import cache_dir, load_directory_cached
from bot.understanding.danger import detect
from bot.understanding.matcher import load_matcher


def run_explain(intents: Path, texts: list[str], as_json: bool, *, directory: Path | None = None) -> int:
    matcher = load_matcher(intents, cache=cache_dir())
    knowledge = Knowledge.build(load_directory_cached(directory), matcher) if directory is not None else None
    lines = texts or (line.rstrip("\n") for line in sys.stdin)
    for text in lines:
        place, rest = None, text
        if knowledge is not None:
            # As the conversation reads a message: a place named in it, the need in the rest;
            # else the whole message as an answer to « où êtes-vous ? ».
            found = knowledge.find(text)
            if found is not None:
                place, rest = found[0].label, found[1]
            elif (where := knowledge.locate(text)) is not None:
                place = where.label
        m = matcher.match(rest)
        # As the conversation checks first: the rules' emergencies, else the learnt second opinion.
        dangers = list(detect(text))
        likely = None if dangers else matcher.possible_danger(text)
        if as_json:
            print(json.dumps({"text": text, "need": m.need, "score": m.score,
                              "candidates": [{"need": n, "score": s} for n, s in m.candidates],
                              "lang": m.lang, "place": place, "danger": dangers, "danger_likely": likely},
                             ensure_ascii=False))
        else:
            cands = ", ".join(f"{n} {s:.0f}" for n, s in m.candidates) or "aucun"
            verdict = m.need or ("incertain" if m.candidates else "non reconnu")
            where_part = f" ; lieu : {place}" if place else ""
            danger_part = (f" ; urgence : {', '.join(dangers)}" if dangers
                           else f" ; urgence possible : {likely}" if likely else "")
            print(f"{text!r} → {verdict} (score {m.score:.0f} ; candidats : {cands} ; langue : {m.lang or '?'}"
                  f"{where_part}{danger_part})")
    return 0
