"""The slip's branding: the structure's name, logo, colour and RGPD information notice.

They come from a JSON file (`resources/branding/branding.json` by default) that a structure edits
without touching code: `{"version": 1, "structure_name", "address_line"?, "logo"? (an image path
relative to the file), "accent_color"? ("#RRGGBB"), "notice": {"title", "controller", "purpose",
"recipients", "retention", "rights", "contact", "complaint"}}`. Loading reads the logo's bytes once,
so rendering never touches the disk; an invalid file is reported in French, naming the member.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediateur.paths import resource_path

SUPPORTED_VERSION = 1
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_NOTICE_PARTS = (
    "title",
    "controller",
    "purpose",
    "recipients",
    "retention",
    "rights",
    "contact",
    "complaint",
)


class BrandingError(Exception):
    """The branding file is missing or invalid; the message is French and names the member."""


@dataclass(frozen=True, slots=True, kw_only=True)
class InformationNotice:
    """The art. 13 RGPD information notice printed on the beneficiary copy."""

    title: str
    controller: str
    purpose: str
    recipients: str
    retention: str
    rights: str
    contact: str
    complaint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Branding:
    structure_name: str
    notice: InformationNotice
    address_line: str | None = None
    logo: bytes | None = None
    accent_color: str = "#1D3F6E"


def _fail(file: str, detail: str) -> BrandingError:
    return BrandingError(f"Fichier d'identité visuelle invalide ({file}) : {detail}")


def _text(doc: dict[str, Any], key: str, file: str, where: str = "") -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, f"le champ « {where}{key} » doit être un texte non vide.")
    return value.strip()


def _optional_text(doc: dict[str, Any], key: str, file: str) -> str | None:
    return None if doc.get(key) is None else _text(doc, key, file)


def load_branding(path: Path | None = None) -> Branding:
    """Read and validate the branding file (the shipped one by default)."""
    path = path or resource_path("branding", "branding.json")
    file = path.name
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BrandingError(f"Fichier d'identité visuelle introuvable : {path}.") from None
    except UnicodeDecodeError:
        raise _fail(file, "le fichier n'est pas en UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise _fail(file, f"JSON illisible ligne {exc.lineno}, colonne {exc.colno}.") from None
    if not isinstance(doc, dict):
        raise _fail(file, "un objet JSON est attendu.")
    if doc.get("version") != SUPPORTED_VERSION:
        raise _fail(
            file,
            f"version {doc.get('version')!r} non prise en charge (attendue : {SUPPORTED_VERSION}).",
        )
    structure_name = _text(doc, "structure_name", file)
    address_line = _optional_text(doc, "address_line", file)
    raw_notice = doc.get("notice")
    if not isinstance(raw_notice, dict):
        raise _fail(file, "le bloc « notice » (mention d'information RGPD) est absent.")
    notice = InformationNotice(
        **{part: _text(raw_notice, part, file, "notice.") for part in _NOTICE_PARTS}
    )
    color = doc.get("accent_color", "#1D3F6E")
    if not isinstance(color, str) or not _COLOR.match(color):
        raise _fail(file, "le champ « accent_color » doit être une couleur #RRGGBB.")
    logo = None
    logo_name = _optional_text(doc, "logo", file)
    if logo_name is not None:
        logo_path = path.parent / logo_name
        try:
            logo = logo_path.read_bytes()
        except OSError:
            raise _fail(file, f"logo introuvable : {logo_path}.") from None
        if not logo.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise _fail(file, f"le logo {logo_name} doit être une image PNG ou JPEG.")
    return Branding(
        structure_name=structure_name,
        address_line=address_line,
        notice=notice,
        logo=logo,
        accent_color=color,
    )
