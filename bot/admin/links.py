"""`python -m bot link`: a deep link and a printable QR code for mediators."""

from __future__ import annotations

import json
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import segno

from bot.conversation.deeplinks import LinkError, make_payload
from bot.data.directory import load_directory
from bot.errors import ConfigError
from bot.settings import Settings


def bot_username(settings: Settings, given: str | None) -> str:
    if given:
        return given.lstrip("@")
    if not settings.token:
        raise ConfigError("donnez le nom du bot avec --bot NOM, ou TELEGRAM_BOT_TOKEN pour le lire")
    url = f"{settings.base_url}{settings.token}/getMe"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (configured base URL)
            data = json.loads(response.read().decode("utf-8"))
    except OSError as e:
        raise ConfigError(f"impossible de lire le nom du bot auprès de Telegram ({type(e).__name__}) : "
                          "donnez-le avec --bot NOM") from None
    username = (data.get("result") or {}).get("username")
    if not username:
        raise ConfigError("Telegram n'a pas donné le nom du bot : donnez-le avec --bot NOM")
    return str(username)


def whatsapp_link(number: str, payload: str) -> str:
    """wa.me opens a chat with the bot, the first message written: "/start <payload>"."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if len(digits) < 8:
        raise ConfigError(f"numéro WhatsApp « {number} » illisible : écrivez-le avec l'indicatif, ex. 33612345678")
    return f"https://wa.me/{digits}?text={urllib.parse.quote('/start ' + payload)}"


def run_link(settings: Settings, source: str, quartier: str | None, need: str | None,
             qr: Path | None, bot: str | None, whatsapp: str | None = None) -> int:
    directory, _ = load_directory(settings.directory)
    try:
        payload = make_payload(source, quartier, need, directory)
    except LinkError as e:
        print(f"Erreur : {e}", file=sys.stderr)
        return 1
    if whatsapp:
        link = whatsapp_link(whatsapp, payload)
    else:
        link = f"https://t.me/{bot_username(settings, bot)}?start={payload}"
    print(link)
    if qr is not None:
        if qr.suffix.lower() not in (".png", ".svg"):
            print("Erreur : le QR code s'écrit en .png ou en .svg", file=sys.stderr)
            return 1
        segno.make(link, error="m").save(str(qr), scale=10, border=4)
        print(f"QR code : {qr}", file=sys.stderr)
    return 0
