"""Run the Telegram side: polling, or the webhook route the shared web server serves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import urlparse

from starlette.routing import Route
from telegram import Update

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.retries import with_retries
from bot.channels.telegram.webhook import webhook_routes
from bot.errors import ConfigError
from bot.runtime import Runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def telegram_running(settings: Settings, runtime: Runtime, *,
                           webhook: bool) -> AsyncIterator[tuple[TelegramChannel, list[Route]]]:
    """The Telegram application started (polling, or webhook registered), with its reminders;
    yields the channel and the routes a web server must serve (none when polling)."""
    channel = TelegramChannel(runtime, settings)
    if settings.mediators_chat_id is not None:
        runtime.mediators = channel
        runtime.source.mediators = True
        runtime.source.current.mediators = True
    use_webhook = webhook or bool(settings.webhook_url)
    if use_webhook and not settings.webhook_url:
        raise ConfigError("WEBHOOK_URL n'est pas défini : donnez l'adresse publique du webhook")
    app = channel.build(webhook=use_webhook)
    routes: list[Route] = []
    async with app:
        await channel.prepare(app)
        await app.start()
        if use_webhook:
            assert settings.webhook_url is not None
            path = urlparse(settings.webhook_url).path or "/telegram"
            await with_retries(lambda: app.bot.set_webhook(settings.webhook_url, secret_token=settings.webhook_secret,
                                                           allowed_updates=Update.ALL_TYPES))
            routes = webhook_routes(channel, path, settings.webhook_secret)
        else:
            assert app.updater is not None
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
        reminders = asyncio.create_task(channel.reminders_loop())
        logger.info("Telegram bot @%s running (%s)", channel.username, "webhook" if use_webhook else "polling")
        try:
            yield channel, routes
        finally:
            reminders.cancel()
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            await app.stop()
