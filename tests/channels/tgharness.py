"""Run the real Telegram application against the stand-in, and talk to it as residents do."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from bot.channels.serve import running
from bot.channels.telegram import TelegramChannel
from bot.runtime import KnowledgeSource, Runtime
from bot.settings import Settings
from bot.storage.store import Store
from tests.channels import fakebotapi as tg
from tests.conftest import DIRECTORY, INTENTS, Clock

ALICE, BOB = 1001, 1002


BOT_SETTINGS = ("DATABASE_URL", "BOT_SECRET", "BOT_DATABASE", "BOT_DIRECTORY", "BOT_INTENTS", "BOT_LEASE_SECONDS",
                "PORT", "ADMIN_IDS", "MEDIATORS_CHAT_ID")


def bot_process_env(base_url: str, **extra: str) -> dict[str, str]:
    """The environment of a `python -m bot` child process: this one's without any bot setting,
    then the Bot API stand-in, the test territory and `extra`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "WHATSAPP_", "WEBHOOK_")) and k not in BOT_SETTINGS}
    env.update({"TELEGRAM_BOT_TOKEN": tg.TOKEN, "TELEGRAM_BASE_URL": base_url, "BOT_DIRECTORY": str(DIRECTORY),
                "NO_PROXY": "127.0.0.1,localhost", **extra})
    return env


def settings_for(api: tg.FakeBotAPI, **extra) -> Settings:
    return Settings(token=tg.TOKEN, base_url=f"http://127.0.0.1:{api.port}/bot", **extra)


class Running:
    """The application started as in production (polling), with a clock tests control."""

    def __init__(self, api: tg.FakeBotAPI, db: Path, clock: Clock, *, directory: Path = DIRECTORY,
                 **settings) -> None:
        self.api, self.db, self.clock, self.settings = api, db, clock, settings_for(api, **settings)
        self.directory = directory

    @contextlib.asynccontextmanager
    async def run(self) -> AsyncIterator[TelegramChannel]:
        """As `python -m bot telegram` runs it: polling into the inbox, the queues' loops."""
        store = await Store.open(self.db)
        await store.release_leases()  # as the bot does at start on SQLite
        try:
            runtime = Runtime(store, KnowledgeSource(self.directory, INTENTS), b"secret", self.clock)
            async with running(self.settings, runtime, telegram=True, whatsapp=False) as svc:
                yield svc.telegram
        finally:
            await store.close()


async def say(api: tg.FakeBotAPI, update: dict, chat: int, *, messages: int = 1,
              method: str = "sendMessage") -> list[str]:
    """Push an update and wait until the bot has sent `messages` more of `method` to `chat`."""
    before = api.count(chat, method)
    await api.push(update)
    await api.wait_for(lambda: api.count(chat, method) >= before + messages)
    return api.texts(chat)[before:] if method == "sendMessage" else []


def buttons(params: dict) -> list[tuple[str, str]]:
    markup = params.get("reply_markup") or {}
    return [(b.get("text"), b.get("callback_data") or ("location" if b.get("request_location") else ""))
            for row in markup.get("inline_keyboard", markup.get("keyboard", [])) for b in row]


