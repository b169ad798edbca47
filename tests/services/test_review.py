"""Managers' review of contacts: only a manager's profile writes the review fields (the service
refuses any other, the server rejects them from anyone else), what a review writes, and the
round trip through the server to the mediator's laptop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from mediateur.domain.nir import NIR_MESSAGE
from mediateur.services.contacts import ContactInput, get_contact, record_contact
from mediateur.services.errors import ValidationFailed
from mediateur.services.review import (
    ManagersOnly,
    OtherOrganisation,
    current_viewer,
    require_manager,
    review_contacts,
)
from mediateur.store.schema import contact
from mediateur.store.vault import Vault
from mediateur.sync.outbox import list_dead_letters
from tests.services.helpers import outbox_entries
from tests.support.labs import act_as, sync_lab
from tests.support.vaults import VaultFactory
from tests.sync.conftest import SyncLab

ORG = "0190b5b4-0000-7000-8000-00000000c17e"
OTHER_ORG = "0190b5b4-0000-7000-8000-0000000091ee"
MANAGER = "0190b5b4-0000-7000-8000-0000000000c1"
NOW = datetime(2026, 3, 16, 10, tzinfo=UTC)


def _contact(vault: Vault, **changes: object) -> str:
    with vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=NOW - timedelta(hours=2),
                channel="porte_a_porte",
                outcome="information",
                qpv="carriet",
                note="Cherche un emploi dans la logistique",
            ),
            now=NOW,
        )


@pytest.fixture
def manager_vault(vault: Vault) -> Vault:
    act_as(vault, role="manager", organisation_id=ORG, user_id=MANAGER)
    return vault


@pytest.fixture
def lab(vault_factory: VaultFactory, tmp_path: Path) -> Iterator[SyncLab]:
    with sync_lab(vault_factory, tmp_path) as world:
        yield world


@pytest.mark.parametrize("role", ["mediator", "admin", None])
def test_only_a_managers_profile_reviews(vault: Vault, role: str | None) -> None:
    contact_id = _contact(vault)
    act_as(vault, role=role, organisation_id=ORG, user_id=MANAGER)
    before = outbox_entries(vault)
    with pytest.raises(ManagersOnly) as refused, vault.unit_of_work() as uow:
        review_contacts(uow=uow, contact_ids=[contact_id], status="valide")
    assert "responsables" in refused.value.message
    assert outbox_entries(vault) == before
    with vault.session() as session:
        assert get_contact(session, contact_id).review_status is None
        with pytest.raises(ManagersOnly):
            require_manager(session)


def test_a_review_writes_the_manager_fields_only(manager_vault: Vault) -> None:
    vault = manager_vault
    first, second = _contact(vault), _contact(vault)
    with vault.unit_of_work() as uow:
        changed = review_contacts(
            uow=uow,
            contact_ids=[first, second],
            status="a_corriger",
            comment="  Préciser la tranche d'âge  ",
            now=NOW,
        )
    assert changed == (first, second)
    with vault.session() as session:
        reviewed = get_contact(session, first)
        assert current_viewer(session).is_manager
    assert (reviewed.review_status, reviewed.review_comment) == (
        "a_corriger",
        "Préciser la tranche d'âge",
    )
    assert (reviewed.reviewed_by, reviewed.reviewed_at) == (MANAGER, NOW)
    sent = outbox_entries(vault, "contact")[-2:]
    assert [entry["row_id"] for entry in sent] == [first, second]
    assert all(
        set(entry["fields"]) == {"review_status", "review_comment", "reviewed_by", "reviewed_at"}
        for entry in sent
    )

    with vault.unit_of_work() as uow:
        review_contacts(uow=uow, contact_ids=[first], status="valide", now=NOW)
    with vault.session() as session:
        validated = get_contact(session, first)
    assert (validated.review_status, validated.review_comment) == ("valide", None)


@pytest.mark.parametrize(
    ("status", "comment", "field", "message"),
    [
        ("a_corriger", None, "review_comment", "dites à la médiatrice ce qu'il faut corriger."),
        ("a_corriger", "Voir 2 85 05 78 006 084 41", "review_comment", NIR_MESSAGE),
        ("a_corriger", "x" * 501, "review_comment", "500 caractères au plus (501 saisis)."),
        ("a_revoir", None, "review_status", "choisissez « Validé » ou « À corriger »."),
        ("bravo", None, "review_status", "valeur inconnue de la liste de référence."),
    ],
)
def test_an_invalid_review_names_the_field_and_writes_nothing(
    manager_vault: Vault, status: str, comment: str | None, field: str, message: str
) -> None:
    contact_id = _contact(manager_vault)
    before = outbox_entries(manager_vault)
    with pytest.raises(ValidationFailed) as failed, manager_vault.unit_of_work() as uow:
        review_contacts(uow=uow, contact_ids=[contact_id], status=status, comment=comment)
    assert failed.value.messages() == {field: message}
    assert outbox_entries(manager_vault) == before


def test_a_contact_of_another_organisation_is_not_reviewed_here(manager_vault: Vault) -> None:
    vault = manager_vault
    own, foreign = _contact(vault), _contact(vault)
    with vault.write_session() as session, session.begin():
        # As a pull delivers a contact of a shared beneficiary, stamped by its organisation.
        session.execute(
            update(contact).where(contact.c.id == foreign).values(organisation_id=OTHER_ORG)
        )
    before = outbox_entries(vault)
    with pytest.raises(OtherOrganisation), vault.unit_of_work() as uow:
        review_contacts(uow=uow, contact_ids=[own, foreign], status="valide")
    assert outbox_entries(vault) == before
    with vault.session() as session:
        statuses = session.scalars(select(contact.c.review_status)).all()
    assert statuses == [None, None]


def test_the_review_reaches_the_mediators_laptop(lab: SyncLab) -> None:
    amina = lab.laptop("amina")
    contact_id = _contact(amina.vault)
    amina.sync()
    chloe = lab.laptop("chloe")
    chloe.sync()
    with chloe.vault.unit_of_work() as uow:
        review_contacts(
            uow=uow,
            contact_ids=[contact_id],
            status="a_corriger",
            comment="Indiquer le QPV exact",
            now=NOW,
        )
    report = chloe.sync()
    assert (report.sent, report.rejected) == (1, 0)
    amina.sync()
    row = amina.rows("contact")[contact_id]
    assert (row["review_status"], row["review_comment"], row["reviewed_by"]) == (
        "a_corriger",
        "Indiquer le QPV exact",
        lab.users["chloe"],
    )
    assert row["reviewed_at"] == NOW
    assert row["note"] == "Cherche un emploi dans la logistique"


def test_the_server_rejects_review_fields_from_a_mediator(lab: SyncLab) -> None:
    """A tampered laptop writing the fields without the service: the server refuses them."""
    amina = lab.laptop("amina")
    contact_id = _contact(amina.vault)
    amina.sync()
    with amina.vault.unit_of_work() as uow:
        uow.update("contact", contact_id, {"review_status": "valide"})
    report = amina.sync()
    assert report.rejected == 1
    with amina.vault.session() as session:
        (dead,) = list_dead_letters(session)
    assert (dead.row_id, dead.fields) == (contact_id, {"review_status": "valide"})
    assert "seuls les responsables" in dead.reason
    assert amina.rows("contact")[contact_id]["review_status"] is None
