"""What the store needs of a database: statements, and batches of them run as one transaction.

Two backends implement it: SQLite (`sqlite.py`, the default, a file beside the bot) and
PostgreSQL (`postgres.py`, chosen by DATABASE_URL, for real deployments and several instances).
SQL is written once with `?` placeholders and the subset both understand (ON CONFLICT,
RETURNING); the few differences are the dialect's attributes below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class Statement:
    sql: str
    args: tuple[Any, ...] = ()
    # The statement must change a row; if it does not, the whole batch is rolled back (Conflict).
    expect: bool = False
    fetch: bool = False  # returns rows (a SELECT, or RETURNING)


@dataclass
class Result:
    rowcount: int = 0
    rows: list[tuple[Any, ...]] = field(default_factory=list)


class Conflict(Exception):
    """A batch's expected change did not happen (another instance changed the row first)."""


class Database(Protocol):
    dialect: str  # "sqlite" or "postgres"
    serial: str  # the type of an auto-numbered primary key
    skip_locked: str  # appended to a SELECT that claims rows other instances may claim too

    async def fetch(self, sql: str, *args: Any) -> list[tuple[Any, ...]]: ...

    async def execute(self, sql: str, *args: Any) -> int:
        """Run one statement in its own transaction; the number of rows it changed."""

    async def batch(self, statements: list[Statement]) -> list[Result]:
        """Run statements in one transaction, in one trip where the backend allows it."""

    async def migrate(self, migrations: tuple[str, ...]) -> int:
        """Bring the schema up to date (once, even with several instances starting); its version."""

    async def close(self) -> None: ...


def describe(target: str | Path) -> str:
    """The database named for a message, without the password of a URL."""
    text = str(target)
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        text = f"{scheme}://…@{rest.rsplit('@', 1)[1]}"
    return text
