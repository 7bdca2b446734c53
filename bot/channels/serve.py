"""Every configured channel in one process: one runtime, one web server, shared upkeep.

`python -m bot serve` runs Telegram (webhook when WEBHOOK_URL is set, else polling) and WhatsApp
(when its settings are) side by side; `python -m bot telegram` and `python -m bot whatsapp` run
one. The web server on PORT carries the webhooks and `/healthcheck`; the directory's hot reload
and the daily purge run once for all channels.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.errors import ConfigError
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)


async def serve(settings: Settings, runtime: Runtime, *, telegram: bool, whatsapp: bool, webhook: bool = False,
                stop: asyncio.Event | None = None) -> None:
    """Run the chosen channels until `stop` is set (or forever)."""
    if not telegram and not whatsapp:
        raise ConfigError("aucun canal à lancer : donnez TELEGRAM_BOT_TOKEN et/ou les réglages WHATSAPP_*")
    stop = stop or asyncio.Event()
    routes: list[Route] = [Route("/healthcheck", _health, methods=["GET"])]
    tasks: list[asyncio.Task[Any]] = []
    async with contextlib.AsyncExitStack() as stack:
        if whatsapp:
            from bot.channels.whatsapp import WhatsAppChannel, whatsapp_routes
            wa = WhatsAppChannel(runtime, settings)
            stack.push_async_callback(wa.close)
            routes += whatsapp_routes(wa)
            await wa.flush_outbox()
            tasks.append(asyncio.create_task(wa.reminders_loop()))
        if telegram:
            from bot.channels.telegram import telegram_running
            _, telegram_routes = await stack.enter_async_context(telegram_running(settings, runtime, webhook=webhook))
            routes += telegram_routes
        server: Any = None
        web: asyncio.Task[Any] | None = None
        if len(routes) > 1:  # a webhook to serve
            import uvicorn
            server = uvicorn.Server(uvicorn.Config(Starlette(routes=routes), host="0.0.0.0", port=settings.port,
                                                   log_level="warning"))
            web = asyncio.create_task(server.serve())
        tasks.append(asyncio.create_task(runtime.source.watch()))
        tasks.append(asyncio.create_task(_daily_purge(runtime)))
        try:
            await stop.wait()
        finally:
            for t in tasks:
                t.cancel()
            if web is not None:
                server.should_exit = True  # let it close its socket
                await asyncio.wait_for(web, 10)


async def _health(_: Request) -> Response:
    return PlainTextResponse("ok")


async def _daily_purge(runtime: Runtime) -> None:
    while True:
        await asyncio.sleep(24 * 3600)
        try:
            await runtime.store.purge(runtime.clock())
        except Exception:
            logger.exception("daily purge failed")


def run(settings: Settings, *, telegram: bool, whatsapp: bool, webhook: bool = False) -> int:
    """The command line's entry: open the runtime, serve until SIGINT or SIGTERM."""
    if telegram and not settings.token:
        raise ConfigError("TELEGRAM_BOT_TOKEN n'est pas défini : donnez le jeton du bot (BotFather)")
    if whatsapp:
        settings.require_whatsapp()

    async def main() -> None:
        runtime = await open_runtime(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        try:
            await serve(settings, runtime, telegram=telegram, whatsapp=whatsapp, webhook=webhook, stop=stop)
        finally:
            await runtime.store.close()

    asyncio.run(main())
    return 0
