"""The data dictionary of DESIGN.md §2 as code: every synced entity, its fields and their kinds.

This is the one place that says which fields exist. The local store builds its tables from it, the
sync protocol validates payloads against it, the server builds its tables and merge rules from it,
and retention (delete, erase, anonymise) reads the `personal` flags from it. A field's `codes`
names a list of the reference data (resources/reference/) whose slugs are its only legal values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"  # str, at most `max_length` characters
    DATE = "date"  # datetime.date, ISO "YYYY-MM-DD" on the wire
    DATETIME = "datetime"  # aware datetime, stored UTC, ISO 8601 on the wire
    BOOL = "bool"
    INT = "int"
    UUID = "uuid"  # str, canonical lowercase hyphenated UUID
    CODE = "code"  # one slug of the reference list `codes`
    CODES = "codes"  # list of slugs of `codes`, no duplicates
    CODE_MAP = "code_map"  # {slug of `codes`: slug of `value_codes`}
    UUIDS = "uuids"  # list of UUID strings
    STRINGS = "strings"  # list of short strings (data·inclusion sets, INSEE codes)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool = False
    max_length: int | None = None
    codes: str | None = None
    value_codes: str | None = None
    # Nulled by delete, erase and anonymisation (identity, contact details, free text).
    personal: bool = False
    # Written by managers only; the server rejects them from anyone else.
    manager_only: bool = False
    # Entity a UUID field points to (checked by services on edit, never by a foreign key).
    refers_to: str | None = None

    @property
    def is_list(self) -> bool:
        return self.kind in (Kind.CODES, Kind.UUIDS, Kind.STRINGS)


@dataclass(frozen=True, slots=True)
class EntitySpec:
    name: str
    fields: tuple[FieldSpec, ...]
    # Rows never change once written (follow-ups, referral events): no field merge.
    append_only: bool = False
    # Programme-wide reference data, synced to every device including admins'.
    reference_data: bool = False
    # Who may write it: "any" user of the organisation, or "manager" only.
    writable_by: str = "any"
    _by_name: dict[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def personal_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.personal)

    @property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)


# Columns every synced record has besides its fields; stamped, never sent by a client.
SYSTEM_COLUMNS = ("id", "organisation_id", "created_at", "created_by", "updated_hlc", "deleted")


def _t(name: str, max_length: int, **kw: object) -> FieldSpec:
    return FieldSpec(name, Kind.TEXT, max_length=max_length, **kw)  # type: ignore[arg-type]


_ADDRESS_BLOCK = (
    _t("adresse", 200),
    _t("complement_adresse", 200),
    _t("code_postal", 5),
    _t("commune", 100),
    _t("code_insee", 5),
    _t("telephone", 30),
    _t("courriel", 200),
    _t("horaires_accueil", 500),
)

CONTACT = EntitySpec(
    "contact",
    (
        FieldSpec("occurred_at", Kind.DATETIME, required=True),
        FieldSpec("event_id", Kind.UUID, refers_to="event"),
        FieldSpec("qpv", Kind.CODE, codes="qpv"),
        _t("place", 120, personal=True),
        FieldSpec("channel", Kind.CODE, required=True, codes="channels"),
        FieldSpec("anonymous", Kind.BOOL),
        FieldSpec("beneficiary_id", Kind.UUID, refers_to="beneficiary"),
        FieldSpec("gender", Kind.CODE, codes="genders"),
        FieldSpec("age_band", Kind.CODE, codes="age_bands"),
        FieldSpec("statuses", Kind.CODES, codes="statuses"),
        FieldSpec("themes", Kind.CODES, codes="freins"),
        FieldSpec("outcome", Kind.CODE, required=True, codes="outcomes"),
        FieldSpec("referral_id", Kind.UUID, refers_to="referral"),
        FieldSpec("follow_up_wanted", Kind.BOOL),
        _t("note", 500, personal=True),
        FieldSpec("review_status", Kind.CODE, codes="review_statuses", manager_only=True),
        _t("review_comment", 500, manager_only=True),
        FieldSpec("reviewed_by", Kind.UUID, manager_only=True),
        FieldSpec("reviewed_at", Kind.DATETIME, manager_only=True),
    ),
)

BENEFICIARY = EntitySpec(
    "beneficiary",
    (
        # Identity
        _t("last_name", 100, required=True, personal=True),
        _t("first_name", 100, required=True, personal=True),
        FieldSpec("birth_date", Kind.DATE, personal=True),
        FieldSpec("gender", Kind.CODE, codes="genders"),
        # Age band at intake, kept by anonymisation so the "under 25" indicator survives it.
        FieldSpec("age_band", Kind.CODE, codes="age_bands"),
        # Contact details
        _t("phone", 30, personal=True),
        _t("email", 200, personal=True),
        _t("address", 200, personal=True),
        _t("postcode", 5, personal=True),
        _t("commune", 100),
        FieldSpec("qpv", Kind.CODE, codes="qpv"),
        FieldSpec("contact_preference", Kind.CODE, codes="contact_preferences"),
        # Situation at intake
        FieldSpec("statuses", Kind.CODES, codes="statuses"),
        FieldSpec("ft_category", Kind.CODE, codes="ft_categories"),
        FieldSpec("education_level", Kind.CODE, codes="education_levels"),
        FieldSpec("diploma_obtained", Kind.BOOL),
        FieldSpec("barriers", Kind.CODE_MAP, codes="freins", value_codes="intensities"),
        _t("project", 500, personal=True),
        # Programme
        FieldSpec("intake_date", Kind.DATE, required=True),
        FieldSpec("referent_user_id", Kind.UUID),
        _t("referent_name", 100, personal=True),
        FieldSpec("source_contact_id", Kind.UUID, refers_to="contact"),
        _t("source_partner", 150),
        FieldSpec("status", Kind.CODE, codes="beneficiary_statuses"),
        FieldSpec("exit_date", Kind.DATE),
        FieldSpec("exit_reason", Kind.CODE, codes="exit_reasons"),
        # Privacy
        FieldSpec("notice_given_at", Kind.DATE),
        FieldSpec("notice_mode", Kind.CODE, codes="notice_modes"),
        FieldSpec("sharing_agreed", Kind.BOOL),
        FieldSpec("shared_with", Kind.UUIDS),
        FieldSpec("restricted", Kind.BOOL),
        FieldSpec("last_contact_at", Kind.DATE),
        FieldSpec("merged_into", Kind.UUID, refers_to="beneficiary"),
        FieldSpec("anonymised_at", Kind.DATETIME),
    ),
)

FOLLOW_UP = EntitySpec(
    "follow_up",
    (
        FieldSpec("beneficiary_id", Kind.UUID, required=True, refers_to="beneficiary"),
        FieldSpec("occurred_at", Kind.DATETIME, required=True),
        FieldSpec("kind", Kind.CODE, required=True, codes="follow_up_kinds"),
        _t("summary", 1000, personal=True),
        _t("next_step", 300, personal=True),
        FieldSpec("next_date", Kind.DATE),
    ),
    append_only=True,
)

REFERRAL = EntitySpec(
    "referral",
    (
        _t("number", 40),
        FieldSpec("beneficiary_id", Kind.UUID, refers_to="beneficiary"),
        FieldSpec("contact_id", Kind.UUID, refers_to="contact"),
        FieldSpec("partner_id", Kind.UUID, required=True, refers_to="partner"),
        FieldSpec("service_id", Kind.UUID, refers_to="service"),
        FieldSpec("barrier_codes", Kind.CODES, codes="freins"),
        _t("reason", 300, personal=True),
        FieldSpec("appointment_at", Kind.DATETIME),
        FieldSpec("expected_contact", Kind.CODE, codes="expected_contacts"),
        FieldSpec("status", Kind.CODE, codes="referral_statuses"),
        FieldSpec("refusal_reason", Kind.CODE, codes="refusal_reasons"),
        FieldSpec("printed_at", Kind.DATETIME),
        FieldSpec("printed_by", Kind.UUID),
        # What the person agreed to let the partner copy of the slip carry (none when restricted).
        FieldSpec("shared_with_partner", Kind.CODES, codes="slip_shared_fields"),
    ),
)

REFERRAL_EVENT = EntitySpec(
    "referral_event",
    (
        FieldSpec("referral_id", Kind.UUID, required=True, refers_to="referral"),
        FieldSpec("at", Kind.DATETIME, required=True),
        FieldSpec("by", Kind.UUID),
        FieldSpec("from_status", Kind.CODE, codes="referral_statuses"),
        FieldSpec("to_status", Kind.CODE, required=True, codes="referral_statuses"),
        _t("reason", 300, personal=True),
    ),
    append_only=True,
)

EVENT = EntitySpec(
    "event",
    (
        FieldSpec("kind", Kind.CODE, required=True, codes="event_kinds"),
        _t("title", 150, required=True),
        FieldSpec("starts_at", Kind.DATETIME, required=True),
        FieldSpec("ends_at", Kind.DATETIME),
        FieldSpec("qpv", Kind.CODE, codes="qpv"),
        _t("place", 150),
        FieldSpec("partner_ids", Kind.UUIDS),
        FieldSpec("headcount", Kind.INT),
    ),
    reference_data=True,
)

PARTNER = EntitySpec(
    "partner",
    (
        _t("nom", 150, required=True),
        _t("source", 100),
        _t("di_id", 200),
        _t("siret", 14),
        _t("description", 10000),
        *_ADDRESS_BLOCK,
        _t("site_web", 500),
        _t("lien_source", 500),
        FieldSpec("reseaux_porteurs", Kind.STRINGS),
        FieldSpec("date_maj", Kind.DATE),
    ),
    reference_data=True,
    writable_by="manager",
)

SERVICE = EntitySpec(
    "service",
    (
        FieldSpec("structure_id", Kind.UUID, required=True, refers_to="partner"),
        _t("nom", 150, required=True),
        _t("source", 100),
        _t("di_id", 200),
        _t("description", 10000),
        _t("type", 50),
        FieldSpec("thematiques", Kind.STRINGS),
        _t("frais", 50),
        _t("frais_precisions", 500),
        FieldSpec("publics", Kind.STRINGS),
        _t("publics_precisions", 500),
        _t("conditions_acces", 2000),
        *_ADDRESS_BLOCK,
        _t("contact_nom_prenom", 150),
        FieldSpec("modes_accueil", Kind.STRINGS),
        FieldSpec("modes_mobilisation", Kind.STRINGS),
        _t("mobilisation_precisions", 500),
        FieldSpec("mobilisable_par", Kind.STRINGS),
        _t("lien_mobilisation", 500),
        FieldSpec("zone_eligibilite", Kind.STRINGS),
        _t("lien_source", 500),
        FieldSpec("date_maj", Kind.DATE),
    ),
    reference_data=True,
    writable_by="manager",
)

# Parents first: the order of initial snapshots (DESIGN.md §2).
ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (PARTNER, SERVICE, EVENT, BENEFICIARY, CONTACT, FOLLOW_UP, REFERRAL, REFERRAL_EVENT)
}
ENTITY_ORDER: tuple[str, ...] = tuple(ENTITIES)


def entity(name: str) -> EntitySpec:
    return ENTITIES[name]
