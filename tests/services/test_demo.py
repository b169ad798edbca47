"""The demo programme: realistic in size and shape, valid by the same rules as real data, and
reproducible from its seed."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

from sqlalchemy import select

from mediateur.domain.reference import reference_data
from mediateur.reports.indicators import compute_indicators
from mediateur.services.contacts import todays_contacts
from mediateur.services.context import current_context
from mediateur.services.demo import populate_demo
from mediateur.services.partners import partner_record_id
from mediateur.services.referrals import list_referral_events, list_referrals
from mediateur.services.todo import todo_list
from mediateur.store.schema import beneficiary, event, partner
from mediateur.store.vault import Vault
from tests.support.vaults import VaultFactory

DAY = date(2026, 3, 16)


def fill(vault: Vault, seed: int = 7) -> None:
    with vault.unit_of_work() as uow:
        populate_demo(
            uow=uow, context=current_context(uow.session, vault.install_id), today=DAY, seed=seed
        )


def test_demo_programme_shape(vault: Vault) -> None:
    fill(vault)
    ref = reference_data()
    rive_droite = {i.slug for i in ref["qpv"].items if i.extra["rive_droite"]}
    with vault.session() as session:
        stats = compute_indicators(session).to_json()
        partners = session.execute(select(partner.c.id, partner.c.di_id, partner.c.telephone)).all()
        event_kinds = Counter(session.scalars(select(event.c.kind)))
        event_qpv = set(session.scalars(select(event.c.qpv)))
        names = session.execute(select(beneficiary.c.last_name, beneficiary.c.first_name)).all()
        referrals = list_referrals(session, today=DAY)
        histories = [list_referral_events(session, r.referral.id) for r in referrals]
        today_count = len(todays_contacts(session, day=DAY))
        todo = todo_list(session, today=DAY)
    assert len(partners) == 12  # resources/partners/rive-droite.json
    assert all(
        pid == str(uuid.uuid5(uuid.NAMESPACE_URL, "mediateur:partner:" + di))
        for pid, di, _ in partners
    )
    assert all(phone.startswith("05 36 49") for *_, phone in partners)  # ARCEP fiction range
    assert {"pied_immeuble", "block_party", "rallye_velo"} <= set(event_kinds)
    assert event_qpv <= rive_droite
    assert stats["contacts"]["total"] == 300
    assert len(stats["contacts"]["by_month"]) >= 8
    cohort = stats["cohort"]
    assert cohort["received"] == 100
    assert set(cohort["by_qpv"]) == rive_droite
    assert 10 <= cohort["pct_rsa"] <= 35
    assert 25 <= cohort["pct_under_25"] <= 50
    assert 45 <= cohort["pct_women"] <= 75
    assert cohort["exits"]["emploi_durable"] == 5
    assert sum(cohort["exits"].values()) == 16
    assert cohort["active"] == 84
    assert len(set(names)) == len(names)
    assert set(stats["referrals"]["by_status"]) == set(ref["referral_statuses"].slugs)
    assert partner_record_id("demo--plie") in {pid for pid, *_ in partners}
    transitions = ref.referral_transitions()
    for history in histories:
        assert history[0].from_status is None
        assert history[0].to_status == "brouillon"
        for before, after in pairwise(history):
            assert after.from_status == before.to_status
            assert after.to_status in transitions[before.to_status]
            assert after.at >= before.at
    assert today_count == 5
    assert {item.kind for item in todo} == {"follow_up", "referral"}


def test_same_seed_and_day_give_the_same_programme(
    vault_factory: VaultFactory, tmp_path: Path
) -> None:
    results = []
    for name in ("a", "b"):
        vault = vault_factory.open(tmp_path / name)
        try:
            fill(vault, seed=11)
            with vault.session() as session:
                results.append(compute_indicators(session).to_json())
        finally:
            vault.lock()
    assert results[0] == results[1]
