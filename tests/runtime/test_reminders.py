"""Reminders: times from the directory's hours (DST-safe), stored, kept across restarts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.channels.console import ConsoleSession
from bot.conversation.events import Incoming, Reply
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import Reminder, Store
from tests.conftest import INTENTS, Clock, paris

DIRECTORY = """\
territoire: Test
quartiers:
  centre: {nom: Centre, latitude: 46.58, longitude: 0.34}
lieux:
  - id: permanence
    nom: Permanence CAF du mardi
    adresse: 3 rue du Marché
    code_postal: "86000"
    commune: Poitiers
    latitude: 46.58
    longitude: 0.34
    telephone: 05 00 00 00 01
    besoins: [caf]
    horaires: "Tu 14:00-17:00"
    source: test
    date_maj: 2026-11-01
  - id: lundi-matin
    nom: Accueil du lundi
    adresse: 4 rue du Marché
    latitude: 46.58
    longitude: 0.34
    telephone: 05 00 00 00 02
    besoins: [emploi]
    horaires: "Mo 09:00-12:00"
    source: test
    date_maj: 2026-11-01
  - id: ferie
    nom: Accueil du mercredi
    adresse: 5 rue du Marché
    latitude: 46.58
    longitude: 0.34
    telephone: 05 00 00 00 03
    besoins: [impots]
    horaires: "We 09:00-12:00"
    fermetures: [{du: 2026-12-16, au: 2026-12-16, message: Formation de l'équipe}]
    source: test
    date_maj: 2026-11-01
"""


class Bot:
    def __init__(self, tmp_path: Path, clock: Clock) -> None:
        self.dir = tmp_path / "directory.yaml"
        self.dir.write_text(DIRECTORY, encoding="utf-8")
        self.db = tmp_path / "bot.sqlite3"
        self.clock = clock
        self.runtime: Runtime | None = None

    async def start(self) -> Runtime:
        store = await Store.open(self.db)
        self.runtime = Runtime(store, KnowledgeSource(self.dir, INTENTS), b"s", self.clock)
        return self.runtime

    async def stop(self) -> None:
        assert self.runtime is not None
        await self.runtime.store.close()

    async def ask(self, *events: dict) -> list[Reply]:
        assert self.runtime is not None
        replies: list[Reply] = []
        for e in events:
            replies = await self.runtime.handle(Incoming("telegram", "77", **e), address="77")
        return replies

    async def due(self) -> list[str]:
        assert self.runtime is not None
        sent: list[str] = []

        async def send(reminder: Reminder, reply: Reply) -> None:
            assert reminder.address == "77"  # opened for the channel; sealed in the database
            sent.append(reply.text)

        await self.runtime.deliver_reminders("telegram", send)
        return sent


@pytest.fixture
async def bot(tmp_path, clock):
    b = Bot(tmp_path, clock)
    await b.start()
    yield b
    if b.runtime is not None:
        await b.stop()


def labels(replies: list[Reply]) -> list[str]:
    return [b.label for r in replies for b in r.buttons]


async def test_monday_reminder_for_tuesday_opening_fires_at_the_chosen_time(bot, clock):
    clock.set("2026-12-07T10:00")  # Monday
    replies = await bot.ask({"text": "caf"}, {"button": "q:centre"}, {"button": "a:remind"})
    assert "mardi à 14h" in replies[0].text or "demain à 14h" in replies[0].text
    assert labels(replies)[:2] == ["La veille à 18h", "1 heure avant"]
    replies = await bot.ask({"button": "r:hour"})
    assert "je vous écrirai demain à 13h" in replies[0].text
    clock.set("2026-12-08T12:59")
    assert await bot.due() == []
    clock.set("2026-12-08T13:00")
    sent = await bot.due()
    assert len(sent) == 1
    text = sent[0]
    assert "Permanence CAF du mardi" in text and "3 rue du Marché" in text
    assert "de 14h à 17h" in text and "05 00 00 00 01" in text
    clock.set("2026-12-08T13:05")
    assert await bot.due() == []  # sent once


async def test_reminder_survives_a_restart(bot, clock):
    clock.set("2026-12-07T10:00")
    await bot.ask({"text": "caf"}, {"button": "q:centre"}, {"button": "a:remind"}, {"button": "r:eve"})
    await bot.stop()
    await bot.start()  # a new process on the same database
    clock.set("2026-12-07T17:59")
    assert await bot.due() == []
    clock.set("2026-12-07T18:00")
    assert len(await bot.due()) == 1


@pytest.mark.parametrize("back_at, expected", [
    ("2026-12-08T15:00", 1),  # the slot is still running: still useful
    ("2026-12-08T17:30", 0),  # the slot has ended: dropped
])
async def test_reminder_due_during_downtime(bot, clock, back_at, expected):
    clock.set("2026-12-07T10:00")
    await bot.ask({"text": "caf"}, {"button": "q:centre"}, {"button": "a:remind"}, {"button": "r:hour"})
    await bot.stop()
    clock.set(back_at)
    runtime = await bot.start()
    assert len(await bot.due()) == expected
    assert await runtime.store.pending_reminders() == []


async def test_reminder_across_the_october_dst_change(bot, clock):
    clock.set("2026-10-24T10:00")  # Saturday; clocks go back in the night of Sunday 25
    await bot.ask({"text": "emploi"}, {"button": "q:centre"}, {"button": "a:remind"}, {"button": "r:hour"})
    runtime = bot.runtime
    [reminder] = await runtime.store.pending_reminders()
    assert reminder.due_at == dt.datetime(2026, 10, 26, 7, 0, tzinfo=dt.UTC)  # 8:00 in Paris (UTC+1)
    clock.now = dt.datetime(2026, 10, 26, 6, 59, tzinfo=dt.UTC)
    assert await bot.due() == []
    clock.now = dt.datetime(2026, 10, 26, 7, 0, tzinfo=dt.UTC)
    assert len(await bot.due()) == 1


async def test_closed_day_is_never_suggested(bot, clock):
    clock.set("2026-12-14T10:00")  # Monday; Wednesday 16 is closed for training
    replies = await bot.ask({"text": "impots"}, {"button": "q:centre"})
    assert "mercredi 23 décembre" in replies[0].text
    replies = await bot.ask({"button": "a:remind"})
    assert "mercredi" in replies[0].text
    await bot.ask({"button": "r:eve"})
    [reminder] = await bot.runtime.store.pending_reminders()
    assert reminder.due_at == paris("2026-12-22T18:00")


async def test_rappels_lists_and_cancels(bot, clock):
    clock.set("2026-12-07T10:00")
    await bot.ask({"text": "caf"}, {"button": "q:centre"}, {"button": "a:remind"}, {"button": "r:eve"})
    replies = await bot.ask({"text": "/rappels"})
    assert "Vos rappels" in replies[0].text and "Permanence CAF du mardi" in replies[0].text
    cancel = next(b.payload for b in replies[0].buttons if b.label.startswith("Annuler"))
    replies = await bot.ask({"button": cancel})
    assert "Rappel annulé" in replies[0].text
    assert (await bot.ask({"text": "/rappels"}))[0].text == "Vous n'avez aucun rappel."
    other = await bot.runtime.handle(Incoming("telegram", "someone-else", button=cancel))
    assert "n'existe plus" in other[0].text


async def test_no_reminder_when_open_now(bot, clock):
    clock.set("2026-12-08T15:00")  # Tuesday, open
    replies = await bot.ask({"text": "caf"}, {"button": "q:centre"}, {"button": "a:remind"})
    assert "pas besoin de rappel" in replies[0].text


def number_of(out: str, label: str) -> str:
    """The number the console shows in front of a button."""
    import re
    return re.search(r"\[(\d+)\] " + re.escape(label), out).group(1)


async def test_console_prints_reminders_when_due(bot, clock):
    clock.set("2026-12-07T10:00")
    session = ConsoleSession(bot.runtime, "habitant")
    await session.send("caf")
    out = await session.send("Centre")
    out = await session.send(number_of(out, "⏰ Me le rappeler"))
    out = await session.send(number_of(out, "La veille à 18h"))
    assert "C'est noté" in out
    assert await session.reminders() == ""
    clock.set("2026-12-07T18:00")
    printed = await session.reminders()
    assert "⏰ Rappel" in printed and "Permanence CAF du mardi" in printed
