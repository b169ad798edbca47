"""Slips built from the vault: the partner copy carries what the person agreed to share and
nothing else (nothing at all after an opposition), service details before the partner's, the
orienter from the cached directory with its fallbacks, an event's batch, and recorded prints."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, update

from mediateur.services.beneficiaries import create_beneficiary, update_beneficiary
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import DeviceContext, current_context
from mediateur.services.events import EventInput, create_event
from mediateur.services.partners import (
    ServiceInput,
    import_directory,
    partner_record_id,
    sample_directory,
    service_record_id,
    update_service,
)
from mediateur.services.referrals import (
    ReferralInput,
    change_referral_status,
    create_referral,
    get_referral,
    list_referral_events,
)
from mediateur.services.slips import (
    FALLBACK_ORIENTER,
    NotPrintable,
    event_referral_ids,
    record_slips_printed,
    render_referral_slips,
    slip_for_referral,
)
from mediateur.slips import Branding, Shared, load_branding
from mediateur.store.schema import directory_organisation, directory_user, referral
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from tests.services.helpers import TODAY, intake
from tests.slips.reading import halves, normalise

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
PLIE = partner_record_id("demo--plie")
PLIE_SERVICE = service_record_id("demo--plie--parcours")
USER = "0b7e6a52-9d4c-4a8e-9d1e-1c2f3a4b5c6d"
ORG = "5f1d2c3b-4a59-4e68-8f70-8192a3b4c5d6"


@pytest.fixture
def branding() -> Branding:
    return load_branding()


@pytest.fixture
def context(vault: Vault) -> DeviceContext:
    with vault.unit_of_work() as uow:
        import_directory(uow=uow, items=sample_directory(), today=TODAY)
        return current_context(uow.session, vault.install_id)


@pytest.fixture
def person(vault: Vault, context: DeviceContext) -> str:
    with vault.unit_of_work() as uow:
        return create_beneficiary(
            uow=uow,
            data=intake(
                last_name="Lefèvre",
                first_name="Françoise",
                phone="06 39 98 12 34",
                email="f.lefevre@exemple.fr",
                contact_preference="telephone",
            ),
            context=context,
            today=TODAY,
        )


@pytest.fixture
def refer(vault: Vault, context: DeviceContext, person: str) -> Callable[..., str]:
    def make(**overrides: Any) -> str:
        values: dict[str, Any] = {
            "partner_id": PLIE,
            "service_id": PLIE_SERVICE,
            "beneficiary_id": person,
            "barrier_codes": ("mobilite",),
            "reason": "Souhaite un accompagnement renforcé vers la logistique.",
            "expected_contact": "partenaire_rappelle",
            "shared_with_partner": ("last_name", "first_name", "reason"),
        }
        values.update(overrides)
        with vault.unit_of_work() as uow:
            return create_referral(
                uow=uow, data=ReferralInput(**values), context=context, now=NOW
            ).id

    return make


def slip(vault: Vault, context: DeviceContext, branding: Branding, rid: str, **kw: Any):  # type: ignore[no-untyped-def]
    with vault.session() as session:
        return slip_for_referral(
            session, referral_id=rid, context=context, branding=branding, now=NOW, **kw
        )


def pdf_of(vault: Vault, context: DeviceContext, branding: Branding, *ids: str) -> bytes:
    with vault.session() as session:
        return render_referral_slips(
            session, referral_ids=ids, context=context, branding=branding, now=NOW
        )


def test_the_partner_copy_has_only_the_agreed_details(
    vault: Vault, context: DeviceContext, branding: Branding, refer: Callable[..., str]
) -> None:
    rid = refer()
    data = slip(vault, context, branding, rid)
    assert data.shared_with_partner == {Shared.LAST_NAME, Shared.FIRST_NAME, Shared.REASON}
    assert data.beneficiary.civility == "Madame"
    assert data.beneficiary.contact_preference == "Téléphone"
    assert data.barriers == ("Mobilité",)
    parts = halves(pdf_of(vault, context, branding, rid))
    partner = parts["partner"]
    assert normalise("LEFÈVRE") in partner
    assert normalise("Françoise") in partner
    assert normalise("logistique") in partner
    for withheld in ("0639981234", "f.lefevre@exemple.fr", "Madame", "Mobilité"):
        assert normalise(withheld) not in partner, withheld
    # The beneficiary copy is the person's own.
    assert normalise("Madame Françoise LEFÈVRE") in parts["beneficiary"]


def test_an_opposition_shares_nothing(
    vault: Vault,
    context: DeviceContext,
    branding: Branding,
    person: str,
    refer: Callable[..., str],
) -> None:
    rid = refer(shared_with_partner=("last_name", "first_name", "phone", "reason", "barriers"))
    with vault.unit_of_work() as uow:
        update_beneficiary(
            uow=uow,
            beneficiary_id=person,
            data=intake(
                last_name="Lefèvre",
                first_name="Françoise",
                phone="06 39 98 12 34",
                restricted=True,
            ),
            today=TODAY,
        )
    data = slip(vault, context, branding, rid)
    assert data.shared_with_partner == frozenset()
    partner = halves(pdf_of(vault, context, branding, rid))["partner"]
    for withheld in ("LEFÈVRE", "Françoise", "0639981234", "logistique", "Mobilité"):
        assert normalise(withheld) not in partner, withheld
    assert normalise("Identité non transmise") in partner


def test_a_detail_no_longer_known_is_not_shared(
    vault: Vault,
    context: DeviceContext,
    branding: Branding,
    person: str,
    refer: Callable[..., str],
) -> None:
    rid = refer(shared_with_partner=("last_name", "first_name", "phone", "email"))
    with vault.unit_of_work() as uow:
        update_beneficiary(
            uow=uow,
            beneficiary_id=person,
            data=intake(last_name="Lefèvre", first_name="Françoise", phone=None, email=None),
            today=TODAY,
        )
    data = slip(vault, context, branding, rid)
    assert data.shared_with_partner == {Shared.LAST_NAME, Shared.FIRST_NAME}


def test_service_details_first_then_the_partner(
    vault: Vault, context: DeviceContext, branding: Branding, refer: Callable[..., str]
) -> None:
    with vault.unit_of_work() as uow:
        update_service(
            uow=uow,
            service_id=PLIE_SERVICE,
            data=ServiceInput(
                structure_id=PLIE,
                nom="Parcours renforcé vers l'emploi",
                conditions_acces="Pièce d'identité.",
                modes_mobilisation=("telephoner",),
                telephone="05 36 49 55 66",
            ),
        )
    destination = slip(vault, context, branding, refer()).destination
    assert destination.partner_name == "PLIE des Hauts de Garonne (démo)"
    assert destination.service_name == "Parcours renforcé vers l'emploi"
    assert destination.phone == "05 36 49 55 66"  # the service's own
    assert destination.email == "accueil.plie@exemple.fr"  # the partner's, the service has none
    # No address on the service: the partner's whole block.
    assert (destination.address, destination.address_complement, destination.postcode) == (
        "3 rue Camille Pelletan",
        "Bâtiment B, 1er étage",
        "33150",
    )
    assert destination.opening_hours == "Mo-Fr 08:30-12:30,13:30-17:00; PH off"
    assert destination.access_conditions == "Pièce d'identité."
    assert destination.modes_mobilisation == ("telephoner",)


def test_the_orienter_comes_from_the_directory_then_the_profile(
    vault: Vault, context: DeviceContext, branding: Branding, refer: Callable[..., str]
) -> None:
    rid = refer()
    orienter = slip(vault, context, branding, rid).orienter
    assert (orienter.name, orienter.structure) == (FALLBACK_ORIENTER, branding.structure_name)
    with vault.unit_of_work() as uow:
        local_state.put(uow.session, local_state.USER_ID, USER)
        local_state.put(uow.session, local_state.DISPLAY_NAME, "Nadia Ferhat")
    logged_in = DeviceContext(context.install_id, USER, "Nadia Ferhat")
    assert slip(vault, logged_in, branding, rid).orienter.name == "Nadia Ferhat"
    with vault.unit_of_work() as uow:
        uow.session.execute(insert(directory_organisation).values(id=ORG, name="PLIE Rive Droite"))
        uow.session.execute(
            insert(directory_user).values(
                id=USER,
                display_name="Nadia Ferhat",
                organisation_id=ORG,
                role="mediator",
                phone="05 36 49 77 88",
                email="nadia.ferhat@exemple.fr",
            )
        )
    orienter = slip(vault, logged_in, branding, rid).orienter
    assert (orienter.name, orienter.role, orienter.structure) == (
        "Nadia Ferhat",
        "Médiation emploi",
        "PLIE Rive Droite",
    )
    assert (orienter.phone, orienter.email) == ("05 36 49 77 88", "nadia.ferhat@exemple.fr")


@pytest.fixture
def action(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return create_event(
            uow=uow,
            data=EventInput(
                kind="pied_immeuble",
                title="Pied d'immeuble emploi — Génicart",
                starts_at=NOW - timedelta(hours=2),
                ends_at=NOW + timedelta(hours=1),
                qpv="genicart_est",
                place="Place Aimé Césaire, Génicart",
            ),
        )


def met_at(vault: Vault, event_id: str | None) -> str:
    with vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=NOW - timedelta(hours=1),
                channel="evenement" if event_id else "porte_a_porte",
                outcome="orientation",
                event_id=event_id,
                qpv="genicart_est",
            ),
            now=NOW,
        )


def test_a_contact_slip_names_nobody_and_says_where(
    vault: Vault,
    context: DeviceContext,
    branding: Branding,
    action: str,
    refer: Callable[..., str],
) -> None:
    rid = refer(
        beneficiary_id=None,
        contact_id=met_at(vault, action),
        shared_with_partner=("reason", "barriers"),
    )
    data = slip(vault, context, branding, rid)
    assert data.beneficiary.last_name is None
    assert data.issued_place == "Place Aimé Césaire, Génicart"
    assert data.shared_with_partner == {Shared.REASON, Shared.BARRIERS}
    partner = halves(pdf_of(vault, context, branding, rid))["partner"]
    assert normalise("Identité non transmise") in partner
    assert normalise("Mobilité") in partner


def test_an_event_prints_its_slips_in_one_document(
    vault: Vault,
    context: DeviceContext,
    branding: Branding,
    action: str,
    person: str,
    refer: Callable[..., str],
) -> None:

    at_event = [
        refer(beneficiary_id=None, contact_id=met_at(vault, action), shared_with_partner=())
        for _ in range(3)
    ]
    with vault.unit_of_work() as uow:  # met there and enrolled on the spot
        uow.update("contact", met_at(vault, action), {"beneficiary_id": person})
    enrolled = refer()
    with vault.unit_of_work() as uow:  # written during the action (the store stamps the real time)
        uow.session.execute(
            update(referral).where(referral.c.id == enrolled).values(created_at=NOW)
        )
    refer()  # the same person oriented another day: not part of the event
    cancelled = refer(beneficiary_id=None, contact_id=met_at(vault, action), shared_with_partner=())
    elsewhere = refer(beneficiary_id=None, contact_id=met_at(vault, None), shared_with_partner=())
    with vault.unit_of_work() as uow:
        change_referral_status(
            uow=uow, referral_id=cancelled, to_status="annulee", context=context, now=NOW
        )
    with vault.session() as session:
        ids = event_referral_ids(session, action)
        numbers = [get_referral(session, rid).number for rid in ids]
    assert set(ids) == {*at_event, enrolled}
    assert elsewhere not in ids
    assert numbers == sorted(numbers, key=lambda n: int(n.rsplit("-", 1)[1]))
    pdf = pdf_of(vault, context, branding, *ids)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 4
    for page, number in enumerate(numbers):
        text = normalise(reader.pages[page].extract_text())
        assert text.count(normalise(number)) >= 2, "the number heads both copies"
    with pytest.raises(NotPrintable, match="est annulée"):
        slip(vault, context, branding, cancelled)


def test_printing_is_recorded_and_a_reprint_keeps_the_status(
    vault: Vault, context: DeviceContext, branding: Branding, refer: Callable[..., str]
) -> None:
    rid = refer()
    with vault.unit_of_work() as uow:
        record_slips_printed(uow=uow, referral_ids=[rid], context=context, now=NOW)
    with vault.session() as session:
        sent = get_referral(session, rid)
    assert (sent.status, sent.printed_at) == ("emise", NOW)
    later = NOW + timedelta(days=3)
    with vault.unit_of_work() as uow:
        change_referral_status(
            uow=uow, referral_id=rid, to_status="acceptee", context=context, now=later
        )
        record_slips_printed(uow=uow, referral_ids=[rid], context=context, now=later)
    with vault.session() as session:
        reprinted = get_referral(session, rid)
        history = [e.to_status for e in list_referral_events(session, rid)]
        data = slip_for_referral(
            session, referral_id=rid, context=context, branding=branding, now=later
        )
    assert (reprinted.status, reprinted.printed_at) == ("acceptee", later)
    assert history == ["brouillon", "emise", "acceptee"]
    assert data.issued_at == NOW, "a reprint keeps the date the slip was first handed out"
    assert date(2026, 3, 16) == data.issued_at.date()
