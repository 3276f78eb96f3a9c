"""Chinese labels of the elections area: kinds, bodies, posts and step titles, translated.

The services hand out source texts (marked with `QT_TRANSLATE_NOOP` under the
context "elections"); the widgets translate them here, so one `.ts` context
holds every word of the area.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.elections_service import BODY_LABELS, KIND_LABELS
from desktop.services.people_service import PERSON_ROLES
from models.elections.seats import POST_LABELS, parse_seats

_C = "elections"


def tr(source: str) -> str:
    """`source` translated under the area's context."""
    return QCoreApplication.translate(_C, source)


def kind_label(kind: str) -> str:
    """换届选举 / 补选."""
    return tr(KIND_LABELS.get(kind, kind))


def body_label(body: str) -> str:
    """村民会议 / 村民代表会议 / 各村民小组会议 ("" for none)."""
    return tr(BODY_LABELS[body]) if body in BODY_LABELS else ""


def post_label(post: str) -> str:
    """主任 / 副主任 / 委员."""
    return tr(POST_LABELS.get(post, post))


def seats_label(seats_text: str) -> str:
    """`主任1名、副主任1名、委员3名` from the stored seats text ("" when unreadable or empty)."""
    try:
        seats = parse_seats(seats_text)
    except ValueError:
        return ""
    return QCoreApplication.translate(_C, "、").join(
        QCoreApplication.translate(_C, "{post}{n}名").format(post=post_label(p), n=n) for p, n in seats.items())


def role_label(role: str) -> str:
    """村委会主任, 村民代表... (an office as 人员名册 names it, translated in the register's context)."""
    return QCoreApplication.translate("people", PERSON_ROLES.get(role, role))
