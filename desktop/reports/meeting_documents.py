"""会议记录 and 签到表 as HTML that Qt's rich-text engine lays out and prints.

Pure string building over service data (no Qt), so the text of a printed
record can be tested directly. The layout follows the paper forms villages
use: a header grid (时间/地点/主持人/记录人/应到/实到), agenda, minutes,
resolutions with vote counts and the verdict, and signature lines; the
sign-in sheet leaves a blank column to sign by hand.
"""

from __future__ import annotations

from html import escape

from desktop.services import meetings_service, setup_service, verification_code
from desktop.services.people_service import PERSON_ROLES
from models.meetings import types as mt
from models.meetings.matters import MATTERS
from models.meetings.quorum import ABSENT, LEAVE, OBSERVER, PRESENT
from models.verification_code import MEETING

# Qt's rich text ignores CSS padding on cells (and a padding rule would
# override the attribute), so cell padding is set with `cellpadding`.
_CSS = """
body { font-size: 11pt; }
h1 { font-size: 18pt; text-align: center; margin-bottom: 2pt; }
p.sub { text-align: center; color: #444; margin-top: 0; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid td, table.grid th { border: 1px solid #000; vertical-align: top; }
table.grid th { background: #eee; font-weight: bold; }
h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 6pt; }
td.label { width: 14%; background: #f4f4f4; }
p.sign { margin-top: 22pt; }
"""

_STATUS = {PRESENT: "到会", ABSENT: "缺席", LEAVE: "请假", OBSERVER: "列席"}


def _cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _names(draft, status: str) -> str:
    names = [a.name for a in draft.attendance if a.status == status]
    return "、".join(names) if names else "无"


def minutes_html(meeting_id: str, village_name: str | None = None) -> str:
    """The 会议记录 of a meeting, ready for `QTextDocument.setHtml`.

    `village_name` heads and signs the record at the township (printing a village's file);
    None: this installation's name.
    """
    draft = meetings_service.load(meeting_id)
    verdict = meetings_service.evaluate_draft(draft)
    info = setup_service.current()
    name = village_name if village_name is not None else info.name if info else ""
    kind = mt.meeting_type(draft.type_code)
    unit = kind.unit
    held = _cn_date(draft.held_on.isoformat()) + (f" {draft.start_time}" if draft.start_time else "")
    status = "(已审定)" if not draft.editable else "(草稿,未审定)"
    rows = [
        f"<tr><td class='label'>会议时间</td><td>{escape(held)}</td>"
        f"<td class='label'>会议地点</td><td>{escape(draft.place)}</td></tr>",
        f"<tr><td class='label'>主持人</td><td>{escape(draft.host)}</td>"
        f"<td class='label'>记录人</td><td>{escape(draft.recorder)}</td></tr>",
        f"<tr><td class='label'>应到</td><td>{verdict.meeting.expected} {unit}</td>"
        f"<td class='label'>实到</td><td>{verdict.meeting.present} {unit}</td></tr>",
    ]
    if kind.roster:
        rows.append(f"<tr><td class='label'>缺席</td><td colspan='3'>{escape(_names(draft, ABSENT))}</td></tr>")
        rows.append(f"<tr><td class='label'>请假</td><td colspan='3'>{escape(_names(draft, LEAVE))}</td></tr>")
        rows.append(f"<tr><td class='label'>列席</td><td colspan='3'>{escape(_names(draft, OBSERVER))}</td></tr>")
    if draft.notice_date:
        rows.append(f"<tr><td class='label'>通知日期</td><td colspan='3'>{_cn_date(draft.notice_date.isoformat())}"
                    f"({escape(draft.convened_by)}召集)</td></tr>")
    if draft.party_study_on:  # 组织法 as amended 2025: the Party organisation studied the matters first
        rows.append(f"<tr><td class='label'>党组织研究讨论</td><td colspan='3'>"
                    f"{_cn_date(draft.party_study_on.isoformat())}</td></tr>")
    quorum_line = "".join(f"<p>{escape(f.text())}</p>" for f in verdict.meeting.findings
                          if f.severity in ("error", "warning") or "会议有效" in f.text())
    parts = [
        f"<style>{_CSS}</style>",
        f"<h1>{escape(name)}{escape(kind.label)}记录</h1>",
        f"<p class='sub'>{escape(draft.title)} {status}</p>",
        f"<table class='grid' width='100%' cellspacing='0' cellpadding='5'>{''.join(rows)}</table>",
        "<h2>一、会议议题</h2>",
    ]
    if draft.agenda:
        parts.append("<ol>" + "".join(f"<li>{escape(a.title)}</li>" for a in draft.agenda) + "</ol>")
    else:
        parts.append("<p>(未填写)</p>")
    parts.append("<h2>二、会议内容</h2>")
    for i, a in enumerate(draft.agenda, start=1):
        minutes = escape(a.minutes).replace("\n", "<br>") or "(未填写)"
        parts.append(f"<p><b>{i}. {escape(a.title)}</b></p><p>{minutes}</p>")
    parts.append("<h2>三、表决结果</h2>")
    if draft.resolutions:
        table = ["<table class='grid' width='100%' cellspacing='0' cellpadding='5'><thead><tr><th>序号</th><th>表决事项</th>"
                 "<th>事项类别</th><th>赞成</th><th>反对</th><th>弃权</th><th>结果</th></tr></thead>"]
        for i, (r, v) in enumerate(zip(draft.resolutions, verdict.resolutions, strict=True), start=1):
            result = "通过" if v.passed else "未通过"
            table.append(f"<tr><td>{i}</td><td>{escape(r.text)}</td><td>{escape(MATTERS.get(r.matter, r.matter))}</td>"
                         f"<td>{r.yes}</td><td>{r.no}</td><td>{r.abstain}</td><td>{result}</td></tr>")
        table.append("</table>")
        parts.append("".join(table))
        for who in verdict.authority:
            for f in who:
                parts.append(f"<p>注:{escape(f.text())}</p>")
    else:
        parts.append("<p>本次会议没有表决事项。</p>")
    parts.append("<h2>四、法定人数</h2>" + (quorum_line or "<p>本类会议没有法定人数要求。</p>"))
    if draft.note:
        parts.append(f"<h2>五、其他</h2><p>{escape(draft.note)}</p>")
    parts.append("<p class='sign'>主持人(签字):____________________　　记录人(签字):____________________</p>")
    parts.append("<p class='sign'>参会人员(签字):见签到表</p>")
    parts.append(f"<p class='sign' align='right'>{escape(name)}村民委员会　　"
                 f"{_cn_date(draft.held_on.isoformat())}</p>")
    parts.append(verification_code.footer_html(MEETING, meeting_id))  # the township can check the paper
    return "".join(parts)


def sign_in_sheet_html(meeting_id: str, blank_rows: int = 5) -> str:
    """A 签到表 to print before the meeting and sign by hand (a few blank rows for 列席)."""
    draft = meetings_service.load(meeting_id)
    info = setup_service.current()
    kind = mt.meeting_type(draft.type_code)
    roles = _role_labels()
    held = _cn_date(draft.held_on.isoformat()) + (f" {draft.start_time}" if draft.start_time else "")
    rows = []
    members = [a for a in draft.attendance if a.status != OBSERVER]
    observers = [a for a in draft.attendance if a.status == OBSERVER]
    for i, a in enumerate(members + observers, start=1):
        role = "列席" if a.status == OBSERVER else roles.get(a.person_id, "")
        rows.append(f"<tr><td align='center'>{i}</td><td>{escape(a.name)}</td><td align='center'>{a.gender}</td>"
                    f"<td>{escape(role)}</td><td>&nbsp;</td><td>&nbsp;</td></tr>")
    for i in range(len(rows) + 1, len(rows) + 1 + blank_rows):
        rows.append(f"<tr><td align='center'>{i}</td><td>&nbsp;</td><td></td><td></td><td></td><td></td></tr>")
    return "".join([
        f"<style>{_CSS}</style>",
        f"<h1>{escape(info.name if info else '')}{escape(kind.label)}签到表</h1>",
        f"<p class='sub'>{escape(draft.title)}　时间:{escape(held)}　地点:{escape(draft.place)}</p>",
        "<table class='grid' width='100%' cellspacing='0' cellpadding='10'><thead><tr><th width='8%'>序号</th><th width='14%'>姓名</th>"
        "<th width='8%'>性别</th><th width='26%'>身份</th><th width='32%'>本人签字</th><th width='12%'>备注</th>"
        "</tr></thead>",
        "".join(rows),
        "</table>",
        f"<p class='sign'>应到 {len(members)} 人,实到 ______ 人。　　"
        "签到须本人签字,不得代签。</p>",
        "<p class='sign'>记录人(签字):____________________</p>",
    ])


def _role_labels() -> dict[str, str]:
    from desktop.services import people_service

    out = {}
    for row in people_service.register(include_left=True):  # a document names those who left since
        labels = [PERSON_ROLES[r] for r in row.roles if r in PERSON_ROLES]
        out[row.id] = "、".join(labels[:2])
    return out
