"""Reading slip PDFs back: text lines with their position and extent, halves, QR codes, fonts.

pypdf's `visitor_text` reports each run of text with the matrices in force; a line is the runs
that share one text matrix, its x/y the origin of that matrix in page space, its width the sum of
its runs' widths in their embedded fonts (measured with the same TrueType metrics reportlab
used). That is enough to know which half a string is in and whether it stays inside the page.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from mediateur.slips.fonts import register_fonts
from mediateur.slips.render import BENEFICIARY_HALF, PAGE_HEIGHT, PARTNER_HALF


@dataclass
class Line:
    text: str
    x: float
    y: float
    width: float
    size: float


def normalise(text: str) -> str:
    """Typography-insensitive and wrap-insensitive form: no spaces at all, straight apostrophes."""
    text = text.replace("\u00a0", " ").replace("’", "'")
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=4)
def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


def page_lines(pdf: bytes, page: int = 0) -> list[Line]:
    register_fonts()
    reader = _reader(pdf)
    lines: list[Line] = []
    current: dict[str, Any] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or font is None:
            return
        key = (tuple(cm), tuple(tm))
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        scale = cm[0] * tm[0]
        real_size = size * scale
        base = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
        width = stringWidth(text.replace("\n", ""), base, size) * scale
        if current.get("key") == key:
            line = current["line"]
            line.text += text
            line.width += width
        else:
            line = Line(text, x, y, width, real_size)
            lines.append(line)
            current.update(key=key, line=line)

    reader.pages[page].extract_text(visitor_text=visit)
    for line in lines:
        line.text = line.text.replace("\n", "").rstrip()
    return [line for line in lines if line.text.strip()]


def half_of(line: Line) -> str:
    if BENEFICIARY_HALF[0] <= line.y <= BENEFICIARY_HALF[1]:
        return "beneficiary"
    if PARTNER_HALF[0] <= line.y <= PARTNER_HALF[1]:
        return "partner"
    return "cut"


def halves(pdf: bytes, page: int = 0) -> dict[str, str]:
    """The normalised text of each half of `page` ('beneficiary', 'partner', 'cut')."""
    texts: dict[str, list[str]] = {"beneficiary": [], "partner": [], "cut": []}
    for line in page_lines(pdf, page):
        texts[half_of(line)].append(line.text)
    return {name: normalise("".join(parts)) for name, parts in texts.items()}


def render_png(pdf: bytes, directory: Path, dpi: int = 150, page: int | None = None) -> list[Path]:
    """Pages (all, or the 1-based `page`) rendered by poppler's pdftoppm, as a print preview."""
    source = directory / "slip.pdf"
    source.write_bytes(pdf)
    only = ["-f", str(page), "-l", str(page)] if page else []
    prefix = directory / f"page{page or ''}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), *only, "-png", str(source), str(prefix)],
        check=True,
        timeout=60,
    )
    return sorted(directory.glob(f"{prefix.name}-*.png"))


@dataclass
class Code:
    text: str
    half: str


def qr_codes(png: Path) -> list[Code]:
    image = Image.open(png)
    codes = []
    for result in zxingcpp.read_barcodes(image):
        top = min(p.y for p in (result.position.top_left, result.position.top_right))
        # Image rows grow downwards: the top half of the page is the beneficiary copy.
        y_pdf = PAGE_HEIGHT * (1 - top / image.height)
        half = "beneficiary" if y_pdf > PAGE_HEIGHT / 2 else "partner"
        codes.append(Code(result.text, half))
    return codes


def font_resources(pdf: bytes) -> list[dict[str, Any]]:
    reader = PdfReader(BytesIO(pdf))
    fonts = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            fonts.append(ref.get_object())
    return fonts
