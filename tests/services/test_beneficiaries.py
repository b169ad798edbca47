"""Intake: stored values, outbox entries with changed fields only, probable duplicates, exit,
the Cohorte list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mediateur.services.beneficiaries import (
    check_intake,
    create_beneficiary,
    exit_cohort,
    get_beneficiary,
    input_from,
    list_beneficiaries,
    resolve_beneficiary_id,
    update_beneficiary,
)
from mediateur.services.context import DeviceContext
from mediateur.services.errors import ProbableDuplicate, RecordNotFound, ServiceError
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, count_rows, intake, outbox_entries


def test_intake_stores_normalised_values_and_queues_every_field(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    person_id = enrol(phone="+33 6 12 34 56 78", email="Ines@Exemple.FR", last_name=" Benali ")
    with vault.session() as session:
        person = get_beneficiary(session, person_id)
    assert (person.last_name, person.phone, person.email) == (
        "Benali",
        "06 12 34 56 78",
        "Ines@exemple.fr",
    )
    assert (person.status, person.age_band, person.last_contact_at) == (
        "actif",
        "16_24",
        date(2026, 3, 2),
    )
    assert person.statuses == ("rsa", "inscrit_ft")
    assert person.display_name == "BENALI Inès"
    [entry] = outbox_entries(vault, "beneficiary")
    assert entry["op"] == "upsert"
    assert entry["row_id"] == person_id
    assert entry["fields"]["phone"] == "06 12 34 56 78"
    assert entry["fields"]["birth_date"] == "2001-05-14"
    assert entry["fields"]["barriers"] == {"mobilite": "fort"}


def test_an_edit_queues_only_the_fields_that_changed(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    person_id = enrol()
    with vault.session() as session:
        form = input_from(get_beneficiary(session, person_id))
    with vault.unit_of_work() as uow:
        unchanged = update_beneficiary(uow=uow, beneficiary_id=person_id, data=form, today=TODAY)
    assert unchanged == ()
    edited = intake(phone="07 11 22 33 44", commune="lormont")
    with vault.unit_of_work() as uow:
        changed = update_beneficiary(uow=uow, beneficiary_id=person_id, data=edited, today=TODAY)
    assert set(changed) == {"phone", "commune"}
    last = outbox_entries(vault, "beneficiary")[-1]
    assert last["fields"] == {"phone": "07 11 22 33 44", "commune": "lormont"}


@pytest.mark.parametrize(
    ("last_name", "first_name"),
    [("BENALI", "ines"), ("Bénali", "Inès"), ("Inès", "Benali"), ("Ben-Ali", "INES")],
)
def test_same_folded_name_and_birth_date_is_a_probable_duplicate(
    vault: Vault, context: DeviceContext, enrol: Callable[..., str], last_name: str, first_name: str
) -> None:
    existing = enrol()
    again = intake(last_name=last_name, first_name=first_name, phone=None, email=None)
    with pytest.raises(ProbableDuplicate) as warned, vault.unit_of_work() as uow:
        create_beneficiary(uow=uow, data=again, context=context, today=TODAY)
    [candidate] = warned.value.candidates
    assert (candidate.id, candidate.reason) == (existing, "même nom, prénom et date de naissance")
    assert count_rows(vault, "beneficiary") == 1
    with vault.unit_of_work() as uow:  # the mediator checked: a namesake, saved anyway
        create_beneficiary(uow=uow, data=again, context=context, allow_duplicate=True, today=TODAY)
    assert count_rows(vault, "beneficiary") == 2


def test_a_different_birth_date_is_not_a_duplicate_even_with_the_same_phone(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    enrol()
    with vault.session() as session:
        check = check_intake(session, intake(birth_date=date(2001, 5, 15)), today=TODAY)
    assert check.ok
    assert check.duplicates == ()


def test_without_birth_date_name_and_phone_email_or_intake_date_make_a_duplicate(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    existing = enrol(birth_date=None, age_band="16_24")
    with vault.session() as session:
        by_phone = check_intake(
            session, intake(birth_date=None, phone="+33612345678", email=None), today=TODAY
        ).duplicates
        by_email = check_intake(
            session,
            intake(birth_date=None, phone=None, email="INES.BENALI@exemple.fr"),
            today=TODAY,
        ).duplicates
        by_intake_date = check_intake(
            session, intake(birth_date=None, phone=None, email=None), today=TODAY
        ).duplicates
        neither = check_intake(
            session,
            intake(
                birth_date=None, phone="07 00 00 00 00", email=None, intake_date=date(2026, 3, 9)
            ),
            today=TODAY,
        ).duplicates
    assert [(d.id, d.reason) for d in by_phone] == [(existing, "même nom, prénom et téléphone")]
    assert [(d.id, d.reason) for d in by_email] == [(existing, "même nom, prénom et courriel")]
    assert [(d.id, d.reason) for d in by_intake_date] == [
        (existing, "même nom, prénom et date d'entrée")
    ]
    assert neither == ()


def test_check_intake_reports_errors_for_the_form(vault: Vault) -> None:
    with vault.session() as session:
        check = check_intake(session, intake(email="x@", postcode="1"), today=TODAY)
    assert not check.ok
    assert [e.field for e in check.errors] == ["email", "postcode"]


def test_editing_the_identity_into_another_person_warns(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    enrol()
    other = enrol(last_name="Diallo", first_name="Awa", birth_date=date(1990, 1, 1))
    with pytest.raises(ProbableDuplicate), vault.unit_of_work() as uow:
        update_beneficiary(uow=uow, beneficiary_id=other, data=intake(), today=TODAY)


def test_exit_from_the_cohort(vault: Vault, enrol: Callable[..., str]) -> None:
    person_id = enrol()
    with vault.unit_of_work() as uow:
        exit_cohort(
            uow=uow,
            beneficiary_id=person_id,
            exit_date=date(2026, 3, 12),
            exit_reason="emploi_durable",
            today=TODAY,
        )
    with vault.session() as session:
        person = get_beneficiary(session, person_id)
    assert (person.status, person.exit_date, person.exit_reason) == (
        "sorti",
        date(2026, 3, 12),
        "emploi_durable",
    )
    assert outbox_entries(vault, "beneficiary")[-1]["fields"] == {
        "status": "sorti",
        "exit_date": "2026-03-12",
        "exit_reason": "emploi_durable",
    }


def test_cohort_list_search_filter_and_sort(vault: Vault, enrol: Callable[..., str]) -> None:
    ines = enrol()
    awa = enrol(
        last_name="Diallo",
        first_name="Awa",
        birth_date=date(1990, 1, 1),
        phone="07 11 22 33 44",
        email=None,
        qpv="carriet",
        intake_date=date(2026, 1, 5),
    )
    eric = enrol(
        last_name="Élan",
        first_name="Éric",
        birth_date=date(1985, 1, 1),
        phone=None,
        email="eric@exemple.fr",
        gender="m",
        intake_date=date(2026, 2, 1),
    )
    with vault.session() as session:

        def ids(**kwargs: object) -> list[str]:
            return [p.id for p in list_beneficiaries(session, **kwargs)]  # type: ignore[arg-type]

        assert ids() == [ines, awa, eric]  # Benali, Diallo, Élan
        assert ids(sort="intake_date") == [awa, eric, ines]
        assert ids(sort="name", descending=True) == [eric, awa, ines]
        assert ids(search="elan") == [eric]
        assert ids(search="AWA diallo") == [awa]
        assert ids(search="0711") == [awa]
        assert ids(search="eric@") == [eric]
        assert ids(qpv="carriet") == [awa]
        assert ids(search="nobody") == []


def test_ids_resolve_from_a_fragment(vault: Vault, enrol: Callable[..., str]) -> None:
    person_id = enrol()
    with vault.session() as session:
        assert resolve_beneficiary_id(session, person_id.upper()) == person_id
        assert resolve_beneficiary_id(session, person_id[-8:]) == person_id
        with pytest.raises(ServiceError, match="trop court"):
            resolve_beneficiary_id(session, person_id[-5:])
        with pytest.raises(ServiceError, match="Aucune personne"):
            resolve_beneficiary_id(session, "ffffffff-ffff")
        with pytest.raises(RecordNotFound):
            get_beneficiary(session, "ffffffff-ffff-7fff-bfff-ffffffffffff")


def test_sharing_needs_consent_and_stops_with_opposition(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    from sqlalchemy import insert

    from mediateur.services.beneficiaries import share_beneficiary
    from mediateur.store.schema import directory_organisation

    partner_org = "0190a000-0000-7000-8000-0000000000aa"
    with vault.unit_of_work() as uow:
        uow.session.execute(insert(directory_organisation).values(id=partner_org, name="PLIE"))
    refused = enrol(sharing_agreed=False)
    agreed = enrol(
        last_name="Diallo", first_name="Awa", birth_date=date(1990, 1, 1), sharing_agreed=True
    )
    with pytest.raises(ServiceError, match="pas donné son accord"), vault.unit_of_work() as uow:
        share_beneficiary(uow=uow, beneficiary_id=refused, organisation_ids=[partner_org])
    with pytest.raises(ServiceError, match="inconnue de l'annuaire"), vault.unit_of_work() as uow:
        share_beneficiary(
            uow=uow,
            beneficiary_id=agreed,
            organisation_ids=["0190a000-0000-7000-8000-0000000000bb"],
        )
    with vault.unit_of_work() as uow:
        assert share_beneficiary(
            uow=uow, beneficiary_id=agreed, organisation_ids=[partner_org]
        ) == (partner_org,)
    with vault.session() as session:
        assert get_beneficiary(session, agreed).shared_with == (partner_org,)
        form = input_from(get_beneficiary(session, agreed))
    opposed = intake(
        last_name="Diallo",
        first_name="Awa",
        birth_date=date(1990, 1, 1),
        restricted=True,
        sharing_agreed=False,
    )
    with vault.unit_of_work() as uow:
        changed = update_beneficiary(uow=uow, beneficiary_id=agreed, data=opposed, today=TODAY)
    assert {"restricted", "sharing_agreed", "shared_with"} <= set(changed)
    with vault.session() as session:
        assert get_beneficiary(session, agreed).shared_with == ()
    with pytest.raises(ServiceError, match="opposée au partage"), vault.unit_of_work() as uow:
        share_beneficiary(uow=uow, beneficiary_id=agreed, organisation_ids=[partner_org])
    assert form.sharing_agreed is True
