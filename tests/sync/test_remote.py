"""The manager's online calls (devices, revocation, conflict log) against the real server app,
through the same transport seam as the sync engine."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mediateur.services.contacts import ContactInput, record_contact
from mediateur.sync import errors
from mediateur.sync.protocol import API_PREFIX
from mediateur.sync.remote import ManagerRemote, OwnDevice
from mediateur.sync.transport import HttpTransport, Request
from tests.support.live_server import free_port
from tests.sync.conftest import Laptop, SyncLab


def remote(lab: SyncLab, laptop: Laptop) -> ManagerRemote:
    return ManagerRemote.from_vault(laptop.vault, transport_for=lambda _url, _ca: laptop.transport)


def _contact(laptop: Laptop, note: str) -> str:
    with laptop.vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                channel="telephone",
                outcome="information",
                note=note,
            ),
        )


def test_a_manager_sees_the_devices_of_the_organisation_with_their_health(lab: SyncLab) -> None:
    amina, bruno, damien = lab.laptop("amina"), lab.laptop("bruno"), lab.laptop("damien")
    for laptop in (amina, bruno, damien):
        laptop.sync()
    # A change the server refuses (review fields from a mediator) becomes a dead letter, which
    # the next sync's heartbeat reports.
    contact_id = _contact(amina, "à revoir")
    amina.sync()
    with amina.vault.unit_of_work() as uow:
        uow.update("contact", contact_id, {"review_status": "valide"})
    amina.sync()
    amina.sync()
    chloe = lab.laptop("chloe")
    devices = {d.id: d for d in remote(lab, chloe).devices()}
    assert set(devices) == {amina.vault.install_id, bruno.vault.install_id, chloe.vault.install_id}
    seen = devices[amina.vault.install_id]
    assert (seen.user, seen.organisation_id, seen.revoked) == ("Amina Diallo", lab.cite, None)
    assert (seen.pending, seen.dead, seen.app_version) == (0, 1, amina.engine.app_version)
    assert seen.last_seen is not None
    assert seen.clock_skew_ms is not None
    # Logged in, never synced: no heartbeat yet.
    assert devices[chloe.vault.install_id].pending is None


def test_devices_are_for_managers(lab: SyncLab) -> None:
    amina = lab.laptop("amina")
    with pytest.raises(errors.SyncError) as refused:
        remote(lab, amina).devices()
    assert str(refused.value) == "Votre rôle ne permet pas cette action."


def test_a_retired_device_pushes_what_it_holds_then_leaves(lab: SyncLab) -> None:
    amina, chloe = lab.laptop("amina"), lab.laptop("chloe")
    amina.sync()
    unsent = _contact(amina, "saisi avant le retrait")
    revoked = remote(lab, chloe).revoke(amina.vault.install_id, "retire")
    assert revoked.revoked == "retire"
    pull = amina.transport.send(
        Request(
            "GET",
            f"{API_PREFIX}/sync/pull",
            {"Authorization": f"Bearer {remote(lab, amina).token}"},
        )
    )
    assert pull.status == 401
    assert b'"mode":"retire"' in pull.body.replace(b" ", b"")
    with pytest.raises(errors.DeviceRevoked) as left:
        amina.sync()
    assert left.value.mode == "retire"
    assert amina.vault.is_locked
    chloe.sync()
    assert unsent in chloe.rows("contact")


def test_revocation_only_escalates_and_stays_in_the_organisation(lab: SyncLab) -> None:
    amina, chloe, damien = lab.laptop("amina"), lab.laptop("chloe"), lab.laptop("damien")
    client = remote(lab, chloe)
    assert client.revoke(amina.vault.install_id, "wipe").revoked == "wipe"
    with pytest.raises(errors.SyncError) as refused:
        client.revoke(amina.vault.install_id, "retire")
    assert "effacement à distance" in str(refused.value)
    with pytest.raises(errors.SyncError) as unknown:
        client.revoke(damien.vault.install_id, "wipe")
    assert str(unknown.value) == "Appareil inconnu."


def test_a_manager_cannot_revoke_the_laptop_in_use(lab: SyncLab) -> None:
    chloe = lab.laptop("chloe")
    sent = len(chloe.transport.sent)
    with pytest.raises(OwnDevice):
        remote(lab, chloe).revoke(chloe.vault.install_id.upper(), "wipe")
    assert len(chloe.transport.sent) == sent


def test_the_conflict_log_pages_newest_first(lab: SyncLab) -> None:
    amina, bruno, chloe = lab.laptop("amina"), lab.laptop("bruno"), lab.laptop("chloe")
    ids = [_contact(amina, f"note {n}") for n in range(3)]
    amina.sync()
    bruno.sync()
    for n, contact_id in enumerate(ids):
        with amina.vault.unit_of_work() as uow:
            uow.update("contact", contact_id, {"note": f"Amina {n}"})
        with bruno.vault.unit_of_work() as uow:
            uow.update("contact", contact_id, {"note": f"Bruno {n}"})
    amina.sync()
    bruno.sync()
    client = remote(lab, chloe)
    first = client.conflicts(limit=2)
    rest = client.conflicts(before=first[-1].id, limit=2)
    entries = first + rest
    assert len(first) == 2
    assert len(entries) == 3
    assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)
    assert {e.row_id for e in entries} == set(ids)
    assert all((e.entity, e.field, e.reason) == ("contact", "note", "concurrent") for e in entries)
    assert {e.winner_device for e in entries} == {bruno.vault.install_id}
    assert {e.loser_value for e in entries} == {f"Amina {n}" for n in range(3)}


def test_without_an_account_or_a_server(lab: SyncLab) -> None:
    never = lab.laptop("amina", login=False)
    with pytest.raises(errors.NotLoggedIn):
        ManagerRemote.from_vault(never.vault)
    offline = ManagerRemote(
        HttpTransport(f"http://127.0.0.1:{free_port()}", timeout=(0.5, 0.5)),
        token="x" * 43,
        device_id=never.vault.install_id,
    )
    with pytest.raises(errors.NetworkError):
        offline.devices()
