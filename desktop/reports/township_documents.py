"""The three documents the township signs: 审核意见书, 备案回执, 责令改正通知书.

Each is built from the township's records (`models.township.records`) and its
template (`document_settings`), as an `official_document.OfficialDocument`
that prints as PDF or Word:

- 审核意见书 for a draft the township recorded an opinion on: the draft, the
  conclusion, every article with an opinion or a finding (the article quoted,
  the township's words, the legality check and its legal basis as cited on the
  review date), and what the village does next;
- 备案回执 for a filed text: what was filed, when, the receipt number (its
  文号), that 备案 is registration and not approval, the 核验码;
- 责令改正通知书 for a filed text the township ordered corrected: the unlawful
  content, the basis (组织法第二十七条 as cited on the notice's date), the
  deadline and how to report back.

A 审核意见书 or 责令改正通知书 takes the next 文号 of its kind when first
printed (`document_settings.issue`); printed again, it keeps number and date.
Needs the database: build on the UI thread, write the file on a worker.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.reports.official_document import (
    HEADING,
    NOTE,
    PLAIN,
    QUOTE,
    OfficialDocument,
    Para,
)
from desktop.services import (
    document_settings,
    review_service,
    rules_service,
    setup_service,
    verification_code,
)
from desktop.services.session import Session
from models.errors import NotFound, ValidationError
from models.legal import organic_law
from models.messages import QT_TRANSLATE_NOOP, msg
from models.rules import legality
from models.rules import procedure as proc
from models.rules.records import ReviewComment, RuleVersion
from models.township import review as rv
from models.township.documents import FILING_RECEIPT, RECTIFICATION, REVIEW_OPINION, Template
from models.township.records import RuleFiling, RuleReview

_C = "township_documents"
_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Prepared:
    """A document ready to write, and the file name to offer (without the suffix)."""

    kind: str
    document: OfficialDocument
    name: str


def _own_code() -> str:
    info = setup_service.current()
    return info.code if info else ""


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else str(n)


def _day(iso: str) -> date:
    try:
        return date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return date.today()


def _committee(village: str) -> str:
    return f"{village}村民委员会" if village else ""


def _safe(text: str) -> str:
    """A piece of a file name: no characters Windows refuses."""
    return "".join("_" if c in '\\/:*?"<>|\n\r\t' else c for c in text).strip() or "_"


def _notes(t: Template) -> tuple[str, ...]:
    line = t.contact_line()
    return (line,) if line else ()


def _letterhead(t: Template) -> str:
    return t.organ_name


# --- 审核意见书 ---------------------------------------------------------------------------

def _latest_review(v: RuleVersion) -> RuleReview | None:
    return (RuleReview.live().where((RuleReview.version == v.id) & (RuleReview.owner == _own_code()))
            .order_by(RuleReview.reviewed_on.desc(), RuleReview.seq.desc()).first())


def _version(version_id: str) -> RuleVersion:
    v = RuleVersion.get_or_none((RuleVersion.id == version_id) & (RuleVersion.deleted == False))  # noqa: E712
    if v is None or v.owner == _own_code():
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这份村规民约。")))
    return v


def _cites(finding: legality.LegalityFinding) -> str:
    return "、".join(b.cite().removeprefix("依据") for b in finding.basis)


def review_opinion(session: Session, version_id: str) -> Prepared:
    """The 审核意见书 of the township's latest opinion on the draft `version_id`."""
    v = _version(version_id)
    review = _latest_review(v)
    if review is None:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "还没有对这份草案登记审核意见,登记之后才能出具审核意见书。")))
    t = document_settings.template()
    issued = document_settings.issue(session, REVIEW_OPINION, f"review:{review.id}", _day(review.reviewed_on))
    village = review_service.village_names().get(v.owner, v.owner)
    lines = rules_service.articles(v.id)
    findings = legality.check_articles([a.text for a in lines], on=review.reviewed_on)
    comments = (ReviewComment.live()
                .where((ReviewComment.version == v.id) & (ReviewComment.owner == _own_code())
                       & (ReviewComment.fingerprint == review.fingerprint))
                .order_by(ReviewComment.position, ReviewComment.seq))
    by_position: dict[int, list[str]] = {}
    for c in comments:
        by_position.setdefault(c.position, []).append(c.comment)
    opinion = proc.OPINIONS.get(review.opinion, review.opinion)
    received = t.date_text(v.submitted_on)
    body = [Para.of(
        f"你村于{received}报送的《{v.title}》(第{v.version_no}版,共{len(lines)}条,"
        f"文本指纹 {review.fingerprint[:16].upper()})收悉。经审核,现提出以下意见:")]
    section = 1
    body.append(Para.of(f"{_ordinal(section)}、总体意见:{opinion}", HEADING))
    if review.text:
        body.append(Para.of(review.text))
    for text in by_position.get(0, []):
        body.append(Para.of(text, lead="对全文的意见:"))
    listed = [(i, a) for i, a in enumerate(lines, start=1)
              if by_position.get(i) or any(f.article == i for f in findings)]
    if listed:
        section += 1
        body.append(Para.of(f"{_ordinal(section)}、逐条意见", HEADING))
        for n, (i, a) in enumerate(listed, start=1):
            label = a.label or f"第{i}条"
            body.append(Para.of(f"({_ordinal(n)}){label}", PLAIN))
            body.append(Para.of(f"“{a.text}”", QUOTE))
            for text in by_position.get(i, []):
                body.append(Para.of(text, QUOTE, lead="意见:"))
            for f in (f for f in findings if f.article == i):
                kind = "可能违法" if f.severity == legality.ERROR else "请注意"
                body.append(Para.of(str(f.message), QUOTE, lead=f"合法性检查({kind}):"))
                if f.basis:
                    body.append(Para.of(_cites(f), QUOTE, lead="依据:"))
    section += 1
    body.append(Para.of(f"{_ordinal(section)}、办理要求", HEADING))
    body.append(Para.of(_request(review.opinion)))
    basis = organic_law(27, on=review.reviewed_on).cite().removeprefix("依据")
    body.append(Para.of(
        f"本意见依据{basis}和《关于做好村规民约和居民公约工作的指导意见》提出,只对上述文本指纹的文本有效;"
        "文本修改后,请重新报乡镇审核。"))
    if review.fingerprint != rules_service.facts(v.id).current_fingerprint:
        body.append(Para.of("注:你村在审核后修改过草案,以上引用的是现在的条文,可能与审核时的文本不同。", NOTE))
    if review.reviewer:
        body.append(Para.of(f"审核人:{review.reviewer}", PLAIN))
    document = OfficialDocument(
        organ=_letterhead(t), number=t.number_of(issued),
        title=f"关于《{v.title}》的审核意见书", addressee=_committee(village), body=tuple(body),
        signer=t.organ_name, date_text=t.date_text(issued.issued_on), signatory=t.signatory, notes=_notes(t))
    return Prepared(REVIEW_OPINION, document, _safe(f"审核意见书_{village}_{v.title}_第{v.version_no}版"))


def _request(opinion: str) -> str:
    if opinion == proc.AGREE:
        return ("请按程序将草案提交村民会议审议表决,表决时应有一定比例的妇女参会;"
                "表决通过后,将通过的文本、会议记录和表决结果报乡镇人民政府备案,并向全体村民公布。")
    if opinion == proc.AGREE_AFTER_CHANGES:
        return ("请按上述意见修改草案,将修改后的文本重新报乡镇确认;"
                "确认后再提交村民会议审议表决,表决通过后报乡镇人民政府备案。")
    return "请按上述意见修改草案,修改后重新报乡镇审核。未经审核同意的文本,请不要提交村民会议表决。"


# --- 备案回执 ------------------------------------------------------------------------------

def _filing(filing_id: str) -> tuple[RuleFiling, RuleVersion, str]:
    filing = RuleFiling.get_or_none((RuleFiling.id == filing_id) & (RuleFiling.deleted == False))  # noqa: E712
    if filing is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "找不到这条备案记录。")))
    version = RuleVersion.get_by_id(filing.version_id)
    return filing, version, review_service.village_names().get(version.owner, version.owner)


NOT_APPROVAL = ("备案是乡镇人民政府对村民会议制定或者修改的村规民约所作的登记,不是批准,"
                "不改变村规民约由村民会议制定、由全体村民遵守的性质。村规民约不得与宪法、法律、法规和国家的政策"
                "相抵触,不得有侵犯村民的人身权利、民主权利和合法财产权利的内容;发现有这些内容的,乡镇人民政府将依法责令改正。")


def filing_receipt(filing_id: str) -> Prepared:
    """The 备案回执 of the filing `filing_id`; its 文号 is the receipt number given at filing."""
    filing, version, village = _filing(filing_id)
    t = document_settings.template()
    voted = voted_on(version)
    body = [Para.of(
        f"你村{('于' + t.date_text(voted) + '经村民会议表决通过的') if voted else ''}"
        f"《{version.title}》(第{version.version_no}版)已于{t.date_text(filing.received_on)}报送本机关,"
        "经登记,予以备案。")]
    if filing.correction:
        body.append(Para.of(f"{filing.correction}(另见责令改正通知书)", lead="责令改正:"))
    basis = organic_law(27, on=filing.receipt_date).cite().removeprefix("依据")
    body.append(Para.of(f"{NOT_APPROVAL.removesuffix('。')}({basis})。修改村规民约,须经村民会议通过并重新报乡镇备案。"))
    grid = (
        ("备案号", filing.receipt_no or "—"),
        ("报备单位", _committee(village)),
        ("村规民约", f"《{version.title}》(第{version.version_no}版)"),
        ("表决日期", t.date_text(voted) if voted else "—"),
        ("收到日期", t.date_text(filing.received_on)),
        ("备案日期", t.date_text(filing.receipt_date)),
        ("文本指纹", filing.fingerprint[:16].upper()),
    )
    notes = (*_notes(t), "文本指纹是备案时文本内容的摘要:日后村里使用的文本若与此不同,即不是本次备案的文本。")
    code = _code(verification_code.FILING, filing.id)
    document = OfficialDocument(
        organ=_letterhead(t), number=filing.receipt_no, title="村规民约备案回执", addressee=_committee(village),
        body=tuple(body), signer=t.organ_name, date_text=t.date_text(filing.receipt_date),
        signatory=t.signatory, grid=grid, notes=notes,
        footer_html=verification_code.footer_html(verification_code.FILING, filing.id),
        footer_text=code)
    return Prepared(FILING_RECEIPT, document, _safe(f"备案回执_{village}_{filing.receipt_no or filing.receipt_date}"))


def _code(kind: str, record_id: str) -> str:
    try:
        return f"核验码:{verification_code.code_for(kind, record_id)}(乡镇可在“核验纸质件”中输入此码核对)"
    except (LookupError, ValueError):
        return ""


def voted_on(version: RuleVersion) -> str:
    """The day the village's assembly adopted `version` ("" when unknown)."""
    from models.meetings.records import Meeting

    meeting = Meeting.get_or_none(Meeting.id == version.vote_meeting_id) if version.vote_meeting_id else None
    return meeting.held_on if meeting else ""


# --- 责令改正通知书 ------------------------------------------------------------------------

def rectification_subject(filing: RuleFiling) -> str:
    """The order's key in the number book: the filing and the words of the order (a new order, a new number)."""
    digest = hashlib.sha256(filing.correction.strip().encode("utf-8")).hexdigest()[:16]
    return f"rectification:{filing.id}:{digest}"


def rectification(session: Session, filing_id: str, on: date | None = None) -> Prepared:
    """The 责令改正通知书 of the order recorded on the filing `filing_id` (dated `on` when first issued)."""
    filing, version, village = _filing(filing_id)
    if not filing.correction.strip():
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "这份备案没有责令改正,不需要出具责令改正通知书。")))
    t = document_settings.template()
    issued = document_settings.issue(session, RECTIFICATION, rectification_subject(filing), on or date.today())
    day = _day(issued.issued_on)
    deadline = day + timedelta(days=t.days_to_correct)
    lines = rules_service.articles(version.id)
    bad = rv.unlawful(legality.check_articles([a.text for a in lines], on=issued.issued_on))
    voted = voted_on(version)
    body = [Para.of(
        f"你村{('于' + t.date_text(voted) + '经村民会议表决通过、') if voted else ''}"
        f"于{t.date_text(filing.received_on)}报本机关备案的《{version.title}》(第{version.version_no}版,"
        f"备案号{filing.receipt_no or '—'}),经审查,有违反法律、法规和国家政策的内容。")]
    section = 1
    if bad:
        body.append(Para.of(f"{_ordinal(section)}、违法的内容", HEADING))
        for n, f in enumerate(bad, start=1):
            label = lines[f.article - 1].label if 0 < f.article <= len(lines) else ""
            body.append(Para.of(f"({_ordinal(n)}){label or f'第{f.article}条'}", PLAIN))
            body.append(Para.of(f"“{f.sentence}”", QUOTE))
            body.append(Para.of(str(f.message), QUOTE, lead="问题:"))
            if f.basis:
                body.append(Para.of(_cites(f), QUOTE, lead="依据:"))
        section += 1
    body.append(Para.of(f"{_ordinal(section)}、责令改正的意见", HEADING))
    body.append(Para.of(filing.correction.strip()))
    section += 1
    basis = organic_law(27, on=day).cite().removeprefix("依据")
    body.append(Para.of(f"{_ordinal(section)}、改正要求", HEADING))
    body.append(Para.of(
        f"根据{basis}的规定,村规民约不得与宪法、法律、法规和国家的政策相抵触,不得有侵犯村民的人身权利、"
        f"民主权利和合法财产权利的内容;违反的,由乡镇人民政府责令改正。现责令你村于{t.date_text(deadline)}前"
        "召开村民会议,修改或者废止上述内容。改正之前,上述内容不得执行。"))
    section += 1
    body.append(Para.of(f"{_ordinal(section)}、报告改正情况", HEADING))
    body.append(Para.of(
        "改正后,请将村民会议记录、表决结果和改正后的文本报本机关重新备案,并向全体村民公布;"
        "逾期未改正的,本机关将依法处理。"))
    document = OfficialDocument(
        organ=_letterhead(t), number=t.number_of(issued), title="责令改正通知书",
        addressee=_committee(village), body=tuple(body), signer=t.organ_name, date_text=t.date_text(day),
        signatory=t.signatory, notes=_notes(t))
    return Prepared(RECTIFICATION, document, _safe(f"责令改正通知书_{village}_{version.title}"))


