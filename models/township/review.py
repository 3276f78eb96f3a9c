"""The township's 审核 and 备案 of a village's 村规民约, as plain rules (no Qt, no database).

What the township may record, and when (DOMAIN §5.1 steps 3 and 5, §5.3, L1 27):

- an opinion (同意 / 修改后同意 / 不同意) binds to the fingerprint of the text
  the village *submitted*; if the village changed the draft after submitting,
  the township must wait for (and review) the new text;
- the reviewer binds the opinion to the text *they read*: if a newer package
  brought a different submission while the screen was open, the opinion is
  refused rather than silently attached to a text nobody read;
- 备案 needs an adopted version (a valid vote on the text);
- an adopted text that still holds content the legality check calls unlawful
  is filed only together with a 责令改正 (order to correct), L1 27 / W 75.

The state machine of the village's procedure is reused (`models.rules.procedure`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.rules import procedure as proc
from models.rules.legality import ERROR, LegalityFinding

_C = "township_review"

#: Queue states of a draft at the township.
PENDING = "pending"  # submitted, waiting for the township's opinion
CHANGED = "changed"  # the village changed the text after submitting it
REVIEWED = "reviewed"  # the township recorded an opinion on the submitted text
QUEUE_LABELS = {
    PENDING: QT_TRANSLATE_NOOP(_C, "待审核"),
    CHANGED: QT_TRANSLATE_NOOP(_C, "报审后又修改"),
    REVIEWED: QT_TRANSLATE_NOOP(_C, "已审核"),
}


def _m(template: str, **params) -> Message:
    return msg(_C, template, **params)


def queue_state(f: proc.VersionFacts, reviewed_fingerprint: str) -> str | None:
    """Where a version stands in the township's queue (None: never submitted, or history).

    `reviewed_fingerprint` is the fingerprint of the township's latest opinion
    on this version ("" if none).
    """
    if f.is_history or not f.submitted_fingerprint:
        return None
    if reviewed_fingerprint and reviewed_fingerprint == f.submitted_fingerprint:
        return REVIEWED
    if f.current_fingerprint != f.submitted_fingerprint:
        return CHANGED
    return PENDING


def can_review(f: proc.VersionFacts, seen_fingerprint: str | None = None) -> list[Message]:
    """Reasons the township may not record an opinion on this version now.

    `seen_fingerprint` is the fingerprint of the text the reviewer read on
    screen (None when the caller does not track it).
    """
    if f.is_history or f.superseded or proc.vote_valid(f):
        return [_m(QT_TRANSLATE_NOOP(_C, "这个版本已经表决通过(或是历史版本),不再需要审核。"))]
    if not f.submitted_fingerprint:
        return [_m(QT_TRANSLATE_NOOP(_C, "这份草案还没有报乡镇审核。"))]
    if f.current_fingerprint != f.submitted_fingerprint:
        return [_m(QT_TRANSLATE_NOOP(_C, "草案在提请审核后又改过,请审核新的文本(等该村重新报审后再审)。"))]
    if seen_fingerprint is not None and seen_fingerprint != f.submitted_fingerprint:
        return [_m(QT_TRANSLATE_NOOP(
            _C, "草案在提请审核后又改过,请审核新的文本:您看到的不是该村最新报审的文本,请重新打开草案。"))]
    return []


def opinion_reasons(opinion: str, text: str, comments: int) -> list[Message]:
    """What is missing from an opinion before it can be recorded."""
    if opinion not in proc.OPINIONS:
        return [_m(QT_TRANSLATE_NOOP(_C, "请选择审核意见:同意、修改后同意或不同意。"))]
    if opinion != proc.AGREE and not text.strip() and comments == 0:
        return [_m(QT_TRANSLATE_NOOP(_C, "“修改后同意”或“不同意”时,请写明理由,或对条文逐条提出意见。"))]
    return []


def can_file(f: proc.VersionFacts) -> list[Message]:
    """Reasons the township may not register 备案 of this version."""
    if f.is_history:
        return [_m(QT_TRANSLATE_NOOP(_C, "这是补录的历史版本,不通过本软件备案。"))]
    if not proc.vote_valid(f):
        return [_m(QT_TRANSLATE_NOOP(
            _C, "这个版本还没有经村民会议表决通过,不能备案。备案只收表决通过的文本。"))]
    return []


def unlawful(findings: list[LegalityFinding]) -> list[LegalityFinding]:
    """The findings that call content unlawful (severity error)."""
    return [f for f in findings if f.severity == ERROR]


def correction_reasons(findings: list[LegalityFinding], correction: str,
                       labels: dict[int, str]) -> list[Message]:
    """An adopted text with unlawful content is filed only with a 责令改正.

    `labels` maps article positions to their labels (第三条) for the message.
    """
    bad = unlawful(findings)
    if bad and not correction.strip():
        where = "、".join(dict.fromkeys(labels.get(f.article, str(f.article)) for f in bad))
        return [_m(QT_TRANSLATE_NOOP(
            _C, "通过的文本里仍有可能违法的内容({where}),请写明责令改正的意见后再备案。"), where=where)]
    return []


def suggested_correction(findings: list[LegalityFinding], labels: dict[int, str]) -> str:
    """A starting text for the 责令改正, naming each unlawful article and sentence."""
    lines = [f"{labels.get(f.article, str(f.article))}“{f.sentence}”" for f in unlawful(findings)]
    if not lines:
        return ""
    return ("经审查,以下内容违反法律法规,责令在三十日内改正,并将改正后的文本重新报乡镇备案:"
            + ";".join(lines) + "。")


# --- receipt numbers ---------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptNo:
    """A 备案 receipt number: 青山镇备〔2026〕3号."""

    prefix: str
    year: int
    number: int

    def __str__(self) -> str:
        """The number as printed on the receipt."""
        return f"{self.prefix}备〔{self.year}〕{self.number}号"


_RECEIPT = re.compile(r"^(?P<prefix>.*)备〔(?P<year>\d{4})〕(?P<number>\d+)号$")


def parse_receipt_no(text: str) -> ReceiptNo | None:
    """The parts of a receipt number in our format (None for anything else)."""
    match = _RECEIPT.match(text.strip())
    if match is None:
        return None
    return ReceiptNo(match["prefix"], int(match["year"]), int(match["number"]))


def next_receipt_no(prefix: str, year: int, existing: list[str]) -> str:
    """The next free number of `year` after every number already given (deleted ones too)."""
    used = [r.number for r in map(parse_receipt_no, existing)
            if r is not None and r.year == year and r.prefix == prefix]
    return str(ReceiptNo(prefix, year, max(used, default=0) + 1))
