"""CSV and XLSX exports of contacts, beneficiaries and referrals, and of the managers' contact
log as filtered on screen.

Cells that a spreadsheet would run as a formula (starting with `=`, `@`, a tab or carriage
return, or `+`/`-` not followed by a digit) are prefixed with an apostrophe, so `+33 6 12 34 56 78`
and `-5` stay intact; a cell starting with `+`/`-` and a digit is neutralised too when it carries
what only a formula holds (`=`, `|`, `!`, `@`, or a function call such as `SUM(`), which stops
`-2+3+cmd|' /C calc'!A0`. The import strips that apostrophe again. The beneficiaries export uses the
import's columns and labels, so it re-imports as it is; anonymised people have no identity left
and appear only in the indicators. CSV files are written as French Excel reads them: UTF-8 with a
BOM, `;` separated. Files are written atomically, readable by their owner only.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.contact_log import LogFilter, iter_entries
from mediateur.store.atomic import write_atomically
from mediateur.store.schema import beneficiary, contact, event, partner, referral

ExportKind = Literal["contacts", "beneficiaries", "referrals"]
ExportFormat = Literal["csv", "xlsx"]
KINDS: tuple[ExportKind, ...] = ("contacts", "beneficiaries", "referrals")
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx")

_DANGEROUS_FIRST = ("=", "@", "\t", "\r")
_FORMULA_INSIDE = re.compile(r"[=|!@]|[A-Za-z_]\s*\(")
_DAY_FORMAT = "DD/MM/YYYY"
_MOMENT_FORMAT = "DD/MM/YYYY HH:MM"
_GENDER_LETTERS = {"f": "F", "m": "M", "x": "X", "nr": "NR"}


@dataclass(frozen=True, slots=True)
class ExportTable:
    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def neutralise(text: str) -> str:
    """`text` made inert for a spreadsheet (see the module docstring)."""
    if not text:
        return text
    first = text[0]
    if first in _DANGEROUS_FIRST:
        return "'" + text
    if first in "+-":
        number_like = len(text) > 1 and text[1].isdigit()
        if not number_like or _FORMULA_INSIDE.search(text):
            return "'" + text
    return text


def _codes(values: Iterable[str] | None) -> str:
    return ";".join(values or ())


def _barriers(values: Mapping[str, str] | None) -> str:
    return ";".join(f"{k}:{v}" for k, v in (values or {}).items())


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("oui" if value else "non")


def _local(moment: datetime | None) -> datetime | None:
    """Paris wall-clock time without zone: what a spreadsheet cell holds."""
    return moment.astimezone(clock.PARIS).replace(tzinfo=None) if moment else None


def beneficiaries_table(
    session: Session, *, user_names: Mapping[str, str] | None = None
) -> ExportTable:
    """The cohort in the import format (DESIGN.md §9), plus id, exit and age band."""
    ref = reference_data()
    names = user_names or {}
    rows = session.execute(
        select(beneficiary)
        .where(beneficiary.c.deleted.is_(False), beneficiary.c.anonymised_at.is_(None))
        .order_by(beneficiary.c.intake_date, beneficiary.c.last_name, beneficiary.c.first_name)
    ).mappings()

    def label(list_name: str, slug: str | None) -> str:
        return ref.label(list_name, slug) if slug else ""

    return ExportTable(
        name="beneficiaires",
        headers=(
            "id",
            "nom",
            "prenom",
            "date_naissance",
            "genre",
            "telephone",
            "email",
            "adresse",
            "code_postal",
            "commune",
            "qpv",
            "statuts",
            "niveau_formation",
            "freins",
            "date_entree",
            "referent",
            "date_sortie",
            "motif_sortie",
            "tranche_age",
        ),
        rows=tuple(
            (
                r["id"],
                r["last_name"],
                r["first_name"],
                r["birth_date"],
                _GENDER_LETTERS.get(r["gender"] or "", ""),
                r["phone"],
                r["email"],
                r["address"],
                r["postcode"],
                r["commune"],
                label("qpv", r["qpv"]),
                _codes(r["statuses"]),
                label("education_levels", r["education_level"]),
                _barriers(r["barriers"]),
                r["intake_date"],
                r["referent_name"] or names.get(r["referent_user_id"] or "", ""),
                r["exit_date"],
                label("exit_reasons", r["exit_reason"]),
                label("age_bands", r["age_band"]),
            )
            for r in rows
        ),
    )


_CONTACT_HEADERS = (
    "id",
    "date_heure",
    "evenement",
    "qpv",
    "lieu",
    "canal",
    "anonyme",
    "beneficiaire_id",
    "genre",
    "tranche_age",
    "statuts",
    "themes",
    "suite_donnee",
    "orientation_id",
    "suivi_souhaite",
    "note",
    "revue",
    "commentaire_revue",
)


def _contact_cells(r: Mapping[str, Any] | RowMapping) -> tuple[Any, ...]:
    ref = reference_data()

    def label(list_name: str, slug: str | None) -> str:
        return ref.label(list_name, slug) if slug else ""

    return (
        r["id"],
        _local(r["occurred_at"]),
        r["event_title"],
        label("qpv", r["qpv"]),
        r["place"],
        label("channels", r["channel"]),
        _yes_no(r["anonymous"]),
        r["beneficiary_id"],
        _GENDER_LETTERS.get(r["gender"] or "", ""),
        label("age_bands", r["age_band"]),
        _codes(r["statuses"]),
        _codes(r["themes"]),
        label("outcomes", r["outcome"]),
        r["referral_id"],
        _yes_no(r["follow_up_wanted"]),
        r["note"],
        label("review_statuses", r["review_status"]),
        r["review_comment"],
    )


def contacts_table(session: Session) -> ExportTable:
    rows = session.execute(
        select(contact, event.c.title.label("event_title"))
        .outerjoin(event, event.c.id == contact.c.event_id)
        .where(contact.c.deleted.is_(False))
        .order_by(contact.c.occurred_at)
    ).mappings()
    return ExportTable(
        name="contacts",
        headers=_CONTACT_HEADERS,
        rows=tuple(_contact_cells(r) for r in rows),
    )


def contact_log_table(session: Session, filters: LogFilter) -> ExportTable:
    """The managers' contact log as filtered on screen, in its order: the contacts export's
    columns, then who recorded each contact (as the log names them) and who reviewed it when."""
    return ExportTable(
        name="journal_contacts",
        headers=(*_CONTACT_HEADERS, "saisi_par", "revu_par", "revu_le"),
        rows=tuple(
            (
                *_contact_cells(dataclasses.asdict(entry)),
                entry.author,
                entry.reviewer,
                _local(entry.reviewed_at),
            )
            for entry in iter_entries(session, filters)
        ),
    )


def referrals_table(session: Session) -> ExportTable:
    ref = reference_data()
    rows = session.execute(
        select(referral, partner.c.nom.label("partner_name"))
        .outerjoin(partner, partner.c.id == referral.c.partner_id)
        .where(referral.c.deleted.is_(False))
        .order_by(referral.c.created_at)
    ).mappings()

    def label(list_name: str, slug: str | None) -> str:
        return ref.label(list_name, slug) if slug else ""

    return ExportTable(
        name="orientations",
        headers=(
            "id",
            "numero",
            "creee_le",
            "statut",
            "partenaire",
            "service_id",
            "beneficiaire_id",
            "contact_id",
            "freins",
            "motif",
            "rendez_vous",
            "prise_de_contact",
            "motif_refus",
            "imprimee_le",
        ),
        rows=tuple(
            (
                r["id"],
                r["number"],
                _local(r["created_at"]),
                label("referral_statuses", r["status"]),
                r["partner_name"],
                r["service_id"],
                r["beneficiary_id"],
                r["contact_id"],
                _codes(r["barrier_codes"]),
                r["reason"],
                _local(r["appointment_at"]),
                label("expected_contacts", r["expected_contact"]),
                label("refusal_reasons", r["refusal_reason"]),
                _local(r["printed_at"]),
            )
            for r in rows
        ),
    )


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return neutralise(str(value))


def to_csv(table: ExportTable) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def to_xlsx(table: ExportTable) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = table.name
    sheet.append(table.headers)
    for row_index, row in enumerate(table.rows, start=2):
        for column_index, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_index, column=column_index)
            if isinstance(value, datetime):
                cell.value = value
                cell.number_format = _MOMENT_FORMAT
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = _DAY_FORMAT
            elif value is not None:
                cell.value = neutralise(str(value))
                # openpyxl turns any text starting with "=" into a formula: keep it text.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(table: ExportTable, file_format: ExportFormat) -> bytes:
    return to_xlsx(table) if file_format == "xlsx" else to_csv(table)


def export_to_file(
    session: Session,
    *,
    kind: ExportKind,
    file_format: ExportFormat,
    path: Path,
    user_names: Mapping[str, str] | None = None,
) -> int:
    """Write the export to `path` (atomically, owner-only); returns the number of rows."""
    if kind == "beneficiaries":
        table = beneficiaries_table(session, user_names=user_names)
    elif kind == "contacts":
        table = contacts_table(session)
    else:
        table = referrals_table(session)
    write_atomically(path, render(table, file_format), failpoint_prefix="export")
    return len(table.rows)


def export_log_to_file(
    session: Session, *, filters: LogFilter, file_format: ExportFormat, path: Path
) -> int:
    """Write the filtered contact log to `path` (atomically, owner-only); returns its rows."""
    table = contact_log_table(session, filters)
    write_atomically(path, render(table, file_format), failpoint_prefix="export")
    return len(table.rows)


def format_for(path: Path, explicit: str | None) -> ExportFormat | None:
    """The format asked for, else the one the file name implies."""
    chosen = (explicit or path.suffix.lstrip(".")).lower()
    return next((f for f in FORMATS if f == chosen), None)
