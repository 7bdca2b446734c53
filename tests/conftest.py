from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.console import ConsoleSession
from bot.conversation.knowledge import Knowledge
from bot.data.directory import load_directory
from bot.places.hours import PARIS
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.sqlite import Store
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

    async def forward(self, text: str) -> str | None:
        self.sent.append(text)
        return f"m{len(self.sent)}"


@pytest.fixture
def mediators() -> RecordingMediators:
    return RecordingMediators()


@pytest.fixture
async def runtime(tmp_path: Path, clock: Clock) -> AsyncIterator[Runtime]:
    store = await Store.open(tmp_path / "bot.sqlite3")
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
                          text=True, env=full_env, cwd=cwd, timeout=timeout)
