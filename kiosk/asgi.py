"""What the clinic's web service (`kiosk serve`) and the reference central share as HTTP servers:
a bounded body read, a fault turned into a contract answer, and an OpenAPI without FastAPI's 422.

Both answer in an envelope with HTTP 200 and a code of their own, so nothing here knows the
envelope: each server passes the answers to give.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def call_guarded(
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    *,
    max_body_bytes: int,
    too_large: Callable[[], ASGIApp],
    fault: Callable[[], ASGIApp],
    log: logging.Logger,
) -> None:
    """Read the body (at most ``max_body_bytes``, whatever Content-Length claims), hand it on
    whole, and answer ``fault()`` if the app raises before it started its answer.

    A fault is logged with its type, route template and where it happened, never its message or
    the request: both may carry a NIK or card number.
    """
    declared = dict(scope.get("headers", ())).get(b"content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_body_bytes):
        await too_large()(scope, receive, send)
        return
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_body_bytes:
            await too_large()(scope, receive, send)
            return
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    started = False

    async def watch(message: Message) -> None:
        nonlocal started
        if message["type"] == "http.response.start":
            started = True
        await send(message)

    try:
        await app(scope, replay, watch)
    except Exception as exc:
        log.error(
            "fault on %s %s: %s at %s",
            scope.get("method"),
            route_of(scope),
            type(exc).__name__,
            fault_place(exc),
        )
        if not started:
            await fault()(scope, receive, send)


def fault_place(exc: BaseException) -> str:
    """Where a fault happened (``file:line`` of its innermost frame), for a log line that never
    carries its message: that may hold a NIK or card number."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    return f"{where.filename}:{where.lineno}" if where else "?:?"


def route_of(scope: Scope) -> str:
    """The matched route's template (``/peserta/{nomorkartu}``), never the path itself."""
    route = scope.get("route")
    return str(getattr(route, "path", "?"))


def hide_default_422(app: FastAPI) -> None:
    """FastAPI documents a 422 for every call; these servers answer 200 with code 201 instead."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
