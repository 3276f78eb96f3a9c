"""The county's second level: one township's board, as the township sees it, with narrower titles.

The township's own `BoardModel` draws the rows (the same cells, colours,
tooltips and sort order); only the titles differ. At the township the grid
has the whole window; at the county it sits under a breadcrumb in a page
about 830 px wide at 1024×600, where the one-line four-character titles
(村务公开, 财务公开 …) made the eleven columns wider than the screen and hid
按时率 behind a scroll bar. Here every obligation's title is on two lines of
at most four characters (村务 over 公开, 村民代表 over 会议), as on the
county's first level, so a column is as wide as its cells (逾期 1/1).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.county.board_model import short_header
from ui.widgets.compliance_model import BoardModel


class CountyTownshipBoardModel(BoardModel):
    """A township's `BoardModel` whose obligation titles are on two short lines."""

    def _title(self, section: int, ob) -> str:
        if ob is not None:
            return short_header(QCoreApplication.translate("compliance", ob.label))
        return super()._title(section, ob)
