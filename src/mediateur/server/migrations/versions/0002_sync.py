"""synced records (one table per entity), change feed and sync bookkeeping

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 18:25:51.611767
"""

import secrets
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mediateur.server.models

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applied_mutation",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name=op.f("pk_applied_mutation")),
    )
    op.create_index(op.f("ix_applied_mutation_at"), "applied_mutation", ["at"], unique=False)

    op.create_table(
        "beneficiary",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
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
        sa.Column("statuses", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("ft_category", sa.String(length=60), nullable=True),
        sa.Column("education_level", sa.String(length=60), nullable=True),
        sa.Column("diploma_obtained", sa.Boolean(), nullable=True),
        sa.Column("barriers", sa.JSON(none_as_null=True), nullable=True),
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
        sa.Column("shared_with", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("restricted", sa.Boolean(), nullable=True),
        sa.Column("last_contact_at", sa.Date(), nullable=True),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column(
            "anonymised_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beneficiary")),
    )
    op.create_table(
        "change_feed",
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("changed_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", "scope", name=op.f("pk_change_feed")),
    )
    op.create_index("ix_change_feed_changed_at", "change_feed", ["changed_at"], unique=False)
    op.create_index(
        "ix_change_feed_scope_entity_seq", "change_feed", ["scope", "entity", "seq"], unique=False
    )
    op.create_index("ix_change_feed_scope_seq", "change_feed", ["scope", "seq"], unique=False)

    op.create_table(
        "conflict_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("winner_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("loser_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("winner_device", sa.String(length=36), nullable=True),
        sa.Column("loser_device", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_log")),
    )
    op.create_index(
        "ix_conflict_log_entity_row_id", "conflict_log", ["entity", "row_id"], unique=False
    )

    op.create_table(
        "contact",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("occurred_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("qpv", sa.String(length=60), nullable=True),
        sa.Column("place", sa.String(length=120), nullable=True),
        sa.Column("channel", sa.String(length=60), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=True),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("gender", sa.String(length=60), nullable=True),
        sa.Column("age_band", sa.String(length=60), nullable=True),
        sa.Column("statuses", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("themes", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("outcome", sa.String(length=60), nullable=True),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("follow_up_wanted", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("review_status", sa.String(length=60), nullable=True),
        sa.Column("review_comment", sa.String(length=500), nullable=True),
        sa.Column("reviewed_by", sa.String(length=36), nullable=True),
        sa.Column("reviewed_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_beneficiary_id"), "contact", ["beneficiary_id"], unique=False)

    op.create_table(
        "erased_record",
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("erased_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("entity", "row_id", name=op.f("pk_erased_record")),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("title", sa.String(length=150), nullable=True),
        sa.Column("starts_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("ends_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("qpv", sa.String(length=60), nullable=True),
        sa.Column("place", sa.String(length=150), nullable=True),
        sa.Column("partner_ids", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_table(
        "follow_up",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("occurred_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("next_step", sa.String(length=300), nullable=True),
        sa.Column("next_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    op.create_index(
        op.f("ix_follow_up_beneficiary_id"), "follow_up", ["beneficiary_id"], unique=False
    )

    op.create_table(
        "idempotency_key",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("response", sa.LargeBinary(), nullable=True),
        sa.Column("started_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "key", name=op.f("pk_idempotency_key")),
    )
    op.create_index(
        op.f("ix_idempotency_key_created_at"), "idempotency_key", ["created_at"], unique=False
    )

    op.create_table(
        "partner",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
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
        sa.Column("reseaux_porteurs", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("date_maj", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=True),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("service_id", sa.String(length=36), nullable=True),
        sa.Column("barrier_codes", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column(
            "appointment_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("expected_contact", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=60), nullable=True),
        sa.Column("refusal_reason", sa.String(length=60), nullable=True),
        sa.Column("printed_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("printed_by", sa.String(length=36), nullable=True),
        sa.Column("shared_with_partner", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    op.create_index(
        op.f("ix_referral_beneficiary_id"), "referral", ["beneficiary_id"], unique=False
    )
    op.create_index(op.f("ix_referral_contact_id"), "referral", ["contact_id"], unique=False)
    op.create_index(
        op.f("ix_referral_status_updated_hlc"), "referral", ["status", "updated_hlc"], unique=False
    )

    op.create_table(
        "referral_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("referral_id", sa.String(length=36), nullable=True),
        sa.Column("at", mediateur.server.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("from_status", sa.String(length=60), nullable=True),
        sa.Column("to_status", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_event")),
    )
    op.create_index(
        op.f("ix_referral_event_referral_id"), "referral_event", ["referral_id"], unique=False
    )

    op.create_table(
        "service",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", mediateur.server.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("updated_hlc", sa.String(length=60), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.BigInteger(), nullable=False),
        sa.Column("field_clocks", sa.JSON(), nullable=False),
        sa.Column("wire", sa.Text(), nullable=False),
        sa.Column("structure_id", sa.String(length=36), nullable=True),
        sa.Column("nom", sa.String(length=150), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=True),
        sa.Column("di_id", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=True),
        sa.Column("thematiques", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("frais", sa.String(length=50), nullable=True),
        sa.Column("frais_precisions", sa.String(length=500), nullable=True),
        sa.Column("publics", sa.JSON(none_as_null=True), nullable=True),
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
        sa.Column("modes_accueil", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("modes_mobilisation", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("mobilisation_precisions", sa.String(length=500), nullable=True),
        sa.Column("mobilisable_par", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("lien_mobilisation", sa.String(length=500), nullable=True),
        sa.Column("zone_eligibilite", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("lien_source", sa.String(length=500), nullable=True),
        sa.Column("date_maj", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
    )
    sync_counter = op.create_table(
        "sync_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_counter")),
    )
    sync_state = op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("cursor_key", sa.String(length=64), nullable=False),
        sa.Column("purge_horizon", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    # The seq counter starts at 0; the epoch and the cursor key are this database's own.
    op.bulk_insert(sync_counter, [{"id": 1, "value": 0}])
    op.bulk_insert(
        sync_state,
        [
            {
                "id": 1,
                "epoch": str(uuid.uuid4()),
                "cursor_key": secrets.token_hex(32),
                "purge_horizon": 0,
            }
        ],
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_table("sync_counter")
    op.drop_table("service")
    op.drop_index(op.f("ix_referral_event_referral_id"), table_name="referral_event")

    op.drop_table("referral_event")
    op.drop_index(op.f("ix_referral_status_updated_hlc"), table_name="referral")
    op.drop_index(op.f("ix_referral_contact_id"), table_name="referral")
    op.drop_index(op.f("ix_referral_beneficiary_id"), table_name="referral")

    op.drop_table("referral")
    op.drop_table("partner")
    op.drop_index(op.f("ix_idempotency_key_created_at"), table_name="idempotency_key")

    op.drop_table("idempotency_key")
    op.drop_index(op.f("ix_follow_up_beneficiary_id"), table_name="follow_up")

    op.drop_table("follow_up")
    op.drop_table("event")
    op.drop_table("erased_record")
    op.drop_index(op.f("ix_contact_beneficiary_id"), table_name="contact")

    op.drop_table("contact")
    op.drop_index("ix_conflict_log_entity_row_id", table_name="conflict_log")

    op.drop_table("conflict_log")
    op.drop_index("ix_change_feed_scope_seq", table_name="change_feed")
    op.drop_index("ix_change_feed_scope_entity_seq", table_name="change_feed")
    op.drop_index("ix_change_feed_changed_at", table_name="change_feed")

    op.drop_table("change_feed")
    op.drop_table("beneficiary")
    op.drop_index(op.f("ix_applied_mutation_at"), table_name="applied_mutation")

    op.drop_table("applied_mutation")
