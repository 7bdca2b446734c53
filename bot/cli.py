"""`python -m bot [console|telegram|check|explain|stats|link]`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from bot.errors import BotError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.runtime import Clock, Mediators, Runtime

logger = logging.getLogger("bot")


def _parse_now(value: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {value} » illisible : écrivez par exemple 2026-12-01T10:00") from None
    from bot.hours import PARIS
    return t if t.tzinfo else t.replace(tzinfo=PARIS)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Bot d'orientation vers l'aide humaine la plus proche.")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("console", help="discuter avec le bot dans le terminal")
    c.add_argument("--now", type=_parse_now, help="heure fixe, ex. 2026-12-01T10:00 (heure de Paris)")
    c.add_argument("--user", default="console", help="identifiant de la personne simulée")
    t = sub.add_parser("telegram", help="lancer le bot Telegram (polling, ou webhook si WEBHOOK_URL)")
    t.add_argument("--webhook", action="store_true", help="exiger le mode webhook (WEBHOOK_URL)")
    k = sub.add_parser("check", help="vérifier directory.yaml et intents/")
    k.add_argument("--directory", type=Path)
    k.add_argument("--intents", type=Path)
    e = sub.add_parser("explain", help="montrer comment des messages sont compris")
    e.add_argument("--json", action="store_true")
    e.add_argument("--intents", type=Path)
    e.add_argument("text", nargs="*")
    s = sub.add_parser("stats", help="statistiques anonymes d'usage")
    s.add_argument("--since", type=dt.date.fromisoformat)
    s.add_argument("--format", choices=("md", "csv"), default="md")
    s.add_argument("--chart", type=Path, help="écrire le graphique des besoins par semaine (.svg)")
    li = sub.add_parser("link", help="lien et QR code pour les médiateurs")
    li.add_argument("--source", required=True)
    li.add_argument("--quartier")
    li.add_argument("--need")
    li.add_argument("--qr", type=Path)
    li.add_argument("--bot", help="nom du bot Telegram (sinon lu avec le jeton)")
    return p


def main(argv: Sequence[str] | None = None, env: dict[str, str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(env)
        command = args.command or ("telegram" if settings.token else "console")
        if command == "console":
            return asyncio.run(run_console(settings, getattr(args, "now", None), getattr(args, "user", "console")))
        if command == "telegram":
            from bot.channels.telegram import run_telegram
            return run_telegram(settings, webhook=args.webhook)
        if command == "check":
            return run_check(args.directory or settings.directory, args.intents or settings.intents)
        if command == "explain":
            return run_explain(args.intents or settings.intents, args.text, args.json)
        if command == "stats":
            from bot.stats import run_stats
            return asyncio.run(run_stats(settings, args.since, args.format, args.chart))
        if command == "link":
            from bot.links_cli import run_link
            return run_link(settings, args.source, args.quartier, args.need, args.qr, args.bot)
    except BotError as e:
        print(f"Erreur : {e}", file=sys.stderr)
        return 1
    return 2


async def open_runtime(settings: Settings, clock: Clock | None = None,
                       mediators: Mediators | None = None) -> Runtime:
    """Load the directory and intents, open the database, purge what is past retention."""
    from bot.privacy import load_secret
    from bot.runtime import Runtime, utc_now
    from bot.source import KnowledgeSource
    from bot.store import Store
    source = KnowledgeSource(settings.directory, settings.intents)
    store = await Store.open(settings.database)
    runtime = Runtime(store, source, load_secret(settings.secret, settings.database),
                      clock or utc_now, mediators)
    await store.purge(runtime.clock())
    return runtime


async def run_console(settings: Settings, now: dt.datetime | None, user: str) -> int:
    from bot.channels.console import ConsoleMediators, run
    # The console logs only problems: its screen is the conversation.
    logging.getLogger().setLevel(logging.WARNING)
    clock = (lambda: now) if now else None
    runtime = await open_runtime(settings, clock, ConsoleMediators(lambda s: print(s, flush=True)))
    try:
        return await run(runtime, user)
    finally:
        await runtime.store.close()


def run_check(directory: Path, intents: Path) -> int:
    from bot.source import check_files
    errors, warnings = check_files(directory, intents, today=dt.date.today())
    for line in errors:
        print(line)
    for line in warnings:
        print(line)
    if errors:
        print(f"{len(errors)} erreur(s), {len(warnings)} avertissement(s) : corrigez les erreurs puis relancez python -m bot check.")
        return 1
    print(f"OK : {directory} et {intents} sont valides ({len(warnings)} avertissement(s)).")
    return 0


def run_explain(intents: Path, texts: list[str], as_json: bool) -> int:
    from bot.intents import load_intents
    from bot.matcher import Matcher
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
