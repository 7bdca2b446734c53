"""The terminal chat: one message per line, numbered buttons, also the test harness.

Typing a button's number presses it; `/position LAT LON` shares a location; `/quitter`, EOF or
Ctrl-C ends the session. Works on a pipe, so admins can script what the bot would say.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import sys
import threading
from collections.abc import Callable
from typing import TextIO

from bot.conversation.events import Incoming, Reply
from bot.conversation.i18n import DEFAULT, translator
from bot.places.geo import map_link
from bot.runtime import Relay, Runtime, open_runtime
from bot.settings import Settings
from bot.storage.store import Reminder

CHANNEL = "console"
_POSITION = re.compile(r"^/position\s+(-?\d+(?:[.,]\d+)?)[\s,;]+(-?\d+(?:[.,]\d+)?)\s*$", re.IGNORECASE)
QUIT = frozenset({"/quitter", "/quit", "/exit"})


def render(reply: Reply, first_number: int) -> str:
    lines = [f"🤖 {line}" if i == 0 else f"   {line}" for i, line in enumerate(reply.text.splitlines())]
    if reply.pin is not None:
        lines.append(f"   🗺 {map_link(reply.pin.latitude, reply.pin.longitude)}")
    if reply.contacts:
        lines.append("   📞 " + " · ".join(c.phone for c in reply.contacts))
    if reply.ask_location:
        _ = translator(reply.lang)
        lines.append("   📍 " + _("Pour envoyer votre position : /position LATITUDE LONGITUDE"))
    for i, b in enumerate(reply.buttons, first_number):
        lines.append(f"   [{i}] {b.label}")
    return "\n".join(lines)


class ConsoleMediators:
    """In the terminal there is no mediators' group: say what would be sent."""

    def __init__(self, out: Callable[[str], None]) -> None:
        self.out = out
        self.count = 0

    async def forward(self, text: str, relay: Relay | None = None) -> None:
        self.count += 1
        self.out("   ↪ transmis à un médiateur")
        if relay is not None:
            await relay(f"console-{self.count}")


class ConsoleSession:
    """One resident at the terminal: push a line, get the text they would read."""

    def __init__(self, runtime: Runtime, user: str = "console") -> None:
        self.runtime = runtime
        self.user = user
        self.buttons: list[str] = []
        self.lang = DEFAULT  # of the last reply: the goodbye is said in it

    def incoming(self, line: str) -> Incoming:
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            return Incoming(CHANNEL, self.user, button=self.buttons[int(text) - 1])
        m = _POSITION.match(text)
        if m:
            lat, lon = (float(g.replace(",", ".")) for g in m.groups())
            return Incoming(CHANNEL, self.user, location=(lat, lon))
        if text.lower().startswith("/start"):
            return Incoming(CHANNEL, self.user, start=text[6:].strip())
        if text.lower() in ("/media", "/sticker", "/vocal"):
            return Incoming(CHANNEL, self.user, media=text[1:])
        return Incoming(CHANNEL, self.user, text=line)

    async def send(self, line: str) -> str:
        replies = await self.runtime.handle(self.incoming(line))
        out = []
        buttons: list[str] = []
        for r in replies:
            out.append(render(r, len(buttons) + 1))
            buttons += [b.payload for b in r.buttons]
        if replies:
            self.buttons = buttons
            self.lang = replies[-1].lang
        return "\n".join(out)

    async def reminders(self) -> str:
        out: list[str] = []

        async def show(reminder: Reminder, reply: Reply) -> None:
            if reminder.address == self.user:
                out.append(render(reply, 1))

        await self.runtime.deliver_reminders(CHANNEL, show)
        return "\n".join(out)


def _read_lines(stdin: TextIO, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[str | None]) -> None:
    for line in iter(stdin.readline, ""):
        loop.call_soon_threadsafe(queue.put_nowait, line)
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def run(runtime: Runtime, user: str, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    session = ConsoleSession(runtime, user)
    interactive = stdin.isatty()
    if interactive:
        print("Bot d'orientation — écrivez votre message (/quitter pour sortir).", file=sys.stderr)

    def write(text: str) -> None:
        if text:
            stdout.write(text + "\n")
            stdout.flush()

    # A daemon thread reads the keyboard: a blocked read must never keep Ctrl-C from quitting.
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    threading.Thread(target=_read_lines, args=(stdin, asyncio.get_running_loop(), lines), daemon=True).start()
    watcher = asyncio.create_task(runtime.source.watch())
    try:
        while True:
            if interactive:
                stdout.write("👤 ")
                stdout.flush()
            line = await lines.get()
            if line is None or line.strip().lower() in QUIT:
                break
            if not interactive:
                write(f"👤 {line.rstrip()}")
            write(await session.send(line.rstrip("\n")))
            write(await session.reminders())
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    finally:
        watcher.cancel()
    _ = translator(session.lang)
    write(_("À bientôt 👋"))
    return 0


async def run_console(settings: Settings, now: dt.datetime | None, user: str) -> int:
    """`python -m bot console`: the terminal chat on the configured directory and database."""
    # The console logs only problems: its screen is the conversation.
    logging.getLogger().setLevel(logging.WARNING)
    clock = (lambda: now) if now else None
    runtime = await open_runtime(settings, clock, ConsoleMediators(lambda s: print(s, flush=True)))
    try:
        return await run(runtime, user)
    finally:
        await runtime.store.close()
