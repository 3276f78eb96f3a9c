"""The read-only detail of a village-file record as HTML, every value escaped.

Pure string building over the services' dataclasses: a `<b>` typed in a
village is shown as the characters `<b>`, never as bold (tests check it).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.services.notice_service import NoticeRow
from desktop.services.village_file.matters import Matter
from desktop.services.village_file.meetings import MeetingRecord
from desktop.services.village_file.people import PersonRecord
from desktop.services.village_file.postings import Posting
from desktop.services.village_file.rules import VersionText
from models.meetings import four_two as ft
from ui.widgets import disclosure_labels as dl
from ui.widgets import supervision_labels as sl
from ui.widgets.palette import GREY
from ui.widgets.record_labels import matter_label, roles_text, type_label
from ui.widgets.rule_labels import status_label as rule_status

_C = "village_file"
_GREY = GREY.name()


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def text(value: str) -> str:
    """A stored text as HTML: escaped, its line breaks kept."""
    return escape(value or "").replace("\n", "<br>")


def fields(pairs: list[tuple[str, str]]) -> str:
    """A two-column table of label and value; empty values are left out."""
    rows = "".join(f"<tr><td style='padding-right:12px; color:{_GREY}' valign='top'>{escape(k)}</td>"
                   f"<td>{text(v)}</td></tr>" for k, v in pairs if v)
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>"


def _section(title: str, body: str) -> str:
    return f"<h4 style='margin-top:10px; margin-bottom:4px'>{escape(title)}</h4>{body}"


def rule_html(v: VersionText) -> str:
    """A version as text: its heading, adoption and 备案 facts, then every article (anchors art0, art1…)."""
    facts = [(_tr("规约"), v.rule_set_title), (_tr("版本"), _tr("第 {n} 版").format(n=v.version_no)),
             (_tr("状态"), rule_status(v.status, v.filed_on)), (_tr("通过日期"), v.adopted_on),
             (_tr("备案日期"), v.filed_on), (_tr("备案回执"), v.receipt_no), (_tr("责令改正"), v.correction)]
    parts = [f"<h3>{escape(v.title)}</h3>", fields(facts)]
    if v.preamble:
        parts.append(f"<p>{text(v.preamble)}</p>")
    chapter = None
    for i, a in enumerate(v.articles):
        if a.chapter and a.chapter != chapter:
            parts.append(f"<h4 align='center'>{escape(a.chapter)}</h4>")
        chapter = a.chapter
        parts.append(f"<p><a name='art{i}'></a><b>{escape(a.label)}</b> {text(a.text)}</p>")
    if not v.articles:
        parts.append(f"<p style='color:{_GREY}'>{escape(_tr('这个版本还没有条款。'))}</p>")
    return "".join(parts)


def _verdict(passed: bool | None) -> str:
    return {True: _tr("通过"), False: _tr("未通过")}.get(passed, _tr("未判定"))


def meeting_html(m: MeetingRecord) -> str:
    """A meeting as its minutes record it: facts, attendance counts, agenda with minutes, resolutions."""
    quorum = {True: _tr("达到"), False: _tr("未达到")}.get(m.quorum_met, _tr("未判定"))
    attendance = _tr("应到 {e},实到 {p}").format(e=m.expected, p=m.present)
    if m.roster:
        attendance += _tr(",缺席 {a},请假 {l},列席 {o}").format(a=m.absent, l=m.leave, o=m.observers)
    facts = [(_tr("会议类型"), type_label(m.type_code)), (_tr("日期"), f"{m.held_on} {m.start_time}".strip()),
             (_tr("地点"), m.place), (_tr("召集"), m.convened_by), (_tr("主持人"), m.host), (_tr("记录人"), m.recorder),
             (_tr("通知日期"), m.notice_date), (_tr("党组织研究讨论"), m.party_study_on), (_tr("出席"), attendance),
             (_tr("法定人数"), quorum),
             (_tr("记录状态"), _tr("已审定") if m.status == "approved" else _tr("草稿,未审定")),
             (_tr("更正"), _tr("这份记录已被更正,请看更正后的记录。") if m.corrected_by else "")]
    parts = [f"<h3>{escape(m.title)}</h3>", fields(facts)]
    agenda = "".join(f"<p><b>{i}. {escape(title)}</b><br>{text(minutes) or escape(_tr('(未填写)'))}</p>"
                     for i, (title, minutes) in enumerate(m.agenda, start=1))
    parts.append(_section(_tr("议题与记录"), agenda or f"<p>{escape(_tr('(未填写)'))}</p>"))
    if m.resolutions:
        head = "".join(f"<th>{escape(h)}</th>" for h in (_tr("表决事项"), _tr("类别"), _tr("赞成"), _tr("反对"),
                                                         _tr("弃权"), _tr("结果")))
        rows = "".join(f"<tr><td>{text(r.text)}</td><td>{escape(matter_label(r.matter))}</td><td>{r.yes}</td>"
                       f"<td>{r.no}</td><td>{r.abstain}</td><td>{escape(_verdict(r.passed))}</td></tr>"
                       for r in m.resolutions)
        parts.append(_section(_tr("表决与决议"), f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                                                 f"<tr>{head}</tr>{rows}</table>"))
    else:
        parts.append(_section(_tr("表决与决议"), f"<p>{escape(_tr('本次会议没有表决事项。'))}</p>"))
    if m.decision_steps:
        rows = "".join(f"<li>{escape(title)}:{escape(step_label(step))}({escape(done_on)})</li>"
                       for title, step, done_on in m.decision_steps)
        parts.append(_section(_tr("四议两公开"), f"<ul>{rows}</ul>"))
    if m.note:
        parts.append(_section(_tr("其他"), f"<p>{text(m.note)}</p>"))
    return "".join(parts)


def step_label(code: str) -> str:
    """① 村党组织提议 … (the code itself when unknown)."""
    return QCoreApplication.translate("four_two", ft.STEP_LABELS.get(code, code))


def posting_html(p: Posting) -> str:
    """A posting: its facts, its content, its financial table with totals, the questions on it."""
    facts = [(_tr("公开期间"), dl.period_label(p.period_kind, p.period)), (_tr("类别"), dl.category_label(p.category)),
             (_tr("状态"), dl.status_label(p.status)), (_tr("报监委会审核"), p.submitted_on),
             (_tr("监委会审核"), " ".join(x for x in (p.reviewed_on, p.reviewed_by) if x)),
             (_tr("退回理由"), p.review_reason if p.review_result == "returned" else ""),
             (_tr("公开日期"), p.posted_on), (_tr("撤下日期"), p.takedown_on)]
    parts = [f"<h3>{escape(p.title)}</h3>", fields(facts)]
    if p.content:
        parts.append(f"<p>{text(p.content)}</p>")
    if p.has_table:
        income = sum(x.income_fen for x in p.lines)
        expense = sum(x.expense_fen for x in p.lines)
        head = "".join(f"<th>{escape(h)}</th>" for h in (_tr("日期"), _tr("凭证号"), _tr("摘要"), _tr("收入(元)"),
                                                         _tr("支出(元)"), _tr("经手人")))
        rows = "".join(
            f"<tr><td>{escape(x.day)}</td><td>{escape(x.voucher)}</td><td>{escape(x.summary)}</td>"
            f"<td align='right'>{dl.yuan(x.income_fen) if x.income_fen else ''}</td>"
            f"<td align='right'>{dl.yuan(x.expense_fen) if x.expense_fen else ''}</td><td>{escape(x.handler)}</td></tr>"
            for x in p.lines)
        total = (f"<tr><td colspan='3'><b>{escape(_tr('期初余额'))}</b></td><td colspan='3'>{dl.yuan(p.opening_fen)}</td></tr>"
                 f"{rows}<tr><td colspan='3'><b>{escape(_tr('本期合计'))}</b></td><td align='right'>{dl.yuan(income)}</td>"
                 f"<td align='right'>{dl.yuan(expense)}</td><td></td></tr>"
                 f"<tr><td colspan='3'><b>{escape(_tr('期末余额'))}</b></td><td colspan='3'>{dl.yuan(p.closing_fen)}</td></tr>")
        parts.append(_section(_tr("财务收支明细"), f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                                                   f"<tr>{head}</tr>{total}</table>"))
    for f in p.feedback:
        who = f.villager or _tr("匿名")
        answer = text(f.answer) if f.answer else escape(_tr("(还没有答复)"))
        parts.append(_section(_tr("村民意见"), f"<p>{escape(f.received_on)} {escape(who)}:{text(f.content)}<br>"
                                             f"{escape(_tr('答复'))} {escape(f.answered_on)}:{answer}</p>"))
    return "".join(parts)


def matter_html(m: Matter) -> str:
    """A supervision matter step by step, with the township's answers when it was escalated."""
    facts = [(_tr("监督内容"), sl.area_label(m.area)), (_tr("来源"), sl.source_label(m.source)),
             (_tr("状态"), sl.state_label(m.state)), (_tr("发现日期"), m.opened_on), (_tr("发现的问题"), m.findings),
             (_tr("通知整改"), m.notified_on), (_tr("整改期限"), m.deadline), (_tr("整改建议"), m.notice),
             (_tr("村委会答复"), " ".join(x for x in (m.answered_on, m.answer) if x)),
             (_tr("监委会核实"), " ".join(x for x in (m.verified_on, m.verification) if x)),
             (_tr("办结日期"), m.closed_on), (_tr("报告乡镇"), m.escalated_on)]
    parts = [f"<h3>{escape(m.title)}</h3>", fields(facts)]
    for on, by, answer in m.township_answers:
        parts.append(_section(_tr("乡镇答复"), f"<p>{escape(on)} {escape(by)}:{text(answer)}</p>"))
    if m.escalated_on and not m.township_answers:
        parts.append(_section(_tr("乡镇答复"), f"<p>{escape(_tr('本镇还没有答复。答复在“审核备案”的“上报事项”里写。'))}</p>"))
    return "".join(parts)


def person_html(p: PersonRecord) -> str:
    """A person of the register with every office held (name, gender, birth year, group; no phone)."""
    facts = [(_tr("性别"), p.gender), (_tr("出生年份"), str(p.birth_year) if p.birth_year else ""),
             (_tr("村民小组"), p.village_group), (_tr("与户主关系"), p.household_relation),
             (_tr("迁出/去世"), p.left_on)]
    parts = [f"<h3>{escape(p.name)}</h3>", fields(facts)]
    if p.roles:
        rows = "".join(f"<tr><td>{escape(roles_text((role,)))}</td><td>{escape(start or '—')}</td>"
                       f"<td>{escape(end or _tr('至今'))}</td></tr>" for role, start, end in p.roles)
        head = "".join(f"<th>{escape(h)}</th>" for h in (_tr("职务"), _tr("起"), _tr("止")))
        parts.append(_section(_tr("任职"), f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{rows}"
                                         f"</table>"))
    return "".join(parts)


def notice_html(n: NoticeRow) -> str:
    """A notice the township sent the village."""
    return (f"<h3>{escape(n.title)}</h3>" + fields([(_tr("发出日期"), n.issued_on), (_tr("发出人"), n.issued_by)])
            + f"<p>{text(n.text)}</p>")
