"""The SQLite backend (aiosqlite, WAL): the default store, one file beside the bot.

aiosqlite runs every call on its own thread; a batch goes there as one function, so a turn's
whole transaction costs one hand-off from the event loop, not one per statement.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import aiosqlite

from bot.errors import StoreError
from bot.storage.backend import Conflict, Result, Statement


def _run_batch(conn: sqlite3.Connection, statements: list[Statement]) -> list[Result]:
    results = []
    with conn:  # commits, or rolls back on any error
        for s in statements:
            cur = conn.execute(s.sql, s.args)
            rows = [tuple(r) for r in cur.fetchall()] if s.fetch else []
            count = len(rows) if s.fetch and cur.rowcount < 0 else cur.rowcount
            if s.expect and count == 0:
                raise Conflict(s.sql.split(None, 3)[:3])
            results.append(Result(count, rows))
    return results


def _migrate(conn: sqlite3.Connection, migrations: tuple[str, ...], serial: str) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")  # one process migrates; another waits, then sees it done
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if not row:
            others = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                                 " AND name NOT IN ('meta', 'sqlite_sequence')")]
            if others:  # someone else's database: never write our tables into it
                raise StoreError(f"ce n'est pas une base du bot (tables {', '.join(others[:5])}) : donnez un "
                                 "autre chemin avec BOT_DATABASE")
        if version > len(migrations):
            raise StoreError(f"la base de données est en version {version}, plus récente que ce bot "
                              f"({len(migrations)}) : mettez le bot à jour")
        for i in range(version, len(migrations)):
            for sql in migrations[i].replace("{serial}", serial).split(";"):
                if sql.strip():
                    conn.execute(sql)
            conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(i + 1),))
        conn.execute("COMMIT")
        return max(version, len(migrations))
    except BaseException:
        conn.execute("ROLLBACK")
        raise


HEADER = b"SQLite format 3\x00"


def check_file(path: Path) -> None:
    """Refuse a file that is not the bot's database (never reset it: it may be a damaged copy
    someone wants back); create a new one readable by its owner only."""
    if str(path) == ":memory:":
        return
    try:
        with open(path, "rb") as f:
            head = f.read(len(HEADER))
    except FileNotFoundError:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another process created it meanwhile
        except OSError as e:
            raise StoreError(f"{path} : impossible de créer la base ({e.strerror}) : vérifiez le dossier et "
                             "ses droits, ou donnez un autre chemin avec BOT_DATABASE") from None
        return
    except OSError as e:
        raise StoreError(f"{path} : illisible ({e.strerror}) : vérifiez ses droits") from None
    if len(head) < len(HEADER) and HEADER.startswith(head) and time.time() - path.stat().st_mtime < 30:
        return  # another process is creating it right now
    if not head:
        raise StoreError(f"{path} est vide (0 octet) : ce n'est pas une base du bot. Restaurez la sauvegarde, "
                         "ou supprimez ce fichier pour repartir de zéro")
    if head != HEADER:
        raise StoreError(f"{path} n'est pas une base SQLite (fichier abîmé ou autre) : restaurez la sauvegarde, "
                         "ou donnez un autre chemin avec BOT_DATABASE")


class SQLiteDatabase:
    dialect = "sqlite"
    serial = "INTEGER PRIMARY KEY AUTOINCREMENT"
    skip_locked = ""  # one process writes at a time: nothing to skip

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    @classmethod
    async def open(cls, path: str | Path) -> SQLiteDatabase:
        check_file(Path(path))
        conn = await aiosqlite.connect(str(path))
        try:
            await conn.execute("PRAGMA busy_timeout=5000")
            # Switching to WAL needs the file alone for a moment: a second process opening it at
            # the same time gets "database is locked" at once, without the busy timeout.
            for attempt in range(50):
                try:
                    await conn.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError:
                    if attempt == 49:
                        raise
                    await asyncio.sleep(0.05)
            await conn.execute("PRAGMA synchronous=NORMAL")
        except BaseException as e:
            await conn.close()  # its thread would otherwise outlive the failure
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"{path} : base inutilisable ({e}) : restaurez la sauvegarde, ou donnez un "
                                 "autre chemin avec BOT_DATABASE") from None
            raise
        return cls(conn)

    async def _call(self, fn: Any, *args: Any) -> Any:
        # aiosqlite has no public name for "run this function on your thread"; `_execute` is it.
        return await self.conn._execute(fn, self.conn._conn, *args)  # type: ignore[no-untyped-call]

    async def fetch(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        # Through a batch: an UPDATE … RETURNING must be committed like any write.
        return (await self.batch([Statement(sql, args, fetch=True)]))[0].rows

    async def execute(self, sql: str, *args: Any) -> int:
        return (await self.batch([Statement(sql, args)]))[0].rowcount

    async def batch(self, statements: list[Statement]) -> list[Result]:
        return await self._call(_run_batch, statements)  # type: ignore[no-any-return]

    async def migrate(self, migrations: tuple[str, ...]) -> int:
        return await self._call(_migrate, migrations, self.serial)  # type: ignore[no-any-return]

    async def close(self) -> None:
        await self.conn.close()
