"""Statistical secrecy for documents that leave the programme (the steering-committee report):
no published figure may let a reader single out fewer than 5 people.

- A count of 1 to 4 people is printed "< 5" (primary secrecy); 0 stays 0.
- A breakdown is published with its total, so a single hidden cell could be recovered by
  subtraction: the hidden cells of a breakdown must together hold at least 5 people, else the
  smallest shown cells are hidden too, printed "s" (secondary secrecy), until they do.
- A share (a percentage) is hidden when the group it is taken over counts 1 to 4 people, when
  the people it counts are 1 to 4 ("< 5"), or when those it leaves out are ("s": 96 % of 50
  names 2 people as well as 4 % does).

Charts draw a hidden cell as an empty bar labelled like the table, never at its true length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mediateur.reports.indicators import percentage

THRESHOLD = 5
SMALL = "< 5"
MASKED = "s"


@dataclass(frozen=True, slots=True)
class Cell:
    """A published figure: the value (None when hidden) and the text printed for it."""

    value: int | float | None
    text: str

    @property
    def hidden(self) -> bool:
        return self.value is None


def _small(n: int) -> bool:
    return 0 < n < THRESHOLD


def _number(n: int) -> str:
    # A thin non-breaking space groups thousands the French way.
    return f"{n:,}".replace(",", "\u202f")


def count_cell(n: int) -> Cell:
    """A count printed on its own."""
    return Cell(None, SMALL) if _small(n) else Cell(n, _number(n))


def protect_breakdown(counts: Mapping[str, int]) -> dict[str, Cell]:
    """The cells of a breakdown whose total is published, with primary and secondary secrecy."""
    hidden = {key for key, n in counts.items() if _small(n)}
    shown = sorted((n, key) for key, n in counts.items() if key not in hidden and n > 0)
    while hidden and sum(counts[key] for key in hidden) < THRESHOLD and shown:
        hidden.add(shown.pop(0)[1])
    cells: dict[str, Cell] = {}
    for key, n in counts.items():
        if key not in hidden:
            cells[key] = Cell(n, _number(n))
        else:
            cells[key] = Cell(None, SMALL if _small(n) else MASKED)
    return cells


def share_cell(count: int, total: int) -> Cell:
    """`count` out of `total` as a French percentage, or hidden."""
    if _small(total):
        return Cell(None, MASKED)
    if _small(count):
        return Cell(None, SMALL)
    if _small(total - count):
        return Cell(None, MASKED)
    value = percentage(count, total)
    return Cell(value, f"{value:.1f}\u00a0%".replace(".", ","))
