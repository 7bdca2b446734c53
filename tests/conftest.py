from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.console import ConsoleSession
from bot.conversation.knowledge import Knowledge
from bot.data.directory import load_directory
from bot.places.hours import PARIS
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import Store
from tests.channels.fakebotapi import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent
# Tests build on a fictitious territory, never on the shipped directory (whose facts change).
DIRECTORY = ROOT / "tests" / "territory.yaml"
SHIPPED_DIRECTORY = ROOT / "directory.yaml"
INTENTS = ROOT / "intents"

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")


def paris(text: str) -> dt.datetime:
    """An instant given as Paris wall time, e.g. '2026-12-01T10:00'."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=PARIS)


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, text: str) -> None:
        self.now = paris(text)

    def advance(self, **delta: float) -> None:
        self.now = self.now + dt.timedelta(**delta)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    from tests.fixtures import shared_matcher
    directory, _ = load_directory(DIRECTORY)
    return Knowledge.build(directory, shared_matcher())


@pytest.fixture
def clock() -> Clock:
    return Clock(paris("2026-12-01T10:00"))  # a Tuesday


class RecordingMediators:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def forward(self, text: str, relay=None) -> None:
        self.sent.append(text)
        if relay is not None:
            await relay(f"m{len(self.sent)}")


async def settled(runtime: Runtime, channel: str, timeout: float = 10.0) -> None:
    """Wait until the inbox is empty and the channel's outbox holds nothing left to send."""
    deadline = asyncio.get_running_loop().time() + timeout
    while await runtime.store.pending_inbox() or await runtime.store.pending_outbox(channel):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the queues did not settle")
        await asyncio.sleep(0.005)


@pytest.fixture
def mediators() -> RecordingMediators:
    return RecordingMediators()


# The store's tests run on SQLite always, and on PostgreSQL when a server answers here (the
# project's machines and CI have one; REQUIRE_POSTGRES=1, set by .ci/run, turns a skip into a failure).
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
_postgres: list[str | None] = []


async def postgres_unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here (None when they can); asked once per session."""
    if not _postgres:
        try:
            import asyncpg
            conn = await asyncpg.connect(TEST_DATABASE_URL, timeout=5)
            await conn.close()
            _postgres.append(None)
        except Exception as e:  # noqa: BLE001 (no server, no driver, refused: say which)
            _postgres.append(f"no PostgreSQL at {TEST_DATABASE_URL} ({type(e).__name__}: {e})")
    return _postgres[0]


@contextlib.asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new, empty database on the test server, dropped afterwards; yields its URL."""
    import asyncpg
    reason = await postgres_unavailable()
    if reason:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail(reason)
        pytest.skip(reason)
    name = f"bot_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(TEST_DATABASE_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        yield TEST_DATABASE_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        admin = await asyncpg.connect(TEST_DATABASE_URL)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Where a test's store lives: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "bot.sqlite3")
    else:
        async with fresh_postgres() as url:
            yield url


@pytest.fixture
async def runtime(store_target: str, clock: Clock) -> AsyncIterator[Runtime]:
    store = await Store.open(store_target)
    rt = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"test-secret", clock)
    yield rt
    await store.close()


@pytest.fixture
async def console(runtime: Runtime) -> ConsoleSession:
    return ConsoleSession(runtime, "alice")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    server = FakeBotAPI()
    await server.start()
    yield server
    await server.stop()


def run_bot(*args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ...` as a resident or admin would, in a new process."""
    full_env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    full_env["BOT_DIRECTORY"] = str(DIRECTORY)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=full_env, cwd=cwd, timeout=timeout, check=False)
