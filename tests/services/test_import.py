"""Import of cohort spreadsheets: encodings, separators, headers, Excel cells, line numbers,
all-or-nothing, skipping invalid rows, and re-import without duplicates."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from mediateur.services.beneficiaries import get_beneficiary, list_beneficiaries
from mediateur.services.errors import ServiceError
from mediateur.services.importer import ImportRejected, ImportReport, import_sheet
from mediateur.services.spreadsheet import SheetError, read_sheet
from mediateur.store.vault import Vault
from tests.services.helpers import TODAY, count_rows

HEADERS = [
    "nom",
    "prenom",
    "date_naissance",
    "genre",
    "telephone",
    "code_postal",
    "commune",
    "qpv",
    "statuts",
    "freins",
    "date_entree",
]
ROW = [
    "Benali",
    "Inès",
    "14/05/2001",
    "F",
    "06 12 34 56 78",
    "33310",
    "Lormont",
    "Génicart Est",
    "rsa;inscrit_ft",
    "mobilite:fort;sante:moyen",
    "02/03/2026",
]


def write_csv(
    path: Path,
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ";",
    bom: bool = False,
) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(vault: Vault, path: Path, *, skip_invalid: bool = False) -> ImportReport:
    with vault.unit_of_work() as uow:
        return import_sheet(uow=uow, sheet=read_sheet(path), skip_invalid=skip_invalid, today=TODAY)


def people(vault: Vault) -> list[Any]:
    with vault.session() as session:
        return [get_beneficiary(session, p.id) for p in list_beneficiaries(session)]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [
        ("utf-8", ";", True),
        ("utf-8", ";", False),
        ("utf-8", ",", True),
        ("cp1252", ";", False),
        ("cp1252", ",", False),
    ],
)
def test_csv_as_excel_writes_it(
    vault: Vault, tmp_path: Path, encoding: str, delimiter: str, bom: bool
) -> None:
    path = write_csv(
        tmp_path / "cohorte.csv", [HEADERS, ROW], encoding=encoding, delimiter=delimiter, bom=bom
    )
    report = run(vault, path)
    assert (report.rows, report.imported) == (1, 1)
    [person] = people(vault)
    assert (person.last_name, person.first_name, person.birth_date) == (
        "Benali",
        "Inès",
        date(2001, 5, 14),
    )
    assert (person.qpv, person.statuses, person.barriers) == (
        "genicart_est",
        ("rsa", "inscrit_ft"),
        {"mobilite": "fort", "sante": "moyen"},
    )
    assert (person.phone, person.intake_date, person.age_band) == (
        "06 12 34 56 78",
        date(2026, 3, 2),
        "16_24",
    )


def test_headers_are_matched_whatever_their_case_accents_and_spelling(
    vault: Vault, tmp_path: Path
) -> None:
    headers = [
        "NOM",
        "Prénom",
        "Date de naissance",
        "Sexe",
        "Téléphone",
        "Code Postal",
        "Ville",
        "QPV",
        "Statuts",
        "Freins",
        "Date d'entrée",
        "E-mail",
        "Référent",
    ]
    row = [
        "Diallo",
        "Awa",
        "1990-01-31",
        "femme",
        "+33 7 11 22 33 44",
        "33 310",
        "LORMONT",
        "genicart-est",
        "Allocataire du RSA",
        "Mobilité:FORT",
        "2026-03-01",
        "awa@exemple.fr",
        "Julie Marchand",
    ]
    run(vault, write_csv(tmp_path / "c.csv", [headers, row]))
    [person] = people(vault)
    assert (person.gender, person.phone, person.postcode, person.qpv) == (
        "f",
        "07 11 22 33 44",
        "33310",
        "genicart_est",
    )
    assert (person.statuses, person.barriers, person.email) == (
        ("rsa",),
        {"mobilite": "fort"},
        "awa@exemple.fr",
    )
    assert (person.referent_name, person.referent_user_id) == ("Julie Marchand", None)


def test_xlsx_date_cells_and_numbers_typed_in_cells(vault: Vault, tmp_path: Path) -> None:
    rows = [
        HEADERS,
        [
            "Benali",
            "Inès",
            datetime(2001, 5, 14),
            "F",
            612345678,
            33310,
            "Lormont",
            "genicart_est",
            "rsa",
            None,
            date(2026, 3, 2),
        ],
        ["Sow", "Issa", 32874, "M", "0556123456", 33150, "Cenon", None, None, None, "2026-03-03"],
    ]
    report = run(vault, write_xlsx(tmp_path / "cohorte.xlsx", rows))
    assert report.imported == 2
    by_name = {p.last_name: p for p in people(vault)}
    assert (by_name["Benali"].birth_date, by_name["Benali"].phone, by_name["Benali"].postcode) == (
        date(2001, 5, 14),
        "06 12 34 56 78",
        "33310",
    )
    # 32874 is how an unformatted cell shows 1990-01-01.
    assert by_name["Sow"].birth_date == date(1990, 1, 1)
    assert by_name["Sow"].intake_date == date(2026, 3, 3)


def test_empty_lines_are_skipped_and_lines_numbered_as_the_spreadsheet_shows(
    vault: Vault, tmp_path: Path
) -> None:
    bad = ROW.copy()
    bad[4] = "06 12"
    rows = [HEADERS, ROW, [], ["", " ", ""], ["Diallo", "Awa", *bad[2:]]]
    with pytest.raises(ImportRejected) as rejected:
        run(vault, write_csv(tmp_path / "c.csv", rows))
    [error] = rejected.value.errors
    assert str(error) == (
        "ligne 5, colonne « telephone » : numéro de téléphone français attendu (fixe ou mobile), "
        "par exemple 06 12 34 56 78 ou +33 6 12 34 56 78."
    )
    assert count_rows(vault, "beneficiary", deleted=None) == 0


def one_thousand_rows(bad_line: int) -> list[list[Any]]:
    rows: list[list[Any]] = [HEADERS]
    for n in range(2, 1002):
        first = "".join(chr(ord("a") + int(d)) for d in str(n)).capitalize()
        row = [
            "Martin",
            first,
            f"{(n % 28) + 1:02d}/0{(n % 9) + 1}/1985",
            "M",
            "",
            "33150",
            "Cenon",
            "",
            "",
            "",
            "01/02/2026",
        ]
        if n == bad_line:
            row[2] = "31/02/1985"
        rows.append(row)
    return rows


def test_one_bad_row_among_1000_imports_nothing_and_names_its_line(
    vault: Vault, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "mille.csv", one_thousand_rows(bad_line=517))
    with pytest.raises(ImportRejected) as rejected:
        run(vault, path)
    assert str(rejected.value) == (
        "Import annulé, rien n'a été importé : 1 ligne(s) invalide(s) sur 1000.\n"
        "ligne 517, colonne « date_naissance » : date invalide : JJ/MM/AAAA ou AAAA-MM-JJ attendu."
    )
    assert count_rows(vault, "beneficiary", deleted=None) == 0


def test_skip_invalid_imports_the_valid_rows_and_reports_the_others(
    vault: Vault, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "mille.csv", one_thousand_rows(bad_line=517))
    report = run(vault, path, skip_invalid=True)
    assert (report.rows, report.imported, report.has_warnings) == (1000, 999, True)
    assert [(e.line, e.column) for e in report.skipped] == [(517, "date_naissance")]
    assert count_rows(vault, "beneficiary") == 999


def test_reimporting_the_same_file_adds_nobody(vault: Vault, tmp_path: Path) -> None:
    second = [
        "Diallo",
        "Awa",
        "",
        "F",
        "07 11 22 33 44",
        "33150",
        "Cenon",
        "",
        "",
        "",
        "01/03/2026",
    ]
    again = ["DIALLO", "awa", "", "", "+33711223344", "", "", "", "", "", "05/03/2026"]
    path = write_csv(tmp_path / "c.csv", [HEADERS, ROW, second, again])
    first = run(vault, path)
    assert (first.imported, first.duplicates_in_file) == (2, (4,))
    repeat = run(vault, path)
    assert (repeat.imported, repeat.already_present, repeat.duplicates_in_file) == (
        0,
        (2, 3, 4),
        (),
    )
    assert count_rows(vault, "beneficiary") == 2


def test_every_cell_error_of_a_row_is_reported(vault: Vault, tmp_path: Path) -> None:
    row = [
        "Benali",
        "",
        "14/05/2001",
        "femelle",
        "06 12 34 56 78",
        "333",
        "Lormont",
        "Mérignac centre",
        "rsa;chomage",
        "mobilite",
        "02/03/2026",
    ]
    with pytest.raises(ImportRejected) as rejected:
        run(vault, write_csv(tmp_path / "c.csv", [HEADERS, row]))
    assert [str(e) for e in rejected.value.errors] == [
        "ligne 2, colonne « prenom » : champ obligatoire.",
        "ligne 2, colonne « genre » : F, M ou X attendu (ou femme, homme, autre).",
        "ligne 2, colonne « code_postal » : code postal à 5 chiffres attendu (exemple : 33310).",
        "ligne 2, colonne « qpv » : QPV inconnu : donnez son code ou son libellé exact.",
        "ligne 2, colonne « statuts » : statut n° 2 inconnu (codes possibles : rsa, ass, aah, are, "
        "sans_ressources, inscrit_ft, rqth, parent_isole, neet, deld, detld).",
        "ligne 2, colonne « freins » : frein n° 1 : intensité attendue après « : » (fort, moyen, "
        "sans_impact), par exemple mobilite:fort.",
    ]


def test_columns_are_checked_before_any_row(vault: Vault, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        [["Nom", "Prenom", "Observations", "nom de famille"], ["A", "B", "", ""]],
    )
    with pytest.raises(ImportRejected) as rejected:
        run(vault, path)
    messages = [str(e) for e in rejected.value.errors]
    assert messages[0].startswith(
        "ligne 1 (en-têtes) : colonne « Observations » inconnue (colonnes reconnues : nom, prenom,"
    )
    assert messages[1:] == [
        "ligne 1 (en-têtes) : la colonne « nom » apparaît deux fois.",
        "ligne 1 (en-têtes) : colonne(s) obligatoire(s) absente(s) : date_entree.",
    ]


def test_exit_columns_and_neutralised_cells(vault: Vault, tmp_path: Path) -> None:
    rows = [
        [*HEADERS, "date_sortie", "motif_sortie"],
        ["'=Dupont", *ROW[1:], "10/03/2026", "Emploi durable (CDI ou CDD de 6 mois et plus)"],
    ]
    run(vault, write_csv(tmp_path / "c.csv", rows))
    [person] = people(vault)
    assert person.last_name == "=Dupont"
    assert (person.status, person.exit_date, person.exit_reason) == (
        "sorti",
        date(2026, 3, 10),
        "emploi_durable",
    )


def test_files_that_cannot_be_read(vault: Vault, tmp_path: Path) -> None:
    old_excel = tmp_path / "cohorte.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SheetError, match=r"Format « \.xls » non pris en charge"):
        read_sheet(old_excel)
    with pytest.raises(SheetError, match="Fichier introuvable"):
        read_sheet(tmp_path / "absent.csv")
    broken = tmp_path / "casse.xlsx"
    broken.write_bytes(b"pas un classeur")
    with pytest.raises(SheetError, match=r"Classeur \.xlsx illisible"):
        read_sheet(broken)
    empty = write_csv(tmp_path / "vide.csv", [HEADERS])
    with pytest.raises(ServiceError, match="aucune ligne de données"):
        run(vault, empty)
    headless = write_csv(tmp_path / "sans-entete.csv", [[], ROW])
    with pytest.raises(SheetError, match="première ligne"):
        read_sheet(headless)


def test_an_erased_person_is_never_brought_back_by_an_older_export(
    vault: Vault, tmp_path: Path
) -> None:
    from mediateur.reports.exports import export_to_file
    from mediateur.services.rights import erase_beneficiary

    run(vault, write_csv(tmp_path / "c.csv", [HEADERS, ROW, ["Diallo", "Awa", *ROW[2:]]]))
    export = tmp_path / "export.csv"
    with vault.session() as session:
        export_to_file(session, kind="beneficiaries", file_format="csv", path=export)
        erased = next(p.id for p in list_beneficiaries(session) if p.last_name == "Diallo")
    with vault.unit_of_work() as uow:
        erase_beneficiary(uow=uow, beneficiary_id=erased)
    report = run(vault, export)
    assert (report.imported, report.already_present, report.withdrawn) == (0, (2,), (3,))
    assert [p.last_name for p in people(vault)] == ["Benali"]


def test_referents_are_matched_to_the_cached_directory(vault: Vault, tmp_path: Path) -> None:
    from sqlalchemy import insert

    from mediateur.services.context import referents_by_name, user_names
    from mediateur.store.schema import directory_user

    julie = "0190a000-0000-7000-8000-000000000001"
    with vault.unit_of_work() as uow:
        uow.session.execute(
            insert(directory_user),
            [
                {
                    "id": julie,
                    "display_name": "Julie Marchand",
                    "organisation_id": julie,
                    "role": "mediator",
                },
                {
                    "id": "0190a000-0000-7000-8000-000000000002",
                    "display_name": "Awa Diop",
                    "organisation_id": julie,
                    "role": "mediator",
                },
                {
                    "id": "0190a000-0000-7000-8000-000000000003",
                    "display_name": "Awa Diop",
                    "organisation_id": julie,
                    "role": "manager",
                },
            ],
        )
    headers = [*HEADERS, "referent"]
    rows = [headers, [*ROW, "julie MARCHAND"], ["Diallo", "Awa", *ROW[2:], "Awa Diop"]]
    with vault.unit_of_work() as uow:
        referents = referents_by_name(user_names(uow.session))
        import_sheet(
            uow=uow,
            sheet=read_sheet(write_csv(tmp_path / "c.csv", rows)),
            referents=referents,
            today=TODAY,
        )
    by_name = {p.last_name: p for p in people(vault)}
    assert (by_name["Benali"].referent_user_id, by_name["Benali"].referent_name) == (julie, None)
    # Two users share this name: kept as a name rather than guessed.
    assert (by_name["Diallo"].referent_user_id, by_name["Diallo"].referent_name) == (
        None,
        "Awa Diop",
    )
