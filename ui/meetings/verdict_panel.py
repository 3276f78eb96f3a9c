"""The live verdict beside the meeting editor: is the meeting valid, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.services.meetings_service import DraftVerdict
from models.meetings.quorum import INFO
from ui.widgets.findings import findings_html
from ui.widgets.scaled_label import ScaledLabel
from ui.widgets.scroll import transparent_scroll


class VerdictPanel(QFrame):
    """A big 法定人数 line (green/red), 应到/实到, and every finding with its citation."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.quorum_label = ScaledLabel("", 1.35, bold=True)
        self.quorum_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)  # the panel is 18 characters wide on a small screen
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.findings_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = transparent_scroll(self.findings_label)
        heading = ScaledLabel(self.tr("会议是否有效"), 1.1, bold=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.quorum_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(scroll, 1)

    def show_verdict(self, verdict: DraftVerdict, unit: str) -> None:
        """Show the meeting part of `verdict` (resolutions are shown by their rows)."""
        meeting = verdict.meeting
        short = (meeting.needed_present - meeting.present) if meeting.needed_present is not None else 0
        if not meeting.quorum_judged:  # nobody on the list, or 实到 never recorded
            text, role = self.tr("法定人数:无法判断"), "error"
        elif short <= 0 and meeting.quorum_met:
            text, role = self.tr("法定人数:有效"), "ok"
        elif meeting.quorum_met:  # a practice rule: flagged, not voiding
            text, role = self.tr("法定人数:未达到(还差 {n} {unit}),请注意").format(n=short, unit=unit), "hint"
        else:
            text = self.tr("法定人数:未达到(还差 {n} {unit})").format(n=max(short, 0), unit=unit)
            role = "error"
        self.quorum_label.setText(text)
        self.quorum_label.setProperty("role", role)
        self.quorum_label.style().unpolish(self.quorum_label)
        self.quorum_label.style().polish(self.quorum_label)
        needed = (self.tr(",至少需要 {n} {unit}").format(n=meeting.needed_present, unit=unit)
                  if meeting.needed_present is not None else "")
        self.counts_label.setText(self.tr("应到 {expected} {unit},实到 {present} {unit}{needed}").format(
            expected=meeting.expected, present=meeting.present, unit=unit, needed=needed))
        # Problems first: a secretary reads the top line.
        ordered = sorted(meeting.findings, key=lambda f: f.severity == INFO)
        self.findings_label.setText(findings_html(ordered))

    def quorum_text(self) -> str:
        """The big line as shown (for tests and screen readers)."""
        return self.quorum_label.text()
