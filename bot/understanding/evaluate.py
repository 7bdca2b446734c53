"""Measure the matcher on labelled resident messages: accuracy, per-need precision and recall."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.understanding.lexicon import Match
from bot.understanding.matcher import Matcher

OUT_OF_SCOPE = "-"


def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """(label, language, text) rows; a file of two columns has no language ("")."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            rows.append((parts[0].strip(), parts[1].strip(), "\t".join(parts[2:])))
        else:
            rows.append((parts[0].strip(), "", parts[-1]))
    return rows


def read_eval(path: Path) -> list[tuple[str, str]]:
    return [(label, text) for label, _, text in read_labelled(path)]


def by_language(matcher: Matcher, rows: list[tuple[str, str, str]]) -> dict[str, Report]:
    """A report per language (and "all"), with how often the language itself was recognised."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for label, lang, text in rows:
        groups[lang].append((label, text))
        groups["all"].append((label, text))
    # Each message is matched once, though it counts in its language's report, in "all" and
    # for the language recognised.
    matches = {text: matcher.match(text) for _, _, text in rows}
    reports = {lang: tally(part, matches) for lang, part in groups.items()}
    for label, lang, text in rows:
        detected = matches[text].lang
        rep = reports[lang]
        rep.lang_total += 1
        rep.lang_right += detected == lang
        rep.lang_unsure += detected is None
    return reports


@dataclass
class Report:
    in_scope: int = 0
    correct: int = 0
    offered: int = 0  # unsure, but the right need is among the buttons offered
    out_scope: int = 0
    unclaimed: int = 0
    # Answered outright with a need the message is not about (an out-of-scope message claimed, or
    # another need): the errors a resident acts on, sent to the wrong desk.
    wrong: int = 0
    refused: int = 0  # a real need told « I can't help with that »
    predicted: Counter[str] = field(default_factory=Counter)
    true_pos: Counter[str] = field(default_factory=Counter)
    support: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    lang_total: int = 0
    lang_right: int = 0
    lang_unsure: int = 0  # too short to tell: the conversation keeps its language

    @property
    def accuracy(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 0.0

    @property
    def unclaimed_rate(self) -> float:
        return self.unclaimed / self.out_scope if self.out_scope else 1.0

    def lines(self) -> list[str]:
        out = [(f"in scope: top-1 accuracy {self.accuracy:.1%} ({self.correct}/{self.in_scope}); "
                f"right need among the buttons when unsure: {self.offered}"),
               f"out of scope: not claimed {self.unclaimed_rate:.1%} ({self.unclaimed}/{self.out_scope})",
               "need         precision  recall  n"]
        for need in sorted(self.support):
            p = self.true_pos[need] / self.predicted[need] if self.predicted[need] else 0.0
            r = self.true_pos[need] / self.support[need]
            out.append(f"{need:<12} {p:>8.0%} {r:>7.0%}  {self.support[need]}")
        if self.confusions:
            out.append("confusions (expected → got):")
            for (a, b), n in self.confusions.most_common(15):
                out.append(f"  {a} → {b}: {n}")
        return out


def evaluate(matcher: Matcher, rows: list[tuple[str, str]]) -> Report:
    return tally(rows, {text: matcher.match(text) for _, text in rows})


def tally(rows: list[tuple[str, str]], matches: Mapping[str, Match]) -> Report:
    """The report of (need, text) rows, from what the matcher made of each text."""
    rep = Report()
    for need, text in rows:
        m = matches[text]
        got = m.need or OUT_OF_SCOPE
        if m.need:
            rep.predicted[m.need] += 1
            rep.wrong += m.need != need
        if need == OUT_OF_SCOPE:
            rep.out_scope += 1
            if m.need is None:
                rep.unclaimed += 1
            else:
                rep.confusions[(need, got)] += 1
                rep.misses.append((need, got, text))
            continue
        rep.in_scope += 1
        rep.refused += m.out_of_scope
        rep.support[need] += 1
        if got == need:
            rep.correct += 1
            rep.true_pos[need] += 1
        else:
            if m.need is None and need in {c for c, _ in m.candidates}:
                rep.offered += 1
            label = got if m.need else ("?" + "/".join(c for c, _ in m.candidates) if m.candidates else OUT_OF_SCOPE)
            rep.confusions[(need, label)] += 1
            rep.misses.append((need, label, text))
    return rep


def per_need_counts(rows: list[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for need, _ in rows:
        counts[need] += 1
    return dict(counts)


@dataclass
class DangerReport:
    """How well danger is recognised: recall on danger messages, precision over all alerts."""

    dangers: int = 0
    caught: int = 0
    right_kind: int = 0
    look_alikes: int = 0
    false_alarms: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.dangers if self.dangers else 1.0

    @property
    def precision(self) -> float:
        alerts = self.caught + self.false_alarms
        return self.caught / alerts if alerts else 1.0

    def lines(self) -> list[str]:
        return [(f"danger recall {self.recall:.1%} ({self.caught}/{self.dangers}), "
                 f"precision {self.precision:.1%} ({self.caught}/{self.caught + self.false_alarms}); "
                 f"look-alikes left alone {self.look_alikes - self.false_alarms}/{self.look_alikes}; "
                 f"right kind of danger {self.right_kind}/{self.caught}")]


def evaluate_danger(rows: list[tuple[str, str]]) -> DangerReport:
    """Rows of (categories joined by "+", or "-" for a look-alike; message)."""
    from bot.understanding.danger import detect
    rep = DangerReport()
    for expected, text in rows:
        got = detect(text)
        if expected == OUT_OF_SCOPE:
            rep.look_alikes += 1
            if got:
                rep.false_alarms += 1
                rep.misses.append((expected, "+".join(got), text))
            continue
        rep.dangers += 1
        if got:
            rep.caught += 1
            rep.right_kind += set(expected.split("+")) == set(got)
        else:
            rep.misses.append((expected, "-", text))
    return rep
