"""Helpers of the service tests: a valid intake, row and outbox counters."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from mediateur.services.beneficiaries import BeneficiaryInput
from mediateur.store.schema import outbox, synced_tables
from mediateur.store.vault import Vault

TODAY = date(2026, 3, 16)


def intake(**overrides: Any) -> BeneficiaryInput:
    """A valid intake; keyword arguments replace fields."""
    values: dict[str, Any] = {
        "last_name": "Benali",
        "first_name": "Inès",
        "intake_date": date(2026, 3, 2),
        "birth_date": date(2001, 5, 14),
        "gender": "f",
        "phone": "06 12 34 56 78",
        "email": "ines.benali@exemple.fr",
        "postcode": "33310",
        "commune": "Lormont",
        "qpv": "genicart_est",
        "statuses": ("rsa", "inscrit_ft"),
        "barriers": {"mobilite": "fort"},
    }
    values.update(overrides)
    return BeneficiaryInput(**values)


def count_rows(vault: Vault, entity: str, *, deleted: bool | None = False) -> int:
    table = synced_tables[entity]
    query = select(func.count()).select_from(table)
    if deleted is not None:
        query = query.where(table.c.deleted.is_(deleted))
    with vault.session() as session:
        return int(session.scalar(query) or 0)


def outbox_entries(vault: Vault, entity: str | None = None) -> list[dict[str, Any]]:
    query = select(outbox).order_by(outbox.c.seq)
    if entity is not None:
        query = query.where(outbox.c.entity == entity)
    with vault.session() as session:
        return [dict(row) for row in session.execute(query).mappings()]
