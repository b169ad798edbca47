"""Fitting text into the fixed boxes of a slip: wrap, then cut with an ellipsis, shrink last.

A slip has a fixed layout (each copy must fit its half page), but its texts come from a directory
and from people: a 60-character name, a 200-character reason, a 2 000-character "conditions
d'accès". A column is a list of parts; `Text` parts wrap, have a line budget and a priority. When a
column is too tall, a line is taken from the lowest-priority text still above its minimum (the
longest one first), again and again, and cut texts end with "…"; only if the minimums themselves
do not fit is the column scaled down (reportlab's KeepInFrame), so nothing ever leaves its box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph

from mediateur.slips.french import typography

ELLIPSIS = "…"
_UNBOUNDED = 1e6


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph: `markup` (trusted, e.g. a bold label) followed by `value` (escaped text).

    `priority`: the higher, the later it is cut (0 = cut first; it may vanish if `min_lines` is 0).
    """

    value: str
    style: ParagraphStyle
    markup: str = ""
    min_lines: int = 1
    max_lines: int = 40
    priority: int = 2


Part = Text | Flowable


def text_markup(value: str) -> str:
    """`value` escaped for a reportlab paragraph, with French typography."""
    return escape(typography(value))


def _paragraph(part: Text, value: str) -> Paragraph:
    return Paragraph(part.markup + text_markup(value), part.style)


def _lines(paragraph: Paragraph, width: float) -> int:
    _, height = paragraph.wrap(width, _UNBOUNDED)
    return round(height / paragraph.style.leading)


def clamp(part: Text, width: float, lines: int) -> Paragraph:
    """`part` as a paragraph of at most `lines` lines, cut at a word with an ellipsis if needed."""
    full = _paragraph(part, part.value)
    if _lines(full, width) <= lines:
        return full
    words = part.value.split()

    def fits(candidate: str) -> bool:
        return _lines(_paragraph(part, candidate.rstrip(" ,;:.-") + ELLIPSIS), width) <= lines

    low, high = 0, len(words)  # words[:low] fits; words[:high + 1] does not
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle])):
            low = middle
        else:
            high = middle - 1
    kept = " ".join(words[:low])
    if low < len(words):
        # A single word too long for the budget (a URL, say): keep as many characters as fit.
        word = words[low]
        a, b = 0, len(word)
        while a < b:
            middle = (a + b + 1) // 2
            if fits(f"{kept} {word[:middle]}".strip()):
                a = middle
            else:
                b = middle - 1
        kept = f"{kept} {word[:a]}".strip()
    return _paragraph(part, kept.rstrip(" ,;:.-") + ELLIPSIS)


def _spacing(parts: Sequence[Part]) -> float:
    """The vertical space between parts, as a frame lays them out: the first part's space
    before is dropped, and a space before merges with the previous part's space after."""
    total, previous_after = 0.0, 0.0
    for index, part in enumerate(parts):
        before, after = (
            (part.style.spaceBefore, part.style.spaceAfter)
            if isinstance(part, Text)
            else (part.getSpaceBefore(), part.getSpaceAfter())
        )
        if index:
            total += max(before - previous_after, 0)
        total += after
        previous_after = after
    return total


def fit(parts: Sequence[Part], width: float, height: float) -> list[Flowable]:
    """The flowables of `parts` cut to fit `width` x `height` (see the module docstring)."""
    texts = {i: part for i, part in enumerate(parts) if isinstance(part, Text)}
    budgets = {
        i: min(_lines(_paragraph(part, part.value), width), part.max_lines)
        for i, part in texts.items()
    }
    fixed = _spacing(parts) + sum(
        part.wrap(width, _UNBOUNDED)[1] for part in parts if not isinstance(part, Text)
    )

    def total() -> float:
        return fixed + sum(lines * texts[i].style.leading for i, lines in budgets.items())

    while total() > height:
        reducible = [i for i, lines in budgets.items() if lines > texts[i].min_lines]
        if not reducible:
            break
        victim = min(reducible, key=lambda i: (texts[i].priority, -budgets[i], -i))
        budgets[victim] -= 1

    flowables: list[Flowable] = []
    for index, part in enumerate(parts):
        if isinstance(part, Text):
            if budgets[index] > 0:
                flowables.append(clamp(part, width, budgets[index]))
        else:
            flowables.append(part)
    return flowables


def natural_height(parts: Sequence[Part], width: float) -> float:
    """The height `parts` take at `width` within their own line budgets."""
    flowables = fit(parts, width, _UNBOUNDED)
    return _spacing(flowables) + sum(f.wrap(width, _UNBOUNDED)[1] for f in flowables)


def draw_column(
    canvas: Canvas, parts: Sequence[Part], x: float, top: float, width: float, height: float
) -> None:
    """Draw `parts` in the box whose top-left corner is (x, top), never outside it."""
    content = fit(parts, width, height)
    frame = Frame(
        x,
        top - height,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )
    frame.addFromList([KeepInFrame(width, height, content, mode="shrink", vAlign="TOP")], canvas)
