"""The branding file: the shipped one loads, a broken one is reported in French, nothing guessed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mediateur.paths import resource_path
from mediateur.slips import BrandingError, load_branding


def shipped() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(
        resource_path("branding", "branding.json").read_text(encoding="utf-8")
    )
    return result


def write(tmp_path: Path, doc: Any, logo: bytes | None = None) -> Path:
    """`doc` as a branding file beside a copy of the shipped logo (or `logo`)."""
    path = tmp_path / "branding.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    shipped_logo = resource_path("branding", "logo.png").read_bytes()
    (tmp_path / "logo.png").write_bytes(shipped_logo if logo is None else logo)
    return path


def test_the_shipped_branding_loads_with_its_logo_and_notice() -> None:
    branding = load_branding()
    assert branding.structure_name == "Cité de l'emploi — Bordeaux Métropole Rive Droite"
    assert branding.logo is not None
    assert branding.logo.startswith(b"\x89PNG")
    notice = branding.notice
    assert "2 ans après votre dernier contact" in notice.retention
    assert "CNIL" in notice.complaint
    for part in (notice.controller, notice.purpose, notice.recipients, notice.rights):
        assert part


def test_a_branding_without_logo_or_address_is_fine(tmp_path: Path) -> None:
    doc = shipped()
    del doc["logo"], doc["address_line"], doc["accent_color"]
    branding = load_branding(write(tmp_path, doc))
    assert branding.logo is None
    assert branding.address_line is None
    assert branding.accent_color == "#1D3F6E"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "version 2 non prise en charge"),
        (lambda d: d.pop("notice"), "le bloc « notice »"),
        (lambda d: d["notice"].pop("complaint"), "« notice.complaint »"),
        (lambda d: d["notice"].update(rights="  "), "« notice.rights »"),
        (lambda d: d.update(structure_name=3), "« structure_name »"),
        (lambda d: d.update(accent_color="bleu"), "« accent_color »"),
        (lambda d: d.update(logo="absent.png"), "logo introuvable"),
    ],
)
def test_invalid_branding_names_the_member(tmp_path: Path, change: Any, message: str) -> None:
    doc = shipped()
    change(doc)
    with pytest.raises(BrandingError, match=message):
        load_branding(write(tmp_path, doc))


def test_a_logo_must_be_an_image(tmp_path: Path) -> None:
    with pytest.raises(BrandingError, match="PNG ou JPEG"):
        load_branding(write(tmp_path, shipped(), logo=b"<svg></svg>"))


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(BrandingError, match="introuvable"):
        load_branding(tmp_path / "nothing.json")
    broken = tmp_path / "branding.json"
    broken.write_text('{"version": 1,', encoding="utf-8")
    with pytest.raises(BrandingError, match="JSON illisible ligne 1"):
        load_branding(broken)
    broken.write_bytes('{"structure_name": "Cité"}'.encode("cp1252"))
    with pytest.raises(BrandingError, match="UTF-8"):
        load_branding(broken)
