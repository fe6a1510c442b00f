"""schemathesis against the API's OpenAPI spec: no request it generates gets a server error (5xx).

Bounded: a fixed number of examples per operation, derandomised, so the run takes the same time
in CI every time. Ingestion is tried with the token configured (reports coded for real), and the
store it writes is a copy."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from api_store import app_for, copy_of_store
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.model

TOKEN = "schemathesis-token-0123456789"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = copy_of_store(tmp_path_factory.mktemp("schemathesis"))
    app = app_for(db, token=TOKEN, allowed_hosts=("testserver", "localhost", "127.0.0.1"))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _fuzz(operation: Any, headers: dict[str, str] | None, examples: int) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    call()


def test_no_server_error(api_schema: Any) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    labels = {op.label for op in operations}
    assert {"GET /events", "GET /dyads/{a}/{b}", "GET /documents/{doc_id}", "POST /documents"} <= labels
    for operation in operations:
        posting = operation.method.upper() == "POST"
        # each posted report is coded by the pipeline: fewer examples
        _fuzz(operation, {"Authorization": f"Bearer {TOKEN}"} if posting else None, 5 if posting else 40)
