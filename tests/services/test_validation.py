"""Every validation rule of the forms, with its French message; nothing saved on bad input."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from mediateur.domain.nir import NIR_MESSAGE
from mediateur.services.beneficiaries import create_beneficiary, exit_cohort, validate_beneficiary
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import DeviceContext
from mediateur.services.errors import ValidationFailed
from mediateur.services.events import EventInput, create_event
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.services.validation import (
    EMAIL_MESSAGE,
    FUTURE,
    PHONE_MESSAGE,
    POSTCODE_MESSAGE,
    REQUIRED,
    SPECIAL_PHONE_MESSAGE,
    normalise_email,
    normalise_phone,
)
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, count_rows, intake, outbox_entries

NIR = "2 85 05 78 006 084 41"  # a well-formed NIR with its valid key
NOW = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)


def errors_of(**overrides: object) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as failed:
        validate_beneficiary(intake(**overrides), today=TODAY)
    return failed.value.messages()


@pytest.mark.parametrize(
    "typed",
    [
        "06 12 34 56 78",
        "0612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33 (0)6 12 34 56 78",
        "0033 6 12 34 56 78",
        "00 33 612345678",
    ],
)
def test_french_mobile_numbers_in_every_usual_form_are_stored_readably(typed: str) -> None:
    assert normalise_phone(typed) == "06 12 34 56 78"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("05 56 12 34 56", "05 56 12 34 56"),
        ("+33556123456", "05 56 12 34 56"),
        ("0712345678", "07 12 34 56 78"),
        ("09 70 12 34 56", "09 70 12 34 56"),
    ],
)
def test_landlines_and_07_mobiles_are_accepted(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "612345678",
        "06 12 34 56",
        "06 12 34 56 78 9",
        "+44 20 7946 0958",
        "00123456789",
        "06 12 AB 56 78",
    ],
)
def test_numbers_that_are_not_french_phones_are_refused(typed: str) -> None:
    assert errors_of(phone=typed) == {"phone": PHONE_MESSAGE}


def test_special_rate_numbers_are_refused_with_their_own_message() -> None:
    assert errors_of(phone="08 00 12 34 56") == {"phone": SPECIAL_PHONE_MESSAGE}


def test_email_domain_is_lowercased_and_bad_addresses_refused() -> None:
    assert normalise_email("  Ines.Benali@Exemple.FR ") == "Ines.Benali@exemple.fr"
    for typed in (
        "ines@",
        "ines benali@exemple.fr",
        "ines@exemple",
        "ines..b@exemple.fr",
        "@exemple.fr",
    ):
        assert errors_of(email=typed) == {"email": EMAIL_MESSAGE}


def test_postcode_must_have_five_digits() -> None:
    assert errors_of(postcode="3331") == {"postcode": POSTCODE_MESSAGE}
    assert errors_of(postcode="33 31A") == {"postcode": POSTCODE_MESSAGE}
    assert validate_beneficiary(intake(postcode="33 310"), today=TODAY)["postcode"] == "33310"


def test_identity_is_required_and_names_hold_no_digits() -> None:
    assert errors_of(last_name="  ", first_name=None, intake_date=None) == {
        "last_name": REQUIRED,
        "first_name": REQUIRED,
        "intake_date": REQUIRED,
    }
    assert errors_of(first_name="Inès2") == {"first_name": "ne doit pas contenir de chiffres."}


def test_dates_in_the_future_are_refused() -> None:
    assert errors_of(intake_date=TODAY + timedelta(days=1)) == {"intake_date": FUTURE}
    assert errors_of(birth_date=TODAY + timedelta(days=1)) == {"birth_date": FUTURE}
    assert errors_of(notice_given_at=TODAY + timedelta(days=1), notice_mode="oral") == {
        "notice_given_at": FUTURE
    }
    assert errors_of(birth_date=date(1899, 12, 31)) == {
        "birth_date": "année de naissance antérieure à 1900."
    }


def test_a_person_must_be_16_at_intake_to_the_day() -> None:
    sixteen_today = validate_beneficiary(
        intake(birth_date=date(2010, 3, 2), intake_date=date(2026, 3, 2)), today=TODAY
    )
    assert sixteen_today["age_band"] == "16_24"
    assert errors_of(birth_date=date(2010, 3, 3), intake_date=date(2026, 3, 2)) == {
        "birth_date": "la personne doit avoir 16 ans au moins à la date d'entrée."
    }
    assert errors_of(birth_date=None, age_band="moins_16") == {
        "age_band": "la personne doit avoir 16 ans au moins."
    }


def test_age_band_comes_from_the_birth_date_else_from_the_form() -> None:
    computed = validate_beneficiary(
        intake(birth_date=date(2001, 3, 2), age_band="55_plus"), today=TODAY
    )
    assert computed["age_band"] == "25_44"  # 25 on the intake day itself
    assert (
        validate_beneficiary(intake(birth_date=date(2001, 3, 3)), today=TODAY)["age_band"]
        == "16_24"
    )
    typed = validate_beneficiary(intake(birth_date=None, age_band="45_54"), today=TODAY)
    assert typed["age_band"] == "45_54"


def test_codes_must_belong_to_the_reference_lists() -> None:
    unknown = "valeur inconnue de la liste de référence."
    assert errors_of(gender="z", qpv="nulle_part", statuses=("rsa", "millionnaire")) == {
        "gender": unknown,
        "qpv": unknown,
        "statuses": unknown,
    }
    assert errors_of(statuses=("rsa", "rsa")) == {
        "statuses": "une même valeur est cochée deux fois."
    }
    assert errors_of(barriers={"chance": "fort"}) == {
        "barriers": "frein inconnu de la liste de référence."
    }
    assert errors_of(barriers={"mobilite": "enorme"}) == {
        "barriers": "intensité inconnue pour « Mobilité » (fort, moyen, sans impact)."
    }


def test_qpv_must_lie_in_the_commune_when_its_communes_are_known() -> None:
    assert errors_of(qpv="carriet", commune="Cenon") == {
        "qpv": "ce QPV se trouve à Lormont, pas dans la commune indiquée : vérifiez le QPV ou la "
        "commune."
    }
    for commune in ("LORMONT", " lormont "):
        validate_beneficiary(intake(qpv="carriet", commune=commune), today=TODAY)
    validate_beneficiary(
        intake(qpv="benauge_sellier_lagrange_beausite", commune="bordeaux"), today=TODAY
    )
    validate_beneficiary(intake(qpv="hors_qpv", commune="Talence", postcode="33400"), today=TODAY)
    validate_beneficiary(intake(qpv="carriet", commune=None), today=TODAY)


@pytest.mark.parametrize(
    "field",
    ["last_name", "first_name", "address", "commune", "project", "referent_name", "source_partner"],
)
def test_a_nir_is_refused_in_every_text_field_of_an_intake(field: str) -> None:
    overrides = {field: f"voir {NIR}"}
    if field == "commune":
        overrides["qpv"] = None
    assert errors_of(**overrides) == {field: NIR_MESSAGE}


def test_free_text_is_limited_to_the_dictionary_length() -> None:
    assert errors_of(project="x" * 501) == {"project": "500 caractères au plus (501 saisis)."}
    kept = validate_beneficiary(intake(project="Projet :\n  logistique  "), today=TODAY)
    assert kept["project"] == "Projet :\n  logistique"


def test_consistency_of_notice_sharing_and_contact_preference() -> None:
    assert errors_of(notice_mode="oral", notice_given_at=None) == {
        "notice_given_at": "indiquez la date à laquelle l'information a été remise."
    }
    assert errors_of(restricted=True, sharing_agreed=True) == {
        "sharing_agreed": "la personne s'est opposée au partage : l'accord de partage ne peut "
        "pas être coché."
    }
    assert errors_of(contact_preference="telephone", phone=None) == {
        "phone": "la personne préfère être jointe par téléphone : numéro manquant."
    }
    assert errors_of(contact_preference="email", email=None) == {
        "email": "la personne préfère être jointe par courriel : adresse manquante."
    }


def test_three_invalid_fields_give_three_messages_and_save_nothing(
    vault: Vault, context: DeviceContext
) -> None:
    bad = intake(phone="12", email="ines@", postcode="331")
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        create_beneficiary(uow=uow, data=bad, context=context, today=TODAY)
    assert [e.field for e in failed.value.errors] == ["phone", "email", "postcode"]
    assert str(failed.value).startswith("3 champs invalides : téléphone : ")
    assert count_rows(vault, "beneficiary", deleted=None) == 0
    assert outbox_entries(vault) == []


def test_contact_rules(vault: Vault, enrol: Callable[..., str]) -> None:
    person = enrol()
    cases = [
        (
            ContactInput(
                occurred_at=NOW + timedelta(hours=1), channel="autre", outcome="information"
            ),
            {"occurred_at": FUTURE},
        ),
        (
            ContactInput(occurred_at=None, channel=None, outcome="rien"),
            {
                "occurred_at": REQUIRED,
                "channel": REQUIRED,
                "outcome": "valeur inconnue de la liste de référence.",
            },
        ),
        (
            ContactInput(
                occurred_at=NOW,
                channel="autre",
                outcome="information",
                anonymous=True,
                beneficiary_id=person,
            ),
            {"anonymous": "un contact anonyme ne peut pas être rattaché à une personne."},
        ),
        (
            ContactInput(
                occurred_at=NOW,
                channel="autre",
                outcome="information",
                event_id="01a21903-0000-7000-8000-000000000000",
                note=NIR,
            ),
            {"event_id": "événement inconnu ou supprimé.", "note": NIR_MESSAGE},
        ),
    ]
    for data, expected in cases:
        with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
            record_contact(uow=uow, data=data, now=NOW)
        assert failed.value.messages() == expected
    assert count_rows(vault, "contact") == 0


def test_follow_up_rules(vault: Vault, enrol: Callable[..., str]) -> None:
    person = enrol()
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person,
                occurred_at=NOW,
                kind="visite",
                summary=f"NIR {NIR}",
                next_date=date(2026, 3, 1),
            ),
            now=NOW,
        )
    assert failed.value.messages() == {
        "kind": "valeur inconnue de la liste de référence.",
        "summary": NIR_MESSAGE,
        "next_date": "la prochaine étape précède la date du suivi.",
    }
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        record_follow_up(
            uow=uow,
            data=FollowUpInput(beneficiary_id=None, occurred_at=NOW, kind="appel"),
            now=NOW,
        )
    assert failed.value.messages() == {"beneficiary_id": REQUIRED}


def test_referral_rules(vault: Vault, context: DeviceContext, partner_id: str) -> None:
    with vault.unit_of_work() as uow:
        other = uow.create("partner", {"nom": "Autre structure"})
        foreign_service = uow.create("service", {"structure_id": other, "nom": "Atelier"})
    cases = [
        (
            ReferralInput(partner_id=None),
            {
                "partner_id": "choisissez le partenaire vers qui orienter.",
                "beneficiary_id": "indiquez la personne ou le contact orienté.",
            },
        ),
        (
            ReferralInput(
                partner_id=partner_id,
                contact_id="01a21903-0000-7000-8000-000000000000",
                service_id=foreign_service,
                expected_contact="rdv_fixe",
                reason="x" * 301,
            ),
            {
                "service_id": "ce service n'appartient pas au partenaire choisi.",
                "contact_id": "contact inconnu ou supprimé.",
                "appointment_at": "rendez-vous fixé : indiquez sa date et son heure.",
                "reason": "300 caractères au plus (301 saisis).",
            },
        ),
    ]
    for data, expected in cases:
        with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
            create_referral(uow=uow, data=data, context=context, now=NOW)
        assert failed.value.messages() == expected
    assert count_rows(vault, "referral") == 0
    assert count_rows(vault, "referral_event") == 0


def test_event_rules(vault: Vault) -> None:
    start = datetime(2026, 3, 10, 14, tzinfo=UTC)
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        create_event(
            uow=uow,
            data=EventInput(
                kind="pied_immeuble",
                title=" ",
                starts_at=start,
                ends_at=start - timedelta(hours=1),
                place=NIR,
            ),
        )
    assert failed.value.messages() == {
        "title": REQUIRED,
        "place": NIR_MESSAGE,
        "ends_at": "la fin précède le début.",
    }


def test_exit_rules(vault: Vault, enrol: Callable[..., str]) -> None:
    person = enrol()
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        exit_cohort(
            uow=uow,
            beneficiary_id=person,
            exit_date=date(2026, 3, 1),
            exit_reason="fortune",
            today=TODAY,
        )
    assert failed.value.messages() == {
        "exit_reason": "valeur inconnue de la liste de référence.",
        "exit_date": "la date de sortie précède la date d'entrée dans la cohorte.",
    }
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        exit_cohort(
            uow=uow,
            beneficiary_id=person,
            exit_date=TODAY + timedelta(days=1),
            exit_reason=None,
            today=TODAY,
        )
    assert failed.value.messages() == {"exit_reason": REQUIRED, "exit_date": FUTURE}
    with vault.unit_of_work() as uow:
        exit_cohort(
            uow=uow,
            beneficiary_id=person,
            exit_date=TODAY,
            exit_reason="emploi_durable",
            today=TODAY,
        )
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        exit_cohort(
            uow=uow, beneficiary_id=person, exit_date=TODAY, exit_reason="abandon", today=TODAY
        )
    assert failed.value.messages() == {"status": "cette personne est déjà sortie de la cohorte."}
