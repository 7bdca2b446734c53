"""Run the Telegram bot: polling or webhook, plus reminders, hot reload and the daily purge."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any
from urllib.parse import urlparse

from telegram import Update

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.retries import with_retries
from bot.channels.telegram.webhook import webhook_app
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def serve(settings: Settings, runtime: Runtime, *, webhook: bool, stop: asyncio.Event | None = None) -> None:
    """Run the bot until `stop` is set (or forever)."""
    channel = TelegramChannel(runtime, settings)
    if settings.mediators_chat_id is not None:
        runtime.mediators = channel
        runtime.source.mediators = True
        runtime.source.current.mediators = True
    use_webhook = webhook or bool(settings.webhook_url)
    app = channel.build(webhook=use_webhook)
    stop = stop or asyncio.Event()
    tasks: list[asyncio.Task[Any]] = []
    web_server: Any = None
    web_task: asyncio.Task[Any] | None = None
    async with app:
        await channel.prepare(app)
        await app.start()
        if use_webhook:
            if not settings.webhook_url:
                from bot.errors import ConfigError
                raise ConfigError("WEBHOOK_URL n'est pas défini : donnez l'adresse publique du webhook")
            path = urlparse(settings.webhook_url).path or "/telegram"
            await with_retries(lambda: app.bot.set_webhook(settings.webhook_url, secret_token=settings.webhook_secret,
                                                           allowed_updates=Update.ALL_TYPES))
            import uvicorn
            web_server = uvicorn.Server(uvicorn.Config(webhook_app(channel, path, settings.webhook_secret),
                                                       host="0.0.0.0", port=settings.port, log_level="warning"))
            web_task = asyncio.create_task(web_server.serve())
        else:
            assert app.updater is not None
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
        tasks.append(asyncio.create_task(runtime.source.watch()))
        tasks.append(asyncio.create_task(channel.reminders_loop()))
        tasks.append(asyncio.create_task(_daily_purge(runtime)))
        logger.info("bot @%s running (%s)", channel.username, "webhook" if use_webhook else "polling")
        try:
            await stop.wait()
        finally:
            for t in tasks:
                t.cancel()
            if web_task is not None:
                web_server.should_exit = True  # let it close its socket
                await asyncio.wait_for(web_task, 10)
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            await app.stop()


async def _daily_purge(runtime: Runtime) -> None:
    while True:
        await asyncio.sleep(24 * 3600)
        try:
            await runtime.store.purge(runtime.clock())
        except Exception:
            logger.exception("daily purge failed")


def run_telegram(settings: Settings, webhook: bool = False) -> int:
    import signal

    async def main() -> None:
        runtime = await open_runtime(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        try:
            await serve(settings, runtime, webhook=webhook, stop=stop)
        finally:
            await runtime.store.close()

    asyncio.run(main())
    return 0
