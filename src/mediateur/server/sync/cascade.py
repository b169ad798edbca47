"""What withdrawing or anonymising a record does to it and to the records under it (DESIGN.md §2).

- delete: a tombstone (`deleted`, personal fields nulled). A deleted beneficiary's follow-ups and
  referrals are tombstoned with it, with the events of those referrals; its contacts are kept and
  unlinked. A deleted referral takes its events with it.
- erase (right to erasure): the same cascade, every field of the record itself nulled (not only
  the personal ones); `mutations` also records the id as erased for good and scrubs the conflict
  log.
- anonymise (retention): personal fields nulled and `anonymised_at` set on the person, the free
  text of its contacts, follow-ups, referrals and referral events nulled; coded fields, dates and
  the age band stay, so the indicators do not change.

Each record touched gets its own seq (through `Writer`), so laptops pull the cascade.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from mediateur.domain.dictionary import ENTITIES
from mediateur.server.models import record_tables
from mediateur.server.sync.rows import FieldClock
from mediateur.server.sync.writer import Writer

Key = tuple[str, str]


def _live_children(
    writer: Writer, entity: str, column: str, parent_id: str
) -> list[dict[str, Any]]:
    table = record_tables[entity]
    query = (
        select(table)
        .where(table.c[column] == parent_id, table.c.deleted.is_(False))
        .order_by(table.c.id)
        .with_for_update()
    )
    return [dict(row) for row in writer.conn.execute(query).mappings()]


def tombstone(
    writer: Writer, entity: str, row: dict[str, Any], *, clock: FieldClock, erase: bool
) -> None:
    spec = ENTITIES[entity]
    names = spec.field_names if erase else spec.personal_fields
    writer.write(entity, row, dict.fromkeys(names), clock=clock, deleted=True)


def withdraw(
    writer: Writer, entity: str, row: dict[str, Any], *, clock: FieldClock, erase: bool
) -> list[Key]:
    """Tombstone `row` and cascade; returns every record tombstoned, `row`'s first."""
    tombstone(writer, entity, row, clock=clock, erase=erase)
    withdrawn: list[Key] = [(entity, row["id"])]
    server = writer.server_clock
    if entity == "beneficiary":
        for child_entity in ("follow_up", "referral"):
            for child in _live_children(writer, child_entity, "beneficiary_id", row["id"]):
                withdrawn += withdraw(writer, child_entity, child, clock=server, erase=False)
        for linked in _live_children(writer, "contact", "beneficiary_id", row["id"]):
            writer.write("contact", linked, {"beneficiary_id": None}, clock=server)
    elif entity == "referral":
        for event in _live_children(writer, "referral_event", "referral_id", row["id"]):
            tombstone(writer, "referral_event", event, clock=server, erase=False)
            withdrawn.append(("referral_event", event["id"]))
    return withdrawn


def _null_personal(writer: Writer, entity: str, row: dict[str, Any]) -> None:
    nulled = {name: None for name in ENTITIES[entity].personal_fields if row[name] is not None}
    if nulled:
        writer.write(entity, row, nulled, clock=writer.server_clock)


def anonymise(writer: Writer, row: dict[str, Any]) -> None:
    """Anonymise a beneficiary and the free text about them."""
    nulled = dict.fromkeys(ENTITIES["beneficiary"].personal_fields)
    writer.write(
        "beneficiary", row, {**nulled, "anonymised_at": writer.now}, clock=writer.server_clock
    )
    for entity in ("contact", "follow_up"):
        for child in _live_children(writer, entity, "beneficiary_id", row["id"]):
            _null_personal(writer, entity, child)
    for referral in _live_children(writer, "referral", "beneficiary_id", row["id"]):
        _null_personal(writer, "referral", referral)
        for event in _live_children(writer, "referral_event", "referral_id", referral["id"]):
            _null_personal(writer, "referral_event", event)


def descendants(conn: Connection, entity: str, record_id: str) -> list[Key]:
    """Every record withdrawn with this one (tombstoned or not): what erasure scrubs."""
    found: list[Key] = []
    if entity == "beneficiary":
        for child in ("follow_up", "referral"):
            table = record_tables[child]
            query = select(table.c.id).where(table.c.beneficiary_id == record_id)
            for child_id in conn.execute(query).scalars():
                found.append((child, child_id))
                found += descendants(conn, child, child_id)
    elif entity == "referral":
        table = record_tables["referral_event"]
        query = select(table.c.id).where(table.c.referral_id == record_id)
        found += [("referral_event", event_id) for event_id in conn.execute(query).scalars()]
    return found
