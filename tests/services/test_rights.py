"""RGPD: right-of-access export (JSON and a PDF read back), delete and erase cascades, and local
anonymisation after 24 months, which leaves the indicators unchanged."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pypdf
import pytest
from sqlalchemy import select

from mediateur.reports.indicators import compute_indicators
from mediateur.services.beneficiaries import exit_cohort, get_beneficiary
from mediateur.services.contacts import ContactInput, get_contact, record_contact
from mediateur.services.context import DeviceContext
from mediateur.services.errors import RecordNotFound
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, change_referral_status, create_referral
from mediateur.services.retention import (
    anonymise_expired,
    due_for_anonymisation,
    retention_cutoff,
)
from mediateur.services.rights import access_export, delete_beneficiary, erase_beneficiary
from mediateur.services.rights_document import render_access_pdf
from mediateur.store.schema import beneficiary, contact, follow_up, referral, referral_event
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, count_rows, outbox_entries

NOW = datetime(2026, 3, 16, 17, 0, tzinfo=UTC)


@pytest.fixture
def file(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> dict[str, str]:
    """A person with a contact, a follow-up and a referral with two history events."""
    person = enrol(last_name="Nguyễn-Lefèvre", first_name="Zoë", project="Devenir aide-soignante")
    with vault.unit_of_work() as uow:
        contact_id = record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC),
                channel="pied_immeuble",
                outcome="inscription_cohorte",
                beneficiary_id=person,
                note="Rencontrée au pied de la tour",
            ),
            now=NOW,
        )
        follow_up_id = record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person,
                occurred_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
                kind="entretien",
                summary="Point sur le projet",
            ),
            now=NOW,
        )
        made = create_referral(
            uow=uow,
            data=ReferralInput(
                partner_id=partner_id,
                beneficiary_id=person,
                reason="Formation d'aide-soignante",
                barrier_codes=("mobilite",),
            ),
            context=context,
            now=datetime(2026, 3, 5, 10, tzinfo=UTC),
        )
        change_referral_status(
            uow=uow, referral_id=made.id, to_status="emise", context=context, now=NOW
        )
    return {
        "person": person,
        "contact": contact_id,
        "follow_up": follow_up_id,
        "referral": made.id,
        "number": made.number,
    }


def test_access_export_holds_everything_about_the_person(
    vault: Vault, file: dict[str, str]
) -> None:
    with vault.session() as session:
        document = access_export(session, file["person"], now=NOW)
    assert document["format"] == "mediateur-droit-acces"
    person = document["personne"]
    assert (person["last_name"], person["first_name"], person["birth_date"]) == (
        "Nguyễn-Lefèvre",
        "Zoë",
        "2001-05-14",
    )
    assert person["libelles"]["qpv"] == "Génicart Est"
    assert person["libelles"]["barriers"] == {"Mobilité": "Fort"}
    assert "server_seq" not in person
    assert "updated_hlc" not in person
    assert [c["note"] for c in document["contacts"]] == ["Rencontrée au pied de la tour"]
    assert [f["summary"] for f in document["suivis"]] == ["Point sur le projet"]
    [orientation] = document["orientations"]
    assert orientation["partenaire"] == "Mission Locale (test)"
    assert [e["to_status"] for e in orientation["historique"]] == ["brouillon", "emise"]


def test_access_pdf_is_readable_and_complete(vault: Vault, file: dict[str, str]) -> None:
    with vault.session() as session:
        pdf = render_access_pdf(access_export(session, file["person"], now=NOW))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Vos données personnelles",
        "Nguyễn-Lefèvre",
        "Zoë",
        "14/05/2001",
        "Génicart Est",
        "Mobilité (fort)",
        "Devenir aide-soignante",
        "Rencontrée au pied de la tour",
        "Point sur le projet",
        file["number"],
        "Mission Locale (test)",
        "Formation d'aide-soignante",
        "www.cnil.fr",
    ):
        assert expected in text, expected
    # Metadata carries no personal data.
    assert "Zoë" not in str(reader.metadata)


@pytest.mark.parametrize("operation", ["delete", "erase"])
def test_delete_and_erase_cascade(vault: Vault, file: dict[str, str], operation: str) -> None:
    before = len(outbox_entries(vault))
    with vault.unit_of_work() as uow:
        remove = delete_beneficiary if operation == "delete" else erase_beneficiary
        report = remove(uow=uow, beneficiary_id=file["person"])
    assert (
        report.follow_ups,
        report.referrals,
        report.referral_events,
        report.contacts_unlinked,
    ) == (1, 1, 2, 1)
    # Only the beneficiary's own tombstone is queued: the server cascades on its side.
    entries = outbox_entries(vault)
    assert (entries[-1]["entity"], entries[-1]["row_id"], entries[-1]["op"]) == (
        "beneficiary",
        file["person"],
        operation,
    )
    assert entries[-1]["fields"] == {}
    if operation == "delete":
        assert len(entries) == before + 1
    else:
        # Erasure: what was not yet pushed of the person and of their file never leaves.
        file_entities = {"beneficiary", "follow_up", "referral", "referral_event"}
        assert [e["op"] for e in entries if e["entity"] in file_entities] == ["erase"]
    with vault.session() as session:
        gone = (
            session.execute(select(beneficiary).where(beneficiary.c.id == file["person"]))
            .mappings()
            .one()
        )
        assert gone["deleted"] is True
        assert (gone["last_name"], gone["birth_date"], gone["phone"]) == (None, None, None)
        for table in (follow_up, referral, referral_event):
            rows = session.execute(select(table.c.deleted)).scalars().all()
            assert rows
            assert all(rows)
        assert session.scalar(select(referral.c.reason)) is None
        kept = get_contact(session, file["contact"])
        assert kept.beneficiary_id is None
        with pytest.raises(RecordNotFound):
            get_beneficiary(session, file["person"])
    assert count_rows(vault, "contact") == 1


def test_retention_cutoff_is_24_months() -> None:
    assert retention_cutoff(date(2026, 3, 16)) == date(2024, 3, 16)
    assert retention_cutoff(date(2026, 2, 28)) == date(2024, 2, 28)
    assert retention_cutoff(date(2028, 2, 29)) == date(2026, 2, 28)


def test_people_not_seen_for_24_months_are_anonymised(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> None:
    old = enrol(
        intake_date=date(2024, 3, 16),
        birth_date=date(2000, 3, 17),
        project="Cariste",
        statuses=("rsa",),
    )
    recent = enrol(
        last_name="Diallo",
        first_name="Awa",
        birth_date=date(1990, 1, 1),
        intake_date=date(2024, 3, 17),
    )
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime(2024, 3, 10, 9, tzinfo=UTC),
                channel="porte_a_porte",
                outcome="information",
                beneficiary_id=old,
                place="Tour 4",
                note="À rappeler",
            ),
            now=NOW,
        )
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_id, beneficiary_id=old, reason="CACES"),
            context=context,
            now=datetime(2024, 3, 16, 9, tzinfo=UTC),
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=old,
                occurred_at=datetime(2024, 3, 16, 10, tzinfo=UTC),
                kind="appel",
                summary="Appel",
                next_step="Rappeler",
            ),
            now=NOW,
        )
        exit_cohort(
            uow=uow,
            beneficiary_id=old,
            exit_date=date(2024, 3, 16),
            exit_reason="emploi_durable",
            today=TODAY,
        )
        # A record synced from an older version: no stored age band yet.
        uow.set_locally("beneficiary", old, {"age_band": None})
    with vault.session() as session:
        assert due_for_anonymisation(session, today=TODAY) == [old]
        stats_before = compute_indicators(session).to_json()
    queued = len(outbox_entries(vault))
    with vault.unit_of_work() as uow:
        assert anonymise_expired(uow=uow, today=TODAY, now=NOW) == 1
    with vault.session() as session:
        person = get_beneficiary(session, old)
        assert (
            person.last_name,
            person.first_name,
            person.birth_date,
            person.phone,
            person.email,
        ) == (None,) * 5
        assert (person.address, person.postcode, person.project) == (None, None, None)
        assert person.display_name == "Personne anonymisée"
        assert person.anonymised_at == NOW
        # Coded fields stay, and the age band is the one the birth date gave at intake.
        assert (person.gender, person.qpv, person.statuses, person.age_band) == (
            "f",
            "genicart_est",
            ("rsa",),
            "16_24",
        )
        assert (person.exit_reason, person.intake_date, person.commune) == (
            "emploi_durable",
            date(2024, 3, 16),
            "Lormont",
        )
        met = session.execute(select(contact.c.note, contact.c.place)).one()
        assert tuple(met) == (None, None)
        assert session.scalar(select(referral.c.reason).where(referral.c.id == made.id)) is None
        assert session.execute(select(follow_up.c.summary, follow_up.c.next_step)).one() == (
            None,
            None,
        )
        assert get_beneficiary(session, recent).last_name == "Diallo"
        assert compute_indicators(session).to_json() == stats_before
        assert due_for_anonymisation(session, today=TODAY + timedelta(days=1)) == [recent]
    # Local only: the server anonymises by the same rule.
    assert len(outbox_entries(vault)) == queued
