"""What the Qt-free checks found, as text a person reads.

Meetings, 村务公开, 村务监督 and the home page show the same findings
(`models.meetings.quorum.Finding`); the village's 村规民约 editor and the
township's review show the same legality findings and blocking reasons.
All of them are rendered here, in the palette's colours.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import Message
from models.rules.legality import ERROR as LEGALITY_ERROR
from models.rules.legality import LegalityFinding
from ui.errors import message_text
from ui.widgets.palette import AMBER, GREEN, GREY, RED

#: The translation context; the legality sentences keep the one they had in ui/widgets/rule_labels.py.
_C = "rules_labels"


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


def reasons_text(reasons: list[Message]) -> str:
    """Blocking reasons (why a step cannot be taken yet) as plain lines."""
    return "\n".join(message_text(m) for m in reasons)


def legality_text(finding: LegalityFinding) -> str:
    """A 村规民约 legality finding, translated, with its citations."""
    text = message_text(finding.message)
    cites = "、".join(b.cite().replace("依据", "") for b in finding.basis)
    if cites:
        text += QCoreApplication.translate(_C, "(依据{cites})").format(cites=cites)
    return text


def legality_html(finding: LegalityFinding) -> str:
    """One legality finding as a coloured paragraph: the sentence, the matched words, why."""
    color = (RED if finding.severity == LEGALITY_ERROR else AMBER).name()
    tr = QCoreApplication.translate
    head = tr(_C, "可能违法") if finding.severity == LEGALITY_ERROR else tr(_C, "需要注意")
    matched = "、".join(finding.matched)
    return (f"<div style='color:{color}; margin-bottom:6px'><b>{escape(head)}</b>:"
            f"“{escape(finding.sentence)}”"
            + (tr(_C, "(涉及:{words})").format(words=escape(matched)) if matched else "")
            + f"<br>{escape(legality_text(finding))}</div>")


def finding_lines_html(findings, ok_text: str = "") -> str:
    """Findings as coloured bullet lines (red errors, amber warnings, grey notes)."""
    lines = []
    for f in findings:
        color = {ERROR: RED, WARNING: AMBER}.get(f.severity, GREY).name()
        mark = {ERROR: "✖", WARNING: "⚠"}.get(f.severity, "•")
        lines.append(f"<div style='color:{color}; margin-bottom:4px'>{mark} {escape(finding_text(f))}</div>")
    if not lines and ok_text:
        lines.append(f"<div style='color:{GREEN.name()}'>✔ {escape(ok_text)}</div>")
    return "".join(lines)


def worst(findings) -> str | None:
    """The most serious severity among `findings` (error > warning), or None."""
    severities = {f.severity for f in findings}
    if ERROR in severities:
        return ERROR
    if WARNING in severities:
        return WARNING
    return None
