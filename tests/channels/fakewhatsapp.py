"""A local stand-in for the WhatsApp Cloud API on 127.0.0.1, strict about Meta's rules.

It serves `POST /{version}/{phone_number_id}/messages` (messages and read receipts), checks the
bearer token, every documented limit of the message types the bot uses, the 24-hour customer
service window (free-form messages only within 24 h of the user's last message) and templates
(only approved ones). A refusal is answered with Meta's error shape and recorded as a violation,
so tests can assert there was none. It also builds the webhook payloads Meta would send.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

VERSION = "v23.0"
TOKEN = "wa-test-token"
PHONE_ID = "106540352242922"
APP_SECRET = "app-secret-for-tests"
VERIFY_TOKEN = "verify-me"
WINDOW = dt.timedelta(hours=24)
_ids = itertools.count(1)


def violations(message: dict[str, Any]) -> list[str]:
    """What Meta would refuse in one outgoing message (empty when it is fine)."""
    problems: list[str] = []
    kind = message.get("type")
    if kind == "text":
        body = (message.get("text") or {}).get("body", "")
        if not body or len(body) > 4096:
            problems.append(f"text body of {len(body)} characters (1–4096)")
    elif kind == "interactive":
        problems += _interactive(message.get("interactive") or {})
    elif kind == "location":
        loc = message.get("location") or {}
        if not (-90 <= float(loc.get("latitude", 999)) <= 90 and -180 <= float(loc.get("longitude", 999)) <= 180):
            problems.append("location out of range")
    elif kind == "contacts":
        for c in message.get("contacts") or [{}]:
            if not (c.get("name") or {}).get("formatted_name") or not c.get("phones"):
                problems.append("contact without formatted_name or phones")
    elif kind == "template":
        t = message.get("template") or {}
        if not t.get("name") or not (t.get("language") or {}).get("code"):
            problems.append("template without name or language code")
        for comp in t.get("components") or ():
            for p in comp.get("parameters") or ():
                text = p.get("text", "")
                if "\n" in text or "\t" in text or "    " in text:
                    problems.append("template parameter with a new line, a tab or 4 spaces")
    else:
        problems.append(f"unknown message type {kind!r}")
    return problems


def _interactive(i: dict[str, Any]) -> list[str]:
    problems = []
    kind = i.get("type")
    body = (i.get("body") or {}).get("text", "")
    if not body or len(body) > 1024:
        problems.append(f"interactive body of {len(body)} characters (1–1024)")
    action = i.get("action") or {}
    if kind == "button":
        buttons = action.get("buttons") or []
        if not 1 <= len(buttons) <= 3:
            problems.append(f"{len(buttons)} reply buttons (1–3)")
        titles = [(b.get("reply") or {}).get("title", "") for b in buttons]
        ids = [(b.get("reply") or {}).get("id", "") for b in buttons]
        problems += [f"button title {t!r} (1–20 characters)" for t in titles if not 1 <= len(t) <= 20]
        problems += [f"button id of {len(x)} characters (1–256)" for x in ids if not 1 <= len(x) <= 256]
        if len(set(titles)) != len(titles) or len(set(ids)) != len(ids):
            problems.append("buttons with the same title or id")
    elif kind == "list":
        label = action.get("button", "")
        if not 1 <= len(label) <= 20:
            problems.append(f"list button {label!r} (1–20 characters)")
        sections = action.get("sections") or []
        rows = [r for s in sections for r in s.get("rows") or []]
        if not 1 <= len(sections) <= 10 or not 1 <= len(rows) <= 10:
            problems.append(f"{len(sections)} sections, {len(rows)} rows (1–10 each)")
        if len(sections) > 1 and any(not s.get("title") for s in sections):
            problems.append("several sections without titles")
        for r in rows:
            if not 1 <= len(r.get("title", "")) <= 24:
                problems.append(f"row title {r.get('title')!r} (1–24 characters)")
            if len(r.get("description", "")) > 72:
                problems.append(f"row description of {len(r['description'])} characters (≤ 72)")
            if not 1 <= len(r.get("id", "")) <= 200:
                problems.append("row id (1–200 characters)")
        ids = [r.get("id") for r in rows]
        if len(set(ids)) != len(ids):
            problems.append("rows with the same id")
    elif kind == "location_request_message":
        if action.get("name") != "send_location":
            problems.append("location request without action send_location")
    else:
        problems.append(f"unknown interactive type {kind!r}")
    return problems


class FakeCloudAPI:
    def __init__(self, clock: Callable[[], dt.datetime],
                 approved: set[tuple[str, str]] | None = None) -> None:
        self.clock = clock
        self.approved = approved if approved is not None else {
            ("rappel_ouverture", "fr"), ("rappel_ouverture", "en"), ("rappel_ouverture", "ar")}
        self.sent: list[tuple[str, dict[str, Any]]] = []  # (to, message) accepted
        self.refused: list[tuple[int, str]] = []  # (code, why)
        self.read: list[str] = []
        self.last_inbound: dict[str, dt.datetime] = {}
        self.faults: list[int] = []  # HTTP statuses to answer the next calls with
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{VERSION}"

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/{version}/{phone}/messages", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def _error(self, status: int, code: int, why: str) -> web.Response:
        self.refused.append((code, why))
        return web.json_response({"error": {"message": why, "type": "OAuthException", "code": code,
                                            "error_data": {"messaging_product": "whatsapp", "details": why},
                                            "fbtrace_id": "Afake"}}, status=status)

    async def handle(self, request: web.Request) -> web.Response:
        if self.faults:
            status = self.faults.pop(0)
            return self._error(status, 131000 if status >= 500 else 130429, "Something went wrong")
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._error(401, 190, "Invalid OAuth access token")
        if request.match_info["phone"] != PHONE_ID or request.match_info["version"] != VERSION:
            return self._error(400, 100, "Unsupported post request")
        body = await request.json()
        if body.get("messaging_product") != "whatsapp":
            return self._error(400, 100, "messaging_product must be whatsapp")
        if body.get("status") == "read":
            self.read.append(body.get("message_id", ""))
            return web.json_response({"success": True})
        to = str(body.get("to") or "")
        message = {k: v for k, v in body.items() if k not in ("messaging_product", "recipient_type", "to")}
        problems = violations(message)
        if problems:
            return self._error(400, 100, "; ".join(problems))
        if message["type"] == "template":
            t = message["template"]
            if (t["name"], t["language"]["code"]) not in self.approved:
                return self._error(404, 132001, "Template name does not exist in the translation")
        else:
            last = self.last_inbound.get(to)
            if last is None or self.clock() - last > WINDOW:
                return self._error(400, 131047, "Re-engagement message: more than 24 hours have passed")
        self.sent.append((to, message))
        return web.json_response({"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}],
                                  "messages": [{"id": f"wamid.out{next(_ids)}"}]})

    # -- what tests read ----------------------------------------------------------------------

    def to(self, wa_id: str) -> list[dict[str, Any]]:
        return [m for t, m in self.sent if t == wa_id]

    def texts(self, wa_id: str) -> list[str]:
        """The readable text of each message sent to `wa_id` (bodies, list rows, pins)."""
        out = []
        for m in self.to(wa_id):
            if m["type"] == "text":
                out.append(m["text"]["body"])
            elif m["type"] == "interactive":
                out.append(m["interactive"]["body"]["text"])
            elif m["type"] == "location":
                out.append(f"📍 {m['location'].get('name')}")
            elif m["type"] == "template":
                out.append(" | ".join(p["text"] for c in m["template"]["components"] for p in c["parameters"]))
        return out

    @staticmethod
    def choices(message: dict[str, Any]) -> list[tuple[str, str]]:
        """(title, id) of a message's buttons or list rows."""
        i = message.get("interactive") or {}
        action = i.get("action") or {}
        if i.get("type") == "button":
            return [(b["reply"]["title"], b["reply"]["id"]) for b in action["buttons"]]
        if i.get("type") == "list":
            return [(r.get("description") or r["title"], r["id"]) for s in action["sections"] for r in s["rows"]]
        return []


# -- webhook payloads, as Meta sends them ---------------------------------------------------------

def envelope(*messages: dict[str, Any], statuses: list[dict[str, Any]] | None = None,
             name: str = "Fatima Test") -> dict[str, Any]:
    value: dict[str, Any] = {"messaging_product": "whatsapp",
                             "metadata": {"display_phone_number": "33100000000", "phone_number_id": PHONE_ID}}
    if messages:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": messages[0]["from"]}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = statuses
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "WABA_ID", "changes": [{"value": value, "field": "messages"}]}]}


def _message(wa_id: str, kind: str, content: dict[str, Any], wamid: str | None = None) -> dict[str, Any]:
    return {"from": wa_id, "id": wamid or f"wamid.in{next(_ids)}", "timestamp": "1764583200", "type": kind,
            **content}


def text(wa_id: str, body: str, wamid: str | None = None) -> dict[str, Any]:
    return _message(wa_id, "text", {"text": {"body": body}}, wamid)


def chose(wa_id: str, message: dict[str, Any], title_or_id: str) -> dict[str, Any]:
    """The resident taps a button or a list row of a message the bot sent."""
    i = message["interactive"]
    for title, ident in FakeCloudAPI.choices(message):
        if title_or_id in (title, ident):
            kind = "button_reply" if i["type"] == "button" else "list_reply"
            return _message(wa_id, "interactive", {"interactive": {"type": kind, kind: {"id": ident, "title": title}}})
    raise AssertionError(f"no choice {title_or_id!r} in {FakeCloudAPI.choices(message)}")


def location(wa_id: str, lat: float, lon: float) -> dict[str, Any]:
    return _message(wa_id, "location", {"location": {"latitude": lat, "longitude": lon}})


def voice(wa_id: str) -> dict[str, Any]:
    return _message(wa_id, "audio", {"audio": {"id": "media1", "mime_type": "audio/ogg; codecs=opus", "voice": True}})


def sticker(wa_id: str) -> dict[str, Any]:
    return _message(wa_id, "sticker", {"sticker": {"id": "media2", "mime_type": "image/webp", "animated": False}})


def status(wa_id: str, wamid: str = "wamid.out1", state: str = "delivered") -> dict[str, Any]:
    return {"id": wamid, "status": state, "timestamp": "1764583201", "recipient_id": wa_id}


def signed(payload: dict[str, Any], secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"X-Hub-Signature-256": sig, "Content-Type": "application/json"}
