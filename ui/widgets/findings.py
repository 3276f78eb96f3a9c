"""Check findings (`models.meetings.quorum.Finding`) as text a person reads.

Meetings, 村务公开, 村务监督 and the home page all show the same findings
of the Qt-free checks; they render them here, in the palette's colours.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QColor

from models.meetings.quorum import ERROR, WARNING, Finding
from ui.errors import message_text
from ui.widgets.palette import AMBER, GREEN, GREY, RED


def finding_text(finding: Finding) -> str:
    """The finding's sentence, translated, with its legal citation."""
    text = message_text(finding.message)
    if finding.basis is not None:
        text += "(" + finding.basis.cite() + ")"
    return text


def severity_color(severity: str) -> QColor:
    """Red for errors, amber for warnings, grey for information."""
    return {ERROR: RED, WARNING: AMBER}.get(severity, GREY)


def findings_html(findings: list[Finding] | tuple[Finding, ...]) -> str:
    """Findings as rich text, one coloured bullet line each (escaped)."""
    lines = []
    for f in findings:
        color = GREEN.name() if f.severity not in (ERROR, WARNING) else severity_color(f.severity).name()
        lines.append(f"<div style='color:{color}; margin-bottom:4px'>• {escape(finding_text(f))}</div>")
    return "".join(lines)
