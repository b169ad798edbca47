"""Slip PDFs read back: each field on its copy, sharing choices, QR code, fitting, fonts, batch."""

from __future__ import annotations

import builtins
import tempfile
from collections.abc import Callable
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mediateur.domain.nir import contains_nir
from mediateur.slips import (
    Branding,
    Shared,
    SlipData,
    SlipDataError,
    load_branding,
    render_slip,
    render_slips,
)
from mediateur.slips.render import MARGIN_X, MARGIN_Y, PAGE_HEIGHT, PAGE_WIDTH
from tests.slips.reading import (
    Line,
    font_resources,
    half_of,
    halves,
    normalise,
    page_lines,
    qr_codes,
    render_png,
)
from tests.slips.samples import (
    ADDRESS_60,
    COMPLEMENT_60,
    CONDITIONS_LONG,
    NAME_60,
    PARTNER_60,
    PLACE_60,
    REASON_200,
    SERVICE_60,
    STRUCTURE_60,
    anonymous_slip,
    batch,
    extreme_slip,
    long_slip,
    realistic_slip,
)

BOTH = ("beneficiary", "partner")
BENEFICIARY = ("beneficiary",)
PARTNER = ("partner",)


@pytest.fixture(scope="module")
def branding() -> Branding:
    return load_branding()


def key(text: str) -> str:
    return normalise(text).casefold()


def where(pdf: bytes, page: int = 0) -> dict[str, str]:
    return {half: text.casefold() for half, text in halves(pdf, page).items()}


# Which copy shows what, for the realistic slip: the contract of the layout.
EXPECTED: list[tuple[str, tuple[str, ...]]] = [
    ("RD-3F2A9C1B-20261126-7", BOTH),
    ("Remise le 26 novembre 2026 à Lormont, pied d'immeuble Génicart", BOTH),
    ("Cité de l'emploi", BOTH),
    ("Bordeaux Métropole Rive Droite", BOTH),
    ("Bassens · Cenon · Floirac · Lormont · Bordeaux Bastide", BOTH),
    ("Fiche de liaison", BOTH),
    ("Amina Benali", BOTH),
    ("Médiatrice emploi, Équipe Rive Droite", BOTH),
    ("06 12 34 56 78", BOTH),
    ("amina.benali@cite-emploi-rive-droite.example", BOTH),
    ("Madame Françoise LEFÈVRE", BOTH),
    ("PLIE des Hauts de Garonne", BOTH),
    ("Accompagnement renforcé vers l'emploi", BOTH),
    ("jeudi 3 décembre 2026 à 14 h 30", BOTH),
    # Where to go, how and what to bring: the person's copy.
    ("Exemplaire de Madame Françoise LEFÈVRE — à conserver", BENEFICIARY),
    ("12 avenue de la Libération", BENEFICIARY),
    ("Bâtiment B, 1er étage", BENEFICIARY),
    ("33310 Lormont", BENEFICIARY),
    ("05 56 00 11 22", BENEFICIARY),
    ("accueil@plie-hauts-de-garonne.example", BENEFICIARY),
    (
        "Horaires du lundi au vendredi, 8 h 30 – 12 h 30 et 13 h 30 – 17 h ; "
        "fermé les jours fériés",
        BENEFICIARY,
    ),
    ("Pour prendre contact : vous présenter sur place ou téléphoner.", BENEFICIARY),
    ("Accueil sans rendez-vous le mardi matin.", BENEFICIARY),
    ("Cette fiche de liaison.", BENEFICIARY),
    ("Pièce d'identité, attestation de domicile de moins de 3 mois", BENEFICIARY),
    ("Qui vous a orienté(e)", BENEFICIARY),
    ("Informations vous concernant transmises au partenaire", BENEFICIARY),
    ("Protection de vos données personnelles.", BENEFICIARY),
    ("Responsable du traitement :", BENEFICIARY),
    ("2 ans après votre dernier contact avec nous", BENEFICIARY),
    ("adresser une réclamation à la CNIL", BENEFICIARY),
    # What the partner needs, and the coupon retour.
    ("Exemplaire destiné au partenaire", PARTNER),
    ("07 98 76 54 32", PARTNER),
    ("f.lefevre@example.org", PARTNER),
    ("Contact préféré Téléphone", PARTNER),
    ("Recherche d'un emploi dans l'aide à domicile ou la main-d'œuvre logistique", PARTNER),
    ("Freins Mobilité et Numérique", PARTNER),
    ("Rendez-vous fixé le jeudi 3 décembre 2026 à 14 h 30.", PARTNER),
    ("COUPON RETOUR — à compléter par le partenaire et à renvoyer à Amina Benali", PARTNER),
    ("Fiche reçue le :", PARTNER),
    ("Orientation acceptée", PARTNER),
    ("Orientation refusée", PARTNER),
    ("Motif du refus :", PARTNER),
    ("Personne reçue le :", PARTNER),
    ("Nom, fonction et signature :", PARTNER),
]


def test_every_field_is_on_its_copy_and_only_there(branding: Branding) -> None:
    text = where(render_slip(realistic_slip(), branding))
    for value, copies in EXPECTED:
        for half in BOTH:
            present = key(value) in text[half]
            assert present == (half in copies), (
                f"{value!r} {'absent from' if not present else 'on'} the {half} copy"
            )
    assert not contains_nir(text["beneficiary"] + text["partner"])


SHARED_VALUES: dict[Shared, str] = {
    Shared.CIVILITY: "Madame",
    Shared.FIRST_NAME: "Françoise",
    Shared.LAST_NAME: "LEFÈVRE",
    Shared.PHONE: "07 98 76 54 32",
    Shared.EMAIL: "f.lefevre@example.org",
    Shared.CONTACT_PREFERENCE: "Téléphone",
    Shared.REASON: "main-d'œuvre logistique",
    Shared.BARRIERS: "Mobilité et Numérique",
}


@pytest.mark.parametrize("detail", list(Shared))
def test_the_partner_copy_carries_only_what_the_person_agreed_to_share(
    branding: Branding, detail: Shared
) -> None:
    slip = replace(realistic_slip(), shared_with_partner=frozenset({detail}))
    text = where(render_slip(slip, branding))
    for other, value in SHARED_VALUES.items():
        assert (key(value) in text["partner"]) == (other == detail), (other, value)
    # The person's own copy names them whatever they share, and says what the partner gets.
    assert key("Exemplaire de Madame Françoise LEFÈVRE") in text["beneficiary"]
    assert key("transmises au partenaire") in text["beneficiary"]


def test_nothing_shared_leaves_the_partner_copy_anonymous(branding: Branding) -> None:
    slip = replace(realistic_slip(), shared_with_partner=frozenset())
    text = where(render_slip(slip, branding))
    for value in SHARED_VALUES.values():
        assert key(value) not in text["partner"], value
    assert (
        key("Identité non transmise : la personne se présente avec cette fiche.")
        in (text["partner"])
    )
    assert (
        key("Aucune information personnelle n'est transmise au partenaire") in (text["beneficiary"])
    )


def test_an_anonymous_contact_gets_a_slip(branding: Branding) -> None:
    text = where(render_slip(anonymous_slip(), branding))
    assert key("Exemplaire de la personne orientée — à conserver") in text["beneficiary"]
    assert key("Appelez le partenaire au 05 56 00 11 22.") in text["beneficiary"]
    assert key("La personne vous contactera.") in text["partner"]
    assert key("Motif de l'orientation") not in text["partner"]


def test_the_qr_codes_hold_the_number_only(branding: Branding, tmp_path: Path) -> None:
    slip = realistic_slip()
    (png,) = render_png(render_slip(slip, branding), tmp_path)
    codes = qr_codes(png)
    assert sorted(code.half for code in codes) == ["beneficiary", "partner"]
    assert {code.text for code in codes} == {slip.number}


def boxes_overlap(a: Line, b: Line) -> bool:
    def vertical(line: Line) -> tuple[float, float]:
        return line.y - 0.22 * line.size, line.y + 0.78 * line.size

    (a0, a1), (b0, b1) = vertical(a), vertical(b)
    return a.x < b.x + b.width and b.x < a.x + a.width and a0 < b1 and b0 < a1


def assert_laid_out_cleanly(pdf: bytes) -> list[Line]:
    lines = [line for line in page_lines(pdf) if line.text != "✂"]
    assert len(lines) > 40
    for line in lines:
        assert half_of(line) in BOTH, f"{line.text!r} on the cut line"
        assert line.x >= MARGIN_X - 0.01, line.text
        assert line.x + line.width <= PAGE_WIDTH - MARGIN_X + 0.01, line.text
        assert line.y - 0.22 * line.size >= MARGIN_Y, line.text
        assert line.y + 0.78 * line.size <= PAGE_HEIGHT - MARGIN_Y, line.text
    for index, line in enumerate(lines):
        for other in lines[index + 1 :]:
            assert not boxes_overlap(line, other), (line.text, other.text)
    return lines


@pytest.mark.parametrize(
    "make", [realistic_slip, long_slip, extreme_slip, anonymous_slip], ids=lambda f: f.__name__
)
def test_every_line_stays_in_the_page_in_its_half_and_overlaps_nothing(
    branding: Branding, make: Callable[[], SlipData]
) -> None:
    assert_laid_out_cleanly(render_slip(make(), branding))


def test_sixty_character_names_and_a_200_character_reason_wrap_whole(
    branding: Branding,
) -> None:
    slip = long_slip()
    assert len(REASON_200) == 200
    text = where(render_slip(slip, branding))
    on_both = (NAME_60, PARTNER_60, STRUCTURE_60, PLACE_60)
    for value in (*on_both, SERVICE_60, ADDRESS_60, COMPLEMENT_60):
        assert len(value) == 60
        assert key(value) in text["beneficiary"], value
    for value in (*on_both, "Madame Anne-Sophie " + NAME_60.upper(), REASON_200):
        assert key(value) in text["partner"], value
    # The long conditions d'accès are cut, visibly, rather than overflowing.
    assert key(CONDITIONS_LONG) not in text["beneficiary"]
    assert key(CONDITIONS_LONG[:60]) in text["beneficiary"]
    assert "…" in text["beneficiary"]


def test_texts_at_the_dictionary_limits_are_cut_with_an_ellipsis(branding: Branding) -> None:
    lines = assert_laid_out_cleanly(render_slip(extreme_slip(), branding))
    assert sum(line.text.endswith("…") for line in lines) >= 10


def test_accents_render(branding: Branding) -> None:
    text = "".join(line.text for line in page_lines(render_slip(realistic_slip(), branding)))
    for character in ("é", "è", "à", "ç", "œ", "É", "È", "’"):
        assert character in text, character


def test_fonts_are_embedded(branding: Branding) -> None:
    fonts = font_resources(render_slips(batch(2), branding))
    assert fonts
    names = set()
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        names.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert names == {"DejaVuSans-Bold", "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"}


def test_batch_print_holds_every_slip_in_order(branding: Branding, tmp_path: Path) -> None:
    slips = batch(12)
    pdf = render_slips(slips, branding)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 12
    for page, slip in enumerate(slips):
        text = where(pdf, page)
        assert key(slip.number) in text["beneficiary"]
        assert key(slip.number) in text["partner"]
    for page in (1, 12):
        (png,) = render_png(pdf, tmp_path, page=page)
        assert {code.text for code in qr_codes(png)} == {slips[page - 1].number}


def test_nothing_to_print_is_an_error(branding: Branding) -> None:
    with pytest.raises(SlipDataError, match="Aucune fiche"):
        render_slips([], branding)


def test_metadata_names_the_slip_never_the_person(branding: Branding) -> None:
    slip = realistic_slip()
    info = PdfReader(BytesIO(render_slip(slip, branding))).metadata
    assert info is not None
    assert info.title == f"Fiche de liaison {slip.number}"
    assert info.author == branding.structure_name
    everything = " ".join(str(value) for value in info.values()).casefold()
    for value in ("lefèvre", "françoise", "07 98", "f.lefevre", "aide à domicile"):
        assert value not in everything
    batch_info = PdfReader(BytesIO(render_slips(batch(3), branding))).metadata
    assert batch_info is not None
    assert batch_info.title == "Fiches de liaison (3)"


def test_a_branding_without_logo_renders(branding: Branding) -> None:
    plain = replace(branding, logo=None, address_line=None, accent_color="#7A1F3D")
    pdf = render_slip(realistic_slip(), plain)
    assert_laid_out_cleanly(pdf)
    assert key("Bassens") not in where(pdf)["beneficiary"]


@pytest.fixture
def no_file_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to write a file or create a temporary one."""
    real_open = builtins.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"file written: {file}")
        return real_open(file, mode, *args, **kwargs)

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("temporary file created")

    monkeypatch.setattr(builtins, "open", guarded_open)
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile"):
        monkeypatch.setattr(tempfile, name, forbidden)


def test_rendering_writes_no_file(branding: Branding, no_file_writes: None) -> None:
    pdf = render_slips(batch(2), branding)
    assert pdf.startswith(b"%PDF-")


def test_a_long_information_notice_is_shrunk_never_cut(branding: Branding) -> None:
    notice = branding.notice
    long_recipients = " ".join([notice.recipients] * 4)
    wordy = replace(branding, notice=replace(notice, recipients=long_recipients))
    pdf = render_slip(long_slip(), wordy)
    assert_laid_out_cleanly(pdf)
    text = where(pdf)["beneficiary"]
    for part in (long_recipients, notice.controller, notice.complaint):
        assert key(part) in text
