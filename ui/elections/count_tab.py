"""投票计票: the count typed in as it is read out, and at once who is elected, who goes to 另行选举, and why.

Above: the vote (正式选举 or 另行选举), its day, ballots issued, cast and
invalid, and the voters on the list. The table: one row per candidate per
post (in a 另行选举: the unelected with the most votes), plus 另选他人 rows
the clerk adds; only 得票 (and a written-in name) is typed. Typing a number
on a row replaces its votes; Enter goes to the next row, so a whole column
is typed without the mouse. Beside it the engine (`models.elections.tally`
through `election_count_service.preview`) says, as you type, whether the vote
is valid, who is elected and who goes to 另行选举, each reason with its
article. Saving refuses what cannot be (more votes than ballots…) with the
reason; nothing is written then.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import election_count_service as ec
from desktop.services.session import Session
from models.elections.records import POSTS, ROUND_MAIN, ROUND_RUNOFF
from models.elections.tally import ELECTED, HIGHER_POST, RUNOFF, TIE
from models.roles import Permission
from models.stored_values import stored_date
from ui.elections.labels import post_label
from ui.errors import error_text, message_text
from ui.operations import run_op, run_query
from ui.widgets.findings import finding_lines_html
from ui.widgets.forms import date_edit, to_date
from ui.widgets.palette import AMBER, GREEN, GREY, RED
from ui.widgets.primary_button import primary_button
from ui.widgets.scroll import transparent_scroll
from ui.widgets.side_panel import SideBySideOrTabs
from ui.widgets.tables import keep_rows_visible

COL_POST, COL_NAME, COL_KIND, COL_VOTES, COL_STATUS = range(5)
_NEW = "new"
#: Typing a digit on a cell replaces its votes; F2 or a double click edits it.
_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
             | QAbstractItemView.EditTrigger.EditKeyPressed)


class _VotesDelegate(QStyledItemDelegate):
    """Whole numbers only in the 得票 column."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setValidator(QIntValidator(0, 9_999_999, editor))
        return editor


class CountTable(QTableWidget):
    """A table where Enter after a number moves down to the next row's votes."""

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt override
        """Enter (SubmitModelCache) commits and moves to the next row, same column."""
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint
                            if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache else hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._down()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter on a row that is not being edited moves down too."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self._down()
            return
        super().keyPressEvent(event)

    def _down(self) -> None:
        row, col = self.currentRow(), self.currentColumn()
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, col if col >= 0 else COL_VOTES,
                                QItemSelectionModel.SelectionFlag.ClearAndSelect)


class CountTab(QWidget):
    """投票计票 of one election (tab contract: show_election, refresh, changed)."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._election_id: str | None = None
        self._round_id: str | None = None
        self._loading = False
        self.can_edit = session.can(Permission.EDIT_REGISTER)

        self.round_combo = QComboBox()
        self.round_combo.setObjectName("count_round")
        self.round_combo.currentIndexChanged.connect(self._on_round)
        self.kind_label = QLabel()
        self.day_edit = date_edit(date.today())
        self.issued_spin, self.cast_spin, self.invalid_spin = (self._spin(n) for n in ("issued", "cast", "invalid"))
        self.registered_label = QLabel()
        self.registered_label.setTextFormat(Qt.TextFormat.PlainText)
        head = QVBoxLayout()
        head.setSpacing(4)
        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("投票")))
        row1.addWidget(self.round_combo, 1)
        row1.addWidget(QLabel(self.tr("投票日期")))
        row1.addWidget(self.day_edit)
        head.addLayout(row1)
        counts = QHBoxLayout()
        for label, spin in ((self.tr("发出选票"), self.issued_spin), (self.tr("收回选票"), self.cast_spin),
                            (self.tr("无效票"), self.invalid_spin)):
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        counts.addSpacing(8)
        counts.addWidget(self.registered_label, 1)
        head.addLayout(counts)
        self.kind_label.setProperty("role", "hint")
        self.kind_label.setWordWrap(True)

        self.table = CountTable(0, 5)
        self.table.setObjectName("count_table")
        self.table.setHorizontalHeaderLabels([self.tr("职位"), self.tr("姓名"), self.tr("类别"), self.tr("得票"),
                                              self.tr("结果")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(_TRIGGERS)
        self.table.setItemDelegateForColumn(COL_VOTES, _VotesDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._on_item)
        keep_rows_visible(self.table)  # on a short screen the page scrolls rather than hide the rows typed in

        self.post_combo = QComboBox()
        self.add_button = QPushButton(self.tr("添加另选他人"))
        self.add_button.clicked.connect(self.add_write_in)
        self.remove_button = QPushButton(self.tr("删除这一行"))
        self.remove_button.clicked.connect(self.remove_write_in)
        self.save_button = primary_button(self.tr("保存计票结果"))
        self.save_button.setObjectName("count_save")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("撤销这一轮"))
        self.delete_button.clicked.connect(self.delete_round)
        row1.addWidget(self.delete_button)  # beside the vote it undoes: the button row fits 1024 px
        buttons = QHBoxLayout()
        buttons.addWidget(self.post_combo)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(head)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)

        self.panel = QLabel()
        self.panel.setObjectName("count_panel")
        self.panel.setTextFormat(Qt.TextFormat.RichText)  # every text inside is escaped (findings_html)
        self.panel.setWordWrap(True)
        self.panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        panel_box = QWidget()
        panel_layout = QVBoxLayout(panel_box)
        panel_layout.setContentsMargins(4, 0, 0, 0)
        panel_layout.addWidget(self.kind_label)
        panel_layout.addWidget(self.panel)
        panel_layout.addStretch(1)
        panel_scroll = transparent_scroll(panel_box)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setMinimumWidth(260)  # readable beside the table; with less room the panes become tabs
        # Side by side when the tab has room for both; on a 1024 px screen two tabs (the table's
        # 结果 column still says at once who is elected), so the page never scrolls sideways.
        self.panes = SideBySideOrTabs(left, panel_scroll, self.tr("计票"), self.tr("结果与理由"), stretch=(3, 2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.panes)
        for w in (self.day_edit,):
            w.dateChanged.connect(self._update)
        self._set_enabled(False)

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(f"count_{name}")
        spin.setRange(0, 9_999_999)
        spin.setMinimumWidth(70)
        spin.valueChanged.connect(self._update)
        return spin

    # --- the tab contract --------------------------------------------------------------------

    def show_election(self, election_id: str | None) -> None:
        """Show the count of `election_id` (None: nothing chosen)."""
        self._election_id = election_id
        self._round_id = None
        self.refresh()

    def refresh(self) -> None:
        """Re-read the rounds; keep the round shown when it still exists."""
        self._loading = True
        self.round_combo.clear()
        self.table.setRowCount(0)
        self.message.clear()
        if self._election_id is None:
            self.panel.clear()
            self._set_enabled(False)
            self._loading = False
            return
        outcome = run_query(self, lambda: ec.result_report(self._election_id))
        if not outcome:
            self._loading = False
            return
        report = outcome.value
        self._report = report
        for rr in report.rounds:
            kind = self.tr("正式选举") if rr.round.kind == ROUND_MAIN else self.tr("另行选举")
            self.round_combo.addItem(self.tr("第 {n} 轮 {kind}({day})").format(
                n=rr.round.number, kind=kind, day=rr.round.held_on), rr.round.id)
        if not report.announced_on and (not report.rounds or not report.final):
            nxt = self.tr("另行选举") if report.next_kind() == ROUND_RUNOFF else self.tr("正式选举")
            self.round_combo.addItem(self.tr("登记新的一轮:{kind}").format(kind=nxt), _NEW)
        self.post_combo.clear()
        for post in POSTS:
            if post in report.seats:
                self.post_combo.addItem(post_label(post), post)
        if report.base == "representatives":  # a 补选 by the 村民代表会议: no 选民名单 (第十九条)
            base = self.tr("在任村民代表 {n} 人(村民代表会议补选)")
        elif report.base == "villagers":  # a 补选 by the 村民会议: the villagers 18 or over
            base = self.tr("年满十八周岁村民 {n} 人(村民会议补选)")
        else:
            base = self.tr("登记选民 {n} 人")
        self.registered_label.setText(base.format(n=report.registered))
        index = self.round_combo.findData(self._round_id) if self._round_id else -1
        if index < 0:
            index = self.round_combo.count() - 1
        self._loading = False
        self.round_combo.setCurrentIndex(index)
        self._on_round()

    # --- loading a round ---------------------------------------------------------------------

    def _on_round(self, *_args) -> None:
        if self._loading or self._election_id is None:
            return
        data = self.round_combo.currentData()
        report = self._report
        self.message.clear()  # the last save's "已保存" is not about the round chosen now
        self._loading = True
        if data == _NEW or data is None:
            self._round_id = None
            outcome = run_query(self, lambda: ec.round_lines(self._election_id))
            start = outcome.value if outcome else ec.RoundInput()
            self._kind = start.kind
            self.day_edit.setDate(stored_date(start.held_on) or date.today())
            for spin in (self.issued_spin, self.cast_spin, self.invalid_spin):
                spin.setValue(0)
            lines = list(start.lines)
        else:
            self._round_id = data
            rr = next(r for r in report.rounds if r.round.id == data)
            self._kind = rr.round.kind
            # A day stored wrong (an old package's "2026-02-30") opens as today, never a traceback.
            self.day_edit.setDate(stored_date(rr.round.held_on) or date.today())
            self.issued_spin.setValue(rr.round.ballots_issued)
            self.cast_spin.setValue(rr.round.ballots_cast)
            self.invalid_spin.setValue(rr.round.invalid_ballots)
            lines = rr.lines
        self.kind_label.setText(self.tr("正式选举:得票超过参加投票人数的半数当选") if self._kind == ROUND_MAIN
                                else self.tr("另行选举:以得票多的当选,但不少于已投选票的三分之一"))
        self._fill(lines)
        self._loading = False
        editable = self.can_edit and not report.announced_on
        self._set_enabled(editable)
        self.delete_button.setEnabled(editable and self._round_id is not None)
        self._update()

    def _fill(self, lines) -> None:
        self.table.setRowCount(0)
        for ln in lines:
            self._append(ln)
        if self.table.rowCount():
            self.table.setCurrentCell(0, COL_VOTES)

    def _append(self, ln: ec.Line) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        post = QTableWidgetItem(post_label(ln.post))
        post.setData(Qt.ItemDataRole.UserRole, ln)
        post.setFlags(fixed)
        name = QTableWidgetItem(ln.name)
        name.setFlags(fixed if ln.candidate_id else fixed | Qt.ItemFlag.ItemIsEditable)
        kind = QTableWidgetItem(self.tr("候选人") if ln.candidate_id else self.tr("另选他人"))
        kind.setFlags(fixed)
        votes = QTableWidgetItem(str(ln.votes))
        votes.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        votes.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
        status = QTableWidgetItem("")
        status.setFlags(fixed)
        for col, item in ((COL_POST, post), (COL_NAME, name), (COL_KIND, kind), (COL_VOTES, votes),
                          (COL_STATUS, status)):
            self.table.setItem(row, col, item)
        return row

    def _set_enabled(self, on: bool) -> None:
        for w in (self.day_edit, self.issued_spin, self.cast_spin, self.invalid_spin, self.add_button,
                  self.remove_button, self.save_button, self.post_combo):
            w.setEnabled(on)
        self.table.setEditTriggers(_TRIGGERS if on else QAbstractItemView.EditTrigger.NoEditTriggers)

    # --- what is typed -----------------------------------------------------------------------

    def lines(self) -> tuple[ec.Line, ...]:
        """The table as typed: votes that are not a whole number count as 0 (the validator allows none)."""
        out = []
        for row in range(self.table.rowCount()):
            base: ec.Line = self.table.item(row, COL_POST).data(Qt.ItemDataRole.UserRole)
            text = self.table.item(row, COL_VOTES).text().strip()
            votes = int(text) if text.isdigit() else 0
            name = self.table.item(row, COL_NAME).text().strip()
            if base.candidate_id:
                out.append(ec.Line(base.post, base.name, votes, base.candidate_id, "", base.person_id, base.woman))
            else:
                out.append(ec.Line(base.post, name, votes, "", name, base.person_id if name == base.name else "",
                                   base.woman if name == base.name else None))
        return tuple(out)

    def round_input(self) -> ec.RoundInput:
        """The vote as typed."""
        return ec.RoundInput(self._kind, to_date(self.day_edit).isoformat(), self.issued_spin.value(),
                             self.cast_spin.value(), self.invalid_spin.value(), self.lines())

    def _on_item(self, _item) -> None:
        if not self._loading:
            self._update()

    def _update(self, *_args) -> None:
        """Judge the count as typed and say who is elected, who goes to 另行选举, and why."""
        if self._loading or self._election_id is None:
            return
        data = self.round_input()
        outcome = run_query(self, lambda: ec.preview(self._election_id, data, self._round_id),
                            on_failure=lambda exc: self.panel.setText(self._line(RED, error_text(exc))))
        if not outcome:
            return
        result = outcome.value
        self._show_statuses(result)
        if not data.ballots_cast:
            self.panel.setText(self._hint(self.tr("请先填写收回的选票张数,再逐行输入得票。")))
            return
        if result.errors:
            self.panel.setText(finding_lines_html(result.errors))
            return
        head = []
        if result.valid:
            names = [self.tr("{post}{name}({votes}票)").format(post=post_label(o.entry.post), name=o.entry.name,
                                                            votes=o.entry.votes) for o in result.elected]
            head.append(self._line(GREEN, self.tr("当选:") + ("、".join(names) if names else self.tr("暂无"))))
            for f in result.further:
                what = self.tr("另行选举") if f.kind == "runoff" else self.tr("再次投票")
                head.append(self._line(AMBER, self.tr("{what}{post} {n} 名,候选人:{names}").format(
                    what=what, post=post_label(f.post), n=f.seats, names="、".join(f.candidates) or self.tr("无"))))
        self.panel.setText("".join(head) + finding_lines_html(result.reasons))

    def _line(self, color, text: str) -> str:
        from html import escape

        return f"<div style='color:{color.name()}; font-weight:bold; margin-bottom:6px'>{escape(text)}</div>"

    def _hint(self, text: str) -> str:
        return self._line(GREY, text)

    def _show_statuses(self, result) -> None:
        labels = {ELECTED: (self.tr("当选"), GREEN), RUNOFF: (self.tr("另行选举"), AMBER),
                  TIE: (self.tr("票数相等,再次投票"), AMBER), HIGHER_POST: (self.tr("已当选较高职务"), GREY)}
        by_key = {o.entry.key: o for o in result.outcomes}
        lines = self.lines()
        self._loading = True
        for row, ln in enumerate(lines):
            item = self.table.item(row, COL_STATUS)
            o = by_key.get(ln.key) if not result.errors else None
            text, color = labels.get(o.status, (self.tr("未当选"), GREY)) if o else ("", GREY)
            item.setText(text)
            item.setForeground(color)
            item.setToolTip(message_text(o.reason) if o else "")
        self._loading = False

    # --- writing -----------------------------------------------------------------------------

    def add_write_in(self) -> None:
        """A 另选他人 row for the chosen post; the name is typed in the row."""
        post = self.post_combo.currentData()
        if not post:
            return
        self._loading = True
        row = self._append(ec.Line(post, "", 0))
        self._loading = False
        self.table.setCurrentCell(row, COL_NAME)
        self.table.editItem(self.table.item(row, COL_NAME))

    def remove_write_in(self) -> None:
        """Remove the current 另选他人 row (candidates stay: type 0 for them)."""
        row = self.table.currentRow()
        if row < 0:
            return
        base: ec.Line = self.table.item(row, COL_POST).data(Qt.ItemDataRole.UserRole)
        if base.candidate_id:
            self.message.setText(self.tr("候选人的行不能删除;没有得票请填 0。"))
            return
        self.table.removeRow(row)
        self._update()

    def save(self) -> None:
        """Save the vote; a refusal is shown under the table and nothing is written."""
        if self._election_id is None:
            return
        data = self.round_input()

        def refused(exc: BaseException) -> None:
            self.message.setStyleSheet(f"color: {RED.name()};")
            self.message.setText(error_text(exc))

        outcome = run_op(self, lambda: ec.save_round(self._session, self._election_id, data, self._round_id),
                         on_failure=refused)
        if outcome:
            self._round_id = outcome.value.round.id
            self.refresh()
            self.message.setStyleSheet(f"color: {GREEN.name()};")
            pending = outcome.value.result.further
            self.message.setText(self.tr("已保存。还要另行选举或再次投票:在上方“投票”中选“登记新的一轮”。")
                                 if pending else self.tr("已保存。"))
            self.changed.emit()

    def delete_round(self) -> None:
        """Take back the round shown (before the announcement)."""
        if self._election_id is None or self._round_id is None:
            return
        from PySide6.QtWidgets import QMessageBox

        if QMessageBox.question(self, self.tr("撤销这一轮"), self.tr("撤销这一轮投票的计票结果吗?")) \
                != QMessageBox.StandardButton.Yes:
            return
        round_id = self._round_id
        outcome = run_op(self, lambda: ec.delete_round(self._session, self._election_id, round_id))
        if outcome:
            self._round_id = None
            self.refresh()
            self.changed.emit()
