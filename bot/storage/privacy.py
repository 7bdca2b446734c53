"""Pseudonymous keys and scrubbing: what lets the bot remember a conversation, not a person."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from bot.errors import ConfigError
from bot.storage.backend import Database, Statement

logger = logging.getLogger(__name__)


def user_key(secret: bytes, channel: str, user_id: str) -> str:
    """HMAC of channel and user id: stable for the bot, meaningless without the secret."""
    msg = f"{channel}\x00{user_id}".encode()
    return hmac.new(secret, msg, hashlib.sha256).hexdigest()[:32]


def message_key(secret: bytes, channel: str, message_id: str) -> str:
    """A delivered message's id, kept to answer it once: hashed, as a WhatsApp id holds the number."""
    return hmac.new(secret, f"msg\x00{channel}\x00{message_id}".encode(), hashlib.sha256).hexdigest()[:32]


class AddressBox:
    """Where to reply (a chat id, a WhatsApp number), kept encrypted while a reply needs it.

    A pending reply, a reminder or a hand-over must reach the person later, so their address
    cannot be only hashed; it is sealed under a key derived from BOT_SECRET (AES with an HMAC,
    Fernet) and never written in clear. Values written before sealing existed read as they are.
    """

    PREFIX = "s1:"

    def __init__(self, secret: bytes) -> None:
        key = hmac.new(secret, b"addresses", hashlib.sha256).digest()
        self.fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, address: str) -> str:
        return self.PREFIX + self.fernet.encrypt(address.encode()).decode()

    def open(self, stored: str) -> str:
        if not stored.startswith(self.PREFIX):
            return stored
        try:
            return self.fernet.decrypt(stored[len(self.PREFIX):].encode()).decode()
        except InvalidToken:
            raise ValueError("an address sealed under another BOT_SECRET") from None


MIN_SECRET = 32  # bytes: keys and addresses are only as safe as this


def load_secret(value: str | None, database: str) -> bytes:
    """BOT_SECRET if set; else a secret generated once and kept beside (not in) the database.
    A short one is refused (ConfigError): every pseudonym and sealed address rests on it."""
    if value:
        if len(value.encode()) < MIN_SECRET:
            raise ConfigError(f"BOT_SECRET est trop court ({len(value.encode())} caractères) : il en faut au moins "
                              f"{MIN_SECRET}. Par exemple : python -c \"import secrets; print(secrets.token_hex(32))\"")
        return value.encode()
    if database == ":memory:":
        return secrets.token_bytes(32)
    path = Path(f"{database}.secret")
    if path.exists():
        token = path.read_bytes().strip()
        if len(token) < MIN_SECRET:
            raise ConfigError(f"{path} est vide ou trop court : restaurez-le depuis une sauvegarde (sans lui les "
                              "conversations enregistrées ne sont plus reconnues), ou supprimez-le avec la base "
                              "pour repartir de zéro")
        return token
    token = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(token)
    logger.warning("BOT_SECRET is not set: generated one in %s. Keep this file (and back it up): "
                   "without it the bot no longer recognises anyone's conversation.", path)
    return token


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_DIGITS = re.compile(r"[\d][\d\s.\-/]*")


# Where residents say who they are: the name that follows is taken out (one word, and up to two
# more written with a capital: « je m'appelle Fatima Benali », « my name is ali », « اسمي فاطمة »).
_INTRO = re.compile(
    r"((?i:\b(?:je\s+m['’\s]?appelle|mon\s+nom\s+(?:est|c['’\s]?est)|moi\s+c['’\s]?est|my\s+name\s+is"
    r"|i\s+am\s+called|(?:ana\s+)?(?:smiti|esmi|ismi)|madame|monsieur|mme|mr|mrs|mademoiselle|mlle)\b\.?)"
    r"|(?<!\w)(?:اسمي|إسمي|سميتي))"
    r"\s+\w[\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]+){0,2}")


def scrub(text: str, limit: int = 200) -> str:
    """A resident's words kept (for admins, for a mediator): no e-mail, no link, no digit (phones,
    ids, amounts), no name they introduce themselves with."""
    text = _EMAIL.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    text = _INTRO.sub(lambda m: m.group(1) + " …", text)
    text = "".join(ch for ch in text if ch.isprintable())
    return " ".join(text.split())[:limit]


POSITION_KEPT = dt.timedelta(hours=24)  # a shared position serves the conversation of the day


async def forget_positions(db: Database, now: dt.datetime) -> int:
    """Drop the shared positions and the resident's own words (kept for a mediator) from the
    conversations idle for a day — a quartier chosen by name is not personal and stays; returns
    how many conversations were changed."""
    before = (now - POSITION_KEPT).astimezone(dt.UTC).isoformat(timespec="microseconds")
    rows = await db.fetch("SELECT user_key, state FROM conversations WHERE updated_at < ?"
                          " AND (state LIKE ? OR state LIKE ?)", before, '%"by":"position"%', '%"said":"%')
    statements = []
    for key, text in rows:
        state = json.loads(text)
        if state.get("by") == "position":
            state.update(position=None, where=None, by=None, shown=0)
        state["said"] = None
        statements.append(Statement("UPDATE conversations SET state = ? WHERE user_key = ? AND state = ?",
                                    (json.dumps(state, ensure_ascii=False, separators=(",", ":")), key, text)))
    if statements:
        await db.batch(statements)
    return len(statements)
