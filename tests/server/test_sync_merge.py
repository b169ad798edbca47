"""Merge (DESIGN.md §4): concurrent edits of one field resolve by HLC with the loser logged and
returned, edits of different fields both survive, clocks far ahead are clamped and warned about,
deletes and erasure win, and the conflict log shows each organisation its own records."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy import select

from mediateur.server.models import audit_log, conflict_log, erased_record
from mediateur.server.sync.merge import Outcome, merge_field
from mediateur.server.sync.rows import FieldClock
from mediateur.sync.hlc import MAX_DRIFT_MS, Timestamp
from tests.server.sync_support import (
    DAY,
    Laptop,
    SyncWorld,
    beneficiary,
    contact,
    follow_up,
    millis,
    new_id,
    referral,
)


def enrolled(sync_world: SyncWorld) -> tuple[Laptop, Laptop, str]:
    """Marie enrols a person; Paul, of the same organisation, has pulled it."""
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    person = new_id()
    marie.push(marie.mutation("beneficiary", person, beneficiary()))
    paul.pull()
    return marie, paul, person


def test_concurrent_edits_of_one_field_go_to_the_higher_clock_whatever_the_order(
    client: TestClient, sync_world: SyncWorld
) -> None:
    marie, paul, person = enrolled(sync_world)
    paul_edit = paul.mutation("beneficiary", person, {"phone": "07 00 00 00 01"})
    sync_world.clock.advance(seconds=30)
    marie_edit = marie.mutation("beneficiary", person, {"phone": "07 00 00 00 02"})

    first = marie.push(marie_edit)
    second = paul.push(paul_edit)

    assert first["results"][0]["status"] == "applied"
    result = second["results"][0]
    assert result["status"] == "merged"
    assert result["conflicts"] == [
        {
            "field": "phone",
            "kept": "server",
            "your_value": "07 00 00 00 01",
            "server_value": "07 00 00 00 02",
        }
    ]
    assert result["row"]["fields"]["phone"] == "07 00 00 00 02"
    assert paul.value("beneficiary", person, "phone") == "07 00 00 00 02"
    log = client.get("/api/v1/conflicts", headers=paul.session.headers).json()
    assert [
        (e["field"], e["reason"], e["winner_value"], e["loser_value"], e["loser_device"])
        for e in log
    ] == [("phone", "concurrent", "07 00 00 00 02", "07 00 00 00 01", paul.session.device_id)]


def test_a_later_clock_arriving_second_wins_and_is_told_so(sync_world: SyncWorld) -> None:
    marie, paul, person = enrolled(sync_world)
    marie.push(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 02"}))
    sync_world.clock.advance(seconds=30)

    answer = paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 01"}))

    result = answer["results"][0]
    assert result["status"] == "merged"
    assert result["conflicts"][0]["kept"] == "yours"
    assert result["row"]["fields"]["phone"] == "07 00 00 00 01"
    marie.pull()
    assert marie.value("beneficiary", person, "phone") == "07 00 00 00 01"


def test_edits_of_different_fields_both_survive(sync_world: SyncWorld) -> None:
    marie, paul, person = enrolled(sync_world)

    mine = marie.push(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 02"}))
    theirs = paul.push(paul.mutation("beneficiary", person, {"email": "awa@example.org"}))

    assert mine["results"][0]["status"] == theirs["results"][0]["status"] == "applied"
    assert theirs["results"][0]["conflicts"] == []
    for laptop in (marie, paul):
        laptop.pull()
        assert laptop.value("beneficiary", person, "phone") == "07 00 00 00 02"
        assert laptop.value("beneficiary", person, "email") == "awa@example.org"


def test_a_laptop_three_days_fast_does_not_win_later_edits_and_is_warned(
    sync_world: SyncWorld,
) -> None:
    marie, paul, person = enrolled(sync_world)
    marie.skew_ms = 3 * DAY
    fast = marie.push(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 03"}))
    sync_world.clock.advance(minutes=10)

    later = paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 04"}))

    assert fast["clock_warning"] is True
    assert later["clock_warning"] is False
    server_hlc = Timestamp.parse(fast["server_hlc"]).millis
    assert server_hlc <= fast["server_time"] + MAX_DRIFT_MS
    clamped = Timestamp.parse(fast["results"][0]["row"]["fields"]["updated_hlc"]).millis
    assert clamped == fast["server_time"] + MAX_DRIFT_MS
    assert later["results"][0]["conflicts"][0]["kept"] == "yours"
    assert later["results"][0]["row"]["fields"]["phone"] == "07 00 00 00 04"


def test_a_write_to_a_deleted_record_is_refused_and_its_values_logged(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie, paul, person = enrolled(sync_world)
    marie.push(marie.mutation("beneficiary", person, op="delete"))

    answer = paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 05"}))

    result = answer["results"][0]
    assert result["status"] == "deleted"
    assert result["row"]["deleted"] is True
    assert result["row"]["fields"]["phone"] is None
    assert result["row"]["fields"]["last_name"] is None
    assert result["row"]["fields"]["qpv"] == "avenir"
    with app.state.database.read() as conn:
        logged = conn.execute(select(conflict_log)).all()
    assert [(e.field, e.reason, e.loser_value) for e in logged] == [
        ("phone", "deleted", "07 00 00 00 05")
    ]


def test_erasure_refuses_the_id_forever_keeping_no_personal_data(
    app: FastAPI, client: TestClient, sync_world: SyncWorld
) -> None:
    marie, paul, person = enrolled(sync_world)
    paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 06"}))
    marie.push(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 07"}, base_seq=1))

    erased = marie.push(marie.mutation("beneficiary", person, op="erase"))
    stale = paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 08"}))
    recreated = paul.push(paul.mutation("beneficiary", person, beneficiary(), base_seq=0))

    assert erased["results"][0]["status"] == "applied"
    row = erased["results"][0]["row"]
    assert row["deleted"] is True
    assert {name: value for name, value in row["fields"].items() if value is not None} == {
        name: row["fields"][name]
        for name in ("organisation_id", "created_at", "created_by", "updated_hlc")
    }
    assert stale["results"][0]["status"] == recreated["results"][0]["status"] == "deleted"
    assert recreated["results"][0]["row"]["deleted"] is True
    with app.state.database.read() as conn:
        logged = conn.execute(select(conflict_log).order_by(conflict_log.c.id)).all()
        erasures = conn.execute(select(erased_record)).all()
        audit = conn.execute(select(audit_log).where(audit_log.c.action == "erase")).all()
    assert [(e.reason, e.winner_value, e.loser_value) for e in logged] == [
        ("concurrent", None, None),
        ("deleted", None, None),
        ("deleted", None, None),
    ]
    assert [(e.entity, e.row_id) for e in erasures] == [("beneficiary", person)]
    assert [(a.target_id, a.actor_device_id) for a in audit] == [(person, marie.session.device_id)]
    text = client.get("/api/v1/conflicts", headers=marie.session.headers).text
    assert "07 00 00 00" not in text


def test_deleting_a_person_withdraws_their_records_and_unlinks_their_contacts(
    sync_world: SyncWorld,
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    person, seen, note, slip, partner = (new_id() for _ in range(5))
    paul.push(paul.mutation("partner", partner, {"nom": "Mission Locale"}))
    marie.push(
        marie.mutation("beneficiary", person, beneficiary()),
        marie.mutation("contact", seen, contact(beneficiary_id=person)),
        marie.mutation("follow_up", note, follow_up(person)),
        marie.mutation("referral", slip, referral(person, partner)),
    )
    paul.pull()

    marie.push(marie.mutation("beneficiary", person, op="delete"))
    changes = {(c["entity"], c["id"]): c for c in paul.pull()}

    for key in (("beneficiary", person), ("follow_up", note), ("referral", slip)):
        assert changes[key]["op"] == "delete"
    assert changes["follow_up", note]["fields"]["summary"] is None
    assert changes["follow_up", note]["fields"]["kind"] == "entretien"
    assert changes["referral", slip]["fields"]["reason"] is None
    assert changes["contact", seen]["op"] == "upsert"
    assert changes["contact", seen]["fields"]["beneficiary_id"] is None
    assert changes["contact", seen]["fields"]["note"] == "Rencontrée au pied de l'immeuble"


def test_a_new_record_under_a_deleted_person_is_withdrawn_too(sync_world: SyncWorld) -> None:
    marie, paul, person = enrolled(sync_world)
    marie.push(marie.mutation("beneficiary", person, op="delete"))
    note, seen = new_id(), new_id()

    answer = paul.push(
        paul.mutation("follow_up", note, follow_up(person)),
        paul.mutation("contact", seen, contact(beneficiary_id=person)),
    )

    late_note, late_contact = answer["results"]
    assert late_note["status"] == "deleted"
    assert late_note["row"]["deleted"] is True
    assert late_note["row"]["fields"]["summary"] is None
    assert late_contact["status"] == "merged"
    assert late_contact["conflicts"] == [
        {"field": "beneficiary_id", "kept": "server", "your_value": person, "server_value": None}
    ]
    assert late_contact["row"]["fields"]["beneficiary_id"] is None


def test_the_conflict_log_shows_each_organisation_its_own_records(
    client: TestClient, sync_world: SyncWorld
) -> None:
    marie, paul, person = enrolled(sync_world)
    paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 09"}))
    marie.push(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 10"}, base_seq=1))
    bruno = sync_world.laptop("bruno")

    for laptop, expected in ((marie, 1), (paul, 1), (bruno, 0)):
        log = client.get("/api/v1/conflicts", headers=laptop.session.headers)
        assert log.status_code == 200
        assert len(log.json()) == expected


clocks = st.builds(
    FieldClock,
    hlc=st.builds(
        lambda ms, counter: str(Timestamp(ms, counter, "a" * 32)),
        st.integers(1_700_000_000_000, 1_700_000_000_100),
        st.integers(0, 3),
    ),
    device=st.sampled_from(
        ["0193a0a0-0000-7000-8000-00000000000a", "0193a0a0-0000-7000-8000-00000000000b"]
    ),
    seq=st.integers(5, 9),
)


@given(first=clocks, second=clocks)
def test_the_winner_of_two_concurrent_writes_does_not_depend_on_their_order(
    first: FieldClock, second: FieldClock
) -> None:
    assume(first.device != second.device)
    one_then_two = merge_field(
        current="a", incoming="b", clock=first, incoming_clock=second, base_seq=0
    )
    two_then_one = merge_field(
        current="b", incoming="a", clock=second, incoming_clock=first, base_seq=0
    )
    winner = "b" if one_then_two is Outcome.WON else "a"
    other_winner = "a" if two_then_one is Outcome.WON else "b"
    assert {one_then_two, two_then_one} == {Outcome.WON, Outcome.LOST}
    assert winner == other_winner
    assert (
        merge_field(current="a", incoming="a", clock=first, incoming_clock=second, base_seq=0)
        is Outcome.SAME
    )
    assert (
        merge_field(
            current="a", incoming="b", clock=first, incoming_clock=second, base_seq=first.seq or 0
        )
        is Outcome.APPLY
    )


def test_clamping_bounds_a_clock_to_five_minutes_past_the_server(sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie", skew_ms=DAY)
    answer = marie.push(marie.mutation("contact", new_id(), contact()))
    stamped = Timestamp.parse(answer["results"][0]["row"]["fields"]["updated_hlc"])
    assert stamped.millis == millis(sync_world.clock) + MAX_DRIFT_MS
