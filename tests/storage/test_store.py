"""The store, on SQLite and on PostgreSQL: schema and version, state saved before replies,
retention, versions, the inbox and outbox queues."""

from __future__ import annotations

import asyncio
import datetime as dt

import aiosqlite
import pytest

from bot.conversation.events import Effect, Incoming
from bot.runtime import KnowledgeSource, Runtime
from bot.storage.store import SCHEMA_VERSION, Conflict, Store
from tests.conftest import DIRECTORY, INTENTS, Clock, paris


async def test_schema_is_created_with_version(store_target):
    store = await Store.open(store_target)
    assert await store.schema_version() == SCHEMA_VERSION
    if store.db.dialect == "sqlite":
        assert (await store.db.fetch("PRAGMA journal_mode"))[0][0] == "wal"
    await store.close()
    again = await Store.open(store_target)  # opening twice migrates nothing
    assert await again.schema_version() == SCHEMA_VERSION
    await again.close()


async def test_two_instances_starting_together_migrate_once(store_target):
    first, second = await asyncio.gather(Store.open(store_target), Store.open(store_target))
    assert await first.schema_version() == await second.schema_version() == SCHEMA_VERSION
    await first.close()
    await second.close()


async def test_old_database_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = await aiosqlite.connect(path)
    from bot.storage.schema import MIGRATIONS
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


async def test_failed_save_leaves_previous_state(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    await store.save_turn("k", "c", "k", '{"step":"ask_need"}', now, [])
    bad = [Effect("remind", {"due": "not a date", "until": "x", "text": "t"})]
    try:
        await store.save_turn("k", "c", "k", '{"step":"answered"}', now, bad)
    except ValueError:
        pass
    assert await store.load_state("k") == '{"step":"ask_need"}'
    await store.close()


async def test_purge_removes_exactly_what_is_past_retention(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    await store.save_turn("old", "c", "a", "{}", now - dt.timedelta(days=366), [])
    await store.save_turn("recent", "c", "a", "{}", now - dt.timedelta(days=364), [])
    await store.save_turn("x", "c", "a", "{}", now - dt.timedelta(days=91), [Effect("unmatched", {"text": "vieux message"})])
    await store.save_turn("y", "c", "a", "{}", now - dt.timedelta(days=89), [Effect("unmatched", {"text": "message récent"})])
    counts = await store.purge(now)
    assert counts["conversations"] == 1 and counts["unmatched"] == 1
    assert await store.load_state("old") is None
    assert await store.load_state("recent") is not None
    assert [r[0] for r in await store.db.fetch("SELECT text FROM unmatched")] == ["message récent"]
    await store.close()


async def test_a_state_changed_meanwhile_is_a_conflict(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    saved, version = await store.load("k")
    assert (saved, version) == (None, 0)
    await store.save_turn_queued("k", "c", "a", '{"step":"ask_need"}', now, [], None, version=version)
    with pytest.raises(Conflict):  # a second writer that read version 0 too
        await store.save_turn_queued("k", "c", "a", '{"step":"answered"}', now,
                                     [Effect("unmatched", {"text": "perdu"})], None, version=version)
    assert await store.load("k") == ('{"step":"ask_need"}', 1)
    assert await store.db.fetch("SELECT text FROM unmatched") == []  # its effects rolled back too
    await store.close()


async def test_inbox_keeps_each_residents_order_and_skips_redeliveries(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    rows = [("telegram", str(i), user, f"p{i}") for i, user in enumerate(["a", "b", "a", "c", "b"])]
    assert await store.receive(rows, now) == 5
    assert await store.receive(rows[:2], now) == 0  # delivered again: nothing new
    first = await store.claim_inbox(now, dt.timedelta(seconds=60))
    assert [(i.user_key, i.payload) for i in first] == [("a", "p0"), ("b", "p1"), ("c", "p3")]
    assert await store.claim_inbox(now, dt.timedelta(seconds=60)) == []  # the rest waits its turn
    for inbound in first:
        await store.inbox_done(inbound.id, now)
    second = await store.claim_inbox(now, dt.timedelta(seconds=60))
    assert [i.payload for i in second] == ["p2", "p4"]
    later = now + dt.timedelta(seconds=61)  # their handler died: the lease runs out
    assert [i.payload for i in await store.claim_inbox(later, dt.timedelta(seconds=60))] == ["p2", "p4"]
    await store.close()


async def test_outbox_backoff_parking_and_order(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    ids = [await store.queue(user, "telegram", "addr", "[]", now) for user in ("a", "a", "b")]
    claimed = await store.claim_outbox("telegram", now, dt.timedelta(seconds=60))
    assert [q.id for q in claimed] == [ids[0], ids[2]]  # a's second reply waits for its first
    await store.outbox_retry(ids[0], now + dt.timedelta(seconds=5), "500")
    await store.outbox_park(ids[2], now, "blocked")
    assert await store.claim_outbox("telegram", now, dt.timedelta(seconds=60)) == []  # a waits 5 s
    soon = await store.claim_outbox("telegram", now + dt.timedelta(seconds=6), dt.timedelta(seconds=60))
    assert [q.id for q in soon] == [ids[0]]
    assert await store.parked_outbox("telegram") == [(ids[2], "blocked")]  # parked, blocking nobody
    await store.close()


async def test_one_lease_holder_at_a_time(store_target):
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    assert await store.take_lease("purge", "one", now, now + dt.timedelta(hours=24))
    assert not await store.take_lease("purge", "one", now + dt.timedelta(seconds=10), now + dt.timedelta(hours=24))
    assert not await store.take_lease("purge", "two", now + dt.timedelta(hours=1), now + dt.timedelta(hours=25))
    assert await store.take_lease("purge", "two", now + dt.timedelta(hours=25), now + dt.timedelta(hours=49))
    assert await store.heartbeat("one", now) == 1
    assert await store.heartbeat("two", now + dt.timedelta(seconds=5)) == 2
    assert await store.heartbeat("two", now + dt.timedelta(minutes=5)) == 1  # "one" has gone quiet
    await store.close()


async def test_residents_answered_side_by_side_share_round_trips(store_target):
    """Sixteen conversations (and hand-overs) read at once, and their replies marked sent at once,
    take a statement or two each way, not sixteen; each still reads its own, and the writes before."""
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    for k in range(16):
        await store.save_turn(f"user-{k}", "console", "a", f'{{"n": {k}}}', now, [])
    queued = []
    for k in range(16):
        _, row = await store.save_turn_queued(f"user-{k}", "console", "a", f'{{"n": {k}, "x": 1}}', now, [],
                                              '[{"text": "ok"}]', lease=dt.timedelta(seconds=60))
        queued.append(row)
    statements = []
    for name in ("fetch", "execute"):
        real = getattr(store.db, name)

        async def counted(sql, *args, _real=real):
            statements.append(sql.split()[0])
            return await _real(sql, *args)
        setattr(store.db, name, counted)
    loaded = await asyncio.gather(*(store.load(f"user-{k}") for k in range(16)), store.load("nobody"))
    assert [state for state, _ in loaded[:16]] == [f'{{"n": {k}, "x": 1}}' for k in range(16)]
    assert loaded[16] == (None, 0) and all(version > 0 for _, version in loaded[:16])
    assert 1 <= statements.count("SELECT") <= 2
    await store.start_handover("user-3", "console", "a", now)
    handovers = await asyncio.gather(*(store.handover(f"user-{k}", now) for k in range(16)))
    assert [k for k, h in enumerate(handovers) if h is not None] == [3]
    assert 2 <= statements.count("SELECT") <= 4
    await asyncio.gather(*(store.outbox_done(q) for q in queued))
    assert 1 <= statements.count("DELETE") <= 2
    assert await store.pending_outbox("console") == []
    await store.close()


async def test_a_failed_shared_read_fails_every_reader_then_reads_again(store_target):
    store = await Store.open(store_target)
    real = store.db.fetch
    calls = 0

    async def broken_once(sql, *args):
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("database gone for a moment")
        return await real(sql, *args)
    store.db.fetch = broken_once
    results = await asyncio.gather(store.load("a"), store.load("b"), return_exceptions=True)
    assert all(isinstance(r, ConnectionError) for r in results)
    assert await store.load("a") == (None, 0)
    await store.close()


async def test_a_reply_marked_sent_as_the_bot_stops_is_not_sent_again(store_target):
    """The loop marking it sent is cancelled by the shutdown: the mark, already asked for, is
    written before the store closes (else the reply would go out again at the next start)."""
    store = await Store.open(store_target)
    now = paris("2026-12-01T10:00")
    _, queued = await store.save_turn_queued("k", "console", "a", "{}", now, [], '[{"text": "ok"}]',
                                             lease=dt.timedelta(seconds=60))
    assert queued is not None
    marking = asyncio.create_task(store.outbox_done(queued))
    await asyncio.sleep(0)  # the mark is asked for…
    marking.cancel()  # …and its loop stopped
    await store.close()
    again = await Store.open(store_target)
    assert await again.pending_outbox("console") == []
    await again.close()
