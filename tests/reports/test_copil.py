"""The steering-committee PDF, read back with pypdf: the programme's figures, small groups shown
"< 5" (and never recoverable by subtraction), no personal data anywhere in the document."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from mediateur.reports.breakdowns import programme_dashboard
from mediateur.reports.copil import build_copil_report
from mediateur.reports.suppression import (
    MASKED,
    SMALL,
    Cell,
    count_cell,
    protect_breakdown,
    share_cell,
)
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary, exit_cohort
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import current_context
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.store.vault import Vault

GENERATED = datetime(2026, 3, 16, 9, tzinfo=UTC)
# Carriet: a group of 3 people. Jean Jaurès is the smallest other group: it must be masked too,
# else 24 − 12 − 9 gives the 3 back.
PLAN = {"carriet": 3, "genicart_est": 12, "jean_jaures": 9}
CANARY_NAMES = ("Zorglubette", "Quetzalcoatl")
CANARY_PHONE = "06 39 98 77 41"
CANARY_EMAIL = "canari.secret@exemple.fr"
CANARY_TEXT = "Raconte sa situation familiale compliquée"


def _fill(vault: Vault) -> None:
    with vault.session() as session:
        context = current_context(session, vault.install_id)
    n = 0
    exiting: list[str] = []
    with vault.unit_of_work() as uow:
        partner_id = uow.create("partner", {"nom": "Mission Locale Rive Droite"})
        for qpv, count in PLAN.items():
            for _ in range(count):
                person = create_beneficiary(
                    uow=uow,
                    data=BeneficiaryInput(
                        last_name=CANARY_NAMES[0] + "abcdefghijklmnopqrstuvwx"[n],
                        first_name=CANARY_NAMES[1],
                        intake_date=date(2026, 2, 2) + timedelta(days=n % 20),
                        birth_date=date(1990, 1, 1),
                        gender="f" if n % 3 else "m",
                        phone=CANARY_PHONE,
                        email=CANARY_EMAIL,
                        address="7 impasse des Canaris",
                        qpv=qpv,
                        statuses=("rsa",) if n % 3 == 0 else (),
                        project=CANARY_TEXT,
                        referent_name="Joséphine Canarion",
                    ),
                    context=context,
                    allow_duplicate=True,
                    today=date(2026, 3, 16),
                )
                if qpv == "genicart_est" and len(exiting) < 11:
                    exiting.append(person)
                n += 1
            record_follow_up(
                uow=uow,
                data=FollowUpInput(
                    beneficiary_id=person,
                    occurred_at=GENERATED - timedelta(days=3),
                    kind="entretien",
                    summary=CANARY_TEXT,
                ),
                now=GENERATED,
            )
            create_referral(
                uow=uow,
                data=ReferralInput(
                    beneficiary_id=person, partner_id=partner_id, reason=CANARY_TEXT
                ),
                context=context,
                now=GENERATED,
            )
        # Exits of 11 Génicart people: 6 in lasting jobs, 3 in training, 2 dropped out.
        reasons = ["emploi_durable"] * 6 + ["formation_qualifiante"] * 3 + ["abandon"] * 2
        for exited, reason in zip(exiting, reasons, strict=True):
            exit_cohort(
                uow=uow,
                beneficiary_id=exited,
                exit_date=date(2026, 3, 10),
                exit_reason=reason,
                today=date(2026, 3, 16),
            )
        for day in range(6):
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=GENERATED - timedelta(days=day),
                    channel="porte_a_porte",
                    outcome="information",
                    qpv="genicart_est",
                    place="Devant le 12 rue des Canaris",
                    note=CANARY_TEXT,
                ),
                now=GENERATED,
            )


@pytest.fixture
def report(vault: Vault) -> tuple[bytes, list[str]]:
    _fill(vault)
    with vault.session() as session:
        pdf = build_copil_report(session, generated_at=GENERATED)
    reader = PdfReader(io.BytesIO(pdf))
    # Non-breaking spaces come back as plain ones.
    lines = [
        line.replace("\u00a0", " ").replace("\u202f", " ").strip()
        for page in reader.pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]
    return pdf, lines


def _after(lines: list[str], label: str, *, occurrence: int = 0) -> str:
    """The line printed right after the `occurrence`-th line equal to `label`."""
    positions = [i for i, line in enumerate(lines) if line == label]
    return lines[positions[occurrence] + 1]


def test_a_group_of_three_is_shown_as_less_than_five(report: tuple[bytes, list[str]]) -> None:
    _, lines = report
    assert _after(lines, "Carriet") == SMALL
    # The smallest other group is masked, or 24 − 12 − 9 would give the 3 back.
    assert _after(lines, "Jean Jaurès") == MASKED
    assert _after(lines, "Génicart Est") == "12"
    assert "3" not in lines, "the exact small count is printed somewhere"
    # The chart labels its bars like the table: the hidden ones never at their true value.
    assert lines.count(SMALL) >= 2
    assert lines.count(MASKED) >= 2


def test_the_cohort_table_holds_the_programme_figures(
    report: tuple[bytes, list[str]], vault: Vault
) -> None:
    _, lines = report
    with vault.session() as session:
        cohort = programme_dashboard(session).indicators.cohort
    assert cohort.received == 24
    assert _after(lines, "Bénéficiaires reçus sur la période") == "24"
    assert _after(lines, "Allocataires du RSA à l'entrée") == "33,3 %"  # 8 / 24
    assert _after(lines, "Femmes") == "66,7 %"  # 16 / 24
    assert _after(lines, "Moins de 25 ans à l'entrée") == "0,0 %"
    assert _after(lines, "Personnes accompagnées en fin de période") == "13"
    assert _after(lines, "Emploi durable (CDI ou CDD de 6 mois et plus)") == "6"
    assert _after(lines, "Formation qualifiante") == SMALL
    assert _after(lines, "Abandon") == SMALL
    assert _after(lines, "Déménagement") == "0"
    assert _after(lines, "Contacts sur la période") == "6"
    assert _after(lines, "Orientations créées sur la période") == SMALL


def test_no_personal_data_anywhere(report: tuple[bytes, list[str]]) -> None:
    pdf, lines = report
    text = "\n".join(lines)
    reader = PdfReader(io.BytesIO(pdf))
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    for secret in (
        *CANARY_NAMES,
        CANARY_PHONE,
        CANARY_PHONE.replace(" ", ""),
        CANARY_EMAIL,
        CANARY_TEXT,
        "Canari",
        "Joséphine",
    ):
        assert secret not in text
        assert secret not in metadata
        assert secret.encode() not in pdf


def test_an_empty_period_says_so(vault: Vault) -> None:
    _fill(vault)
    with vault.session() as session:
        pdf = build_copil_report(
            session, date_from=date(2020, 1, 1), date_to=date(2020, 12, 31), generated_at=GENERATED
        )
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Période : du 01/01/2020 au 31/12/2020" in text
    assert "Aucune donnée sur la période." in text
    assert "Aucune orientation sur la période." in text


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"a": 3, "b": 12, "c": 9}, {"a": SMALL, "b": "12", "c": MASKED}),
        ({"a": 3, "b": 2, "c": 9}, {"a": SMALL, "b": SMALL, "c": "9"}),
        ({"a": 1, "b": 5, "c": 6, "d": 40}, {"a": SMALL, "b": MASKED, "c": "6", "d": "40"}),
        ({"a": 0, "b": 5, "c": 7}, {"a": "0", "b": "5", "c": "7"}),
        ({"a": 4}, {"a": SMALL}),
        ({"a": 1200, "b": 6}, {"a": "1\u202f200", "b": "6"}),
    ],
)
def test_breakdowns_hide_small_cells_and_what_gives_them_back(
    counts: dict[str, int], expected: dict[str, str]
) -> None:
    cells = protect_breakdown(counts)
    assert {key: cell.text for key, cell in cells.items()} == expected
    hidden = [counts[key] for key, cell in cells.items() if cell.hidden]
    if sum(counts.values()) >= 5:
        assert not hidden or sum(hidden) >= 5


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (8, 24, Cell(33.3, "33,3\u00a0%")),
        (3, 24, Cell(None, SMALL)),
        (22, 24, Cell(None, MASKED)),  # the 2 others would be named as well
        (2, 3, Cell(None, MASKED)),
        (0, 24, Cell(0.0, "0,0\u00a0%")),
        (0, 0, Cell(0.0, "0,0\u00a0%")),
    ],
)
def test_shares_over_small_groups_are_hidden(count: int, total: int, expected: Cell) -> None:
    assert share_cell(count, total) == expected


def test_counts_on_their_own() -> None:
    assert [count_cell(n).text for n in (0, 1, 4, 5, 12345)] == [
        "0",
        SMALL,
        SMALL,
        "5",
        "12\u202f345",
    ]
