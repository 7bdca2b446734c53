"""Reading a webhook's body without trusting its size."""

from __future__ import annotations

from starlette.requests import Request

MAX_BODY = 1024 * 1024  # far above any real update; a bigger body is refused (413) before it is read


async def bounded_body(request: Request, limit: int = MAX_BODY) -> bytes | None:
    """The body, or None when it is (or claims to be) over `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)
