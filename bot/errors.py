"""Errors a user of the bot (admin, operator) can cause, each with what to fix.

    BotError
    ├── ConfigError        a setting in the environment is missing or wrong
    ├── StoreError         the database cannot be used (not the bot's, damaged, unreachable, full)
    └── SourceError        a file an admin edits has a mistake (file, line, what to fix)
        ├── DirectoryError directory.yaml
        └── IntentsError   intents/*.yaml
"""

from __future__ import annotations

from dataclasses import dataclass


class BotError(Exception):
    """Root of every error the bot raises on purpose."""


class ConfigError(BotError):
    """A setting is missing or has a value the bot cannot use."""


class StoreError(BotError):
    """The database cannot be used as it is; the message names it and says what to do."""


@dataclass(frozen=True)
class Problem:
    """One mistake in an admin-edited file, located to the line."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "attention : " if self.warning else ""
        return f"{self.file}:{self.line}: {kind}{self.message}"


class SourceError(BotError):
    """An admin-edited file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DirectoryError(SourceError):
    """directory.yaml has at least one error."""


class IntentsError(SourceError):
    """A file of intents/ has at least one error."""
