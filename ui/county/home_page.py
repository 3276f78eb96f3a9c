"""首页 (county): which county this is, and what waits — townships to hear from, the last import, the rate.

A county's day starts with three questions: which enrolled township has
not sent its first 县级汇总包 (its fingerprint is checked by phone when it
comes), which has been silent for more than a quarter, and what came in
last. Each line has a button to the page where it is dealt with (`go_to`
with a navigation key, as the village's 待办 lines do). Figures are read
again whenever the page comes back on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import county_views as cv
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from models.clock import local_display
from models.provinces import province_label
from ui.widgets.outside_text import one_line, plain
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll


def _card() -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    return frame


class CountyHomePage(QWidget):
    """The county's 首页: facts, then one line per thing waiting, each with the way there."""

    #: A line's button: open this navigation area.
    go_to = Signal(str)

    def __init__(self, info: InstallationInfo, session: Session, paths: AppPaths | None = None,
                 parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._session, self._today = session, today
        title = ScaledLabel(info.name, 2.0, bold=True)
        kind = QLabel(self.tr("村民自治台账 · 县级(县、市、区)"))
        kind.setProperty("role", "hint")
        facts = _card()
        form = QFormLayout(facts)
        form.setContentsMargins(20, 16, 20, 16)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("代码:"), QLabel(info.code))
        form.addRow(self.tr("省份配置:"), QLabel(
            QCoreApplication.translate("provinces", province_label(info.province))))
        if info.is_demo:
            demo = QLabel(self.tr("这是演示数据,仅供试用和培训。"))
            demo.setProperty("role", "error")
            form.addRow(self.tr("注意:"), demo)
        note = QLabel(self.tr("从左边选择“乡镇”登记乡镇、导入各乡镇报来的县级汇总包;“合规看板”查看各乡镇、各村的情况;"
                              "“备案登记”查阅各村备案的村规民约。"))
        note.setWordWrap(True)
        self.waiting_card = _card()
        self._waiting = QVBoxLayout(self.waiting_card)
        self._waiting.setContentsMargins(20, 14, 20, 14)
        self._waiting.setSpacing(8)
        self.figures_card = _card()
        self._figures = QGridLayout(self.figures_card)
        self._figures.setContentsMargins(20, 14, 20, 14)
        self._figures.setHorizontalSpacing(36)
        self.lines: list[str] = []  # what the 待办 card says, for tests and screen readers

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        for widget in (title, kind, facts, note, ScaledLabel(self.tr("概况"), 1.2, bold=True), self.figures_card,
                       ScaledLabel(self.tr("待办"), 1.2, bold=True), self.waiting_card):
            layout.addWidget(widget)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(transparent_scroll(content))
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Coming back to 首页 after an import shows what changed."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Read the figures again and rebuild both cards."""
        facts = cv.home_facts(self._today)
        self.facts = facts
        for layout in (self._figures, self._waiting):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
                elif item.layout() is not None:
                    _clear(item.layout())
        numbers = ((self.tr("登记的乡镇"), facts.townships, False),
                   (self.tr("等待第一个汇总包"), len(facts.waiting_first), True),
                   (self.tr("超过一个季度没有汇总包"), len(facts.silent), True))
        for column, (label, value, warn) in enumerate(numbers):
            self._figures.addWidget(QLabel(label), 0, column)
            big = ScaledLabel(str(value), 1.4, bold=True)
            if warn and value:
                big.setProperty("role", "error")
            self._figures.addWidget(big, 1, column)
        rate = (self.tr("{period}全县按时率 {rate:.0%};详见“合规看板”。").format(period=facts.period_label, rate=facts.rate)
                if facts.rate is not None else self.tr("{period}还没有可以判断的数据。").format(period=facts.period_label))
        rate_label = QLabel(rate)
        rate_label.setWordWrap(True)
        self._figures.addWidget(rate_label, 2, 0, 1, len(numbers))

        self.lines = []
        if not facts.townships:
            self._line(self.tr("还没有登记任何乡镇。请到“乡镇”里登记乡镇,为它生成入网文件。"), "townships",
                       self.tr("去登记乡镇"))
        if facts.waiting_first:
            self._line(self.tr("已登记、还没有导入第一个汇总包的乡镇:{names}。导入时请打电话与乡镇逐组核对电脑指纹。").format(
                names="、".join(one_line(n) for n in facts.waiting_first)), "townships", self.tr("去导入"))
        if facts.silent:
            self._line(self.tr("超过一个季度没有报来汇总包:{items}。").format(items="、".join(
                self.tr("{name}(已 {days} 天)").format(name=one_line(n), days=d) for n, d in facts.silent)),
                "townships", self.tr("查看乡镇"))
        last = facts.last_import
        if last is not None:
            what = (self.tr("数据截至 {as_of}").format(as_of=last.data_as_of) if last.data_as_of
                    else self.tr("还没有村的数据"))  # a township's first 汇总包 may hold no village yet
            self._line(self.tr("最近导入:{name} 第 {n} 号汇总包,{day} 导入,{what}。").format(
                name=one_line(last.name), n=last.last_number, day=local_display(last.imported_at),
                what=what), "compliance", self.tr("看合规看板"))
        if not self.lines:
            self._line(self.tr("没有等待处理的事项。"), "", "")

    def _line(self, text: str, target: str, button_text: str) -> None:
        self.lines.append(text)
        row = QHBoxLayout()
        label = plain(QLabel(text))  # names townships
        label.setWordWrap(True)
        row.addWidget(label, 1)
        if target:
            button = QPushButton(button_text)
            button.clicked.connect(lambda _checked=False, target=target: self.go_to.emit(target))
            row.addWidget(button)
        self._waiting.addLayout(row)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
