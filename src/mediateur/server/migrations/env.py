"""Alembic environment: driven by `mediateur.server.migrations.upgrade` with an open connection."""

from alembic import context

from mediateur.server.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("server migrations run through mediateur.server.migrations.upgrade()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
