"""Read-only look-ups the 村务监督 screens need beyond `supervision_service`.

The service returns what it writes; the screens also show a matter's full
record, the voucher reviews and the past appraisals. Plain dataclasses, so
`ui/` never touches a peewee record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.services import installation
from models.errors import NotFound
from models.messages import QT_TRANSLATE_NOOP, msg
from models.stored_values import stored_date
from models.supervision import appraisal as ap
from models.supervision.records import (
    Appraisal,
    AppraisalResult,
    QuestionedVoucher,
    SupervisionMatter,
    VoucherReview,
)
from models.township.records import TownshipAnswer

_C = "supervision"


@dataclass(frozen=True)
class MatterDetail:
    """Every field of a supervision matter a person reads."""

    id: str
    title: str
    area: str
    source: str
    opened_on: str
    findings: str
    notice: str
    notified_on: str
    deadline: str
    answer: str
    answered_on: str
    verification: str
    verified_on: str
    closed_on: str
    escalated_on: str
    meeting_id: str | None
    #: The township's answer to an escalated matter (from the return package), its date and who answered.
    township_answer: str = ""
    township_answered_on: str = ""
    township_answered_by: str = ""


def matter(matter_id: str) -> MatterDetail:
    """The record of one matter."""
    m = SupervisionMatter.get_or_none((SupervisionMatter.id == matter_id) & (SupervisionMatter.deleted == False))  # noqa: E712
    if m is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这个监督事项。")))
    reply = (TownshipAnswer.live().where(TownshipAnswer.matter == m.id)
             .order_by(TownshipAnswer.answered_on.desc(), TownshipAnswer.seq.desc()).first())
    return MatterDetail(m.id, m.title, m.area, m.source, m.opened_on, m.findings, m.notice, m.notified_on,
                        m.deadline, m.answer, m.answered_on, m.verification, m.verified_on, m.closed_on,
                        m.escalated_on, m.meeting_id, reply.text if reply else m.township_answer,
                        reply.answered_on if reply else "", reply.answered_by if reply else "")


@dataclass(frozen=True)
class QuestionedRow:
    """A questioned voucher."""

    voucher_no: str
    amount_fen: int
    reason: str
    outcome: str


@dataclass(frozen=True)
class VoucherReviewRow:
    """A 民主理财 session with its questioned vouchers."""

    id: str
    period: str
    reviewed_on: str
    voucher_count: int
    total_fen: int
    signed_by: str
    questioned: tuple[QuestionedRow, ...]


def voucher_reviews() -> list[VoucherReviewRow]:
    """Voucher reviews, newest first."""
    questioned: dict[str, list[QuestionedRow]] = {}
    for q in QuestionedVoucher.live().order_by(QuestionedVoucher.voucher_no):
        questioned.setdefault(q.review_id, []).append(QuestionedRow(q.voucher_no, q.amount_fen, q.reason, q.outcome))
    return [VoucherReviewRow(v.id, v.period, v.reviewed_on, v.voucher_count, v.total_fen, v.signed_by,
                             tuple(questioned.get(v.id, ())))
            for v in VoucherReview.live().order_by(VoucherReview.reviewed_on.desc())]


@dataclass(frozen=True)
class AppraisalResultRow:
    """One appraised person's counts and verdict."""

    person_id: str
    name: str
    post: str
    competent: int
    basic: int
    incompetent: int
    verdict: str


@dataclass(frozen=True)
class AppraisalRow:
    """A 民主评议 session."""

    id: str
    year: int
    held_on: str
    body: str
    attendees: int
    results: tuple[AppraisalResultRow, ...]


def appraisals() -> list[AppraisalRow]:
    """Past appraisals, newest first, each with its results.

    Each verdict is judged again from the stored counts under the village's current province rule
    (`appraisal.judged`, the function the end-of-office check uses), not the verdict saved by an
    older release under thresholds it no longer applies, so the history and the check agree.
    """
    province = installation.province()
    held = list(Appraisal.live().order_by(Appraisal.held_on.desc()))
    by_id = {a.id: a for a in held}
    results: dict[str, list[AppraisalResultRow]] = {}
    for r in AppraisalResult.live().where(AppraisalResult.appraisal.in_(list(by_id))):
        a = by_id[r.appraisal_id]
        verdict = ap.judged(ap.Counts(r.competent, r.basic, r.incompetent), a.attendees, a.body == "assembly",
                            r.verdict, province, stored_date(a.held_on))
        results.setdefault(r.appraisal_id, []).append(AppraisalResultRow(
            r.person_id, r.person.name, r.post, r.competent, r.basic, r.incompetent, verdict))
    return [AppraisalRow(a.id, a.year, a.held_on, a.body, a.attendees, tuple(results.get(a.id, ())))
            for a in held]


def write_annual_report(year: int, path: Path) -> Path:
    """The annual work report as .xlsx or .docx (by suffix)."""
    from desktop.reports.supervision_report import write_annual_docx, write_annual_xlsx

    if Path(path).suffix.lower() == ".docx":
        return write_annual_docx(year, Path(path))
    return write_annual_xlsx(year, Path(path))
