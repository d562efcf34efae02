"""Draw the icons of the installable app (the "W" of the favicon) with Pillow.

Run once when the design changes; the PNGs are committed in wir/static/wir/offline/icons/.
"Maskable" icons keep the letter inside the central 80 % circle that launchers may crop to.
"""

from pathlib import Path

from PIL import Image, ImageDraw

TARGET = Path(__file__).resolve().parents[1] / "wir" / "static" / "wir" / "offline" / "icons"
BLUE = (10, 45, 82, 255)
WHITE = (255, 255, 255, 255)
# The favicon's letter on its 32 × 32 grid.
LETTER = [
    (6, 9), (10, 9), (12.5, 20), (15, 9), (17, 9), (19.5, 20), (22, 9), (26, 9),
    (21.5, 24), (18.5, 24), (16, 14), (13.5, 24), (10.5, 24),
]  # fmt: skip


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=BLUE)
        letter_box, offset = big * 0.6, big * 0.2
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 // 32, fill=BLUE)
        letter_box, offset = big, 0.0
    unit = letter_box / 32
    pen.polygon([(offset + x * unit, offset + y * unit) for x, y in LETTER], fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    TARGET.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, maskable=False).save(TARGET / f"icon-{size}.png", optimize=True)
        draw(size, maskable=True).save(TARGET / f"maskable-{size}.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(TARGET / "apple-touch-icon.png", optimize=True)
    print(f"icons written to {TARGET}")
