"""The partner directory: partners (structures) and their services under data·inclusion v1 field
names, their import from data·inclusion JSON and CSV exports, their editing, and the search
behind the referral picker.

Record ids derive from the data·inclusion id (`uuid5(NAMESPACE_URL, "mediateur:partner:" + id)`
and `"mediateur:service:" + id`), so two laptops importing the same export hold the same records
and a re-import updates them instead of duplicating. An import maps the v0 names older exports
still carry onto v1 (research `anchors-inclusion-fr.md` §2.4), validates every item against the
data dictionary, and writes them all in one unit of work — or nothing when an item is invalid,
unless the caller skips invalid items; its report counts what was created, updated and left
unchanged, and names each rejected item (line or position, id, French reason).

Who edits: the directory is programme-wide reference data that the server accepts from managers
only (DESIGN.md §4). A profile that never logged in is used standalone: nobody else keeps its
directory, and nothing leaves it before a login, so its user edits it too (a later login as a
mediator sends those edits, which the server refuses as dead letters with its reason).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES, Kind
from mediateur.domain.reference import fold, reference_data
from mediateur.domain.values import FieldValueError, decode, new_id
from mediateur.paths import resource_path
from mediateur.services import clock
from mediateur.services.errors import FieldError, ServiceError, ValidationFailed
from mediateur.services.records import live_row, to_view
from mediateur.services.spreadsheet import SheetError, read_csv
from mediateur.services.validation import field_label, normalise_email, normalise_phone
from mediateur.store.schema import partner, service
from mediateur.store.unit_of_work import UnitOfWork
from mediateur.sync import local_state

MANAGER = "manager"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 20
PARTNER_ID_PREFIX = "mediateur:partner:"
SERVICE_ID_PREFIX = "mediateur:service:"

# data·inclusion v1 `modes_mobilisation`, and the v0 `modes_orientation_*` values mapped onto them.
MOBILISATION_MODES = (
    "envoyer-un-courriel",
    "se-presenter",
    "telephoner",
    "utiliser-lien-mobilisation",
)
_V0_MOBILISATION = {
    "envoyer-un-mail": "envoyer-un-courriel",
    "envoyer-un-mail-avec-une-fiche-de-prescription": "envoyer-un-courriel",
    "telephoner": "telephoner",
    "se-presenter": "se-presenter",
    "prendre-rdv": "telephoner",
    "completer-le-formulaire-dadhesion": "utiliser-lien-mobilisation",
    "autre": None,
}
_V0_FREE = {"gratuit", "gratuit-sous-conditions"}
_V0_PAID = {"payant", "adhesion", "pass-numerique"}

_PHONE_TEXT = re.compile(r"^\+?[\d .()-]{3,30}$")
_POSTCODE = re.compile(r"^\d{5}$")
_INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
_SIRET = re.compile(r"^\d{14}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")


def partner_record_id(di_id: str) -> str:
    """The record id of the data·inclusion structure `di_id` (docs/architecture.md)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, PARTNER_ID_PREFIX + di_id))


def service_record_id(di_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, SERVICE_ID_PREFIX + di_id))


class ItemKind(StrEnum):
    STRUCTURE = "structure"
    SERVICE = "service"


_ENTITY = {ItemKind.STRUCTURE: "partner", ItemKind.SERVICE: "service"}


# Views


@dataclass(frozen=True, slots=True)
class Partner:
    id: str
    nom: str
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    code_insee: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    horaires_accueil: str | None = None
    site_web: str | None = None
    description: str | None = None
    source: str | None = None
    di_id: str | None = None
    siret: str | None = None
    lien_source: str | None = None
    reseaux_porteurs: tuple[str, ...] = ()
    date_maj: date | None = None


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    structure_id: str
    nom: str
    description: str | None = None
    type: str | None = None
    thematiques: tuple[str, ...] = ()
    frais: str | None = None
    frais_precisions: str | None = None
    publics: tuple[str, ...] = ()
    publics_precisions: str | None = None
    conditions_acces: str | None = None
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    code_insee: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    horaires_accueil: str | None = None
    contact_nom_prenom: str | None = None
    modes_accueil: tuple[str, ...] = ()
    modes_mobilisation: tuple[str, ...] = ()
    mobilisation_precisions: str | None = None
    mobilisable_par: tuple[str, ...] = ()
    lien_mobilisation: str | None = None
    zone_eligibilite: tuple[str, ...] = ()
    source: str | None = None
    di_id: str | None = None
    lien_source: str | None = None
    date_maj: date | None = None


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """One line of the picker: a service of a partner, or a partner that lists no service."""

    partner: Partner
    service: Service | None = None

    @property
    def key(self) -> str:
        return self.service.id if self.service else self.partner.id

    @property
    def commune(self) -> str | None:
        if self.service and self.service.commune:
            return self.service.commune
        return self.partner.commune

    @property
    def thematiques(self) -> tuple[str, ...]:
        return self.service.thematiques if self.service else ()

    @property
    def categories(self) -> tuple[str, ...]:
        """The thématique categories of the service, in order, without repeats."""
        return tuple(dict.fromkeys(value.split("--", 1)[0] for value in self.thematiques))


# Who may edit


class DirectoryReadOnly(ServiceError):
    code = "directory_read_only"

    def __init__(self) -> None:
        super().__init__(
            "Seuls les responsables modifient l'annuaire des partenaires : il est commun à tout "
            "le programme et vous parvient à chaque synchronisation. Signalez la correction à "
            "votre responsable."
        )


def directory_editable(session: Session) -> bool:
    """A manager, or a profile used standalone (it never logged in), may edit the directory."""
    state = local_state.get_many(session, local_state.ROLE, local_state.USER_ID)
    role = state[local_state.ROLE]
    if role is None:
        return state[local_state.USER_ID] is None
    return role == MANAGER


def ensure_directory_editable(session: Session) -> None:
    if not directory_editable(session):
        raise DirectoryReadOnly()


# Field rules shared by the import and the editing forms


class _Invalid(ValueError):
    """One field value refused; the message is French and never repeats a personal value."""


def _text(entity: str, name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    spec = ENTITIES[entity].field(name)
    multiline = spec.max_length is not None and spec.max_length > 150
    cleaned = value.strip() if multiline else " ".join(value.split())
    if not cleaned:
        return None
    try:
        result: str = decode(spec, cleaned)
    except FieldValueError as exc:
        raise _Invalid(exc.message) from None
    return result


def _phone(value: str) -> str:
    try:
        return normalise_phone(value)
    except ValueError:
        # Short numbers (3949) and international ones are real partner numbers: kept as written.
        if _PHONE_TEXT.match(value):
            return value
        raise _Invalid("numéro de téléphone illisible.") from None


def _email(value: str) -> str:
    try:
        return normalise_email(value)
    except ValueError:
        raise _Invalid("adresse de courriel invalide.") from None


def _url(value: str) -> str:
    if not _URL.match(value):
        raise _Invalid("adresse web attendue, commençant par http:// ou https://.")
    return value


def _pattern(regex: re.Pattern[str], message: str) -> Any:
    def check(value: str) -> str:
        compact = value.replace(" ", "")
        if not regex.match(compact):
            raise _Invalid(message)
        return compact

    return check


_TEXT_CHECKS = {
    "telephone": _phone,
    "courriel": _email,
    "site_web": _url,
    "lien_source": _url,
    "lien_mobilisation": _url,
    "code_postal": _pattern(_POSTCODE, "code postal à 5 chiffres attendu."),
    "code_insee": _pattern(_INSEE, "code INSEE de commune à 5 caractères attendu."),
    "siret": _pattern(_SIRET, "numéro SIRET à 14 chiffres attendu."),
}


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                raise _Invalid("liste JSON illisible.") from None
        else:
            return [part for part in _LIST_SEPARATORS.split(text) if part]
    if not isinstance(value, list | tuple):
        raise _Invalid("une liste est attendue.")
    items = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise _Invalid("une liste de textes est attendue.")
        items.append(item.strip())
    return list(dict.fromkeys(items))


def _thematiques(values: list[str]) -> list[str]:
    known = reference_data()["thematiques"]
    for value in values:
        if value.split("--", 1)[0] not in known:
            raise _Invalid(f"thématique « {value} » inconnue de data·inclusion.")
    return values


def _modes(values: list[str]) -> list[str]:
    for value in values:
        if value not in MOBILISATION_MODES:
            raise _Invalid(
                f"mode « {value} » inconnu (attendus : {', '.join(MOBILISATION_MODES)})."
            )
    return values


_LIST_CHECKS = {"thematiques": _thematiques, "modes_mobilisation": _modes}


def _date(value: Any, today: date) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise _Invalid("date invalide (AAAA-MM-JJ attendu).") from None
    if day > today:
        raise _Invalid("la date de mise à jour est dans le futur.")
    if day.year < 2000:
        raise _Invalid("date de mise à jour antérieure à 2000.")
    return day


def clean_value(entity: str, name: str, value: Any, *, today: date) -> Any:
    """The stored form of one field of a partner or service; raises _Invalid."""
    kind = ENTITIES[entity].field(name).kind
    if kind is Kind.DATE:
        return _date(value, today)
    if kind is Kind.STRINGS:
        items = _list(value)
        check = _LIST_CHECKS.get(name)
        items = check(items) if check else items
        try:
            return decode(ENTITIES[entity].field(name), items)
        except FieldValueError as exc:
            raise _Invalid(exc.message) from None
    text = _text(entity, name, value)
    if text is not None and name in _TEXT_CHECKS:
        return _TEXT_CHECKS[name](text)
    return text


# Editing


@dataclass(frozen=True, slots=True)
class PartnerInput:
    nom: str | None
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    horaires_accueil: str | None = None
    site_web: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceInput:
    structure_id: str | None
    nom: str | None
    description: str | None = None
    thematiques: tuple[str, ...] = ()
    conditions_acces: str | None = None
    modes_mobilisation: tuple[str, ...] = ()
    mobilisation_precisions: str | None = None
    lien_mobilisation: str | None = None
    telephone: str | None = None
    courriel: str | None = None
    horaires_accueil: str | None = None
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    contact_nom_prenom: str | None = None


def _clean_input(entity: str, data: object, *, skip: Sequence[str] = ()) -> dict[str, Any]:
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    today = clock.today()
    for name in data.__dataclass_fields__:  # type: ignore[attr-defined]
        if name in skip:
            continue
        try:
            values[name] = clean_value(entity, name, getattr(data, name), today=today)
        except _Invalid as exc:
            errors.append(FieldError(name, str(exc)))
    if not values.get("nom"):
        if not any(e.field == "nom" for e in errors):
            errors.append(FieldError("nom", "champ obligatoire."))
    elif len(values["nom"]) < 3:
        errors.append(FieldError("nom", "3 caractères au moins."))
    if errors:
        raise ValidationFailed(errors)
    return values


def create_partner(*, uow: UnitOfWork, data: PartnerInput) -> str:
    """A partner added by hand: it has no data·inclusion id, so a random record id."""
    ensure_directory_editable(uow.session)
    values = _clean_input("partner", data)
    values["source"] = "mediateur"
    values["date_maj"] = clock.today()
    return uow.create("partner", values, record_id=new_id())


def update_partner(*, uow: UnitOfWork, partner_id: str, data: PartnerInput) -> tuple[str, ...]:
    ensure_directory_editable(uow.session)
    live_row(uow.session, "partner", partner_id)
    values = _clean_input("partner", data)
    changed = uow.update("partner", partner_id, values)
    if changed:
        uow.update("partner", partner_id, {"date_maj": clock.today()})
    return tuple(changed)


def _service_values(session: Session, data: ServiceInput) -> dict[str, Any]:
    values = _clean_input("service", data, skip=("structure_id",))
    if not data.structure_id:
        raise ValidationFailed([FieldError("structure_id", "choisissez le partenaire.")])
    live_row(session, "partner", data.structure_id)
    values["structure_id"] = data.structure_id
    return values


def create_service(*, uow: UnitOfWork, data: ServiceInput) -> str:
    ensure_directory_editable(uow.session)
    values = _service_values(uow.session, data)
    values["source"] = "mediateur"
    values["date_maj"] = clock.today()
    return uow.create("service", values, record_id=new_id())


def update_service(*, uow: UnitOfWork, service_id: str, data: ServiceInput) -> tuple[str, ...]:
    ensure_directory_editable(uow.session)
    live_row(uow.session, "service", service_id)
    changed = uow.update("service", service_id, _service_values(uow.session, data))
    if changed:
        uow.update("service", service_id, {"date_maj": clock.today()})
    return tuple(changed)


# Reading


def get_partner(session: Session, partner_id: str) -> Partner:
    return to_view(Partner, live_row(session, "partner", partner_id))


def get_service(session: Session, service_id: str) -> Service:
    return to_view(Service, live_row(session, "service", service_id))


def list_partners(session: Session) -> list[Partner]:
    rows = session.execute(select(partner).where(partner.c.deleted.is_(False))).mappings()
    return sorted((to_view(Partner, row) for row in rows), key=lambda p: fold(p.nom))


def list_services(session: Session, *, partner_id: str | None = None) -> list[Service]:
    query = select(service).where(service.c.deleted.is_(False))
    if partner_id is not None:
        query = query.where(service.c.structure_id == partner_id)
    rows = session.execute(query).mappings()
    return sorted((to_view(Service, row) for row in rows), key=lambda s: fold(s.nom))


def list_directory(session: Session) -> list[DirectoryEntry]:
    """Every service with its partner, and every partner without a service, by name."""
    partners = {p.id: p for p in list_partners(session)}
    entries: list[DirectoryEntry] = []
    served: set[str] = set()
    for found in list_services(session):
        owner = partners.get(found.structure_id)
        if owner is None:  # an orphan from a pull: its partner has not arrived yet
            continue
        served.add(owner.id)
        entries.append(DirectoryEntry(owner, found))
    entries.extend(DirectoryEntry(p) for p in partners.values() if p.id not in served)
    return sorted(entries, key=_name_key)


# Search (the picker)


@dataclass(frozen=True, slots=True)
class DirectoryQuery:
    """Free text (every word must appear, accents and case folded), a commune, a thématique
    (a category such as `mobilite`, or a full value `mobilite--preparer-un-permis`)."""

    text: str = ""
    commune: str | None = None
    thematique: str | None = None


def _name_key(entry: DirectoryEntry) -> tuple[str, str]:
    return fold(entry.partner.nom), fold(entry.service.nom if entry.service else "")


def _haystacks(entry: DirectoryEntry) -> tuple[str, str]:
    """(names, everything else) of an entry, folded."""
    labels = reference_data()["thematiques"]
    names = " ".join(
        part for part in (entry.partner.nom, entry.service.nom if entry.service else "") if part
    )
    others: list[str] = [entry.commune or "", entry.partner.commune or ""]
    others += [entry.partner.code_postal or "", entry.partner.description or ""]
    others += list(entry.partner.reseaux_porteurs)
    if entry.service:
        others += [entry.service.code_postal or "", entry.service.description or ""]
        others += list(entry.service.thematiques)
        others += [labels.label(c) for c in entry.categories if c in labels]
    return fold(names), fold(" ".join(others))


def filter_directory(
    entries: Iterable[DirectoryEntry], query: DirectoryQuery
) -> list[DirectoryEntry]:
    """The entries matching `query`, those whose names hold the words first."""
    words = fold(query.text).split()
    commune = fold(query.commune) if query.commune else None
    wanted = query.thematique
    found: list[tuple[int, DirectoryEntry]] = []
    for entry in entries:
        if commune is not None and fold(entry.commune or "") != commune:
            continue
        if wanted and not any(
            value == wanted or value.startswith(wanted + "--") for value in entry.thematiques
        ):
            continue
        names, others = _haystacks(entry)
        if not all(word in names or word in others for word in words):
            continue
        found.append((sum(word in names for word in words), entry))
    found.sort(key=lambda pair: (-pair[0], *_name_key(pair[1])))
    return [entry for _, entry in found]


def search_directory(session: Session, query: DirectoryQuery) -> list[DirectoryEntry]:
    return filter_directory(list_directory(session), query)


def directory_communes(entries: Iterable[DirectoryEntry]) -> list[str]:
    communes = {entry.commune for entry in entries if entry.commune}
    return sorted(communes, key=fold)


def directory_categories(entries: Iterable[DirectoryEntry]) -> list[str]:
    """The thématique categories the entries cover, in the reference list's order."""
    present = {category for entry in entries for category in entry.categories}
    return [slug for slug in reference_data()["thematiques"].slugs if slug in present]


# Reading export files


class DirectoryFileError(ServiceError):
    code = "unreadable_directory"


@dataclass(frozen=True, slots=True)
class RawItem:
    """One structure or service as the file gives it, with where it stands in the file."""

    kind: ItemKind
    where: str
    fields: Mapping[str, Any]

    @property
    def di_id(self) -> str | None:
        value = self.fields.get("id")
        return (str(value).strip() or None) if value is not None else None


def _is_service(record: Mapping[str, Any]) -> bool:
    return "structure_id" in record


def _items_of(records: Sequence[Any], where: str) -> Iterator[RawItem]:
    for position, record in enumerate(records, start=1):
        place = f"{where}élément {position}"
        if not isinstance(record, dict):
            raise DirectoryFileError(f"Fichier d'annuaire : {place} n'est pas un objet JSON.")
        inner = record.get("service")
        if isinstance(inner, dict):  # a /search/services result: {"service": {…}, "distance": …}
            structure = inner.get("structure")
            if isinstance(structure, dict):
                yield RawItem(ItemKind.STRUCTURE, f"{place} (structure)", structure)
            fields = {k: v for k, v in inner.items() if k != "structure"}
            yield RawItem(ItemKind.SERVICE, place, fields)
            continue
        kind = ItemKind.SERVICE if _is_service(record) else ItemKind.STRUCTURE
        yield RawItem(kind, place, record)


def parse_directory_json(raw: bytes) -> list[RawItem]:
    """A data·inclusion export: a list of structures or services, an API page (`items`), or
    `{"structures": […], "services": […]}` (the shape of `resources/partners/`)."""
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DirectoryFileError("Fichier d'annuaire : le JSON doit être en UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise DirectoryFileError(
            f"Fichier d'annuaire : JSON illisible ligne {exc.lineno}, colonne {exc.colno}."
        ) from None
    if isinstance(doc, list):
        return list(_items_of(doc, ""))
    if isinstance(doc, dict) and ("structures" in doc or "services" in doc):
        items: list[RawItem] = []
        for key, kind in (("structures", ItemKind.STRUCTURE), ("services", ItemKind.SERVICE)):
            records = doc.get(key) or []
            if not isinstance(records, list):
                raise DirectoryFileError(f"Fichier d'annuaire : « {key} » doit être une liste.")
            for item in _items_of(records, f"{key}, "):
                items.append(RawItem(kind, item.where, item.fields))
        return items
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        return list(_items_of(doc["items"], ""))
    raise DirectoryFileError(
        "Fichier d'annuaire : liste de structures ou de services data·inclusion attendue."
    )


def parse_directory_csv(raw: bytes) -> list[RawItem]:
    """A data·inclusion CSV export (one file per kind: a `structure_id` column means services)."""
    sheet = read_csv(raw)
    headers = [header.strip().lower() for header in sheet.headers]
    kind = ItemKind.SERVICE if "structure_id" in headers else ItemKind.STRUCTURE
    items = []
    for line, cells in sheet.rows:
        record = {
            header: (cell if cell not in ("", None) else None)
            for header, cell in zip(headers, cells, strict=False)
            if header
        }
        items.append(RawItem(kind, f"ligne {line}", record))
    return items


def read_directory_file(path: Path) -> list[RawItem]:
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise DirectoryFileError(
            f"Format « {suffix or 'sans extension'} » non pris en charge : donnez un export "
            "data·inclusion en .json ou en .csv."
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DirectoryFileError("Fichier d'annuaire trop volumineux (50 Mo au plus).")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DirectoryFileError(f"Fichier introuvable : {path}") from None
    except IsADirectoryError:
        raise DirectoryFileError(f"{path} est un dossier, pas un fichier.") from None
    except PermissionError:
        raise DirectoryFileError(f"Lecture du fichier refusée : {path}") from None
    if suffix == ".json":
        return parse_directory_json(raw)
    try:
        return parse_directory_csv(raw)
    except SheetError as exc:
        raise DirectoryFileError(str(exc)) from None


# v0 → v1


def _first(*values: Any) -> Any:
    return next((v for v in values if v not in (None, "", [])), None)


def _joined(parts: Iterable[tuple[str, Any]]) -> str | None:
    sentences = []
    for title, value in parts:
        items = _list(value) if not isinstance(value, str) or value.startswith("[") else [value]
        if items:
            sentences.append(f"{title} : {', '.join(items)}.")
    return " ".join(sentences) or None


def upgrade_v0(kind: ItemKind, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The item with the names of data·inclusion schema v0 mapped onto v1; v1 names win."""
    result = dict(fields)

    def take(*names: str) -> list[Any]:
        return [result.pop(name, None) for name in names]

    resume, detail = take("presentation_resume", "presentation_detail")
    if "description" not in result and _first(detail, resume):
        result["description"] = _first(detail, resume)
    if kind is ItemKind.STRUCTURE:
        (hours,) = take("horaires_ouverture")
        (labels,) = take("labels_nationaux")
        if hours is not None and "horaires_accueil" not in result:
            result["horaires_accueil"] = hours
        if labels is not None and "reseaux_porteurs" not in result:
            result["reseaux_porteurs"] = labels
        return result
    types, profils, recurrence = take("types", "profils", "recurrence")
    if types is not None and "type" not in result:
        result["type"] = _first(*_list(types))
    if profils is not None and "publics" not in result:
        result["publics"] = profils
    if recurrence is not None and "horaires_accueil" not in result:
        result["horaires_accueil"] = recurrence
    pre_requis, justificatifs = take("pre_requis", "justificatifs")
    if "conditions_acces" not in result and _first(pre_requis, justificatifs):
        result["conditions_acces"] = _joined(
            (("Prérequis", pre_requis), ("Justificatifs", justificatifs))
        )
    (zone_code,) = take("zone_diffusion_code")
    take("zone_diffusion_type", "zone_diffusion_nom")
    if zone_code and "zone_eligibilite" not in result:
        result["zone_eligibilite"] = [str(zone_code)]
    page, form, booking = take("page_web", "formulaire_en_ligne", "prise_rdv")
    if "lien_mobilisation" not in result and _first(form, booking, page):
        result["lien_mobilisation"] = _first(form, booking, page)
    last, first = take("contact_nom", "contact_prenom")
    if "contact_nom_prenom" not in result and _first(first, last):
        result["contact_nom_prenom"] = " ".join(str(p) for p in (first, last) if p)
    if isinstance(result.get("frais"), list) or (
        isinstance(result.get("frais"), str) and str(result["frais"]).startswith("[")
    ):
        values = _list(result["frais"])
        result["frais"] = (
            "payant" if _V0_PAID & set(values) else "gratuit" if _V0_FREE & set(values) else None
        )
    (frais_autres,) = take("frais_autres")
    if frais_autres and "frais_precisions" not in result:
        result["frais_precisions"] = frais_autres
    helpers, people = take("modes_orientation_accompagnateur", "modes_orientation_beneficiaire")
    helper_other, people_other = take(
        "modes_orientation_accompagnateur_autre", "modes_orientation_beneficiaire_autre"
    )
    if (helpers or people) and "modes_mobilisation" not in result:
        old = _list(helpers) + _list(people)
        mapped = [_V0_MOBILISATION.get(mode, mode) for mode in old]
        result["modes_mobilisation"] = list(dict.fromkeys(m for m in mapped if m))
        if "mobilisable_par" not in result:
            result["mobilisable_par"] = [
                who for who, given in (("professionnels", helpers), ("usagers", people)) if given
            ]
    if "mobilisation_precisions" not in result and _first(helper_other, people_other):
        result["mobilisation_precisions"] = " ".join(
            str(p) for p in (helper_other, people_other) if p
        )
    return result


# Import


@dataclass(frozen=True, slots=True)
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class ItemProblem:
    where: str
    item_id: str | None
    message: str

    def __str__(self) -> str:
        which = f" (id {self.item_id})" if self.item_id else ""
        return f"{self.where}{which} : {self.message}"


@dataclass(frozen=True, slots=True)
class DirectoryImportReport:
    items: int
    partners: Tally
    services: Tally
    rejected: tuple[ItemProblem, ...] = ()  # invalid items left out (skip_invalid)
    withdrawn: tuple[ItemProblem, ...] = ()  # removed from the directory here: not brought back
    ignored_fields: tuple[str, ...] = ()  # columns or members this directory does not keep

    @property
    def has_warnings(self) -> bool:
        return bool(self.rejected)


class DirectoryImportRejected(ServiceError):
    """Invalid items: nothing was imported."""

    code = "directory_import_rejected"

    def __init__(self, problems: Sequence[ItemProblem], items: int) -> None:
        self.problems = tuple(problems)
        head = (
            "Import de l'annuaire annulé, rien n'a été importé : "
            f"{len(self.problems)} élément(s) invalide(s) sur {items}."
        )
        shown = [f"- {p}" for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            shown.append(f"… et {len(self.problems) - MAX_PROBLEMS_SHOWN} autre(s).")
        super().__init__("\n".join([head, *shown]))


@dataclass(slots=True)
class _Valid:
    item: RawItem
    record_id: str
    values: dict[str, Any]


@dataclass(slots=True)
class _Batch:
    structures: dict[str, _Valid] = field(default_factory=dict)  # by data·inclusion id
    services: list[_Valid] = field(default_factory=list)
    problems: list[ItemProblem] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)


def _clean_item(item: RawItem, today: date, batch: _Batch) -> dict[str, Any] | None:
    entity = _ENTITY[item.kind]
    spec = ENTITIES[entity]
    fields = upgrade_v0(item.kind, item.fields)
    messages: list[str] = []
    di_id = item.di_id
    if not di_id:
        messages.append("identifiant data·inclusion (« id ») manquant")
    elif len(di_id) > spec.field("di_id").max_length:  # type: ignore[operator]
        messages.append("identifiant data·inclusion trop long")
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if name in ("id", "structure_id"):
            continue
        if name == "di_id" or not spec.has_field(name):
            batch.ignored.add(name)
            continue
        try:
            values[name] = clean_value(entity, name, raw, today=today)
        except _Invalid as exc:
            messages.append(f"{field_label(name)} : {str(exc).rstrip('.')}")
    nom = values.get("nom")
    if not nom and not any(m.startswith("nom :") for m in messages):
        messages.append("nom manquant")
    elif nom and len(nom) < 3:
        messages.append("nom : 3 caractères au moins")
    if messages:
        batch.problems.append(ItemProblem(item.where, di_id, " ; ".join(messages) + "."))
        return None
    assert di_id is not None
    values["di_id"] = di_id
    if not values.get("source") and "--" in di_id:
        values["source"] = di_id.split("--", 1)[0]
    return values


def _structure_of(session: Session, item: RawItem, batch: _Batch) -> tuple[str | None, str | None]:
    """(partner record id, problem) of a service's `structure_id`."""
    raw = item.fields.get("structure_id")
    owner = str(raw).strip() if raw is not None else ""
    if not owner:
        return None, "structure (« structure_id ») manquante."
    source = str(item.fields.get("source") or "").strip()
    candidates = [owner] + ([f"{source}--{owner}"] if source and "--" not in owner else [])
    for candidate in candidates:
        if candidate in batch.structures:
            return batch.structures[candidate].record_id, None
        found = session.scalar(
            select(partner.c.id).where(partner.c.di_id == candidate, partner.c.deleted.is_(False))
        )
        if found is not None:
            return str(found), None
    return None, f"structure « {owner} » absente du fichier et de l'annuaire."


def _validate(session: Session, items: Sequence[RawItem], today: date) -> _Batch:
    batch = _Batch()
    seen: dict[tuple[ItemKind, str], str] = {}
    ordered = [i for i in items if i.kind is ItemKind.STRUCTURE]
    ordered += [i for i in items if i.kind is ItemKind.SERVICE]
    for item in ordered:
        di_id = item.di_id
        if di_id and (item.kind, di_id) in seen:
            earlier = seen[(item.kind, di_id)]
            batch.problems.append(
                ItemProblem(item.where, di_id, f"identifiant déjà présent ({earlier}).")
            )
            continue
        values = _clean_item(item, today, batch)
        if values is None:
            continue
        assert di_id is not None
        seen[(item.kind, di_id)] = item.where
        if item.kind is ItemKind.STRUCTURE:
            batch.structures[di_id] = _Valid(item, partner_record_id(di_id), values)
            continue
        owner, problem = _structure_of(session, item, batch)
        if problem is not None:
            batch.problems.append(ItemProblem(item.where, di_id, problem))
            continue
        values["structure_id"] = owner
        batch.services.append(_Valid(item, service_record_id(di_id), values))
    return batch


def _write(uow: UnitOfWork, entity: str, valid: _Valid) -> str:
    """'created', 'updated', 'unchanged' or 'withdrawn' (a tombstone is never revived)."""
    current = uow.get(entity, valid.record_id)
    if current is None:
        uow.create(entity, valid.values, record_id=valid.record_id)
        return "created"
    if current["deleted"]:
        return "withdrawn"
    return "updated" if uow.update(entity, valid.record_id, valid.values) else "unchanged"


def import_directory(
    *,
    uow: UnitOfWork,
    items: Sequence[RawItem],
    skip_invalid: bool = False,
    today: date | None = None,
) -> DirectoryImportReport:
    """Create or update the partners and services of `items`, all in this unit of work.

    An invalid item raises DirectoryImportRejected (nothing written) unless `skip_invalid`."""
    ensure_directory_editable(uow.session)
    batch = _validate(uow.session, items, today or clock.today())
    if batch.problems and not skip_invalid:
        raise DirectoryImportRejected(batch.problems, len(items))
    counts: dict[str, dict[str, int]] = {"partner": {}, "service": {}}
    withdrawn: list[ItemProblem] = []
    for entity, valids in (("partner", batch.structures.values()), ("service", batch.services)):
        for valid in valids:
            outcome = _write(uow, entity, valid)
            if outcome == "withdrawn":
                withdrawn.append(
                    ItemProblem(
                        valid.item.where,
                        valid.item.di_id,
                        "retiré de l'annuaire de ce profil, non réimporté.",
                    )
                )
                continue
            counts[entity][outcome] = counts[entity].get(outcome, 0) + 1
    return DirectoryImportReport(
        items=len(items),
        partners=Tally(**counts["partner"]),
        services=Tally(**counts["service"]),
        rejected=tuple(batch.problems),
        withdrawn=tuple(withdrawn),
        ignored_fields=tuple(sorted(batch.ignored)),
    )


def sample_directory() -> list[RawItem]:
    """The fictional Rive Droite directory shipped for demonstrations (`resources/partners`)."""
    return read_directory_file(resource_path("partners", "rive-droite.json"))
