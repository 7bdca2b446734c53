"""Webhook mode: the route receiving Telegram's POSTs, each stored in the inbox before the 200."""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.channels.webbody import bounded_body

if TYPE_CHECKING:
    from bot.channels.telegram.channel import TelegramChannel


def webhook_routes(channel: TelegramChannel, path: str, secret: str | None) -> list[Route]:
    """The route receiving Telegram's POSTs; refuses a wrong secret with 403."""

    async def telegram(request: Request) -> Response:
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        if secret and not hmac.compare_digest(given.encode(), secret.encode()):
            return JSONResponse({"ok": False, "error": "forbidden"}, status_code=403)
        body = await bounded_body(request)
        if body is None:
            return JSONResponse({"ok": False, "error": "too large"}, status_code=413)
        try:
            data = json.loads(body.decode("utf-8", errors="replace"))
        except ValueError:
            return JSONResponse({"ok": False, "error": "invalid JSON"}, status_code=400)
        if not channel.readable(data):
            # Refused now, not stored to fail later: Telegram would send it again and again.
            return JSONResponse({"ok": False, "error": "not an update"}, status_code=400)
        await channel.receive([data])  # stored before Telegram hears 200: a crash loses nothing
        return JSONResponse({"ok": True})

    return [Route(path, telegram, methods=["POST"])]
