"""The combo boxes' arrow area: drawn by the style sheet (flat, with a divider and an arrow image).

With a styled border and no ::drop-down rule, Fusion drew its own sunken
button inside the box: a dark, broken-looking right edge on every 职务 and
年份 box. The sheet now draws the area; its arrow images must be found
wherever the program runs from (Qt reads url() relative to the cwd).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox

from ui.style import style_sheet


def test_every_image_the_style_sheet_names_exists_and_loads():
    sheet = style_sheet()
    assert "@RESOURCES@" not in sheet
    urls = re.findall(r"url\(([^)]+)\)", sheet)
    assert any(u.endswith("combo_arrow.png") for u in urls)
    for url in urls:
        assert Path(url).is_absolute() and not QImage(url).isNull(), url


def test_the_arrow_area_is_flat_and_shows_the_arrow_at_every_font_size(qtbot, styled_app):
    for points in (9, 12, 16, 22):
        combo = QComboBox()
        qtbot.addWidget(combo)
        combo.addItems(["村委会主任", "委员"])
        font = combo.font()
        font.setPointSize(points)
        combo.setFont(font)
        combo.resize(combo.sizeHint())
        combo.show()
        qtbot.waitExposed(combo)
        image = combo.grab().toImage()
        w, h = image.width(), image.height()
        # The arrow: dark pixels in the right-hand area, around the middle.
        area = [QColor(image.pixel(x, y)) for x in range(w - h, w - 3) for y in range(h // 3, 2 * h // 3)]
        assert any(c.lightness() < 140 for c in area), points
        # No sunken button: the row just inside the bottom border is white across the arrow area.
        inner = [QColor(image.pixel(x, h - 3)) for x in range(w - h + 4, w - 4)]
        assert all(c.lightness() > 200 for c in inner), points
