"""Telegram: turn updates into the core's events, and replies into Telegram messages.

Long polling by default; webhook mode when WEBHOOK_URL is set (a route that checks the secret in
constant time). Either way an update is stored in the inbox before Telegram is told it arrived.
Every reply goes through `TelegramChannel.send`, which retries Telegram's 429 and 5xx answers.

Modules: `render` (texts, keyboards, phone numbers), `request` (HTTP through aiohttp),
`retries`, `channel` (the adapter), `webhook`. bot/channels/serve.py runs it.
"""

import os

# Opt in now to python-telegram-bot's coming default (time periods as timedelta); otherwise every
# 429 it parses emits a deprecation warning. Set before the library is first imported.
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.channels.telegram.channel import CHANNEL, TelegramChannel
from bot.channels.telegram.render import dialable
from bot.channels.telegram.webhook import webhook_routes

__all__ = ["CHANNEL", "TelegramChannel", "dialable", "webhook_routes"]
