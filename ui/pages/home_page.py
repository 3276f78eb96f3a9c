"""首页: which village or township this is, what this login has to do now, and a few counts at a glance.

The village's page opens with 待办 (`todo_service`): one line per thing this
login has to do, each with a button to the place where it is done (the
page emits `go_to` with a navigation key, "area:tab", "area:tab@record" or "accounts"; the main
window opens it, and the record itself when the line is about one). A fresh village (an empty register) reads one line: 先登记
人员名册, with the way there, and no warnings about what cannot be judged yet.
A quarter still in progress is "进行中", never missing.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import decisions_service, people_service, todo_service
from desktop.services.session import Session
from desktop.services.setup_service import InstallationInfo
from models.provinces import province_label
from ui.errors import message_text
from ui.widgets.outside_text import plain
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel

#: Roles counted on the village home page, in this order.
_COUNTED_ROLES = ("vc_chair", "vc_vice", "vc_member", "representative",
                  "party_member", "sc_chair", "sc_member", "group_leader")


def _card() -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    return frame


class HomePage(QWidget):
    """Installation facts and, for a village, this login's to-do list and how many people hold each role."""

    #: A to-do line's button: open this place (navigation key, "area:tab", "accounts" or "backup").
    go_to = Signal(str)

    def __init__(self, info: InstallationInfo, parent: QWidget | None = None, defer: bool = False,
                 session: Session | None = None, paths: AppPaths | None = None):
        """`defer`: fill the data cards just after the window's first paint (start-up speed).

        `session` lets the village open the township's notices (and mark them read);
        `paths` lets the township's page read its register of villages.
        """
        super().__init__(parent)
        self._session, self._paths = session, paths
        self._mode = info.mode
        village = info.mode == "village"
        title = ScaledLabel(info.name, 2.0, bold=True)
        kind = QLabel(self.tr("村民自治台账 · 村") if village else self.tr("村民自治台账 · 乡镇"))
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

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(kind)
        layout.addSpacing(8)
        layout.addWidget(facts)
        layout.addStretch(1)
        self._layout = layout
        # In a scroll area: with the township's notices, or at a large font size, the cards never overlap.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        content.installEventFilter(self)  # its first paint (not this widget's, hidden behind it) builds the cards
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._notice_widgets: list[QWidget] = []
        self._notices_at: int | None = None  # layout index of the notices heading, once the cards are built
        #: The village's data cards by name, once built; rebuilt in place when the page is shown again.
        self.data_cards: dict[str, QFrame] = {}
        self._data_fresh = False
        # Deferred: the cards (a few queries) are built once the page has been painted,
        # so the window appears first; a zero timer alone can fire before the first paint.
        township_cards = not village and paths is not None
        self._cards_pending = (village or township_cards) and defer
        if not village:
            note = QLabel(self.tr("从左边选择“村庄”查看各村,选择“审核备案”办理各村报来的材料。"))
            note.setWordWrap(True)
            layout.insertWidget(layout.count() - 1, note)
        if (village or township_cards) and not defer:
            self.load_cards()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """The scrolled content's paint counts as the page's paint."""
        if event.type() == QEvent.Type.Paint:
            self._after_paint()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """After the first paint, build the deferred cards."""
        super().paintEvent(event)
        self._after_paint()

    def _after_paint(self) -> None:
        if self._cards_pending:
            self._cards_pending = False
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self, self.load_cards)

    def load_cards(self) -> None:
        """Query the counts and add the village's (or township's) cards above the closing stretch."""
        position = self._layout.count() - 1
        if self._paths is not None and self._mode == "township":
            self._layout.insertWidget(position, ScaledLabel(self.tr("各村概况"), 1.2, bold=True))
            self.township_card = self._township_card()
            self._layout.insertWidget(position + 1, self.township_card)
            self._township_fresh = not self.isVisible()  # built before showing: the first show needs no re-read
            return
        self._notices_at = position
        position += self._place_notices()
        self.data_cards = {name: build() for name, build in self._data_card_builders()}
        for widget in (ScaledLabel(self.tr("待办"), 1.2, bold=True), self.data_cards["todo"],
                       ScaledLabel(self.tr("人员概况"), 1.2, bold=True), self.data_cards["counts"],
                       ScaledLabel(self.tr("会议与表决"), 1.2, bold=True), self.data_cards["meetings"],
                       ScaledLabel(self.tr("村规民约与村务监督"), 1.2, bold=True), self.data_cards["rules"]):
            self._layout.insertWidget(position, widget)
            position += 1
        self._data_fresh = not self.isVisible()  # built before showing: the first show needs no re-read

    def _data_card_builders(self):
        """The village's data cards, by name, with the method that builds each (a few counts each)."""
        return (("todo", self._todo_card), ("counts", self._counts_card), ("meetings", self._meetings_card),
                ("rules", self._rules_and_supervision_card))

    def refresh_village(self) -> None:
        """Rebuild the village's data cards in place: a 回执 may have brought an opinion, a receipt, an answer."""
        for name, build in self._data_card_builders():
            old = self.data_cards[name]
            self.data_cards[name] = build()
            self._layout.replaceWidget(old, self.data_cards[name])
            old.hide()
            old.deleteLater()

    def _township_card(self) -> QFrame:
        """Villages, work waiting, and the last ended quarter's rate, each line a plain sentence."""
        from desktop.services import township_home, villages_service

        figures = township_home.summary(self._paths)
        self.township_figures = figures
        card = _card()
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setHorizontalSpacing(36)
        numbers = (
            (self.tr("登记的村"), figures.villages),
            (self.tr("待审核的村规民约"), figures.drafts_waiting),
            (self.tr("待答复的上报事项"), figures.escalations_waiting),
            (self.tr("超过 {days} 天没有消息").format(days=villages_service.SILENCE_THRESHOLD_DAYS), figures.silent),
        )
        for column, (label, value) in enumerate(numbers):
            grid.addWidget(QLabel(label), 0, column)
            big = ScaledLabel(str(value), 1.4, bold=True)
            if value and column:
                big.setProperty("role", "error")
            grid.addWidget(big, 1, column)
        lines = []
        if figures.rate is not None:
            lines.append(self.tr("{period}全乡镇按时率 {rate:.0%},缺失 {missing} 项(数据截至 {day});详见“合规看板”。").format(
                period=figures.period_label, rate=figures.rate, missing=figures.missing_cells, day=figures.data_as_of))
        if figures.silent_names:
            lines.append(self.tr("很久没有发来数据包:{names}").format(names="、".join(figures.silent_names)))
        if figures.pending:
            lines.append(self.tr("已入网、还没有发来第一个数据包的村:{n} 个").format(n=figures.pending))
        broken = ""
        if figures.audit_broken_names:
            # found at an import, said in red on 村庄 — and here, where the clerk starts the day
            broken = self.tr("审计日志被改动过的村:{names}(已经发出的审计记录在发出后被改写或删除);"
                             "请与村里核实,详见“村庄”。").format(names="、".join(figures.audit_broken_names))
            lines.append(broken)
        if not figures.villages:
            lines.append(self.tr("还没有登记任何村。请到“村庄”里新增村庄。"))
        self.township_lines = lines
        for row, text in enumerate(lines, start=2):
            label = plain(QLabel(text))  # may name villages
            label.setWordWrap(True)
            if text == broken:
                label.setProperty("role", "error")
            grid.addWidget(label, row, 0, 1, len(numbers))
        return card

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Coming back to 首页 after importing a 回执 shows the notices and the figures it changed.

        On a township, the counts are read again: after answering escalations or importing packages
        the clerk comes back to figures that say what is still waiting, not what was at start-up.
        """
        super().showEvent(event)
        if self._notices_at is not None:
            self._place_notices()
        if self.data_cards and not event.spontaneous():  # not on un-minimizing the window
            if self._data_fresh:
                self._data_fresh = False
            else:
                self.refresh_village()
        if getattr(self, "township_card", None) is not None:
            if getattr(self, "_township_fresh", False):
                self._township_fresh = False
            else:
                self.refresh_township()

    def refresh(self) -> None:
        """Records changed: rebuild the cards now if on screen (else `showEvent` does it)."""
        if not self.isVisible():
            return
        if self._notices_at is not None:
            self._place_notices()
        if self.data_cards:
            self.refresh_village()
        if getattr(self, "township_card", None) is not None:
            self.refresh_township()

    def refresh_township(self) -> None:
        """Rebuild the township's 各村概况 card in place with fresh figures."""
        old = self.township_card
        self.township_card = self._township_card()
        self._layout.replaceWidget(old, self.township_card)
        old.deleteLater()

    def _place_notices(self) -> int:
        """(Re)build the 乡镇通知 heading and card at their place; returns how many widgets it put there."""
        from desktop.services import notice_service

        for widget in self._notice_widgets:
            self._layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        latest = notice_service.notices(limit=3)
        self._notice_widgets = [ScaledLabel(self.tr("乡镇通知"), 1.2, bold=True),
                                self._notices_card(latest)] if latest else []
        for offset, widget in enumerate(self._notice_widgets):
            self._layout.insertWidget(self._notices_at + offset, widget)
        return len(self._notice_widgets)

    def _notices_card(self, latest) -> QFrame:
        """The township's three latest notices, unread ones marked, and a button to read them."""
        from desktop.services import notice_service

        card = _card()
        box = QVBoxLayout(card)
        box.setContentsMargins(20, 14, 20, 14)
        box.setSpacing(6)
        unread = notice_service.unread_count()
        self._notice_labels = []
        for _row in latest:
            label = QLabel()
            label.setWordWrap(True)
            box.addWidget(label)
            self._notice_labels.append(label)
        self._show_notice_lines(latest)
        if self._session is not None:
            self.notices_button = QPushButton(
                self.tr("阅读通知({n} 条未读)…").format(n=unread) if unread else self.tr("查看全部通知…"))
            self.notices_button.clicked.connect(self._open_notices)
            row = QHBoxLayout()
            row.addWidget(self.notices_button)
            row.addStretch(1)
            box.addLayout(row)
        return card

    def _show_notice_lines(self, latest) -> None:
        self.notice_lines = []
        for label, row in zip(self._notice_labels, latest, strict=False):
            text = self.tr("{day}  {title}").format(day=row.issued_on, title=row.title)
            if not row.read:
                text = self.tr("【未读】") + text
            label.setText(text)
            self.notice_lines.append(text)

    def _open_notices(self) -> None:
        from desktop.services import notice_service
        from ui.exchange.notices import NoticesDialog

        NoticesDialog(self._session, self).exec()
        self._show_notice_lines(notice_service.notices(limit=len(self._notice_labels)))
        unread = notice_service.unread_count()
        self.notices_button.setText(
            self.tr("阅读通知({n} 条未读)…").format(n=unread) if unread else self.tr("查看全部通知…"))

    def _todo_card(self) -> QFrame:
        """What this login has to do now, a line each with the button to the place (or "nothing waiting")."""
        card = _card()
        box = QVBoxLayout(card)
        box.setContentsMargins(20, 14, 20, 14)
        box.setSpacing(8)
        lines = todo_service.todo(self._session, backups=self._paths.backups if self._paths else None) \
            if self._session is not None else []
        self.todo_lines = [message_text(line.text) for line in lines]
        self.todo_buttons: dict[str, QPushButton] = {}
        for line, text in zip(lines, self.todo_lines, strict=True):
            label = QLabel(("● " if line.urgent else "• ") + text)
            label.setWordWrap(True)
            if line.urgent:
                label.setProperty("role", "error")
            row = QHBoxLayout()
            row.addWidget(label, 1)
            place = self._place_label(line.page)
            if place and self._session is not None:
                button = QPushButton(place)
                if line.key == "register":  # the one way forward for a fresh village
                    make_primary(button)
                button.clicked.connect(lambda _checked=False, page=line.page: self.go_to.emit(page))
                self.todo_buttons[line.key] = button
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(row)
        widest = max((b.sizeHint().width() for b in self.todo_buttons.values()), default=0)
        for button in self.todo_buttons.values():  # one column of equal buttons reads as a list
            button.setMinimumWidth(widest)
        if not lines:
            done = QLabel(self.tr("现在没有需要您办理的事项。"))
            done.setProperty("role", "ok")
            box.addWidget(done)
            self.todo_lines = [done.text()]
        return card

    def _place_label(self, page: str) -> str:
        """The button's words for a to-do line's place ("" when it has no button)."""
        area = page.partition("@")[0].partition(":")[0]
        return {"people": self.tr("打开人员名册"), "disclosure": self.tr("打开村务公开"),
                "supervision": self.tr("打开村务监督"), "meetings": self.tr("打开会议"),
                "accounts": self.tr("打开账号设置"), "backup": self.tr("备份…")}.get(area, "")

    def _counts_card(self) -> QFrame:
        counts = people_service.counts()
        card = _card()
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(10)
        self.count_labels: dict[str, QLabel] = {}
        for i, role in enumerate(_COUNTED_ROLES):
            name = QLabel(QCoreApplication.translate("people", people_service.PERSON_ROLES[role]))
            number = ScaledLabel(self.tr("{n} 人").format(n=counts.get(role, 0)), 1.3, bold=True)
            self.count_labels[role] = number
            row, col = divmod(i, 4)
            grid.addWidget(name, row * 2, col)
            grid.addWidget(number, row * 2 + 1, col)
        if not counts:
            hint = QLabel(self.tr("人员名册还是空的。"))
            hint.setProperty("role", "hint")
            grid.addWidget(hint, 4, 0, 1, 4)
        return card

    def _meetings_card(self) -> QFrame:
        from ui.widgets.findings import finding_text

        counts = decisions_service.counts()
        card = _card()
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 16, 20, 16)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(10)
        self.meeting_labels: dict[str, QLabel] = {}
        facts = (("meetings", self.tr("会议记录"), self.tr("{n} 次")),
                 ("invalid", self.tr("未达法定人数"), self.tr("{n} 次")),
                 ("registers", self.tr("四议两公开"), self.tr("{n} 项")))
        for col, (key, caption, unit) in enumerate(facts):
            number = ScaledLabel(unit.format(n=counts.get(key, 0)), 1.3, bold=True)
            if key == "invalid" and counts.get(key):
                number.setProperty("role", "error")
            self.meeting_labels[key] = number
            grid.addWidget(QLabel(caption), 0, col)
            grid.addWidget(number, 1, col)
        grid.setColumnStretch(3, 1)
        today = date.today()
        self.cadence_label = QLabel()
        self.cadence_label.setWordWrap(True)
        self.cadence_label.setTextFormat(Qt.TextFormat.RichText)
        now = decisions_service.quarter_in_progress(today)
        if now.held:
            current = self.tr("第 {q} 季度(进行中)已召开村民代表会议。").format(q=now.quarter)
        elif now.drafted:
            current = self.tr("第 {q} 季度(进行中)的村民代表会议记录还没有审定,审定后才算召开。").format(q=now.quarter)
        else:
            current = self.tr("第 {q} 季度进行中:还没有召开村民代表会议,季度结束前召开即可。").format(q=now.quarter)
        began = decisions_service.records_began()
        findings = decisions_service.cadence_findings(today.year, today, since=began)
        before = ""
        if began is not None and began > date(today.year, 1, 1) and began.year == today.year \
                and decisions_service.quarter_in_progress(began).quarter > 1:
            before = self.tr("本村从 {day} 开始在本软件中记录;此前的季度不作判断,以前的村民代表会议可以补录。").format(
                day=began.isoformat())
        if todo_service.register_empty():  # nothing can be judged before the register and the meetings exist
            self.cadence_label.setProperty("role", "hint")
            self.cadence_label.setText(escape(self.tr("登记人员名册、录入会议记录后,这里显示每季度村民代表会议的召开情况。")))
        elif findings:
            self.cadence_label.setProperty("role", "error")
            lines = [f"• {escape(finding_text(f))}" for f in findings]
            if not now.drafted:  # a draft of this quarter is among the findings already
                lines.append(f"<span style='color:palette(text)'>• {escape(current)}</span>")
            if before:
                lines.append(f"<span style='color:palette(text)'>• {escape(before)}</span>")
            self.cadence_label.setText("<br>".join(lines))
        else:
            self.cadence_label.setProperty("role", "ok")
            judged = now.quarter > 1 and not (before and decisions_service.quarter_in_progress(began).quarter
                                              == now.quarter)
            ended = self.tr("今年已经结束的季度都召开了村民代表会议。") if judged else ""
            self.cadence_label.setText("<br>".join(escape(t) for t in (ended, current, before) if t))
        grid.addWidget(self.cadence_label, 2, 0, 1, 4)
        return card

    def _rules_and_supervision_card(self) -> QFrame:
        """The rules in force, a draft under way, and the committee's open casework."""
        from desktop.services import rules_service, supervision_service
        from models.rules import procedure

        card = _card()
        box = QVBoxLayout(card)
        box.setContentsMargins(20, 14, 20, 14)
        box.setSpacing(6)
        lines = []
        for rs in rules_service.list_rule_sets():
            in_force = next((v for v in rs.versions if v.status == procedure.ST_IN_FORCE), None)
            draft = next((v for v in rs.versions if v.status not in (
                procedure.ST_IN_FORCE, procedure.ST_HISTORY, procedure.ST_SUPERSEDED)), None)
            text = self.tr("{title}:现行第 {no} 版({day}通过)").format(
                title=rs.title, no=in_force.version_no, day=in_force.adopted_on) if in_force else \
                self.tr("{title}:还没有生效的版本").format(title=rs.title)
            if draft is not None:
                text += self.tr(";第 {no} 版修订中({status})").format(
                    no=draft.version_no,
                    status=QCoreApplication.translate("rules_procedure", procedure.STATUS_LABELS[draft.status]))
            lines.append(text)
        if not lines:
            lines.append(self.tr("还没有登记村规民约。"))
        open_, overdue = supervision_service.matter_counts(show="open")  # counted in SQL, not read whole
        lines.append(self.tr("监督事项:未办结 {open} 件,其中逾期未整改 {overdue} 件").format(
            open=open_, overdue=overdue))
        for text in lines:
            label = QLabel(text)
            label.setWordWrap(True)
            box.addWidget(label)
        if overdue:
            label.setProperty("role", "error")
        self.attention_lines = lines
        return card
