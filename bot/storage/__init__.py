"""What the bot keeps: conversation state, the inbox and outbox, reminders, hand-overs, statistics.

Owns the store (one interface over two backends: SQLite through aiosqlite, PostgreSQL through
asyncpg; versioned migrations for both; retention) and privacy by design:
pseudonymous user keys (HMAC under the bot's secret), scrubbing of kept phrases, the secret
itself. It may import `conversation.events` (the effects it records) and `places.hours`.
"""
