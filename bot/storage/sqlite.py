"""SQLite storage (aiosqlite, WAL): conversation state, reminders, hand-overs, anonymous stats.

Every row about a person is keyed by a pseudonymous key (see privacy.py); statistics carry
none. A turn's state and its effects are written in one transaction before replies are sent.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import aiosqlite

from bot.conversation.events import Effect
from bot.storage.privacy import scrub

logger = logging.getLogger(__name__)
T = TypeVar("T")

SCHEMA_VERSION = 5
STATE_RETENTION = dt.timedelta(days=365)
UNMATCHED_RETENTION = dt.timedelta(days=90)
# After this long with no message either way, what the resident writes goes to the bot again…
HANDOVER_SILENCE = dt.timedelta(hours=2)
# …but a mediator's late answer still reaches them (and reopens the exchange) for this long.
HANDOVER_KEPT = dt.timedelta(days=7)
SEEN_KEPT = dt.timedelta(days=7)  # channels re-deliver within hours; a week is ample

# Each entry brings the schema from version i to i + 1; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE conversations (
        user_key TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE answers (
        day TEXT NOT NULL, channel TEXT NOT NULL, need TEXT, quartier TEXT, source TEXT,
        found INTEGER NOT NULL
    );
    CREATE TABLE messages (day TEXT NOT NULL, channel TEXT NOT NULL, understood INTEGER NOT NULL);
    CREATE TABLE unmatched (day TEXT NOT NULL, text TEXT NOT NULL);
    CREATE INDEX unmatched_day ON unmatched(day);
    CREATE INDEX answers_day ON answers(day);
    """,
    """
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_key TEXT NOT NULL, channel TEXT NOT NULL, address TEXT NOT NULL,
        due_at TEXT NOT NULL, until_at TEXT NOT NULL, place TEXT NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX reminders_due ON reminders(due_at);
    CREATE INDEX reminders_user ON reminders(user_key);
    CREATE TABLE handovers (
        user_key TEXT PRIMARY KEY, channel TEXT NOT NULL, address TEXT NOT NULL,
        started_at TEXT NOT NULL, last_at TEXT NOT NULL
    );
    CREATE TABLE relays (
        message_id TEXT PRIMARY KEY, user_key TEXT NOT NULL
    );
    CREATE INDEX relays_user ON relays(user_key);
    """,
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_key TEXT NOT NULL, channel TEXT NOT NULL, address TEXT NOT NULL,
        replies TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_channel ON outbox(channel);
    """,
    """
    CREATE TABLE emergencies (day TEXT NOT NULL, channel TEXT NOT NULL, category TEXT NOT NULL);
    CREATE INDEX emergencies_day ON emergencies(day);
    """,
    """
    ALTER TABLE reminders ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
    CREATE TABLE seen (id TEXT PRIMARY KEY, at TEXT NOT NULL);
    CREATE INDEX seen_at ON seen(at);
    """,
)

# Tables holding rows tied to a person, and the column holding their key.
PERSONAL_TABLES = (("conversations", "user_key"), ("reminders", "user_key"),
                   ("handovers", "user_key"), ("relays", "user_key"), ("outbox", "user_key"))


@dataclass(frozen=True)
class Reminder:
    id: int
    user_key: str
    channel: str
    address: str
    due_at: dt.datetime
    until_at: dt.datetime
    place: str
    text: str
    # What a message template needs (WhatsApp, outside its 24-hour window): lang, place, when, where.
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Handover:
    user_key: str
    channel: str
    address: str
    started_at: dt.datetime
    last_at: dt.datetime


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _dt(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _day(t: dt.datetime) -> str:
    from bot.places.hours import local
    return local(t).date().isoformat()


def _serialised(method: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    """One writer at a time on the shared connection, so transactions never interleave."""

    @functools.wraps(method)
    async def wrapper(self: Store, *args: object, **kwargs: object) -> T:
        async with self.lock:
            return await method(self, *args, **kwargs)

    return wrapper


def _save_turn(conn: sqlite3.Connection, user_key: str, channel: str, address: str, state_json: str,
               now_iso: str, day: str, effects: list[Effect], outbox: str | None) -> tuple[dict[str, int], int | None]:
    erased: dict[str, int] = {}
    queued = None
    with conn:  # commits, or rolls back on any error
        for e in effects:
            d = e.data
            if e.kind == "erase":
                for table, column in PERSONAL_TABLES:
                    erased[table] = conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_key,)).rowcount
            elif e.kind == "answer":
                conn.execute(
                    "INSERT INTO answers(day, channel, need, quartier, source, found) VALUES (?,?,?,?,?,?)",
                    (day, channel, d.get("need"), d.get("quartier"), d.get("source"), int(bool(d.get("found")))))
            elif e.kind == "understood":
                conn.execute("INSERT INTO messages(day, channel, understood) VALUES (?,?,?)",
                             (day, channel, int(bool(d.get("ok")))))
            elif e.kind == "danger":
                for category in d.get("categories") or ():  # type: ignore[attr-defined]
                    conn.execute("INSERT INTO emergencies(day, channel, category) VALUES (?,?,?)",
                                 (day, channel, str(category)))
            elif e.kind == "unmatched":
                text = scrub(str(d.get("text", "")))
                if text:
                    conn.execute("INSERT INTO unmatched(day, text) VALUES (?,?)", (day, text))
            elif e.kind == "remind":
                conn.execute(
                    "INSERT INTO reminders(user_key, channel, address, due_at, until_at, place, text, params)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (user_key, channel, address, _iso(_dt(str(d["due"]))), _iso(_dt(str(d["until"]))),
                     str(d.get("place", "")), str(d["text"]), json.dumps(d.get("params") or {}, ensure_ascii=False)))
        if not erased:
            conn.execute(
                "INSERT INTO conversations(user_key, channel, state, updated_at) VALUES (?,?,?,?)"
                " ON CONFLICT(user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (user_key, channel, state_json, now_iso))
            # After an erasure nothing about the person may stay, not even a queued reply.
            if outbox is not None:
                queued = conn.execute(
                    "INSERT INTO outbox(user_key, channel, address, replies, created_at) VALUES (?,?,?,?,?)",
                    (user_key, channel, address, outbox, now_iso)).lastrowid
    return erased, queued


class Store:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db
        self.lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        db = await aiosqlite.connect(str(path))
        await db.execute("PRAGMA journal_mode=WAL")
        await db.execute("PRAGMA synchronous=NORMAL")
        await db.execute("PRAGMA busy_timeout=5000")
        store = cls(db)
        await store._migrate()
        return store

    async def close(self) -> None:
        await self.db.close()

    async def _migrate(self) -> None:
        await self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        async with self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'") as cur:
            row = await cur.fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            from bot.errors import ConfigError
            raise ConfigError(f"la base de données est en version {version}, plus récente que ce bot "
                              f"({SCHEMA_VERSION}) : mettez le bot à jour")
        for i in range(version, SCHEMA_VERSION):
            await self.db.executescript("BEGIN;" + MIGRATIONS[i] + f"""
                INSERT INTO meta(key, value) VALUES ('schema_version', '{i + 1}')
                ON CONFLICT(key) DO UPDATE SET value = excluded.value;
                COMMIT;""")
            logger.info("database schema migrated to version %d", i + 1)

    async def schema_version(self) -> int:
        async with self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    # -- conversation ----------------------------------------------------------------------

    async def load_state(self, user_key: str) -> str | None:
        rows = await self.db.execute_fetchall("SELECT state FROM conversations WHERE user_key = ?", (user_key,))
        rows = list(rows)
        return rows[0][0] if rows else None

    async def save_turn(self, user_key: str, channel: str, address: str, state_json: str,
                        now: dt.datetime, effects: Iterable[Effect]) -> dict[str, int]:
        """Write the new state and the turn's effects atomically; return what was erased, if any."""
        erased, _ = await self.save_turn_queued(user_key, channel, address, state_json, now, effects, None)
        return erased

    @_serialised
    async def save_turn_queued(self, user_key: str, channel: str, address: str, state_json: str,
                               now: dt.datetime, effects: Iterable[Effect],
                               outbox: str | None) -> tuple[dict[str, int], int | None]:
        """Like save_turn, also queueing the replies (JSON) until the channel says they are sent."""
        args = (user_key, channel, address, state_json, _iso(now), _day(now), list(effects), outbox)
        # One trip to the database thread for the whole transaction, not one per statement:
        # under load, each trip is a thread hand-off the event loop waits for. aiosqlite runs
        # every call through `_execute`; it has no public name for "run this function there".
        return await self.db._execute(_save_turn, self.db._conn, *args)  # type: ignore[no-any-return]

    # -- replies not yet confirmed sent ----------------------------------------------------

    @_serialised
    async def outbox_done(self, outbox_id: int) -> None:
        await self.db.execute("DELETE FROM outbox WHERE id = ?", (outbox_id,))
        await self.db.commit()

    async def pending_outbox(self, channel: str) -> list[tuple[int, str, str]]:
        """(id, address, replies JSON) of turns whose replies were saved but not confirmed sent."""
        rows = await self.db.execute_fetchall(
            "SELECT id, address, replies FROM outbox WHERE channel = ? ORDER BY id", (channel,))
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    # -- reminders -------------------------------------------------------------------------

    def _reminder(self, row: tuple) -> Reminder:  # type: ignore[type-arg]
        try:
            params = {str(k): str(v) for k, v in json.loads(row[8] or "{}").items()}
        except (ValueError, AttributeError):
            params = {}
        return Reminder(row[0], row[1], row[2], row[3], _dt(row[4]), _dt(row[5]), row[6], row[7], params)

    _R = "SELECT id, user_key, channel, address, due_at, until_at, place, text, params FROM reminders"

    async def reminders_of(self, user_key: str) -> list[Reminder]:
        async with self.db.execute(self._R + " WHERE user_key = ? ORDER BY due_at", (user_key,)) as cur:
            return [self._reminder(r) for r in await cur.fetchall()]

    async def pending_reminders(self, channel: str | None = None) -> list[Reminder]:
        sql, args = self._R, ()
        if channel:
            sql, args = sql + " WHERE channel = ?", (channel,)
        async with self.db.execute(sql + " ORDER BY due_at", args) as cur:
            return [self._reminder(r) for r in await cur.fetchall()]

    @_serialised
    async def delete_reminder(self, reminder_id: int, user_key: str | None = None) -> bool:
        if user_key is None:
            cur = await self.db.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,))
        else:
            cur = await self.db.execute("DELETE FROM reminders WHERE id = ? AND user_key = ?",
                                        (reminder_id, user_key))
        await self.db.commit()
        return cur.rowcount > 0

    # -- hand-over to mediators ------------------------------------------------------------

    @_serialised
    async def start_handover(self, user_key: str, channel: str, address: str, now: dt.datetime) -> None:
        await self.db.execute(
            "INSERT INTO handovers(user_key, channel, address, started_at, last_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(user_key) DO UPDATE SET last_at = excluded.last_at",
            (user_key, channel, address, _iso(now), _iso(now)))
        await self.db.commit()

    async def handover(self, user_key: str, now: dt.datetime, *, within: dt.timedelta = HANDOVER_SILENCE) -> Handover | None:
        """The person's hand-over, if its last message (either way) is at most `within` old.

        The default answers "is a person in charge now?"; `HANDOVER_KEPT` finds one a mediator
        may still answer.
        """
        async with self.db.execute(
                "SELECT user_key, channel, address, started_at, last_at FROM handovers WHERE user_key = ?",
                (user_key,)) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        h = Handover(row[0], row[1], row[2], _dt(row[3]), _dt(row[4]))
        return h if now - h.last_at <= within else None

    @_serialised
    async def touch_handover(self, user_key: str, now: dt.datetime) -> None:
        await self.db.execute("UPDATE handovers SET last_at = ? WHERE user_key = ?", (_iso(now), user_key))
        await self.db.commit()

    @_serialised
    async def end_handover(self, user_key: str) -> bool:
        cur = await self.db.execute("DELETE FROM handovers WHERE user_key = ?", (user_key,))
        await self.db.execute("DELETE FROM relays WHERE user_key = ?", (user_key,))
        await self.db.commit()
        return cur.rowcount > 0

    @_serialised
    async def remember_relay(self, message_id: str, user_key: str) -> None:
        await self.db.execute("INSERT OR REPLACE INTO relays(message_id, user_key) VALUES (?,?)",
                              (message_id, user_key))
        await self.db.commit()

    async def relay_target(self, message_id: str) -> str | None:
        async with self.db.execute("SELECT user_key FROM relays WHERE message_id = ?", (message_id,)) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    # -- messages already answered ----------------------------------------------------------

    @_serialised
    async def first_time(self, message_key: str, now: dt.datetime) -> bool:
        """True the first time a delivered message is seen (a channel may deliver it twice)."""
        cur = await self.db.execute("INSERT OR IGNORE INTO seen(id, at) VALUES (?,?)", (message_key, _iso(now)))
        await self.db.commit()
        return cur.rowcount > 0

    # -- retention -------------------------------------------------------------------------

    @_serialised
    async def purge(self, now: dt.datetime) -> dict[str, int]:
        """Remove what is past retention: old conversations, old unmatched phrases, hand-overs
        nobody can answer any more, reminders whose slot has passed."""
        counts = {}
        cur = await self.db.execute("DELETE FROM conversations WHERE updated_at < ?",
                                    (_iso(now - STATE_RETENTION),))
        counts["conversations"] = cur.rowcount
        cur = await self.db.execute("DELETE FROM unmatched WHERE day < ?",
                                    (_day(now - UNMATCHED_RETENTION),))
        counts["unmatched"] = cur.rowcount
        silent = _iso(now - HANDOVER_KEPT)
        await self.db.execute("DELETE FROM relays WHERE user_key IN (SELECT user_key FROM handovers WHERE last_at < ?)", (silent,))
        cur = await self.db.execute("DELETE FROM handovers WHERE last_at < ?", (silent,))
        counts["handovers"] = cur.rowcount
        cur = await self.db.execute("DELETE FROM reminders WHERE until_at < ?", (_iso(now),))
        counts["reminders"] = cur.rowcount
        cur = await self.db.execute("DELETE FROM seen WHERE at < ?", (_iso(now - SEEN_KEPT),))
        counts["seen"] = cur.rowcount
        await self.db.commit()
        return counts
