"""An OpenAPI-driven fuzz run (schemathesis): valid and invalid requests to every call, with a valid
token so they reach the rules. No answer may be a server error, stray from the documented
envelope, or be the answer our fault guard gives (an exception nobody meant)."""

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
from tests.web.phone import PASSWORD, USERNAME

pytestmark = pytest.mark.slow

FAULT = t("ws.error", "id")


@pytest.fixture
def openapi_schema(app: FastAPI) -> BaseSchema:
    """The document the app serves, on a fresh demo clinic for each call under test."""
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@schemathesis.pytest.from_fixture("openapi_schema").parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_a_server_error(case: Case, app: FastAPI) -> None:
    token = app.state.tokens.issue(USERNAME, PASSWORD)
    response = case.call(headers={"x-token": token, "x-username": USERNAME})
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
    assert FAULT not in response.text, (case.method, case.path, case.body)
