"""What the bot keeps: conversation state, reminders, hand-overs, queued replies, statistics.

Owns the store (SQLite through aiosqlite, schema migrations, retention) and privacy by design:
pseudonymous user keys (HMAC under the bot's secret), scrubbing of kept phrases, the secret
itself. It may import `conversation.events` (the effects it records) and `places.hours`.
"""
