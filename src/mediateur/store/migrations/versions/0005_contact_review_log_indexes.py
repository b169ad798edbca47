"""contact review log indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 20:00:00.000000

The managers' contact log filters by review status, author and event, newest first, and counts
what it keeps; the Indicateurs page counts contacts by kind of event and by author and review
status. Without these indexes each of those reads every contact (about 1 s for 100 000 on the
reference machine); with them they read an index only.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_contact_deleted_review_status_created_by_organisation_id_occurred_at"),
        "contact",
        ["deleted", "review_status", "created_by", "organisation_id", "occurred_at"],
    )
    op.create_index(
        op.f("ix_contact_deleted_created_by_organisation_id_occurred_at"),
        "contact",
        ["deleted", "created_by", "organisation_id", "occurred_at"],
    )
    op.create_index(
        op.f("ix_contact_deleted_event_id_occurred_at"),
        "contact",
        ["deleted", "event_id", "occurred_at"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_contact_deleted_event_id_occurred_at"), table_name="contact")
    op.drop_index(
        op.f("ix_contact_deleted_created_by_organisation_id_occurred_at"), table_name="contact"
    )
    op.drop_index(
        op.f("ix_contact_deleted_review_status_created_by_organisation_id_occurred_at"),
        table_name="contact",
    )
