"""Open what a running bot needs: knowledge from the files, the store, the secret."""

from __future__ import annotations

import datetime as dt

from bot.errors import ConfigError
from bot.runtime.handover import Mediators
from bot.runtime.knowledge import KnowledgeSource, freeze_heap
from bot.runtime.turns import Clock, Runtime, utc_now
from bot.settings import Settings
from bot.storage.privacy import load_secret
from bot.storage.store import Store


async def open_runtime(settings: Settings, clock: Clock | None = None,
                       mediators: Mediators | None = None) -> Runtime:
    """Load the directory and intents, open the database, purge what is past retention."""
    if settings.database_url and not settings.secret:
        raise ConfigError("BOT_SECRET est obligatoire avec DATABASE_URL : sans lui, les conversations ne sont "
                          "plus reconnues après un redéploiement (donnez une longue valeur aléatoire, gardée "
                          "secrète, la même pour toutes les instances)")
    secret = load_secret(settings.secret, settings.database)  # refused before anything is opened
    source = KnowledgeSource(settings.directory, settings.intents)
    store = await Store.open(settings.store)
    try:
        if store.db.dialect == "sqlite":
            await store.release_leases()  # one process per SQLite file: what was leased died with the last one
        runtime = Runtime(store, source, secret, clock or utc_now, mediators)
        runtime.lease = dt.timedelta(seconds=settings.lease_seconds)
        # Retention follows the real clock: a console run at a chosen date (`--now`) must never
        # purge the real database as if that date had come.
        await store.purge_daily(runtime.queues.name, utc_now())
    except BaseException:
        await store.close()  # an open connection's thread would keep a failed start alive
        raise
    freeze_heap()
    return runtime
