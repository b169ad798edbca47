"""The readable PDF of a right-of-access export: what the laptop holds about one person, in French,
built in memory with reportlab from the same document as the JSON export.

Nothing is written to disk here; the caller saves the bytes where the user chose.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mediateur.domain.values import parse_datetime
from mediateur.services import clock
from mediateur.services.validation import field_label
from mediateur.slips.fonts import BODY, BODY_BOLD, TITLE, register_fonts

_TEXT = ParagraphStyle("text", fontName=BODY, fontSize=9.5, leading=12.5)
_SMALL = ParagraphStyle("small", parent=_TEXT, fontSize=8.5, leading=11)
_LABEL = ParagraphStyle("label", parent=_TEXT, fontName=BODY_BOLD)
_H1 = ParagraphStyle("h1", fontName=TITLE, fontSize=16, leading=20, spaceAfter=4)
_H2 = ParagraphStyle("h2", fontName=TITLE, fontSize=11.5, leading=15, spaceBefore=12, spaceAfter=5)
_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
)
_PAIRS = TableStyle(
    [
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c9d1d9")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
)

IDENTITY = ("last_name", "first_name", "birth_date", "gender", "age_band")
CONTACT_DETAILS = (
    "phone",
    "email",
    "address",
    "postcode",
    "commune",
    "qpv",
    "contact_preference",
)
SITUATION = (
    "statuses",
    "ft_category",
    "education_level",
    "diploma_obtained",
    "barriers",
    "project",
)
PROGRAMME = (
    "intake_date",
    "referent",
    "source_partner",
    "status",
    "exit_date",
    "exit_reason",
    "last_contact_at",
)
PRIVACY = ("notice_given_at", "notice_mode", "sharing_agreed", "restricted", "shared_with")

RIGHTS_NOTICE = (
    "Vous pouvez demander à votre référent la rectification de ces informations, leur "
    "effacement, la limitation de leur usage, ou vous opposer à leur partage avec les "
    "partenaires de la Cité de l'emploi. Vous pouvez aussi adresser une réclamation à la CNIL "
    "(www.cnil.fr)."
)


def _show(value: Any, label: Any = None) -> str:
    """A stored wire value as a French reader expects it."""
    if label is not None:
        if isinstance(label, list):
            return ", ".join(label)
        if isinstance(label, dict):
            return ", ".join(f"{k} ({v.lower()})" for k, v in label.items())
        return str(label)
    if value is None or value in ([], {}, ""):
        return "—"
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return clock.format_day(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and "T" in value and value.endswith("Z"):
        try:
            return clock.format_moment(parse_datetime(value))
        except ValueError:
            return value
    return str(value)


def _p(text: str, style: ParagraphStyle = _TEXT) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _value(record: Mapping[str, Any], name: str) -> str:
    return _show(record.get(name), record.get("libelles", {}).get(name))


_LABEL_OVERRIDES = {
    "shared_with": "partagé avec (organisations)",
    "last_contact_at": "dernier contact",
}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pairs(record: Mapping[str, Any], names: Sequence[str]) -> Table:
    rows = [
        [
            _p(_capitalised(_LABEL_OVERRIDES.get(n, field_label(n))), _LABEL),
            _p(_value(record, n)),
        ]
        for n in names
    ]
    table = Table(rows, colWidths=[5.2 * cm, 11.8 * cm])
    table.setStyle(_PAIRS)
    return table


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Any:
    if not rows:
        return _p("Aucun.", _SMALL)
    data = [[_p(h, _LABEL) for h in headers]] + [[_p(c, _SMALL) for c in row] for row in rows]
    table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1)
    table.setStyle(_GRID)
    return table


def _footer(generated: str) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BODY, 8)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawString(2 * cm, 1.2 * cm, f"Droit d'accès — document établi le {generated}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_access_pdf(document: Mapping[str, Any]) -> bytes:
    """The PDF of an `access_export` document."""
    register_fonts()
    person = document["personne"]
    generated = _show(document["genere_le"])
    story: list[Any] = [
        Paragraph("Vos données personnelles", _H1),
        _p(
            "Réponse à une demande d'accès (article 15 du RGPD). Ce document reprend toutes les "
            "informations enregistrées à votre sujet dans l'application mediateur de la Cité de "
            f"l'emploi Bordeaux Métropole Rive Droite, sur ce poste, le {generated}."
        ),
        Paragraph("Identité", _H2),
        _pairs(person, IDENTITY),
        Paragraph("Coordonnées", _H2),
        _pairs(person, CONTACT_DETAILS),
        Paragraph("Situation à l'entrée dans l'accompagnement", _H2),
        _pairs(person, SITUATION),
        Paragraph("Accompagnement", _H2),
        _pairs(person, PROGRAMME),
        Paragraph("Information et partage", _H2),
        _pairs(person, PRIVACY),
        Paragraph("Rencontres (contacts)", _H2),
        _grid(
            ["Date", "Canal", "Suite donnée", "Note"],
            [
                [
                    _value(c, "occurred_at"),
                    _value(c, "channel"),
                    _value(c, "outcome"),
                    _value(c, "note"),
                ]
                for c in document["contacts"]
            ],
            [3.2, 3.2, 3.6, 7.0],
        ),
        Paragraph("Suivis", _H2),
        _grid(
            ["Date", "Type", "Compte rendu", "Prochaine étape"],
            [
                [
                    _value(f, "occurred_at"),
                    _value(f, "kind"),
                    _value(f, "summary"),
                    " — ".join(
                        v for v in (_value(f, "next_step"), _value(f, "next_date")) if v != "—"
                    )
                    or "—",
                ]
                for f in document["suivis"]
            ],
            [3.2, 2.6, 7.0, 4.2],
        ),
        Paragraph("Orientations vers les partenaires", _H2),
    ]
    if not document["orientations"]:
        story.append(_p("Aucune.", _SMALL))
    for item in document["orientations"]:
        title = f"Fiche {item.get('number') or '—'} : {item.get('partenaire') or 'partenaire'}"
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(title), _LABEL),
                    _pairs(
                        item,
                        ("status", "barrier_codes", "reason", "appointment_at", "refusal_reason"),
                    ),
                    Spacer(1, 3),
                    _grid(
                        ["Date", "Statut", "Précision"],
                        [
                            [_value(e, "at"), _value(e, "to_status"), _value(e, "reason")]
                            for e in item["historique"]
                        ],
                        [3.2, 4.0, 9.8],
                    ),
                    Spacer(1, 8),
                ]
            )
        )
    story += [Paragraph("Vos droits", _H2), _p(RIGHTS_NOTICE)]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=2 * cm,
        title="Droit d'accès — données personnelles",
        author="mediateur",
    )
    footer = _footer(generated)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
