"""Alembic environment: always driven from `mediateur.store.migrations.upgrade` with an open
connection (the key is already applied), never from an alembic.ini."""

from typing import Any, Literal

from alembic import context

from mediateur.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("store migrations run through mediateur.store.migrations.upgrade()")


def render_item(type_: str, obj: Any, autogen_context: Any) -> Literal[False]:
    """Autogenerate: import the module of our own column types in new revisions."""
    if type_ == "type" and type(obj).__module__.startswith("mediateur."):
        autogen_context.imports.add(f"import {type(obj).__module__}")
    return False


context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
