"""Referrals: numbering, the exact transition table of DESIGN.md §2 (every allowed and every
refused change), the append-only history, printing, and the computed "à relancer"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from itertools import product

import pytest
from sqlalchemy import update

from mediateur.domain.reference import reference_data
from mediateur.services.context import DeviceContext
from mediateur.services.errors import IllegalTransition, ServiceError, ValidationFailed
from mediateur.services.referrals import (
    ReferralInput,
    allowed_transitions,
    change_referral_status,
    create_referral,
    get_referral,
    list_referral_events,
    list_referrals,
    record_printing,
    update_referral,
)
from mediateur.store.schema import referral
from mediateur.store.vault import Vault
from tests.services.helpers import count_rows, outbox_entries

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)

# DESIGN.md §2, written out here independently of the reference file it must match.
DESIGN_TABLE = {
    "brouillon": {"emise", "annulee"},
    "emise": {"recue", "acceptee", "refusee", "expiree", "annulee"},
    "recue": {"acceptee", "refusee", "expiree", "annulee"},
    "expiree": {"recue", "acceptee", "refusee", "cloturee"},
    "acceptee": {"honoree", "absent", "excuse", "annulee"},
    "refusee": {"cloturee"},
    "honoree": {"cloturee"},
    "absent": {"cloturee"},
    "excuse": {"cloturee"},
    "annulee": {"cloturee"},
    "cloturee": set(),
}
STATUSES = tuple(DESIGN_TABLE)
ALLOWED = [(a, b) for a, targets in DESIGN_TABLE.items() for b in sorted(targets)]
REFUSED = [(a, b) for a, b in product(STATUSES, STATUSES) if b not in DESIGN_TABLE[a]]


def test_reference_table_is_exactly_the_design_table() -> None:
    table = reference_data().referral_transitions()
    assert {k: set(v) for k, v in table.items()} == DESIGN_TABLE


@pytest.fixture
def new_referral(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> Callable[[str], str]:
    """A referral put straight into a given status (as a pull could deliver it)."""
    person = enrol()

    def make(status: str) -> str:
        with vault.unit_of_work() as uow:
            made = create_referral(
                uow=uow,
                data=ReferralInput(partner_id=partner_id, beneficiary_id=person),
                context=context,
                now=NOW,
            )
            uow.session.execute(
                update(referral).where(referral.c.id == made.id).values(status=status)
            )
        return made.id

    return make


def _move(vault: Vault, context: DeviceContext, referral_id: str, to_status: str) -> str:
    with vault.unit_of_work() as uow:
        return change_referral_status(
            uow=uow,
            referral_id=referral_id,
            to_status=to_status,
            context=context,
            refusal_reason="session-complete" if to_status == "refusee" else None,
            now=NOW,
        )


@pytest.mark.parametrize(("from_status", "to_status"), [p for p in ALLOWED if p[1] != "expiree"])
def test_every_allowed_transition_is_recorded_with_its_event(
    vault: Vault,
    context: DeviceContext,
    new_referral: Callable[[str], str],
    from_status: str,
    to_status: str,
) -> None:
    referral_id = new_referral(from_status)
    _move(vault, context, referral_id, to_status)
    with vault.session() as session:
        assert get_referral(session, referral_id).status == to_status
        events = list_referral_events(session, referral_id)
    assert [(e.from_status, e.to_status) for e in events] == [
        (None, "brouillon"),
        (from_status, to_status),
    ]
    assert outbox_entries(vault, "referral")[-1]["fields"]["status"] == to_status


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_every_refused_transition_changes_nothing(
    vault: Vault,
    context: DeviceContext,
    new_referral: Callable[[str], str],
    from_status: str,
    to_status: str,
) -> None:
    referral_id = new_referral(from_status)
    queued = len(outbox_entries(vault))
    with pytest.raises(IllegalTransition) as refused:
        _move(vault, context, referral_id, to_status)
    message = str(refused.value)
    if from_status == "cloturee":
        assert message == "une orientation « Clôturée » ne peut plus changer de statut."
    else:
        assert message.startswith("passage de « ")
        assert "impossible : depuis" in message
    assert len(outbox_entries(vault)) == queued
    assert count_rows(vault, "referral_event") == 1


@pytest.mark.parametrize("from_status", ["emise", "recue"])
def test_expiry_is_written_by_the_server_only(
    vault: Vault, context: DeviceContext, new_referral: Callable[[str], str], from_status: str
) -> None:
    referral_id = new_referral(from_status)
    assert "expiree" not in allowed_transitions(from_status)
    with pytest.raises(IllegalTransition, match="fait par le serveur"):
        _move(vault, context, referral_id, "expiree")


def test_refusals_explain_what_is_possible(
    vault: Vault, context: DeviceContext, new_referral: Callable[[str], str]
) -> None:
    with pytest.raises(IllegalTransition) as refused:
        _move(vault, context, new_referral("brouillon"), "acceptee")
    assert str(refused.value) == (
        "passage de « Brouillon » à « Acceptée » impossible : depuis « Brouillon », "
        "seuls « Émise » ou « Annulée » sont possibles."
    )
    with pytest.raises(IllegalTransition) as refused:
        _move(vault, context, new_referral("honoree"), "absent")
    assert str(refused.value) == (
        "passage de « Honorée » à « Absent » impossible : depuis « Honorée », "
        "seul « Clôturée » est possible."
    )


def test_a_refusal_needs_its_reason_and_only_a_refusal_takes_one(
    vault: Vault, context: DeviceContext, new_referral: Callable[[str], str]
) -> None:
    referral_id = new_referral("emise")
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        change_referral_status(
            uow=uow, referral_id=referral_id, to_status="refusee", context=context, now=NOW
        )
    assert failed.value.messages() == {"refusal_reason": "indiquez le motif du refus."}
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        change_referral_status(
            uow=uow,
            referral_id=referral_id,
            to_status="recue",
            refusal_reason="autre",
            context=context,
            now=NOW,
        )
    assert failed.value.messages() == {
        "refusal_reason": "un motif de refus ne s'indique que pour un refus."
    }
    with vault.unit_of_work() as uow:
        change_referral_status(
            uow=uow,
            referral_id=referral_id,
            to_status="refusee",
            refusal_reason="beneficiaire-en-emploi",
            reason="A trouvé un CDD",
            context=context,
            now=NOW,
        )
    with vault.session() as session:
        assert get_referral(session, referral_id).refusal_reason == "beneficiaire-en-emploi"
        assert list_referral_events(session, referral_id)[-1].reason == "A trouvé un CDD"


def test_numbers_are_device_day_and_counter(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> None:
    person = enrol()
    numbers = []
    for moment in (NOW, NOW + timedelta(hours=1), datetime(2026, 3, 16, 23, 30, tzinfo=UTC)):
        with vault.unit_of_work() as uow:
            made = create_referral(
                uow=uow,
                data=ReferralInput(partner_id=partner_id, beneficiary_id=person),
                context=context,
                now=moment,
            )
        numbers.append(made.number)
    device = vault.install_id.replace("-", "")[:6].upper()
    # 23:30 UTC is already the 17th in Paris: a new day, a new counter.
    assert numbers == [
        f"RD-{device}-20260316-1",
        f"RD-{device}-20260316-2",
        f"RD-{device}-20260317-1",
    ]
    assert all(re.fullmatch(r"RD-[0-9A-F]{6}-\d{8}-\d+", n) for n in numbers)


def test_a_wiped_referral_table_never_makes_a_number_come_back(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> None:
    person = enrol()
    data = ReferralInput(partner_id=partner_id, beneficiary_id=person)
    with vault.unit_of_work() as uow:
        first = create_referral(uow=uow, data=data, context=context, now=NOW)
        uow.session.execute(referral.delete())  # what a 410 resync does to synced tables
    with vault.unit_of_work() as uow:
        second = create_referral(uow=uow, data=data, context=context, now=NOW)
    assert first.number.endswith("-1")
    assert second.number.endswith("-2")


def test_printing_sends_a_draft_and_is_remembered(
    vault: Vault, context: DeviceContext, new_referral: Callable[[str], str]
) -> None:
    referral_id = new_referral("brouillon")
    with vault.unit_of_work() as uow:
        record_printing(uow=uow, referral_id=referral_id, context=context, now=NOW)
    with vault.unit_of_work() as uow:  # a reprint changes the date, not the status
        record_printing(
            uow=uow, referral_id=referral_id, context=context, now=NOW + timedelta(days=1)
        )
    with vault.session() as session:
        found = get_referral(session, referral_id)
        events = list_referral_events(session, referral_id)
    assert (found.status, found.printed_at) == ("emise", NOW + timedelta(days=1))
    assert [e.to_status for e in events] == ["brouillon", "emise"]


def test_only_a_draft_can_be_edited(
    vault: Vault, context: DeviceContext, partner_id: str, new_referral: Callable[[str], str]
) -> None:
    draft = new_referral("brouillon")
    sent = new_referral("emise")
    with vault.session() as session:
        person = get_referral(session, draft).beneficiary_id
    edit = ReferralInput(partner_id=partner_id, beneficiary_id=person, reason="Atelier CV")
    with vault.unit_of_work() as uow:
        assert update_referral(uow=uow, referral_id=draft, data=edit) == ("reason",)
    with (
        pytest.raises(ServiceError, match="Seule une orientation en brouillon"),
        vault.unit_of_work() as uow,
    ):
        update_referral(uow=uow, referral_id=sent, data=edit)


def test_a_referral_from_a_contact_is_linked_to_it(
    vault: Vault, context: DeviceContext, partner_id: str
) -> None:
    from mediateur.services.contacts import ContactInput, get_contact, record_contact

    with vault.unit_of_work() as uow:
        contact_id = record_contact(
            uow=uow,
            data=ContactInput(occurred_at=NOW, channel="pied_immeuble", outcome="orientation"),
            now=NOW,
        )
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_id, contact_id=contact_id),
            context=context,
            now=NOW,
        )
    with vault.session() as session:
        assert get_contact(session, contact_id).referral_id == made.id


@pytest.mark.parametrize(("days", "due"), [(10, False), (11, True)])
def test_a_referral_waiting_more_than_10_days_is_to_be_chased(
    vault: Vault, context: DeviceContext, new_referral: Callable[[str], str], days: int, due: bool
) -> None:
    referral_id = new_referral("brouillon")
    with vault.unit_of_work() as uow:
        record_printing(uow=uow, referral_id=referral_id, context=context, now=NOW)
    today = date(2026, 3, 16) + timedelta(days=days)
    with vault.session() as session:
        [row] = list_referrals(session, today=today)
        chased = list_referrals(session, reminder_only=True, today=today)
    assert row.reminder_due is due
    assert [r.referral.id for r in chased] == ([referral_id] if due else [])
    assert row.partner_name == "Mission Locale (test)"
    assert row.person_name == "BENALI Inès"
    # Computed, never written: the referral itself is still "emise".
    assert row.referral.status == "emise"
