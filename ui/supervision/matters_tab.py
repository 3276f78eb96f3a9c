"""监督事项: the matters board (open / overdue / closed) and one matter's life cycle.

Each step has its button; only the next step is enabled, the others say in
their tooltip why not (the rule is `models.supervision.matters.why_not`, the
same the service enforces). Dates and texts are checked again by the service
and a refusal is shown in the step dialog, which stays open.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import supervision_service, ui_support_supervision
from desktop.services.session import Session
from desktop.services.supervision_service import MatterRow
from desktop.services.ui_support_supervision import MatterDetail
from models.supervision import matters as mm
from ui.errors import message_text
from ui.operations import run_op
from ui.supervision.matter_dialogs import NewMatterDialog, StepDialog
from ui.supervision.matters_model import AREA, DEADLINE, OPENED, STATE, TITLE, MattersModel
from ui.widgets.field_message import FieldMessage
from ui.widgets.forms import section
from ui.widgets.palette import GREY, INK, RED
from ui.widgets.primary_button import make_primary
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll
from ui.widgets.side_panel import SideBySideOrTabs
from ui.widgets.supervision_labels import (
    act_reason,
    answer_reason,
    area_label,
    read_only_tip,
    source_label,
    state_label,
)
from ui.widgets.tables import keep_column_readable, read_only_view

ALL, OPEN, OVERDUE, CLOSED = "all", "open", "overdue", "closed"
STEPS = (mm.NOTIFIED, mm.ANSWERED, mm.VERIFIED, mm.CLOSED)


def _facts(d: MatterDetail) -> mm.MatterFacts:
    return mm.MatterFacts(d.opened_on, d.notified_on, d.deadline, d.answered_on, d.verified_on,
                          d.closed_on, d.escalated_on)


class MatterPanel(QWidget):
    """One matter: what was found, each step with its date and text, and the buttons."""

    changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.detail: MatterDetail | None = None
        self.dialog: QDialog | None = None
        self.next_step: str | None = None  # the step the shown matter can take now
        self.title_label = ScaledLabel("", 1.15, bold=True)
        self.title_label.setWordWrap(True)
        self.meta_label = QLabel()
        self.meta_label.setProperty("role", "hint")
        self.meta_label.setWordWrap(True)
        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.RichText)
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.step_buttons = {
            mm.NOTIFIED: QPushButton(self.tr("发出整改建议…")),
            mm.ANSWERED: QPushButton(self.tr("登记村委会答复…")),
            mm.VERIFIED: QPushButton(self.tr("核实…")),
            mm.CLOSED: QPushButton(self.tr("办结…")),
        }
        for target, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, t=target: self.open_step(t))
        self.escalate_button = QPushButton(self.tr("报告乡镇"))
        self.escalate_button.clicked.connect(self.escalate)
        self.message = FieldMessage()

        # Two steps to a row: four in one row were squeezed to "}整改建i" and "村委会答" in the
        # 事项办理 card at 1024×600, where the card is about 380 px wide.
        buttons = QGridLayout()
        for n, button in enumerate(self.step_buttons.values()):
            buttons.addWidget(button, n // 2, n % 2)
        buttons.addWidget(self.escalate_button, 0, 3)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(transparent_scroll(self.body_label), 1)
        layout.addWidget(self.next_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._buttons = buttons
        self.show_matter(None)

    def show_matter(self, matter_id: str | None) -> None:
        """Show `matter_id` (None: the empty hint)."""
        self.message.clear_message()
        self.detail = ui_support_supervision.matter(matter_id) if matter_id else None
        d = self.detail
        self.next_step = None
        if d is None:
            self.title_label.setText(self.tr("在左边选择一个事项。"))
            self.meta_label.clear()
            self.body_label.clear()
            self.next_label.clear()
            for button in (*self.step_buttons.values(), self.escalate_button):
                button.hide()
            return
        facts = _facts(d)
        current = mm.state(facts)
        self.title_label.setText(d.title)
        self.meta_label.setText(self.tr("{area} · 来源:{source} · {on} 发现 · 现状:{state}").format(
            area=area_label(d.area), source=source_label(d.source), on=d.opened_on, state=state_label(current)))
        self.body_label.setText(self._timeline_html(d, current))
        # The answer is the 村委会's; every other step the committee's (desktop.services.duties).
        committee_why, answer_why = act_reason(self._session), answer_reason(self._session)
        allowed = not committee_why
        next_step = None
        for target, button in self.step_buttons.items():
            reasons = mm.why_not(facts, target, date.max, "9999-12-31")
            who_why = answer_why if target == mm.ANSWERED else committee_why
            button.setVisible(current != mm.CLOSED)
            button.setEnabled(not who_why and not reasons)
            button.setProperty("primary", not reasons)
            button.style().unpolish(button)
            button.style().polish(button)
            if not reasons:
                next_step = target
            button.setToolTip(who_why or "\n".join(message_text(r) for r in reasons))
        # The step this login can take now (Enter on the board opens it).
        next_why = answer_why if next_step == mm.ANSWERED else committee_why
        self.next_step = next_step if next_step and not next_why and current != mm.CLOSED else None
        escalate_reasons = mm.can_escalate(facts, date.today())
        self.escalate_button.setVisible(not escalate_reasons)
        self._keep_buttons_width()
        self.escalate_button.setEnabled(allowed)
        self.escalate_button.setToolTip(committee_why if not allowed else self.tr(
            "村委会逾期不整改或答复不满意的,可以报告乡镇,随下一个数据包送达。"))
        if current == mm.CLOSED:
            self.next_label.setText(self.tr("已于 {on} 办结。").format(on=d.closed_on))
            self.next_label.setProperty("role", "hint")
        elif current == mm.ANSWERED:
            close = mm.why_not(facts, mm.CLOSED, date.max)
            self.next_label.setText(self.tr("下一步:核实整改情况。{why}").format(
                why=message_text(close[0]) if close else ""))
            self.next_label.setProperty("role", "error")
        else:
            self.next_label.setText(self.tr("下一步:{step}。").format(step=self.step_buttons[next_step].text().rstrip("…"))
                                    if next_step else "")
            self.next_label.setProperty("role", "hint")
        self.next_label.style().unpolish(self.next_label)
        self.next_label.style().polish(self.next_label)

    def _keep_buttons_width(self) -> None:
        """Never get narrower than the step buttons once needed, also when 办结 hides them.

        The card's minimum fell when the buttons were hidden, and the splitter beside
        the board gave the room away: the card was left ~150 px wide, its text wrapped
        every few characters.
        """
        self._buttons.invalidate()
        self.setMinimumWidth(max(self.minimumWidth(), self._buttons.minimumSize().width()))

    def _timeline_html(self, d: MatterDetail, current: str) -> str:
        def line(title: str, on: str, text: str, color: str = INK.name()) -> str:
            head = f"<b>{escape(title)}</b>" + (f"  {escape(on)}" if on else "")
            body = f"<br>{escape(text)}" if text else ""
            return f"<div style='margin-bottom:8px; color:{color}'>{head}{body}</div>"

        grey = GREY.name()
        parts = [line(self.tr("发现的问题"), d.opened_on, d.findings or self.tr("(未写明)"))]
        overdue = mm.overdue(_facts(d), date.today())
        notice_head = self.tr("整改建议(期限 {deadline})").format(deadline=d.deadline) if d.notified_on else self.tr("整改建议")
        parts.append(line(notice_head, d.notified_on, d.notice,
                          RED.name() if overdue else (INK.name() if d.notified_on else grey)))
        if overdue:
            parts.append(f"<div style='color:{RED.name()}'><b>{escape(self.tr('已超过整改期限,村委会还没有答复。'))}</b></div>")
        parts.append(line(self.tr("村委会答复"), d.answered_on, d.answer, INK.name() if d.answered_on else grey))
        parts.append(line(self.tr("核实情况"), d.verified_on, d.verification, INK.name() if d.verified_on else grey))
        parts.append(line(self.tr("办结"), d.closed_on, "", INK.name() if d.closed_on else grey))
        if d.escalated_on:
            parts.append(line(self.tr("已报告乡镇"), d.escalated_on, "", RED.name()))
        if d.township_answer:
            parts.append(line(self.tr("乡镇答复"), self._answered_by(d), d.township_answer))
        return "".join(parts)

    def _answered_by(self, d: MatterDetail) -> str:
        """Who answered for the township and when ("" for an answer typed before this was kept)."""
        by, on = d.township_answered_by, d.township_answered_on
        if by and on:
            return self.tr("{by} {on} 答复").format(by=by, on=on)
        if on:
            return self.tr("{on} 答复").format(on=on)
        return by

    def open_step(self, target: str) -> StepDialog | None:
        """The dialog for step `target` of the shown matter."""
        if self.detail is None:
            return None
        dialog = StepDialog(self._session, self.detail.id, target, self)
        matter_id = self.detail.id
        dialog.accepted.connect(lambda: self.changed.emit(matter_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def escalate(self) -> bool:
        """Report the shown matter to the township, dated today."""
        if self.detail is None:
            return False
        if not run_op(self, lambda: supervision_service.escalate(self._session, self.detail.id, date.today()),
                      on_failure=self.message.show_failure):
            return False
        self.changed.emit(self.detail.id)
        self.message.show_ok(self.tr("已报告乡镇,将随下一个数据包送达。"))
        return True


class MattersTab(QWidget):
    """Filter, the board, 新建事项, and the panel of the chosen matter."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.model = MattersModel(self)
        self.dialog: QDialog | None = None
        self.filter_combo = QComboBox()
        for code, label in ((ALL, self.tr("全部")), (OPEN, self.tr("未办结")), (OVERDUE, self.tr("逾期")),
                            (CLOSED, self.tr("已办结"))):
            self.filter_combo.addItem(label, code)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.new_button = make_primary(QPushButton(self.tr("新建事项…")))
        self.new_button.clicked.connect(self.open_new)
        self.why_label = QLabel()  # why this login may not open a matter, in words (and what to do)
        self.why_label.setWordWrap(True)
        self.why_label.setProperty("role", "hint")
        self.why_label.setVisible(False)
        if act_reason(session):
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(read_only_tip(session))
            self.why_label.setText(act_reason(session))
            self.why_label.setVisible(True)
        self.table = read_only_view(self.model)
        # The 事项 is what a person reads: it takes the room. The dates fit their contents; 监督内容
        # (up to “精神文明建设(含村规民约执行)”) and 状态 get a fixed share and elide, with the
        # full text in the tooltip, so they cannot squeeze the 事项 to “…” in a 1180 px window.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, header.ResizeMode.Stretch)
        for column in (OPENED, DEADLINE):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        # Dates are all as wide: the rows on screen size them. Qt's default reads 1000 rows for it, and
        # each row of a paged board is fetched to be measured (1.8 s of data() calls at 100,000 matters).
        header.setResizeContentsPrecision(0)
        em = self.fontMetrics().horizontalAdvance("国")
        for column, width in ((AREA, em * 7), (STATE, em * 7.5)):
            header.setSectionResizeMode(column, header.ResizeMode.Interactive)
            self.table.setColumnWidth(column, int(width))
        keep_column_readable(self.table, TITLE, 6)  # a narrow screen scrolls, 事项 is never a lone "…"
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.panel = MatterPanel(session)
        self.panel.changed.connect(self.refresh)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示:")))
        top.addWidget(self.filter_combo)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.why_label)
        left_layout.addWidget(self.table, 1)
        card, card_layout = section(self.tr("事项办理"))
        card_layout.addWidget(self.panel, 1)
        # The board beside the matter when both fit; as two tabs when not (side by side they needed
        # 787 px at 特大, more than a 1024×600 netbook gives: the page scrolled sideways). A matter
        # clicked in the board brings its tab forward.
        self.panes = SideBySideOrTabs(left, card, self.tr("事项列表"), self.tr("事项办理"), stretch=(3, 2))
        self.table.clicked.connect(lambda _index: self.panes.show_side())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.panes, 1)
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the board for the filter, keeping (or moving to) the selection."""
        keep = select_id or self.selected_id()
        mode = self.filter_combo.currentData()
        self.table.selectionModel().blockSignals(True)
        self.model.load(mode)  # a count; rows come a page at a time as the view paints them
        target = self.model.row_of(keep) if keep else -1
        self.table.selectionModel().blockSignals(False)
        n, late = supervision_service.matter_counts(show=mode)
        self.count_label.setText(self.tr("共 {n} 件,逾期 {late} 件").format(n=n, late=late))
        if target >= 0:
            self.table.selectRow(target)
        self._on_selection()

    @property
    def rows(self) -> list[MatterRow]:
        """The matters on the board (the model's rows)."""
        return self.model.all_rows()

    def selected_id(self) -> str | None:
        """The matter selected on the board."""
        selected = self.table.selectionModel().selectedRows()
        return self.model.id_at(selected[0].row()) if selected else None

    def select_matter(self, matter_id: str) -> None:
        """Select `matter_id` on the board (as a click would)."""
        row = self.model.row_of(matter_id)  # (the order shown)
        if row >= 0:
            self.table.selectRow(row)

    def _on_selection(self) -> None:
        self.panel.show_matter(self.selected_id())

    def show_matter(self, matter_id: str) -> None:
        """Select `matter_id` with the filter on 全部 (a to-do line names it; the filter may hide it)."""
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(ALL))
        self.select_matter(matter_id)

    def open_next_step(self, matter_id: str) -> StepDialog | None:
        """The dialog of the step `matter_id` can take now (恢复未保存的内容); None when gone or closed."""
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(ALL))
        self.select_matter(matter_id)
        if self.selected_id() != matter_id or self.panel.next_step is None:
            return None
        return self.panel.open_step(self.panel.next_step)

    def open_new(self) -> NewMatterDialog:
        """The 新建事项 dialog."""
        dialog = NewMatterDialog(self._session, self)
        dialog.accepted.connect(lambda: self.refresh(dialog.matter_id))
        self.dialog = dialog
        dialog.open()
        return dialog
