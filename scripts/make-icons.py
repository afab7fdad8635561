#!/usr/bin/env python3
"""Draws the NearMiss app icons: web/icons/*.svg and the PNGs the manifest names, from one geometry.

The mark is the favicon's: a warning triangle with an exclamation mark on navy. The "any" icons keep the
favicon's rounded square; the maskable one is full-bleed, its mark inside the central safe circle (radius
40 % of the size), so any launcher mask keeps all of it. Standard library only (zlib, struct): run
`python3 scripts/make-icons.py` from the repository root and commit what it writes.
"""
import struct
import zlib
from pathlib import Path

NAVY = (0x1D, 0x35, 0x57)
AMBER = (0xF4, 0xA2, 0x61)
OUT = Path(__file__).resolve().parent.parent / "web" / "icons"
SAMPLES = 4  # per axis, per pixel

# The mark on a 100-unit square (the favicon's 32-unit drawing scaled by 3.125).
TRIANGLE = [(50.0, 18.75), (84.375, 78.125), (15.625, 78.125)]
BARS = [(46.875, 37.5, 53.125, 59.375), (46.875, 65.625, 53.125, 71.875)]  # x0, y0, x1, y1


def scaled(points, factor):
    return [(50 + (x - 50) * factor, 50 + (y - 50) * factor) for x, y in points]


def scaled_rect(rect, factor):
    (x0, y0), (x1, y1) = scaled([(rect[0], rect[1]), (rect[2], rect[3])], factor)
    return (x0, y0, x1, y1)


def design(maskable):
    """Shapes bottom to top: ('rounded', radius, colour) | ('polygon', points, colour) | ('rect', box, colour)."""
    factor = 0.6 if maskable else 1.0
    return [
        ("rounded", 0.0 if maskable else 18.75, NAVY),
        ("polygon", scaled(TRIANGLE, factor), AMBER),
        *[("rect", scaled_rect(bar, factor), NAVY) for bar in BARS],
    ]


def inside(shape, x, y):
    kind, geometry, _ = shape
    if kind == "rounded":
        r = geometry
        cx = min(max(x, r), 100 - r)
        cy = min(max(y, r), 100 - r)
        return 0 <= x <= 100 and 0 <= y <= 100 and (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    if kind == "rect":
        x0, y0, x1, y1 = geometry
        return x0 <= x <= x1 and y0 <= y <= y1
    # polygon: even-odd ray casting
    hit = False
    for (xa, ya), (xb, yb) in zip(geometry, geometry[1:] + geometry[:1]):
        if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
            hit = not hit
    return hit


def raster(shapes, size):
    rows = []
    step = 100.0 / size / SAMPLES
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                y = (py * SAMPLES + sy + 0.5) * step
                for sx in range(SAMPLES):
                    x = (px * SAMPLES + sx + 0.5) * step
                    colour = None
                    for shape in shapes:
                        if inside(shape, x, y):
                            colour = shape[2]
                    if colour:
                        r += colour[0]
                        g += colour[1]
                        b += colour[2]
                        a += 1
            n = SAMPLES * SAMPLES
            row += bytes((r // a, g // a, b // a, 255 * a // n) if a else (0, 0, 0, 0))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def svg(shapes):
    def hexa(colour):
        return "#%02x%02x%02x" % colour

    def num(value):
        return f"{value:g}"

    parts = []
    for kind, geometry, colour in shapes:
        if kind == "rounded":
            parts.append(f'<rect width="100" height="100" rx="{num(geometry)}" fill="{hexa(colour)}"/>')
        elif kind == "rect":
            x0, y0, x1, y1 = geometry
            parts.append(f'<rect x="{num(x0)}" y="{num(y0)}" width="{num(x1 - x0)}" height="{num(y1 - y0)}" fill="{hexa(colour)}"/>')
        else:
            points = " ".join(f"{num(x)},{num(y)}" for x, y in geometry)
            parts.append(f'<polygon points="{points}" fill="{hexa(colour)}"/>')
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' + "".join(parts) + "</svg>\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, maskable, sizes in [("icon", False, [180, 192, 512]), ("icon-maskable", True, [192, 512])]:
        shapes = design(maskable)
        (OUT / f"{name}.svg").write_text(svg(shapes))
        for size in sizes:
            (OUT / f"{name}-{size}.png").write_bytes(png(size, raster(shapes, size)))
            print(f"web/icons/{name}-{size}.png")


if __name__ == "__main__":
    main()
