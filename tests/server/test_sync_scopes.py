"""Scopes (DESIGN.md §4): an organisation receives its own records and the people shared with
it, with their follow-ups, referrals and linked contacts; withdrawing the sharing removes them;
a shared organisation adds to the file but never edits the person; admins get reference data
only."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mediateur.server.roles import Role
from tests.server.sync_support import (
    Laptop,
    SyncWorld,
    beneficiary,
    contact,
    event,
    follow_up,
    new_id,
    referral,
)


class File:
    """A person of organisation A with a contact, a follow-up, a referral and its event."""

    def __init__(self, marie: Laptop, paul: Laptop) -> None:
        self.person, self.seen, self.note, self.slip, self.step, self.partner = (
            new_id() for _ in range(6)
        )
        paul.push(paul.mutation("partner", self.partner, {"nom": "Mission Locale"}))
        answer = marie.push(
            marie.mutation("beneficiary", self.person, beneficiary(sharing_agreed=True)),
            marie.mutation("contact", self.seen, contact(beneficiary_id=self.person)),
            marie.mutation("follow_up", self.note, follow_up(self.person)),
            marie.mutation("referral", self.slip, referral(self.person, self.partner)),
            marie.mutation(
                "referral_event",
                self.step,
                {"referral_id": self.slip, "at": "2026-03-02T09:00:00Z", "to_status": "brouillon"},
            ),
        )
        assert {r["status"] for r in answer["results"]} == {"applied"}

    @property
    def records(self) -> set[tuple[str, str]]:
        return {
            ("beneficiary", self.person),
            ("contact", self.seen),
            ("follow_up", self.note),
            ("referral", self.slip),
            ("referral_event", self.step),
        }


def test_sharing_grants_the_file_and_withdrawal_removes_it(sync_world: SyncWorld) -> None:
    marie, paul, bruno = (sync_world.laptop(n) for n in ("marie", "paul", "bruno"))
    file = File(marie, paul)
    paul.pull()
    before = {(c["entity"], c["id"]) for c in bruno.pull()}
    created = max(marie.rows[key].server_seq for key in file.records)

    marie.push(marie.mutation("beneficiary", file.person, {"shared_with": [sync_world.org_b]}))
    granted = bruno.pull()
    at_home = paul.pull()

    assert before == {("partner", file.partner)}
    assert {(c["entity"], c["id"]) for c in granted} == file.records
    assert {c["op"] for c in granted} == {"upsert"}
    assert min(c["server_seq"] for c in granted) > created
    assert [(c["entity"], c["id"]) for c in at_home] == [("beneficiary", file.person)]

    marie.push(marie.mutation("beneficiary", file.person, {"shared_with": []}))
    withdrawn = bruno.pull()

    assert {(c["entity"], c["id"]) for c in withdrawn} == file.records
    assert {c["op"] for c in withdrawn} == {"remove"}
    assert all(c["fields"] is None for c in withdrawn)
    assert set(bruno.rows) == {("partner", file.partner)}


def test_opposition_stops_sharing_even_with_organisations_listed(sync_world: SyncWorld) -> None:
    marie, paul, bruno = (sync_world.laptop(n) for n in ("marie", "paul", "bruno"))
    file = File(marie, paul)
    marie.push(marie.mutation("beneficiary", file.person, {"shared_with": [sync_world.org_b]}))
    bruno.pull()

    marie.push(marie.mutation("beneficiary", file.person, {"restricted": True}))
    removed = bruno.pull()

    assert {(c["entity"], c["id"]) for c in removed} == file.records
    assert {c["op"] for c in removed} == {"remove"}


def test_a_shared_organisation_adds_to_the_file_but_never_edits_the_person(
    sync_world: SyncWorld,
) -> None:
    marie, paul, bruno = (sync_world.laptop(n) for n in ("marie", "paul", "bruno"))
    file = File(marie, paul)
    marie.push(marie.mutation("beneficiary", file.person, {"shared_with": [sync_world.org_b]}))
    bruno.pull()
    their_note, their_slip = new_id(), new_id()

    answer = bruno.push(
        bruno.mutation("beneficiary", file.person, {"phone": "07 22 22 22 22"}),
        bruno.mutation("contact", file.seen, {"note": "Autre note"}),
        bruno.mutation("follow_up", their_note, follow_up(file.person, summary="Atelier CV")),
        bruno.mutation("referral", their_slip, referral(file.person, file.partner)),
        bruno.mutation("referral", file.slip, {"status": "emise"}),
    )

    statuses = [r["status"] for r in answer["results"]]
    assert statuses == ["rejected", "rejected", "applied", "applied", "applied"]
    assert answer["results"][0]["reason"].startswith(
        "Cette personne est suivie par une autre organisation"
    )
    assert answer["results"][0]["row"]["fields"]["phone"] == "06 12 34 56 78"
    received = {(c["entity"], c["id"]) for c in marie.pull()}
    assert {("follow_up", their_note), ("referral", their_slip)} <= received
    assert marie.value("referral", file.slip, "status") == "emise"

    marie.push(marie.mutation("beneficiary", file.person, {"shared_with": []}))
    bruno.pull()
    assert ("follow_up", their_note) in bruno.rows
    assert ("beneficiary", file.person) not in bruno.rows


def test_another_organisation_sees_nothing_unshared_not_even_by_writing(
    sync_world: SyncWorld,
) -> None:
    marie, paul, bruno = (sync_world.laptop(n) for n in ("marie", "paul", "bruno"))
    file = File(marie, paul)

    answer = bruno.push(
        bruno.mutation("beneficiary", file.person, {"phone": "07 33 33 33 33"}),
        bruno.mutation("follow_up", new_id(), follow_up(file.person)),
    )

    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    assert [r["row"] for r in answer["results"]] == [None, None]
    assert "Martin" not in str(answer)
    assert {entity for entity, _id in bruno.rows} <= {"partner"}
    assert {c["entity"] for c in bruno.pull()} == {"partner"}


def test_admins_pull_reference_data_only(client: TestClient, sync_world: SyncWorld) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    File(marie, paul)
    marie.push(marie.mutation("event", new_id(), event()))
    paul.push(paul.mutation("beneficiary", new_id(), beneficiary()))
    sync_world.world.user("root", sync_world.org_a, Role.ADMIN)
    admin = sync_world.laptop("root")

    received = admin.pull()
    conflicts = client.get("/api/v1/conflicts", headers=admin.session.headers)

    assert {c["entity"] for c in received} == {"partner", "event"}
    assert conflicts.status_code == 200
    assert conflicts.json() == []


def test_a_referral_of_a_contact_alone_follows_the_contact(sync_world: SyncWorld) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    seen, slip, partner = new_id(), new_id(), new_id()
    paul.push(paul.mutation("partner", partner, {"nom": "Mission Locale"}))

    answer = marie.push(
        marie.mutation("contact", seen, contact()),
        marie.mutation("referral", slip, referral(None, partner, contact_id=seen)),
    )

    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    received = {(c["entity"], c["id"]) for c in paul.pull()}
    assert {("contact", seen), ("referral", slip)} <= received
    assert {c["entity"] for c in sync_world.laptop("bruno").pull()} == {"partner"}
