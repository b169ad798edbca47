"""The fonts of the slips: DejaVu Sans shipped in resources/fonts/, registered once with reportlab.

TrueType fonts are embedded (subset) in every PDF, so a slip prints the same on any machine and
every French character (é, è, à, ç, œ, É, «, ’) has its glyph. Registration parses the files,
which is the slow part of a first render: it happens once per process.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mediateur.paths import resource_path

BODY = "DejaVuSansCondensed"
BODY_BOLD = "DejaVuSansCondensed-Bold"
TITLE = "DejaVuSans-Bold"

_FILES = {
    BODY: "DejaVuSansCondensed.ttf",
    BODY_BOLD: "DejaVuSansCondensed-Bold.ttf",
    TITLE: "DejaVuSans-Bold.ttf",
}


@cache
def register_fonts() -> None:
    """Register the slip fonts (idempotent); `<b>` in a body paragraph selects the bold face."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    for italic in (0, 1):
        addMapping(BODY, 0, italic, BODY)
        addMapping(BODY, 1, italic, BODY_BOLD)
