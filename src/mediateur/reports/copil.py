"""The steering-committee (COPIL) report: the programme's figures for one period as an A4 PDF,
built in memory with reportlab (DESIGN.md §7).

Aggregates only, no personal data: no name, no contact detail, no free text, nothing about a
single mediator. Every count that could single out people goes through `suppression` (1 to 4
people printed "< 5", secondary secrecy "s" so no hidden cell comes back by subtraction, shares
hidden on small groups), in the tables and in the charts alike (a hidden cell is an empty bar with
the same label). Sections: the cohort of axis 3 (received, % RSA, % under 25, % women, origin by
QPV, exits by reason with *emploi durable* first), the aller-vers contacts (by QPV, month, kind
of event and outcome) and the referrals (by status and by partner, with the share honoured and
the share expired). The figures are those of `stats --json` (`indicators`) and `breakdowns`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.reports.breakdowns import Dashboard, figure_label, month_label, programme_dashboard
from mediateur.reports.suppression import (
    MASKED,
    SMALL,
    THRESHOLD,
    Cell,
    count_cell,
    protect_breakdown,
    share_cell,
)
from mediateur.services import clock
from mediateur.slips.branding import Branding, load_branding
from mediateur.slips.fonts import BODY, BODY_BOLD, TITLE, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 1.8 * cm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
CHART_LABEL_CHARS = 30
_GREY = colors.HexColor("#9aa5b1")
_LIGHT = colors.HexColor("#e8edf2")

_TEXT = ParagraphStyle("text", fontName=BODY, fontSize=9.5, leading=12.5)
_CELL = ParagraphStyle("cell", parent=_TEXT, fontSize=9, leading=11)
_HEAD = ParagraphStyle("head", parent=_CELL, fontName=BODY_BOLD)
_NOTE = ParagraphStyle("note", parent=_TEXT, fontSize=8.5, leading=11, textColor="#3c4650")
_H1 = ParagraphStyle("h1", fontName=TITLE, fontSize=18, leading=22, spaceAfter=2)
_H2 = ParagraphStyle("h2", fontName=TITLE, fontSize=13, leading=16, spaceBefore=14, spaceAfter=6)
_H3 = ParagraphStyle("h3", fontName=BODY_BOLD, fontSize=10.5, leading=13, spaceBefore=8)


@dataclass(frozen=True, slots=True)
class CopilPeriod:
    date_from: date | None
    date_to: date | None

    def describe(self) -> str:
        start, end = self.date_from, self.date_to
        if start and end:
            return f"du {clock.format_day(start)} au {clock.format_day(end)}"
        if start:
            return f"depuis le {clock.format_day(start)}"
        if end:
            return f"jusqu'au {clock.format_day(end)}"
        return "depuis le début du programme"


def _para(text: str, style: ParagraphStyle = _CELL) -> Paragraph:
    return Paragraph(escape(text), style)


def _short(label: str) -> str:
    if len(label) <= CHART_LABEL_CHARS:
        return label
    return label[: CHART_LABEL_CHARS - 1].rstrip() + "…"


def _figure_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str | Cell]],
    widths: Sequence[float],
    *,
    total_row: bool = False,
) -> Table:
    """A table whose first column is a label and the others figures, right-aligned."""
    data: list[list[Paragraph | str]] = [[_para(h, _HEAD) for h in headers]]
    for row in rows:
        data.append([_para(v) if isinstance(v, str) else v.text for v in row])
    table = Table(data, colWidths=list(widths), repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, _GREY),
        ("BACKGROUND", (0, 0), (-1, 0), _LIGHT),
        ("FONT", (1, 1), (-1, -1), BODY, 9),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        style += [
            ("FONT", (1, -1), (-1, -1), BODY_BOLD, 9),
            ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f4f6f8")),
        ]
    table.setStyle(TableStyle(style))
    return table


def _bars(
    items: Sequence[tuple[str, Cell]],
    *,
    colour: colors.Color,
    vertical: bool = False,
    width: float = CONTENT_WIDTH,
) -> Drawing:
    """A bar chart of published cells: a hidden one is drawn empty, labelled "< 5" or "s"."""
    values = [cell.value if isinstance(cell.value, int | float) else 0 for _, cell in items]
    labels = [cell.text for _, cell in items]
    names = [_short(name) for name, _ in items]
    if vertical:
        height = 150.0
        chart: HorizontalBarChart | VerticalBarChart = VerticalBarChart()
        chart.x, chart.y = 30, 38
        chart.width, chart.height = width - 45, height - 55
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dy = -2
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    else:
        height = 16.0 * len(items) + 24
        chart = HorizontalBarChart()
        chart.x, chart.y = 150, 8
        chart.width, chart.height = width - 190, height - 16
        # Drawn bottom-up: reversed so the first item sits at the top, as in the table.
        values, labels, names = values[::-1], labels[::-1], names[::-1]
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    drawing = Drawing(width, height)
    chart.data = [values]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = BODY
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.strokeColor = _GREY
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.12
    chart.valueAxis.visible = False
    chart.barLabelFormat = "values"
    chart.barLabelArray = [labels]
    chart.barLabels.fontName = BODY
    chart.barLabels.fontSize = 7.5
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    drawing.add(chart)
    return drawing


class _Report:
    def __init__(self, dashboard: Dashboard, branding: Branding) -> None:
        self.dashboard = dashboard
        self.accent = colors.HexColor(branding.accent_color)
        self.story: list[Flowable] = []

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def breakdown(
        self,
        title: str,
        counts: Mapping[str, int],
        label: Callable[[str], str],
        *,
        column: str,
        vertical: bool = False,
        keep_order: Sequence[str] = (),
    ) -> None:
        """A breakdown with its total: a table, then its chart."""
        ordered = {key: counts.get(key, 0) for key in keep_order} | dict(counts)
        cells = protect_breakdown(ordered)
        rows: list[Sequence[str | Cell]] = [(label(key), cells[key]) for key in ordered]
        total = sum(ordered.values())
        heading = _para(title, _H3)
        if not total:
            self.add(heading, _para("Aucune donnée sur la période.", _NOTE))
            return
        table = _figure_table(
            ("", column),
            [*rows, ("Total", count_cell(total))],
            (CONTENT_WIDTH - 3.2 * cm, 3.2 * cm),
            total_row=True,
        )
        chart = _bars(
            [(label(key), cells[key]) for key in ordered], colour=self.accent, vertical=vertical
        )
        self.add(KeepTogether([heading, Spacer(1, 3), table, Spacer(1, 4), chart]))

    def cohort(self) -> None:
        c = self.dashboard.indicators.cohort
        self.add(_para("1. Cohorte (axe 3 : accompagnement renforcé)", _H2))
        rows: list[Sequence[str | Cell]] = [
            ("Bénéficiaires reçus sur la période", count_cell(c.received)),
            ("Allocataires du RSA à l'entrée", share_cell(c.rsa, c.received)),
            ("Moins de 25 ans à l'entrée", share_cell(c.under_25, c.received)),
            ("Femmes", share_cell(c.women, c.received)),
            ("Âge inconnu", count_cell(c.unknown_age)),
            ("Genre inconnu ou non renseigné", count_cell(c.unknown_gender)),
            ("Personnes accompagnées en fin de période", count_cell(c.active)),
        ]
        self.add(_figure_table(("Indicateur", "Valeur"), rows, (CONTENT_WIDTH - 4 * cm, 4 * cm)))
        self.add(
            _para(
                "Pourcentages calculés sur les bénéficiaires reçus (valeurs inconnues comprises).",
                _NOTE,
            )
        )
        self.breakdown(
            "Origine géographique des bénéficiaires reçus (QPV)",
            c.by_qpv,
            lambda key: figure_label("qpv", key),
            column="Bénéficiaires",
        )
        self.breakdown(
            "Sorties de la cohorte par motif",
            c.exits,
            lambda key: figure_label("exit_reasons", key),
            column="Sorties",
            keep_order=reference_data()["exit_reasons"].slugs,
        )

    def contacts(self) -> None:
        contacts = self.dashboard.indicators.contacts
        self.add(_para("2. Contacts d'aller-vers", _H2))
        self.add(
            _figure_table(
                ("Indicateur", "Valeur"),
                [("Contacts sur la période", count_cell(contacts.total))],
                (CONTENT_WIDTH - 4 * cm, 4 * cm),
            )
        )
        self.breakdown(
            "Contacts par mois",
            contacts.by_month,
            month_label,
            column="Contacts",
            vertical=True,
        )
        self.breakdown(
            "Contacts par QPV",
            contacts.by_qpv,
            lambda key: figure_label("qpv", key),
            column="Contacts",
        )
        self.breakdown(
            "Contacts par type d'événement",
            self.dashboard.contacts_by_event_kind,
            lambda key: figure_label("event_kinds", key),
            column="Contacts",
        )
        self.breakdown(
            "Contacts par suite donnée",
            contacts.by_outcome,
            lambda key: figure_label("outcomes", key),
            column="Contacts",
        )

    def referrals(self) -> None:
        rates = self.dashboard.referral_rates
        self.add(_para("3. Orientations vers les partenaires", _H2))
        self.add(
            _figure_table(
                ("Indicateur", "Valeur"),
                [
                    ("Orientations créées sur la période", count_cell(rates.total)),
                    ("Fiches de liaison remises", count_cell(rates.issued)),
                    ("Rendez-vous honorés", share_cell(rates.honoured, rates.issued)),
                    ("Orientations expirées sans réponse", share_cell(rates.expired, rates.issued)),
                ],
                (CONTENT_WIDTH - 4 * cm, 4 * cm),
            )
        )
        self.add(
            _para(
                "Parts calculées sur les fiches remises ; une orientation compte comme honorée "
                "ou expirée si elle est passée par ce statut.",
                _NOTE,
            )
        )
        self.breakdown(
            "Orientations par statut actuel",
            self.dashboard.indicators.referrals.by_status,
            lambda key: figure_label("referral_statuses", key),
            column="Orientations",
        )
        self.by_partner()

    def by_partner(self) -> None:
        partners = self.dashboard.referrals_by_partner
        heading = _para("Orientations par partenaire", _H3)
        if not partners:
            self.add(heading, _para("Aucune orientation sur la période.", _NOTE))
            return
        totals = protect_breakdown({p.partner_id: p.rates.total for p in partners})
        rows: list[Sequence[str | Cell]] = [
            (
                p.name,
                totals[p.partner_id],
                share_cell(p.rates.honoured, p.rates.issued),
                share_cell(p.rates.expired, p.rates.issued),
            )
            for p in partners
        ]
        figure = 2.9 * cm
        self.add(
            heading,
            Spacer(1, 3),
            _figure_table(
                ("Partenaire", "Orientations", "Honorées (%)", "Expirées (%)"),
                rows,
                (CONTENT_WIDTH - 3 * figure, figure, figure, figure),
            ),
        )

    def build(self, period: CopilPeriod, branding: Branding, generated_at: datetime) -> bytes:
        self.add(
            _para(branding.structure_name, _NOTE),
            _para("Comité de pilotage — indicateurs du programme", _H1),
            _para(f"Période : {period.describe()}", _TEXT),
            Spacer(1, 6),
            _para(
                f"Document établi le {clock.format_moment(generated_at)} à partir des données "
                "de l'application mediateur. Données agrégées, sans aucune information "
                f"personnelle. Secret statistique : un effectif de 1 à {THRESHOLD - 1} personnes "
                f"est remplacé par « {SMALL} » ; « {MASKED} » masque un effectif qui permettrait "
                "de le retrouver par différence, ou une part calculée sur trop peu de personnes.",
                _NOTE,
            ),
        )
        self.cohort()
        self.contacts()
        self.referrals()
        buffer = io.BytesIO()
        title = f"Comité de pilotage — {period.describe()}"

        def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
            canvas.saveState()
            canvas.setFont(BODY, 8)
            canvas.setFillColor(colors.HexColor("#5c6670"))
            canvas.drawString(MARGIN, 1.1 * cm, title)
            canvas.drawRightString(PAGE_WIDTH - MARGIN, 1.1 * cm, f"page {document.page}")
            canvas.restoreState()

        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author=branding.structure_name,
            subject="Indicateurs agrégés du programme",
            creator="mediateur",
        )
        document.build(self.story, onFirstPage=footer, onLaterPages=footer)
        return buffer.getvalue()


def render_copil(
    dashboard: Dashboard,
    *,
    generated_at: datetime | None = None,
    branding: Branding | None = None,
) -> bytes:
    """The report's PDF for figures already computed."""
    register_fonts()
    chosen = branding or load_branding()
    period = CopilPeriod(dashboard.indicators.date_from, dashboard.indicators.date_to)
    return _Report(dashboard, chosen).build(period, chosen, generated_at or clock.now())


def build_copil_report(
    session: Session,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    generated_at: datetime | None = None,
    branding: Branding | None = None,
) -> bytes:
    """The report for the period [date_from, date_to] (Paris dates, either open)."""
    dashboard = programme_dashboard(session, date_from=date_from, date_to=date_to)
    return render_copil(dashboard, generated_at=generated_at, branding=branding)
