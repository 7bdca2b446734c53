"""Retrying Bot API calls that failed for a reason that may pass (5xx, time-outs, 429)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram.error import NetworkError, RetryAfter, TimedOut

SEND_ATTEMPTS = 5


async def with_retries(call: Callable[[], Awaitable[Any]]) -> Any:
    """Retry a Bot API call on server errors and time-outs, and on a 429 the rate limiter's
    own retries did not absorb; other errors (bad request, blocked by the user) are raised."""
    delay = 0.2
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await call()
        except RetryAfter as e:
            if attempt == SEND_ATTEMPTS:
                raise
            wait = e.retry_after
            await asyncio.sleep(wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait))
        except (TimedOut, NetworkError) as e:
            # BadRequest, Forbidden and friends are NetworkError subclasses: do not retry them.
            if type(e) not in (NetworkError, TimedOut) or attempt == SEND_ATTEMPTS:
                raise
            await asyncio.sleep(delay)
            delay *= 2
    return None

