"""Quick contact entry (field_entry), the beneficiary file's read model, the access export written
to a folder, and the partners an event may name."""

from __future__ import annotations

import io
import json
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from mediateur.services.beneficiaries import get_beneficiary
from mediateur.services.beneficiary_file import erasure_preview, load_file
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import DeviceContext
from mediateur.services.errors import ProbableDuplicate, ServiceError, ValidationFailed
from mediateur.services.events import (
    Event,
    EventInput,
    create_event,
    partner_choices,
)
from mediateur.services.field_entry import (
    PersonMet,
    check_person,
    contact_defaults,
    field_contacts,
    field_events,
    save_field_contact,
)
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.services.rights import erase_beneficiary
from mediateur.services.rights_files import write_access_export
from mediateur.store.schema import contact
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, count_rows, outbox_entries

NOW = datetime(2026, 3, 16, 17, 0, tzinfo=UTC)


def met(**overrides: object) -> ContactInput:
    values: dict[str, object] = {
        "occurred_at": NOW - timedelta(minutes=5),
        "channel": "pied_immeuble",
        "outcome": "information",
        "qpv": "carriet",
        "gender": "f",
        "age_band": "25_44",
        "themes": ("mobilite",),
        "anonymous": True,
    }
    values.update(overrides)
    return ContactInput(**values)  # type: ignore[arg-type]


def test_an_anonymous_contact_is_saved_and_listed_as_today(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        saved = save_field_contact(uow=uow, data=met(), now=NOW)
    assert saved.person_name is None
    assert (saved.contact.outcome, saved.contact.anonymous) == ("information", True)
    with vault.session() as session:
        rows = field_contacts(session, user_id=None, day=TODAY)
    assert [row.contact.id for row in rows] == [saved.contact.id]


def test_an_edited_contact_keeps_its_id_and_queues_the_change(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        first = save_field_contact(uow=uow, data=met(), now=NOW)
    with vault.unit_of_work() as uow:
        again = save_field_contact(
            uow=uow, data=met(outcome="rdv_pris"), contact_id=first.contact.id, now=NOW
        )
    assert again.contact.id == first.contact.id
    assert again.contact.outcome == "rdv_pris"
    assert outbox_entries(vault, "contact")[-1]["fields"] == {"outcome": "rdv_pris"}


def test_a_person_identified_in_the_street_gets_a_file(
    vault: Vault, context: DeviceContext
) -> None:
    person = PersonMet(last_name="Diallo", first_name="Awa", phone="0612345678")
    with vault.unit_of_work() as uow:
        saved = save_field_contact(
            uow=uow, data=met(), person=person, context=context, now=NOW, today=TODAY
        )
    assert saved.person_name == "DIALLO Awa"
    found = saved.contact
    assert (found.anonymous, found.outcome) == (False, "inscription_cohorte")
    assert found.beneficiary_id is not None
    with vault.session() as session:
        file = get_beneficiary(session, found.beneficiary_id)
    # The file takes what the contact says about the person.
    assert (file.gender, file.qpv, file.age_band, file.intake_date) == (
        "f",
        "carriet",
        "25_44",
        TODAY,
    )
    assert (file.phone, file.source_contact_id) == ("06 12 34 56 78", found.id)


def test_a_refused_identification_writes_nothing(vault: Vault, context: DeviceContext) -> None:
    person = PersonMet(last_name="Diallo", first_name="Awa", email="pas-une-adresse")
    with pytest.raises(ValidationFailed) as failed, vault.unit_of_work() as uow:
        save_field_contact(
            uow=uow, data=met(), person=person, context=context, now=NOW, today=TODAY
        )
    assert failed.value.messages().keys() == {"email"}
    assert count_rows(vault, "contact") == 0
    assert count_rows(vault, "beneficiary") == 0


def test_a_probable_duplicate_is_shown_then_confirmed(
    vault: Vault, context: DeviceContext, enrol: Callable[..., str]
) -> None:
    existing = enrol(last_name="Diallo", first_name="Awa", birth_date=date(1990, 4, 2))
    person = PersonMet(last_name="DIALLO", first_name="awa", birth_date=date(1990, 4, 2))
    with vault.session() as session:
        check = check_person(session, person, met(), today=TODAY)
    assert check.ok
    assert [c.id for c in check.duplicates] == [existing]
    with pytest.raises(ProbableDuplicate), vault.unit_of_work() as uow:
        save_field_contact(
            uow=uow, data=met(), person=person, context=context, now=NOW, today=TODAY
        )
    assert count_rows(vault, "contact") == 0
    with vault.unit_of_work() as uow:
        saved = save_field_contact(
            uow=uow,
            data=met(),
            person=person,
            context=context,
            allow_duplicate=True,
            now=NOW,
            today=TODAY,
        )
    assert saved.contact.beneficiary_id not in (None, existing)
    assert count_rows(vault, "beneficiary") == 2


def test_the_check_reports_every_invalid_detail(vault: Vault) -> None:
    person = PersonMet(last_name="", first_name="4wa", phone="12", birth_date=date(2020, 1, 1))
    with vault.session() as session:
        check = check_person(session, person, met(), today=TODAY)
    assert {e.field for e in check.errors} == {"last_name", "first_name", "phone", "birth_date"}


def test_the_list_holds_this_users_contacts_and_unsent_ones(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        mine = record_contact(uow=uow, data=met(), now=NOW)
        colleague = record_contact(uow=uow, data=met(), now=NOW)
        sent = record_contact(uow=uow, data=met(), now=NOW)
        # The server stamps the author of what was pushed; a pull brings colleagues' contacts.
        for contact_id, author in ((colleague, "user-colleague"), (sent, "user-me")):
            uow.session.execute(
                contact.update().where(contact.c.id == contact_id).values(created_by=author)
            )
        record_contact(uow=uow, data=met(occurred_at=NOW - timedelta(days=1)), now=NOW)
    with vault.session() as session:
        rows = field_contacts(session, user_id="user-me", day=TODAY)
    assert {row.contact.id for row in rows} == {mine, sent}


def test_field_events_are_recent_or_coming_and_keep_the_remembered_one(vault: Vault) -> None:
    def event(title: str, days: int) -> EventInput:
        return EventInput(kind="forum", title=title, starts_at=NOW + timedelta(days=days))

    with vault.unit_of_work() as uow:
        old = create_event(uow=uow, data=event("Ancien", -90))
        recent = create_event(uow=uow, data=event("Récent", -3))
        coming = create_event(uow=uow, data=event("À venir", 7))
        create_event(uow=uow, data=event("Lointain", 60))
    with vault.session() as session:
        assert [e.id for e in field_events(session, today=TODAY)] == [coming, recent]
        kept = field_events(session, keep_id=old, today=TODAY)
        assert [e.id for e in kept] == [coming, recent, old]
        gone = field_events(session, keep_id="01900000-0000-7000-8000-000000000000", today=TODAY)
        assert [e.id for e in gone] == [coming, recent], "a remembered event may be deleted"


def test_an_event_presets_the_contact() -> None:
    def at(kind: str, place: str | None) -> Event:
        return Event(id="e", kind=kind, title="t", starts_at=NOW, qpv="avenir", place=place)

    assert contact_defaults(at("pied_immeuble", "Place du marché")).channel == "pied_immeuble"
    assert contact_defaults(at("permanence", None)).channel == "permanence"
    forum = contact_defaults(at("forum", "Salle Castel"))
    assert (forum.qpv, forum.place, forum.channel) == ("avenir", "Salle Castel", "evenement")
    assert contact_defaults(at("forum", "x" * 121)).place is None, "too long for a contact"


def test_the_file_shows_the_timeline_reviews_and_what_erasure_touches(
    vault: Vault, context: DeviceContext, enrol: Callable[..., str], partner_id: str
) -> None:
    person_id = enrol()
    with vault.unit_of_work() as uow:
        contact_id = record_contact(
            uow=uow, data=met(anonymous=False, beneficiary_id=person_id), now=NOW
        )
        uow.set_locally(
            "contact",
            contact_id,
            {"review_status": "a_corriger", "review_comment": "Préciser la suite donnée"},
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(beneficiary_id=person_id, occurred_at=NOW, kind="appel"),
            now=NOW,
        )
        create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_id, beneficiary_id=person_id),
            context=context,
            now=NOW,
        )
    with vault.session() as session:
        file = load_file(session, person_id, context=context)
    assert file.active
    assert file.editable
    assert [e.kind for e in file.timeline] == ["intake", "contact", "follow_up", "referral"]
    reviewed = next(e for e in file.timeline if e.kind == "contact")
    assert (reviewed.review_status, reviewed.review_comment) == (
        "a_corriger",
        "Préciser la suite donnée",
    )
    preview = file.erasure
    assert (preview.follow_ups, preview.referrals, preview.contacts_unlinked) == (1, 1, 1)
    with vault.unit_of_work() as uow:
        report = erase_beneficiary(uow=uow, beneficiary_id=person_id)
    assert report == preview, "the confirmation says exactly what erasure does"
    with vault.session() as session:
        assert erasure_preview(session, person_id).follow_ups == 0


def test_the_referent_name_comes_from_the_file_or_the_user(
    vault: Vault, enrol: Callable[..., str]
) -> None:
    named = enrol(referent_name="Julie Marchand")
    me = DeviceContext(install_id="x", user_id="user-me", user_name="Nadia Ben")
    mine = enrol(last_name="Martin", referent_user_id="user-me")
    with vault.session() as session:
        assert load_file(session, named).referent == "Julie Marchand"
        assert load_file(session, mine, context=me).referent == "Nadia Ben"


def test_access_export_written_to_a_folder(
    vault: Vault, enrol: Callable[..., str], tmp_path: Path
) -> None:
    person_id = enrol()
    target = tmp_path / "exports" / "ines"
    with vault.session() as session:
        files = write_access_export(session, beneficiary_id=person_id, directory=target, now=NOW)
    assert files.json_path.parent == target
    document = json.loads(files.json_path.read_text(encoding="utf-8"))
    assert document["personne"]["last_name"] == "Benali"
    reader = pypdf.PdfReader(io.BytesIO(files.pdf_path.read_bytes()))
    assert "benali" in "".join(page.extract_text() for page in reader.pages).lower()
    assert stat.S_IMODE(files.pdf_path.stat().st_mode) == 0o600
    (tmp_path / "fichier").write_text("x")
    with pytest.raises(ServiceError, match="n'est pas un dossier"), vault.session() as session:
        write_access_export(session, beneficiary_id=person_id, directory=tmp_path / "fichier")


def test_partner_choices_are_sorted_by_name(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        second = uow.create("partner", {"nom": "Mission Locale", "commune": "Lormont"})
        first = uow.create("partner", {"nom": "Écoles de la 2e chance", "commune": "Cenon"})
        gone = uow.create("partner", {"nom": "Ancienne structure"})
        uow.delete("partner", gone)
    with vault.session() as session:
        assert [p.id for p in partner_choices(session)] == [first, second]
