"""Referral slip PDFs: one A4 page per slip, built in memory with reportlab (DESIGN.md §6).

The page has two halves separated by a dashed cut line with a scissors mark. The top half is the
beneficiary copy: where to go, when, what to bring, who oriented the person and how to reach
them, what the partner receives, and the RGPD information notice. The bottom half is the partner
copy, with only the details the person agreed to share, and the *coupon retour* the partner fills
in (received, accepted or refused with a reason, person seen, signature). Both halves open with
the branding and the slip number in text and as a QR code holding the number only. Every text
box is fitted by `fitting`, so long names and addresses wrap and nothing leaves its half.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from io import BytesIO
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from mediateur.slips import wording
from mediateur.slips.branding import Branding
from mediateur.slips.fitting import Column, Part, Text, clamp, draw_column, text_markup
from mediateur.slips.fonts import BODY, BODY_BOLD, TITLE, register_fonts
from mediateur.slips.french import NBSP, format_date, join_words, to_paris, unbreakable
from mediateur.slips.model import Shared, SlipData, SlipDataError
from mediateur.slips.opening_hours import describe_opening_hours

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 40.0
MARGIN_Y = 30.0
CUT_Y = PAGE_HEIGHT / 2
CUT_GAP = 13.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
COLUMN_GAP = 16.0
COLUMN_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2

# The two halves, as (bottom, top) in PDF points: nothing of a copy is drawn outside its half.
BENEFICIARY_HALF = (CUT_Y + CUT_GAP, PAGE_HEIGHT - MARGIN_Y)
PARTNER_HALF = (MARGIN_Y, CUT_Y - CUT_GAP)

QR_SIZE = 60.0
QR_QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
LOGO_SIZE = 46.0
TITLE_BLOCK_WIDTH = 184.0
NOTICE_PADDING = 6.0
NOTICE_MAX_LINES = 9
# The coupon grows into the room the partner copy leaves, for larger writing lines.
COUPON_MIN_HEIGHT = 122.0
COUPON_MAX_HEIGHT = 165.0
COUPON_FONT_SIZE = 9.5
_UNBOUNDED = 1e6

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")

# Priorities of the fitting (see `fitting`): what is cut last is what the person cannot do without.
KEEP, USEFUL, SPARE = 3, 2, 1


@dataclass(frozen=True, slots=True)
class _Styles:
    accent: colors.Color
    tint: colors.Color
    heading: ParagraphStyle
    body: ParagraphStyle
    strong: ParagraphStyle
    small: ParagraphStyle
    brand: ParagraphStyle
    brand_line: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    number: ParagraphStyle
    issued: ParagraphStyle
    step_heading: ParagraphStyle
    step: ParagraphStyle
    notice: ParagraphStyle
    notice_large: ParagraphStyle
    coupon_title: ParagraphStyle


@dataclass(frozen=True, slots=True)
class _Look:
    """What every page of one document shares."""

    branding: Branding
    styles: _Styles
    logo: ImageReader | None


def _style(name: str, **overrides: object) -> ParagraphStyle:
    # spaceShrinkage 0: reportlab would otherwise let a line overrun its box by squeezing spaces.
    settings: dict[str, object] = {
        "fontName": BODY,
        "fontSize": 9,
        "leading": 11.2,
        "textColor": INK,
        "spaceShrinkage": 0,
    }
    settings.update(overrides)
    return ParagraphStyle(name, **settings)


@cache
def _styles(accent_hex: str) -> _Styles:
    accent = colors.HexColor(accent_hex)
    # A pale wash of the accent colour: still visible when printed in grey.
    tint = colors.Color(*(0.91 + 0.09 * c for c in (accent.red, accent.green, accent.blue)))
    return _Styles(
        accent=accent,
        tint=tint,
        heading=_style(
            "heading",
            fontName=BODY_BOLD,
            fontSize=7.6,
            leading=9.5,
            textColor=accent,
            spaceBefore=5,
            spaceAfter=1.5,
        ),
        body=_style("body"),
        strong=_style("strong", fontName=BODY_BOLD, fontSize=10, leading=12),
        small=_style("small", fontSize=8, leading=9.8, textColor=MUTED),
        brand=_style("brand", fontName=BODY_BOLD, fontSize=9.5, leading=11.4, textColor=accent),
        brand_line=_style("brand_line", fontSize=7.5, leading=9.2, textColor=MUTED),
        title=_style(
            "title", fontName=TITLE, fontSize=18, leading=21, textColor=accent, alignment=TA_RIGHT
        ),
        subtitle=_style("subtitle", fontName=BODY_BOLD, fontSize=8.5, leading=10.4, spaceBefore=4),
        number=_style(
            "number", fontName=BODY_BOLD, fontSize=11.5, leading=13.5, alignment=TA_RIGHT
        ),
        issued=_style("issued", fontSize=8, leading=9.8, textColor=MUTED, alignment=TA_RIGHT),
        step_heading=_style(
            "step_heading", fontName=BODY_BOLD, fontSize=7.6, leading=9.5, textColor=accent
        ),
        step=_style("step", fontName=BODY_BOLD, fontSize=11.5, leading=13.8),
        notice=_style("notice", fontSize=6.6, leading=8.0, textColor=MUTED),
        notice_large=_style("notice_large", fontSize=7.4, leading=9.0, textColor=MUTED),
        coupon_title=_style(
            "coupon_title",
            fontName=BODY_BOLD,
            fontSize=8.5,
            leading=10.5,
            textColor=colors.white,
        ),
    )


def _given(value: str | None) -> str | None:
    return value.strip() if value is not None and value.strip() else None


def _heading(text: str, styles: _Styles) -> Paragraph:
    return Paragraph(text_markup(text.upper()), styles.heading)


def _text(
    value: str | None,
    style: ParagraphStyle,
    max_lines: int,
    priority: int = USEFUL,
    *,
    label: str | None = None,
    min_lines: int = 1,
) -> list[Part]:
    """A fitted paragraph ('<b>Tél.</b> 05 56 …' with a label) when `value` is given."""
    text = _given(value)
    if text is None:
        return []
    markup = f"<b>{text_markup(label)}</b>{NBSP}" if label else ""
    return [Text(text, style, markup, min(min_lines, max_lines), max_lines, priority)]


def _phone(value: str | None, style: ParagraphStyle) -> list[Part]:
    return _text(unbreakable(value) if value else None, style, 1, KEEP, label="Tél.")


def _barriers(data: SlipData) -> str | None:
    labels = [label.strip() for label in data.barriers if label.strip()]
    return join_words(labels) if labels else None


def _qr_modules(number: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of `number`, error correction level M (15 % of the code may be damaged)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(number)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


def _qr(canvas: Canvas, number: str, x: float, y: float, size: float) -> None:
    """A QR code holding the slip number and nothing else, `size` wide with its quiet zone.

    reportlab's QR encoder gives the matrix; the dark runs of its rows are one filled path, kept
    as a PDF form so both copies of a slip place the same drawing.
    """
    name = f"qr-{number}-{size:g}"
    if not canvas.hasForm(name):
        modules = _qr_modules(number)
        module = size / (len(modules) + 2 * QR_QUIET_ZONE)
        canvas.beginForm(name, 0, 0, size, size)
        path = canvas.beginPath()
        for row_index, row in enumerate(modules):
            column = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect(
                        (column + QR_QUIET_ZONE) * module,
                        size - (row_index + QR_QUIET_ZONE + 1) * module,
                        length * module,
                        module,
                    )
                column += length
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _issued(data: SlipData) -> str:
    # No weekday: the issue date only dates the slip, and a long place must fit in two lines.
    day = format_date(to_paris(data.issued_at).date(), weekday=False)
    place = _given(data.issued_place)
    return f"Remise le {day}" + (f" à {place}" if place else "")


def _draw_header(
    canvas: Canvas,
    data: SlipData,
    look: _Look,
    top: float,
    subtitle: str,
) -> float:
    """Brand block, title, number, QR code and `subtitle` (whose copy this is) over a rule.

    Returns the y where the body starts. The structure name breaks after its em dashes, as the
    two or three stacked lines of a French public body's letterhead.
    """
    branding, styles = look.branding, look.styles
    qr_x = PAGE_WIDTH - MARGIN_X - QR_SIZE
    _qr(canvas, data.number, qr_x, top - QR_SIZE, QR_SIZE)
    title_x = qr_x - 10 - TITLE_BLOCK_WIDTH
    draw_column(
        canvas,
        [
            Paragraph("Fiche de liaison", styles.title),
            Text(f"n°{NBSP}{data.number}", styles.number, max_lines=2, priority=KEEP),
            Text(_issued(data), styles.issued, max_lines=2),
        ],
        title_x,
        top + 1,
        TITLE_BLOCK_WIDTH,
        QR_SIZE + 1,
    )
    brand_x = MARGIN_X
    if look.logo is not None:
        canvas.drawImage(
            look.logo,
            MARGIN_X,
            top - LOGO_SIZE,
            LOGO_SIZE,
            LOGO_SIZE,
            mask="auto",
            preserveAspectRatio=True,
            anchor="c",
        )
        brand_x += LOGO_SIZE + 10
    name_lines = [line.strip() for line in branding.structure_name.split(" — ") if line.strip()]
    brand: list[Part] = [
        *(Text(line, styles.brand, max_lines=2, priority=KEEP) for line in name_lines),
        *_text(branding.address_line, styles.brand_line, 2, SPARE, min_lines=0),
    ]
    brand_width = title_x - 12 - brand_x
    subtitle_text = Text(subtitle, styles.subtitle, max_lines=2, priority=KEEP)
    beside_brand = Column([*brand, subtitle_text], brand_width)
    uncut = Column([replace(subtitle_text, max_lines=3)], brand_width).natural_height
    # The subtitle joins the brand block when it fits there whole (two lines at most), else it
    # takes a row of its own, full width.
    if uncut <= 2 * styles.subtitle.leading and beside_brand.natural_height <= QR_SIZE:
        beside_brand.draw(canvas, brand_x, top, QR_SIZE)
        rule_y = top - QR_SIZE - 5
    else:
        draw_column(canvas, brand, brand_x, top, brand_width, QR_SIZE)
        subtitle_top = top - QR_SIZE - 4
        row = Column([subtitle_text], CONTENT_WIDTH)
        row_height = row.natural_height
        row.draw(canvas, MARGIN_X, subtitle_top, row_height)
        rule_y = subtitle_top - row_height - 3
    canvas.setStrokeColor(styles.accent)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
    return rule_y - 6


# ----------------------------------------------------------------------------- beneficiary copy


class _StepBox(Flowable):  # type: ignore[misc]
    """The highlighted "next step" panel: a tint with an accent bar on its left."""

    _PAD = 6.0
    _INDENT = 12.0

    def __init__(self, heading: str, sentence: str, styles: _Styles, width: float) -> None:
        super().__init__()
        self._styles = styles
        self._heading = Paragraph(text_markup(heading.upper()), styles.step_heading)
        self._sentence = clamp(Text(sentence, styles.step), self._inner(width), 3)

    def _inner(self, width: float) -> float:
        return width - self._INDENT - 6

    def _parts_heights(self, width: float) -> tuple[float, float]:
        inner = self._inner(width)
        return (
            self._heading.wrap(inner, _UNBOUNDED)[1],
            self._sentence.wrap(inner, _UNBOUNDED)[1],
        )

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        heading, sentence = self._parts_heights(available_width)
        self.width, self.height = available_width, heading + sentence + 2 * self._PAD + 1
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self._styles.tint)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self._styles.accent)
        canvas.rect(0, 0, 3.5, self.height, stroke=0, fill=1)
        canvas.restoreState()
        heading, sentence = self._parts_heights(self.width)
        self._heading.drawOn(canvas, self._INDENT, self.height - self._PAD - heading)
        self._sentence.drawOn(
            canvas, self._INDENT, self.height - self._PAD - heading - 1 - sentence
        )


def _where_to_go(data: SlipData, styles: _Styles) -> list[Part]:
    place = data.destination
    town = " ".join(part for part in (_given(place.postcode), _given(place.commune)) if part)
    hours = _given(place.opening_hours)
    return [
        _heading("Où aller", styles),
        *_text(place.partner_name, styles.strong, 2, KEEP),
        *_text(place.service_name, styles.body, 2, USEFUL),
        *_text(place.address, styles.body, 2, KEEP),
        *_text(place.address_complement, styles.body, 2, USEFUL),
        *_text(town, styles.body, 2, KEEP),
        *_phone(place.phone, styles.body),
        *_text(place.email, styles.body, 2, KEEP, label="Courriel"),
        *_text(
            describe_opening_hours(hours) if hours else None,
            styles.body,
            4,
            USEFUL,
            label="Horaires",
        ),
        *_text(wording.mobilisation_modes(place.modes_mobilisation), styles.body, 2, SPARE),
        *_text(place.mobilisation_precisions, styles.small, 3, 0, min_lines=0),
        *_text(place.mobilisation_link, styles.small, 2, SPARE, label="En ligne"),
    ]


def _when_and_who(data: SlipData, styles: _Styles) -> list[Part]:
    heading, sentence = wording.beneficiary_next_step(data)
    orienter = data.orienter
    return [
        _StepBox(heading, sentence, styles, COLUMN_WIDTH),
        _heading("À apporter", styles),
        Text("Cette fiche de liaison.", styles.body, max_lines=1, priority=KEEP),
        *_text(data.destination.access_conditions, styles.body, 10, SPARE, min_lines=2),
        _heading("Qui vous a orienté(e)", styles),
        *_text(orienter.name, styles.strong, 2, KEEP),
        *_text(orienter.role, styles.body, 1, SPARE),
        *_text(orienter.structure, styles.body, 2, USEFUL),
        *_phone(orienter.phone, styles.body),
        *_text(orienter.email, styles.body, 2, KEEP, label="Courriel"),
    ]


def _notice(branding: Branding, style: ParagraphStyle) -> Paragraph:
    """The information notice, whole: a legal text may be shrunk to fit, never cut."""
    notice = branding.notice
    entries = (
        ("Responsable du traitement", notice.controller),
        ("Finalité", notice.purpose),
        ("Destinataires", notice.recipients),
        ("Durée de conservation", notice.retention),
        ("Vos droits", notice.rights),
        ("Contact", notice.contact),
        ("Réclamation", notice.complaint),
    )
    body = " ".join(
        f"<b>{text_markup(label)}{NBSP}:</b> {text_markup(value)}" for label, value in entries
    )
    return Paragraph(f"<b>{text_markup(notice.title)}.</b> {body}", style)


def _draw_beneficiary_copy(canvas: Canvas, data: SlipData, look: _Look) -> None:
    branding, styles = look.branding, look.styles
    bottom, top = BENEFICIARY_HALF
    name = wording.beneficiary_name(data) or "la personne orientée"
    body_top = _draw_header(
        canvas, data, look, top, f"Exemplaire de {name}{NBSP}— à{NBSP}conserver"
    )

    left = Column(_where_to_go(data, styles), COLUMN_WIDTH)
    right = Column(_when_and_who(data, styles), COLUMN_WIDTH)
    needed = max(left.natural_height, right.natural_height)
    summary = clamp(Text(wording.shared_summary(data), styles.small), CONTENT_WIDTH, 2)
    summary_height = summary.wrap(CONTENT_WIDTH, _UNBOUNDED)[1]
    inner_width = CONTENT_WIDTH - 2 * NOTICE_PADDING

    # The notice is printed larger when the columns leave the room for it.
    for style in (styles.notice_large, styles.notice):
        notice = _notice(branding, style)
        text_height = min(notice.wrap(inner_width, _UNBOUNDED)[1], NOTICE_MAX_LINES * style.leading)
        notice_height = text_height + 2 * NOTICE_PADDING
        summary_top = bottom + notice_height + 7 + summary_height
        columns_height = body_top - summary_top - 7
        if columns_height >= needed:
            break

    canvas.setFillColor(styles.tint)
    canvas.rect(MARGIN_X, bottom, CONTENT_WIDTH, notice_height, stroke=0, fill=1)
    draw_column(
        canvas,
        [notice],
        MARGIN_X + NOTICE_PADDING,
        bottom + notice_height - NOTICE_PADDING,
        inner_width,
        text_height,
    )
    draw_column(canvas, [summary], MARGIN_X, summary_top, CONTENT_WIDTH, summary_height)
    right_x = MARGIN_X + COLUMN_WIDTH + COLUMN_GAP
    left.draw(canvas, MARGIN_X, body_top, columns_height)
    right.draw(canvas, right_x, body_top, columns_height)


# ------------------------------------------------------------------------------- partner copy


def _person(data: SlipData, styles: _Styles) -> list[Part]:
    """The person as the partner may see them: what `shared_with_partner` allows, nothing else."""
    person = data.beneficiary

    def shared(detail: Shared, value: str | None) -> str | None:
        return value if data.for_partner(detail) else None

    name = wording.partner_person_name(data)
    identity = (
        Text(name, styles.strong, max_lines=3, priority=KEEP)
        if name
        else Text(
            f"Identité non transmise{NBSP}: la personne se présente avec cette fiche.",
            styles.body,
            max_lines=2,
            priority=KEEP,
        )
    )
    reason = shared(Shared.REASON, data.reason)
    barriers = _barriers(data) if data.for_partner(Shared.BARRIERS) else None
    motive: list[Part] = (
        [_heading("Motif de l’orientation", styles)] if _given(reason) or barriers else []
    )
    return [
        _heading("Personne orientée", styles),
        identity,
        *_phone(shared(Shared.PHONE, person.phone), styles.body),
        *_text(shared(Shared.EMAIL, person.email), styles.body, 2, KEEP, label="Courriel"),
        *_text(
            shared(Shared.CONTACT_PREFERENCE, person.contact_preference),
            styles.body,
            1,
            USEFUL,
            label="Contact préféré",
        ),
        *motive,
        *_text(reason, styles.body, 6, USEFUL),
        *_text(barriers, styles.body, 2, SPARE, label="Freins"),
    ]


def _name_and_role(name: str, role: str | None, styles: _Styles) -> Text:
    """'**Amina Benali** · Médiatrice emploi' in one paragraph: the role is cut before the name."""
    markup = f"<b>{text_markup(name.strip())}</b>"
    if not _given(role):
        return Text("", styles.body, markup=markup, max_lines=3, priority=KEEP)
    return Text(
        (role or "").strip(), styles.body, markup=f"{markup}{NBSP}· ", max_lines=3, priority=KEEP
    )


def _referral(data: SlipData, styles: _Styles) -> list[Part]:
    place = data.destination
    orienter = data.orienter
    return [
        _heading("Destinataire", styles),
        *_text(place.partner_name, styles.strong, 2, KEEP),
        *_text(place.service_name, styles.body, 2, USEFUL),
        _heading("Orientée par", styles),
        _name_and_role(orienter.name, orienter.role, styles),
        *_text(orienter.structure, styles.body, 2, USEFUL),
        *_phone(orienter.phone, styles.body),
        *_text(orienter.email, styles.body, 2, KEEP, label="Courriel"),
        _heading("Suite prévue", styles),
        Text(wording.partner_next_step(data), styles.body, max_lines=3, priority=KEEP),
    ]


def _checkbox(canvas: Canvas, x: float, baseline: float) -> None:
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.8)
    canvas.rect(x, baseline - 1, 8.5, 8.5, stroke=1, fill=0)


def _blank(canvas: Canvas, x1: float, x2: float, baseline: float) -> None:
    """A dotted line to write on."""
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.6)
    canvas.setDash(1, 1.8)
    canvas.line(x1, baseline - 2.5, x2, baseline - 2.5)
    canvas.setDash()


def _label(canvas: Canvas, x: float, baseline: float, text: str) -> float:
    """Draw a coupon label; returns where its fill-in may start."""
    canvas.setFont(BODY, COUPON_FONT_SIZE)
    canvas.setFillColor(INK)
    canvas.drawString(x, baseline, text)
    return x + float(canvas.stringWidth(text, BODY, COUPON_FONT_SIZE)) + 5


def _date_blank(canvas: Canvas, x: float, baseline: float) -> None:
    """'…… / …… / ……….' to write a date on."""
    canvas.setFont(BODY, COUPON_FONT_SIZE)
    canvas.setFillColor(MUTED)
    canvas.drawString(x + 24, baseline, "/")
    canvas.drawString(x + 54, baseline, "/")
    _blank(canvas, x, x + 21, baseline)
    _blank(canvas, x + 31, x + 51, baseline)
    _blank(canvas, x + 61, x + 100, baseline)


def _draw_coupon(
    canvas: Canvas, data: SlipData, styles: _Styles, bottom: float, height: float
) -> None:
    x, width = MARGIN_X, CONTENT_WIDTH
    orienter = data.orienter
    email = _given(orienter.email)
    reply_to = orienter.name.strip() + (f" ({email})" if email else "")
    title = clamp(
        Text(
            f"à compléter par le partenaire et à renvoyer à {reply_to}",
            styles.coupon_title,
            markup=f"COUPON RETOUR{NBSP}— ",
        ),
        width - 16,
        2,
    )
    band = title.wrap(width - 16, _UNBOUNDED)[1] + 9
    canvas.setFillColor(styles.accent)
    canvas.rect(x, bottom + height - band, width, band, stroke=0, fill=1)
    title.drawOn(canvas, x + 8, bottom + height - band + 4.5)
    canvas.setStrokeColor(styles.accent)
    canvas.setLineWidth(1)
    canvas.rect(x, bottom, width, height, stroke=1, fill=0)

    left, middle, right = x + 10, x + width * 0.47, x + width - 10
    row = (height - band) / 5
    y = bottom + height - band - row * 0.64
    _date_blank(canvas, _label(canvas, left, y, f"Fiche reçue le{NBSP}:"), y)
    _label(canvas, middle, y, f"Fiche n°{NBSP}{data.number}")

    y -= row
    _checkbox(canvas, left, y)
    _label(canvas, left + 14, y, "Orientation acceptée")
    _checkbox(canvas, middle, y)
    _label(canvas, middle + 14, y, "Orientation refusée")

    y -= row
    _blank(canvas, _label(canvas, left, y, f"Motif du refus{NBSP}:"), right, y)

    y -= row
    _date_blank(canvas, _label(canvas, left, y, f"Personne reçue le{NBSP}:"), y)
    _checkbox(canvas, middle, y)
    _label(canvas, middle + 14, y, "La personne ne s’est pas présentée")

    y -= row
    _blank(canvas, _label(canvas, left, y, f"Nom, fonction et signature{NBSP}:"), right, y)


def _draw_partner_copy(canvas: Canvas, data: SlipData, look: _Look) -> None:
    styles = look.styles
    bottom, top = PARTNER_HALF
    body_top = _draw_header(canvas, data, look, top, "Exemplaire destiné au partenaire")
    person = Column(_person(data, styles), COLUMN_WIDTH)
    referral = Column(_referral(data, styles), COLUMN_WIDTH)
    room = body_top - bottom - 8
    needed = max(person.natural_height, referral.natural_height)
    coupon_height = min(max(room - needed, COUPON_MIN_HEIGHT), COUPON_MAX_HEIGHT)
    columns_height = room - coupon_height
    right_x = MARGIN_X + COLUMN_WIDTH + COLUMN_GAP
    person.draw(canvas, MARGIN_X, body_top, columns_height)
    referral.draw(canvas, right_x, body_top, columns_height)
    _draw_coupon(canvas, data, styles, bottom, coupon_height)


# ------------------------------------------------------------------------------------ the page


def _draw_cut_line(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.7)
    canvas.setDash(5, 3)
    canvas.line(MARGIN_X - 20, CUT_Y, PAGE_WIDTH - MARGIN_X + 20, CUT_Y)
    canvas.setDash()
    canvas.setFillColor(colors.white)
    canvas.rect(MARGIN_X - 2, CUT_Y - 7, 18, 14, stroke=0, fill=1)
    canvas.setFillColor(MUTED)
    canvas.setFont(BODY, 13)
    canvas.drawString(MARGIN_X, CUT_Y - 4.5, "✂")
    canvas.restoreState()


def render_slips(slips: Sequence[SlipData], branding: Branding) -> bytes:
    """One PDF holding every slip of `slips`, one A4 page each, in order (batch printing)."""
    if not slips:
        raise SlipDataError("Aucune fiche de liaison à imprimer.")
    register_fonts()
    look = _Look(
        branding=branding,
        styles=_styles(branding.accent_color),
        # Decoded once per document: reportlab then embeds the image once for all pages.
        logo=ImageReader(BytesIO(branding.logo)) if branding.logo is not None else None,
    )
    buffer = BytesIO()
    # Every font the page references must be embedded: no Helvetica default.
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=BODY, initialFontSize=9)
    # Metadata names the slips, never the people.
    canvas.setTitle(
        f"Fiche de liaison {slips[0].number}"
        if len(slips) == 1
        else f"Fiches de liaison ({len(slips)})"
    )
    canvas.setAuthor(branding.structure_name)
    canvas.setSubject("Fiche de liaison")
    canvas.setCreator("mediateur")
    for data in slips:
        _draw_beneficiary_copy(canvas, data, look)
        _draw_cut_line(canvas)
        _draw_partner_copy(canvas, data, look)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_slip(data: SlipData, branding: Branding) -> bytes:
    """The PDF of one slip: one A4 page."""
    return render_slips([data], branding)
