"""An OpenAPI-driven fuzz run (schemathesis) over the central: valid and invalid requests to every
call, each correctly signed so they reach the rules. No answer may be a server error, stray from
the documented envelope, or be the answer our fault guard gives (an exception nobody meant).
Answers are plain here (``--no-encrypt``) so their documented shapes can be checked."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.checks import response_schema_conformance

from kiosk.i18n import t
from tests.central.conftest import signed

pytestmark = pytest.mark.slow

FAULT = t("central.error", "id")


@pytest.fixture
def encrypted() -> bool:
    return False


@pytest.fixture
def openapi_schema(central_app: FastAPI) -> BaseSchema:
    """The document the central serves (signed, as every call), on a fresh demo database."""
    return schemathesis.openapi.from_asgi("/openapi.json", central_app, headers=signed())


@schemathesis.pytest.from_fixture("openapi_schema").parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case: Case) -> None:
    response = case.call(headers=signed())
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
    body = response.json()
    assert set(body) == {
        "metaData" if case.path.startswith("/pcare-rest") else "metadata",
        "response",
    }
    assert FAULT not in response.text, (case.method, case.path, case.body)
