"""Every configured channel in one process: one runtime, its queues, one web server, upkeep.

`python -m bot serve` runs Telegram (webhook when WEBHOOK_URL is set, else polling) and WhatsApp
(when its settings are) side by side; `python -m bot telegram` and `python -m bot whatsapp` run
one. What arrives is stored in the inbox, handled by one loop for all channels, answered through
each channel's outbox loop; reminders go out by channel. Several instances may run on one
PostgreSQL database: each says it is alive every few seconds, takes its part of Telegram's rate,
and the daily purge is done by whichever holds its lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.errors import ConfigError
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings

logger = logging.getLogger(__name__)

HEARTBEAT = 10.0  # seconds between "alive" marks


@dataclass
class Service:
    routes: list[Route] = field(default_factory=list)
    telegram: Any = None
    whatsapp: Any = None


@contextlib.asynccontextmanager
async def running(settings: Settings, runtime: Runtime, *, telegram: bool, whatsapp: bool,
                  webhook: bool = False, whatsapp_client: Any = None) -> AsyncIterator[Service]:
    """The chosen channels started, with the inbox, outbox and reminder loops; yields the routes
    a web server must serve."""
    if not telegram and not whatsapp:
        raise ConfigError("aucun canal à lancer : donnez TELEGRAM_BOT_TOKEN et/ou les réglages WHATSAPP_*")
    svc = Service(routes=[Route("/healthcheck", _health, methods=["GET"])])
    handlers: dict[str, Any] = {}
    jobs: list[Coroutine[Any, Any, None]] = []
    queues = runtime.queues
    async with contextlib.AsyncExitStack() as stack:
        if whatsapp:
            from bot.channels.whatsapp import CHANNEL as WA
            from bot.channels.whatsapp import WhatsAppChannel, whatsapp_routes
            wa = svc.whatsapp = WhatsAppChannel(runtime, settings, whatsapp_client)
            stack.push_async_callback(wa.close)
            svc.routes += whatsapp_routes(wa)
            handlers[WA] = wa
            jobs += [queues.outbox_loop(WA, wa.send_replies), runtime.reminders_loop(WA, wa.send_reminder)]
        if telegram:
            from bot.channels.telegram import CHANNEL as TG
            from bot.channels.telegram import TelegramChannel, webhook_routes
            tg = svc.telegram = TelegramChannel(runtime, settings)
            await tg.start()
            stack.push_async_callback(tg.stop)
            if settings.mediators_chat_id is not None:
                runtime.mediators = tg
                jobs.append(tg.mediators_loop())
                runtime.source.mediators = True
                runtime.source.current.mediators = True
            if webhook or settings.webhook_url:
                if not settings.webhook_url:
                    raise ConfigError("WEBHOOK_URL n'est pas défini : donnez l'adresse publique du webhook")
                if not settings.webhook_secret:
                    # Without it anyone who finds the address could post updates as any resident.
                    raise ConfigError("WEBHOOK_SECRET n'est pas défini : le webhook serait ouvert à tous. Donnez "
                                      "une longue valeur aléatoire (lettres, chiffres, _ et -, 32 caractères ou plus)")
                await tg.use_webhook(settings.webhook_url, settings.webhook_secret)
                svc.routes += webhook_routes(tg, urlparse(settings.webhook_url).path or "/telegram",
                                             settings.webhook_secret)
            else:
                await tg.use_polling()
                jobs.append(tg.poll())
            handlers[TG] = tg
            jobs += [queues.outbox_loop(TG, tg.send_replies), runtime.reminders_loop(TG, tg.send_reminder)]
            logger.info("Telegram bot @%s running (%s)", tg.username, "webhook" if settings.webhook_url else "polling")
        jobs.append(queues.inbox_loop(handlers))
        tasks = [asyncio.create_task(job) for job in jobs]
        try:
            yield svc
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def serve(settings: Settings, runtime: Runtime, *, telegram: bool, whatsapp: bool, webhook: bool = False,
                stop: asyncio.Event | None = None) -> None:
    """Run the chosen channels until `stop` is set (or forever)."""
    stop = stop or asyncio.Event()
    async with running(settings, runtime, telegram=telegram, whatsapp=whatsapp, webhook=webhook) as svc:
        server: Any = None
        web: asyncio.Task[Any] | None = None
        if len(svc.routes) > 1:  # a webhook to serve
            import uvicorn
            server = uvicorn.Server(uvicorn.Config(Starlette(routes=svc.routes), host="0.0.0.0", port=settings.port,
                                                   log_level="warning"))
            web = asyncio.create_task(server.serve())
        upkeep = [asyncio.create_task(runtime.source.watch()), asyncio.create_task(_upkeep(runtime, svc, settings))]
        try:
            await stop.wait()
        finally:
            for t in upkeep:
                t.cancel()
            if web is not None:
                server.should_exit = True  # let it close its socket
                await asyncio.wait_for(web, 10)


async def _health(_: Request) -> Response:
    return PlainTextResponse("ok")


async def _upkeep(runtime: Runtime, svc: Service, settings: Settings) -> None:
    """Say this instance is alive (and share Telegram's rate); purge daily, on one instance."""
    store, name = runtime.store, runtime.queues.name
    while True:
        try:
            now = runtime.clock()
            alive = await store.heartbeat(name, now)
            if svc.telegram is not None:
                from bot.channels.telegram.channel import share_rate
                share_rate(svc.telegram.limiter, settings.max_rate, alive)
            counts = await store.purge_daily(name, now)
            if counts is not None:
                logger.info("daily purge: %s", ", ".join(f"{k} {v}" for k, v in counts.items() if v) or "nothing")
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("upkeep failed")
        await asyncio.sleep(HEARTBEAT)


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
