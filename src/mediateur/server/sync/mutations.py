"""One mutation of a push (DESIGN.md §2, §4): validation, authorisation, merge, delete and erase.

`apply_mutation` either returns an outcome (`applied`, `merged`, `duplicate`, `deleted`) after
writing through the push's `Writer`, or raises `Rejected` with a French reason that names the
field or the rule, never a submitted value, before writing anything. The rules, in order:

- fields are decoded against the data dictionary and the reference data; system fields sent by a
  client are ignored;
- roles: admins write no personal entity; partners and services are written by managers only;
  review fields by managers only;
- a record is written by its own organisation; a beneficiary shared with another organisation is
  read there, and that organisation may add follow-ups and referrals to it (and move those
  referrals along), never edit the beneficiary or its contacts;
- a new record carries its required fields; a referral needs a beneficiary or a contact and is
  created in `brouillon` or `emise`; a status change follows the transition table from the
  server's current status, and `expiree` is the server's alone;
- deletes and erasure win: a write to a deleted record is `deleted` (its values go to the conflict
  log, except for an erased record), and so is a new follow-up, referral or referral event under
  a deleted parent (stored as a tombstone, so every laptop withdraws it too);
- append-only records (follow-ups, referral events) sent again are `duplicate` when identical,
  rejected otherwise;
- everything else merges field by field (`merge.merge_field`).
"""

from __future__ import annotations

import contextlib
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from mediateur.domain.dictionary import ENTITIES, SYSTEM_COLUMNS, EntitySpec
from mediateur.domain.reference import ReferenceData
from mediateur.domain.values import FieldValueError, decode_fields, encode
from mediateur.server import audit
from mediateur.server.audit import Action
from mediateur.server.models import erased_record, organisation
from mediateur.server.roles import Role
from mediateur.server.sessions import Caller
from mediateur.server.sync import cascade, conflicts
from mediateur.server.sync.conflicts import CONCURRENT, DELETED, LoggedConflict
from mediateur.server.sync.merge import Outcome, merge_field
from mediateur.server.sync.rows import FieldClock, Key, RowCache, clock_of
from mediateur.server.sync.scopes import ScopeResolver
from mediateur.server.sync.state import clamp_client_hlc
from mediateur.server.sync.writer import Writer
from mediateur.sync.protocol import Conflict, Mutation, MutationStatus

IGNORED_FIELDS = frozenset(SYSTEM_COLUMNS) | {"server_seq", "field_clocks"}
# Parents a record cannot outlive: a new record under a deleted one is withdrawn with it.
OWNING_PARENT = {
    "follow_up": ("beneficiary_id", "beneficiary"),
    "referral": ("beneficiary_id", "beneficiary"),
    "referral_event": ("referral_id", "referral"),
}
# Links checked for visibility; a contact's link to a withdrawn beneficiary is dropped.
LINKS = {"contact": ("beneficiary_id", "beneficiary"), "referral": ("contact_id", "contact")}
CREATION_STATUSES = ("brouillon", "emise")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")

OUT_OF_SCOPE = "Fiche inconnue du serveur ou hors du périmètre de votre organisation."


class Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class MutationOutcome:
    status: MutationStatus
    entity: str
    record_id: str
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(slots=True)
class PushContext:
    writer: Writer
    caller: Caller
    reference: ReferenceData
    cache: RowCache
    # Clamped client clocks seen in this push (the response's server HLC follows them).
    seen_hlcs: list[str] = field(default_factory=list)

    @property
    def conn(self) -> Connection:
        return self.writer.conn

    def resolver(self) -> ScopeResolver:
        """Scopes as they stand now, reading the push's rows."""
        return ScopeResolver(self.conn, self.cache.get)


def record_id_of(mutation: Mutation) -> str:
    return str(uuid.UUID(mutation.id))


def keys_read_by(mutations: list[Mutation]) -> list[Key]:
    """The records a batch will read: its own and the parents its fields name."""
    keys: list[Key] = []
    for mutation in mutations:
        keys.append((mutation.entity, record_id_of(mutation)))
        links = [OWNING_PARENT.get(mutation.entity), LINKS.get(mutation.entity)]
        for column, parent in (link for link in links if link is not None):
            value = mutation.fields.get(column)
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                keys.append((parent, str(uuid.UUID(value))))
    return keys


def apply_mutation(ctx: PushContext, mutation: Mutation) -> MutationOutcome:
    spec = ENTITIES[mutation.entity]
    record_id = record_id_of(mutation)
    _check_role(ctx.caller, spec)
    clock = FieldClock(clamp_client_hlc(mutation.hlc, ctx.writer.now), ctx.caller.device_id, None)
    ctx.seen_hlcs.append(clock.hlc)
    row = ctx.cache.get(spec.name, record_id)
    if mutation.op != "upsert":
        return _withdraw(ctx, spec, record_id, row, mutation, clock)
    decoded = _decode(spec, mutation.fields, ctx.reference)
    if ctx.cache.is_erased(spec.name, record_id):
        if row is not None:
            _check_visible(ctx, spec.name, record_id)
        _log_deleted(ctx, spec.name, record_id, mutation, keep_values=False)
        return MutationOutcome("deleted", spec.name, record_id)
    if row is None:
        return _create(ctx, spec, record_id, decoded, mutation, clock)
    _check_editable(ctx, spec, row)
    if row["deleted"]:
        _log_deleted(ctx, spec.name, record_id, mutation, keep_values=True)
        return MutationOutcome("deleted", spec.name, record_id)
    return _update(ctx, spec, row, decoded, mutation, clock)


# Checks


def _decode(spec: EntitySpec, raw: dict[str, Any], reference: ReferenceData) -> dict[str, Any]:
    fields = {name: value for name, value in raw.items() if name not in IGNORED_FIELDS}
    try:
        return decode_fields(spec, fields, reference)
    except FieldValueError as exc:
        if not spec.has_field(exc.field) and not _FIELD_NAME.match(exc.field):
            raise Rejected("Champ inconnu du serveur : mettez l'application à jour.") from None
        if not spec.has_field(exc.field):
            raise Rejected(
                f"{exc.field} : champ inconnu du serveur ; mettez l'application à jour."
            ) from None
        raise Rejected(str(exc)) from None


def _check_role(caller: Caller, spec: EntitySpec) -> None:
    if caller.role is Role.ADMIN and not (spec.reference_data and spec.writable_by == "any"):
        raise Rejected(
            "Un compte administrateur ne saisit pas de fiches : utilisez un compte de "
            "médiatrice ou de responsable."
        )
    if spec.writable_by == "manager" and caller.role is not Role.MANAGER:
        raise Rejected(
            "Seuls les responsables modifient l'annuaire des partenaires et des services."
        )


def _check_visible(ctx: PushContext, entity: str, record_id: str) -> None:
    if not ctx.resolver().visible(ctx.caller, entity, record_id):
        raise Rejected(OUT_OF_SCOPE)


def _check_editable(ctx: PushContext, spec: EntitySpec, row: dict[str, Any]) -> None:
    """Edits of an existing record: partners and services by any manager, referrals by any
    organisation that follows them, everything else by the record's own organisation."""
    if spec.name in ("partner", "service"):
        return
    _check_visible(ctx, spec.name, row["id"])
    if spec.name == "referral" or row["organisation_id"] == ctx.caller.organisation_id:
        return
    if spec.name == "event":
        raise Rejected("Cet événement appartient à une autre organisation : elle seule le modifie.")
    if spec.name in ("follow_up", "referral_event"):
        raise Rejected(
            "Cette fiche a été saisie par une autre organisation : elle seule la retire."
        )
    raise Rejected(
        "Cette personne est suivie par une autre organisation : vous pouvez lui ajouter des "
        "suivis et des orientations, mais seule cette organisation modifie sa fiche."
    )


def _check_owner(ctx: PushContext, spec: EntitySpec, row: dict[str, Any]) -> None:
    """Deletes and erasures: by the record's own organisation (any manager for the directory)."""
    if spec.name in ("partner", "service"):
        return
    _check_visible(ctx, spec.name, row["id"])
    if row["organisation_id"] != ctx.caller.organisation_id:
        raise Rejected(
            "Cette fiche appartient à une autre organisation : elle seule peut la supprimer."
        )


def _check_review_fields(
    caller: Caller, spec: EntitySpec, decoded: dict[str, Any], row: dict[str, Any] | None
) -> None:
    if caller.role is Role.MANAGER:
        return
    for name, value in decoded.items():
        if spec.field(name).manager_only and value != (row[name] if row else None):
            raise Rejected(f"{name} : seuls les responsables renseignent la revue des contacts.")


def _check_organisations(ctx: PushContext, decoded: dict[str, Any]) -> None:
    wanted = set(decoded.get("shared_with") or ())
    if not wanted:
        return
    known = set(
        ctx.conn.execute(select(organisation.c.id).where(organisation.c.id.in_(wanted))).scalars()
    )
    if wanted - known:
        raise Rejected("shared_with : organisation inconnue du serveur ; mettez l'annuaire à jour.")


def _label(reference: ReferenceData, status: str | None) -> str:
    return reference.label("referral_statuses", status) if status else "aucun"


def _check_referral(ctx: PushContext, decoded: dict[str, Any], row: dict[str, Any] | None) -> None:
    merged = {**(row or {}), **decoded}
    if not merged.get("beneficiary_id") and not merged.get("contact_id"):
        raise Rejected(
            "beneficiary_id : une orientation concerne une personne suivie ou un contact."
        )
    if "status" not in decoded:
        return
    server_only = set(ctx.reference["referral_statuses"].meta.get("server_only_targets", ()))
    target = decoded["status"]
    if row is None:
        if target not in CREATION_STATUSES:
            raise Rejected("status : une orientation se crée en brouillon ou émise.")
        return
    current = row["status"]
    if target == current:
        return
    allowed = ctx.reference.referral_transitions().get(current or "", ())
    if target in server_only or target not in allowed:
        raise Rejected(
            f"status : passage de « {_label(ctx.reference, current)} » à "
            f"« {_label(ctx.reference, target)} » impossible depuis le statut actuel du serveur."
        )


def _check_referral_event(ctx: PushContext, decoded: dict[str, Any]) -> None:
    server_only = set(ctx.reference["referral_statuses"].meta.get("server_only_targets", ()))
    if decoded.get("to_status") in server_only:
        raise Rejected("to_status : seul le serveur enregistre l'expiration d'une orientation.")


def _parent_state(ctx: PushContext, parent: str, parent_id: str, column: str) -> str:
    """ "live", "deleted" or "erased"; an unknown or invisible parent is refused."""
    if ctx.cache.is_erased(parent, parent_id):
        return "erased"
    row = ctx.cache.get(parent, parent_id)
    if row is None or not ctx.resolver().visible(ctx.caller, parent, parent_id):
        raise Rejected(f"{column} : fiche liée inconnue du serveur ou hors de votre périmètre.")
    return "deleted" if row["deleted"] else "live"


# Writes


def _log_deleted(
    ctx: PushContext, entity: str, record_id: str, mutation: Mutation, *, keep_values: bool
) -> None:
    names = [name for name in mutation.fields if name not in IGNORED_FIELDS]
    entries = (
        [
            LoggedConflict(
                entity,
                record_id,
                name,
                DELETED,
                loser_value=mutation.fields[name],
                loser_device=ctx.caller.device_id,
            )
            for name in names
        ]
        if keep_values
        else [LoggedConflict(entity, record_id, None, DELETED, loser_device=ctx.caller.device_id)]
    )
    conflicts.record(ctx.conn, entries, at=ctx.writer.now)


def _create(
    ctx: PushContext,
    spec: EntitySpec,
    record_id: str,
    decoded: dict[str, Any],
    mutation: Mutation,
    clock: FieldClock,
) -> MutationOutcome:
    for name in spec.required_fields:
        if decoded.get(name) is None:
            raise Rejected(f"{name} : champ obligatoire.")
    _check_review_fields(ctx.caller, spec, decoded, None)
    if spec.name == "referral":
        _check_referral(ctx, decoded, None)
    elif spec.name == "referral_event":
        _check_referral_event(ctx, decoded)
    elif spec.name == "beneficiary":
        _check_organisations(ctx, decoded)
    parent_state = "live"
    if spec.name in OWNING_PARENT:
        column, parent = OWNING_PARENT[spec.name]
        # A referral may concern a contact only: no owning beneficiary to check then.
        if decoded.get(column) is not None:
            parent_state = _parent_state(ctx, parent, decoded[column], column)
    result_conflicts: list[Conflict] = []
    if spec.name in LINKS:
        result_conflicts = _links(ctx, spec, decoded, mutation, record_id, None)
    values = {name: decoded.get(name) for name in spec.field_names}
    if parent_state != "live":
        for name in spec.personal_fields:
            values[name] = None
    ctx.writer.create(
        spec.name,
        record_id,
        values,
        clock=clock,
        organisation_id=ctx.caller.organisation_id,
        created_by=ctx.caller.user_id,
        deleted=parent_state != "live",
    )
    if parent_state != "live":
        _log_deleted(ctx, spec.name, record_id, mutation, keep_values=parent_state == "deleted")
        return MutationOutcome("deleted", spec.name, record_id)
    return MutationOutcome(
        "merged" if result_conflicts else "applied", spec.name, record_id, result_conflicts
    )


def _links(
    ctx: PushContext,
    spec: EntitySpec,
    decoded: dict[str, Any],
    mutation: Mutation,
    record_id: str,
    row: dict[str, Any] | None,
) -> list[Conflict]:
    """Check a changed link; a contact linked to a withdrawn beneficiary stays unlinked."""
    column, parent = LINKS[spec.name]
    target = decoded.get(column)
    if not target or (row is not None and row[column] == target):
        return []
    state = _parent_state(ctx, parent, target, column)
    if state == "live" or spec.name != "contact":
        return []
    decoded[column] = row[column] if row is not None else None
    conflicts.record(
        ctx.conn,
        [
            LoggedConflict(
                spec.name,
                record_id,
                column,
                DELETED,
                loser_value=mutation.fields[column] if state == "deleted" else None,
                loser_device=ctx.caller.device_id,
            )
        ],
        at=ctx.writer.now,
    )
    return [
        Conflict(
            field=column,
            kept="server",
            your_value=mutation.fields[column],
            server_value=decoded[column],
        )
    ]


def _update(
    ctx: PushContext,
    spec: EntitySpec,
    row: dict[str, Any],
    decoded: dict[str, Any],
    mutation: Mutation,
    clock: FieldClock,
) -> MutationOutcome:
    if spec.append_only:
        if all(row[name] == value for name, value in decoded.items()):
            return MutationOutcome("duplicate", spec.name, row["id"])
        raise Rejected(
            "Un suivi ou un historique d'orientation ne se modifie pas une fois enregistré : "
            "retirez-le et saisissez-en un nouveau."
        )
    _check_review_fields(ctx.caller, spec, decoded, row)
    if spec.name == "referral":
        _check_referral(ctx, decoded, row)
        moved_to = decoded.get("beneficiary_id")
        if (
            moved_to
            and moved_to != row["beneficiary_id"]
            and _parent_state(ctx, "beneficiary", moved_to, "beneficiary_id") != "live"
        ):
            raise Rejected("beneficiary_id : cette personne a été supprimée.")
    elif spec.name == "beneficiary":
        _check_organisations(ctx, decoded)
    result_conflicts: list[Conflict] = []
    if spec.name in LINKS:
        result_conflicts = _links(ctx, spec, decoded, mutation, row["id"], row)
    written: dict[str, Any] = {}
    logged: list[LoggedConflict] = []
    for name, value in decoded.items():
        current = row[name]
        if value == current:
            continue
        outcome = merge_field(
            current=current,
            incoming=value,
            clock=clock_of(row["field_clocks"], name),
            incoming_clock=clock,
            base_seq=mutation.base_seq,
        )
        if outcome is Outcome.SAME:
            continue
        if outcome is not Outcome.LOST:
            written[name] = value
        if outcome is Outcome.APPLY:
            continue
        server_value = encode(spec.field(name), current)
        yours = mutation.fields[name]
        server_device = clock_of(row["field_clocks"], name).device
        won = outcome is Outcome.WON
        result_conflicts.append(
            Conflict(
                field=name,
                kept="yours" if won else "server",
                your_value=yours,
                server_value=server_value,
            )
        )
        logged.append(
            LoggedConflict(
                spec.name,
                row["id"],
                name,
                CONCURRENT,
                winner_value=yours if won else server_value,
                loser_value=server_value if won else yours,
                winner_device=ctx.caller.device_id if won else server_device,
                loser_device=server_device if won else ctx.caller.device_id,
            )
        )
    if written:
        ctx.writer.write(spec.name, row, written, clock=clock)
    conflicts.record(ctx.conn, logged, at=ctx.writer.now)
    return MutationOutcome(
        "merged" if result_conflicts else "applied", spec.name, row["id"], result_conflicts
    )


def _withdraw(
    ctx: PushContext,
    spec: EntitySpec,
    record_id: str,
    row: dict[str, Any] | None,
    mutation: Mutation,
    clock: FieldClock,
) -> MutationOutcome:
    erase = mutation.op == "erase"
    if erase and spec.reference_data:
        raise Rejected(
            "L'effacement (droit à l'effacement) ne concerne que les données personnelles."
        )
    if row is not None:
        _check_owner(ctx, spec, row)
    if erase:
        if row is not None:
            cascade.withdraw(ctx.writer, spec.name, row, clock=clock, erase=True)
            ctx.cache.clear()
        _record_erased(ctx, spec.name, record_id)
        withdrawn = [(spec.name, record_id), *cascade.descendants(ctx.conn, spec.name, record_id)]
        conflicts.scrub(ctx.conn, withdrawn)
        audit.record(
            ctx.conn,
            action=Action.ERASE,
            at=ctx.writer.now,
            actor_user_id=ctx.caller.user_id,
            actor_device_id=ctx.caller.device_id,
            organisation_id=ctx.caller.organisation_id,
            target_id=record_id,
            count=len(withdrawn),
            code=spec.name[:20],
        )
    elif row is not None and not row["deleted"]:
        cascade.withdraw(ctx.writer, spec.name, row, clock=clock, erase=False)
        ctx.cache.clear()
    return MutationOutcome("applied", spec.name, record_id)


def _record_erased(ctx: PushContext, entity: str, record_id: str) -> None:
    if not ctx.cache.is_erased(entity, record_id):
        ctx.conn.execute(
            erased_record.insert().values(entity=entity, row_id=record_id, erased_at=ctx.writer.now)
        )
        ctx.cache.mark_erased(entity, record_id)
