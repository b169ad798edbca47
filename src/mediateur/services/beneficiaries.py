"""Cohort intake: create and edit beneficiaries with full validation, probable duplicates, exit
from the cohort, and the Cohorte list.

Validation covers every rule of the intake form (DESIGN.md §2): required identity, dates in the
past, age 16 or more at intake, French phone and e-mail formats (stored in a readable normal
form), 5-digit postcode, known codes, a QPV consistent with the commune where the QPV's communes
are known, free text within the dictionary's lengths and never a NIR. The age band at intake is
computed from the birth date and stored, so anonymisation leaves the "under 25" indicator intact.
A probable duplicate (same folded name and birth date; without a birth date, same folded name and
phone or e-mail, or failing those the same intake date) is a warning the caller may confirm, never
an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.reference import ReferenceData, fold, reference_data
from mediateur.services import clock
from mediateur.services.context import DeviceContext
from mediateur.services.errors import (
    FieldError,
    ProbableDuplicate,
    ServiceError,
    ValidationFailed,
)
from mediateur.services.records import live_row, to_view
from mediateur.services.validation import Checker
from mediateur.store.schema import beneficiary, directory_organisation
from mediateur.store.unit_of_work import UnitOfWork

MINIMUM_AGE = 16
ACTIVE = "actif"
EXITED = "sorti"
OLDEST_BIRTH_YEAR = 1900
MIN_ID_FRAGMENT = 8


@dataclass(frozen=True, slots=True)
class BeneficiaryInput:
    """What the intake form (or an import row) says about a person; the whole editable state."""

    last_name: str | None
    first_name: str | None
    intake_date: date | None
    birth_date: date | None = None
    gender: str | None = None
    # Used only when the birth date is unknown (the person gave an age range).
    age_band: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    commune: str | None = None
    qpv: str | None = None
    contact_preference: str | None = None
    statuses: tuple[str, ...] = ()
    ft_category: str | None = None
    education_level: str | None = None
    diploma_obtained: bool | None = None
    barriers: Mapping[str, str] = field(default_factory=dict)
    project: str | None = None
    referent_user_id: str | None = None
    referent_name: str | None = None
    source_partner: str | None = None
    notice_given_at: date | None = None
    notice_mode: str | None = None
    sharing_agreed: bool | None = None
    restricted: bool | None = None


@dataclass(frozen=True, slots=True)
class Beneficiary:
    id: str
    created_at: datetime
    created_by: str | None
    last_name: str | None
    first_name: str | None
    birth_date: date | None
    gender: str | None
    age_band: str | None
    phone: str | None
    email: str | None
    address: str | None
    postcode: str | None
    commune: str | None
    qpv: str | None
    contact_preference: str | None
    statuses: tuple[str, ...] = ()
    ft_category: str | None = None
    education_level: str | None = None
    diploma_obtained: bool | None = None
    barriers: dict[str, str] = field(default_factory=dict)
    project: str | None = None
    intake_date: date | None = None
    referent_user_id: str | None = None
    referent_name: str | None = None
    source_contact_id: str | None = None
    source_partner: str | None = None
    status: str | None = None
    exit_date: date | None = None
    exit_reason: str | None = None
    notice_given_at: date | None = None
    notice_mode: str | None = None
    sharing_agreed: bool | None = None
    shared_with: tuple[str, ...] = ()
    restricted: bool | None = None
    last_contact_at: date | None = None
    merged_into: str | None = None
    anonymised_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return display_name(self.last_name, self.first_name)


@dataclass(frozen=True, slots=True)
class BeneficiarySummary:
    """A row of the Cohorte list."""

    id: str
    last_name: str | None
    first_name: str | None
    birth_date: date | None
    gender: str | None
    qpv: str | None
    intake_date: date | None
    referent_user_id: str | None
    referent_name: str | None
    status: str | None
    exit_date: date | None
    exit_reason: str | None
    phone: str | None
    email: str | None
    anonymised_at: datetime | None

    @property
    def display_name(self) -> str:
        return display_name(self.last_name, self.first_name)


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: str
    last_name: str | None
    first_name: str | None
    birth_date: date | None
    intake_date: date | None
    reason: str


@dataclass(frozen=True, slots=True)
class IntakeCheck:
    """What the form shows before saving: every invalid field, and probable duplicates."""

    errors: tuple[FieldError, ...]
    duplicates: tuple[DuplicateCandidate, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def display_name(last_name: str | None, first_name: str | None) -> str:
    if not last_name and not first_name:
        return "Personne anonymisée"
    return " ".join(part for part in ((last_name or "").upper(), first_name or "") if part)


# Age bands


def age_band_for(age: int, ref: ReferenceData | None = None) -> str:
    """The slug of the age band holding `age` (bands carry min_age/max_age in the reference)."""
    for item in (ref or reference_data())["age_bands"].items:
        low, high = item.extra.get("min_age"), item.extra.get("max_age")
        if low is None and high is None:
            continue
        if (low is None or age >= low) and (high is None or age <= high):
            return item.slug
    raise ValueError(f"no age band for {age}")


def under_25_bands(ref: ReferenceData | None = None) -> frozenset[str]:
    items = (ref or reference_data())["age_bands"].items
    return frozenset(
        i.slug for i in items if i.extra.get("max_age") is not None and i.extra["max_age"] < 25
    )


# Validation


def validate_beneficiary(
    data: BeneficiaryInput, *, today: date | None = None, ref: ReferenceData | None = None
) -> dict[str, Any]:
    """The field values to store for `data`, or ValidationFailed listing every invalid field."""
    today = today or clock.today()
    check = Checker("beneficiary", ref)
    values: dict[str, Any] = {
        "last_name": check.name("last_name", data.last_name),
        "first_name": check.name("first_name", data.first_name),
        "gender": check.code("gender", data.gender),
        "phone": check.phone("phone", data.phone),
        "email": check.email("email", data.email),
        "address": check.text("address", data.address),
        "postcode": check.postcode("postcode", data.postcode),
        "commune": check.text("commune", data.commune),
        "qpv": check.code("qpv", data.qpv),
        "contact_preference": check.code("contact_preference", data.contact_preference),
        "statuses": check.codes("statuses", data.statuses),
        "ft_category": check.code("ft_category", data.ft_category),
        "education_level": check.code("education_level", data.education_level),
        "diploma_obtained": data.diploma_obtained,
        "barriers": check.code_map("barriers", data.barriers),
        "project": check.text("project", data.project, multiline=True),
        "referent_user_id": data.referent_user_id,
        "referent_name": check.name("referent_name", data.referent_name, required=False),
        "source_partner": check.text("source_partner", data.source_partner),
        "notice_mode": check.code("notice_mode", data.notice_mode),
        "sharing_agreed": data.sharing_agreed,
        "restricted": data.restricted,
    }
    intake = check.past_date("intake_date", data.intake_date, today, required=True)
    birth = check.past_date("birth_date", data.birth_date, today)
    if birth is not None and birth.year < OLDEST_BIRTH_YEAR:
        check.fail("birth_date", f"année de naissance antérieure à {OLDEST_BIRTH_YEAR}.")
        birth = None
    values["intake_date"] = intake
    values["birth_date"] = birth
    values["age_band"] = None
    if birth is not None and intake is not None:
        age = clock.age_on(birth, intake)
        if age < MINIMUM_AGE:
            check.fail(
                "birth_date",
                f"la personne doit avoir {MINIMUM_AGE} ans au moins à la date d'entrée.",
            )
        else:
            values["age_band"] = age_band_for(age, check.ref)
    elif birth is None:
        band = check.code("age_band", data.age_band)
        if band == "moins_16":
            check.fail("age_band", f"la personne doit avoir {MINIMUM_AGE} ans au moins.")
        values["age_band"] = band
    notice = check.past_date("notice_given_at", data.notice_given_at, today)
    values["notice_given_at"] = notice
    if values["notice_mode"] and notice is None and not check.failed("notice_given_at"):
        check.fail("notice_given_at", "indiquez la date à laquelle l'information a été remise.")
    _check_qpv_commune(check, values["qpv"], values["commune"])
    if data.restricted and data.sharing_agreed:
        check.fail(
            "sharing_agreed",
            "la personne s'est opposée au partage : l'accord de partage ne peut pas être coché.",
        )
    preference = values["contact_preference"]
    if preference == "telephone" and values["phone"] is None and not check.failed("phone"):
        check.fail("phone", "la personne préfère être jointe par téléphone : numéro manquant.")
    if preference == "email" and values["email"] is None and not check.failed("email"):
        check.fail("email", "la personne préfère être jointe par courriel : adresse manquante.")
    check.raise_if_any()
    return values


def _check_qpv_commune(check: Checker, qpv: str | None, commune: str | None) -> None:
    if not qpv or not commune:
        return
    communes = check.ref.qpv_communes(qpv)
    if communes and fold(commune) not in {fold(c) for c in communes}:
        where = " ou ".join(communes)
        check.fail(
            "qpv",
            f"ce QPV se trouve à {where}, pas dans la commune indiquée : "
            "vérifiez le QPV ou la commune.",
        )


# Duplicates


def _name_key(last_name: str | None, first_name: str | None) -> tuple[str, str] | None:
    if not last_name or not first_name:
        return None
    parts = sorted(fold(p).replace(" ", "") for p in (last_name, first_name))
    return (parts[0], parts[1])


class DuplicateIndex:
    """The cohort's identities indexed by the duplicate rule; built once for a whole import."""

    _COLUMNS = (
        beneficiary.c.id,
        beneficiary.c.last_name,
        beneficiary.c.first_name,
        beneficiary.c.birth_date,
        beneficiary.c.intake_date,
        beneficiary.c.phone,
        beneficiary.c.email,
    )

    def __init__(self) -> None:
        self._people: dict[tuple[str, str], list[dict[str, Any]]] = {}

    @classmethod
    def load(cls, session: Session) -> DuplicateIndex:
        index = cls()
        rows = session.execute(
            select(*cls._COLUMNS).where(
                beneficiary.c.deleted.is_(False), beneficiary.c.last_name.is_not(None)
            )
        ).mappings()
        for row in rows:
            index.add(dict(row))
        return index

    def add(self, person: Mapping[str, Any]) -> None:
        key = _name_key(person.get("last_name"), person.get("first_name"))
        if key is not None:
            self._people.setdefault(key, []).append(dict(person))

    def match(
        self, values: Mapping[str, Any], *, exclude_id: str | None = None
    ) -> list[DuplicateCandidate]:
        key = _name_key(values.get("last_name"), values.get("first_name"))
        if key is None:
            return []
        found: list[DuplicateCandidate] = []
        birth, phone, email = values.get("birth_date"), values.get("phone"), values.get("email")
        intake = values.get("intake_date")
        for person in self._people.get(key, []):
            if person["id"] == exclude_id:
                continue
            reason = None
            if birth is not None and person["birth_date"] is not None:
                if birth == person["birth_date"]:
                    reason = "même nom, prénom et date de naissance"
            elif phone and phone == person["phone"]:
                reason = "même nom, prénom et téléphone"
            elif email and person["email"] and email.lower() == person["email"].lower():
                reason = "même nom, prénom et courriel"
            elif intake and intake == person["intake_date"]:
                reason = "même nom, prénom et date d'entrée"
            if reason:
                found.append(
                    DuplicateCandidate(
                        id=person["id"],
                        last_name=person["last_name"],
                        first_name=person["first_name"],
                        birth_date=person["birth_date"],
                        intake_date=person["intake_date"],
                        reason=reason,
                    )
                )
        return found


def find_duplicates(
    session: Session, values: Mapping[str, Any], *, exclude_id: str | None = None
) -> list[DuplicateCandidate]:
    """Probable duplicates of a person described by stored-form `values`."""
    return DuplicateIndex.load(session).match(values, exclude_id=exclude_id)


def check_intake(
    session: Session,
    data: BeneficiaryInput,
    *,
    beneficiary_id: str | None = None,
    today: date | None = None,
) -> IntakeCheck:
    """Inline validation for the form: every invalid field, and the probable duplicates."""
    try:
        values = validate_beneficiary(data, today=today)
    except ValidationFailed as failed:
        return IntakeCheck(errors=failed.errors, duplicates=())
    duplicates = find_duplicates(session, values, exclude_id=beneficiary_id)
    return IntakeCheck(errors=(), duplicates=tuple(duplicates))


# Edits


def create_beneficiary(
    *,
    uow: UnitOfWork,
    data: BeneficiaryInput,
    context: DeviceContext | None = None,
    allow_duplicate: bool = False,
    source_contact_id: str | None = None,
    today: date | None = None,
) -> str:
    """Enrol a person in the cohort; returns the new id.

    Raises ValidationFailed (nothing saved) or ProbableDuplicate unless `allow_duplicate`."""
    values = validate_beneficiary(data, today=today)
    if not allow_duplicate:
        duplicates = find_duplicates(uow.session, values)
        if duplicates:
            raise ProbableDuplicate(duplicates)
    return insert_beneficiary(
        uow=uow, values=values, context=context, source_contact_id=source_contact_id
    )


def insert_beneficiary(
    *,
    uow: UnitOfWork,
    values: Mapping[str, Any],
    context: DeviceContext | None = None,
    source_contact_id: str | None = None,
) -> str:
    """Write an already validated person (`validate_beneficiary` output)."""
    fields = dict(values)
    if fields.get("referent_user_id") is None and fields.get("referent_name") is None and context:
        fields["referent_user_id"] = context.user_id
    fields.update(
        status=ACTIVE,
        source_contact_id=source_contact_id,
        last_contact_at=fields["intake_date"],
        shared_with=[],
    )
    return uow.create("beneficiary", fields)


def _editable_row(uow: UnitOfWork, beneficiary_id: str) -> dict[str, Any]:
    row = live_row(uow.session, "beneficiary", beneficiary_id)
    if row["anonymised_at"] is not None:
        raise ServiceError(
            "Cette fiche a été anonymisée (conservation de 24 mois dépassée) : "
            "elle ne peut plus être modifiée."
        )
    return row


def update_beneficiary(
    *,
    uow: UnitOfWork,
    beneficiary_id: str,
    data: BeneficiaryInput,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> tuple[str, ...]:
    """Save the edited form; returns the names of the fields that changed (maybe none)."""
    current = _editable_row(uow, beneficiary_id)
    values = validate_beneficiary(data, today=today)
    exit_day, intake_day = current["exit_date"], values["intake_date"]
    if exit_day and intake_day and exit_day < intake_day:
        raise ValidationFailed(
            [FieldError("intake_date", "la date d'entrée est postérieure à la date de sortie.")]
        )
    identity = ("last_name", "first_name", "birth_date", "phone", "email")
    if not allow_duplicate and any(values[k] != current[k] for k in identity):
        duplicates = find_duplicates(uow.session, values, exclude_id=beneficiary_id)
        if duplicates:
            raise ProbableDuplicate(duplicates)
    last_contact = current["last_contact_at"]
    if values["intake_date"] and (last_contact is None or last_contact < values["intake_date"]):
        values["last_contact_at"] = values["intake_date"]
    if values["restricted"] or not values["sharing_agreed"]:
        # Opposition, or consent withdrawn: the record is no longer shared with anyone.
        values["shared_with"] = []
    return tuple(uow.update("beneficiary", beneficiary_id, values))


def share_beneficiary(
    *, uow: UnitOfWork, beneficiary_id: str, organisation_ids: Iterable[str]
) -> tuple[str, ...]:
    """Let other organisations of the programme follow this person (DESIGN.md §2 sharing);
    returns the organisations the record is now shared with."""
    current = _editable_row(uow, beneficiary_id)
    wanted = list(dict.fromkeys(organisation_ids))
    if current["restricted"]:
        raise ServiceError(
            "La personne s'est opposée au partage : sa fiche ne peut être partagée avec aucune "
            "autre structure."
        )
    if wanted and not current["sharing_agreed"]:
        raise ServiceError(
            "La personne n'a pas donné son accord au partage : cochez d'abord l'accord de "
            "partage dans sa fiche."
        )
    known = set(uow.session.scalars(select(directory_organisation.c.id)))
    if any(org not in known for org in wanted):
        raise ServiceError(
            "Structure inconnue de l'annuaire : synchronisez le poste pour mettre l'annuaire à "
            "jour, puis recommencez."
        )
    uow.update("beneficiary", beneficiary_id, {"shared_with": wanted})
    return tuple(wanted)


def exit_cohort(
    *,
    uow: UnitOfWork,
    beneficiary_id: str,
    exit_date: date | None,
    exit_reason: str | None,
    today: date | None = None,
) -> None:
    """Record the person's exit from the cohort (status `sorti`, date and reason)."""
    today = today or clock.today()
    current = _editable_row(uow, beneficiary_id)
    check = Checker("beneficiary")
    reason = check.code("exit_reason", exit_reason, required=True)
    day = check.past_date("exit_date", exit_date, today, required=True)
    if day is not None and current["intake_date"] and day < current["intake_date"]:
        check.fail("exit_date", "la date de sortie précède la date d'entrée dans la cohorte.")
    if current["status"] == EXITED:
        check.fail("status", "cette personne est déjà sortie de la cohorte.")
    check.raise_if_any()
    uow.update(
        "beneficiary",
        beneficiary_id,
        {"status": EXITED, "exit_date": day, "exit_reason": reason},
    )


def note_contact(uow: UnitOfWork, beneficiary_id: str, day: date) -> None:
    """Move `last_contact_at` (which drives retention) forward to `day`."""
    current = live_row(uow.session, "beneficiary", beneficiary_id)
    if current["anonymised_at"] is None and (
        current["last_contact_at"] is None or current["last_contact_at"] < day
    ):
        uow.update("beneficiary", beneficiary_id, {"last_contact_at": day})


# Reads


def get_beneficiary(session: Session, beneficiary_id: str) -> Beneficiary:
    return to_view(Beneficiary, live_row(session, "beneficiary", beneficiary_id))


def resolve_beneficiary_id(session: Session, text: str) -> str:
    """The id of the (non-deleted) person whose id is `text` or contains it (8+ characters, e.g.
    the last ones: ids are time-ordered, so their beginnings look alike)."""
    wanted = text.strip().lower()
    if len(wanted) < MIN_ID_FRAGMENT:
        raise ServiceError(
            f"Identifiant trop court : donnez-en au moins {MIN_ID_FRAGMENT} caractères consécutifs "
            "(par exemple les derniers)."
        )
    found = list(
        session.scalars(
            select(beneficiary.c.id)
            .where(
                beneficiary.c.deleted.is_(False), beneficiary.c.id.contains(wanted, autoescape=True)
            )
            .limit(2)
        )
    )
    if not found:
        raise ServiceError(f"Aucune personne de la cohorte n'a l'identifiant {text.strip()}.")
    if len(found) > 1:
        raise ServiceError(
            f"Plusieurs personnes ont un identifiant contenant {text.strip()} : "
            "donnez l'identifiant complet."
        )
    return str(found[0])


def input_from(person: Beneficiary) -> BeneficiaryInput:
    """The form state of a stored person, to edit it."""
    return BeneficiaryInput(
        last_name=person.last_name,
        first_name=person.first_name,
        intake_date=person.intake_date,
        birth_date=person.birth_date,
        gender=person.gender,
        age_band=person.age_band,
        phone=person.phone,
        email=person.email,
        address=person.address,
        postcode=person.postcode,
        commune=person.commune,
        qpv=person.qpv,
        contact_preference=person.contact_preference,
        statuses=person.statuses,
        ft_category=person.ft_category,
        education_level=person.education_level,
        diploma_obtained=person.diploma_obtained,
        barriers=dict(person.barriers),
        project=person.project,
        referent_user_id=person.referent_user_id,
        referent_name=person.referent_name,
        source_partner=person.source_partner,
        notice_given_at=person.notice_given_at,
        notice_mode=person.notice_mode,
        sharing_agreed=person.sharing_agreed,
        restricted=person.restricted,
    )


CohortSort = Literal["name", "intake_date", "qpv", "referent", "status"]


def list_beneficiaries(
    session: Session,
    *,
    search: str = "",
    status: str | None = None,
    qpv: str | None = None,
    referent_user_id: str | None = None,
    sort: CohortSort = "name",
    descending: bool = False,
) -> list[BeneficiarySummary]:
    """The Cohorte list: `search` matches names (case, accents and order ignored), phone digits
    and e-mail; filters combine; anonymised people are listed last under their coded fields."""
    query = select(*(beneficiary.c[f] for f in _SUMMARY_FIELDS)).where(
        beneficiary.c.deleted.is_(False)
    )
    if status:
        query = query.where(beneficiary.c.status == status)
    if qpv:
        query = query.where(beneficiary.c.qpv == qpv)
    if referent_user_id:
        query = query.where(beneficiary.c.referent_user_id == referent_user_id)
    people = [to_view(BeneficiarySummary, row) for row in session.execute(query).mappings()]
    if search.strip():
        people = [p for p in people if _matches(p, search)]
    return sorted(people, key=_sort_key(sort), reverse=descending)


_SUMMARY_FIELDS = (
    "id",
    "last_name",
    "first_name",
    "birth_date",
    "gender",
    "qpv",
    "intake_date",
    "referent_user_id",
    "referent_name",
    "status",
    "exit_date",
    "exit_reason",
    "phone",
    "email",
    "anonymised_at",
)


def _matches(person: BeneficiarySummary, search: str) -> bool:
    words = fold(search).split()
    name = fold(f"{person.last_name or ''} {person.first_name or ''}")
    digits = "".join(ch for ch in search if ch.isdigit())
    if digits and len(digits) >= 4 and person.phone and digits in person.phone.replace(" ", ""):
        return True
    if person.email and search.strip().lower() in person.email.lower():
        return True
    return bool(words) and all(word in name for word in words)


def _sort_key(sort: CohortSort) -> Any:
    ref = reference_data()

    def name(p: BeneficiarySummary) -> tuple[Any, ...]:
        return (p.anonymised_at is not None, fold(p.last_name or ""), fold(p.first_name or ""))

    keys = {
        "name": name,
        "intake_date": lambda p: (p.intake_date or date.min, *name(p)),
        "qpv": lambda p: (fold(ref.label("qpv", p.qpv)), *name(p)),
        "referent": lambda p: (fold(p.referent_name or p.referent_user_id or ""), *name(p)),
        "status": lambda p: (p.status or "", *name(p)),
    }
    return keys[sort]


def beneficiary_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """id → display name, for lists that show who a record is about."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(beneficiary.c.id, beneficiary.c.last_name, beneficiary.c.first_name).where(
            beneficiary.c.id.in_(wanted)
        )
    )
    return {row.id: display_name(row.last_name, row.first_name) for row in rows}
