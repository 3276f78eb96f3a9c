"""Draw cunwu's application icon and write `resources/cunwu.ico` and `resources/cunwu.png`.

Run once by hand (`.venv/bin/python installer/make_icon.py`); the output is
committed, so builds never depend on a font or on this script. The icon is a
red seal-like square with a white 村, drawn with Qt offscreen. The .ico holds
classic 32-bit DIB images (16-48 px, which every Windows, NSIS and
PyInstaller read) and a PNG image for 256 px (Windows Vista and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def draw(size: int) -> QImage:
    """The icon at `size` x `size` pixels, ARGB32."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = max(1.0, size / 32)
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(rect, size / 6, size / 6)
    p.fillPath(path, QColor("#b3261e"))
    if size >= 24:  # a thin inner frame, like a seal; lost in noise at 16 px
        inner = rect.adjusted(size / 12, size / 12, -size / 12, -size / 12)
        pen = p.pen()
        pen.setColor(QColor(255, 255, 255, 200))
        pen.setWidthF(max(1.0, size / 40))
        p.setPen(pen)
        p.drawRoundedRect(inner, size / 14, size / 14)
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(int(size * (0.62 if size >= 24 else 0.78)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "村")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """`image` encoded as PNG."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data)


def dib_bytes(image: QImage) -> bytes:
    """`image` as an ICO DIB entry: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask."""
    w, h = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(h - 1, -1, -1):
        row = bytearray()
        for x in range(w):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian 0xAARRGGBB is B, G, R, A
        rows.append(bytes(row))
    mask_row = ((w + 31) // 32) * 4
    mask = bytes(mask_row * h)  # all opaque: the alpha channel decides
    return header + b"".join(rows) + mask


def write_ico(path: Path, images: list[QImage]) -> None:
    """Write a multi-size .ico (PNG for 256 px, DIB below)."""
    blobs = [png_bytes(im) if im.width() >= 256 else dib_bytes(im) for im in images]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for im, blob in zip(images, blobs, strict=True):
        dim = 0 if im.width() >= 256 else im.width()
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(out + b"".join(blobs))


def main() -> int:
    """Write the icon files."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    images = [draw(s) for s in SIZES]
    write_ico(RESOURCES / "cunwu.ico", images)
    (RESOURCES / "cunwu.png").write_bytes(png_bytes(images[-1]))
    print(f"wrote {RESOURCES / 'cunwu.ico'} and {RESOURCES / 'cunwu.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
