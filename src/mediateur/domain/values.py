"""Field values between their wire form (JSON) and their Python form, with validation.

One codec for every field kind of the data dictionary, used by the laptop (outbox, pull apply,
services) and the server (push validation). Errors are `FieldValueError` with a French message
naming the field; they never repeat the submitted value, which may be personal data.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from mediateur.domain.dictionary import EntitySpec, FieldSpec, Kind
from mediateur.domain.nir import NIR_MESSAGE, contains_nir
from mediateur.domain.reference import ReferenceData

_STRING_ITEM_MAX = 200


class FieldValueError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field} : {message}")
        self.field = field
        self.message = message


def now_utc() -> datetime:
    return datetime.now(UTC)


def format_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_datetime(raw: str) -> datetime:
    parsed = datetime.fromisoformat(raw)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime")
    return parsed.astimezone(UTC)


def canonical_uuid(raw: str) -> str:
    return str(uuid.UUID(raw))


def new_id() -> str:
    """A UUIDv7 (time-ordered, index-friendly) as a string."""
    millis = int(datetime.now(UTC).timestamp() * 1000)
    rand = uuid.uuid4().int & ((1 << 74) - 1)
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def encode(spec: FieldSpec, value: Any) -> Any:
    """Python value → JSON value."""
    if value is None:
        return None
    if spec.kind is Kind.DATE:
        return value.isoformat() if isinstance(value, date) else value
    if spec.kind is Kind.DATETIME:
        return format_datetime(value) if isinstance(value, datetime) else value
    if spec.kind in (Kind.CODES, Kind.UUIDS, Kind.STRINGS):
        return list(value)
    if spec.kind is Kind.CODE_MAP:
        return dict(value)
    return value


def _check_text(spec: FieldSpec, raw: Any) -> str:
    if not isinstance(raw, str):
        raise FieldValueError(spec.name, "un texte est attendu.")
    if spec.max_length is not None and len(raw) > spec.max_length:
        raise FieldValueError(spec.name, f"{spec.max_length} caractères au plus.")
    if contains_nir(raw):
        raise FieldValueError(spec.name, NIR_MESSAGE)
    return raw


def _check_code(spec: FieldSpec, list_name: str, raw: Any, ref: ReferenceData | None) -> str:
    if not isinstance(raw, str):
        raise FieldValueError(spec.name, "un code est attendu.")
    if ref is not None and raw not in ref[list_name]:
        raise FieldValueError(spec.name, "code inconnu de la liste de référence.")
    return raw


def decode(spec: FieldSpec, raw: Any, ref: ReferenceData | None = None) -> Any:
    """JSON value → Python value, validated. `ref` enables the check of coded values."""
    if raw is None:
        if spec.required:
            raise FieldValueError(spec.name, "champ obligatoire.")
        return None
    kind = spec.kind
    try:
        if kind is Kind.TEXT:
            return _check_text(spec, raw)
        if kind is Kind.DATE:
            if not isinstance(raw, str):
                raise ValueError
            return date.fromisoformat(raw)
        if kind is Kind.DATETIME:
            if not isinstance(raw, str):
                raise ValueError
            return parse_datetime(raw)
        if kind is Kind.BOOL:
            if not isinstance(raw, bool):
                raise ValueError
            return raw
        if kind is Kind.INT:
            if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < 2**31:
                raise ValueError
            return raw
        if kind is Kind.UUID:
            if not isinstance(raw, str):
                raise ValueError
            return canonical_uuid(raw)
    except FieldValueError:
        raise
    except (ValueError, TypeError):
        raise FieldValueError(spec.name, _EXPECTED[kind]) from None
    if kind is Kind.CODE:
        assert spec.codes is not None
        return _check_code(spec, spec.codes, raw, ref)
    if kind in (Kind.CODES, Kind.UUIDS, Kind.STRINGS):
        return _decode_list(spec, raw, ref)
    if kind is Kind.CODE_MAP:
        return _decode_map(spec, raw, ref)
    raise AssertionError(kind)


def _decode_list(spec: FieldSpec, raw: Any, ref: ReferenceData | None) -> list[str]:
    if not isinstance(raw, list):
        raise FieldValueError(spec.name, "une liste est attendue.")
    result: list[str] = []
    for item in raw:
        if spec.kind is Kind.CODES:
            assert spec.codes is not None
            result.append(_check_code(spec, spec.codes, item, ref))
        elif spec.kind is Kind.UUIDS:
            try:
                result.append(canonical_uuid(item))
            except (ValueError, TypeError, AttributeError):
                raise FieldValueError(spec.name, "identifiants invalides.") from None
        else:
            if not isinstance(item, str) or len(item) > _STRING_ITEM_MAX:
                raise FieldValueError(spec.name, "liste de textes courts attendue.")
            result.append(item)
    if len(set(result)) != len(result):
        raise FieldValueError(spec.name, "la liste contient des doublons.")
    return result


def _decode_map(spec: FieldSpec, raw: Any, ref: ReferenceData | None) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise FieldValueError(spec.name, "un tableau code → niveau est attendu.")
    assert spec.codes is not None
    assert spec.value_codes is not None
    return {
        _check_code(spec, spec.codes, key, ref): _check_code(spec, spec.value_codes, value, ref)
        for key, value in raw.items()
    }


_EXPECTED = {
    Kind.DATE: "date invalide (AAAA-MM-JJ attendu).",
    Kind.DATETIME: "date et heure invalides (ISO 8601 avec fuseau attendu).",
    Kind.BOOL: "oui/non attendu.",
    Kind.INT: "nombre entier positif attendu.",
    Kind.UUID: "identifiant invalide.",
}


def decode_fields(
    entity: EntitySpec, raw: dict[str, Any], ref: ReferenceData | None = None
) -> dict[str, Any]:
    """Decode a partial field map; unknown fields are refused by name."""
    decoded: dict[str, Any] = {}
    for name, value in raw.items():
        if not entity.has_field(name):
            raise FieldValueError(name, "champ inconnu.")
        decoded[name] = decode(entity.field(name), value, ref)
    return decoded


def encode_fields(entity: EntitySpec, values: dict[str, Any]) -> dict[str, Any]:
    return {name: encode(entity.field(name), value) for name, value in values.items()}
