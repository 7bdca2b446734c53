"""Deep links that mediators share: `/start <payload>` sets source, quartier and need.

Payload format (Telegram allows 64 characters of [A-Za-z0-9_-]): parts joined by "_", each
"<key>-<value>": `s-<source>` who shared it, `q-<quartier id>`, `n-<need id>`.
Example: `s-pimms-porte_q-saint-eloi_n-caf`. Unknown or malformed parts are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.places.model import Directory
from bot.places.needs import BUS, NEEDS

MAX_PAYLOAD = 64
_ALLOWED = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SOURCE = re.compile(r"^[a-z0-9-]{1,60}$")


@dataclass(frozen=True)
class StartLink:
    source: str | None = None
    quartier: str | None = None
    need: str | None = None


def parse_start(payload: str, directory: Directory) -> StartLink:
    payload = (payload or "").strip()
    if not payload or not _ALLOWED.match(payload):
        return StartLink()
    source = quartier = need = None
    for part in payload.split("_"):
        key, _, value = part.partition("-")
        value = value.lower()
        if key == "s" and _SOURCE.match(value):
            source = value
        elif key == "q" and value in directory.quartiers:
            quartier = value
        elif key == "n" and (value in NEEDS or value == BUS):
            need = value
    return StartLink(source, quartier, need)


class LinkError(ValueError):
    """A link cannot be made from these names; the message says which and why."""


def make_payload(source: str, quartier: str | None, need: str | None, directory: Directory) -> str:
    if not _SOURCE.match(source):
        raise LinkError(f"source « {source} » : utilisez des minuscules, chiffres et tirets (60 au plus), par exemple pimms-porte")
    known_sources = {p for p in directory.places} | {t for t in directory.tours} | set(directory.quartiers)
    if source not in known_sources:
        raise LinkError(f"source « {source} » inconnue dans l'annuaire : donnez l'id d'un lieu, d'une tournée ou d'un quartier")
    parts = [f"s-{source}"]
    if quartier is not None:
        if quartier not in directory.quartiers:
            raise LinkError(f"quartier « {quartier} » inconnu ; quartiers : {', '.join(directory.quartiers)}")
        parts.append(f"q-{quartier}")
    if need is not None:
        if need not in NEEDS and need != BUS:
            raise LinkError(f"besoin « {need} » inconnu ; besoins : {', '.join(NEEDS)}, bus")
        parts.append(f"n-{need}")
    payload = "_".join(parts)
    if len(payload) > MAX_PAYLOAD or not _ALLOWED.match(payload):
        raise LinkError(f"le lien « {payload} » dépasse {MAX_PAYLOAD} caractères [A-Za-z0-9_-] : choisissez une source plus courte")
    return payload
