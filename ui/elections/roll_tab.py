"""选民登记: the 选民名单 of the chosen election, its counts per 村民小组, and the objections to it.

A tab of the elections page (the tab contract: `show_election`, `refresh`, `changed`). The list
comes from the 人员名册 (从名册生成选民名单, with a preview of who is left out and why); away
villagers who asked to vote and admitted incomers are added by hand; a line taken off keeps its
reason. 公布名单 records the day (warning when fewer than 20 days before the election), and the
objections are raised and decided here, within the days of 组织法 第十四条.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import voter_roll_service as vr
from desktop.services.session import Session
from models.elections import roll
from models.elections.records import VOTER_CATEGORIES
from models.roles import Permission
from ui.elections.roll_dialogs import (
    AddVoterDialog,
    BuildPreviewDialog,
    CategoryDialog,
    DecideDialog,
    ObjectionDialog,
    PublishDialog,
    RemoveVoterDialog,
)
from ui.elections.roll_model import CONTENT, RESULT, ObjectionsModel, RollModel, category_label
from ui.operations import run_op, run_query
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.findings import finding_text
from ui.widgets.primary_button import primary_button
from ui.widgets.tables import keep_rows_visible, read_only_view


class RollTab(QWidget):
    """The roll as a table with its filters and buttons, the counts, and the objections below."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._election_id: str | None = None
        self._facts: vr.ElectionFacts | None = None
        self.dialog: QDialog | None = None
        self.can_edit = session.can(Permission.EDIT_REGISTER)

        self.facts_label = ElidedLabel()
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.group_filter = QComboBox()
        self.group_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("全部类别"), None)
        for code in VOTER_CATEGORIES:
            self.category_filter.addItem(category_label(code), code)
        self.show_removed = QCheckBox(self.tr("显示已移出"))
        self.show_removed.setChecked(True)
        for widget in (self.group_filter, self.category_filter):
            widget.currentIndexChanged.connect(self._show_rows)
        self.show_removed.toggled.connect(self._show_rows)

        self.build_button = primary_button(self.tr("从名册生成选民名单…"))
        self.build_button.clicked.connect(self.open_build)
        self.add_button = QPushButton(self.tr("添加选民…"))
        self.add_button.clicked.connect(self.open_add)
        self.remove_button = QPushButton(self.tr("移出…"))
        self.remove_button.clicked.connect(self.open_remove)
        self.confirm_button = QPushButton(self.tr("已核实年龄"))
        self.confirm_button.setToolTip(self.tr("已查验身份证件,选举日年满十八周岁:去掉“需核实”"))
        self.confirm_button.clicked.connect(self.confirm_age)
        self.publish_button = QPushButton(self.tr("公布名单…"))
        self.publish_button.clicked.connect(self.open_publish)
        self._write_buttons = (self.build_button, self.add_button, self.remove_button, self.confirm_button,
                               self.publish_button)

        self.model = RollModel(self)
        self.table = read_only_view(self.model, stretch=5)
        keep_rows_visible(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda *_: self.open_category())
        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        # One line, shortened in the middle on a narrow screen (its tooltip and the group filter's
        # items give every count): a wrapped label here pushed the table under it at 1024×600.
        self.counts_label = ElidedLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label = QLabel()
        self.notice_label.setProperty("role", "error")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.hide()

        self.objection_hint = ElidedLabel(self.tr("名单公布之日起五日内提出,村民选举委员会自收到之日起三日内处理"))
        self.objection_hint.setProperty("role", "hint")
        self.raise_button = QPushButton(self.tr("登记异议…"))
        self.raise_button.clicked.connect(self.open_objection)
        self.decide_button = QPushButton(self.tr("处理异议…"))
        self.decide_button.clicked.connect(self.open_decide)
        self.objections_model = ObjectionsModel(self)
        self.objections_table = read_only_view(self.objections_model, stretch=CONTENT)
        # The content and the result share the spare width and wrap; a row grows to its text.
        self.objections_table.horizontalHeader().setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        self.objections_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        keep_rows_visible(self.objections_table, 2)
        self.objections_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("村民小组:")))
        filters.addWidget(self.group_filter)
        filters.addWidget(self.category_filter)  # its first item says 全部类别: no label needed
        filters.addWidget(self.show_removed)
        filters.addStretch(1)
        filters.addWidget(self.confirm_button)  # acts on the chosen line, under the list's own buttons
        buttons = QHBoxLayout()
        for button in self._write_buttons:
            if button is not self.confirm_button:
                buttons.addWidget(button)
        buttons.addStretch(1)
        roll_box = QWidget()
        roll_layout = QVBoxLayout(roll_box)
        roll_layout.setContentsMargins(0, 0, 0, 0)
        roll_layout.addLayout(buttons)
        roll_layout.addLayout(filters)
        roll_layout.addWidget(self.empty_label)
        roll_layout.addWidget(self.table, 1)
        roll_layout.addWidget(self.counts_label)
        objection_box = QWidget()
        objection_layout = QVBoxLayout(objection_box)
        objection_layout.setContentsMargins(0, 4, 0, 0)
        objection_buttons = QHBoxLayout()
        objection_buttons.addWidget(self.raise_button)
        objection_buttons.addWidget(self.decide_button)
        objection_buttons.addWidget(self.objection_hint, 1)
        objection_layout.addLayout(objection_buttons)
        objection_layout.addWidget(self.objections_table, 1)
        # The list and the objections one at a time: in the elections page at 1024×600 the tab has
        # about 300 pixels of height, too few for two tables one above the other.
        self.parts = QTabWidget()
        self.parts.setDocumentMode(True)
        self.parts.addTab(roll_box, self.tr("选民名单"))
        self.parts.addTab(objection_box, self.tr("异议"))
        # The day and the publication beside the two tabs' titles: one row less on a short screen.
        self.parts.setCornerWidget(self.facts_label, Qt.Corner.TopRightCorner)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.parts, 1)
        if not self.can_edit:
            for button in (*self._write_buttons, self.raise_button, self.decide_button):
                button.setToolTip(self.tr("只有管理员或村文书可以登记选民名单。"))
        self.show_election(None)

    # --- the tab contract ---------------------------------------------------------------------

    def show_election(self, election_id: str | None) -> None:
        """Show the roll of `election_id` (None: no election chosen)."""
        if election_id != self._election_id:
            self.notice_label.hide()
        self._election_id = election_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the election's list, counts and objections."""
        election_id = self._election_id
        if election_id is None:
            self._facts = None
            self.facts_label.setText(self.tr("还没有选定选举。"))
            self.model.set_rows([])
            self.objections_model.set_rows([])
            self.parts.setTabText(1, self.tr("异议"))
            self.counts_label.setText("")
            self.empty_label.setText(self.tr("请先在上面的选举列表中选择或新建一次选举,再登记它的选民名单。"))
            self.empty_label.show()
            self._update_buttons()
            return
        outcome = run_query(self, lambda: (vr.election_facts(election_id), vr.counts(election_id),
                                           vr.objections(election_id)))
        if not outcome:
            return
        facts, counts, objections = outcome.value
        self._facts = facts
        self._show_facts(facts)
        self._fill_groups(counts)
        self._show_counts(counts)
        self.objections_model.set_rows(objections)
        waiting = sum(1 for o in objections if o.upheld is None)
        self.parts.setTabText(1, self.tr("异议({n}件待处理)").format(n=waiting) if waiting
                              else self.tr("异议({n})").format(n=len(objections)) if objections else self.tr("异议"))
        self._show_rows()

    # --- showing ----------------------------------------------------------------------------

    def _show_facts(self, facts: vr.ElectionFacts) -> None:
        day = roll.parse_day(facts.election_day)
        if day is None:
            self.facts_label.setText(self.tr("{label}:还没有确定选举日。确定选举日后才能按年龄登记选民。").format(
                label=facts.label))
            return
        if facts.roll_published_on:
            published = self.tr("名单已于 {day} 公布,异议可提出至 {last}").format(
                day=facts.roll_published_on,
                last=roll.objection_deadline(roll.parse_day(facts.roll_published_on)).isoformat())
        else:
            published = self.tr("名单尚未公布(最迟 {latest} 公布)").format(
                latest=roll.latest_publication(day).isoformat())
        self.facts_label.setText(self.tr("选举日 {day} · {published}").format(day=facts.election_day,
                                                                            published=published))

    def _fill_groups(self, counts: vr.RollCounts) -> None:
        keep = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("全部小组"), None)
        for group, n in counts.by_group:
            self.group_filter.addItem(self.tr("{group}({n}人)").format(group=group or self.tr("(未分组)"), n=n), group)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(keep)) if keep is not None else 0)
        self.group_filter.blockSignals(False)

    def _show_counts(self, counts: vr.RollCounts) -> None:
        if not counts.total and not counts.removed:
            self.counts_label.setText("")
            return
        cats = "、".join(self.tr("{category}{n}").format(category=category_label(c), n=n)
                        for c, n in counts.by_category)
        text = self.tr("登记选民共 {total} 人({cats}").format(total=counts.total, cats=cats)
        if counts.to_verify:
            text += self.tr(";需核实{n}").format(n=counts.to_verify)
        if counts.removed:
            text += self.tr(";已移出{n}").format(n=counts.removed)
        groups = "、".join(self.tr("{group}{n}人").format(group=g or self.tr("(未分组)"), n=n)
                          for g, n in counts.by_group)
        self.counts_label.setText(text + self.tr(")· 各组:{groups}").format(groups=groups or "—"))

    def _show_rows(self, *_args) -> None:
        election_id = self._election_id
        if election_id is None:
            return
        outcome = run_query(self, lambda: vr.voters(election_id, self.group_filter.currentData(),
                                                    self.category_filter.currentData(),
                                                    include_removed=self.show_removed.isChecked()))
        if not outcome:
            return
        rows = outcome.value
        self.model.set_rows(rows)
        filtered = self.group_filter.currentData() is not None or self.category_filter.currentData() is not None
        if rows:
            self.empty_label.hide()
        elif filtered:
            self.empty_label.setText(self.tr("没有符合筛选条件的选民。"))
            self.empty_label.show()
        else:
            self.empty_label.setText(self.tr(
                "还没有选民名单。点“从名册生成选民名单…”:按选举日计算年龄,把人员名册中年满十八周岁、"
                "选举日仍在本村的村民列入名单(先看预览,再生成)。户籍在本村但外出、本人表示参加选举的,"
                "以及经村民会议或村民代表会议同意登记的外来人员,用“添加选民…”登记。名单应在选举日的"
                "二十日前公布。"))
            self.empty_label.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        facts = self._facts if self._election_id is not None else None
        has = facts is not None and roll.parse_day(facts.election_day) is not None
        row = self.selected_voter()
        live = row is not None and row.listed
        self.build_button.setEnabled(self.can_edit and has)
        self.add_button.setEnabled(self.can_edit and has)
        self.remove_button.setEnabled(self.can_edit and live)
        self.confirm_button.setEnabled(self.can_edit and live and row.verify)
        self.publish_button.setEnabled(self.can_edit and has and self.model.total() > 0)
        self.raise_button.setEnabled(self.can_edit and has and bool(facts.roll_published_on))
        objection = self.selected_objection()
        self.decide_button.setEnabled(self.can_edit and objection is not None and objection.upheld is None)

    def selected_voter(self) -> vr.VoterRow | None:
        """The highlighted line of the roll."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def selected_objection(self) -> vr.ObjectionRow | None:
        """The highlighted objection."""
        index = self.objections_table.currentIndex()
        if not index.isValid() or not self.objections_table.selectionModel().hasSelection():
            return None
        return self.objections_model.row_at(index.row())

    # --- writing ----------------------------------------------------------------------------

    def _after(self, dialog: QDialog) -> None:
        warnings = getattr(dialog, "warnings", [])
        if warnings:
            self.notice_label.setText("\n".join("⚠ " + finding_text(f) for f in warnings))
            self.notice_label.show()
        else:
            self.notice_label.hide()
        self.refresh()
        self.changed.emit()

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(lambda: self._after(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_build(self) -> QDialog | None:
        """从名册生成选民名单: the preview, then the lines written in one go."""
        election_id = self._election_id
        if election_id is None:
            return None
        outcome = run_query(self, lambda: BuildPreviewDialog(self._session, election_id, self))
        return self._open(outcome.value) if outcome else None

    def open_add(self) -> QDialog | None:
        """添加选民: an away villager who asked to vote, an admitted incomer."""
        if self._election_id is None:
            return None
        return self._open(AddVoterDialog(self._session, self._election_id, self))

    def open_remove(self) -> QDialog | None:
        """移出 the highlighted line, with the reason."""
        row = self.selected_voter()
        if row is None or not row.listed:
            return None
        return self._open(RemoveVoterDialog(self._session, row, self))

    def open_category(self) -> QDialog | None:
        """修改类别 of the highlighted line (double-click)."""
        row = self.selected_voter()
        if not self.can_edit or self._election_id is None or row is None or not row.listed:
            return None
        return self._open(CategoryDialog(self._session, self._election_id, row, self))

    def confirm_age(self) -> None:
        """The highlighted line's age was checked on the 身份证: 需核实 goes."""
        row = self.selected_voter()
        if row is None or not row.verify:
            return
        if run_op(self, lambda: vr.confirm_age(self._session, row.id)):
            self.refresh()
            self.changed.emit()

    def open_publish(self) -> QDialog | None:
        """公布名单: the day, with the 20-day check as it is typed."""
        if self._election_id is None:
            return None
        return self._open(PublishDialog(self._session, self._election_id, self))

    def open_objection(self) -> QDialog | None:
        """登记异议 (about the highlighted voter by default)."""
        if self._election_id is None:
            return None
        return self._open(ObjectionDialog(self._session, self._election_id, self, self.selected_voter()))

    def open_decide(self) -> QDialog | None:
        """处理异议: the highlighted undecided objection."""
        objection = self.selected_objection()
        if self._election_id is None or objection is None or objection.upheld is not None:
            return None
        return self._open(DecideDialog(self._session, self._election_id, objection, self))
