"""SQLite storage: schema and version, WAL, state saved before replies, retention, erasure."""

from __future__ import annotations

import datetime as dt

import aiosqlite

from bot.conversation.events import Effect, Incoming
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.sqlite import SCHEMA_VERSION, Store
from tests.conftest import DIRECTORY, INTENTS, Clock, paris


async def test_schema_is_created_with_version_and_wal(tmp_path):
    store = await Store.open(tmp_path / "a.sqlite3")
    assert await store.schema_version() == SCHEMA_VERSION
    async with store.db.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    await store.close()
    again = await Store.open(tmp_path / "a.sqlite3")  # opening twice migrates nothing
    assert await again.schema_version() == SCHEMA_VERSION
    await again.close()


async def test_old_database_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = await aiosqlite.connect(path)
    from bot.storage.sqlite import MIGRATIONS
    await db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);" + MIGRATIONS[0]
                           + "INSERT INTO meta VALUES ('schema_version', '1');"
                           + "INSERT INTO conversations VALUES ('k', 'console', '{\"step\":\"ask_where\",\"need\":\"caf\"}', '2026-01-01T00:00:00+00:00');")
    await db.commit()
    await db.close()
    store = await Store.open(path)
    assert await store.schema_version() == SCHEMA_VERSION
    assert await store.load_state("k") is not None  # data kept across the migration
    assert await store.pending_reminders() == []
    await store.close()


async def test_restart_between_two_messages(tmp_path):
    clock = Clock(paris("2026-12-01T10:00"))
    path = tmp_path / "bot.sqlite3"
    store = await Store.open(path)
    rt = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s", clock)
    replies = await rt.handle(Incoming("console", "42", text="caf"))
    assert "Où êtes-vous" in replies[0].text
    await store.close()

    store = await Store.open(path)  # a new process would do exactly this
    rt = Runtime(store, KnowledgeSource(DIRECTORY, INTENTS), b"s", clock)
    replies = await rt.handle(Incoming("console", "42", text="Les Tilleuls"))
    assert "Maison des services des Tilleuls" in replies[0].text
    await store.close()


async def test_state_is_saved_before_replies_are_returned(runtime: Runtime):
    await runtime.handle(Incoming("console", "7", text="emploi"))
    saved = await runtime.store.load_state(runtime.key("console", "7"))
    assert '"need":"emploi"' in saved


async def test_failed_save_leaves_previous_state(tmp_path):
    store = await Store.open(tmp_path / "x.sqlite3")
    now = paris("2026-12-01T10:00")
    await store.save_turn("k", "c", "k", '{"step":"ask_need"}', now, [])
    bad = [Effect("remind", {"due": "not a date", "until": "x", "text": "t"})]
    try:
        await store.save_turn("k", "c", "k", '{"step":"answered"}', now, bad)
    except ValueError:
        pass
    assert await store.load_state("k") == '{"step":"ask_need"}'
    await store.close()


async def test_purge_removes_exactly_what_is_past_retention(tmp_path):
    store = await Store.open(tmp_path / "p.sqlite3")
    now = paris("2026-12-01T10:00")
    await store.save_turn("old", "c", "a", "{}", now - dt.timedelta(days=366), [])
    await store.save_turn("recent", "c", "a", "{}", now - dt.timedelta(days=364), [])
    await store.save_turn("x", "c", "a", "{}", now - dt.timedelta(days=91), [Effect("unmatched", {"text": "vieux message"})])
    await store.save_turn("y", "c", "a", "{}", now - dt.timedelta(days=89), [Effect("unmatched", {"text": "message récent"})])
    counts = await store.purge(now)
    assert counts["conversations"] == 1 and counts["unmatched"] == 1
    assert await store.load_state("old") is None
    assert await store.load_state("recent") is not None
    async with store.db.execute("SELECT text FROM unmatched") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["message récent"]
    await store.close()
