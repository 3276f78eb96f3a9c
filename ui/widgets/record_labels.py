"""Translated names of record codes that more than one area shows.

A meeting type or matter category appears on the meeting screens and on the
村规民约 vote; a person's roles in the meeting and 监委会 pickers; a township
opinion and a text's fingerprint on both sides of the 村规民约 review. The
code → Chinese tables live in the Qt-free models and services; this module
only translates them, once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.people_service import PERSON_ROLES
from models.meetings import types as mt
from models.meetings.matters import MATTERS
from models.rules import procedure as proc


def type_label(code: str) -> str:
    """The translated name of a meeting type (the code itself when unknown)."""
    kind = mt.TYPES.get(code)
    return QCoreApplication.translate("meeting_types", kind.label) if kind else code


def matter_label(code: str) -> str:
    """The translated name of a matter category."""
    return QCoreApplication.translate("matters", MATTERS.get(code, code))


def roles_text(roles: tuple[str, ...]) -> str:
    """村委会委员、村民代表 (translated role labels, in the register's order)."""
    return "、".join(QCoreApplication.translate("people", PERSON_ROLES.get(r, r)) for r in roles)


def opinion_label(code: str) -> str:
    """同意 / 修改后同意 / 不同意 (empty for no opinion yet)."""
    return QCoreApplication.translate("rules_procedure", proc.OPINIONS[code]) if code in proc.OPINIONS else ""


def short_fingerprint(fp: str) -> str:
    """The first 12 hex digits in groups of four (what a person can compare by eye)."""
    return " ".join(fp[i:i + 4] for i in range(0, 12, 4)).upper() if fp else ""
