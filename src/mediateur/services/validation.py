"""Field rules shared by every form and by the import: texts, codes, dates, phones, e-mails.

A `Checker` collects every problem of one input before anything is written, each as a
`FieldError` naming the field of the data dictionary, and raises them together. Lengths come from
the data dictionary, legal codes from the reference data, and every text is refused when it holds
something that looks like a social security number (NIR).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from mediateur.domain.dictionary import ENTITIES, Kind
from mediateur.domain.nir import NIR_MESSAGE, contains_nir
from mediateur.domain.reference import ReferenceData, reference_data
from mediateur.services.errors import FieldError, ValidationFailed

FIELD_LABELS = {
    "last_name": "nom",
    "first_name": "prénom",
    "birth_date": "date de naissance",
    "gender": "genre",
    "age_band": "tranche d'âge",
    "phone": "téléphone",
    "email": "courriel",
    "address": "adresse",
    "postcode": "code postal",
    "commune": "commune",
    "qpv": "QPV",
    "contact_preference": "préférence de contact",
    "statuses": "statuts",
    "ft_category": "catégorie France Travail",
    "education_level": "niveau de formation",
    "diploma_obtained": "diplôme obtenu",
    "barriers": "freins",
    "project": "projet",
    "intake_date": "date d'entrée",
    "referent_user_id": "référent",
    "referent_name": "référent",
    "source_partner": "structure d'origine",
    "status": "statut",
    "exit_date": "date de sortie",
    "exit_reason": "motif de sortie",
    "notice_given_at": "information RGPD remise le",
    "notice_mode": "mode d'information",
    "sharing_agreed": "accord de partage",
    "restricted": "opposition",
    "occurred_at": "date",
    "event_id": "événement",
    "place": "lieu",
    "channel": "canal",
    "anonymous": "anonyme",
    "beneficiary_id": "bénéficiaire",
    "themes": "thèmes",
    "outcome": "suite donnée",
    "referral_id": "orientation",
    "follow_up_wanted": "suivi souhaité",
    "note": "note",
    "review_status": "revue",
    "review_comment": "commentaire de revue",
    "kind": "type",
    "summary": "compte rendu",
    "next_step": "prochaine étape",
    "next_date": "date de la prochaine étape",
    "title": "intitulé",
    "starts_at": "début",
    "ends_at": "fin",
    "partner_ids": "partenaires",
    "headcount": "nombre de personnes rencontrées",
    "contact_id": "contact",
    "partner_id": "partenaire",
    "service_id": "service",
    "barrier_codes": "freins",
    "reason": "motif",
    "appointment_at": "rendez-vous",
    "expected_contact": "prise de contact prévue",
    "refusal_reason": "motif de refus",
    "to_status": "nouveau statut",
    "shared_with_partner": "informations transmises au partenaire",
    # Partner directory (data·inclusion field names)
    "nom": "nom",
    "adresse": "adresse",
    "complement_adresse": "complément d'adresse",
    "code_postal": "code postal",
    "code_insee": "code INSEE",
    "telephone": "téléphone",
    "courriel": "courriel",
    "horaires_accueil": "horaires d'accueil",
    "site_web": "site web",
    "description": "description",
    "conditions_acces": "conditions d'accès",
    "modes_mobilisation": "modes de mobilisation",
    "mobilisation_precisions": "précisions sur la mobilisation",
    "lien_mobilisation": "lien de mobilisation",
    "thematiques": "thématiques",
    "structure_id": "structure",
}

REQUIRED = "champ obligatoire."
FUTURE = "la date ne peut pas être dans le futur."
# How far ahead of this laptop's clock an entered time may be (a watch a few minutes fast).
CLOCK_TOLERANCE = timedelta(minutes=10)

PHONE_MESSAGE = (
    "numéro de téléphone français attendu (fixe ou mobile), par exemple 06 12 34 56 78 "
    "ou +33 6 12 34 56 78."
)
SPECIAL_PHONE_MESSAGE = (
    "les numéros spéciaux (08…) ne sont pas acceptés : donnez un fixe ou un mobile."
)
EMAIL_MESSAGE = "adresse de courriel invalide (exemple : prenom.nom@exemple.fr)."
POSTCODE_MESSAGE = "code postal à 5 chiffres attendu (exemple : 33310)."

_PHONE_NOISE = re.compile(r"[\s.\-/()]")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_POSTCODE = re.compile(r"^\d{5}$")


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def normalise_phone(raw: str) -> str:
    """A French number in its readable national form (`06 12 34 56 78`); ValueError with the
    French message otherwise. Accepts `0…`, `+33…`, `0033…` and `+33 (0)…`, any separators."""
    compact = _PHONE_NOISE.sub("", raw)
    for prefix in ("+33", "0033"):
        if compact.startswith(prefix):
            national = compact[len(prefix) :]
            if len(national) == 10 and national.startswith("0"):
                national = national[1:]  # "+33 (0)6 …"
            break
    else:
        if not compact.startswith("0"):
            raise ValueError(PHONE_MESSAGE)
        national = compact[1:]
    if not re.fullmatch(r"\d{9}", national):
        raise ValueError(PHONE_MESSAGE)
    if national[0] == "8":
        raise ValueError(SPECIAL_PHONE_MESSAGE)
    if national[0] == "0":
        raise ValueError(PHONE_MESSAGE)
    digits = "0" + national
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def normalise_email(raw: str) -> str:
    """The address with its domain in lower case; ValueError with the French message otherwise."""
    address = raw.strip()
    if len(address) > 200 or not _EMAIL.match(address) or ".." in address:
        raise ValueError(EMAIL_MESSAGE)
    local, domain = address.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


class Checker:
    """Collects the problems of one input of `entity`; `raise_if_any()` raises them together."""

    def __init__(self, entity: str, ref: ReferenceData | None = None) -> None:
        self.spec = ENTITIES[entity]
        self.ref = ref or reference_data()
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def failed(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)

    def text(
        self, field: str, value: str | None, *, required: bool = False, multiline: bool = False
    ) -> str | None:
        """The text trimmed (inner spaces collapsed unless multi-line), or None when empty."""
        if value is None or not value.strip():
            if required:
                self.fail(field, REQUIRED)
            return None
        cleaned = value.strip() if multiline else " ".join(value.split())
        limit = self.spec.field(field).max_length
        if limit is not None and len(cleaned) > limit:
            self.fail(field, f"{limit} caractères au plus ({len(cleaned)} saisis).")
            return None
        if contains_nir(cleaned):
            self.fail(field, NIR_MESSAGE)
            return None
        return cleaned

    def name(self, field: str, value: str | None, *, required: bool = True) -> str | None:
        cleaned = self.text(field, value, required=required)
        if cleaned is not None and any(ch.isdigit() for ch in cleaned):
            self.fail(field, "ne doit pas contenir de chiffres.")
            return None
        return cleaned

    def _list_name(self, field: str) -> str:
        spec = self.spec.field(field)
        assert spec.codes is not None, field
        return spec.codes

    def code(self, field: str, value: str | None, *, required: bool = False) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, REQUIRED)
            return None
        codes = self.ref[self._list_name(field)]
        if value not in codes:
            self.fail(field, "valeur inconnue de la liste de référence.")
            return None
        return value

    def codes(self, field: str, values: Iterable[str] | None) -> list[str]:
        if values is None:
            return []
        items = list(values)
        known = self.ref[self._list_name(field)]
        if any(v not in known for v in items):
            self.fail(field, "valeur inconnue de la liste de référence.")
            return []
        if len(set(items)) != len(items):
            self.fail(field, "une même valeur est cochée deux fois.")
            return []
        return items

    def code_map(self, field: str, values: Mapping[str, str] | None) -> dict[str, str]:
        if not values:
            return {}
        spec = self.spec.field(field)
        assert spec.kind is Kind.CODE_MAP
        assert spec.codes
        assert spec.value_codes
        keys, levels = self.ref[spec.codes], self.ref[spec.value_codes]
        for key, level in values.items():
            if key not in keys:
                self.fail(field, "frein inconnu de la liste de référence.")
                return {}
            if level not in levels:
                labels = ", ".join(item.label.lower() for item in levels.items)
                self.fail(field, f"intensité inconnue pour « {keys.label(key)} » ({labels}).")
                return {}
        return dict(values)

    def past_date(
        self, field: str, value: date | None, today: date, *, required: bool = False
    ) -> date | None:
        if value is None:
            if required:
                self.fail(field, REQUIRED)
            return None
        if value > today:
            self.fail(field, FUTURE)
            return None
        return value

    def past_moment(
        self, field: str, value: datetime | None, now: datetime, *, required: bool = False
    ) -> datetime | None:
        if value is None:
            if required:
                self.fail(field, REQUIRED)
            return None
        if value.tzinfo is None:
            self.fail(field, "date et heure sans fuseau horaire.")
            return None
        if value > now + CLOCK_TOLERANCE:
            self.fail(field, FUTURE)
            return None
        return value

    def phone(self, field: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            return normalise_phone(value)
        except ValueError as exc:
            self.fail(field, str(exc))
            return None

    def email(self, field: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            return normalise_email(value)
        except ValueError as exc:
            self.fail(field, str(exc))
            return None

    def postcode(self, field: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        compact = value.replace(" ", "")
        if not _POSTCODE.match(compact):
            self.fail(field, POSTCODE_MESSAGE)
            return None
        return compact
