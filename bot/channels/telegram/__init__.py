"""Telegram: turn updates into the core's events, and replies into Telegram messages.

Long polling by default; webhook mode when WEBHOOK_URL is set (a small Starlette app that
checks the secret in constant time and puts updates on the application's queue). Every
reply goes through `TelegramChannel.send`, which retries Telegram's 429 and 5xx answers.

Modules: `render` (texts, keyboards, phone numbers), `ordering` (one resident's updates in
order), `retries`, `channel` (the adapter), `webhook`, `serve` (running it; bot/channels/serve.py
runs it beside the other channels).
"""

import os

# Opt in now to python-telegram-bot's coming default (time periods as timedelta); otherwise every
# 429 it parses emits a deprecation warning. Set before the library is first imported.
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.channels.telegram.channel import CHANNEL, TelegramChannel  # noqa: E402
from bot.channels.telegram.render import dialable  # noqa: E402
from bot.channels.telegram.serve import telegram_running  # noqa: E402
from bot.channels.telegram.webhook import webhook_app, webhook_routes  # noqa: E402

__all__ = ["CHANNEL", "TelegramChannel", "dialable", "telegram_running", "webhook_app", "webhook_routes"]
