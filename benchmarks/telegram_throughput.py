"""Throughput through python-telegram-bot, end to end, beside a bare echo bot.

    python benchmarks/telegram_throughput.py [--chats 100] [--rounds 6]

The local Bot API stand-in (tests/channels/fakebotapi.py) runs in another process. N residents each
send `rounds` messages of a real conversation ("bonjour", "caf", "st eloi", …); the bot is
done when every expected reply has reached the stand-in. The same number of updates goes to
a bare python-telegram-bot echo bot (default settings, one reply per message) in this
process. Telegram's 30 messages/s cap is lifted for both: it would measure Telegram, not us.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("PTB_TIMEDELTA", "true")

from tests.channels import fakebotapi as tg  # noqa: E402

# Each round ends with the answer's venue: one resident's updates are handled in order, so
# when every venue has arrived, every update has been answered.
SCRIPT = (("/start", {}), ("caf", {}), ("st eloi", {"sendVenue": 1}))


def control(base: str, path: str, body: dict | None = None) -> dict:
    root = base.rsplit("/bot", 1)[0]
    data = json.dumps(body).encode() if body is not None else None
    req = Request(root + path, data=data, headers={"Content-Type": "application/json"},
                  method="POST" if data else "GET")
    with urlopen(req, timeout=30) as r:  # noqa: S310 (loopback only)
        return json.loads(r.read())


def updates(chats: int, rounds: int, offset_user: int) -> tuple[list[dict], dict[str, int]]:
    out, expected = [], {"sendVenue": 0}
    for r in range(rounds):
        text, calls = SCRIPT[r % len(SCRIPT)]
        for c in range(chats):
            out.append(tg.message(offset_user + c, text))
            for k, v in calls.items():
                expected[k] += v
    return out, expected


async def wait_until(base: str, target: dict[str, int], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
        if all(counts.get(k, 0) >= v for k, v in target.items()):
            return
        await asyncio.sleep(0.02)
    raise TimeoutError(f"not all replies arrived: {target}")


async def timed_run(app, base: str, ups: list[dict], target: dict[str, int], prepare=None) -> float:  # type: ignore[no-untyped-def]
    """Updates per second from the first poll until every expected call reached the stand-in."""
    async with app:
        if prepare is not None:
            await prepare(app)
        await app.start()
        await asyncio.to_thread(control, base, "/_load", {"updates": ups})
        t0 = time.perf_counter()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            await wait_until(base, target)
            return len(ups) / (time.perf_counter() - t0)
        finally:
            await app.updater.stop()
            await app.stop()


async def run_ours(base: str, chats: int, rounds: int) -> tuple[float, float]:
    from bot.channels.telegram import TelegramChannel
    from bot.runtime import KnowledgeSource, Runtime
    from bot.settings import Settings
    from bot.storage.store import Store

    store = await Store.open(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    runtime = Runtime(store, KnowledgeSource(ROOT / "directory.yaml", ROOT / "intents"), b"bench")
    channel = TelegramChannel(runtime, Settings(token=tg.TOKEN, base_url=base, max_rate=1e6))
    app = channel.build()
    ups, expected = updates(chats, rounds, 10_000)
    before = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    target = {k: before.get(k, 0) + v for k, v in expected.items()}
    try:
        rate = await timed_run(app, base, ups, target, prepare=channel.prepare)
    finally:
        await store.close()
    after = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    calls = sum(after.get(m, 0) - before.get(m, 0) for m in ("sendMessage", "sendVenue"))
    return rate, calls / len(ups)


async def run_echo(base: str, chats: int, rounds: int) -> float:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(update.message.text)

    app = Application.builder().token(tg.TOKEN).base_url(base).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    ups, _ = updates(chats, rounds, 50_000)
    before = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    target = {"sendMessage": before.get("sendMessage", 0) + len(ups)}
    return await timed_run(app, base, ups, target)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--chats", type=int, default=100)
    p.add_argument("--rounds", type=int, default=6, help="a multiple of 3")
    args = p.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "tests.channels.fakebotapi"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert server.stdout is not None
        base = server.stdout.readline().strip()
        echo = asyncio.run(run_echo(base, args.chats, args.rounds))
        ours, calls = asyncio.run(run_ours(base, args.chats, args.rounds))
    finally:
        server.terminate()
        server.wait(10)
    n = args.chats * args.rounds
    print(f"{n} updates from {args.chats} residents, stand-in in another process")
    print(f"bare echo bot: {echo:.0f} updates/s (1 reply each)")
    print(f"orientation bot: {ours:.0f} updates/s (understanding, directory, SQLite write, "
          f"{calls:.2f} Bot API calls per update: text, keyboard, venue pin)")
    print(f"ratio: {ours / echo:.2f} per update (target ≥ 0.7); {ours * calls / echo:.2f} per Bot API call")


if __name__ == "__main__":
    main()
