#!/usr/bin/env python3
"""Draws the Teams app's two icons: color.png (192x192, full colour) and outline.png (32x32, white on transparent).

The mark is a simple bank building (a roof, three columns, a base), drawn from rectangles and a triangle so that
no image library is needed. Run it again after changing the shapes: python3 make-icons.py
"""
import struct
import zlib

BLUE = (11, 92, 173, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def building(x, y, size):
    """True where the bank building covers the point (x, y), in a square of the given size."""
    u, v = x / size, y / size
    roof = 0.18 <= v < 0.38 and abs(u - 0.5) <= (v - 0.18) / 0.20 * 0.36
    columns = 0.42 <= v < 0.72 and any(abs(u - c) <= 0.055 for c in (0.27, 0.5, 0.73))
    lintel = 0.38 <= v < 0.42 and 0.16 <= u <= 0.84
    base = 0.74 <= v < 0.82 and 0.12 <= u <= 0.88
    return roof or columns or lintel or base


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
                  + chunk(b"IEND", b""))


png("color.png", 192, lambda x, y: WHITE if building(x + 0.5, y + 0.5, 192) else BLUE)
png("outline.png", 32, lambda x, y: WHITE if building(x + 0.5, y + 0.5, 32) else CLEAR)
