"""The step summary at the top of the elections page: each step with its date, and the next step.

Every step shows its date or 未进行 (a step that does not apply, such as the
委托 of an election nobody entrusted a vote in, says so); the next step says
in plain Chinese, with the article, why it can or cannot be taken yet. When it
can, and it is a step recorded by date, 登记这一步… records it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.elections_service import ElectionSummary
from models.elections import procedure as pr
from models.messages import QT_TRANSLATE_NOOP
from ui.elections.labels import tr
from ui.errors import message_text
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.palette import RED
from ui.widgets.scaled_label import ScaledLabel

#: Steps recorded from the summary's 登记这一步… (a date and what the step needs).
PAGE_STEPS = (pr.STEP_COMMITTEE, pr.STEP_CANDIDATES, pr.STEP_PROXIES, pr.STEP_AUDIT)

#: Steps taken in a tab: the tab's title (source text under "elections").
TAB_OF_STEP = {
    pr.STEP_ROLL: QT_TRANSLATE_NOOP("elections", "选民登记"),
    pr.STEP_VOTE: QT_TRANSLATE_NOOP("elections", "投票计票"),
    pr.STEP_ANNOUNCE: QT_TRANSLATE_NOOP("elections", "当选与移交"),
    pr.STEP_HANDOVER: QT_TRANSLATE_NOOP("elections", "当选与移交"),
}


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class StepSummary(QWidget):
    """The steps with their dates, what was irregular, and the next step's verdict below."""

    #: The person asked to record step `key` (the page opens the dialog); again for a step done: a new date.
    record_requested = Signal(str)
    #: The person asked to take back step `key` recorded by mistake (the page asks first).
    clear_requested = Signal(str)
    #: The person folded (True) or unfolded (False) the summary with its 收起/展开 button.
    fold_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_label = ScaledLabel("", 1.2, bold=True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        # The steps' layout: a wrapping row (named `grid` since it was one; the election walk reads it).
        self.steps_box = QWidget()
        self.grid = FlowLayout(self.steps_box)
        self.next_label = _plain()
        self.next_label.setObjectName("next_step")
        self.reasons_label = _plain()
        self.problems_label = _plain()
        self.problems_label.setStyleSheet(f"color: {RED.name()};")
        self.record_button = QPushButton(self.tr("登记这一步…"))
        self.record_button.clicked.connect(lambda: self.record_requested.emit(self._next_key))
        self._next_key = ""
        # 更正: a step recorded with the wrong day, taken back, or the 审计 recorded before its turn.
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("更正…"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        # Folded (a short window: a netbook's 1008×520), the summary is one line: the next step and
        # its first reason, cut to the width (all of it in the tooltip), so the tabs keep the height.
        self.line_label = QLabel()
        self.line_label.setObjectName("summary_line")
        self.line_label.setTextFormat(Qt.TextFormat.PlainText)
        self.line_label.setMinimumWidth(120)
        self.line_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._line = ""
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("summary_fold")
        self.fold_button.clicked.connect(lambda: self.fold_requested.emit(not self.compact))
        self.compact = False
        row = QHBoxLayout()
        row.addWidget(self.next_label, 1)
        row.addWidget(self.line_label, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.fold_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.steps_box)
        layout.addWidget(self.problems_label)
        layout.addLayout(row)
        layout.addWidget(self.reasons_label)
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """Folded: one line (the next step, its first reason); unfolded: the title, steps and reasons."""
        self.compact = compact
        self.fold_button.setText(self.tr("展开步骤") if compact else self.tr("收起"))
        self.fold_button.setToolTip(self.tr("显示选举列表、全部步骤和理由") if compact else self.tr("只显示下一步,给下面的表格留出空间"))
        self.line_label.setVisible(compact)
        self.next_label.setVisible(not compact)
        for label in (self.title_label, self.steps_box):
            label.setVisible(not compact)
        self.problems_label.setVisible(not compact and bool(self.problems_label.text()))
        self.reasons_label.setVisible(not compact and bool(self.reasons_label.text()))
        self._elide_line()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The folded line is cut again to the new width."""
        super().resizeEvent(event)
        self._elide_line()

    def _elide_line(self) -> None:
        if not self.compact:
            return
        width = max(self.line_label.width(), 120)
        self.line_label.setText(self.line_label.fontMetrics().elidedText(self._line, Qt.TextElideMode.ElideRight,
                                                                         width))

    def _set_line(self, problems: str) -> None:
        """The folded line: ⚠ (when a step was irregular), the next step, its first reason."""
        reasons = [line.removeprefix("· ") for line in self.reasons_label.text().splitlines() if line]
        parts = [self.next_label.text()] + reasons[:1]
        warn = self.tr("⚠ {n}处不合规 · ").format(n=len(problems.splitlines())) if problems else ""
        self._line = warn + " ".join(parts)
        self.line_label.setStyleSheet(f"color: {RED.name()};" if problems else "")
        tip = [self.title_label.text(), self.next_label.text(), self.reasons_label.text(),
               self.problems_label.text()]
        self.line_label.setToolTip("\n".join(filter(None, tip)))
        self._elide_line()

    def show_summary(self, summary: ElectionSummary, can_edit: bool) -> None:
        """Show `summary`; `can_edit` False keeps the record button off (with a tooltip saying why)."""
        from ui.elections.labels import body_label, kind_label, post_label

        seats = "、".join(f"{post_label(p)}{n}" for p, n in summary.seats.items())
        head = f"{summary.label} · {kind_label(summary.kind)}"
        if summary.election_day:
            head += self.tr(" · 选举日 {day}").format(day=summary.election_day)
        if seats:
            head += f" · {seats}"
        if summary.body:
            head += self.tr(" · 由{body}补选,任期到{end}").format(body=body_label(summary.body),
                                                             end=summary.term_end or self.tr("本届届满"))
        self.title_label.setText(head)
        self._fill_grid(summary)
        problems = self.problems_text(summary)
        self.problems_label.setText("\n".join("⚠ " + line for line in problems.splitlines()))
        self.problems_label.setVisible(bool(problems))
        nxt = summary.next
        self._next_key = nxt.key or ""
        if nxt.cancelled:
            self.next_label.setText(self.tr("这次选举已于{day}取消。").format(day=summary.cancelled_on))
        elif nxt.key is None:
            self.next_label.setText(self.tr("各步骤都已完成。"))
        elif nxt.possible:
            self.next_label.setText(self.tr("下一步:{step}——现在可以进行。").format(step=tr(nxt.title)))
        else:
            self.next_label.setText(self.tr("下一步:{step}——还不能进行:").format(step=tr(nxt.title)))
        lines = [message_text(m) for m in nxt.reasons] + [message_text(m) for m in nxt.notes]
        self.reasons_label.setText("\n".join(("· " + line) for line in lines))
        self.reasons_label.setVisible(bool(lines))
        recordable = nxt.key in PAGE_STEPS and nxt.possible
        self.record_button.setVisible(recordable)
        where = TAB_OF_STEP.get(nxt.key or "")
        if where and not nxt.cancelled:
            self.reasons_label.setText("\n".join(filter(None, [self.reasons_label.text(), self.tr(
                "在“{tab}”页中办理这一步。").format(tab=tr(where))])))
            self.reasons_label.show()
        self.record_button.setEnabled(can_edit)
        self.record_button.setToolTip("" if can_edit else self.tr("只有管理员或村文书可以登记选举的步骤。"))
        self._fill_more(summary, can_edit and not nxt.cancelled)
        self._set_line(problems)
        self.set_compact(self.compact)

    def _fill_more(self, summary: ElectionSummary, can_edit: bool) -> None:
        self.more_menu.clear()
        for step in summary.steps:
            if step.key not in PAGE_STEPS:
                continue
            title = tr(step.title)
            if step.done_on:
                change = self.more_menu.addAction(self.tr("改日期:{step}…").format(step=title))
                change.triggered.connect(lambda _=False, k=step.key: self.record_requested.emit(k))
                undo = self.more_menu.addAction(self.tr("撤回:{step}").format(step=title))
                undo.triggered.connect(lambda _=False, k=step.key: self.clear_requested.emit(k))
            elif step.key == pr.STEP_AUDIT and step.key != self._next_key:
                early = self.more_menu.addAction(self.tr("登记:{step}…").format(step=title))
                early.triggered.connect(lambda _=False, k=step.key: self.record_requested.emit(k))
        self.more_button.setVisible(can_edit and not self.more_menu.isEmpty())

    def _fill_grid(self, summary: ElectionSummary) -> None:
        """One label per step (object name `step_<key>`) in a wrapping row: a step wraps as a whole."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                # Hidden now: until the deferred delete runs, an old line painted under the new one.
                item.widget().hide()
                item.widget().deleteLater()
        for step in summary.steps:
            if step.done_on:
                mark, when = "✔", step.done_on
            elif not step.needed:
                # Only the 委托 step can be left out, and only while nobody entrusted a vote: 不需要 read as
                # if 委托 were closed, but one may still come until the vote (then it must be published).
                mark, when = "–", self.tr("无人委托") if step.key == pr.STEP_PROXIES else self.tr("不需要")
            else:
                mark, when = "○", self.tr("未进行")
            label = QLabel(f"{mark} {tr(step.title)}:{when}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setObjectName(f"step_{step.key}")
            if step.problems:
                label.setStyleSheet(f"color: {RED.name()};")
                label.setToolTip("\n".join(message_text(p) for p in step.problems))
                label.setText(label.text() + " ⚠")
            self.grid.addWidget(label)
        self.steps_box.updateGeometry()

    def steps_text(self) -> str:
        """The steps as shown, one after the other (for tests)."""
        return "   ".join(self.grid.itemAt(i).widget().text() for i in range(self.grid.count()))

    def problems_text(self, summary: ElectionSummary) -> str:
        """Every irregularity of the steps taken, one per line (for tests and the tooltip)."""
        return "\n".join(message_text(p) for s in summary.steps for p in s.problems)
