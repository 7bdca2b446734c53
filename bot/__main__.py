"""`python -m bot [console|telegram|check|explain|stats|link|import]`: the command line, wiring only.

Each command's work lives in its own package (channels, admin); this module parses the
arguments, reads the settings and calls it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import BotError
from bot.settings import Settings

logger = logging.getLogger("bot")


def _parse_now(value: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date « {value} » illisible : écrivez par exemple 2026-12-01T10:00") from None
    from bot.places.hours import PARIS
    return t if t.tzinfo else t.replace(tzinfo=PARIS)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Bot d'orientation vers l'aide humaine la plus proche.")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("console", help="discuter avec le bot dans le terminal")
    c.add_argument("--now", type=_parse_now, help="heure fixe, ex. 2026-12-01T10:00 (heure de Paris)")
    c.add_argument("--user", default="console", help="identifiant de la personne simulée")
    t = sub.add_parser("telegram", help="lancer le bot Telegram (polling, ou webhook si WEBHOOK_URL)")
    t.add_argument("--webhook", action="store_true", help="exiger le mode webhook (WEBHOOK_URL)")
    sub.add_parser("whatsapp", help="lancer le webhook WhatsApp (/whatsapp sur PORT)")
    sv = sub.add_parser("serve", help="lancer tous les canaux configurés (Telegram, WhatsApp) dans un processus")
    sv.add_argument("--webhook", action="store_true", help="Telegram en mode webhook (WEBHOOK_URL)")
    k = sub.add_parser("check", help="vérifier directory.yaml et intents/")
    k.add_argument("--directory", type=Path)
    k.add_argument("--intents", type=Path)
    k.add_argument("--stale", action="store_true", help="la liste des entrées à revérifier (plus de 12 mois)")
    k.add_argument("--format", choices=("text", "csv"), default="text", help="avec --stale : texte ou CSV")
    e = sub.add_parser("explain", help="montrer comment des messages sont compris")
    e.add_argument("--json", action="store_true")
    e.add_argument("--intents", type=Path)
    e.add_argument("--directory", type=Path, help="pour les noms de lieux (par défaut BOT_DIRECTORY)")
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
    li.add_argument("--whatsapp", metavar="NUMERO", help="un lien WhatsApp (wa.me) vers ce numéro, au lieu de Telegram")
    tr = sub.add_parser("translations", help="vérifier les catalogues de traduction (en, ar)")
    tr.add_argument("--update", action="store_true", help="ajouter les nouveaux messages aux fichiers .po")
    im = sub.add_parser("import", help="importer des données ouvertes nationales dans un annuaire")
    im.add_argument("source", choices=("france-services", "mediation-numerique", "data-inclusion"))
    im.add_argument("files", nargs="+", type=Path, metavar="FILE",
                    help="le fichier téléchargé (data-inclusion : structures puis services)")
    im.add_argument("--departement", help="garder un département, ex. 86")
    im.add_argument("--commune", nargs="+", default=[], metavar="INSEE", help="garder ces communes (codes INSEE)")
    im.add_argument("--out", type=Path, help="annuaire à écrire ; s'il existe, les lieux importés y sont fusionnés")
    im.add_argument("--dry-run", action="store_true", help="montrer ce qui changerait, sans rien écrire")
    im.add_argument("--territoire", help="nom du territoire d'un nouvel annuaire")
    im.add_argument("--date", type=dt.date.fromisoformat, help="date du fichier (sinon sa date de modification)")
    return p


def main(argv: Sequence[str] | None = None, env: dict[str, str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env(env)
        command = args.command or ("telegram" if settings.token else "console")
        if command == "console":
            from bot.channels.console import run_console
            return asyncio.run(run_console(settings, getattr(args, "now", None), getattr(args, "user", "console")))
        if command in ("telegram", "whatsapp", "serve"):
            from bot.channels.serve import run
            telegram = command == "telegram" or (command == "serve" and bool(settings.token))
            whatsapp = command == "whatsapp" or (command == "serve" and settings.whatsapp)
            return run(settings, telegram=telegram, whatsapp=whatsapp, webhook=getattr(args, "webhook", False))
        if command == "check":
            from bot.admin.check import run_check, run_stale
            if args.stale:
                return run_stale(args.directory or settings.directory, args.format)
            return run_check(args.directory or settings.directory, args.intents or settings.intents)
        if command == "explain":
            from bot.admin.explain import run_explain
            return run_explain(args.intents or settings.intents, args.text, args.json,
                               directory=args.directory or settings.directory)
        if command == "stats":
            from bot.admin.stats import run_stats
            return asyncio.run(run_stats(settings, args.since, args.format, args.chart))
        if command == "import":
            from bot.admin.importing import run_import
            return run_import(args.source, args.files, departement=args.departement, communes=args.commune,
                              out=args.out, dry_run=args.dry_run, territory=args.territoire, file_date=args.date)
        if command == "translations":
            from bot.admin.translations import run_translations
            return run_translations(args.update)
        if command == "link":
            from bot.admin.links import run_link
            return run_link(settings, args.source, args.quartier, args.need, args.qr, args.bot, args.whatsapp)
    except BotError as e:
        print(f"Erreur : {e}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
