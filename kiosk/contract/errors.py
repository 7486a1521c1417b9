"""Contract errors as envelope answers, for both FastAPI apps (``kiosk serve``, ``kiosk central``).

Malformed JSON, missing fields, wrong types and bad paths answer HTTP 200 with code 201 and an
Indonesian sentence naming the field; an unknown address or method keeps its HTTP status (404,
405), still in the envelope. Each app names its side (the prefix of its words, in kiosk/i18n/web.py
and central.py), its field rules, and how it writes the envelope for a path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from kiosk.contract.fields import CENTRAL_RULES, FASKES_RULES
from kiosk.i18n import t

# How a path's refusal is written: (path, code, message, HTTP status, headers) -> the answer.
Answer = Callable[[str, int, str, int, "Mapping[str, str] | None"], JSONResponse]


@dataclass(frozen=True)
class Side:
    """One app's words: ``{prefix}.contract.*`` and ``{prefix}.rule.*`` (kiosk/i18n/)."""

    prefix: str
    rules: dict[str, str]
    # Validation error kinds worded by another ``contract.*`` key than the general rule's.
    wording: dict[str, str] = field(default_factory=dict)

    def say(self, key: str, **params: object) -> str:
        return t(f"{self.prefix}.{key}", "id", **params)


def describe(error: Any, side: Side) -> str:
    """One pydantic/FastAPI validation error as an Indonesian sentence naming the field."""
    kind = str(error.get("type", ""))
    names = [str(p) for p in error.get("loc", ()) if p not in ("body", "path", "header", "query")]
    name = names[0] if names else ""
    context = error.get("ctx") or {}
    if kind == "json_invalid":
        return side.say("contract.json")
    if not name:
        return side.say("contract.object")
    special = side.wording.get(kind)
    if special is None and kind.startswith(("greater_", "less_")):
        special = side.wording.get("bounds")
    if special is not None:
        return side.say(f"contract.{special}", field=name, n=context.get("max_length", "?"))
    if kind == "missing":
        return side.say("contract.missing", field=name)
    if kind == "string_pattern_mismatch":
        rule = side.say(f"rule.{side.rules.get(name, 'text')}")
        return side.say("contract.format", field=name, rule=rule)
    if kind == "literal_error":
        choices = str(context.get("expected", "?")).replace(" or ", " atau ")
        return side.say("contract.choice", field=name, rule=choices)
    if kind.startswith("int_"):
        return side.say("contract.integer", field=name)
    if kind.startswith("string_"):
        return side.say("contract.text", field=name)
    return side.say("contract.invalid", field=name)


def install_error_answers(
    app: FastAPI,
    side: Side,
    answer: Answer,
    refusals: dict[type[Exception], Callable[[Exception], tuple[int, str]]],
) -> None:
    """Validation and HTTP errors, and each app's own refusal exceptions, as envelope answers.

    ``refusals`` maps an exception class to its (code, message)."""

    for kind, read in refusals.items():

        async def refused(
            request: Request, exc: Exception, read: Callable[..., tuple[int, str]] = read
        ) -> JSONResponse:
            code, message = read(exc)
            return answer(request.url.path, code, message, 200, None)

        app.add_exception_handler(kind, refused)

    async def invalid_request(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        messages = list(dict.fromkeys(describe(error, side) for error in exc.errors()))
        return answer(request.url.path, 201, " ".join(messages[:3]), 200, None)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 400:  # the body could not even be decoded (not UTF-8, say)
            return answer(request.url.path, 201, side.say("contract.json"), 200, None)
        key = {404: "contract.not_found", 405: "contract.method"}.get(exc.status_code, "error")
        return answer(request.url.path, 201, side.say(key), exc.status_code, exc.headers)

    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)


FASKES_WORDING = {"string_too_short": "missing", "string_too_long": "too_long"}
CENTRAL_WORDING = {
    "string_too_short": "length",
    "string_too_long": "length",
    "extra_forbidden": "extra",
    "bounds": "integer",
}

FASKES = Side("ws", FASKES_RULES, FASKES_WORDING)
CENTRAL = Side("central", CENTRAL_RULES, CENTRAL_WORDING)
