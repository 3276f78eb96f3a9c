"""监委会会议: this year's committee meetings, the monthly cadence, and 新建监委会会议.

The meetings themselves live in 会议与表决 (type "supervision"); this tab
lists them and opens the same meeting editor. The editor is handed in by
whoever builds the page (`ui/pages/factory.py`), so the 村务监督 area does
not import the meetings area.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import AppPaths
from desktop.services import meetings_service
from desktop.services.meetings_service import MeetingDraft
from desktop.services.session import Session
from models.meetings import types as mt
from models.roles import Permission
from ui.errors import message_text
from ui.operations import run_query
from ui.supervision.committee_meetings_model import CommitteeMeetingsModel
from ui.widgets.palette import BANNER_STYLE
from ui.widgets.primary_button import make_primary
from ui.widgets.tables import read_only_view

#: Builds the meeting editor: (session, draft, parent, paths) → a dialog with a `saved` signal.
MeetingEditorFactory = Callable[[Session, MeetingDraft, QWidget, AppPaths | None], QDialog]



def missing_months(held: list[str], today: date) -> list[int]:
    """Months of `today`'s year before the current one without a meeting (ISO dates in `held`)."""
    months = {int(d[5:7]) for d in held if d.startswith(f"{today.year:04d}-")}
    return [m for m in range(1, today.month) if m not in months]


class CommitteeMeetingsTab(QWidget):
    """The list of this year's 监委会 meetings with the cadence note."""

    def __init__(self, session: Session, meeting_editor: MeetingEditorFactory, parent: QWidget | None = None,
                 paths: AppPaths | None = None):
        super().__init__(parent)
        self._session = session
        self._paths = paths
        self._meeting_editor = meeting_editor
        self.editor: QDialog | None = None
        self.cadence_label = QLabel()
        self.cadence_label.setWordWrap(True)
        self.cadence_label.setStyleSheet(BANNER_STYLE)
        self.new_button = make_primary(QPushButton(self.tr("新建监委会会议")))
        self.new_button.clicked.connect(lambda: self.new_meeting())
        refused = meetings_service.why_not_write(session, mt.SUPERVISION)
        if refused is not None:
            self.new_button.setEnabled(False)
            self.new_button.setToolTip(message_text(refused) if session.can(Permission.EDIT_RECORDS)
                                       else self.tr("您的账号只能查看会议记录。"))
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_selected)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.model = CommitteeMeetingsModel(self)
        self.table = read_only_view(self.model)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.cadence_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self, *_args) -> None:
        """Re-read this year's meetings and the cadence."""
        today = date.today()
        rows = meetings_service.list_meetings(mt.SUPERVISION, today.year)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{year} 年已召开监委会会议 {n} 次").format(year=today.year, n=len(rows)))
        # Only approved minutes with an established quorum count as a 例会 held.
        missing = missing_months([r.held_on for r in rows if r.counts_as_held], today)
        self.cadence_label.setText(self.tr("{months}没有召开例会。监委会一般每月召开一次例会。").format(
            months="、".join(self.tr("{m}月").format(m=m) for m in missing)))
        self.cadence_label.setVisible(bool(missing))

    def new_meeting(self, held_on: date | None = None) -> QDialog:
        """The meeting editor on a new 监委会 meeting (its members prefilled)."""
        return self._open(meetings_service.new_draft(mt.SUPERVISION, held_on))

    def open_selected(self) -> QDialog | None:
        """Open the selected meeting."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        meeting_id = self.model.row_at(selected[0].row()).id
        loaded = run_query(self, lambda: meetings_service.load(meeting_id))
        return self._open(loaded.value) if loaded else None

    def _open(self, draft: MeetingDraft) -> QDialog:
        editor = self._meeting_editor(self._session, draft, self, self._paths)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.refresh)
        self.editor = editor
        editor.open()
        return editor
