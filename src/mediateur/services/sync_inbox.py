"""What the Synchronisation screen shows, in words a mediator reads: the account and the state of
sync, the edits the server refused (dead letters) and the values lost to another computer's edit
(the conflict inbox).

The sync client keeps those as entity names, record ids and wire values; here each record is
described the way the user knows it ("Contact du 12/03/2026 à 14:05 — DURAND Léa", "Partenaire
« Atelier vélo »") and each value as the forms show it (labels of coded values, dates in French,
names of the records a value points to). Everything is read from the local vault, offline.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES, FieldSpec, Kind
from mediateur.domain.reference import reference_data
from mediateur.domain.values import FieldValueError, decode, parse_datetime
from mediateur.services.beneficiaries import display_name
from mediateur.services.clock import format_day, format_moment
from mediateur.services.validation import field_label
from mediateur.store.schema import directory_organisation, directory_user, synced_tables
from mediateur.sync import local_state, outbox

ENTITY_LABELS = {
    "contact": "Contact",
    "beneficiary": "Bénéficiaire",
    "follow_up": "Suivi",
    "referral": "Orientation",
    "referral_event": "Statut d'orientation",
    "event": "Événement",
    "partner": "Partenaire",
    "service": "Service",
}
ROLE_LABELS = {
    "mediator": "médiatrice ou médiateur",
    "manager": "responsable",
    "admin": "administration",
}
OPERATION_LABELS = {
    "upsert": "création ou modification",
    "delete": "suppression",
    "erase": "effacement",
}
# Fields the shared form labels do not name (written by managers or by the app itself).
_MORE_FIELD_LABELS = {
    "review_status": "revue",
    "review_comment": "commentaire de revue",
    "reviewed_by": "revu par",
    "reviewed_at": "revu le",
    "source_contact_id": "contact d'origine",
    "shared_with": "partagé avec",
    "last_contact_at": "dernier contact",
    "merged_into": "fusionnée dans",
    "anonymised_at": "anonymisée le",
    "number": "numéro",
    "printed_at": "imprimée le",
    "printed_by": "imprimée par",
    "at": "date",
    "by": "par",
    "from_status": "ancien statut",
    "age_band": "tranche d'âge",
}
EMPTY = "(vide)"
DELETED_ON_SERVER = "(fiche supprimée)"


@dataclass(frozen=True, slots=True)
class SyncOverview:
    """The account this profile is linked to and where sync stands."""

    server_url: str | None
    username: str | None
    display_name: str | None
    role: str | None
    logged_in: bool
    last_sync_ok_at: datetime | None
    pending: int
    refused: int
    conflicts: int
    clock_warning: bool
    client_too_old: bool

    @property
    def linked(self) -> bool:
        """The profile logged in once (its token may have expired since)."""
        return self.username is not None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role or "", self.role or "")


@dataclass(frozen=True, slots=True)
class RefusedEdit:
    """A dead letter: an edit the server refused, with its French reason."""

    id: int
    record: str
    operation: str
    reason: str
    failed_at: datetime


@dataclass(frozen=True, slots=True)
class LostValue:
    """A conflict: a value of this computer the server did not keep."""

    id: int
    record: str
    field: str
    yours: str
    kept: str
    concurrent: bool  # False: the record was deleted on the server meanwhile
    received_at: datetime
    field_name: str | None = None

    @property
    def restorable(self) -> bool:
        """Only a value lost to another edit can be sent again ("Rétablir ma valeur")."""
        return self.concurrent and self.field_name is not None


def read_overview(session: Session) -> SyncOverview:
    state = local_state.get_many(
        session,
        local_state.SERVER_URL,
        local_state.USERNAME,
        local_state.DISPLAY_NAME,
        local_state.ROLE,
        local_state.TOKEN,
        local_state.LAST_SYNC_OK_AT,
        local_state.CLOCK_WARNING,
        local_state.CLIENT_TOO_OLD,
    )
    tally = outbox.counts(session)
    return SyncOverview(
        server_url=state[local_state.SERVER_URL],
        username=state[local_state.USERNAME],
        display_name=state[local_state.DISPLAY_NAME],
        role=state[local_state.ROLE],
        logged_in=bool(state[local_state.TOKEN]),
        last_sync_ok_at=_moment(state[local_state.LAST_SYNC_OK_AT]),
        pending=tally["pending"],
        refused=tally["dead"],
        conflicts=tally["conflicts"],
        clock_warning=state[local_state.CLOCK_WARNING] == "1",
        client_too_old=state[local_state.CLIENT_TOO_OLD] == "1",
    )


def refused_edits(session: Session) -> list[RefusedEdit]:
    """Every dead letter, oldest first."""
    return [
        RefusedEdit(
            id=letter.id,
            record=describe_record(session, letter.entity, letter.row_id, letter.fields),
            operation=OPERATION_LABELS.get(letter.op, letter.op),
            reason=letter.reason,
            failed_at=letter.failed_at,
        )
        for letter in outbox.list_dead_letters(session)
    ]


def lost_values(session: Session) -> list[LostValue]:
    """Every open conflict, most recent first."""
    found = []
    for conflict in outbox.list_conflicts(session):
        spec = ENTITIES.get(conflict.entity)
        field = (
            spec.field(conflict.field)
            if spec is not None and conflict.field and spec.has_field(conflict.field)
            else None
        )
        concurrent = conflict.reason == "concurrent"
        found.append(
            LostValue(
                id=conflict.id,
                record=describe_record(session, conflict.entity, conflict.row_id),
                field=field_name_label(conflict.field) if conflict.field else "",
                yours=show_value(session, field, conflict.your_value),
                kept=(
                    show_value(session, field, conflict.server_value)
                    if concurrent
                    else DELETED_ON_SERVER
                ),
                concurrent=concurrent,
                received_at=conflict.received_at,
                field_name=conflict.field,
            )
        )
    return found


def field_name_label(name: str) -> str:
    label = _MORE_FIELD_LABELS.get(name) or field_label(name)
    return label[:1].upper() + label[1:]


# Records in words


def describe_record(
    session: Session, entity: str, record_id: str, fields: Mapping[str, Any] | None = None
) -> str:
    """The record as the user knows it, from its local row (or, for a record this computer no
    longer holds, from the values of the refused edit)."""
    label = ENTITY_LABELS.get(entity, entity)
    row = _row(session, entity, record_id)
    if row is None:
        row = _decoded(entity, fields or {})
        if not row:
            return f"{label} (fiche absente de ce poste)"
    describe = _DESCRIPTIONS.get(entity)
    return describe(session, row) if describe is not None else label


def _row(session: Session, entity: str, record_id: str) -> dict[str, Any] | None:
    table = synced_tables.get(entity)
    if table is None:
        return None
    found = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(found) if found is not None else None


def _decoded(entity: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    spec = ENTITIES.get(entity)
    if spec is None:
        return {}
    values = {}
    for name, raw in fields.items():
        if spec.has_field(name):
            try:
                values[name] = decode(spec.field(name), raw)
            except FieldValueError:
                continue
    return values


def _person(session: Session, beneficiary_id: str | None) -> str | None:
    if not beneficiary_id:
        return None
    row = _row(session, "beneficiary", beneficiary_id)
    if row is None:
        return None
    return display_name(row.get("last_name"), row.get("first_name"))


def _with_person(text: str, person: str | None) -> str:
    return f"{text} — {person}" if person else text


def _at(moment: Any) -> str:
    if isinstance(moment, datetime):
        day, _, clock = format_moment(moment).partition(" ")
        return f"du {day} à {clock}"
    if isinstance(moment, date):
        return f"du {format_day(moment)}"
    return ""


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _contact(session: Session, row: dict[str, Any]) -> str:
    return _with_person(
        _joined("Contact", _at(row.get("occurred_at"))), _person(session, row.get("beneficiary_id"))
    )


def _beneficiary(_session: Session, row: dict[str, Any]) -> str:
    return f"Bénéficiaire {display_name(row.get('last_name'), row.get('first_name'))}"


def _follow_up(session: Session, row: dict[str, Any]) -> str:
    return _with_person(
        _joined("Suivi", _at(row.get("occurred_at"))), _person(session, row.get("beneficiary_id"))
    )


def _referral(session: Session, row: dict[str, Any]) -> str:
    number = row.get("number")
    text = f"Orientation {number}" if number else _joined("Orientation", _at(row.get("created_at")))
    return _with_person(text, _person(session, row.get("beneficiary_id")))


def _referral_event(session: Session, row: dict[str, Any]) -> str:
    status = reference_data().label("referral_statuses", row.get("to_status"))
    text = _joined(f"Statut d'orientation « {status} »", _at(row.get("at")))
    parent = _row(session, "referral", row.get("referral_id") or "")
    if parent is not None and parent.get("number"):
        text = f"{text} ({parent['number']})"
    return text


def _event(_session: Session, row: dict[str, Any]) -> str:
    title = row.get("title")
    return _joined("Événement", f"« {title} »" if title else "", _at(row.get("starts_at")))


def _partner(_session: Session, row: dict[str, Any]) -> str:
    return _joined("Partenaire", f"« {row['nom']} »" if row.get("nom") else "")


def _service(_session: Session, row: dict[str, Any]) -> str:
    return _joined("Service", f"« {row['nom']} »" if row.get("nom") else "")


_DESCRIPTIONS: dict[str, Callable[[Session, dict[str, Any]], str]] = {
    "contact": _contact,
    "beneficiary": _beneficiary,
    "follow_up": _follow_up,
    "referral": _referral,
    "referral_event": _referral_event,
    "event": _event,
    "partner": _partner,
    "service": _service,
}


# Values in words


def show_value(session: Session, field: FieldSpec | None, raw: Any) -> str:
    """A wire value as the forms show it; a value this version cannot read is shown raw."""
    if raw is None or raw in ("", [], {}):
        return EMPTY
    if field is None:
        return str(raw)
    try:
        value = decode(field, raw)
    except FieldValueError:
        return str(raw)
    ref = reference_data()
    kind = field.kind
    if kind is Kind.DATE:
        return format_day(value)
    if kind is Kind.DATETIME:
        return format_moment(value)
    if kind is Kind.BOOL:
        return "oui" if value else "non"
    if kind is Kind.CODE and field.codes:
        return ref.label(field.codes, value)
    if kind is Kind.CODES and field.codes:
        return ", ".join(ref.label(field.codes, slug) for slug in value)
    if kind is Kind.CODE_MAP and field.codes and field.value_codes:
        return ", ".join(
            f"{ref.label(field.codes, key)} ({ref.label(field.value_codes, level).lower()})"
            for key, level in value.items()
        )
    if kind is Kind.UUID:
        return _reference(session, field, value)
    if kind is Kind.UUIDS:
        return ", ".join(_reference(session, field, item) for item in value)
    if kind is Kind.STRINGS:
        return ", ".join(value)
    return str(value)


def _reference(session: Session, field: FieldSpec, record_id: str) -> str:
    if field.refers_to is not None:
        if _row(session, field.refers_to, record_id) is None:
            return "fiche absente de ce poste"
        return describe_record(session, field.refers_to, record_id)
    user = session.scalar(
        select(directory_user.c.display_name).where(directory_user.c.id == record_id)
    )
    if user:
        return str(user)
    organisation = session.scalar(
        select(directory_organisation.c.name).where(directory_organisation.c.id == record_id)
    )
    return str(organisation) if organisation else "inconnu sur ce poste"


def _moment(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        return parse_datetime(raw)
    except ValueError:
        return None
