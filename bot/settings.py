"""Settings from the environment, read through an injectable mapping (tests pass a dict)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import ConfigError

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_WHATSAPP_API_URL = "https://graph.facebook.com/v23.0"  # Meta's Graph API, version included
WHATSAPP_SETTINGS = ("WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN")


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    base_url: str = DEFAULT_BASE_URL
    directory: Path = Path("directory.yaml")
    intents: Path = Path("intents")
    database: str = "bot.sqlite3"
    database_url: str | None = None  # PostgreSQL: real deployments, several instances
    webhook_url: str | None = None
    webhook_secret: str | None = None
    port: int = 8080
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    mediators_chat_id: int | None = None
    secret: str | None = None
    # Telegram allows about 30 messages a second per bot; raise only against a local server.
    max_rate: float = 30.0
    whatsapp_token: str | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: str | None = None
    whatsapp_verify_token: str | None = None
    whatsapp_api_url: str = DEFAULT_WHATSAPP_API_URL
    # Seconds an instance keeps a claimed update, reply or reminder before another may take it
    # over (after a crash): a lost reply waits this long, a slow one may be sent twice if shorter.
    lease_seconds: int = 60

    @property
    def store(self) -> str:
        """Where the store is: the PostgreSQL URL when given, else the SQLite file."""
        return self.database_url or self.database

    @property
    def whatsapp(self) -> bool:
        """WhatsApp is configured (at least in part: `require_whatsapp` says what is missing)."""
        return any((self.whatsapp_token, self.whatsapp_phone_number_id, self.whatsapp_app_secret,
                    self.whatsapp_verify_token))

    def require_whatsapp(self) -> None:
        values = (self.whatsapp_token, self.whatsapp_phone_number_id, self.whatsapp_app_secret,
                  self.whatsapp_verify_token)
        missing = [name for name, value in zip(WHATSAPP_SETTINGS, values, strict=True) if not value]
        if missing:
            raise ConfigError(f"WhatsApp : {', '.join(missing)} manquant(s). Ils se trouvent dans l'application "
                              "Meta (WhatsApp > Configuration de l'API) ; WHATSAPP_VERIFY_TOKEN est un mot de "
                              "passe de votre choix, à redonner à Meta avec l'adresse du webhook.")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def integer(name: str, value: str) -> int:
            try:
                return int(value)
            except ValueError:
                raise ConfigError(f"{name}={value!r} : un nombre entier est attendu") from None

        admins = get("ADMIN_IDS") or ""
        return cls(
            token=get("TELEGRAM_BOT_TOKEN"),
            base_url=get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL,
            directory=Path(get("BOT_DIRECTORY") or "directory.yaml"),
            intents=Path(get("BOT_INTENTS") or "intents"),
            database=get("BOT_DATABASE") or "bot.sqlite3",
            database_url=get("DATABASE_URL"),
            webhook_url=get("WEBHOOK_URL"),
            webhook_secret=get("WEBHOOK_SECRET"),
            port=integer("PORT", get("PORT") or "8080"),
            admin_ids=frozenset(integer("ADMIN_IDS", a) for a in admins.replace(";", ",").split(",") if a.strip()),
            mediators_chat_id=integer("MEDIATORS_CHAT_ID", m) if (m := get("MEDIATORS_CHAT_ID")) else None,
            secret=get("BOT_SECRET"),
            max_rate=float(integer("TELEGRAM_MAX_RATE", get("TELEGRAM_MAX_RATE") or "30")),
            whatsapp_token=get("WHATSAPP_TOKEN"),
            whatsapp_phone_number_id=get("WHATSAPP_PHONE_NUMBER_ID"),
            whatsapp_app_secret=get("WHATSAPP_APP_SECRET"),
            whatsapp_verify_token=get("WHATSAPP_VERIFY_TOKEN"),
            whatsapp_api_url=(get("WHATSAPP_API_URL") or DEFAULT_WHATSAPP_API_URL).rstrip("/"),
            lease_seconds=max(1, integer("BOT_LEASE_SECONDS", get("BOT_LEASE_SECONDS") or "60")),
        )


# -- secrets never reach a log line, whoever writes it (python-telegram-bot puts the token in its
# URLs, an HTTP error may quote a header): every record is redacted as it is created.

MASK = "«secret»"
_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False


def hide(*values: str | None) -> None:
    """Never log these values (a token, its secret part, a webhook secret)."""
    global _installed
    with _lock:
        for v in values:
            if v and len(v) >= 8:
                _secrets.add(v)
                if ":" in v:  # a Telegram token: its secret half alone is as good
                    _secrets.add(v.split(":", 1)[1])
        if not _installed:
            _installed = True
            logging.setLogRecordFactory(_redacting(logging.getLogRecordFactory()))


def redact(text: str) -> str:
    for s in sorted(_secrets, key=len, reverse=True):
        if s in text:
            text = text.replace(s, MASK)
    return text


def _redacting(factory: Any) -> Any:
    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = factory(*args, **kwargs)
        if _secrets:
            try:
                message = record.getMessage()
            except Exception:  # noqa: BLE001 (a broken format string: logging's own error path)
                return record
            record.msg, record.args = redact(message), ()
            if record.exc_info:
                record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return record
    return make
