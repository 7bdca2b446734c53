"""Crashes and several instances, with real bot processes against the Bot API stand-in.

A bot process is killed with SIGKILL while residents are waiting: nothing they sent is lost,
because every update is stored before Telegram hears it arrived. Two processes share one
PostgreSQL database behind one webhook address: every resident is answered, in order, every due
reminder sent, and one of them dying changes nothing but who answers. Replies are sent at least
once: only a reply the dead process was sending may arrive twice, and the tests check that no
other one does.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from bot.storage.privacy import AddressBox, user_key
from bot.storage.store import Store
from tests.channels import fakebotapi as tg
from tests.channels.tgharness import bot_process_env
from tests.conftest import ROOT, fresh_postgres

SECRET = "a-test-secret-long-enough-for-the-checks-0123456789"
HOOK_SECRET = "hook-secret-0123456789abcdefghijklmnop"
START = 30  # seconds a bot process may take to start (imports, intents, directory)
GREETING, WHERE, ANSWER = "Bonjour", "Où êtes-vous", "Maison des services des Tilleuls"


def bot_env(api: tg.FakeBotAPI, client: str, **extra: str) -> dict[str, str]:
    return bot_process_env(f"http://127.0.0.1:{api.port}/{client}/bot", **{
        "TELEGRAM_MAX_RATE": "1000",  # a local stand-in, not Telegram
        "BOT_SECRET": SECRET,
        "BOT_LEASE_SECONDS": "2",  # how soon a dead process's claimed rows are taken over
        **extra})


class BotProcess:
    """`python -m bot telegram` in a child process, its log kept for when a test fails."""

    def __init__(self, name: str, env: dict[str, str], log: Path) -> None:
        self.name, self.env, self.log = name, env, log
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> BotProcess:
        with open(self.log, "ab") as out:  # noqa: ASYNC230 (a log file opened once, before the process starts)
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "telegram", env=self.env, cwd=ROOT,
                stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out)
        return self

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)

    async def stop(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.terminate()
        try:
            await asyncio.wait_for(self.proc.wait(), 20)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@contextlib.asynccontextmanager
async def processes(*bots: BotProcess) -> AsyncIterator[None]:
    try:
        yield
    except BaseException:
        for b in bots:
            print(f"--- {b.name} ---\n{b.output()}")
        raise
    finally:
        for b in bots:
            await b.stop()


def answered(api: tg.FakeBotAPI, residents: list[int]) -> int:
    return sum(1 for uid in residents if api.count(uid))


def collapsed(items: list[str]) -> list[str]:
    """Consecutive repeats folded: what a resident reads, a re-sent reply aside."""
    return [k for k, _ in itertools.groupby(items)]


async def test_sigkill_with_a_backlog_then_restart_answers_all_150(api, tmp_path):
    residents = list(range(30001, 30151))
    for uid in residents:
        await api.push(tg.message(uid, "la caf ma coupé les aloc"))
    env = bot_env(api, "bot", BOT_DATABASE=str(tmp_path / "bot.sqlite3"))
    first = await BotProcess("first", env, tmp_path / "first.log").start()
    second = BotProcess("second", env, tmp_path / "second.log")
    async with processes(first, second):
        # Every update received and confirmed to Telegram (the offset of the next long poll), a
        # few answered, replies in flight: the old bot lost whatever was confirmed and unanswered.
        await api.wait_for(lambda: api.confirmed > len(residents) and answered(api, residents) >= 20, timeout=START)
        first.kill()
        await first.proc.wait()  # type: ignore[union-attr]
        at_kill = answered(api, residents)
        assert at_kill < len(residents)
        await second.start()
        await api.wait_for(lambda: answered(api, residents) == len(residents), timeout=START + 30)
    for uid in residents:
        texts = api.texts(uid)
        assert collapsed(texts) == [texts[0]] and WHERE in texts[0], (uid, texts)
    # At least once: a reply the first process had sent but not yet marked sent goes again. It
    # had at most 16 updates in hand and 20 replies being re-sent at the kill.
    twice = [uid for uid in residents if api.count(uid) > 1]
    print(f"answered at the kill: {at_kill}, answered twice: {len(twice)}")
    assert len(twice) <= 16 + 20, f"{len(twice)} residents answered twice"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def healthy(port: int, bot: BotProcess) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(START * 10):
            assert bot.proc is not None and bot.proc.returncode is None, f"{bot.name} died:\n{bot.output()}"
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(f"http://127.0.0.1:{port}/healthcheck")).status_code == 200:
                    return
            await asyncio.sleep(0.1)  # waiting for a process to listen, not timing the bot
    raise AssertionError(f"{bot.name} never answered its health check:\n{bot.output()}")


async def due_reminders(url: str, residents: list[int], now: dt.datetime) -> dict[int, str]:
    """One reminder due a minute ago for each of these residents, as the bot would have stored it."""
    store = await Store.open(url)
    box = AddressBox(SECRET.encode())
    texts = {uid: f"⏰ Rappel : permanence CAF n°{uid}" for uid in residents}
    try:
        for uid, text in texts.items():
            await store.db.execute(
                "INSERT INTO reminders(user_key, channel, address, due_at, until_at, place, text, params)"
                " VALUES (?,?,?,?,?,?,?,?)",
                user_key(SECRET.encode(), "telegram", str(uid)), "telegram", box.seal(str(uid)),
                (now - dt.timedelta(minutes=1)).isoformat(), (now + dt.timedelta(hours=2)).isoformat(),
                "CAF", text, "{}")
    finally:
        await store.close()
    return texts


async def test_two_instances_on_postgresql_one_killed(api, tmp_path):
    residents = list(range(40001, 40201))
    script = ["/start", "la caf ma coupé les aloc", "Les Tilleuls"]
    async with fresh_postgres() as url:
        # The schema first (as the first instance would), then reminders already due.
        reminders = await due_reminders(url, residents[::10], dt.datetime.now(dt.UTC))
        ports = {"a": free_port(), "b": free_port()}
        bots = {name: BotProcess(name, bot_env(api, name, DATABASE_URL=url, PORT=str(port),
                                               WEBHOOK_URL="https://bot.example.org/hook",
                                               WEBHOOK_SECRET=HOOK_SECRET), tmp_path / f"{name}.log")
                for name, port in ports.items()}
        async with processes(*bots.values()):
            for b in bots.values():
                await b.start()
            for name, b in bots.items():
                await healthy(ports[name], b)
            alive = {"a": True, "b": True}
            posted = 0
            update_ids = itertools.count(1)

            async def deliver(client: httpx.AsyncClient, update: dict, prefer: str) -> None:
                """As Telegram and a load balancer do: to an instance, to the other if it is down,
                again until some instance says 200."""
                nonlocal posted
                for name in (prefer, "b" if prefer == "a" else "a") * 3:
                    if not alive[name]:
                        continue
                    try:
                        r = await client.post(f"http://127.0.0.1:{ports[name]}/hook", json=update,
                                              headers={"X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET})
                    except httpx.HTTPError:
                        continue
                    if r.status_code == 200:
                        posted += 1
                        return
                raise AssertionError(f"update {update['update_id']} refused by both instances")

            async def resident(client: httpx.AsyncClient, i: int, uid: int, gate: asyncio.Semaphore) -> None:
                for k, text in enumerate(script):
                    async with gate:
                        update = {"update_id": next(update_ids), **tg.message(uid, text)}
                        await deliver(client, update, "ab"[(i + k) % 2])

            async def kill_a_midway() -> None:
                # Once half the updates are in and A has answered some of them.
                while (posted < len(residents) * len(script) // 2 or api.delivered_by.count("a") < 60) \
                        and not all(api.count(uid, "sendVenue") for uid in residents):
                    await asyncio.sleep(0.01)  # watching the load, not timing the bot
                api.unreachable.add("a")  # its calls to Telegram stop arriving, then it dies
                bots["a"].kill()
                await bots["a"].proc.wait()  # type: ignore[union-attr]
                alive["a"] = False

            gate = asyncio.Semaphore(20)
            async with httpx.AsyncClient(timeout=30) as client:
                await asyncio.gather(kill_a_midway(),
                                     *(resident(client, i, uid, gate) for i, uid in enumerate(residents)))
            await api.wait_for(lambda: all(api.count(uid, "sendVenue") for uid in residents)
                               and all(text in api.texts(uid) for uid, text in reminders.items()), timeout=90)
        # Who may legitimately get a reply twice: those the dead instance was talking to.
        held = {str(p.get("chat_id")) for _, _, p in api.held}
        recent_a = [str(p.get("chat_id")) for (m, p), by in zip(api.requests, api.delivered_by, strict=True)
                    if by == "a"][-40:]  # it had at most 16 updates and 20 replies in hand
        in_flight = held | set(recent_a)
        store = await Store.open(url)
        try:
            assert await store.pending_inbox() == 0
            assert await store.pending_reminders() == []
        finally:
            await store.close()
    for uid in residents:
        texts = [t for t in api.texts(uid) if t not in reminders.values()]
        kinds = [GREETING if GREETING in t else WHERE if WHERE in t else ANSWER if ANSWER in t else t for t in texts]
        assert collapsed(kinds) == [GREETING, WHERE, ANSWER], (uid, texts)
        if len(kinds) != 3 or api.count(uid, "sendVenue") != 1:
            assert str(uid) in in_flight, (uid, texts)
    for uid, text in reminders.items():
        times = api.texts(uid).count(text)
        assert times == 1 or (times == 2 and str(uid) in in_flight), (uid, times)
    assert not [t for uid in residents for t in api.texts(uid) if "problème technique" in t]
