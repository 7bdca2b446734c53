"""Throughput through python-telegram-bot, end to end, beside a bare echo bot.

    python benchmarks/telegram_throughput.py [--chats 100] [--rounds 6]

The local Bot API stand-in (tests/fakebotapi.py) runs in another process. N residents each
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

from tests import fakebotapi as tg  # noqa: E402

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


async def run_ours(base: str, chats: int, rounds: int) -> float:
    from bot.channels.telegram import TelegramChannel
    from bot.runtime import Runtime
    from bot.settings import Settings
    from bot.source import KnowledgeSource
    from bot.store import Store

    store = await Store.open(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    runtime = Runtime(store, KnowledgeSource(ROOT / "directory.yaml", ROOT / "intents"), b"bench")
    channel = TelegramChannel(runtime, Settings(token=tg.TOKEN, base_url=base, max_rate=1e6))
    app = channel.build()
    ups, expected = updates(chats, rounds, 10_000)
    before = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    target = {k: before.get(k, 0) + v for k, v in expected.items()}
    async with app:
        await channel.prepare(app)
        await app.start()
        await asyncio.to_thread(control, base, "/_load", {"updates": ups})
        t0 = time.perf_counter()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await wait_until(base, target)
        elapsed = time.perf_counter() - t0
        await app.updater.stop()
        await app.stop()
    await store.close()
    return len(ups) / elapsed


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
    async with app:
        await app.start()
        await asyncio.to_thread(control, base, "/_load", {"updates": ups})
        t0 = time.perf_counter()
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await wait_until(base, target)
        elapsed = time.perf_counter() - t0
        await app.updater.stop()
        await app.stop()
    return len(ups) / elapsed


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--chats", type=int, default=100)
    p.add_argument("--rounds", type=int, default=6, help="a multiple of 3")
    args = p.parse_args()
    server = subprocess.Popen([sys.executable, "-m", "tests.fakebotapi"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert server.stdout is not None
        base = server.stdout.readline().strip()
        echo = asyncio.run(run_echo(base, args.chats, args.rounds))
        ours = asyncio.run(run_ours(base, args.chats, args.rounds))
    finally:
        server.terminate()
        server.wait(10)
    n = args.chats * args.rounds
    print(f"{n} updates from {args.chats} residents, stand-in in another process")
    print(f"bare echo bot: {echo:.0f} updates/s (1 reply each)")
    print(f"orientation bot: {ours:.0f} updates/s (understanding, directory, SQLite write, "
          f"about 2 Bot API calls per update)")
    print(f"ratio: {ours / echo:.2f} (target ≥ 0.7)")


if __name__ == "__main__":
    main()
