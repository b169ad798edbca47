"""Draws logo.png, the demo logo of the slip header: a bridge over the Garonne and a rising sun.

The logo is a plain PNG so a structure can replace it with its own (declared in branding.json);
this script only exists to regenerate the demo one: `python resources/branding/draw_logo.py`.
It draws at four times the final size and downsamples, which gives smooth edges without any
vector renderer.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 192  # pixels: the 46-point logo of the header printed at 300 dpi
SCALE = 4
NAVY = (29, 63, 110, 255)
RIVER = (120, 170, 215, 255)
SUN = (240, 150, 40, 255)
WHITE = (255, 255, 255, 255)


def draw() -> Image.Image:
    s = SIZE * SCALE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, s - 1, s - 1), radius=s // 6, fill=NAVY)

    # Rising sun behind the bridge.
    sun_r = s * 0.14
    cx, cy = s * 0.5, s * 0.40
    pen.ellipse((cx - sun_r, cy - sun_r, cx + sun_r, cy + sun_r), fill=SUN)

    # Bridge deck and arch.
    deck_y = s * 0.56
    pen.rectangle((s * 0.10, deck_y - s * 0.035, s * 0.90, deck_y), fill=WHITE)
    for left, right in ((0.12, 0.38), (0.37, 0.63), (0.62, 0.88)):
        pen.arc(
            (s * left, deck_y - s * 0.01, s * right, deck_y + s * 0.22),
            start=180,
            end=360,
            fill=WHITE,
            width=int(s * 0.035),
        )
    for x in (0.125, 0.375, 0.625, 0.875):
        pen.rectangle((s * (x - 0.018), deck_y, s * (x + 0.018), s * 0.70), fill=WHITE)

    # The river: two waves.
    for row, width in ((0.76, 0.030), (0.85, 0.024)):
        for start in range(0, 4):
            x0 = s * (0.08 + start * 0.21)
            pen.arc(
                (x0, s * row - s * 0.05, x0 + s * 0.21, s * row + s * 0.05),
                start=200,
                end=340,
                fill=RIVER,
                width=int(s * width),
            )
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw().save(Path(__file__).with_name("logo.png"), optimize=True)
