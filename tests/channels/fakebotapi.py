"""A local stand-in for the Telegram Bot API on 127.0.0.1, recording what the bot sends.

It serves the methods python-telegram-bot calls (getMe, getUpdates with offset and long-poll
timeout, sendMessage, sendVenue, sendLocation, answerCallbackQuery, setMyCommands,
deleteWebhook, setWebhook) and can answer chosen calls with 429 or 500 to test resilience.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token"
BOT_USER = {"id": 999, "is_bot": True, "first_name": "Orientation", "username": "orientation_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
RAW_FIELDS = {"text", "title", "address", "caption", "parse_mode", "callback_query_id", "url",
              "phone_number", "first_name",
              "secret_token", "description", "short_description", "drop_pending_updates"}
DESCRIPTIONS = {400: "Bad Request: chat not found", 401: "Unauthorized",
                403: "Forbidden: bot was blocked by the user"}
HOLD_SECONDS = 0.3  # a long poll is held this long at most: enough to show it is not busy-looping


class FakeBotAPI:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.failed: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.next_message_id = 5000
        self.faults: dict[str, list[int]] = {}
        self.poll_count = 0
        self.confirmed = 0
        self.messages: list[dict[str, Any]] = []  # every message the bot sent, as returned to it
        # Bots may call through /<name>/bot<token>/...: calls of a name in `unreachable` never get
        # an answer (a network partition), so they reach nobody.
        self.unreachable: set[str] = set()
        self.down_chats: set[int] = set()  # messages to these chats fail with a 502 (a group Telegram cannot reach)
        self.held: list[tuple[str, str, dict[str, Any]]] = []
        self._closing = asyncio.Event()
        self.delivered_by: list[str] = []  # the client of each entry of `requests`
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- server ------------------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(client_max_size=256 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self.handle)
        app.router.add_get("/bot{token}/{method}", self.handle)
        app.router.add_post("/{client}/bot{token}/{method}", self.handle)
        # Control routes, for benchmarks driving the stand-in from another process.
        app.router.add_post("/_load", self.c_load)
        app.router.add_get("/_stats", self.c_stats)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        client = request.match_info.get("client", "")
        params = await self._params(request)
        if client in self.unreachable:
            self.held.append((client, method, params))
            await self._closing.wait()  # until the client gives up or dies: never delivered
            return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502)
        if method == "sendMessage" and _chat_id(params) in self.down_chats:
            async with self._changed:
                self.failed.append((method, params))  # not delivered
                self._changed.notify_all()
            return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502)
        faults = self.faults.get(method)
        if faults:
            status = faults.pop(0)
            async with self._changed:
                self.failed.append((method, params))  # answered with an error: not delivered
                self._changed.notify_all()
            if status == 429:
                return web.json_response({"ok": False, "error_code": 429,
                                          "description": "Too Many Requests: retry after 1",
                                          "parameters": {"retry_after": 1}}, status=429)
            return web.json_response({"ok": False, "error_code": status,
                                      "description": DESCRIPTIONS.get(status, "Internal Server Error")}, status=status)
        refusal = _refusal(method, params)
        if refusal:  # what Telegram itself refuses: the bot must never send it
            self.failed.append((method, params))
            return web.json_response({"ok": False, "error_code": 400, "description": refusal}, status=400)
        handler = getattr(self, f"m_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        if method != "getUpdates":
            async with self._changed:
                self.requests.append((method, params))  # delivered
                self.delivered_by.append(client)
                self._changed.notify_all()
        result = await handler(params)
        return web.json_response({"ok": True, "result": result})

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        out: dict[str, Any] = {}
        for key, value in form.items():
            if not isinstance(value, str):
                continue
            if key in RAW_FIELDS:
                out[key] = value
                continue
            try:
                out[key] = json.loads(value)
            except ValueError:
                out[key] = value
        return out

    # -- methods -----------------------------------------------------------------------------

    async def m_getMe(self, p: dict[str, Any]) -> Any:
        return BOT_USER

    async def m_getUpdates(self, p: dict[str, Any]) -> Any:
        self.poll_count += 1
        # As Telegram does: an offset confirms every earlier update, for good.
        offset = int(p.get("offset") or 0)
        if offset > self.confirmed:
            async with self._changed:
                self.confirmed = offset
                self._changed.notify_all()
        offset = self.confirmed
        deadline = time.monotonic() + min(float(p.get("timeout") or 0), HOLD_SECONDS)
        async with self._changed:
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                left = deadline - time.monotonic()
                if ready or left <= 0:
                    return ready[: int(p.get("limit") or 100)]
                try:
                    await asyncio.wait_for(self._changed.wait(), left)
                except TimeoutError:
                    pass

    def _message(self, chat_id: Any, **extra: Any) -> dict[str, Any]:
        self.next_message_id += 1
        chat_type = "private" if int(chat_id) > 0 else "supergroup"
        return {"message_id": self.next_message_id, "date": int(time.time()),
                "chat": {"id": int(chat_id), "type": chat_type}, "from": BOT_USER, **extra}

    async def m_sendMessage(self, p: dict[str, Any]) -> Any:
        m = self._message(p["chat_id"], text=p.get("text", ""))
        self.messages.append(m)
        return m

    async def m_sendVenue(self, p: dict[str, Any]) -> Any:
        loc = {"latitude": p["latitude"], "longitude": p["longitude"]}
        return self._message(p["chat_id"], venue={"location": loc, "title": p["title"], "address": p["address"]},
                             location=loc)

    async def m_sendLocation(self, p: dict[str, Any]) -> Any:
        return self._message(p["chat_id"], location={"latitude": p["latitude"], "longitude": p["longitude"]})

    async def m_sendContact(self, p: dict[str, Any]) -> Any:
        return self._message(p["chat_id"], contact={"phone_number": p["phone_number"],
                                                    "first_name": p["first_name"]})

    async def m_answerCallbackQuery(self, p: dict[str, Any]) -> Any:
        return True

    async def m_setMyCommands(self, p: dict[str, Any]) -> Any:
        return True

    async def m_deleteWebhook(self, p: dict[str, Any]) -> Any:
        return True

    async def m_setWebhook(self, p: dict[str, Any]) -> Any:
        return True

    async def m_close(self, p: dict[str, Any]) -> Any:
        return True

    async def c_load(self, request: web.Request) -> web.Response:
        updates = (await request.json())["updates"]
        async with self._changed:
            for u in updates:
                self.updates.append({"update_id": self.next_update_id, **u})
                self.next_update_id += 1
            self._changed.notify_all()
        return web.json_response({"ok": True, "loaded": len(updates)})

    async def c_stats(self, request: web.Request) -> web.Response:
        counts: dict[str, int] = {}
        for m, _ in self.requests:
            counts[m] = counts.get(m, 0) + 1
        return web.json_response({"requests": counts, "updates": len(self.updates)})

    # -- what tests push -----------------------------------------------------------------------

    async def push(self, update: dict[str, Any]) -> int:
        async with self._changed:
            update = {"update_id": self.next_update_id, **update}
            self.next_update_id += 1
            self.updates.append(update)
            self._changed.notify_all()
        return update["update_id"]

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 15.0) -> None:
        async def waiting() -> None:
            async with self._changed:
                await self._changed.wait_for(condition)
        await asyncio.wait_for(waiting(), timeout)

    # -- reading what the bot sent -------------------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[tuple[str, dict[str, Any]]]:
        return [(m, p) for m, p in self.requests
                if (method is None or m == method)
                and (chat_id is None or str(p.get("chat_id")) == str(chat_id))]

    def texts(self, chat_id: int) -> list[str]:
        return [p.get("text", "") for m, p in self.sent(chat_id, "sendMessage")]

    def last_message(self, chat_id: int) -> dict[str, Any]:
        """The last message the bot sent to a chat, as Telegram would show it (with its id)."""
        return [m for m in self.messages if m["chat"]["id"] == chat_id][-1]

    def count(self, chat_id: int, method: str = "sendMessage") -> int:
        return len(self.sent(chat_id, method))


_BROKEN_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+);)")


def _refusal(method: str, params: dict[str, Any]) -> str | None:
    text = params.get("text")
    if method != "sendMessage" or not isinstance(text, str):
        return None
    if len(text) > 4096:
        return "Bad Request: message is too long"
    if params.get("parse_mode") == "HTML" and _BROKEN_ENTITY.search(text):
        return "Bad Request: can't parse entities: unsupported start tag or entity"
    return None


# -- updates as Telegram sends them ------------------------------------------------------------

def _user(uid: int) -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": "Habitant"}


def _chat(cid: int, kind: str = "private") -> dict[str, Any]:
    return {"id": cid, "type": kind}


_message_ids = iter(range(1, 10**9))


def message(uid: int, text: str | None = None, *, chat: int | None = None, kind: str = "private",
            reply_to: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    m: dict[str, Any] = {"message_id": next(_message_ids), "date": int(time.time()),
                         "chat": _chat(chat if chat is not None else uid, kind), "from": _user(uid), **extra}
    if text is not None:
        m["text"] = text
        if text.startswith("/"):
            m["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split(" ")[0])}]
    if reply_to is not None:
        m["reply_to_message"] = reply_to
    return {"message": m}


def location(uid: int, lat: float, lon: float) -> dict[str, Any]:
    return message(uid, location={"latitude": lat, "longitude": lon})


def sticker(uid: int) -> dict[str, Any]:
    return message(uid, sticker={"file_id": "s", "file_unique_id": "s", "width": 512, "height": 512,
                                 "is_animated": False, "is_video": False, "type": "regular"})


def voice(uid: int) -> dict[str, Any]:
    return message(uid, voice={"file_id": "v", "file_unique_id": "v", "duration": 3})


def photo(uid: int) -> dict[str, Any]:
    return message(uid, photo=[{"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}])


def edited(uid: int, text: str) -> dict[str, Any]:
    m = message(uid, text)["message"]
    m["edit_date"] = int(time.time())
    return {"edited_message": m}


def callback(uid: int, data: str, message_id: int = 1) -> dict[str, Any]:
    return {"callback_query": {"id": f"cb{next(_message_ids)}", "from": _user(uid), "chat_instance": "ci",
                               "data": data,
                               "message": {"message_id": message_id, "date": int(time.time()),
                                           "chat": _chat(uid), "from": BOT_USER, "text": "…"}}}


def _chat_id(params: dict[str, Any]) -> int | None:
    try:
        return int(params.get("chat_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


async def _serve_forever() -> None:
    server = FakeBotAPI()
    base = await server.start()
    print(base, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(_serve_forever())
