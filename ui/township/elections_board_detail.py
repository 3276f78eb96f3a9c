"""The detail panel of the 换届选举 board: one village's election, step by step, and its findings with the law.

Everything in it came from a village's package, so it is built as HTML with
every value escaped (`html.escape`): a name or a label cannot format the page.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from models.meetings.quorum import ERROR
from models.township import elections_board as eb
from models.township.elections_board import BoardFinding, BoardRow, ElectionFact
from ui.errors import message_text
from ui.township.elections_board_model import elected_text, turnout_text
from ui.widgets.palette import AMBER, GREY, RED

_C = "elections_board"

GREY_HEX = GREY.name()
_POSTS = {"vc_chair": "主任", "vc_vice": "副主任", "vc_member": "委员"}
_OUTCOMES = {"recalled": "已罢免", "not_recalled": "未罢免", "withdrawn": "已撤回", "": "进行中"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def finding_line(f: BoardFinding) -> str:
    """A finding translated, after the vote it is about, with its citation."""
    text = message_text(f.finding.message)
    if f.finding.basis is not None:
        text += "(" + f.finding.basis.cite() + ")"
    if f.where is not None:
        text = message_text(f.where) + ":" + text
    return text


class ElectionDetail(QTextBrowser):
    """Read-only: the selected village's 换届, its findings first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.show_row(None)

    def show_row(self, row: BoardRow | None) -> None:
        """Show `row` (None: the hint to pick a village)."""
        if row is None:
            self.setHtml(f"<p style='color:{GREY_HEX}'>{escape(_tr('点击表格中的村,这里显示它的换届进度和问题。'))}</p>")
            return
        self.setHtml(self.html_of(row))

    def html_of(self, row: BoardRow) -> str:
        """The panel's content for `row` (also what the tests read)."""
        parts = [f"<h3>{escape(row.village.name)} · {escape(_tr(eb.stage_label(row.stage)))}</h3>"]
        e = row.election
        if row.findings:
            parts.append(f"<p><b>{escape(_tr('问题'))}({len(row.findings)})</b></p>")
            for f in row.findings:
                color = (RED if f.severity == ERROR else AMBER).name()
                mark = _tr("无效") if f.severity == ERROR else _tr("注意")
                parts.append(f"<p style='color:{color}; margin:2px 0 6px 0'>• [{escape(mark)}] "
                             f"{escape(finding_line(f))}</p>")
        elif e is not None:
            parts.append(f"<p>{escape(_tr('没有发现逾期或不合规的地方。'))}</p>")
        previous = row.village.previous
        if e is None and previous is not None:
            parts.append(f"<p>{escape(_tr('本届换届还没有启动。上一次换届:{label},选举日 {day}。').format(label=previous.label or '—', day=previous.vote_day))}</p>")  # noqa: E501
        elif e is None:
            parts.append(f"<p>{escape(_tr('这个村交来的数据包里还没有换届选举的记录。'))}</p>")
        else:
            parts.append(self._steps(e, row))
        for b in row.village.by_elections:
            parts.append(f"<p>{escape(_tr('补选'))}:{escape(b.label or '—')},"
                         f"{escape(_tr('选举日'))} {escape(b.vote_day or '—')},"
                         f"{escape(_tr('当选'))} {len(b.members)} {escape(_tr('人'))}</p>")
        for r in row.village.recalls:
            outcome = _tr(_OUTCOMES.get(r.outcome, r.outcome))
            votes = _tr("登记 {registered} 人,投票 {cast} 人,赞成 {agree} 票").format(
                registered=r.registered, cast=r.cast, agree=r.agree) if r.registered else ""
            parts.append(f"<p>{escape(_tr('罢免'))}:{escape(r.person_name)},{escape(_tr('提出'))} "
                         f"{escape(r.requested_on or '—')},{escape(_tr('表决'))} {escape(r.vote_on or '—')}"
                         f"{escape(',' + votes if votes else '')},{escape(outcome)}</p>")
        if row.village.data_as_of:
            parts.append(f"<p style='color:{GREY_HEX}'>{escape(_tr('数据截至'))} {escape(row.village.data_as_of)}"
                         f"{escape(_tr('(该村最后一个数据包)'))}</p>")
        return "".join(parts)

    def _steps(self, e: ElectionFact, row: BoardRow) -> str:
        lines = [
            (_tr("选举"), e.label or "—"),
            (_tr("选举委员会推选"), e.committee_chosen_on),
            (_tr("选民名单公布"), e.roll_published_on),
            (_tr("候选人名单公布"), e.candidates_published_on),
            (_tr("离任审计公布"), e.audit_published_on),
            (_tr("选举日"), e.vote_day),
            (_tr("当选公告"), e.announced_on),
            (_tr("工作移交"), e.handover_on),
            (_tr("登记选民"), str(e.registered) if e.registered else ""),
            (_tr("投票率(正式选举)"), "" if row.turnout is None else turnout_text(row)),
            (_tr("应选 / 当选"), f"{e.seats or '—'} / {len(e.members)}"),
            (_tr("当选(人数/女性)"), elected_text(row)),
        ]
        cells = "".join(f"<tr><td style='padding-right:12px; color:{GREY_HEX}'>{escape(k)}</td>"
                        f"<td>{escape(v or _tr('未进行'))}</td></tr>" for k, v in lines)
        rounds = "".join(
            f"<li>{escape(_tr('另行选举') if r.kind == 'runoff' else _tr('正式选举'))} {escape(r.held_on or '—')}:"
            f"{escape(_tr('发出 {issued} 张,收回 {cast} 张,无效 {invalid} 张').format(issued=r.issued, cast=r.cast, invalid=r.invalid))}"  # noqa: E501
            f"</li>" for r in e.rounds)
        members = "、".join(f"{m.name}({_tr(_POSTS.get(m.post, m.post))}{'·' + m.gender if m.gender else ''})"
                           for m in e.members)
        out = f"<table>{cells}</table>"
        if rounds:
            out += f"<p><b>{escape(_tr('投票'))}</b></p><ul>{rounds}</ul>"
        if members:
            out += f"<p><b>{escape(_tr('当选成员'))}</b>:{escape(members)}</p>"
        return out
