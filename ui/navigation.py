"""The areas of the main window, per installation mode, and the list that picks one.

An area is a key, a title and, until its issue lands, the one sentence its
empty page says. Adding an area is adding a line here and a page factory
in `ui.pages.factory`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.widgets.scaled_label import scale_font


@dataclass(frozen=True)
class Area:
    """One entry of the left navigation."""

    key: str
    title: str
    planned: str = ""  # what will be here, for areas not built yet


def areas_for_mode(mode: str) -> list[Area]:
    """The navigation entries of a village, township or county installation, in order."""
    if mode == "county":
        return _county_areas()
    if mode == "township":
        return [
            Area("home", QCoreApplication.translate("navigation", "首页")),
            Area(
                "villages",
                QCoreApplication.translate("navigation", "村庄"),
                QCoreApplication.translate(
                    "navigation", "本乡镇各村的登记信息、数据包往来和联系人将在这里管理。"
                ),
            ),
            Area(
                "review",
                QCoreApplication.translate("navigation", "审核备案"),
                QCoreApplication.translate(
                    "navigation", "各村报来的村规民约草案的合法性审查和备案回执将在这里办理。"
                ),
            ),
            Area(
                "compliance",
                QCoreApplication.translate("navigation", "合规看板"),
                QCoreApplication.translate(
                    "navigation", "各村村务公开、会议表决是否按时按规进行,将在这里一目了然。"
                ),
            ),
            Area("elections", QCoreApplication.translate("navigation", "换届选举")),
            Area(
                "reports",
                QCoreApplication.translate("navigation", "报表"),
                QCoreApplication.translate(
                    "navigation", "向县里报送的合规报表将在这里生成和打印。"
                ),
            ),
        ]
    return [
        Area("home", QCoreApplication.translate("navigation", "首页")),
        Area(
            "rules",
            QCoreApplication.translate("navigation", "村规民约"),
            QCoreApplication.translate(
                "navigation", "村规民约的起草、修订、表决和报乡镇备案将在这里管理。"
            ),
        ),
        Area(
            "disclosure",
            QCoreApplication.translate("navigation", "村务公开"),
            QCoreApplication.translate(
                "navigation", "财务、事务公开的内容、审核和张贴记录将在这里管理。"
            ),
        ),
        Area(
            "meetings",
            QCoreApplication.translate("navigation", "会议与表决"),
            QCoreApplication.translate("navigation", "会议记录、签到和表决结果将在这里管理。"),
        ),
        Area("elections", QCoreApplication.translate("navigation", "民主选举")),
        Area(
            "supervision",
            QCoreApplication.translate("navigation", "村务监督"),
            QCoreApplication.translate(
                "navigation", "村务监督委员会的审核意见、监督记录和签字将在这里管理。"
            ),
        ),
        Area("people", QCoreApplication.translate("navigation", "人员名册")),
        Area(
            "exchange",
            QCoreApplication.translate("navigation", "数据交换"),
            QCoreApplication.translate(
                "navigation", "与乡镇之间的数据包导出、导入和收发记录将在这里管理。"
            ),
        ),
    ]


def _county_areas() -> list[Area]:
    """The county's areas: its townships, the board across them, the 备案 register and the report."""
    return [
        Area("home", QCoreApplication.translate("navigation", "首页")),
        Area("townships", QCoreApplication.translate("navigation", "乡镇")),
        Area("compliance", QCoreApplication.translate("navigation", "合规看板")),
        Area("filings", QCoreApplication.translate("navigation", "备案登记")),
        Area("reports", QCoreApplication.translate("navigation", "报表")),
    ]


class NavigationList(QListWidget):
    """The left column: one large, easy-to-hit row per area."""

    #: The key of the area the person picked.
    area_selected = Signal(str)

    def __init__(self, areas: list[Area], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigation")
        scale_font(self, 1.1)
        self._keys = [a.key for a in areas]
        for area in areas:
            self.addItem(QListWidgetItem(area.title))
        self.setFixedWidth(self._width_for_titles())
        self.currentRowChanged.connect(self._on_row)

    def select_area(self, key: str) -> None:
        """Select the area with `key` (as if clicked)."""
        self.setCurrentRow(self._keys.index(key))

    def current_key(self) -> str:
        """Key of the selected area."""
        return self._keys[self.currentRow()]

    def keys(self) -> list[str]:
        """Keys of all areas, in display order."""
        return list(self._keys)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Stay wide enough for the titles when the font size setting changes."""
        if event.type() == QEvent.Type.FontChange and self.count():
            self.setFixedWidth(self._width_for_titles())
        super().changeEvent(event)

    def _on_row(self, row: int) -> None:
        if row >= 0:
            self.area_selected.emit(self._keys[row])

    def _width_for_titles(self) -> int:
        widest = max(
            self.fontMetrics().horizontalAdvance(self.item(i).text()) for i in range(self.count())
        )
        return widest + 80
