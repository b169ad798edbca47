"""What a referral slip shows, already resolved to text, and the rules it must obey before printing.

`SlipData` is the renderer's whole input: the store is never read here. The caller (the referral
service) resolves codes to French labels and decides, from the beneficiary's choices, which of
their details the partner copy may carry (`shared_with_partner`); the beneficiary copy is the
person's own and shows their name when given. Construction refuses a NIR in any text (DESIGN.md
§2: never a NIR anywhere), a naive datetime, an appointment missing from a "rendez-vous fixé",
and a shared field that was not given, each with a French message naming the field but never
quoting its value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum

from mediateur.domain.nir import NIR_MESSAGE, contains_nir


class SlipDataError(ValueError):
    """The slip cannot be printed as given; the message is French and names the field."""


class NextStepKind(StrEnum):
    """The referral's `expected_contact` (reference list `expected_contacts`)."""

    APPOINTMENT = "rdv_fixe"
    PARTNER_CALLS = "partenaire_rappelle"
    BENEFICIARY_CALLS = "beneficiaire_appelle"


class Shared(StrEnum):
    """Details of the person that the partner copy may carry, when the person agreed."""

    CIVILITY = "civility"
    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    PHONE = "phone"
    EMAIL = "email"
    CONTACT_PREFERENCE = "contact_preference"
    REASON = "reason"
    BARRIERS = "barriers"


# French names of the fields, for error messages and for the "transmitted to the partner" line.
_LABELS: dict[str, str] = {
    "number": "numéro de la fiche",
    "issued_place": "lieu d'émission",
    "orienter.name": "nom de la personne qui oriente",
    "orienter.role": "fonction de la personne qui oriente",
    "orienter.structure": "structure de la personne qui oriente",
    "orienter.phone": "téléphone de la personne qui oriente",
    "orienter.email": "courriel de la personne qui oriente",
    "beneficiary.civility": "civilité",
    "beneficiary.last_name": "nom",
    "beneficiary.first_name": "prénom",
    "beneficiary.phone": "téléphone",
    "beneficiary.email": "courriel",
    "beneficiary.contact_preference": "moyen de contact préféré",
    "destination.partner_name": "nom du partenaire",
    "destination.service_name": "nom du service",
    "destination.address": "adresse du partenaire",
    "destination.address_complement": "complément d'adresse du partenaire",
    "destination.postcode": "code postal du partenaire",
    "destination.commune": "commune du partenaire",
    "destination.phone": "téléphone du partenaire",
    "destination.email": "courriel du partenaire",
    "destination.opening_hours": "horaires d'accueil",
    "destination.modes_mobilisation": "modes de mobilisation",
    "destination.mobilisation_precisions": "précisions sur la mobilisation",
    "destination.mobilisation_link": "lien de mobilisation",
    "destination.access_conditions": "conditions d'accès",
    "reason": "motif de l'orientation",
    "barriers": "freins",
}

SHARED_LABELS: dict[Shared, str] = {
    Shared.CIVILITY: "civilité",
    Shared.LAST_NAME: "nom",
    Shared.FIRST_NAME: "prénom",
    Shared.PHONE: "téléphone",
    Shared.EMAIL: "courriel",
    Shared.CONTACT_PREFERENCE: "moyen de contact préféré",
    Shared.REASON: "motif",
    Shared.BARRIERS: "freins",
}


def _given(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def _texts(prefix: str, obj: object) -> Iterator[tuple[str, str]]:
    """Every (field path, text) of a slip part, tuple members included."""
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        path = f"{prefix}{f.name}"
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, tuple):
            yield from ((path, item) for item in value if isinstance(item, str))


def _check_texts(prefix: str, obj: object) -> None:
    for path, text in _texts(prefix, obj):
        if contains_nir(text):
            label = _LABELS.get(path, path)
            raise SlipDataError(f"Fiche de liaison, champ « {label} » : {NIR_MESSAGE}")


def _require(path: str, value: str | None) -> None:
    if not _given(value):
        raise SlipDataError(f"Fiche de liaison : le champ « {_LABELS[path]} » est obligatoire.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Orienter:
    """The mediator who orients the person, as the directory gives them (professional details)."""

    name: str
    structure: str
    role: str | None = None
    phone: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        _check_texts("orienter.", self)
        _require("orienter.name", self.name)
        _require("orienter.structure", self.structure)


@dataclass(frozen=True, slots=True, kw_only=True)
class Beneficiary:
    """The person oriented: only what the caller chose to pass (all optional: a contact may be
    anonymous). `contact_preference` is the French label ("Téléphone", "Courriel", …)."""

    civility: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    phone: str | None = None
    email: str | None = None
    contact_preference: str | None = None

    def __post_init__(self) -> None:
        _check_texts("beneficiary.", self)


@dataclass(frozen=True, slots=True, kw_only=True)
class Destination:
    """The partner structure and service, in data·inclusion v1 terms.

    `opening_hours` is `horaires_accueil` (OpenStreetMap syntax, read out in French by the
    renderer); `modes_mobilisation` are data·inclusion slugs (`se-presenter`, `telephoner`,
    `envoyer-un-courriel`, `utiliser-lien-mobilisation`; v0 values are understood too);
    `access_conditions` is `conditions_acces` (prerequisites, documents to bring).
    """

    partner_name: str
    service_name: str | None = None
    address: str | None = None
    address_complement: str | None = None
    postcode: str | None = None
    commune: str | None = None
    phone: str | None = None
    email: str | None = None
    opening_hours: str | None = None
    modes_mobilisation: tuple[str, ...] = ()
    mobilisation_precisions: str | None = None
    mobilisation_link: str | None = None
    access_conditions: str | None = None

    def __post_init__(self) -> None:
        _check_texts("destination.", self)
        _require("destination.partner_name", self.partner_name)


@dataclass(frozen=True, slots=True, kw_only=True)
class NextStep:
    """What happens next: an appointment (aware datetime), or who calls whom."""

    kind: NextStepKind
    appointment_at: datetime | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", NextStepKind(self.kind))
        except ValueError:
            raise SlipDataError(
                f"Fiche de liaison : suite prévue « {self.kind} » inconnue (attendue : "
                f"{', '.join(k.value for k in NextStepKind)})."
            ) from None
        if self.kind == NextStepKind.APPOINTMENT and self.appointment_at is None:
            raise SlipDataError(
                "Fiche de liaison : un rendez-vous fixé demande sa date et son heure."
            )
        if self.appointment_at is not None and self.appointment_at.tzinfo is None:
            raise SlipDataError(
                "Fiche de liaison : la date du rendez-vous doit porter son fuseau horaire."
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class SlipData:
    """Everything one slip shows. `barriers` are French labels of the coded freins.

    `shared_with_partner` lists the `Shared` details the person agreed to give the partner:
    the partner copy shows those and nothing else of theirs. It has no default, so every caller
    decides; a shared detail must have been given.
    """

    number: str
    issued_at: datetime
    issued_place: str | None = None
    orienter: Orienter
    beneficiary: Beneficiary
    destination: Destination
    reason: str | None = None
    barriers: tuple[str, ...] = ()
    next_step: NextStep
    shared_with_partner: frozenset[Shared]

    def __post_init__(self) -> None:
        _check_texts("", self)
        _require("number", self.number)
        if self.issued_at.tzinfo is None:
            raise SlipDataError(
                "Fiche de liaison : la date d'émission doit porter son fuseau horaire."
            )
        unknown = [str(s) for s in self.shared_with_partner if s not in set(Shared)]
        if unknown:
            raise SlipDataError(
                f"Fiche de liaison : détail partagé inconnu « {sorted(unknown)[0]} » "
                f"(attendus : {', '.join(s.value for s in Shared)})."
            )
        object.__setattr__(
            self, "shared_with_partner", frozenset(Shared(s) for s in self.shared_with_partner)
        )
        for shared in self.shared_with_partner:
            if not self.detail_given(shared):
                raise SlipDataError(
                    f"Fiche de liaison : « {SHARED_LABELS[shared]} » est à transmettre au "
                    "partenaire mais n'est pas renseigné."
                )

    def detail_given(self, detail: Shared) -> bool:
        if detail == Shared.REASON:
            return _given(self.reason)
        if detail == Shared.BARRIERS:
            return any(_given(b) for b in self.barriers)
        value: str | None = getattr(self.beneficiary, detail.value)
        return _given(value)

    def for_partner(self, detail: Shared) -> bool:
        """True when the partner copy may show `detail`."""
        return detail in self.shared_with_partner
