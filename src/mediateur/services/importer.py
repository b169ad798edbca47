"""Import of a cohort spreadsheet (DESIGN.md §9): columns matched by folded header, each row
parsed and validated like the intake form, duplicates skipped, all rows written in one unit of
work — or none when a row is invalid, unless the caller asked to skip invalid rows.

Messages name the line as the spreadsheet shows it (header = line 1) and the column as the file
spells it. A person already in the cohort (duplicate rule of the intake, or the id column of an
export) is not imported again, so importing the same file twice changes nothing; a person deleted
or erased from this profile is never brought back by re-importing an older export.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils.datetime import from_excel
from sqlalchemy import select

from mediateur.domain.reference import ReferenceData, fold, reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    DuplicateIndex,
    exit_cohort,
    insert_beneficiary,
    validate_beneficiary,
)
from mediateur.services.errors import ServiceError, ValidationFailed
from mediateur.services.spreadsheet import Sheet
from mediateur.store.schema import beneficiary
from mediateur.store.unit_of_work import UnitOfWork

# Column → aliases people write (folded: case, accents, spaces, dashes and apostrophes ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "nom": ("nom de famille",),
    "prenom": (),
    "date_naissance": ("date de naissance", "ne le", "nee le", "naissance"),
    "genre": ("sexe",),
    "telephone": ("tel", "portable", "numero de telephone"),
    "email": ("e mail", "courriel", "mail", "adresse mail"),
    "adresse": (),
    "code_postal": ("cp",),
    "commune": ("ville",),
    "qpv": ("quartier",),
    "statuts": (),
    "niveau_formation": ("niveau de formation",),
    "freins": (),
    "date_entree": ("date d entree", "entree", "date d entree dans la cohorte"),
    "referent": ("referente",),
    "date_sortie": ("date de sortie",),
    "motif_sortie": ("motif de sortie",),
    # Used when the birth date is unknown (an export of people who gave an age range).
    "tranche_age": ("tranche d age",),
    "id": ("identifiant",),
}
REQUIRED_COLUMNS = ("nom", "prenom", "date_entree")
# Which column shows each field of the intake, for messages.
FIELD_COLUMNS = {
    "last_name": "nom",
    "first_name": "prenom",
    "birth_date": "date_naissance",
    "age_band": "tranche_age",
    "gender": "genre",
    "phone": "telephone",
    "email": "email",
    "address": "adresse",
    "postcode": "code_postal",
    "commune": "commune",
    "qpv": "qpv",
    "statuses": "statuts",
    "education_level": "niveau_formation",
    "barriers": "freins",
    "intake_date": "date_entree",
    "referent_name": "referent",
    "exit_date": "date_sortie",
    "exit_reason": "motif_sortie",
    "status": "date_sortie",
}
MAX_ERRORS_SHOWN = 20

_GENDERS = {
    "f": "f",
    "femme": "f",
    "m": "m",
    "h": "m",
    "homme": "m",
    "x": "x",
    "autre": "x",
    "nr": "nr",
    "non renseigne": "nr",
}
_LIST_SEPARATORS = re.compile(r"[;,|]")
_DATE_FR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
# ISO dates, possibly with a time part (a CSV written from a date cell).
_DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([ T].*)?$")
_NEUTRALISED = re.compile(r"^'(?=[=@+\-\t\r])")


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(header))


_ALIASES = {
    _key(alias): column for column, aliases in COLUMNS.items() for alias in (column, *aliases)
}


class ImportRejected(ServiceError):
    """Invalid rows (or columns): nothing was imported."""

    code = "import_rejected"

    def __init__(self, errors: list[RowError], rows: int) -> None:
        self.errors = errors
        lines = {e.line for e in errors}
        head = (
            f"Import annulé, rien n'a été importé : {len(lines)} ligne(s) invalide(s) sur {rows}."
        )
        shown = [str(e) for e in errors[:MAX_ERRORS_SHOWN]]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(f"… et {len(errors) - MAX_ERRORS_SHOWN} autre(s) erreur(s).")
        super().__init__("\n".join([head, *shown]))


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.line == 1:
            return f"ligne 1 (en-têtes) : {self.message}"
        where = f"ligne {self.line}" + (f", colonne « {self.column} »" if self.column else "")
        return f"{where} : {self.message}"


@dataclass(frozen=True, slots=True)
class ImportReport:
    rows: int
    imported: int
    already_present: tuple[int, ...] = ()  # lines of people already in the cohort
    withdrawn: tuple[int, ...] = ()  # lines of people deleted or erased here: never brought back
    duplicates_in_file: tuple[int, ...] = ()  # lines repeating an earlier line of the file
    skipped: tuple[RowError, ...] = field(default=())  # invalid rows left out

    @property
    def has_warnings(self) -> bool:
        return bool(self.skipped)


class _CellError(ValueError):
    pass


@dataclass(slots=True)
class _Row:
    line: int
    values: dict[str, Any]
    exit_date: date | None
    exit_reason: str | None
    source_id: str | None  # the id column of an export


def map_columns(headers: tuple[str, ...]) -> dict[str, int]:
    """column → index; raises ImportRejected naming unknown, doubled or missing columns."""
    errors: list[RowError] = []
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        if not header:
            errors.append(RowError(1, None, f"la colonne n° {index + 1} n'a pas d'en-tête."))
            continue
        column = _ALIASES.get(_key(header))
        if column is None:
            known = ", ".join(COLUMNS)
            errors.append(
                RowError(
                    1, header, f"colonne « {header} » inconnue (colonnes reconnues : {known})."
                )
            )
        elif column in mapping:
            errors.append(RowError(1, header, f"la colonne « {column} » apparaît deux fois."))
        else:
            mapping[column] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping]
    if missing:
        names = ", ".join(missing)
        errors.append(RowError(1, None, f"colonne(s) obligatoire(s) absente(s) : {names}."))
    if errors:
        raise ImportRejected(errors, 0)
    return mapping


# Cell parsers: each returns the Python value or raises _CellError with a French message.


def _text(cell: Any) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = _NEUTRALISED.sub("", str(cell).strip())
    return text or None


def _date(cell: Any) -> date | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    try:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            converted = from_excel(cell)  # a serial day number in an unformatted cell
            if isinstance(converted, datetime):
                return converted.date()
        text = str(cell).strip()
        if match := _DATE_FR.match(text):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if _DATE_ISO.match(text):
            return date.fromisoformat(text[:10])
    except (ValueError, OverflowError):
        pass
    raise _CellError("date invalide : JJ/MM/AAAA ou AAAA-MM-JJ attendu.")


def _uuid(cell: Any) -> str | None:
    """The id of an exported row; anything else in that column is ignored, never an error."""
    text = _text(cell)
    try:
        return str(uuid.UUID(text)) if text else None
    except ValueError:
        return None


def _gender(cell: Any) -> str | None:
    text = _text(cell)
    if text is None:
        return None
    gender = _GENDERS.get(fold(text))
    if gender is None:
        raise _CellError("F, M ou X attendu (ou femme, homme, autre).")
    return gender


def _phone(cell: Any) -> str | None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        # A number typed in a cell loses its leading zero: 612345678 is 06 12 34 56 78.
        digits = str(int(cell))
        return "0" + digits if len(digits) == 9 else digits
    return _text(cell)


def _postcode(cell: Any) -> str | None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return str(int(cell)).zfill(5)
    return _text(cell)


class _Codes:
    """`ReferenceData.match` over folded keys computed once per import: folding every label of a
    list for each cell was most of the cost of a large import."""

    def __init__(self, ref: ReferenceData) -> None:
        self.ref = ref
        self._index: dict[str, dict[str, str]] = {}

    def match(self, list_name: str, text: str) -> str | None:
        index = self._index.get(list_name)
        if index is None:
            index = {}
            for item in self.ref[list_name].items:
                index.setdefault(fold(item.slug), item.slug)
                index.setdefault(fold(item.label), item.slug)
            self._index[list_name] = index
        return index.get(fold(text))

    def slugs(self, list_name: str) -> tuple[str, ...]:
        return self.ref[list_name].slugs


def _coded(codes: _Codes, list_name: str, what: str) -> Callable[[Any], str | None]:
    def parse(cell: Any) -> str | None:
        text = _text(cell)
        if text is None:
            return None
        slug = codes.match(list_name, text)
        if slug is None:
            raise _CellError(f"{what} inconnu : donnez son code ou son libellé exact.")
        return slug

    return parse


def _statuses(codes: _Codes, cell: Any) -> tuple[str, ...]:
    text = _text(cell)
    if text is None:
        return ()
    result: list[str] = []
    for position, token in enumerate(_LIST_SEPARATORS.split(text), start=1):
        if not token.strip():
            continue
        slug = codes.match("statuses", token)
        if slug is None:
            known = ", ".join(codes.slugs("statuses"))
            raise _CellError(f"statut n° {position} inconnu (codes possibles : {known}).")
        if slug not in result:
            result.append(slug)
    return tuple(result)


def _barriers(codes: _Codes, cell: Any) -> dict[str, str]:
    text = _text(cell)
    if text is None:
        return {}
    result: dict[str, str] = {}
    levels = ", ".join(codes.slugs("intensities"))
    for position, token in enumerate(_LIST_SEPARATORS.split(text), start=1):
        if not token.strip():
            continue
        name, _, level = token.partition(":")
        slug = codes.match("freins", name)
        if slug is None:
            known = ", ".join(codes.slugs("freins"))
            raise _CellError(f"frein n° {position} inconnu (codes possibles : {known}).")
        intensity = codes.match("intensities", level) if level.strip() else None
        if intensity is None:
            raise _CellError(
                f"frein n° {position} : intensité attendue après « : » ({levels}), "
                "par exemple mobilite:fort."
            )
        result[slug] = intensity
    return result


@dataclass(slots=True)
class _Parser:
    ref: ReferenceData
    mapping: dict[str, int]
    headers: tuple[str, ...]
    referents: Mapping[str, str]
    today: date
    codes: _Codes
    errors: list[RowError] = field(default_factory=list)

    def header(self, column: str) -> str:
        index = self.mapping.get(column)
        return self.headers[index] if index is not None else column

    def parse(self, line: int, cells: tuple[Any, ...]) -> _Row | None:
        failures: list[RowError] = []

        def cell(column: str, parser: Callable[[Any], Any], default: Any = None) -> Any:
            index = self.mapping.get(column)
            raw = cells[index] if index is not None and index < len(cells) else None
            try:
                return parser(raw)
            except _CellError as exc:
                failures.append(RowError(line, self.header(column), str(exc)))
                return default

        referent = cell("referent", _text)
        referent_id = self.referents.get(fold(referent)) if referent else None
        data = BeneficiaryInput(
            last_name=cell("nom", _text),
            first_name=cell("prenom", _text),
            birth_date=cell("date_naissance", _date),
            age_band=cell("tranche_age", _coded(self.codes, "age_bands", "tranche d'âge")),
            gender=cell("genre", _gender),
            phone=cell("telephone", _phone),
            email=cell("email", _text),
            address=cell("adresse", _text),
            postcode=cell("code_postal", _postcode),
            commune=cell("commune", _text),
            qpv=cell("qpv", _coded(self.codes, "qpv", "QPV")),
            statuses=cell("statuts", lambda c: _statuses(self.codes, c), ()),
            education_level=cell(
                "niveau_formation",
                _coded(self.codes, "education_levels", "niveau de formation"),
            ),
            barriers=cell("freins", lambda c: _barriers(self.codes, c), {}),
            intake_date=cell("date_entree", _date),
            referent_user_id=referent_id,
            referent_name=None if referent_id else referent,
        )
        exit_date = cell("date_sortie", _date)
        exit_reason = cell("motif_sortie", _coded(self.codes, "exit_reasons", "motif de sortie"))
        if bool(exit_date) != bool(exit_reason) and not failures:
            column = "motif_sortie" if exit_date else "date_sortie"
            failures.append(
                RowError(line, self.header(column), "date et motif de sortie vont ensemble.")
            )
        failed_fields = {f.column for f in failures}
        try:
            values = validate_beneficiary(data, today=self.today, ref=self.ref)
        except ValidationFailed as invalid:
            for error in invalid.errors:
                column = self.header(FIELD_COLUMNS.get(error.field, error.field))
                if column not in failed_fields:
                    failures.append(RowError(line, column, error.message))
            values = None
        if values and exit_date and values["intake_date"] and exit_date < values["intake_date"]:
            failures.append(
                RowError(line, self.header("date_sortie"), "la sortie précède l'entrée.")
            )
        if exit_date and exit_date > self.today:
            failures.append(
                RowError(
                    line, self.header("date_sortie"), "la date ne peut pas être dans le futur."
                )
            )
        if failures or values is None:
            self.errors.extend(sorted(failures, key=lambda e: self._order(e.column)))
            return None
        source_id = cell("id", _uuid)
        return _Row(
            line=line,
            values=values,
            exit_date=exit_date,
            exit_reason=exit_reason,
            source_id=source_id,
        )

    def _order(self, column: str | None) -> int:
        return self.headers.index(column) if column in self.headers else len(self.headers)


def import_sheet(
    *,
    uow: UnitOfWork,
    sheet: Sheet,
    skip_invalid: bool = False,
    referents: Mapping[str, str] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import the people of `sheet` into the cohort.

    `referents` maps folded display names to user ids (a referent who matches none is kept as a
    name). Raises ImportRejected, writing nothing, when a column or a row is invalid and
    `skip_invalid` is false; with it, valid rows are imported and invalid ones reported."""
    mapping = map_columns(sheet.headers)
    if not sheet.rows:
        raise ServiceError("Le fichier ne contient aucune ligne de données sous les en-têtes.")
    ref = reference_data()
    parser = _Parser(
        ref=ref,
        codes=_Codes(ref),
        mapping=mapping,
        headers=sheet.headers,
        referents=referents or {},
        today=today or clock.today(),
    )
    parsed = [row for line, cells in sheet.rows if (row := parser.parse(line, cells))]
    if parser.errors and not skip_invalid:
        raise ImportRejected(parser.errors, len(sheet.rows))
    existing = DuplicateIndex.load(uow.session)
    known_ids = {
        row.id: row.deleted
        for row in uow.session.execute(select(beneficiary.c.id, beneficiary.c.deleted))
    }
    from_file = DuplicateIndex()
    already: list[int] = []
    withdrawn: list[int] = []
    repeated: list[int] = []
    imported = 0
    for row in parsed:
        if row.source_id in known_ids:
            (withdrawn if known_ids[row.source_id] else already).append(row.line)
            continue
        if existing.match(row.values):
            already.append(row.line)
            continue
        if from_file.match(row.values):
            repeated.append(row.line)
            continue
        beneficiary_id = insert_beneficiary(uow=uow, values=row.values, context=None)
        from_file.add({"id": beneficiary_id, **row.values})
        if row.exit_date and row.exit_reason:
            exit_cohort(
                uow=uow,
                beneficiary_id=beneficiary_id,
                exit_date=row.exit_date,
                exit_reason=row.exit_reason,
                today=parser.today,
            )
        imported += 1
    return ImportReport(
        rows=len(sheet.rows),
        imported=imported,
        already_present=tuple(already),
        withdrawn=tuple(withdrawn),
        duplicates_in_file=tuple(repeated),
        skipped=tuple(parser.errors),
    )
