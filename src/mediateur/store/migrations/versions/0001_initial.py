"""initial store: data dictionary and sync bookkeeping

Revision ID: 0001
Revises:
Create Date: 2026-11-26 17:47:03.529137
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mediateur.store.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "beneficiary",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("gender", sa.String(length=60), nullable=True),
        sa.Column("age_band", sa.String(length=60), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=5), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("qpv", sa.String(length=60), nullable=True),
        sa.Column("contact_preference", sa.String(length=60), nullable=True),
        sa.Column("statuses", sa.JSON(), nullable=True),
        sa.Column("ft_category", sa.String(length=60), nullable=True),
        sa.Column("education_level", sa.String(length=60), nullable=True),
        sa.Column("diploma_obtained", sa.Boolean(), nullable=True),
        sa.Column("barriers", sa.JSON(), nullable=True),
        sa.Column("project", sa.String(length=500), nullable=True),
        sa.Column("intake_date", sa.Date(), nullable=True),
        sa.Column("referent_user_id", sa.String(length=36), nullable=True),
        sa.Column("referent_name", sa.String(length=100), nullable=True),
        sa.Column("source_contact_id", sa.String(length=36), nullable=True),
        sa.Column("source_partner", sa.String(length=150), nullable=True),
        sa.Column("status", sa.String(length=60), nullable=True),
        sa.Column("exit_date", sa.Date(), nullable=True),
        sa.Column("exit_reason", sa.String(length=60), nullable=True),
        sa.Column("notice_given_at", sa.Date(), nullable=True),
        sa.Column("notice_mode", sa.String(length=60), nullable=True),
        sa.Column("sharing_agreed", sa.Boolean(), nullable=True),
        sa.Column("shared_with", sa.JSON(), nullable=True),
        sa.Column("restricted", sa.Boolean(), nullable=True),
        sa.Column("last_contact_at", sa.Date(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("anonymised_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiary")),
    )
    with op.batch_alter_table("beneficiary", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_beneficiary_intake_date"), ["intake_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_beneficiary_last_name_first_name"),
            ["last_name", "first_name"],
            unique=False,
        )

    op.create_table(
        "conflict_inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("your_value", sa.JSON(), nullable=True),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("kept", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("received_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("resolved_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_inbox")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("occurred_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("qpv", sa.String(length=60), nullable=True),
        sa.Column("place", sa.String(length=120), nullable=True),
        sa.Column("channel", sa.String(length=60), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=True),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("gender", sa.String(length=60), nullable=True),
        sa.Column("age_band", sa.String(length=60), nullable=True),
        sa.Column("statuses", sa.JSON(), nullable=True),
        sa.Column("themes", sa.JSON(), nullable=True),
        sa.Column("outcome", sa.String(length=60), nullable=True),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("follow_up_wanted", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("review_status", sa.String(length=60), nullable=True),
        sa.Column("review_comment", sa.String(length=500), nullable=True),
        sa.Column("reviewed_by", sa.String(length=36), nullable=True),
        sa.Column("reviewed_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_beneficiary_id"), ["beneficiary_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "dead_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=60), nullable=False),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dead_letter")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_dead_letter_mutation_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("title", sa.String(length=150), nullable=True),
        sa.Column("starts_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("ends_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("qpv", sa.String(length=60), nullable=True),
        sa.Column("place", sa.String(length=150), nullable=True),
        sa.Column("partner_ids", sa.JSON(), nullable=True),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("next_step", sa.String(length=300), nullable=True),
        sa.Column("next_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_beneficiary_id"), ["beneficiary_id"], unique=False
        )

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=60), nullable=False),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_outbox_mutation_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_outbox_entity_row_id"), ["entity", "row_id"], unique=False
        )

    op.create_table(
        "partner",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("nom", sa.String(length=150), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=True),
        sa.Column("di_id", sa.String(length=200), nullable=True),
        sa.Column("siret", sa.String(length=14), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("adresse", sa.String(length=200), nullable=True),
        sa.Column("complement_adresse", sa.String(length=200), nullable=True),
        sa.Column("code_postal", sa.String(length=5), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("code_insee", sa.String(length=5), nullable=True),
        sa.Column("telephone", sa.String(length=30), nullable=True),
        sa.Column("courriel", sa.String(length=200), nullable=True),
        sa.Column("horaires_accueil", sa.String(length=500), nullable=True),
        sa.Column("site_web", sa.String(length=500), nullable=True),
        sa.Column("lien_source", sa.String(length=500), nullable=True),
        sa.Column("reseaux_porteurs", sa.JSON(), nullable=True),
        sa.Column("date_maj", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    op.create_table(
        "push_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_push_batch")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_push_batch_idempotency_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("service_id", sa.String(length=36), nullable=True),
        sa.Column("barrier_codes", sa.JSON(), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("appointment_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("expected_contact", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=60), nullable=True),
        sa.Column("refusal_reason", sa.String(length=60), nullable=True),
        sa.Column("printed_at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("printed_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_beneficiary_id"), ["beneficiary_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_number"), ["number"], unique=False)

    op.create_table(
        "referral_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("at", mediateur.store.types.UTCDateTime(length=32), nullable=True),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("from_status", sa.String(length=60), nullable=True),
        sa.Column("to_status", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_event")),
    )
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_event_referral_id"), ["referral_id"], unique=False
        )

    op.create_table(
        "service",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", mediateur.store.types.UTCDateTime(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.String(length=36), nullable=True),
        sa.Column("nom", sa.String(length=150), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=True),
        sa.Column("di_id", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=True),
        sa.Column("thematiques", sa.JSON(), nullable=True),
        sa.Column("frais", sa.String(length=50), nullable=True),
        sa.Column("frais_precisions", sa.String(length=500), nullable=True),
        sa.Column("publics", sa.JSON(), nullable=True),
        sa.Column("publics_precisions", sa.String(length=500), nullable=True),
        sa.Column("conditions_acces", sa.Text(), nullable=True),
        sa.Column("adresse", sa.String(length=200), nullable=True),
        sa.Column("complement_adresse", sa.String(length=200), nullable=True),
        sa.Column("code_postal", sa.String(length=5), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("code_insee", sa.String(length=5), nullable=True),
        sa.Column("telephone", sa.String(length=30), nullable=True),
        sa.Column("courriel", sa.String(length=200), nullable=True),
        sa.Column("horaires_accueil", sa.String(length=500), nullable=True),
        sa.Column("contact_nom_prenom", sa.String(length=150), nullable=True),
        sa.Column("modes_accueil", sa.JSON(), nullable=True),
        sa.Column("modes_mobilisation", sa.JSON(), nullable=True),
        sa.Column("mobilisation_precisions", sa.String(length=500), nullable=True),
        sa.Column("mobilisable_par", sa.JSON(), nullable=True),
        sa.Column("lien_mobilisation", sa.String(length=500), nullable=True),
        sa.Column("zone_eligibilite", sa.JSON(), nullable=True),
        sa.Column("lien_source", sa.String(length=500), nullable=True),
        sa.Column("date_maj", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_structure_id"), ["structure_id"], unique=False)

    op.create_table(
        "sync_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_meta")),
    )


def downgrade() -> None:
    op.drop_table("sync_meta")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_structure_id"))

    op.drop_table("service")
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_event_referral_id"))

    op.drop_table("referral_event")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_number"))
        batch_op.drop_index(batch_op.f("ix_referral_contact_id"))
        batch_op.drop_index(batch_op.f("ix_referral_beneficiary_id"))

    op.drop_table("referral")
    op.drop_table("push_batch")
    op.drop_table("partner")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_entity_row_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_batch_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_beneficiary_id"))

    op.drop_table("follow_up")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_starts_at"))

    op.drop_table("event")
    op.drop_table("dead_letter")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_contact_event_id"))
        batch_op.drop_index(batch_op.f("ix_contact_beneficiary_id"))

    op.drop_table("contact")
    op.drop_table("conflict_inbox")
    with op.batch_alter_table("beneficiary", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_beneficiary_last_name_first_name"))
        batch_op.drop_index(batch_op.f("ix_beneficiary_intake_date"))

    op.drop_table("beneficiary")
