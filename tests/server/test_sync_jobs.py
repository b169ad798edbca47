"""The sync's scheduled jobs (DESIGN.md §2, §5): referral expiry, anonymisation after 24
months (indicator fields kept), the tombstone horizon (older cursors get 410), key purge; every
change they make is pulled like any other."""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI
from sqlalchemy import select

from mediateur.server import jobs
from mediateur.server.core.config import Settings
from mediateur.server.models import applied_mutation, idempotency_key, record_tables
from mediateur.server.sync.jobs import months_before
from tests.server.sync_support import (
    SyncWorld,
    beneficiary,
    contact,
    follow_up,
    new_id,
    referral,
)


def run(app: FastAPI, name: str) -> int:
    settings: Settings = app.state.settings
    results = jobs.run_all(app.state.database, settings=settings, now=app.state.clock())
    result = next(r for r in results if r.name == name)
    assert not result.failed
    return result.count


def test_referrals_left_unanswered_for_thirty_days_expire(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    person, partner = new_id(), new_id()
    paul.push(paul.mutation("partner", partner, {"nom": "Mission Locale"}))
    slips = {status: new_id() for status in ("brouillon", "emise", "recue", "acceptee")}
    marie.push(marie.mutation("beneficiary", person, beneficiary()))
    for status, slip in slips.items():
        marie.push(marie.mutation("referral", slip, referral(person, partner)))
        for step in {"emise": ["emise"], "recue": ["emise", "recue"]}.get(status, []):
            marie.push(marie.mutation("referral", slip, {"status": step}))
        if status == "acceptee":
            marie.push(marie.mutation("referral", slip, {"status": "emise"}))
            marie.push(marie.mutation("referral", slip, {"status": "acceptee"}))
    paul.pull()

    sync_world.clock.advance(days=29)
    too_early = run(app, "referral_expiry")
    sync_world.clock.advance(days=2)
    expired = run(app, "referral_expiry")
    changes = paul.pull()

    assert (too_early, expired) == (0, 2)
    for status, slip in slips.items():
        expected = "expiree" if status in ("emise", "recue") else status
        assert paul.value("referral", slip, "status") == expected
    events = [c for c in changes if c["entity"] == "referral_event"]
    assert sorted((e["fields"]["from_status"], e["fields"]["to_status"]) for e in events) == [
        ("emise", "expiree"),
        ("recue", "expiree"),
    ]
    assert {e["fields"]["by"] for e in events} == {None}
    assert {e["fields"]["referral_id"] for e in events} == {slips["emise"], slips["recue"]}
    assert run(app, "referral_expiry") == 0


def test_people_not_seen_for_24_months_are_anonymised_with_indicators_kept(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    old, recent, never_seen, partner = (new_id() for _ in range(4))
    seen, note, slip = new_id(), new_id(), new_id()
    paul.push(paul.mutation("partner", partner, {"nom": "Mission Locale"}))
    marie.push(
        marie.mutation(
            "beneficiary",
            old,
            beneficiary(
                last_contact_at="2024-03-02",
                project="Devenir aide-soignante",
                barriers={"mobilite": "fort"},
                education_level="4",
            ),
        ),
        marie.mutation("beneficiary", recent, beneficiary(last_contact_at="2024-03-03")),
        marie.mutation("beneficiary", never_seen, beneficiary(intake_date="2024-01-15")),
        marie.mutation("contact", seen, contact(beneficiary_id=old)),
        marie.mutation("follow_up", note, follow_up(old)),
        marie.mutation("referral", slip, referral(old, partner)),
    )
    paul.pull()

    count = run(app, "anonymisation")
    paul.pull()

    assert count == 2
    person = paul.rows["beneficiary", old].fields
    for name in ("last_name", "first_name", "birth_date", "phone", "project"):
        assert person[name] is None
    kept = {
        "gender": "f",
        "age_band": "25_44",
        "qpv": "avenir",
        "statuses": ["rsa"],
        "intake_date": "2026-02-10",
        "barriers": {"mobilite": "fort"},
        "education_level": "4",
    }
    assert {name: person[name] for name in kept} == kept
    assert person["anonymised_at"] is not None
    assert paul.rows["beneficiary", never_seen].fields["last_name"] is None
    assert paul.rows["beneficiary", recent].fields["last_name"] == "Martin"
    assert paul.rows["contact", seen].fields["note"] is None
    assert paul.rows["contact", seen].fields["channel"] == "pied_immeuble"
    assert paul.rows["follow_up", note].fields["summary"] is None
    assert paul.rows["follow_up", note].fields["kind"] == "entretien"
    assert paul.rows["referral", slip].fields["reason"] is None
    assert not paul.rows["beneficiary", old].deleted
    assert run(app, "anonymisation") == 0


def test_tombstones_past_the_horizon_are_purged_and_older_cursors_resync(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    gone, kept = new_id(), new_id()
    marie.push(
        marie.mutation("contact", gone, contact()), marie.mutation("contact", kept, contact())
    )
    paul.pull()
    stale_cursor = paul.cursor
    marie.push(marie.mutation("contact", gone, op="delete"))
    marie.pull()
    sync_world.clock.advance(days=179)
    assert run(app, "tombstones") == 0

    sync_world.clock.advance(days=2)
    purged = run(app, "tombstones")
    stale = paul.pull_page()
    recent = marie.pull_page()
    paul.cursor = None
    fresh = paul.pull()

    assert purged == 1
    assert stale.status_code == 410
    assert stale.json()["code"] == "tombstone_horizon"
    assert stale_cursor is not None
    assert recent.status_code == 200
    assert [c["id"] for c in fresh] == [kept]
    with app.state.database.read() as conn:
        table = record_tables["contact"]
        assert conn.execute(select(table.c.id).where(table.c.id == gone)).first() is None


def test_old_idempotency_keys_and_applied_mutations_are_purged(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    marie.push(marie.mutation("contact", new_id(), contact()))
    sync_world.clock.advance(days=15)
    marie.push(marie.mutation("contact", new_id(), contact()))

    assert run(app, "sync_keys") == 1
    with app.state.database.read() as conn:
        assert len(conn.execute(select(idempotency_key)).all()) == 1
        assert len(conn.execute(select(applied_mutation)).all()) == 2
    sync_world.clock.advance(days=170)
    assert run(app, "sync_keys") == 2


def test_retention_months_count_calendar_months() -> None:
    assert months_before(date(2026, 3, 2), 24) == date(2024, 3, 2)
    assert months_before(date(2026, 2, 28), 24) == date(2024, 2, 28)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 1, 15), 1) == date(2023, 12, 15)
