"""The webhook Meta calls: the verification handshake (GET) and signed deliveries (POST)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.channels.webbody import bounded_body

if TYPE_CHECKING:
    from bot.channels.whatsapp.channel import WhatsAppChannel

logger = logging.getLogger(__name__)

PATH = "/whatsapp"
MAX_BODY = 1024 * 1024  # Meta's deliveries are a few kilobytes


def signature_ok(secret: str, body: bytes, header: str) -> bool:
    """`X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body under the app secret>`."""
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.strip().encode())


def whatsapp_routes(channel: WhatsAppChannel, path: str = PATH) -> list[Route]:
    settings = channel.settings
    assert settings.whatsapp_app_secret and settings.whatsapp_verify_token

    async def verify(request: Request) -> Response:
        q = request.query_params
        token = q.get("hub.verify_token", "")
        if q.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode(), settings.whatsapp_verify_token.encode()):  # type: ignore[union-attr]
            return PlainTextResponse(q.get("hub.challenge", ""))
        return PlainTextResponse("forbidden", status_code=403)

    async def deliver(request: Request) -> Response:
        body = await bounded_body(request, MAX_BODY)
        if body is None:
            return JSONResponse({"error": "too large"}, status_code=413)
        header = request.headers.get("x-hub-signature-256")
        if not header:
            return JSONResponse({"error": "signature missing"}, status_code=401)
        if not signature_ok(settings.whatsapp_app_secret, body, header):  # type: ignore[arg-type]
            logger.warning("a WhatsApp delivery with a wrong signature was refused")
            return JSONResponse({"error": "bad signature"}, status_code=403)
        try:
            payload = json.loads(body)
        except ValueError:
            return JSONResponse({"error": "invalid JSON"}, status_code=400)
        if not isinstance(payload, dict):
            return JSONResponse({"error": "invalid payload"}, status_code=400)
        await channel.receive(payload)  # stored before Meta hears 200: a crash loses nothing
        return JSONResponse({"ok": True})

    return [Route(path, verify, methods=["GET"]), Route(path, deliver, methods=["POST"])]
