"""Fitting text into the fixed boxes of a slip: wrap, then cut with an ellipsis, shrink last.

A slip has a fixed layout (each copy must fit its half page), but its texts come from a directory
and from people: a 60-character name, a 200-character reason, a 2 000-character "conditions
d'accès". A column is a list of parts; `Text` parts wrap, have a line budget and a priority. When a
column is too tall, a line is taken from the lowest-priority text still above its minimum (the
longest one first), again and again, and cut texts end with "…"; only if the minimums themselves
do not fit is the column scaled down (reportlab's KeepInFrame), so nothing ever leaves its box.

Wrapping is the cost of a slip, so each paragraph is wrapped once at its column width and drawn
from that wrap; only a cut text is wrapped again, by the search for its longest fitting prefix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Paragraph

from mediateur.slips.french import typography

ELLIPSIS = "…"
_UNBOUNDED = 1e6
_FUZZ = 0.01


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


Part: TypeAlias = "Text | Flowable"


def text_markup(value: str) -> str:
    """`value` escaped for a reportlab paragraph, with French typography."""
    return escape(typography(value))


@dataclass(slots=True)
class _Wrapped:
    """A flowable wrapped at the column width, with its height."""

    flowable: Flowable
    height: float


def _wrap(flowable: Flowable, width: float) -> _Wrapped:
    return _Wrapped(flowable, float(flowable.wrap(width, _UNBOUNDED)[1]))


def _paragraph(part: Text, value: str, width: float) -> _Wrapped:
    return _wrap(Paragraph(part.markup + text_markup(value), part.style), width)


def _line_count(wrapped: _Wrapped, part: Text) -> int:
    leading = float(part.style.leading)
    return round(wrapped.height / leading)


def _clamped(part: Text, width: float, lines: int, full: _Wrapped | None = None) -> _Wrapped:
    full = full or _paragraph(part, part.value, width)
    if _line_count(full, part) <= lines:
        return full
    words = part.value.split()

    def attempt(candidate: str) -> _Wrapped | None:
        wrapped = _paragraph(part, candidate.rstrip(" ,;:.-") + ELLIPSIS, width)
        return wrapped if _line_count(wrapped, part) <= lines else None

    best = attempt("")
    low, high = 0, len(words)  # words[:low] fits; words[:high + 1] does not
    while low < high:
        middle = (low + high + 1) // 2
        candidate = attempt(" ".join(words[:middle]))
        if candidate is not None:
            low, best = middle, candidate
        else:
            high = middle - 1
    if low < len(words):
        # A single word too long for the budget (a URL, say): keep as many characters as fit.
        kept, word = " ".join(words[:low]), words[low]
        a, b = 0, len(word)
        while a < b:
            middle = (a + b + 1) // 2
            candidate = attempt(f"{kept} {word[:middle]}".strip())
            if candidate is not None:
                a, best = middle, candidate
            else:
                b = middle - 1
    # Even the ellipsis alone may not fit a label that is too long: the column then shrinks.
    return best or attempt("") or full


def clamp(part: Text, width: float, lines: int) -> Paragraph:
    """`part` as a paragraph of at most `lines` lines, cut at a word with an ellipsis if needed."""
    paragraph: Paragraph = _clamped(part, width, lines).flowable
    return paragraph


def _spaces(part: Part) -> tuple[float, float]:
    if isinstance(part, Text):
        return part.style.spaceBefore, part.style.spaceAfter
    return part.getSpaceBefore(), part.getSpaceAfter()


def _gaps(parts: Sequence[Part]) -> list[float]:
    """The space above each part as a frame lays them out: none above the first, and a space
    before merges with the previous part's space after (the larger wins)."""
    gaps, previous_after = [], 0.0
    for index, part in enumerate(parts):
        before, after = _spaces(part)
        gaps.append(max(before, previous_after) if index else 0.0)
        previous_after = after
    return gaps


def _fit(parts: Sequence[Part], width: float, height: float) -> list[tuple[Part, _Wrapped]]:
    full = {
        i: _paragraph(part, part.value, width) if isinstance(part, Text) else _wrap(part, width)
        for i, part in enumerate(parts)
    }
    texts = {i: part for i, part in enumerate(parts) if isinstance(part, Text)}
    budgets = {i: min(_line_count(full[i], part), part.max_lines) for i, part in texts.items()}
    fixed = sum(_gaps(parts)) + sum(full[i].height for i in full if i not in texts)

    def total() -> float:
        return fixed + sum(lines * float(texts[i].style.leading) for i, lines in budgets.items())

    while total() > height + _FUZZ:
        reducible = [i for i, lines in budgets.items() if lines > texts[i].min_lines]
        if not reducible:
            break
        victim = min(reducible, key=lambda i: (texts[i].priority, -budgets[i], -i))
        budgets[victim] -= 1

    fitted: list[tuple[Part, _Wrapped]] = []
    for index, part in enumerate(parts):
        if isinstance(part, Text):
            if budgets[index] > 0:
                fitted.append((part, _clamped(part, width, budgets[index], full[index])))
        else:
            fitted.append((part, full[index]))
    return fitted


def fit(parts: Sequence[Part], width: float, height: float) -> list[Flowable]:
    """The flowables of `parts` cut to fit `width` x `height` (see the module docstring)."""
    return [wrapped.flowable for _, wrapped in _fit(parts, width, height)]


def _stack_height(fitted: Sequence[tuple[Part, _Wrapped]]) -> float:
    return sum(_gaps([part for part, _ in fitted])) + sum(w.height for _, w in fitted)


class Column:
    """Parts laid out at one width: measured once, then drawn in a box of a given height.

    A layout that sizes its boxes from their contents asks `natural_height` first; drawing in a
    box at least that tall reuses the same wrapped paragraphs.
    """

    def __init__(self, parts: Sequence[Part], width: float) -> None:
        self.parts = tuple(parts)
        self.width = width
        self._natural: list[tuple[Part, _Wrapped]] | None = None

    @property
    def natural_height(self) -> float:
        """The height the parts take within their own line budgets."""
        if self._natural is None:
            self._natural = _fit(self.parts, self.width, _UNBOUNDED)
        return _stack_height(self._natural)

    def draw(self, canvas: Canvas, x: float, top: float, height: float) -> None:
        """Draw in the box whose top-left corner is (x, top), never outside it."""
        if self._natural is not None and _stack_height(self._natural) <= height + _FUZZ:
            fitted = self._natural
        else:
            fitted = _fit(self.parts, self.width, height)
        if _stack_height(fitted) <= height + _FUZZ:
            y = top
            for gap, (_, wrapped) in zip(_gaps([part for part, _ in fitted]), fitted, strict=True):
                y -= gap + wrapped.height
                wrapped.flowable.drawOn(canvas, x, y)
            return
        frame = Frame(
            x,
            top - height,
            self.width,
            height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            showBoundary=0,
        )
        content = [wrapped.flowable for _, wrapped in fitted]
        frame.addFromList(
            [KeepInFrame(self.width, height, content, mode="shrink", vAlign="TOP")], canvas
        )


def draw_column(
    canvas: Canvas, parts: Sequence[Part], x: float, top: float, width: float, height: float
) -> None:
    """Draw `parts` in the box whose top-left corner is (x, top), never outside it."""
    Column(parts, width).draw(canvas, x, top, height)
