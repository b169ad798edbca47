"""Reading the spreadsheets people import: `.xlsx`, or `.csv` as Excel writes it (UTF-8 with or
without BOM, or Windows-1252; `;`, `,` or tab separated).

A `Sheet` keeps each row with its line number as a spreadsheet shows it (header = line 1), so
every message can send the user to the right line. Cells keep their type: `.xlsx` date cells
arrive as dates, numbers as numbers.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from mediateur.services.errors import ServiceError

MAX_BYTES = 50 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class SheetError(ServiceError):
    code = "unreadable_sheet"


@dataclass(frozen=True, slots=True)
class Sheet:
    headers: tuple[str, ...]
    # (line number as the spreadsheet shows it, cells), empty lines left out.
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def _is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(records: list[tuple[int, list[Any]]]) -> Sheet:
    if not records or records[0][0] != 1 or all(_is_empty(c) for c in records[0][1]):
        raise SheetError("La première ligne du fichier doit contenir les en-têtes de colonnes.")
    header_cells = records[0][1]
    while header_cells and _is_empty(header_cells[-1]):
        header_cells = header_cells[:-1]
    headers = tuple("" if c is None else str(c).strip() for c in header_cells)
    rows = tuple(
        (line, tuple(cells)) for line, cells in records[1:] if not all(_is_empty(c) for c in cells)
    )
    return Sheet(headers=headers, rows=rows)


def _decode(raw: bytes) -> str:
    if raw.startswith(_BOM):
        return raw[len(_BOM) :].decode("utf-8", errors="strict")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise SheetError(
            "Encodage du fichier non reconnu : enregistrez-le en CSV UTF-8 depuis le tableur."
        ) from None


def _delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(raw: bytes) -> Sheet:
    text = _decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        records = [(line, list(cells)) for line, cells in enumerate(reader, start=1)]
    except csv.Error:
        raise SheetError(
            "Fichier CSV mal formé (guillemet non fermé ?) : ouvrez-le dans le tableur et "
            "enregistrez-le de nouveau."
        ) from None
    return _sheet(records)


def read_xlsx(raw: bytes) -> Sheet:
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise SheetError("Classeur .xlsx illisible ou endommagé.") from None
    try:
        worksheet = workbook.worksheets[0]
        records = [
            (line, list(cells))
            for line, cells in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1)
        ]
    finally:
        workbook.close()
    return _sheet(records)


def read_sheet(path: Path) -> Sheet:
    """The first sheet of `path` (.csv or .xlsx)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SheetError(
            f"Format « {suffix or 'sans extension'} » non pris en charge : enregistrez le fichier "
            "en .xlsx ou en .csv."
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SheetError("Fichier trop volumineux (50 Mo au plus).")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SheetError(f"Fichier introuvable : {path}") from None
    except IsADirectoryError:
        raise SheetError(f"{path} est un dossier, pas un fichier.") from None
    except PermissionError:
        raise SheetError(f"Lecture du fichier refusée : {path}") from None
    return read_xlsx(raw) if suffix == ".xlsx" else read_csv(raw)
