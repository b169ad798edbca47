"""A cursor the server cannot read (400 `invalid_cursor`) is not a dead end: the laptop starts
again from a fresh snapshot, as after a 410, keeping its pending edits."""

from __future__ import annotations

from mediateur.sync import local_state
from tests.sync.conftest import SyncLab
from tests.sync.scenarios import add_contact


def test_an_unreadable_cursor_leads_to_a_fresh_snapshot(lab: SyncLab) -> None:
    laptop = lab.laptop("amina")
    synced = {add_contact(laptop.vault, f"avant {i}") for i in range(3)}
    laptop.sync()
    with laptop.vault.write_session() as session, session.begin():
        cursor = local_state.get(session, local_state.CURSOR)
        assert cursor is not None
        payload, mac = cursor.split(".")
        local_state.put(session, local_state.CURSOR, payload + "." + mac[::-1])
    pending = add_contact(laptop.vault, "après")

    laptop.sync()

    assert 400 in laptop.transport.statuses
    assert set(laptop.rows("contact")) == synced | {pending}
    assert laptop.pending() == {"pending": 0, "dead": 0, "conflicts": 0}
