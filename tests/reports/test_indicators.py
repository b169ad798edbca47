"""Indicators exactly as `stats --json` defines them (DESIGN.md §9): a known table imported
through the CLI, rounding, periods in Paris time, people active at the end of a period."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mediateur.cli import main
from mediateur.reports.indicators import compute_indicators, percentage, under_25
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary, exit_cohort
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import current_context
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.store.vault import Vault
from tests.reports import known_cohort
from tests.support.vaults import PASSPHRASE, VaultFactory

NOW = datetime(2026, 3, 16, 12, tzinfo=UTC)


@pytest.fixture
def profile(vault_factory: VaultFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MEDIATEUR_PASSPHRASE", PASSPHRASE)
    return vault_factory.copy(tmp_path / "profile")


def stats(profile: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["stats", "--json", "--profile", str(profile), *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_known_cohort_file_gives_the_known_table(
    profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = known_cohort.write(tmp_path / "cohorte-97.csv")
    assert main(["import", str(path), "--profile", str(profile)]) == 0
    assert stats(profile, capsys) == known_cohort.EXPECTED


def test_period_of_the_known_cohort(
    profile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(known_cohort.write(tmp_path / "c.csv")), "--profile", str(profile)])
    # Intakes every 3 days from 06/01/2025: indices 0–8 but 4 (28/02) fall in January.
    january = stats(profile, capsys, "--from", "2025-01-01", "--to", "2025-01-31")["cohort"]
    assert january == {
        "received": 8,
        "pct_rsa": 25.0,  # indices 0 and 5
        "pct_under_25": 75.0,  # indices 1, 3, 5, 6, 7, 8
        "pct_women": 100.0,
        "by_qpv": {"genicart_est": 8},
        "exits": {},
        "active": 8,  # everyone received by 31/01 (index 4 comes in February)
        "unknown": {"age": 0, "gender": 0},
    }
    # Exits 60 days after intake: index 10 leaves on 06/04, indices 11–17 after 08/04.
    april = stats(profile, capsys, "--from", "2025-04-08", "--to", "2025-04-30")["cohort"]
    assert april["exits"] == {"emploi_durable": 4, "formation_qualifiante": 2, "abandon": 1}


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (1, 8, 12.5),
        (1, 16, 6.3),
        (3, 16, 18.8),
        (2, 3, 66.7),
        (0, 5, 0.0),
        (0, 0, 0.0),
        (19, 97, 19.6),
    ],
)
def test_percentages_round_half_up_to_one_decimal(count: int, total: int, expected: float) -> None:
    assert percentage(count, total) == expected


def test_under_25_reads_the_birth_date_else_the_age_band() -> None:
    young = frozenset({"moins_16", "16_24"})
    assert under_25(date(2001, 3, 3), date(2026, 3, 2), "25_44", young) is True
    assert under_25(date(2001, 3, 2), date(2026, 3, 2), "16_24", young) is False
    assert under_25(None, date(2026, 3, 2), "16_24", young) is True
    assert under_25(None, date(2026, 3, 2), "45_54", young) is False
    assert under_25(None, date(2026, 3, 2), "nr", young) is None
    assert under_25(None, date(2026, 3, 2), None, young) is None


def test_months_are_paris_months_in_winter_and_summer(vault: Vault) -> None:
    moments = {
        datetime(2026, 5, 31, 21, 59, tzinfo=UTC): "2026-05",  # 23:59 in Paris (UTC+2)
        datetime(2026, 5, 31, 22, 0, tzinfo=UTC): "2026-06",  # midnight, 1 June
        datetime(2026, 3, 29, 22, 30, tzinfo=UTC): "2026-03",  # 30 March 00:30: same month
        datetime(2025, 12, 31, 23, 0, tzinfo=UTC): "2026-01",  # New Year in Paris (UTC+1)
        datetime(2026, 2, 28, 22, 59, tzinfo=UTC): "2026-02",
    }
    with vault.unit_of_work() as uow:
        for moment in moments:
            record_contact(
                uow=uow,
                data=ContactInput(occurred_at=moment, channel="autre", outcome="information"),
                now=datetime(2026, 7, 1, tzinfo=UTC),
            )
    with vault.session() as session:
        by_month = compute_indicators(session).contacts.by_month
        june = compute_indicators(session, date_from=date(2026, 6, 1), date_to=date(2026, 6, 30))
    assert by_month == {"2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-05": 1, "2026-06": 1}
    assert june.contacts.total == 1


def test_contacts_referrals_and_activity_by_period(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        context = current_context(uow.session, vault.install_id)
        partner = uow.create("partner", {"nom": "PLIE"})
        for moment, qpv, channel in (
            (datetime(2026, 1, 31, 22, 59, tzinfo=UTC), "carriet", "pied_immeuble"),  # 23:59 Paris
            (datetime(2026, 1, 31, 23, 0, tzinfo=UTC), "carriet", "evenement"),  # 1 Feb in Paris
            (datetime(2026, 2, 10, 9, 0, tzinfo=UTC), None, "evenement"),
        ):
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=moment, channel=channel, outcome="information", qpv=qpv
                ),
                now=NOW,
            )
        person = create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(last_name="Sow", first_name="Issa", intake_date=date(2026, 1, 5)),
            today=date(2026, 3, 16),
        )
        exit_cohort(
            uow=uow,
            beneficiary_id=person,
            exit_date=date(2026, 2, 15),
            exit_reason="emploi_court",
            today=date(2026, 3, 16),
        )
        create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner, beneficiary_id=person),
            context=context,
            now=NOW,
        )
    with vault.session() as session:
        everything = compute_indicators(session).to_json()
        january = compute_indicators(
            session, date_from=date(2026, 1, 1), date_to=date(2026, 1, 31)
        ).to_json()
        february = compute_indicators(
            session, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)
        ).to_json()
    assert everything["contacts"] == {
        "total": 3,
        "by_qpv": {"carriet": 2, "inconnu": 1},
        "by_channel": {"pied_immeuble": 1, "evenement": 2},
        "by_outcome": {"information": 3},
        "by_month": {"2026-01": 1, "2026-02": 2},
    }
    assert january["contacts"]["total"] == 1
    assert february["contacts"]["by_month"] == {"2026-02": 2}
    # Created today: referrals count by creation date.
    assert everything["referrals"] == {"total": 1, "by_status": {"brouillon": 1}}
    assert january["referrals"] == {"total": 0, "by_status": {}}
    # Active at the end of January, exited by the end of February.
    assert (january["cohort"]["active"], january["cohort"]["received"]) == (1, 1)
    assert (february["cohort"]["active"], february["cohort"]["received"]) == (0, 0)
    assert february["cohort"]["exits"] == {"emploi_court": 1}
    assert everything["cohort"]["unknown"] == {"age": 1, "gender": 1}
