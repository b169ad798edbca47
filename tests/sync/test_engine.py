"""The sync client against the real server app, in-process: the protocol's promises seen from
the laptop — nothing lost, nothing duplicated, conflicts and rejections kept for the user."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid

import pytest
from sqlalchemy import delete, select, update

from mediateur.server.models import change_feed, record_tables, sync_state, user_account
from mediateur.server.roles import Role
from mediateur.store.schema import directory_user, push_batch
from mediateur.sync import errors, local_state
from mediateur.sync.engine import SyncEngine, SyncReport
from mediateur.sync.outbox import (
    list_conflicts,
    list_dead_letters,
    restore_my_value,
    retry_dead_letter,
)
from mediateur.sync.transport import Request, Response
from tests.sync.conftest import SyncLab
from tests.sync.scenarios import add_contact, edit, enrol


def _server_rows(lab: SyncLab, entity: str) -> dict[str, dict]:  # type: ignore[type-arg]
    """The server's state as a fresh laptop of the manager sees it."""
    observer = lab.laptop("chloe", name=f"observer-{len(lab.laptops)}")
    observer.sync()
    return observer.rows(entity)


def test_login_links_the_profile_to_one_account(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    with laptop.vault.session() as session:
        state = local_state.get_many(
            session, local_state.USER_ID, local_state.ROLE, local_state.ORGANISATION_ID
        )
    assert state == {"user_id": lab.users["amina"], "role": "mediator", "organisation_id": lab.cite}
    with pytest.raises(errors.SyncError, match="autre compte"):
        laptop.engine.login("http://testserver", "bruno", "un mot de passe assez long")
    with pytest.raises(errors.InvalidCredentials):
        lab.laptop("amina", name="other").engine.login(
            "http://testserver", "amina", "faux mot de passe"
        )


def test_edits_travel_from_one_laptop_to_another(lab: SyncLab) -> None:
    first, second = lab.laptop("amina"), lab.laptop("bruno")
    contacts = {add_contact(first.vault, f"note {i}") for i in range(5)}
    person = enrol(first.vault)
    report = first.sync()
    assert report.sent == 6
    assert first.pending() == {"pending": 0, "dead": 0, "conflicts": 0}
    second.sync()
    assert set(second.rows("contact")) == contacts
    row = second.rows("beneficiary")[person]
    assert (row["last_name"], row["organisation_id"], row["created_by"]) == (
        "Durand",
        lab.cite,
        lab.users["amina"],
    )
    # Server-stamped values came back to the author too, and the base moved on.
    mine = first.rows("beneficiary")[person]
    assert mine["organisation_id"] == lab.cite
    assert mine["server_seq"] > 0
    again = second.sync()
    assert (again.sent, again.received) == (0, 0)


def test_another_organisation_never_receives_the_records(lab: SyncLab) -> None:
    first, other = lab.laptop("amina"), lab.laptop("damien")
    add_contact(first.vault)
    enrol(first.vault)
    first.sync()
    other.sync()
    assert other.count("contact") == other.count("beneficiary") == 0


def test_a_lost_push_response_then_a_retry_creates_no_duplicate(lab: SyncLab) -> None:
    laptop = lab.laptop("amina", max_attempts=3)
    ids = {add_contact(laptop.vault, f"note {i}") for i in range(30)}
    laptop.sync()  # the heartbeat round
    for i in range(3):
        ids.add(add_contact(laptop.vault, f"encore {i}"))
    laptop.transport.lose_next_responses(1)
    laptop.sync()
    assert laptop.pending()["pending"] == 0
    assert set(_server_rows(lab, "contact")) == ids == set(laptop.rows("contact"))


def test_a_batch_lost_before_a_crash_is_resent_as_stored(lab: SyncLab) -> None:
    laptop = lab.laptop("amina", max_attempts=1)
    ids = {add_contact(laptop.vault) for _ in range(4)}
    laptop.transport.lose_next_responses(1)
    with pytest.raises(errors.NetworkError):
        laptop.sync()
    with laptop.vault.session() as session:
        [stored] = session.execute(select(push_batch)).mappings().all()
    # A new engine (a restarted app) sends the same bytes under the same key.
    engine = SyncEngine(laptop.vault, laptop.transport, sleep=lambda _s: None)
    engine.sync()
    push = next(
        r
        for r in laptop.transport.sent
        if r.path.endswith("/sync/push") and r.body == stored["body"]
    )
    assert push.headers["Idempotency-Key"] == stored["idempotency_key"]
    assert set(_server_rows(lab, "contact")) == ids


def test_edits_of_one_record_in_consecutive_batches_land_in_order(lab: SyncLab) -> None:
    """The next batch leaves while the previous answer is applied: a record edited in both
    keeps the later value, on the laptop and on the server."""
    laptop = lab.laptop("amina")
    person = enrol(laptop.vault, "Abadie", "Inès")
    for project in ("Cariste", "Aide-soignante", "Boulangère"):
        for i in range(199):
            add_contact(laptop.vault, f"{project} {i}")
        edit(laptop.vault, person, project=project)
    report = laptop.sync()
    assert report.sent == 601
    assert laptop.pending()["pending"] == 0
    assert laptop.rows("beneficiary")[person]["project"] == "Boulangère"
    assert _server_rows(lab, "beneficiary")[person]["project"] == "Boulangère"


def test_a_lost_answer_to_the_next_batch_keeps_it_stored_for_the_retry(lab: SyncLab) -> None:
    laptop = lab.laptop("amina", max_attempts=1)
    ids = {add_contact(laptop.vault, f"note {i}") for i in range(250)}
    send = laptop.transport.send
    pushes = 0

    def losing_the_second_answer(request: Request) -> Response:
        nonlocal pushes
        if request.path.endswith("/sync/push"):
            pushes += 1
            if pushes == 2:
                laptop.transport.lose_next_responses(1)
        return send(request)

    laptop.transport.send = losing_the_second_answer  # type: ignore[method-assign]
    with pytest.raises(errors.NetworkError):
        laptop.sync()
    with laptop.vault.session() as session:
        assert len(session.execute(select(push_batch)).all()) == 1
    assert laptop.pending()["pending"] == 50
    SyncEngine(laptop.vault, laptop.transport, sleep=lambda _s: None).sync()
    assert laptop.pending()["pending"] == 0
    assert set(_server_rows(lab, "contact")) == ids == set(laptop.rows("contact"))


def test_different_fields_both_survive_same_field_goes_to_the_inbox(lab: SyncLab) -> None:
    first, second = lab.laptop("amina"), lab.laptop("bruno")
    person = enrol(first.vault)
    first.sync()
    second.sync()
    edit(first.vault, person, phone="07 11 22 33 44")
    edit(second.vault, person, commune="Cenon", qpv="palmer_saraillere_8mai45_dravemont")
    first.sync()
    second.sync()
    first.sync()
    for laptop in (first, second):
        row = laptop.rows("beneficiary")[person]
        assert (row["phone"], row["commune"]) == ("07 11 22 33 44", "Cenon")
    # Same field: the later clock wins; the laptop whose value lost keeps it in its inbox.
    edit(first.vault, person, project="Aide-soignante")
    edit(second.vault, person, project="Cariste")
    second.sync()
    first.sync()
    second.sync()
    assert first.rows("beneficiary")[person]["project"] == "Cariste"
    with first.vault.session() as session:
        [conflict] = list_conflicts(session)
    assert (conflict.field, conflict.your_value, conflict.server_value) == (
        "project",
        "Aide-soignante",
        "Cariste",
    )
    restore_my_value(first.vault, conflict.id)
    first.sync()
    second.sync()
    assert second.rows("beneficiary")[person]["project"] == "Aide-soignante"
    assert first.rows("beneficiary")[person]["project"] == "Aide-soignante"
    with first.vault.session() as session:
        assert list_conflicts(session) == []


def test_a_dead_letter_retried_after_a_fix_succeeds(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    with laptop.vault.unit_of_work() as uow:
        partner = uow.create(
            "partner", {"nom": "Centre social du Bois Fleuri", "commune": "Lormont"}
        )
    add_contact(laptop.vault)
    report = laptop.sync()
    assert report.rejected == 1
    with laptop.vault.session() as session:
        [letter] = list_dead_letters(session)
    assert letter.row_id == partner
    assert letter.reason  # French, shown to the user
    assert laptop.pending()["pending"] == 0
    # The fix: amina becomes a manager, then retries.
    with lab.app.state.database.begin() as conn:
        conn.execute(
            update(user_account)
            .where(user_account.c.id == lab.users["amina"])
            .values(role=Role.MANAGER)
        )
    retry_dead_letter(laptop.vault, letter.id)
    laptop.sync()
    assert laptop.pending() == {"pending": 0, "dead": 0, "conflicts": 0}
    assert partner in _server_rows(lab, "partner")


def test_revocation_retire_sends_the_outbox_then_destroys_the_vault(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    laptop.sync()
    manager = lab.world.login(lab.client, "chloe")
    response = lab.client.post(
        f"/api/v1/devices/{laptop.vault.install_id}/revoke",
        json={"mode": "retire"},
        headers=manager.headers,
    )
    assert response.status_code == 200, response.text
    last = add_contact(laptop.vault, "dernière saisie")
    with pytest.raises(errors.DeviceRevoked) as revoked:
        laptop.sync()
    assert revoked.value.mode == "retire"
    assert laptop.vault.is_locked
    assert not (laptop.vault.directory / "vault.json").exists()
    assert last in _server_rows(lab, "contact")


def test_revocation_wipe_destroys_the_vault_at_once(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    laptop.sync()
    manager = lab.world.login(lab.client, "chloe")
    lab.client.post(
        f"/api/v1/devices/{laptop.vault.install_id}/revoke",
        json={"mode": "wipe"},
        headers=manager.headers,
    )
    add_contact(laptop.vault, "jamais envoyée")
    with pytest.raises(errors.DeviceRevoked):
        laptop.sync()
    assert not any(laptop.vault.directory.iterdir())


def test_two_syncs_of_one_profile_never_run_together(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    laptop.engine._acquire_lock()
    other = SyncEngine(laptop.vault, laptop.transport, sleep=lambda _s: None)
    with pytest.raises(errors.SyncInProgress):
        other.sync()
    # A lock left by a process of this computer that died (the app crashed) is taken over at
    # once; one of another computer only once it is stale.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    crashed = f"{socket.gethostname()}|{dead.pid}|1|1@{time.time()}"
    elsewhere = f"other-host|{os.getpid()}|1|1@{time.time()}"
    with laptop.vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SYNC_LOCK, elsewhere)
    with pytest.raises(errors.SyncInProgress):
        other.sync()
    with laptop.vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SYNC_LOCK, crashed)
    other.sync()
    with laptop.vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SYNC_LOCK, "other-host|1|1|1@1000000000.0")
    other.sync()


class _Flaky:
    """Answers the first requests itself (as an overloaded proxy would), then lets them through."""

    def __init__(self, inner, replies: list[Response]) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.replies = replies

    def send(self, request: Request) -> Response:
        if self.replies:
            return self.replies.pop(0)
        return self.inner.send(request)


def test_backoff_honours_retry_after_and_gives_up_in_bounded_attempts(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    slept: list[float] = []
    busy = Response(503, {"Retry-After": "3"}, b"")
    engine = SyncEngine(laptop.vault, _Flaky(laptop.transport, [busy, busy]), sleep=slept.append)
    add_contact(laptop.vault)
    engine.sync()
    assert sum(slept) >= 6  # two waits of at least Retry-After
    assert laptop.pending()["pending"] == 0
    slept.clear()
    stuck = SyncEngine(
        laptop.vault, _Flaky(laptop.transport, [busy] * 10), sleep=slept.append, max_attempts=4
    )
    with pytest.raises(errors.ServerUnavailable):
        stuck.sync()
    assert len(slept) > 0


def test_oversized_batches_are_halved_until_they_fit(make_lab) -> None:  # type: ignore[no-untyped-def]
    lab = make_lab(max_body_bytes=48 * 1024)
    laptop = lab.laptop("amina")
    ids = {add_contact(laptop.vault, "x" * 400 + str(i)) for i in range(250)}
    laptop.sync()
    assert 413 in laptop.transport.statuses
    assert set(_server_rows(lab, "contact")) == ids


def test_an_idempotency_conflict_rebuilds_the_batch_without_duplicates(lab: SyncLab) -> None:
    laptop = lab.laptop("amina", max_attempts=1)
    ids = {add_contact(laptop.vault) for _ in range(3)}
    laptop.transport.lose_next_responses(1)
    with pytest.raises(errors.NetworkError):
        laptop.sync()
    # Same key, other bytes (a heartbeat value changed): the server says 422, the laptop
    # rebuilds under a new key and the mutation ids dedupe.
    with laptop.vault.write_session() as session, session.begin():
        body = json.loads(session.scalar(select(push_batch.c.body)))
        body["heartbeat"]["pending"] += 1
        session.execute(update(push_batch).values(body=json.dumps(body).encode()))
    report = laptop.sync()
    assert report.tally.duplicate == 3
    assert set(_server_rows(lab, "contact")) == ids


def test_a_client_too_old_changes_nothing_and_keeps_its_outbox(
    lab: SyncLab, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = lab.laptop("amina")
    add_contact(laptop.vault)
    monkeypatch.setattr("mediateur.server.api.deps.MIN_SUPPORTED_SCHEMA", 2)
    with pytest.raises(errors.ClientTooOld):
        laptop.sync()
    assert laptop.pending()["pending"] == 1
    with laptop.vault.session() as session:
        assert local_state.get(session, local_state.CLIENT_TOO_OLD) == "1"
    monkeypatch.undo()
    assert _server_rows(lab, "contact") == {}
    laptop.sync()
    with laptop.vault.session() as session:
        assert local_state.get(session, local_state.CLIENT_TOO_OLD) is None


def test_a_laptop_clock_days_ahead_is_reported(lab: SyncLab) -> None:
    three_days = 3 * 24 * 3600
    fast = lab.laptop("amina", wall=lambda: time.time() + three_days)
    fast.vault.clock._wall = lambda: time.time_ns() // 1_000_000 + three_days * 1000
    add_contact(fast.vault)
    report = fast.sync()
    assert report.clock_warning
    with fast.vault.session() as session:
        assert local_state.get(session, local_state.CLOCK_WARNING) == "1"
    fast.engine._wall = time.time
    assert fast.sync().clock_warning is False
    with fast.vault.session() as session:
        assert local_state.get(session, local_state.CLOCK_WARNING) is None


def test_the_directory_is_cached_for_offline_use(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    laptop.sync()
    with laptop.vault.session() as session:
        names = set(session.scalars(select(directory_user.c.display_name)))
    assert {"Amina Diallo", "Bruno Martin", "Chloé Roux"} <= names


def test_pulled_rows_never_overwrite_pending_edits(lab: SyncLab) -> None:
    first, second = lab.laptop("amina"), lab.laptop("bruno")
    person = enrol(first.vault)
    first.sync()
    second.sync()
    edit(first.vault, person, phone="07 99 88 77 66")
    first.sync()
    edit(second.vault, person, phone="06 00 00 00 01")
    # A pull alone (as when edits arrive while a sync pulls): the pending phone stays, and the
    # base moves on so the next push merges from the right place.
    second.engine._pull_all(SyncReport())
    row = second.rows("beneficiary")[person]
    assert row["phone"] == "06 00 00 00 01"
    assert row["server_seq"] == first.rows("beneficiary")[person]["server_seq"]
    second.sync()
    first.sync()
    assert first.rows("beneficiary")[person]["phone"] == "06 00 00 00 01"


def test_a_server_restored_from_a_backup_forces_a_resync_that_keeps_pending_edits(
    lab: SyncLab,
) -> None:
    laptop = lab.laptop("amina")
    before = [add_contact(laptop.vault, f"avant {i}") for i in range(30)]
    laptop.sync()
    # The server is restored from a backup that predates ten of those contacts: they are gone
    # there, and the restored database has a new epoch.
    lost = before[:10]
    contacts = record_tables["contact"]
    with lab.app.state.database.begin() as conn:
        conn.execute(delete(contacts).where(contacts.c.id.in_(lost)))
        conn.execute(delete(change_feed).where(change_feed.c.row_id.in_(lost)))
        conn.execute(update(sync_state).values(epoch=str(uuid.uuid4())))
    offline = {add_contact(laptop.vault, f"hors ligne {i}") for i in range(10)}
    during: set[str] = set()

    def type_while_resyncing(request: Request) -> None:
        # The user keeps saving while the snapshot is fetched after the local wipe.
        if request.path.endswith("/sync/pull") and "cursor" not in request.params and not during:
            during.update(add_contact(laptop.vault, f"pendant {i}") for i in range(20))

    laptop.engine.transport = _Hooked(laptop.transport, type_while_resyncing)
    laptop.sync()
    assert 410 in laptop.transport.statuses
    assert len(during) == 20
    local = set(laptop.rows("contact"))
    assert local == set(before[10:]) | offline | during
    assert local == set(_server_rows(lab, "contact"))
    assert laptop.pending() == {"pending": 0, "dead": 0, "conflicts": 0}


class _Hooked:
    """Runs `hook(request)` before each request, as if the user acted meanwhile."""

    def __init__(self, inner, hook) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.hook = hook

    def send(self, request: Request) -> Response:
        self.hook(request)
        return self.inner.send(request)
