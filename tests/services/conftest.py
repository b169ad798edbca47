"""Fixtures of the service tests: a device context, a partner, an enrolment helper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from mediateur.services.beneficiaries import create_beneficiary
from mediateur.services.context import DeviceContext, current_context
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, intake


@pytest.fixture
def context(vault: Vault) -> DeviceContext:
    with vault.session() as session:
        return current_context(session, vault.install_id)


@pytest.fixture
def partner_id(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return uow.create("partner", {"nom": "Mission Locale (test)", "commune": "Lormont"})


@pytest.fixture
def enrol(vault: Vault, context: DeviceContext) -> Callable[..., str]:
    """Enrol a valid person (fields overridable), returning the id."""

    def make(**overrides: Any) -> str:
        with vault.unit_of_work() as uow:
            return create_beneficiary(
                uow=uow, data=intake(**overrides), context=context, today=TODAY
            )

    return make
