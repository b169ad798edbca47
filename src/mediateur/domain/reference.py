"""Reference data: the coded lists of resources/reference/*.json, loaded and validated as a whole.

Each file is `{"version": 1, "list": <name>, "items": [{"slug", "label", ...}], ...}`. Slugs are the
stable values stored and synced; labels are the French words shown. An invalid file is reported
precisely (file, item, problem) and nothing is loaded: callers get a complete `ReferenceData` or a
`ReferenceDataError`, never a partial set.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mediateur.domain.dictionary import ENTITIES
from mediateur.paths import resource_path

SUPPORTED_VERSION = 1
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# Extra members some lists must carry, with their expected JSON type.
_EXTRA_ITEM_FIELDS: dict[str, dict[str, type]] = {
    "qpv": {"communes": list, "rive_droite": bool},
    "freins": {"thematiques": list},
}


class ReferenceDataError(Exception):
    """A reference file is missing or invalid; the message is French and names the place."""


@dataclass(frozen=True, slots=True)
class Item:
    slug: str
    label: str
    extra: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class CodeList:
    name: str
    version: int
    items: tuple[Item, ...]
    meta: Mapping[str, Any]

    def __contains__(self, slug: object) -> bool:
        return any(item.slug == slug for item in self.items)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(item.slug for item in self.items)

    def label(self, slug: str | None) -> str:
        for item in self.items:
            if item.slug == slug:
                return item.label
        return "inconnu"

    def get(self, slug: str) -> Item | None:
        return next((item for item in self.items if item.slug == slug), None)


def fold(text: str) -> str:
    """Case-, accent-, dash- and space-insensitive form used to match labels and names."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = ascii_only.lower().replace("’", "'")
    return re.sub(r"[\s\-_–—'.]+", " ", lowered).strip()


class ReferenceData:
    """All coded lists, by name."""

    def __init__(self, lists: Mapping[str, CodeList]) -> None:
        self._lists = dict(lists)

    def __getitem__(self, name: str) -> CodeList:
        return self._lists[name]

    def __contains__(self, name: object) -> bool:
        return name in self._lists

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._lists))

    def label(self, list_name: str, slug: str | None) -> str:
        return self._lists[list_name].label(slug)

    def referral_transitions(self) -> dict[str, tuple[str, ...]]:
        raw = self._lists["referral_statuses"].meta["transitions"]
        return {status: tuple(targets) for status, targets in raw.items()}

    def match(self, list_name: str, text: str) -> str | None:
        """The slug whose slug or label matches `text` once folded, or None."""
        wanted = fold(text)
        for item in self._lists[list_name].items:
            if wanted in (fold(item.slug), fold(item.label)):
                return item.slug
        return None

    def qpv_communes(self, slug: str) -> tuple[str, ...]:
        item = self._lists["qpv"].get(slug)
        return tuple(item.extra.get("communes", ())) if item else ()


def required_list_names() -> set[str]:
    names: set[str] = set()
    for spec in ENTITIES.values():
        for f in spec.fields:
            names.update(n for n in (f.codes, f.value_codes) if n)
    return names


def _fail(file: str, detail: str) -> ReferenceDataError:
    return ReferenceDataError(f"Données de référence invalides ({file}) : {detail}")


def _parse_list(path: Path) -> CodeList:
    file = path.name
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise _fail(file, "le fichier n'est pas en UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise _fail(file, f"JSON illisible ligne {exc.lineno}, colonne {exc.colno}.") from None
    if not isinstance(doc, dict):
        raise _fail(file, "un objet JSON est attendu.")
    version = doc.get("version")
    if version != SUPPORTED_VERSION:
        raise _fail(
            file, f"version {version!r} non prise en charge (attendue : {SUPPORTED_VERSION})."
        )
    name = doc.get("list")
    if name != path.stem:
        raise _fail(file, f"le champ « list » vaut {name!r} au lieu de « {path.stem} ».")
    raw_items = doc.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise _fail(file, "la liste « items » est absente ou vide.")
    items: list[Item] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_items, start=1):
        where = f"élément {position}"
        if not isinstance(raw, dict):
            raise _fail(file, f"{where} : un objet est attendu.")
        slug, label = raw.get("slug"), raw.get("label")
        if not isinstance(slug, str) or not _SLUG.match(slug):
            raise _fail(
                file, f"{where} : code {slug!r} invalide (minuscules ASCII, chiffres, _ ou -)."
            )
        if slug in seen:
            raise _fail(file, f"{where} : le code « {slug} » est en double.")
        if not isinstance(label, str) or not label.strip():
            raise _fail(file, f"{where} ({slug}) : libellé manquant.")
        for member, expected in _EXTRA_ITEM_FIELDS.get(name, {}).items():
            if not isinstance(raw.get(member), expected):
                raise _fail(
                    file, f"{where} ({slug}) : le champ « {member} » est absent ou invalide."
                )
        seen.add(slug)
        extra = {k: v for k, v in raw.items() if k not in ("slug", "label")}
        items.append(Item(slug=slug, label=label, extra=extra))
    meta = {k: v for k, v in doc.items() if k not in ("version", "list", "items")}
    return CodeList(name=name, version=version, items=tuple(items), meta=meta)


def _check_transitions(statuses: CodeList) -> None:
    file = "referral_statuses.json"
    transitions = statuses.meta.get("transitions")
    if not isinstance(transitions, dict):
        raise _fail(file, "la table « transitions » est absente.")
    known = set(statuses.slugs)
    if set(transitions) != known:
        missing = ", ".join(sorted(known - set(transitions))) or "aucun"
        raise _fail(file, f"chaque statut doit avoir ses transitions (manquants : {missing}).")
    for source, targets in transitions.items():
        unknown = [t for t in targets if t not in known]
        if unknown:
            raise _fail(
                file, f"transition depuis « {source} » vers un statut inconnu : {unknown[0]}."
            )


def load_reference_data(directory: Path | None = None) -> ReferenceData:
    """Load and validate every list of `directory` (resources/reference by default)."""
    directory = directory or resource_path("reference")
    files = sorted(directory.glob("*.json"))
    lists = {path.stem: _parse_list(path) for path in files}
    missing = required_list_names() - set(lists)
    if missing:
        raise ReferenceDataError(
            f"Données de référence incomplètes : liste(s) absente(s) {', '.join(sorted(missing))}."
        )
    _check_transitions(lists["referral_statuses"])
    return ReferenceData(lists)


@cache
def reference_data() -> ReferenceData:
    """The bundled reference data, loaded once per process."""
    return load_reference_data()


def labels(list_name: str, slugs: Iterable[str]) -> list[str]:
    codes = reference_data()[list_name]
    return [codes.label(s) for s in slugs]
