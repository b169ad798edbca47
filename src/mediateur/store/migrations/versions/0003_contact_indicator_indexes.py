"""contact indicator indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 18:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_contact_deleted_qpv_channel_outcome"),
        "contact",
        ["deleted", "qpv", "channel", "outcome"],
    )
    op.create_index(
        op.f("ix_contact_deleted_occurred_at_qpv_channel_outcome"),
        "contact",
        ["deleted", "occurred_at", "qpv", "channel", "outcome"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_deleted_occurred_at_qpv_channel_outcome"), table_name="contact")
    op.drop_index(op.f("ix_contact_deleted_qpv_channel_outcome"), table_name="contact")
