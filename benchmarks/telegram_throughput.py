"""Throughput end to end, beside a bare echo bot; and a turn's cost with each store.

    python benchmarks/telegram_throughput.py [--chats 100] [--rounds 6]

The local Bot API stand-in (tests/channels/fakebotapi.py) runs in another process. N residents each
send `rounds` messages of a real conversation ("bonjour", "caf", "st eloi", …); the bot is
done when every expected reply has reached the stand-in. The same number of updates goes to
a bare python-telegram-bot echo bot (default settings, one reply per message) in this
process. Telegram's 30 messages/s cap is lifted for both: it would measure Telegram, not us.
The bot runs with SQLite, then with PostgreSQL when a server answers (DATABASE_URL, else the
local test server), each time with the durable inbox and outbox.
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
    req = Request(root + path, data=data, method="POST" if data else "GET",  # noqa: S310 (loopback only)
                  headers={"Content-Type": "application/json"})
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


async def timed_run(app, base: str, ups: list[dict], target: dict[str, int]) -> float:  # type: ignore[no-untyped-def]
    """Updates per second from the first poll until every expected call reached the stand-in."""
    async with app:
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


async def run_ours(base: str, chats: int, rounds: int, target_store: str) -> tuple[float, float]:
    """The bot as `python -m bot telegram` runs it: long polling into the inbox, the queues' loops."""
    from bot.channels.serve import running
    from bot.runtime import KnowledgeSource, Runtime
    from bot.settings import Settings
    from bot.storage.store import Store

    store = await Store.open(target_store)
    runtime = Runtime(store, KnowledgeSource(ROOT / "directory.yaml", ROOT / "intents"), b"bench")
    runtime.source.current  # noqa: B018 (loaded before the clock starts, as at a bot's start)
    settings = Settings(token=tg.TOKEN, base_url=base, max_rate=1e6)
    ups, expected = updates(chats, rounds, 10_000 + int(time.time()) % 10_000 * 100)
    before = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    target = {k: before.get(k, 0) + v for k, v in expected.items()}
    try:
        async with running(settings, runtime, telegram=True, whatsapp=False):
            await asyncio.to_thread(control, base, "/_load", {"updates": ups})
            t0 = time.perf_counter()
            await wait_until(base, target)
            rate = len(ups) / (time.perf_counter() - t0)
    finally:
        await store.close()
    after = (await asyncio.to_thread(control, base, "/_stats"))["requests"]
    calls = sum(after.get(m, 0) - before.get(m, 0) for m in ("sendMessage", "sendVenue"))
    return rate, calls / len(ups)


async def turn_cost(target_store: str, turns: int = 600) -> tuple[float, float]:
    """Milliseconds per turn through the runtime with its store (understanding, directory, one
    transaction writing state, effects, outbox and inbox), p50 and p99."""
    from bot.conversation.events import Incoming
    from bot.runtime import KnowledgeSource, Runtime
    from bot.storage.store import Store

    store = await Store.open(target_store)
    runtime = Runtime(store, KnowledgeSource(ROOT / "directory.yaml", ROOT / "intents"), b"bench")
    runtime.source.current  # noqa: B018
    times = []
    try:
        for i in range(turns):
            text = SCRIPT[i % len(SCRIPT)][0]
            user = str(90_000 + i // len(SCRIPT))
            t0 = time.perf_counter()
            await runtime.handle_queued(Incoming("telegram", user, text=text), address=user)
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        await store.close()
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99)]


def postgres_url() -> str | None:
    """DATABASE_URL, else the local test server when one answers; None when there is none."""
    url = os.environ.get("DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") \
        or "postgresql://postgres@127.0.0.1:5432/test"

    async def reachable() -> bool:
        try:
            import asyncpg
            conn = await asyncpg.connect(url, timeout=3)
            await conn.close()
            return True
        except Exception:  # noqa: BLE001 (no server, no driver, refused: measured without it)
            return False
    return url if asyncio.run(reachable()) else None


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
    pg = postgres_url()
    results = {}
    try:
        assert server.stdout is not None
        base = server.stdout.readline().strip()
        echo = asyncio.run(run_echo(base, args.chats, args.rounds))
        sqlite = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
        results["SQLite"] = asyncio.run(run_ours(base, args.chats, args.rounds, sqlite))
        costs = {"SQLite": asyncio.run(turn_cost(str(Path(tempfile.mkdtemp()) / "turns.sqlite3")))}
        if pg:
            fresh = asyncio.run(fresh_database(pg))
            try:
                results["PostgreSQL"] = asyncio.run(run_ours(base, args.chats, args.rounds, fresh))
                costs["PostgreSQL"] = asyncio.run(turn_cost(fresh))
            finally:
                asyncio.run(drop_database(pg, fresh))
    finally:
        server.terminate()
        server.wait(10)
    n = args.chats * args.rounds
    print(f"{n} updates from {args.chats} residents, stand-in in another process, inbox and outbox on")
    print(f"bare echo bot (python-telegram-bot defaults): {echo:.0f} updates/s (1 reply each)")
    for name, (ours, calls) in results.items():
        print(f"orientation bot, {name}: {ours:.0f} updates/s ({calls:.2f} Bot API calls per update: "
              f"text, keyboard, venue pin) — ratio {ours / echo:.2f} per update (target ≥ 0.7), "
              f"{ours * calls / echo:.2f} per Bot API call")
    for name, (p50, p99) in costs.items():
        print(f"turn with its store write, {name}: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    if not pg:
        print("PostgreSQL: no server reachable (DATABASE_URL or TEST_DATABASE_URL): not measured")


async def fresh_database(url: str) -> str:
    import asyncpg
    name = f"bot_bench_{os.getpid()}"
    conn = await asyncpg.connect(url)
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return url.rsplit("/", 1)[0] + "/" + name


async def drop_database(url: str, fresh: str) -> None:
    import asyncpg
    conn = await asyncpg.connect(url)
    await conn.execute(f'DROP DATABASE IF EXISTS "{fresh.rsplit("/", 1)[1]}" WITH (FORCE)')
    await conn.close()


if __name__ == "__main__":
    main()
