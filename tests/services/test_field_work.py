"""Contacts, events, follow-ups, the "À faire" list and the beneficiary timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from mediateur.services.beneficiaries import exit_cohort, get_beneficiary
from mediateur.services.contacts import (
    ContactFilter,
    ContactInput,
    count_contacts,
    enrol_contact,
    get_contact,
    input_from,
    intake_draft,
    list_contacts,
    record_contact,
    todays_contacts,
    update_contact,
)
from mediateur.services.context import DeviceContext
from mediateur.services.events import EventInput, create_event, list_events
from mediateur.services.follow_ups import FollowUpInput, list_follow_ups, record_follow_up
from mediateur.services.referrals import ReferralInput, create_referral, record_printing
from mediateur.services.timeline import beneficiary_timeline
from mediateur.services.todo import todo_list
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, intake, outbox_entries

NOW = datetime(2026, 3, 16, 17, 0, tzinfo=UTC)


def contact(**overrides: object) -> ContactInput:
    values: dict[str, object] = {
        "occurred_at": NOW - timedelta(hours=2),
        "channel": "pied_immeuble",
        "outcome": "information",
        "qpv": "carriet",
        "gender": "f",
        "age_band": "16_24",
        "themes": ("mobilite", "numerique"),
    }
    values.update(overrides)
    return ContactInput(**values)  # type: ignore[arg-type]


def test_contacts_of_a_paris_day(vault: Vault) -> None:
    moments = [
        datetime(2026, 3, 15, 22, 59, tzinfo=UTC),  # 23:59 on the 15th in Paris
        datetime(2026, 3, 15, 23, 0, tzinfo=UTC),  # midnight: the 16th
        datetime(2026, 3, 16, 9, 0, tzinfo=UTC),
    ]
    with vault.unit_of_work() as uow:
        ids = [record_contact(uow=uow, data=contact(occurred_at=m), now=NOW) for m in moments]
    with vault.session() as session:
        today = todays_contacts(session, day=date(2026, 3, 16))
        yesterday = todays_contacts(session, day=date(2026, 3, 15))
    assert [c.id for c in today] == [ids[2], ids[1]]  # most recent first
    assert [c.id for c in yesterday] == [ids[0]]


def test_contact_log_filters(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        event_id = create_event(
            uow=uow,
            data=EventInput(
                kind="food_and_job",
                title="Food & Job Palmer",
                starts_at=NOW - timedelta(hours=4),
                qpv="palmer_saraillere_8mai45_dravemont",
            ),
        )
        first = record_contact(
            uow=uow, data=contact(event_id=event_id, channel="evenement"), now=NOW
        )
        second = record_contact(
            uow=uow, data=contact(themes=("sante",), outcome="orientation"), now=NOW
        )
        third = record_contact(
            uow=uow,
            data=contact(
                themes=(),
                qpv="avenir",
                occurred_at=NOW - timedelta(days=3),
            ),
            now=NOW,
        )
    with vault.session() as session:

        def ids(**kwargs: object) -> set[str]:
            return {c.id for c in list_contacts(session, ContactFilter(**kwargs))}  # type: ignore[arg-type]

        assert ids() == {first, second, third}
        assert ids(event_id=event_id) == {first}
        assert ids(theme="sante") == {second}
        assert ids(theme="mobilite") == {first}
        assert ids(qpv="avenir") == {third}
        assert ids(outcome="orientation") == {second}
        assert ids(date_from=date(2026, 3, 16)) == {first, second}
        assert ids(date_to=date(2026, 3, 13)) == {third}
        assert count_contacts(session, ContactFilter(channel="pied_immeuble")) == 2
        assert len(list_contacts(session, limit=2)) == 2
        assert [e.id for e in list_events(session, date_from=date(2026, 3, 16))] == [event_id]


def test_editing_a_contact_queues_the_changed_fields(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        contact_id = record_contact(uow=uow, data=contact(), now=NOW)
    with vault.session() as session:
        form = input_from(get_contact(session, contact_id))
    with vault.unit_of_work() as uow:
        changed = update_contact(
            uow=uow,
            contact_id=contact_id,
            data=contact(outcome="rdv_pris", note="RDV jeudi"),
            now=NOW,
        )
        assert update_contact(uow=uow, contact_id=contact_id, data=form, now=NOW) != ()
    assert set(changed) == {"outcome", "note"}
    assert outbox_entries(vault, "contact")[1]["fields"] == {
        "outcome": "rdv_pris",
        "note": "RDV jeudi",
    }


def test_a_contact_becomes_a_cohort_intake(vault: Vault, context: DeviceContext) -> None:
    with vault.unit_of_work() as uow:
        contact_id = record_contact(uow=uow, data=contact(anonymous=True), now=NOW)
    with vault.session() as session:
        draft = intake_draft(session, contact_id, today=TODAY)
    assert (draft.qpv, draft.gender, draft.age_band, draft.intake_date) == (
        "carriet",
        "f",
        "16_24",
        TODAY,
    )
    filled = intake(qpv=draft.qpv, intake_date=draft.intake_date)
    with vault.unit_of_work() as uow:
        person_id = enrol_contact(
            uow=uow, contact_id=contact_id, data=filled, context=context, today=TODAY
        )
    with vault.session() as session:
        met = get_contact(session, contact_id)
        person = get_beneficiary(session, person_id)
    assert (met.beneficiary_id, met.anonymous, met.outcome) == (
        person_id,
        False,
        "inscription_cohorte",
    )
    assert person.source_contact_id == contact_id


def test_contacts_and_follow_ups_move_the_last_contact_date(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    person_id = enrol()
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=contact(
                beneficiary_id=person_id, occurred_at=datetime(2026, 3, 10, 9, tzinfo=UTC)
            ),
            now=NOW,
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person_id,
                occurred_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
                kind="appel",
            ),
            now=NOW,
        )
        # An older encounter recorded late does not move it back.
        record_contact(
            uow=uow,
            data=contact(beneficiary_id=person_id, occurred_at=datetime(2026, 3, 5, 9, tzinfo=UTC)),
            now=NOW,
        )
    with vault.session() as session:
        assert get_beneficiary(session, person_id).last_contact_at == date(2026, 3, 12)


def test_follow_ups_are_append_only(vault: Vault, enrol: Callable[..., str]) -> None:
    person_id = enrol()
    with vault.unit_of_work() as uow:
        follow_up_id = record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person_id, occurred_at=NOW, kind="entretien", summary="CV repris"
            ),
            now=NOW,
        )
    with pytest.raises(ValueError, match="append-only"), vault.unit_of_work() as uow:
        uow.update("follow_up", follow_up_id, {"summary": "autre"})
    with vault.session() as session:
        [item] = list_follow_ups(session, person_id)
    assert item.summary == "CV repris"


def test_todo_lists_due_follow_ups_and_referrals_to_chase(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> None:
    due = enrol()
    later = enrol(last_name="Diallo", first_name="Awa", birth_date=date(1990, 1, 1))
    replaced = enrol(last_name="Martin", first_name="Léa", birth_date=date(1995, 1, 1))
    exited = enrol(last_name="Sow", first_name="Issa", birth_date=date(1988, 1, 1), gender="m")
    day = datetime(2026, 3, 3, 9, tzinfo=UTC)
    with vault.unit_of_work() as uow:

        def follow(
            person: str, at: datetime, next_date: date | None, step: str | None = None
        ) -> None:
            record_follow_up(
                uow=uow,
                data=FollowUpInput(
                    beneficiary_id=person,
                    occurred_at=at,
                    kind="entretien",
                    next_step=step,
                    next_date=next_date,
                ),
                now=NOW,
            )

        follow(due, day, date(2026, 3, 16), "Relancer l'employeur")
        follow(later, day, date(2026, 3, 17))
        follow(replaced, day, date(2026, 3, 10))
        follow(replaced, day + timedelta(days=1), None)  # the latest follow-up plans nothing
        follow(exited, day, date(2026, 3, 10))
        exit_cohort(
            uow=uow,
            beneficiary_id=exited,
            exit_date=date(2026, 3, 12),
            exit_reason="emploi_court",
            today=TODAY,
        )
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_id, beneficiary_id=later),
            context=context,
            now=datetime(2026, 3, 1, 9, tzinfo=UTC),
        )
        record_printing(
            uow=uow, referral_id=made.id, context=context, now=datetime(2026, 3, 1, 9, tzinfo=UTC)
        )
    with vault.session() as session:
        items = todo_list(session, today=date(2026, 3, 16))
    assert [(i.kind, i.beneficiary_id, i.due) for i in items] == [
        ("referral", later, date(2026, 3, 12)),
        ("follow_up", due, date(2026, 3, 16)),
    ]
    assert items[1].title == "Suivi prévu : Relancer l'employeur"
    assert items[0].title == "Relancer Mission Locale (test)"
    assert items[0].detail == (
        f"Orientation {made.number} « Émise » sans réponse depuis le 01/03/2026"
    )


def test_timeline_of_a_person(
    vault: Vault, context: DeviceContext, partner_id: str, enrol: Callable[..., str]
) -> None:
    person_id = enrol(intake_date=date(2026, 3, 2))
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=contact(
                beneficiary_id=person_id, occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC)
            ),
            now=NOW,
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person_id,
                occurred_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
                kind="appel",
                summary="Point CV",
                next_step="Atelier",
                next_date=date(2026, 3, 20),
            ),
            now=NOW,
        )
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_id, beneficiary_id=person_id),
            context=context,
            now=datetime(2026, 3, 5, 10, tzinfo=UTC),
        )
        record_printing(
            uow=uow, referral_id=made.id, context=context, now=datetime(2026, 3, 6, 10, tzinfo=UTC)
        )
        exit_cohort(
            uow=uow,
            beneficiary_id=person_id,
            exit_date=date(2026, 3, 6),
            exit_reason="emploi_durable",
            today=TODAY,
        )
    with vault.session() as session:
        entries = beneficiary_timeline(session, person_id)
    assert [e.kind for e in entries] == [
        "contact",
        "intake",
        "follow_up",
        "referral",
        "referral",
        "exit",
    ]
    assert entries[0].title == "Contact (Pied d'immeuble) : Information"
    assert entries[2].detail == "Point CV\nÀ suivre : Atelier le 20/03/2026"
    assert entries[3].title.endswith("vers Mission Locale (test) : Brouillon")
    assert entries[4].title.endswith(": Émise")
    assert (
        entries[5].title == "Sortie de la cohorte : Emploi durable (CDI ou CDD de 6 mois et plus)"
    )
