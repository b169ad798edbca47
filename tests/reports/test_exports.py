"""CSV and XLSX exports: formula injection neutralised without touching phone numbers, and the
beneficiaries export re-imported into another profile gives the same people."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mediateur.reports.exports import (
    beneficiaries_table,
    contacts_table,
    export_to_file,
    neutralise,
    referrals_table,
    to_csv,
    to_xlsx,
)
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    exit_cohort,
    get_beneficiary,
    list_beneficiaries,
)
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import current_context
from mediateur.services.importer import import_sheet
from mediateur.services.referrals import ReferralInput, create_referral
from mediateur.services.spreadsheet import read_sheet
from mediateur.store.vault import Vault
from tests.support.vaults import VaultFactory

NOW = datetime(2026, 3, 16, 12, tzinfo=UTC)
TODAY = date(2026, 3, 16)
DANGEROUS = [
    '=HYPERLINK("http://exemple.invalid","clic")',
    "@SUM(A1:A2)",
    "-2+3+cmd|' /C calc'!A0",
    "+A1",
    "=1+1",  # a leading tab is trimmed by the form before anything is stored
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+A1", "'+A1"),
        ("-A1", "'-A1"),
        ("+", "'+"),
        ("\tcalc", "'\tcalc"),
        ("\rcalc", "'\rcalc"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("-5", "-5"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+1+SUM(A1:A9)", "'+1+SUM(A1:A9)"),
        ("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        ("+33 6 12 34 56 78 (sa sœur)", "+33 6 12 34 56 78 (sa sœur)"),
        ("06 12 34 56 78", "06 12 34 56 78"),
        ("Benali", "Benali"),
        ("", ""),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


@pytest.fixture
def recorded(vault: Vault) -> Vault:
    with vault.unit_of_work() as uow:
        notes = [*DANGEROUS, "+33 6 12 34 56 78 (sa sœur)"]
        for minute, note in enumerate(notes):
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=datetime(2026, 3, 2, 9, minute, tzinfo=UTC),
                    channel="pied_immeuble",
                    outcome="information",
                    note=note,
                ),
                now=NOW,
            )
    return vault


def test_csv_export_is_inert_in_a_spreadsheet_and_keeps_phones(recorded: Vault) -> None:
    with recorded.session() as session:
        data = to_csv(contacts_table(session))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    notes = [row[rows[0].index("note")] for row in rows[1:]]
    assert notes == [*("'" + text for text in DANGEROUS), "+33 6 12 34 56 78 (sa sœur)"]
    assert rows[1][rows[0].index("date_heure")] == "02/03/2026 10:00"  # Paris time


def test_xlsx_export_holds_no_formula(recorded: Vault, tmp_path: Path) -> None:
    with recorded.session() as session:
        data = to_xlsx(contacts_table(session))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    header = [cell.value for cell in next(sheet.iter_rows())]
    notes = [row[header.index("note")].value for row in sheet.iter_rows(min_row=2)]
    assert notes == [*("'" + text for text in DANGEROUS), "+33 6 12 34 56 78 (sa sœur)"]
    occurred = sheet.cell(row=2, column=header.index("date_heure") + 1)
    assert occurred.value == datetime(2026, 3, 2, 10, 0)
    assert occurred.number_format == "DD/MM/YYYY HH:MM"


def _cohort(vault: Vault) -> None:
    people = [
        BeneficiaryInput(
            last_name="=Dupont",
            first_name="Zoë",
            birth_date=date(2001, 5, 14),
            gender="f",
            phone="+33 6 12 34 56 78",
            email="zoe.dupont@exemple.fr",
            address="12 rue des Iris",
            postcode="33310",
            commune="Lormont",
            qpv="genicart_est",
            statuses=("rsa", "inscrit_ft"),
            education_level="3",
            barriers={"mobilite": "fort", "sante": "sans_impact"},
            intake_date=date(2026, 1, 5),
            referent_name="Julie Marchand",
        ),
        BeneficiaryInput(
            last_name="N'Diaye",
            first_name="Mamadou",
            gender="m",
            intake_date=date(2026, 2, 1),
            age_band="25_44",
        ),
        BeneficiaryInput(
            last_name="Le Gall",
            first_name="Hélène",
            gender="nr",
            birth_date=date(1970, 2, 28),
            qpv="benauge_sellier_lagrange_beausite",
            commune="Bordeaux",
            intake_date=date(2026, 2, 2),
        ),
    ]
    with vault.unit_of_work() as uow:
        ids = [create_beneficiary(uow=uow, data=p, today=TODAY) for p in people]
        exit_cohort(
            uow=uow,
            beneficiary_id=ids[2],
            exit_date=date(2026, 3, 1),
            exit_reason="emploi_durable",
            today=TODAY,
        )


IMPORTED_FIELDS = (
    "last_name", "first_name", "birth_date", "gender", "phone", "email", "address", "postcode",
    "commune", "qpv", "statuses", "education_level", "barriers", "intake_date", "referent_name",
    "status", "exit_date", "exit_reason", "age_band",
)  # fmt: skip


def _people(vault: Vault) -> list[tuple[object, ...]]:
    with vault.session() as session:
        found = [get_beneficiary(session, p.id) for p in list_beneficiaries(session)]
    return [tuple(getattr(p, name) for name in IMPORTED_FIELDS) for p in found]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_beneficiaries_export_reimports_into_another_profile(
    vault: Vault, vault_factory: VaultFactory, tmp_path: Path, file_format: str
) -> None:
    _cohort(vault)
    path = tmp_path / f"beneficiaires.{file_format}"
    with vault.session() as session:
        assert (
            export_to_file(session, kind="beneficiaries", file_format=file_format, path=path) == 3
        )  # type: ignore[arg-type]
    assert path.stat().st_mode & 0o077 == 0  # owner only
    other = vault_factory.open(tmp_path / "other")
    try:
        with other.unit_of_work() as uow:
            report = import_sheet(uow=uow, sheet=read_sheet(path), today=TODAY)
        assert report.imported == 3
        assert _people(other) == _people(vault)
        with other.unit_of_work() as uow:  # and once there, it does not come twice
            again = import_sheet(uow=uow, sheet=read_sheet(path), today=TODAY)
        assert (again.imported, len(again.already_present)) == (0, 3)
    finally:
        other.lock()


def test_referrals_export(vault: Vault) -> None:
    _cohort(vault)
    with vault.unit_of_work() as uow:
        partner = uow.create("partner", {"nom": "PLIE des Hauts de Garonne"})
        person = list_beneficiaries(uow.session)[0].id
        made = create_referral(
            uow=uow,
            data=ReferralInput(
                partner_id=partner,
                beneficiary_id=person,
                reason="@atelier CV",
                barrier_codes=("mobilite",),
            ),
            context=current_context(uow.session, vault.install_id),
            now=NOW,
        )
    with vault.session() as session:
        table = referrals_table(session)
        beneficiaries = beneficiaries_table(session)
    [row] = table.rows
    record = dict(zip(table.headers, row, strict=True))
    assert (record["numero"], record["statut"], record["partenaire"]) == (
        made.number,
        "Brouillon",
        "PLIE des Hauts de Garonne",
    )
    # Paris wall-clock time without zone, as a spreadsheet cell holds it.
    assert record["creee_le"].tzinfo is None
    assert abs(record["creee_le"] - datetime.now()) < timedelta(hours=3)
    assert (record["freins"], record["motif"]) == ("mobilite", "@atelier CV")
    assert neutralise(record["motif"]) == "'@atelier CV"
    assert len(beneficiaries.rows) == 3
