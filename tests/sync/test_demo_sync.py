"""The demo profile syncs cleanly: a generated programme is accepted by the server as it is."""

from __future__ import annotations

from mediateur.services.context import current_context
from mediateur.services.demo import populate_demo
from mediateur.sync.outbox import list_dead_letters
from tests.sync.conftest import SyncLab


def test_the_demo_programme_is_accepted_by_the_server(lab: SyncLab) -> None:
    laptop = lab.laptop("chloe")
    with laptop.vault.unit_of_work() as uow:
        populate_demo(uow=uow, context=current_context(uow.session, laptop.vault.install_id))
    report = laptop.sync()
    with laptop.vault.session() as session:
        letters = list_dead_letters(session)
    assert sorted({(d.entity, d.reason) for d in letters}) == []
    assert report.rejected == 0
    assert laptop.pending()["pending"] == 0
