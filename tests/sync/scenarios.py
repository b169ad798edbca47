"""Edits made the way the app makes them (through the services), for the sync tests."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    get_beneficiary,
    input_from,
    update_beneficiary,
)
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.store.vault import Vault


def add_contact(vault: Vault, note: str = "Rencontre au pied de l'immeuble") -> str:
    with vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime.now(UTC),
                channel="pied_immeuble",
                outcome="information",
                qpv="genicart_est",
                gender="f",
                age_band="25_44",
                themes=("mobilite",),
                note=note,
            ),
        )


def enrol(vault: Vault, last_name: str = "Durand", first_name: str = "Léa", **extra: object) -> str:
    with vault.unit_of_work() as uow:
        return create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name=last_name,
                first_name=first_name,
                intake_date=date.today(),
                birth_date=date(1990, 5, 17),
                gender="f",
                phone="06 12 34 56 78",
                qpv="genicart_est",
                commune="Lormont",
                **extra,  # type: ignore[arg-type]
            ),
            allow_duplicate=True,
        )


def edit(vault: Vault, beneficiary_id: str, **changes: object) -> tuple[str, ...]:
    with vault.session() as session:
        current = input_from(get_beneficiary(session, beneficiary_id))
    with vault.unit_of_work() as uow:
        return update_beneficiary(
            uow=uow,
            beneficiary_id=beneficiary_id,
            data=dataclasses.replace(current, **changes),  # type: ignore[arg-type]
            allow_duplicate=True,
        )
