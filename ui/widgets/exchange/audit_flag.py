"""The audit witness's verdict, as the import preview and the 村庄 page show it.

"broken" — the sender's audit log no longer extends the head we received
before (rows already sent were rewritten or removed) — is a red banner with
the reason; "restored" — the sender went back to a backup, legitimately — is
an amber one with the date. The reason comes from a package: plain text only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from ui.widgets.palette import BANNER_STYLE, RED, RED_BACKGROUND

_C = "audit_flag"
BROKEN, RESTORED = "broken", "restored"
#: The red strip of a broken audit chain (the amber one is the shared `BANNER_STYLE`).
BROKEN_STYLE = (f"background: {RED_BACKGROUND.name()}; border: 1px solid {RED.name()}; border-radius: 4px;"
                f" padding: 8px 12px; color: {RED.name()}; font-weight: bold;")


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def flag_text(status: str, reason: str) -> str:
    """One sentence for a status and its reason ("" for ok)."""
    if status == BROKEN:
        return _t("审计日志异常:{reason}数据照常导入,但对方的审计记录已不可信,请打电话核实。").format(reason=reason)
    if status == RESTORED:
        return _t("审计日志:{reason}(从备份恢复是正常操作,恢复后的链条从此作为核对的依据。)").format(reason=reason)
    return ""


def flag_label(status: str, reason: str) -> QLabel:
    """A word-wrapped banner, red for broken, amber for restored, hidden for ok."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    show_flag(label, status, reason)
    return label


def show_flag(label: QLabel, status: str, reason: str) -> None:
    """Put a status into an existing banner (hidden when ok)."""
    label.setText(flag_text(status, reason))
    label.setProperty("audit", status)
    label.setStyleSheet(BROKEN_STYLE if status == BROKEN else BANNER_STYLE if status == RESTORED else "")
    label.setVisible(status in (BROKEN, RESTORED))
