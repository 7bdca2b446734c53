"""The store: conversation state, the inbox and outbox, reminders, hand-overs, anonymous stats.

Every row about a person is keyed by a pseudonymous key (see privacy.py); statistics carry
none. A turn's state, its effects, its queued replies and the inbox row it answers are written in
one transaction. Several instances may share one PostgreSQL database: a resident's messages are
handled one at a time and in order (a row is claimable only when the resident has no earlier
one pending), rows are claimed with leases (and SKIP LOCKED), and a conversation's version
guards its state against a write it did not see.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from pathlib import Path

from bot.conversation.events import Effect
from bot.errors import BotError, StoreError
from bot.storage.backend import Conflict, Database, Statement, describe
from bot.storage.coalesce import Coalesced
from bot.storage.privacy import forget_positions, scrub
from bot.storage.rows import Handover, Inbound, Queued, Reminder
from bot.storage.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["HANDOVER_KEPT", "HANDOVER_SILENCE", "SCHEMA_VERSION", "Conflict", "Handover", "Inbound", "Queued",
           "Reminder", "Store"]

logger = logging.getLogger(__name__)

STATE_RETENTION = dt.timedelta(days=365)
UNMATCHED_RETENTION = dt.timedelta(days=90)
# After this long with no message either way, what the resident writes goes to the bot again…
HANDOVER_SILENCE = dt.timedelta(hours=2)
# …but a mediator's late answer still reaches them (and reopens the exchange) for this long.
HANDOVER_KEPT = dt.timedelta(days=7)
INBOX_KEPT = dt.timedelta(days=7)  # handled ids, to answer a re-delivered message once
OUTBOX_KEPT = dt.timedelta(days=2)  # parked (refused) replies, for admins to look at, then gone
PURGE_EVERY = dt.timedelta(hours=24)
ALIVE = dt.timedelta(seconds=30)  # an instance that has not said so for this long is gone

# Tables holding rows tied to a person, and the column holding their key.
PERSONAL_TABLES = (("conversations", "user_key"), ("reminders", "user_key"), ("handovers", "user_key"),
                   ("relays", "user_key"), ("outbox", "user_key"), ("unmatched", "user_key"))


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _dt(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _marks(n: int) -> str:
    """The placeholders of `IN (…)` for n values."""
    return ", ".join("?" * n)


def _day(t: dt.datetime) -> str:
    from bot.places.hours import local
    return local(t).date().isoformat()


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        # Residents answered side by side read their conversations and hand-overs, and mark their
        # replies sent, in one statement each (coalesce.py): fewer round trips under load.
        self._load: Coalesced[str, tuple[str | None, int]] = Coalesced(self._load_many, (None, 0))
        self._handovers: Coalesced[str, Handover | None] = Coalesced(self._handovers_many, None)
        self._sent = Coalesced(self._outbox_done_many, None)

    @classmethod
    async def open(cls, target: str | Path) -> Store:
        """A PostgreSQL URL (postgresql://…) or a SQLite file; migrated to the current schema."""
        if str(target).startswith(("postgres://", "postgresql://")):
            from bot.storage.postgres import PostgresDatabase
            db: Database = await PostgresDatabase.open(str(target))
        else:
            from bot.storage.sqlite import SQLiteDatabase
            db = await SQLiteDatabase.open(target)
        try:
            await db.migrate(MIGRATIONS)
        except BaseException as e:
            await db.close()
            if isinstance(e, StoreError):
                raise StoreError(f"{describe(target)} : {e}") from None
            if isinstance(e, Exception) and not isinstance(e, BotError):
                raise StoreError(f"base de données {describe(target)} inutilisable ({type(e).__name__}: "
                                 f"{str(e)[:200]}) : vérifiez l'espace disque et les droits, ou restaurez "
                                 "une sauvegarde") from e
            raise
        return cls(db)

    async def close(self) -> None:
        # A sent-mark made as the bot stops is written, not lost (the reply would go out twice).
        for pending in (self._load, self._handovers, self._sent):
            await pending.settle()
        await self.db.close()

    async def schema_version(self) -> int:
        rows = await self.db.fetch("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    # -- conversation ----------------------------------------------------------------------

    async def load_state(self, user_key: str) -> str | None:
        return (await self.load(user_key))[0]

    async def load(self, user_key: str) -> tuple[str | None, int]:
        """The state (JSON) and its version (0 when there is none yet)."""
        return await self._load(user_key)

    async def _load_many(self, user_keys: list[str]) -> dict[str, tuple[str | None, int]]:
        rows = await self.db.fetch("SELECT user_key, state, version FROM conversations WHERE user_key IN "
                                   f"({_marks(len(user_keys))})", *user_keys)
        return {r[0]: (r[1], int(r[2])) for r in rows}

    async def save_turn(self, user_key: str, channel: str, address: str, state_json: str,
                        now: dt.datetime, effects: Iterable[Effect]) -> dict[str, int]:
        """Write the new state and the turn's effects atomically; return what was erased, if any."""
        erased, _ = await self.save_turn_queued(user_key, channel, address, state_json, now, effects, None)
        return erased

    async def save_turn_queued(self, user_key: str, channel: str, address: str, state_json: str,
                               now: dt.datetime, effects: Iterable[Effect], outbox: str | None, *,
                               version: int | None = None, inbox_id: int | None = None,
                               lease: dt.timedelta | None = None) -> tuple[dict[str, int], int | None]:
        """Like save_turn, also queueing the replies (JSON) until the channel has sent them, and
        marking the inbox row answered. With `version`, Conflict if the state changed since read;
        with `lease`, the replies are left to this instance to send for that long, and their id
        returned — or None when earlier replies to the resident are still queued (they go first)."""
        statements, erase_at = self._turn(user_key, channel, address, state_json, now, list(effects), outbox,
                                          version, inbox_id, lease)
        results = await self.db.batch(statements)
        erased: dict[str, int] = {}
        if erase_at is not None:
            erased = {table: results[erase_at + i].rowcount for i, (table, _) in enumerate(PERSONAL_TABLES)}
        queued = None
        if outbox is not None and erase_at is None:
            queued = self._sendable(next(r for r in results if r.rows).rows[0], lease)
        return erased, queued

    def _turn(self, user_key: str, channel: str, address: str, state_json: str, now: dt.datetime,
              effects: list[Effect], outbox: str | None, version: int | None,
              inbox_id: int | None, lease: dt.timedelta | None) -> tuple[list[Statement], int | None]:
        day, now_iso = _day(now), _iso(now)
        out: list[Statement] = []
        erase_at = None
        for e in effects:
            d = e.data
            if e.kind == "erase":
                erase_at = len(out)
                out += [Statement(f"DELETE FROM {table} WHERE {column} = ?", (user_key,))
                        for table, column in PERSONAL_TABLES]
                # Received messages go too; the one being answered stays as a bare "answered" mark.
                out.append(Statement("DELETE FROM inbox WHERE user_key = ? AND id <> ?", (user_key, inbox_id or -1)))
            elif e.kind == "answer":
                out.append(Statement(
                    "INSERT INTO answers(day, channel, need, quartier, source, found) VALUES (?,?,?,?,?,?)",
                    (day, channel, _opt(d.get("need")), _opt(d.get("quartier")), _opt(d.get("source")),
                     int(bool(d.get("found"))))))
            elif e.kind == "understood":
                out.append(Statement("INSERT INTO messages(day, channel, understood) VALUES (?,?,?)",
                                     (day, channel, int(bool(d.get("ok"))))))
            elif e.kind == "danger":
                out += [Statement("INSERT INTO emergencies(day, channel, category) VALUES (?,?,?)",
                                  (day, channel, str(category))) for category in d.get("categories") or ()]  # type: ignore[attr-defined]
            elif e.kind == "unmatched":
                text = scrub(str(d.get("text", "")))
                if text:
                    out.append(Statement("INSERT INTO unmatched(day, text, user_key) VALUES (?,?,?)",
                                         (day, text, user_key)))
            elif e.kind == "remind":
                out.append(Statement(
                    "INSERT INTO reminders(user_key, channel, address, due_at, until_at, place, text, params)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (user_key, channel, address, _iso(_dt(str(d["due"]))), _iso(_dt(str(d["until"]))),
                     str(d.get("place", "")), str(d["text"]), json.dumps(d.get("params") or {}, ensure_ascii=False))))
        if erase_at is None:  # after an erasure nothing about the person may stay, not even a reply
            if version is None:
                out.append(Statement(
                    "INSERT INTO conversations(user_key, channel, state, updated_at, version) VALUES (?,?,?,?,1)"
                    " ON CONFLICT(user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,"
                    " version = conversations.version + 1", (user_key, channel, state_json, now_iso)))
            else:
                out.append(Statement(
                    "INSERT INTO conversations(user_key, channel, state, updated_at, version) VALUES (?,?,?,?,?)"
                    " ON CONFLICT(user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,"
                    " version = excluded.version WHERE conversations.version = ?",
                    (user_key, channel, state_json, now_iso, version + 1, version), expect=True))
            if outbox is not None:
                out.append(self._queue(user_key, channel, address, outbox, now, lease))
        if inbox_id is not None:
            out.append(self._answered(inbox_id, now, anonymous=erase_at is not None))
        return out, erase_at

    def _answered(self, inbox_id: int, now: dt.datetime, *, anonymous: bool = False) -> Statement:
        return Statement("UPDATE inbox SET handled_at = ?, payload = NULL, lease_until = NULL"
                         + (", user_key = ''" if anonymous else "") + " WHERE id = ?", (_iso(now), inbox_id))

    @staticmethod
    def _queue(user_key: str, channel: str, address: str, outbox: str, now: dt.datetime,
               lease: dt.timedelta | None) -> Statement:
        # Leased to this instance to send at once, unless earlier replies to the same resident are
        # still waiting (another instance may be sending them): then the outbox sends it after them.
        return Statement("INSERT INTO outbox(user_key, channel, address, replies, created_at, next_at, lease_until)"
                         " VALUES (?,?,?,?,?,?, CASE WHEN EXISTS (SELECT 1 FROM outbox p WHERE p.user_key = ?"
                         " AND p.channel = ? AND p.parked_at IS NULL) THEN NULL ELSE ? END) RETURNING id, lease_until",
                         (user_key, channel, address, outbox, _iso(now), _iso(now), user_key, channel,
                          _iso(now + lease) if lease else None), fetch=True)

    @staticmethod
    def _sendable(row: tuple, lease: dt.timedelta | None) -> int | None:  # type: ignore[type-arg]
        """The new outbox row's id if the caller may send it now, None if it waits its turn."""
        return int(row[0]) if lease is None or row[1] is not None else None

    async def queue(self, user_key: str, channel: str, address: str, outbox: str, now: dt.datetime, *,
                    inbox_id: int | None = None, lease: dt.timedelta | None = None) -> int | None:
        """Replies that come with no new state (a reminder list, a hand-over message); their id, or
        None when earlier replies to the resident are still queued (as save_turn_queued)."""
        statements = [self._queue(user_key, channel, address, outbox, now, lease)]
        if inbox_id is not None:
            statements.append(self._answered(inbox_id, now))
        return self._sendable((await self.db.batch(statements))[0].rows[0], lease)

    # -- inbox: what residents sent, stored before it is acknowledged -----------------------

    async def receive(self, updates: list[tuple[str, str, str, str]], now: dt.datetime) -> int:
        """(channel, update id, user key, sealed payload) rows; one already received is skipped.
        Returns how many were new."""
        if not updates:
            return 0
        results = await self.db.batch([Statement(
            "INSERT INTO inbox(channel, update_id, user_key, payload, received_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(channel, update_id) DO NOTHING", (c, u, k, p, _iso(now))) for c, u, k, p in updates])
        return sum(r.rowcount for r in results)

    async def claim_inbox(self, now: dt.datetime, lease: dt.timedelta, limit: int = 50,
                          channels: tuple[str, ...] = ()) -> list[Inbound]:
        """Unanswered rows to handle, each the oldest pending one of its resident, leased to us."""
        only = f" AND i.channel IN ({_marks(len(channels))})" if channels else ""
        rows = await self.db.fetch(
            "UPDATE inbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN ("
            " SELECT i.id FROM inbox i WHERE i.handled_at IS NULL AND (i.lease_until IS NULL OR i.lease_until < ?)"
            + only +
            " AND NOT EXISTS (SELECT 1 FROM inbox j WHERE j.user_key = i.user_key AND j.handled_at IS NULL"
            " AND j.id < i.id) ORDER BY i.id LIMIT ?" + self.db.skip_locked + ")"
            " RETURNING id, channel, user_key, payload, attempts",
            _iso(now + lease), _iso(now), *channels, limit)
        return sorted((Inbound(int(r[0]), r[1], r[2], r[3] or "", int(r[4])) for r in rows), key=lambda x: x.id)

    async def inbox_done(self, inbox_id: int, now: dt.datetime) -> None:
        """Handled with nothing to write (a status, a group message), or given up on."""
        await self.db.batch([self._answered(inbox_id, now)])

    async def inbox_retry(self, inbox_id: int) -> None:
        """Handling failed: free the row for the next look instead of waiting for its lease."""
        await self.db.execute("UPDATE inbox SET lease_until = NULL WHERE id = ?", inbox_id)

    async def pending_inbox(self) -> int:
        return int((await self.db.fetch("SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"))[0][0])

    # -- outbox: replies until the channel has sent them -----------------------------------

    async def claim_outbox(self, channel: str, now: dt.datetime, lease: dt.timedelta, limit: int = 20) -> list[Queued]:
        """Replies due for sending, at most one per resident (their earlier ones go first). Each
        channel is its own queue: posts about a resident to the mediators' group never hold
        the resident's own replies back, nor the other way round."""
        rows = await self.db.fetch(
            "UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN ("
            " SELECT o.id FROM outbox o WHERE o.channel = ? AND o.parked_at IS NULL AND o.next_at <= ?"
            " AND (o.lease_until IS NULL OR o.lease_until < ?)"
            " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.user_key = o.user_key AND p.channel = o.channel"
            " AND p.parked_at IS NULL AND p.id < o.id) ORDER BY o.id LIMIT ?" + self.db.skip_locked + ")"
            " RETURNING id, user_key, address, replies, created_at, attempts",
            _iso(now + lease), channel, _iso(now), _iso(now), limit)
        return sorted((Queued(int(r[0]), r[1], r[2], r[3], _dt(r[4]), int(r[5])) for r in rows), key=lambda q: q.id)

    async def outbox_done(self, outbox_id: int) -> None:
        await self._sent(outbox_id)

    async def _outbox_done_many(self, outbox_ids: list[int]) -> dict[int, None]:
        await self.db.execute(f"DELETE FROM outbox WHERE id IN ({_marks(len(outbox_ids))})", *outbox_ids)
        return {}

    async def outbox_retry(self, outbox_id: int, at: dt.datetime, error: str) -> None:
        await self.db.execute("UPDATE outbox SET next_at = ?, lease_until = NULL, error = ? WHERE id = ?",
                              _iso(at), error[:200], outbox_id)

    async def outbox_park(self, outbox_id: int, now: dt.datetime, error: str) -> None:
        """Refused for good: kept aside (never blocking others), then purged."""
        await self.db.execute("UPDATE outbox SET parked_at = ?, lease_until = NULL, error = ? WHERE id = ?",
                              _iso(now), error[:200], outbox_id)

    async def pending_outbox(self, channel: str) -> list[tuple[int, str, str]]:
        """(id, sealed address, replies JSON) of replies not sent yet (parked ones aside)."""
        rows = await self.db.fetch("SELECT id, address, replies FROM outbox WHERE channel = ? AND parked_at IS NULL"
                                   " ORDER BY id", channel)
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    async def parked_outbox(self, channel: str) -> list[tuple[int, str]]:
        rows = await self.db.fetch("SELECT id, error FROM outbox WHERE channel = ? AND parked_at IS NOT NULL"
                                   " ORDER BY id", channel)
        return [(int(r[0]), str(r[1] or "")) for r in rows]

    # -- reminders -------------------------------------------------------------------------

    _R = "SELECT id, user_key, channel, address, due_at, until_at, place, text, params FROM reminders"

    @staticmethod
    def _reminder(row: tuple) -> Reminder:  # type: ignore[type-arg]
        try:
            params = {str(k): str(v) for k, v in json.loads(row[8] or "{}").items()}
        except (ValueError, AttributeError):
            params = {}
        return Reminder(int(row[0]), row[1], row[2], row[3], _dt(row[4]), _dt(row[5]), row[6], row[7], params)

    async def reminders_of(self, user_key: str) -> list[Reminder]:
        return [self._reminder(r) for r in await self.db.fetch(self._R + " WHERE user_key = ? ORDER BY due_at",
                                                                 user_key)]

    async def pending_reminders(self, channel: str | None = None) -> list[Reminder]:
        if channel:
            rows = await self.db.fetch(self._R + " WHERE channel = ? ORDER BY due_at", channel)
        else:
            rows = await self.db.fetch(self._R + " ORDER BY due_at")
        return [self._reminder(r) for r in rows]

    async def claim_reminders(self, channel: str, now: dt.datetime, lease: dt.timedelta,
                              limit: int = 20) -> list[Reminder]:
        """Due reminders, leased to this instance (another instance does not send them too)."""
        rows = await self.db.fetch(
            "UPDATE reminders SET lease_until = ? WHERE id IN ("
            " SELECT id FROM reminders WHERE channel = ? AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
            " ORDER BY due_at LIMIT ?" + self.db.skip_locked + ")"
            " RETURNING id, user_key, channel, address, due_at, until_at, place, text, params",
            _iso(now + lease), channel, _iso(now), _iso(now), limit)
        return sorted((self._reminder(r) for r in rows), key=lambda r: r.due_at)

    async def delete_reminder(self, reminder_id: int, user_key: str | None = None) -> bool:
        if user_key is None:
            return await self.db.execute("DELETE FROM reminders WHERE id = ?", reminder_id) > 0
        return await self.db.execute("DELETE FROM reminders WHERE id = ? AND user_key = ?",
                                     reminder_id, user_key) > 0

    # -- hand-over to mediators ------------------------------------------------------------

    async def start_handover(self, user_key: str, channel: str, address: str, now: dt.datetime) -> None:
        await self.db.execute(
            "INSERT INTO handovers(user_key, channel, address, started_at, last_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(user_key) DO UPDATE SET last_at = excluded.last_at, address = excluded.address",
            user_key, channel, address, _iso(now), _iso(now))

    async def handover(self, user_key: str, now: dt.datetime, *, within: dt.timedelta = HANDOVER_SILENCE) -> Handover | None:
        """The person's hand-over, if its last message (either way) is at most `within` old.

        The default answers "is a person in charge now?"; `HANDOVER_KEPT` finds one a mediator
        may still answer.
        """
        h = await self._handovers(user_key)
        return h if h is not None and now - h.last_at <= within else None

    async def _handovers_many(self, user_keys: list[str]) -> dict[str, Handover | None]:
        rows = await self.db.fetch("SELECT user_key, channel, address, started_at, last_at FROM handovers"
                                   f" WHERE user_key IN ({_marks(len(user_keys))})", *user_keys)
        return {r[0]: Handover(r[0], r[1], r[2], _dt(r[3]), _dt(r[4])) for r in rows}

    async def touch_handover(self, user_key: str, now: dt.datetime) -> None:
        await self.db.execute("UPDATE handovers SET last_at = ? WHERE user_key = ?", _iso(now), user_key)

    async def end_handover(self, user_key: str) -> bool:
        results = await self.db.batch([Statement("DELETE FROM handovers WHERE user_key = ?", (user_key,)),
                                       Statement("DELETE FROM relays WHERE user_key = ?", (user_key,))])
        return results[0].rowcount > 0

    async def remember_relay(self, message_id: str, user_key: str) -> None:
        await self.db.execute("INSERT INTO relays(message_id, user_key) VALUES (?,?)"
                              " ON CONFLICT(message_id) DO UPDATE SET user_key = excluded.user_key",
                              message_id, user_key)

    async def relay_target(self, message_id: str) -> str | None:
        rows = await self.db.fetch("SELECT user_key FROM relays WHERE message_id = ?", message_id)
        return rows[0][0] if rows else None

    # -- several instances -----------------------------------------------------------------

    async def take_lease(self, name: str, holder: str, now: dt.datetime, until: dt.datetime) -> bool:
        """True if `holder` takes the named lease until `until`: only once it is free or has
        expired, whoever held it (what it guards is then done once per period, by one instance)."""
        return await self.db.execute(
            "INSERT INTO leases(name, holder, until_at) VALUES (?,?,?) ON CONFLICT(name) DO UPDATE"
            " SET holder = excluded.holder, until_at = excluded.until_at WHERE leases.until_at < ?",
            name, holder, _iso(until), _iso(now)) > 0

    async def heartbeat(self, name: str, now: dt.datetime) -> int:
        """Say this instance is alive; how many are (itself included)."""
        await self.db.execute("INSERT INTO instances(name, seen_at) VALUES (?,?)"
                              " ON CONFLICT(name) DO UPDATE SET seen_at = excluded.seen_at", name, _iso(now))
        rows = await self.db.fetch("SELECT COUNT(*) FROM instances WHERE seen_at >= ?", _iso(now - ALIVE))
        return max(1, int(rows[0][0]))

    async def release_leases(self) -> None:
        """Forget every lease (a single instance restarting: the holder is gone)."""
        await self.db.batch([Statement(f"UPDATE {table} SET lease_until = NULL WHERE lease_until IS NOT NULL")
                             for table in ("inbox", "outbox", "reminders")])

    # -- retention (and shared positions forgotten after a day) ---------------------------------
    async def purge_daily(self, holder: str, now: dt.datetime) -> dict[str, int] | None:
        """The purge, if none was done in the last day by any instance; what it removed."""
        return await self.purge(now) if await self.take_lease("purge", holder, now, now + PURGE_EVERY) else None

    async def purge(self, now: dt.datetime) -> dict[str, int]:
        """Remove what is past retention: old conversations, old unmatched phrases, hand-overs nobody
        can answer any more, reminders whose slot has passed, answered and parked rows, positions."""
        silent = _iso(now - HANDOVER_KEPT)
        named = [
            ("conversations", "DELETE FROM conversations WHERE updated_at < ?", _iso(now - STATE_RETENTION)),
            ("unmatched", "DELETE FROM unmatched WHERE day < ?", _day(now - UNMATCHED_RETENTION)),
            ("relays", "DELETE FROM relays WHERE user_key IN (SELECT user_key FROM handovers WHERE last_at < ?)", silent),
            ("handovers", "DELETE FROM handovers WHERE last_at < ?", silent),
            ("reminders", "DELETE FROM reminders WHERE until_at < ?", _iso(now)),
            ("inbox", "DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < ?", _iso(now - INBOX_KEPT)),
            ("outbox", "DELETE FROM outbox WHERE created_at < ?", _iso(now - OUTBOX_KEPT)),
            ("instances", "DELETE FROM instances WHERE seen_at < ?", _iso(now - dt.timedelta(days=1))),
        ]
        results = await self.db.batch([Statement(sql, (arg,)) for _, sql, arg in named])
        counts = {name: r.rowcount for (name, _, _), r in zip(named, results, strict=True)}
        return counts | {"positions": await forget_positions(self.db, now)}


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
