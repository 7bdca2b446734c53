"""Webhook mode: a small Starlette app receiving Telegram's POSTs (the library's own pattern)."""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update

if TYPE_CHECKING:
    from bot.channels.telegram.channel import TelegramChannel


def webhook_routes(channel: TelegramChannel, path: str, secret: str | None) -> list[Route]:
    """The route receiving Telegram's POSTs; refuses a wrong secret with 403."""

    async def telegram(request: Request) -> Response:
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        if secret and not hmac.compare_digest(given.encode(), secret.encode()):
            return JSONResponse({"ok": False, "error": "forbidden"}, status_code=403)
        body = await request.body()
        try:
            data = json.loads(body.decode("utf-8", errors="replace"))
        except ValueError:
            return JSONResponse({"ok": False, "error": "invalid JSON"}, status_code=400)
        assert channel.app is not None
        update = Update.de_json(data, channel.app.bot)
        if update is not None:
            await channel.app.update_queue.put(update)
        return JSONResponse({"ok": True})

    return [Route(path, telegram, methods=["POST"])]


def webhook_app(channel: TelegramChannel, path: str, secret: str | None) -> Starlette:
    """The Telegram route and a health check, as an application of its own."""

    async def health(_: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(routes=[*webhook_routes(channel, path, secret), Route("/healthcheck", health, methods=["GET"])])

