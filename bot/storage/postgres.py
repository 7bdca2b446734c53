"""The PostgreSQL backend (asyncpg): the store of real deployments, shared by several instances.

Chosen when DATABASE_URL is set. The SQL is the store's, with `?` placeholders numbered for
PostgreSQL once per statement text. Migrations run under an advisory lock, so instances starting
together migrate once.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import asyncpg

from bot.errors import StoreError
from bot.storage.backend import Conflict, Result, Statement, describe

MIGRATION_LOCK = 7_406_211  # any constant: the advisory lock all instances agree on
_COUNT = re.compile(r"(\d+)$")


@lru_cache(maxsize=512)
def numbered(sql: str, after: int = 0) -> str:
    """`?` placeholders as `$1, $2…`, or from `$after+1` (the store's SQL has no `?` inside string
    literals)."""
    parts = sql.split("?")
    return parts[0] + "".join(f"${after + i}{part}" for i, part in enumerate(parts[1:], 1))


def _combinable(st: Statement) -> bool:
    return st.sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))


@lru_cache(maxsize=256)
def _combined_sql(shape: tuple[tuple[str, bool, bool, int], ...]) -> str:
    clauses, outputs, n = [], [], 0
    for i, (sql, fetch, expect, arity) in enumerate(shape):
        body = numbered(sql, n)
        n += arity
        clauses.append(f"s{i} AS ({body}{'' if fetch else ' RETURNING 1'})")
        outputs.append(f"(SELECT count(*) FROM s{i}) AS n{i}")
        if fetch:
            outputs.append(f"(SELECT json_agg(s{i}) FROM s{i})::text AS r{i}")
        if expect:
            outputs.append(f"1 / (SELECT count(*) FROM s{i}) AS e{i}")
    return "WITH " + ", ".join(clauses) + " SELECT " + ", ".join(outputs)


def combined(statements: list[Statement]) -> tuple[str, list[Any]]:
    """Statements as one: each a WITH clause, its placeholders numbered across the whole."""
    shape = tuple((st.sql, st.fetch, st.expect, st.sql.count("?")) for st in statements)
    return _combined_sql(shape), [a for st in statements for a in st.args]


def _rowcount(status: str) -> int:
    m = _COUNT.search(status or "")
    return int(m.group(1)) if m else 0


class PostgresDatabase:
    dialect = "postgres"
    serial = "BIGSERIAL PRIMARY KEY"
    skip_locked = " FOR UPDATE SKIP LOCKED"

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @classmethod
    async def open(cls, url: str, *, min_size: int = 1, max_size: int = 10) -> PostgresDatabase:
        try:
            pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, command_timeout=30,
                                             timeout=10)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as e:
            raise StoreError(f"PostgreSQL injoignable à {describe(url)} ({type(e).__name__}: {str(e)[:200]}) : "
                             "vérifiez DATABASE_URL, que le serveur tourne et accepte ce compte") from None
        return cls(pool)

    async def fetch(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in await self.pool.fetch(numbered(sql), *args)]

    async def execute(self, sql: str, *args: Any) -> int:
        return _rowcount(await self.pool.execute(numbered(sql), *args))

    async def batch(self, statements: list[Statement]) -> list[Result]:
        if len(statements) > 1 and all(_combinable(st) for st in statements):
            return await self._one_trip(statements)
        return await self._in_transaction(statements)

    async def _one_trip(self, statements: list[Statement]) -> list[Result]:
        """The batch as one statement (a chain of data-modifying WITH clauses, which PostgreSQL
        runs as one atomic command): one round trip instead of BEGIN, one per statement, COMMIT.
        A statement expected to change a row and changing none makes the command fail (a
        division by its zero count), which undoes all of it: Conflict."""
        sql, args = combined(statements)
        try:
            row = await self.pool.fetchrow(sql, *args)
        except asyncpg.DivisionByZeroError:
            raise Conflict("a conversation changed meanwhile") from None
        assert row is not None
        results = []
        for i, st in enumerate(statements):
            count, rows = int(row[f"n{i}"]), []
            if st.fetch and count:
                rows = [tuple(r.values()) for r in json.loads(row[f"r{i}"])]
            results.append(Result(count, rows))
        return results

    async def _in_transaction(self, statements: list[Statement]) -> list[Result]:
        results = []
        async with self.pool.acquire() as conn, conn.transaction():
            for s in statements:
                if s.fetch:
                    rows = [tuple(r) for r in await conn.fetch(numbered(s.sql), *s.args)]
                    result = Result(len(rows), rows)
                else:
                    result = Result(_rowcount(await conn.execute(numbered(s.sql), *s.args)))
                if s.expect and result.rowcount == 0:
                    raise Conflict(s.sql.split(None, 3)[:3])
                results.append(result)
        return results

    async def migrate(self, migrations: tuple[str, ...]) -> int:
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            await conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            value = await conn.fetchval("SELECT value FROM meta WHERE key = 'schema_version'")
            version = int(value) if value else 0
            if version > len(migrations):
                raise StoreError(f"la base de données est en version {version}, plus récente que ce bot "
                                  f"({len(migrations)}) : mettez le bot à jour")
            for i in range(version, len(migrations)):
                await conn.execute(migrations[i].replace("{serial}", self.serial))
                await conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', $1)"
                                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value", str(i + 1))
            return max(version, len(migrations))

    async def close(self) -> None:
        await self.pool.close()
