"""A thin async client for the WhatsApp Cloud API (Graph API `/{phone_number_id}/messages`).

httpx, which python-telegram-bot already brings, is all it takes: two calls (send a message,
mark one read) with Meta's error shape turned into `GraphError`. pywa was considered; it would
add a framework (its own webhook server and handler registry) around what is two HTTP calls, and
its types would leak into the adapter.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)

RETRIES = 3
# Errors that retrying cannot fix: outside the 24-hour window, template missing or refused,
# recipient not on WhatsApp / blocked, parameter errors.
PERMANENT = {131047, 131026, 131051, 132000, 132001, 132005, 132007, 132012, 132015, 132016, 131008,
             131009, 100}
RATE_LIMITED = {4, 80007, 130429, 131048, 131056}  # too many messages: wait and retry


@dataclass
class GraphError(Exception):
    status: int
    code: int
    message: str

    def __str__(self) -> str:
        return f"WhatsApp API error {self.code} (HTTP {self.status}): {self.message}"

    @property
    def permanent(self) -> bool:
        if self.code in RATE_LIMITED or self.status == 429:
            return False
        return self.code in PERMANENT or 400 <= self.status < 500


class GraphClient:
    def __init__(self, base_url: str, phone_number_id: str, token: str,
                 http: httpx.AsyncClient | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.url = f"{base_url.rstrip('/')}/{phone_number_id}/messages"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.http = http or httpx.AsyncClient(timeout=httpx.Timeout(15.0, connect=5.0))
        self.sleep = sleep  # tests pass one that does not wait

    async def close(self) -> None:
        await self.http.aclose()

    async def send(self, to: str, message: dict[str, Any]) -> str:
        """Send one message (`message` holds its type and content); returns its wamid."""
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, **message}
        data = await self._post(body)
        messages = data.get("messages") or [{}]
        return str(messages[0].get("id", ""))

    async def mark_read(self, message_id: str) -> None:
        await self._post({"messaging_product": "whatsapp", "status": "read", "message_id": message_id})

    async def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        delay = 0.5
        for attempt in range(RETRIES):
            try:
                response = await self.http.post(self.url, json=body, headers=self.headers)
            except httpx.TransportError:
                if attempt == RETRIES - 1:
                    raise
                await self.sleep(delay)
                delay *= 2
                continue
            if response.status_code < 400:
                return response.json()  # type: ignore[no-any-return]
            error = _error(response)
            if error.permanent or attempt == RETRIES - 1:
                raise error
            logger.warning("WhatsApp API error %s, retrying", error.code)
            await self.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")


def _error(response: httpx.Response) -> GraphError:
    try:
        err = response.json().get("error") or {}
    except ValueError:
        err = {}
    return GraphError(response.status_code, int(err.get("code") or 0), str(err.get("message") or response.text[:200]))
