"""Anonymous usage figures for admins: needs per week and quartier, understanding, links.

Read from tables that carry no user key. `python -m bot stats` prints them (Markdown or CSV)
and draws needs per week as an SVG an admin can paste into a report.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bot.places.needs import NEEDS
from bot.settings import Settings
from bot.storage.store import Store

TOP_UNMATCHED = 15
EMERGENCY_LABELS = {"medical": "santé", "suicide": "suicide", "violence": "violences", "child": "enfant en danger",
                    "shelter": "sans abri", "food": "faim",
                    "possible": "danger possible (numéros ajoutés à la réponse)"}
PALETTE = ("#1b6ca8", "#e07a1f", "#2e9e5b", "#c23b3b", "#7b52ab", "#8c6d31", "#d45fa7",
           "#5f6b73", "#a9b82b", "#17a2b8", "#f2b701", "#4b3f72", "#ff6f59", "#3c8d2f", "#999999")


@dataclass
class Summary:
    since: dt.date | None
    answers: int = 0
    found: int = 0
    messages: int = 0
    understood: int = 0
    by_week: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_quartier: Counter[str] = field(default_factory=Counter)
    by_need: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    channels: Counter[str] = field(default_factory=Counter)
    unmatched: Counter[str] = field(default_factory=Counter)
    emergencies: Counter[str] = field(default_factory=Counter)


def week_of(day: str) -> str:
    y, w, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{y}-S{w:02d}"


async def summarize(store: Store, since: dt.date | None = None) -> Summary:
    s = Summary(since)
    start = since.isoformat() if since else "0000-00-00"
    rows = await store.db.fetch("SELECT day, need, quartier, source, found, channel FROM answers WHERE day >= ?", start)
    for day, need, quartier, source, found, channel in rows:
        need = need or "?"
        s.answers += 1
        s.found += int(found)
        s.by_week[week_of(day)][need] += 1
        s.by_need[need] += 1
        s.by_quartier[quartier or "non précisé"] += 1
        s.sources[source or "direct"] += 1
        s.channels[channel] += 1
    row = (await store.db.fetch("SELECT COUNT(*), COALESCE(SUM(understood), 0) FROM messages WHERE day >= ?",
                                start))[0]
    s.messages, s.understood = int(row[0]), int(row[1])
    for (text,) in await store.db.fetch("SELECT text FROM unmatched WHERE day >= ?", start):
        s.unmatched[text.lower()] += 1
    for (category,) in await store.db.fetch("SELECT category FROM emergencies WHERE day >= ?", start):
        s.emergencies[category] += 1
    return s


def _label(need: str) -> str:
    return NEEDS[need].button if need in NEEDS else need


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "—"


def markdown(s: Summary) -> str:
    out = [f"# Statistiques d'usage{f' depuis le {s.since:%d/%m/%Y}' if s.since else ''}", "",
           f"- Réponses données : {s.answers} (lieu trouvé : {_pct(s.found, s.answers)})",
           f"- Messages écrits compris : {_pct(s.understood, s.messages)} ({s.understood}/{s.messages})",
           f"- Urgences (numéros d'urgence donnés) : {sum(s.emergencies.values())}"
           + (f" ({', '.join(f'{EMERGENCY_LABELS.get(c, c)} {n}' for c, n in s.emergencies.most_common())})"
              if s.emergencies else ""), ""]
    needs = [n for n, _ in s.by_need.most_common()]
    out += ["## Besoins par semaine", "", "| semaine | " + " | ".join(_label(n) for n in needs) + " | total |",
            "|---|" + "---|" * (len(needs) + 1)]
    for week in sorted(s.by_week):
        c = s.by_week[week]
        out.append(f"| {week} | " + " | ".join(str(c[n]) for n in needs) + f" | {sum(c.values())} |")
    out += ["", "## Par quartier", "", "| quartier | demandes |", "|---|---|"]
    out += [f"| {q} | {n} |" for q, n in s.by_quartier.most_common()]
    out += ["", "## Origine des liens", "", "| source | demandes |", "|---|---|"]
    out += [f"| {src} | {n} |" for src, n in s.sources.most_common()]
    out += ["", "## Messages non compris les plus fréquents", "", "| message (nettoyé) | fois |", "|---|---|"]
    out += [f"| {t.replace('|', '/')} | {n} |" for t, n in s.unmatched.most_common(TOP_UNMATCHED)]
    return "\n".join(out) + "\n"


def csv_text(s: Summary) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["section", "cle", "besoin", "nombre"])
    for week in sorted(s.by_week):
        for need, n in sorted(s.by_week[week].items()):
            w.writerow(["semaine", week, need, n])
    for q, n in s.by_quartier.most_common():
        w.writerow(["quartier", q, "", n])
    for src, n in s.sources.most_common():
        w.writerow(["source", src, "", n])
    w.writerow(["compris", "messages", "", s.messages])
    w.writerow(["compris", "compris", "", s.understood])
    for c, n in s.emergencies.most_common():
        w.writerow(["urgence", c, "", n])
    for t, n in s.unmatched.most_common(TOP_UNMATCHED):
        w.writerow(["non_compris", t, "", n])
    return buf.getvalue()


def chart_svg(s: Summary, title: str = "Demandes par besoin et par semaine") -> str:
    """A stacked bar chart, self-contained SVG (opens in any browser or office suite)."""
    weeks = sorted(s.by_week)
    needs = [n for n, _ in s.by_need.most_common()]
    width, height, left, bottom, top = 760, 420, 50, 60, 50
    plot_w, plot_h = width - left - 190, height - top - bottom
    peak = max((sum(s.by_week[w].values()) for w in weeks), default=0) or 1
    bar_w = plot_w / max(len(weeks), 1) * 0.7
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
              f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'),
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{left}" y="28" font-size="16" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#333"/>']
    for i in range(5):
        value = round(peak * i / 4)
        y = top + plot_h - plot_h * value / peak
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
    for i, week in enumerate(weeks):
        x = left + (i + 0.15) * plot_w / len(weeks)
        y = top + plot_h
        for j, need in enumerate(needs):
            n = s.by_week[week][need]
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(week)} · {escape(_label(need))} : {n}</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 18}" text-anchor="middle">{escape(week)}</text>')
    for j, need in enumerate(needs):
        y = top + 10 + j * 20
        parts.append(f'<rect x="{left + plot_w + 20}" y="{y - 10}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>')
        parts.append(f'<text x="{left + plot_w + 38}" y="{y}">{escape(_label(need))} ({s.by_need[need]})</text>')
    if not weeks:
        parts.append(f'<text x="{left + 20}" y="{top + plot_h / 2}">Pas encore de données</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


async def stats_text(store: Store, today: dt.date) -> str:
    """The same summary for /stats on Telegram: short, in plain text."""
    s = await summarize(store, today - dt.timedelta(days=28))
    lines = ["📊 4 dernières semaines",
             f"Réponses : {s.answers} (lieu trouvé : {_pct(s.found, s.answers)})",
             f"Messages compris : {_pct(s.understood, s.messages)}"]
    if s.by_need:
        lines.append("Besoins : " + ", ".join(f"{_label(n)} {c}" for n, c in s.by_need.most_common(6)))
    if s.by_quartier:
        lines.append("Quartiers : " + ", ".join(f"{q} {c}" for q, c in s.by_quartier.most_common(6)))
    if s.sources:
        lines.append("Liens : " + ", ".join(f"{q} {c}" for q, c in s.sources.most_common(5)))
    if s.unmatched:
        lines.append("Non compris : " + " · ".join(t for t, _ in s.unmatched.most_common(5)))
    return "\n".join(lines)


async def run_stats(settings: Settings, since: dt.date | None, fmt: str, chart: Path | None) -> int:
    store = await Store.open(settings.store)
    try:
        summary = await summarize(store, since)
    finally:
        await store.close()
    print(markdown(summary) if fmt == "md" else csv_text(summary), end="")
    if chart is not None:  # a file only when asked for
        chart.write_text(chart_svg(summary), encoding="utf-8")
        print(f"Graphique des besoins par semaine : {chart}", file=sys.stderr)
    return 0
