"""Schemathesis over the OpenAPI document, with a real session: no operation answers 5xx, and
every answer matches what the document promises (status codes, media types, body schemas).

Bounded and deterministic: a fixed number of examples per operation and generation mode, with
Hypothesis derandomised, so a run takes seconds and a failure replays identically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mediateur.server.core.config import Settings
from mediateur.server.roles import Role
from tests.server.helpers import FakeClock, World, fast_settings

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_no_operation_fails_under_generated_requests(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    # Generous limits: generated logins must not lock the fixture's own logins out.
    app = make_app(
        fast_settings(
            database_url, login_failures_per_account=10**6, login_failures_per_address=10**6
        )
    )
    world = World(app.state.database, app.state.passwords, clock)
    organisation = world.organisation("Mission Locale")
    world.user("responsable", organisation, Role.MANAGER)
    world.user("mediatrice", organisation, Role.MEDIATOR)
    client = TestClient(app)
    laptop = world.login(client, "responsable")
    world.login(client, "mediatrice")

    def authorisation() -> dict[str, str]:
        # Generated calls may log the session out: each case gets a live session of the laptop.
        return world.login(client, "responsable", device_id=laptop.device_id).headers

    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9
    answers: Counter[tuple[str, int]] = Counter()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def exercise(case: schemathesis.Case) -> None:
                headers = authorisation()
                response = case.call(headers=headers)
                case.validate_response(response, checks=CHECKS, headers=headers)
                answers[case.operation.path, response.status_code] += 1

            try:
                exercise()
            except Unsatisfiable:
                # GET /meta has no input at all: there is nothing to make invalid.
                assert mode is GenerationMode.NEGATIVE
                assert operation.path == "/api/v1/meta"
    # The session is real: authenticated operations were reached, not just refused.
    for path in (
        "/api/v1/directory",
        "/api/v1/devices",
        "/api/v1/auth/logout",
        "/api/v1/sync/pull",
        "/api/v1/conflicts",
    ):
        assert answers[path, 200] + answers[path, 204] > 0, answers
    assert answers["/api/v1/devices/{device_id}/revoke", 404] > 0, answers
