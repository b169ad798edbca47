"""Alembic environment: always driven from `mediateur.store.migrations.upgrade` with an open
connection (the key is already applied), never from an alembic.ini."""

from alembic import context

from mediateur.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("store migrations run through mediateur.store.migrations.upgrade()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
