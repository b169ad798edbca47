"""The bulk apply writes exactly what SQLAlchemy's column types would write.

`apply_rows` passes wire values straight to SQLite for speed; these tests hold it to the
reference path (decode every value, insert through the typed table), byte for byte, on the
whole demo programme, and check what it does with values the server should never send.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.values import encode, format_datetime
from mediateur.services.context import current_context
from mediateur.services.demo import populate_demo
from mediateur.store.schema import synced_tables
from mediateur.store.vault import Vault
from mediateur.sync.apply import SYSTEM_FIELDS, _full_row, apply_rows, decode_row
from tests.support.vaults import VaultFactory

Row = tuple[str, int, dict[str, Any], bool]


def _wire_rows(vault: Vault) -> dict[str, list[Row]]:
    """Every row of the vault, as the server's feed would carry it."""
    wire: dict[str, list[Row]] = {}
    with vault.session() as session:
        for entity, table in synced_tables.items():
            spec = ENTITIES[entity]
            rows = session.execute(select(table).order_by(table.c.id)).mappings().all()
            wire[entity] = [
                (
                    row["id"],
                    seq,
                    {
                        **{f.name: encode(f, row[f.name]) for f in spec.fields},
                        **{name: row[name] for name in SYSTEM_FIELDS if name != "created_at"},
                        "created_at": format_datetime(row["created_at"]),
                    },
                    bool(row["deleted"]),
                )
                for seq, row in enumerate(rows, start=1)
            ]
    return wire


def _stored(vault: Vault) -> dict[str, list[tuple[Any, ...]]]:
    """Raw stored values, as SQLite holds them (no type processing)."""
    with vault.session() as session:
        connection = session.connection()
        return {
            entity: list(connection.exec_driver_sql(f'SELECT * FROM "{entity}" ORDER BY id'))
            for entity in synced_tables
        }


def test_bulk_apply_stores_what_the_typed_path_stores(
    vault_factory: VaultFactory, tmp_path: Path
) -> None:
    source = vault_factory.open(tmp_path / "source")
    with source.unit_of_work() as uow:
        populate_demo(uow=uow, context=current_context(uow.session, source.install_id))
    wire = _wire_rows(source)
    assert sum(len(rows) for rows in wire.values()) > 1000
    sparse = {"occurred_at": "2026-11-02T09:00:00.000000Z", "channel": "evenement"}
    wire["contact"].append(
        ("c-sparse", 1, {**sparse, "statuses": None, "outcome": "informe"}, False)
    )

    fast = vault_factory.open(tmp_path / "fast")
    reference = vault_factory.open(tmp_path / "reference")
    with fast.session() as session, session.begin():
        for entity, rows in wire.items():
            apply_rows(session, entity, rows)
    with reference.session() as session, session.begin():
        for entity, rows in wire.items():
            table = synced_tables[entity]
            full = [_full_row(table, i, decode_row(entity, f), s, d) for i, s, f, d in rows]
            if full:
                session.execute(insert(table), full)

    fast_rows, reference_rows = _stored(fast), _stored(reference)
    for entity in synced_tables:
        assert fast_rows[entity] == reference_rows[entity], entity


def _apply_counting_changes(vault: Vault, rows: list[Row]) -> int:
    """Apply `rows` to partners; the number of rows SQLite changed."""
    with vault.session() as session, session.begin():
        connection = session.connection()
        before = connection.exec_driver_sql("SELECT total_changes()").scalar_one()
        apply_rows(session, "partner", rows)
        return int(connection.exec_driver_sql("SELECT total_changes()").scalar_one() - before)


def test_rows_already_held_are_not_rewritten(vault: Vault) -> None:
    fields = {"nom": "Mission locale", "updated_hlc": "a"}
    assert _apply_counting_changes(vault, [("p-1", 7, fields, False)]) == 1
    assert _apply_counting_changes(vault, [("p-1", 7, fields, False)]) == 0
    stamped = {**fields, "created_at": "2026-11-02T09:00:00.000000Z"}
    assert _apply_counting_changes(vault, [("p-1", 8, stamped, False)]) == 1
    renamed = {**stamped, "nom": "Renommé"}
    assert _apply_counting_changes(vault, [("p-1", 9, renamed, False)]) == 1
    table = synced_tables["partner"]
    with vault.session() as session:
        row = session.execute(select(table.c.nom, table.c.server_seq, table.c.created_at)).one()
    assert (row.nom, row.server_seq, format_datetime(row.created_at)) == (
        "Renommé",
        9,
        "2026-11-02T09:00:00.000000Z",
    )


def test_values_of_the_wrong_type_are_left_empty(vault: Vault) -> None:
    fields = {
        "occurred_at": "hier",
        "channel": "porte_a_porte",
        "outcome": "informe",
        "anonymous": "oui",
        "themes": "mobilite",
        "created_at": "2026-11-02T10:00:00+01:00",
    }
    with vault.session() as session, session.begin():
        apply_rows(session, "contact", [("c-1", 1, fields, False)])
    table = synced_tables["contact"]
    with vault.session() as session:
        row = session.execute(select(table)).mappings().one()
    assert (row["occurred_at"], row["anonymous"], row["themes"]) == (None, None, None)
    assert row["channel"] == "porte_a_porte"
    assert format_datetime(row["created_at"]) == "2026-11-02T09:00:00.000000Z"
