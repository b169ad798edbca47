"""Merging two records of one person: every contact, follow-up and referral ends under the record
kept, on this laptop and on the server after sync; the duplicate is marked `merged_into` and
deleted; refusals write nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from mediateur.server.models import record_tables
from mediateur.services.beneficiaries import create_beneficiary, get_beneficiary
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import DeviceContext, current_context
from mediateur.services.errors import RecordNotFound
from mediateur.services.follow_ups import FollowUpInput, list_follow_ups, record_follow_up
from mediateur.services.merge import (
    MergeRefused,
    compare,
    merge_beneficiaries,
    probable_duplicates,
)
from mediateur.services.referrals import (
    ReferralInput,
    change_referral_status,
    create_referral,
    list_referral_events,
)
from mediateur.services.review import ManagersOnly
from mediateur.store.schema import beneficiary, contact, follow_up, referral
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, intake, outbox_entries
from tests.support.labs import act_as, sync_lab
from tests.support.vaults import VaultFactory
from tests.sync.conftest import SyncLab

ORG = "0190b5b4-0000-7000-8000-00000000c17e"
OTHER_ORG = "0190b5b4-0000-7000-8000-0000000091ee"
NOW = datetime(2026, 3, 16, 10, tzinfo=UTC)


@pytest.fixture
def lab(vault_factory: VaultFactory, tmp_path: Path) -> Iterator[SyncLab]:
    with sync_lab(vault_factory, tmp_path) as world:
        yield world


def _people(vault: Vault, partner_id: str) -> tuple[str, str]:
    """Two records of Inès Benali: the first with a phone, the second with an address, each
    with contacts, follow-ups and a referral with its history."""
    with vault.session() as session:
        context = current_context(session, vault.install_id)
    with vault.unit_of_work() as uow:
        first = create_beneficiary(uow=uow, data=intake(email=None), context=context, today=TODAY)
        second = create_beneficiary(
            uow=uow,
            data=intake(
                last_name="BENALI",
                first_name="Ines",
                phone=None,
                address="12 rue des Iris",
                intake_date=date(2026, 3, 9),
            ),
            context=context,
            allow_duplicate=True,
            today=TODAY,
        )
        for person, summaries in ((first, ["Premier entretien"]), (second, ["CV", "Atelier"])):
            _children(uow, context, person, partner_id, summaries)
    return first, second


def _children(
    uow: Any, context: DeviceContext, person: str, partner_id: str, summaries: list[str]
) -> None:
    for n, summary in enumerate(summaries):
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person,
                occurred_at=NOW - timedelta(days=10 - n),
                kind="entretien",
                summary=summary,
                next_step="Rappeler",
                next_date=date(2026, 3, 20),
            ),
            now=NOW,
        )
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=NOW - timedelta(days=10 - n),
                channel="permanence",
                outcome="rdv_pris",
                beneficiary_id=person,
            ),
            now=NOW,
        )
    created = create_referral(
        uow=uow,
        data=ReferralInput(beneficiary_id=person, partner_id=partner_id, reason="Formation"),
        context=context,
        now=NOW,
    )
    change_referral_status(
        uow=uow, referral_id=created.id, to_status="emise", context=context, now=NOW
    )


def _live(vault: Vault, table: Any, person: str) -> list[dict[str, Any]]:
    with vault.session() as session:
        query = select(table).where(table.c.beneficiary_id == person, table.c.deleted.is_(False))
        return [dict(row) for row in session.execute(query).mappings()]


def _follow_up_texts(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (row["occurred_at"], row["kind"], row["summary"], row["next_step"], row["next_date"])
        for row in rows
    )


@pytest.fixture
def manager(vault: Vault) -> Vault:
    act_as(vault, role="manager", organisation_id=ORG, user_id=None)
    return vault


def test_a_merge_moves_everything_to_the_record_kept(manager: Vault, partner_id: str) -> None:
    vault = manager
    kept, duplicate = _people(vault, partner_id)
    follow_ups_before = _follow_up_texts(
        _live(vault, follow_up, kept) + _live(vault, follow_up, duplicate)
    )
    contacts_before = {row["id"] for row in _live(vault, contact, duplicate)}
    referral_id = _live(vault, referral, duplicate)[0]["id"]
    with vault.session() as session:
        history = list_referral_events(session, referral_id)
    outbox_before = len(outbox_entries(vault))

    with vault.unit_of_work() as uow:
        report = merge_beneficiaries(uow=uow, keep_id=kept, duplicate_id=duplicate)

    assert (report.contacts, report.follow_ups, report.referrals) == (2, 2, 1)
    assert _follow_up_texts(_live(vault, follow_up, kept)) == follow_ups_before
    assert _live(vault, follow_up, duplicate) == []
    assert {row["id"] for row in _live(vault, contact, kept)} >= contacts_before
    assert len(_live(vault, contact, kept)) == 3
    assert {row["id"] for row in _live(vault, referral, kept)} >= {referral_id}
    with vault.session() as session:
        assert list_referral_events(session, referral_id) == history
        person = get_beneficiary(session, kept)
        gone = session.execute(select(beneficiary).where(beneficiary.c.id == duplicate)).one()
        with pytest.raises(RecordNotFound):
            get_beneficiary(session, duplicate)
        assert len(list_follow_ups(session, kept)) == 3
    assert (gone.deleted, gone.merged_into, gone.last_name) == (True, kept, None)
    assert person.address == "12 rue des Iris"
    assert person.phone == "06 12 34 56 78"
    assert person.email == "ines.benali@exemple.fr"
    assert report.filled_fields == ("email", "address")

    queued = outbox_entries(vault)[outbox_before:]
    # Children first, the duplicate's delete last: the server's cascade finds nothing to take.
    assert [(e["entity"], e["op"]) for e in queued] == [
        ("contact", "upsert"),
        ("contact", "upsert"),
        ("referral", "upsert"),
        ("follow_up", "upsert"),
        ("follow_up", "upsert"),
        ("beneficiary", "upsert"),
        ("beneficiary", "upsert"),
        ("beneficiary", "delete"),
    ]
    assert queued[-2]["fields"] == {"merged_into": kept}
    assert all(e["fields"] == {"beneficiary_id": kept} for e in queued[:3])


def test_probable_duplicates_pair_the_two_records(manager: Vault, partner_id: str) -> None:
    kept, duplicate = _people(manager, partner_id)
    with manager.session() as session:
        (pair,) = probable_duplicates(session)
        shown = compare(session, duplicate, kept)
    assert {pair.first.person.id, pair.second.person.id} == {kept, duplicate}
    assert pair.reason == "même nom, prénom et date de naissance"
    counts = {
        side.person.id: (side.contacts, side.follow_ups, side.referrals)
        for side in (pair.first, pair.second)
    }
    assert counts == {kept: (1, 1, 1), duplicate: (2, 2, 1)}
    assert (shown.first.person.id, shown.second.person.id, shown.reason) == (
        duplicate,
        kept,
        None,
    )


RefusalSetup = Callable[[Vault, str, str], None]


def _as_mediator(vault: Vault, _kept: str, _duplicate: str) -> None:
    act_as(vault, role="mediator", organisation_id=ORG, user_id=None)


def _foreign_person(vault: Vault, _kept: str, duplicate: str) -> None:
    with vault.write_session() as session, session.begin():
        session.execute(
            update(beneficiary)
            .where(beneficiary.c.id == duplicate)
            .values(organisation_id=OTHER_ORG)
        )


def _foreign_follow_up(vault: Vault, _kept: str, duplicate: str) -> None:
    with vault.write_session() as session, session.begin():
        session.execute(
            update(follow_up)
            .where(follow_up.c.beneficiary_id == duplicate)
            .values(organisation_id=OTHER_ORG)
        )


def _anonymised(vault: Vault, kept: str, _duplicate: str) -> None:
    with vault.unit_of_work() as uow:
        uow.set_locally("beneficiary", kept, {"anonymised_at": NOW})


@pytest.mark.parametrize(
    ("setup", "refusal", "words"),
    [
        (_as_mediator, ManagersOnly, "Réservé aux responsables"),
        (_foreign_person, MergeRefused, "suivie par une autre structure"),
        (_foreign_follow_up, MergeRefused, "Une autre structure a saisi"),
        (_anonymised, MergeRefused, "anonymisée"),
    ],
)
def test_a_refused_merge_writes_nothing(
    manager: Vault,
    partner_id: str,
    setup: RefusalSetup,
    refusal: type[Exception],
    words: str,
) -> None:
    kept, duplicate = _people(manager, partner_id)
    setup(manager, kept, duplicate)
    before = outbox_entries(manager)
    with pytest.raises(refusal) as refused, manager.unit_of_work() as uow:
        merge_beneficiaries(uow=uow, keep_id=kept, duplicate_id=duplicate)
    assert words in str(refused.value)
    assert outbox_entries(manager) == before
    assert len(_live(manager, follow_up, duplicate)) == 2


def test_a_record_is_not_merged_into_itself(manager: Vault, partner_id: str) -> None:
    kept, _ = _people(manager, partner_id)
    with pytest.raises(MergeRefused), manager.unit_of_work() as uow:
        merge_beneficiaries(uow=uow, keep_id=kept, duplicate_id=kept)


def test_the_merge_holds_on_the_server_and_on_every_laptop(lab: SyncLab) -> None:
    chloe = lab.laptop("chloe")
    with chloe.vault.unit_of_work() as uow:
        partner_id = uow.create("partner", {"nom": "Mission Locale (test)"})
    chloe.sync()
    amina = lab.laptop("amina")
    amina.sync()
    kept, duplicate = _people(amina.vault, partner_id)
    amina.sync()
    both = (kept, duplicate)
    expected = _follow_up_texts([r for p in both for r in _live(amina.vault, follow_up, p)])
    referrals = {r["id"] for p in both for r in _live(amina.vault, referral, p)}
    contacts = {r["id"] for p in both for r in _live(amina.vault, contact, p)}

    chloe.sync()
    with chloe.vault.unit_of_work() as uow:
        merge_beneficiaries(uow=uow, keep_id=kept, duplicate_id=duplicate)
    report = chloe.sync()
    assert (report.rejected, report.conflicts) == (0, 0)
    amina.sync()
    bruno = lab.laptop("bruno")
    bruno.sync()

    for laptop in (chloe, amina, bruno):
        assert _follow_up_texts(_live(laptop.vault, follow_up, kept)) == expected, laptop.name
        assert {r["id"] for r in _live(laptop.vault, contact, kept)} == contacts
        assert {r["id"] for r in _live(laptop.vault, referral, kept)} == referrals
        assert _live(laptop.vault, follow_up, duplicate) == []
        row = laptop.rows("beneficiary").get(duplicate)
        if laptop is bruno:
            # A first snapshot leaves tombstones out.
            assert row is None or row["deleted"]
        else:
            assert row is not None
            assert (row["deleted"], row["merged_into"]) == (True, kept)

    server_follow_ups = record_tables["follow_up"]
    with lab.app.state.database.begin() as conn:
        on_server = conn.execute(
            select(server_follow_ups).where(
                server_follow_ups.c.beneficiary_id == kept,
                server_follow_ups.c.deleted.is_(False),
            )
        ).mappings()
        assert _follow_up_texts([dict(r) for r in on_server]) == expected
