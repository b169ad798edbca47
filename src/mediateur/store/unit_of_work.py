"""The unit of work: every edit writes its business row(s) and its outbox entry in one transaction.

Services receive a `UnitOfWork` from `Vault.unit_of_work()` and call `create`, `update`, `delete` or
`erase`. Each call stamps a fresh HLC (persisted in the same transaction), writes the row, and
appends one outbox entry holding only the fields that changed (all fields for a new record), in
their wire form, with the row's `server_seq` as `base_seq`. An update that changes nothing writes
nothing. The transaction commits when the `with` block ends; until then nothing is visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES, EntitySpec
from mediateur.domain.values import encode_fields, new_id, now_utc
from mediateur.failpoints import failpoint
from mediateur.store.schema import outbox, sync_meta, synced_tables
from mediateur.store.vault import persist_hlc

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

_INSERT_OUTBOX = insert(outbox)
_INSERT_ROW = {name: insert(table) for name, table in synced_tables.items()}


class UnknownRecord(LookupError):
    def __init__(self, entity: str, record_id: str) -> None:
        super().__init__(f"{entity} {record_id} introuvable")
        self.entity = entity
        self.record_id = record_id


def _spec(entity: str) -> EntitySpec:
    try:
        return ENTITIES[entity]
    except KeyError:
        raise ValueError(f"unknown entity {entity!r}") from None


def _check_names(spec: EntitySpec, names: Iterable[str]) -> None:
    unknown = [n for n in names if not spec.has_field(n)]
    if unknown:
        raise ValueError(f"unknown field(s) of {spec.name}: {', '.join(unknown)}")


class UnitOfWork:
    def __init__(self, session: Session, vault: Vault) -> None:
        self.session = session
        self._vault = vault
        self._meta: dict[str, str | None] = {}
        self._last_hlc: str | None = None

    @property
    def install_id(self) -> str:
        return self._vault.install_id

    def meta(self, key: str) -> str | None:
        if key not in self._meta:
            self._meta[key] = self.session.scalar(
                select(sync_meta.c.value).where(sync_meta.c.key == key)
            )
        return self._meta[key]

    def _tick(self) -> str:
        self._last_hlc = self._vault.tick_hlc()
        return self._last_hlc

    def finish(self) -> None:
        """Persist the clock once, with the last stamp issued (called before commit)."""
        if self._last_hlc is not None:
            persist_hlc(self.session, self._last_hlc)

    def get(self, entity: str, record_id: str) -> dict[str, Any] | None:
        table = synced_tables[entity]
        row = self.session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        return dict(row) if row else None

    def _enqueue(
        self,
        spec: EntitySpec,
        record_id: str,
        op: str,
        fields: Mapping[str, Any],
        base_seq: int,
        hlc: str,
    ) -> None:
        failpoint("uow.before_outbox")
        # Constant statements with parameters: compiled once, cached by SQLAlchemy.
        self.session.execute(
            _INSERT_OUTBOX,
            {
                "mutation_id": new_id(),
                "entity": spec.name,
                "row_id": record_id,
                "op": op,
                "fields": encode_fields(spec, dict(fields)),
                "base_seq": base_seq,
                "hlc": hlc,
                "created_at": now_utc(),
                "attempts": 0,
            },
        )
        failpoint("uow.after_outbox")

    def create(
        self, entity: str, fields: Mapping[str, Any], *, record_id: str | None = None
    ) -> str:
        """Insert a new record; its outbox entry carries every field."""
        spec = _spec(entity)
        _check_names(spec, fields)
        record_id = record_id or new_id()
        values = {name: fields.get(name) for name in spec.field_names}
        hlc = self._tick()
        self.session.execute(
            _INSERT_ROW[entity],
            {
                "id": record_id,
                "organisation_id": self.meta("organisation_id"),
                "created_at": now_utc(),
                "created_by": self.meta("user_id"),
                "updated_hlc": hlc,
                "deleted": False,
                "server_seq": 0,
                **values,
            },
        )
        failpoint("uow.after_row")
        self._enqueue(spec, record_id, "upsert", values, 0, hlc)
        return record_id

    def update(self, entity: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Apply `changes` to a record; returns the fields that really changed (maybe none)."""
        spec = _spec(entity)
        if spec.append_only:
            raise ValueError(f"{entity} is append-only")
        _check_names(spec, changes)
        current = self.get(entity, record_id)
        if current is None or current["deleted"]:
            raise UnknownRecord(entity, record_id)
        changed = {k: v for k, v in changes.items() if current.get(k) != v}
        if not changed:
            return {}
        hlc = self._tick()
        table = synced_tables[entity]
        self.session.execute(
            update(table).where(table.c.id == record_id).values(updated_hlc=hlc, **changed)
        )
        failpoint("uow.after_row")
        self._enqueue(spec, record_id, "upsert", changed, current["server_seq"], hlc)
        return changed

    def resend(self, entity: str, record_id: str, fields: Mapping[str, Any]) -> None:
        """Enqueue `fields` as a new edit even when the row already holds them (retrying a
        rejected edit, restoring a value that lost a conflict): a new mutation id, the row's
        current `server_seq` as base, a fresh HLC."""
        spec = _spec(entity)
        _check_names(spec, fields)
        current = self.get(entity, record_id)
        hlc = self._tick()
        table = synced_tables[entity]
        if current is None:
            values = {name: fields.get(name) for name in spec.field_names}
            self.session.execute(
                _INSERT_ROW[entity],
                {
                    "id": record_id,
                    "organisation_id": self.meta("organisation_id"),
                    "created_at": now_utc(),
                    "created_by": self.meta("user_id"),
                    "updated_hlc": hlc,
                    "deleted": False,
                    "server_seq": 0,
                    **values,
                },
            )
            self._enqueue(spec, record_id, "upsert", values, 0, hlc)
            return
        self.session.execute(
            update(table).where(table.c.id == record_id).values(updated_hlc=hlc, **fields)
        )
        self._enqueue(spec, record_id, "upsert", fields, current["server_seq"], hlc)

    def _tombstone(self, entity: str, record_id: str, op: str) -> None:
        spec = _spec(entity)
        current = self.get(entity, record_id)
        if current is None:
            raise UnknownRecord(entity, record_id)
        hlc = self._tick()
        self.tombstone_locally(entity, record_id, hlc=hlc)
        self._enqueue(spec, record_id, op, {}, current["server_seq"], hlc)

    def delete(self, entity: str, record_id: str) -> None:
        """Withdraw a record created by mistake: a tombstone with its personal fields nulled."""
        self._tombstone(entity, record_id, "delete")

    def erase(self, entity: str, record_id: str) -> None:
        """RGPD erasure: like delete, and the server will refuse the id forever."""
        self._tombstone(entity, record_id, "erase")

    def tombstone_locally(self, entity: str, record_id: str, *, hlc: str | None = None) -> None:
        """Tombstone a row without an outbox entry: the local side of a cascade the server
        performs itself (children of a deleted beneficiary)."""
        spec = _spec(entity)
        table = synced_tables[entity]
        nulled = dict.fromkeys(spec.personal_fields)
        values: dict[str, Any] = {"deleted": True, **nulled}
        if hlc is not None:
            values["updated_hlc"] = hlc
        self.session.execute(update(table).where(table.c.id == record_id).values(**values))

    def drop_unsent_edits(self, entity: str, record_ids: Iterable[str]) -> None:
        """Forget edits of these records not yet sent (erasure: the data must not leave the
        laptop). Entries already in a stored batch stay: that batch is resent byte for byte."""
        ids = list(record_ids)
        for start in range(0, len(ids), 500):
            self.session.execute(
                delete(outbox).where(
                    outbox.c.entity == entity,
                    outbox.c.row_id.in_(ids[start : start + 500]),
                    outbox.c.op == "upsert",
                    outbox.c.batch_id.is_(None),
                )
            )

    def insert_locally(self, entity: str, fields: Mapping[str, Any]) -> str:
        """Insert a row without an outbox entry: a record only the server writes (the demo
        plays the server's part for referral expiry). It never leaves the laptop."""
        spec = _spec(entity)
        _check_names(spec, fields)
        record_id = new_id()
        self.session.execute(
            _INSERT_ROW[entity],
            {
                "id": record_id,
                "organisation_id": self.meta("organisation_id"),
                "created_at": now_utc(),
                "created_by": None,
                "updated_hlc": self._tick(),
                "deleted": False,
                "server_seq": 0,
                **{name: fields.get(name) for name in spec.field_names},
            },
        )
        return record_id

    def set_locally(self, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
        """Change a row without an outbox entry (the local side of a server-side cascade)."""
        _check_names(_spec(entity), values)
        table = synced_tables[entity]
        self.session.execute(update(table).where(table.c.id == record_id).values(**values))
