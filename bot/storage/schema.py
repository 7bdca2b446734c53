"""The tables, as versioned migrations both backends run (`{serial}`: an auto-numbered key).

Each entry brings the schema from version i to i + 1; never edit one that has shipped.
Times are ISO 8601 text in UTC (`_iso` in store.py): they sort as they compare, in both backends.
"""

from __future__ import annotations

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
        id {serial},
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
        id {serial},
        user_key TEXT NOT NULL, channel TEXT NOT NULL, address TEXT NOT NULL,
        replies TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_channel ON outbox(channel);
    """,
    """
    CREATE TABLE emergencies (day TEXT NOT NULL, channel TEXT NOT NULL, category TEXT NOT NULL);
    CREATE INDEX emergencies_day ON emergencies(day);
    """,
    # Version 5: WhatsApp templates' parameters; the inbox; the outbox as a queue (backoff,
    # leases, parking); conversation versions and reminder leases for several instances; named
    # leases (the daily purge) and the instances alive (to share Telegram's rate).
    """
    ALTER TABLE reminders ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE reminders ADD COLUMN lease_until TEXT;
    CREATE TABLE inbox (
        id {serial},
        channel TEXT NOT NULL, update_id TEXT NOT NULL, user_key TEXT NOT NULL,
        payload TEXT, received_at TEXT NOT NULL, handled_at TEXT, lease_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        UNIQUE (channel, update_id)
    );
    CREATE INDEX inbox_pending ON inbox(handled_at, id);
    CREATE INDEX inbox_user ON inbox(user_key, id);
    ALTER TABLE outbox ADD COLUMN next_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE outbox ADD COLUMN lease_until TEXT;
    ALTER TABLE outbox ADD COLUMN parked_at TEXT;
    ALTER TABLE outbox ADD COLUMN error TEXT;
    CREATE INDEX outbox_user ON outbox(user_key, id);
    ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_at TEXT NOT NULL);
    CREATE TABLE instances (name TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
    """,
    # Version 6: unmatched phrases tied to their author's pseudonymous key, so that /oubli takes
    # them too (statistics read only the text).
    """
    ALTER TABLE unmatched ADD COLUMN user_key TEXT;
    CREATE INDEX unmatched_user ON unmatched(user_key);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
