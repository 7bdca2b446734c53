"""Open-data importers: the national lists France already publishes, into a directory.

`france-services` (the ANCT list, CSV with one hours column per day), `mediation-numerique`
(the national schema of digital-mediation places, CSV or JSON) and `data-inclusion` (structures
and services, JSON). Each reads its rows into `rows.Imported`, reports the unusable ones as
`FILE:LINE: why` (`rows.Skipped`), and maps national categories to our needs through the one
table of `mapping`; `write` makes a new directory or merges into an existing one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from bot.data.imports import data_inclusion, france_services, mediation_numerique
from bot.data.imports.rows import Batch, Filter

Reader = Callable[[list[Path], Filter, dt.date], Batch]
SOURCES: dict[str, Reader] = {
    france_services.NAME: france_services.read,
    mediation_numerique.NAME: mediation_numerique.read,
    data_inclusion.NAME: data_inclusion.read,
}

__all__ = ["SOURCES", "Batch", "Filter"]
