"""The envelope both directions use: ``{"metadata": {"code", "message"}, "response": ...}``.

Business refusals are HTTP 200 with code 201 and a message; reference calls answer code 1; PCare
spells the key ``metaData``. A reader accepts 200 or 1 as success and either spelling.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

SUCCESS_CODES = frozenset({200, 1})
DUPLICATE_CODE = 208
_NO_RESPONSE: Any = object()


class Metadata(BaseModel):
    code: int = Field(description="200 done, 201 refused (message says why), 202 new patient")
    message: str


class MetadataOnly(BaseModel):
    """A refusal, a new patient, or a done call that carries no body (never encrypted)."""

    metadata: Metadata


class CentralMetadataOnly(BaseModel):
    """The central's bodiless answer: ``response`` is there, and null."""

    metadata: Metadata
    response: None = None


class PcareMetadataOnly(BaseModel):
    """PCare spells the key ``metaData``."""

    metaData: Metadata
    response: None = None


def envelope(
    code: int, message: str, response: Any = _NO_RESPONSE, *, pcare: bool = False
) -> dict[str, Any]:
    """The envelope; ``response`` is left out when not given (the faskes side's bodiless
    answers), and kept when given, even as null (the central's)."""
    body: dict[str, Any] = {"metaData" if pcare else "metadata": {"code": code, "message": message}}
    if response is not _NO_RESPONSE:
        body["response"] = response
    return body


def metadata_of(body: Any) -> dict[str, Any] | None:
    """The metadata of an envelope, whichever spelling; None when it is not one."""
    if not isinstance(body, dict):
        return None
    metadata = body.get("metadata", body.get("metaData"))
    return metadata if isinstance(metadata, dict) else None
