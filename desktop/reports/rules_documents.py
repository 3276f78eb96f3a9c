"""Printable texts of the 村规民约 area, as HTML for Qt's rich-text engine.

`rule_text_html`: the text of a version for the 公开栏 and the archive (title,
通过会议 and date, chapters and articles, signature block).
`diff_html`: a side-by-side comparison for the screen and for print.
"""

from __future__ import annotations

from html import escape

from desktop.services import rules_service, setup_service
from models.meetings.records import Meeting
from models.rules import procedure as proc
from models.rules.diff import ADDED, CHANGED, REMOVED

_CSS = """
body { font-size: 12pt; }
h1 { font-size: 20pt; text-align: center; margin-bottom: 4pt; }
p.sub { text-align: center; color: #444; margin-top: 0; }
h2 { font-size: 14pt; text-align: center; margin-top: 14pt; margin-bottom: 6pt; }
p.art { margin-top: 4pt; margin-bottom: 4pt; line-height: 150%; }
p.sign { margin-top: 28pt; }
td { vertical-align: top; }
"""


def _cn(iso: str) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def rule_text_html(version_id: str, village_name: str | None = None) -> str:
    """The full text of a version with its adoption facts.

    `village_name` signs the text at the township (printing a village's file), where this
    installation's own name is the township's; None: this installation's name.
    """
    view = rules_service.view(version_id)
    v = view.record
    info = setup_service.current()
    if view.status in (proc.ST_IN_FORCE, proc.ST_ADOPTED) and v.vote_meeting_id:
        meeting = Meeting.get_by_id(v.vote_meeting_id)
        adopted = f"{_cn(meeting.held_on)}{escape(meeting.title)}表决通过"
        filing = view.filing  # the township's receipt when it arrived, else the paper one
        if filing is not None:
            adopted += f",{_cn(filing.filed_on)}报乡镇备案"
            if filing.receipt_no:
                adopted += f"(备案回执 {escape(filing.receipt_no)})"
    elif view.status == proc.ST_HISTORY:
        adopted = f"{_cn(v.history_adopted_on)}通过(历史版本,依据原始档案补录)"
    else:
        adopted = f"草案({escape(proc.STATUS_LABELS[view.status])}),尚未生效"
    parts = [f"<style>{_CSS}</style>", f"<h1>{escape(view.title)}</h1>", f"<p class='sub'>({adopted})</p>"]
    if v.preamble and len(v.preamble) < 600:
        parts.append(f"<p class='art'>{escape(v.preamble)}</p>")
    chapter = None
    for a in view.articles:
        if a.chapter and a.chapter != chapter:
            parts.append(f"<h2>{escape(a.chapter)}</h2>")
        chapter = a.chapter
        text = escape(a.text).replace("\n", "<br>")
        parts.append(f"<p class='art'><b>{escape(a.label)}</b> {text}</p>")
    name = escape(village_name if village_name is not None else info.name if info else "")
    parts.append(f"<p class='sign' align='right'>{name}村民委员会<br>"
                 f"{_cn(v.published_on) or '____年__月__日'}</p>")
    return "".join(parts)


def diff_html(old_id: str, new_id: str, only_changes: bool = False) -> str:
    """Side-by-side 修改前 | 修改后 | 说明 with deletions struck and insertions underlined."""
    entries = rules_service.compare(old_id, new_id)
    rows = []
    for e in entries:
        if only_changes and not e.changed_at_all:
            continue
        if e.kind == CHANGED:
            before = "".join(escape(o) if op == "equal" else
                             f"<span style='color:#c00000;text-decoration:line-through'>{escape(o)}</span>"
                             for op, o, _n in e.segments)
            after = "".join(escape(n) if op == "equal" else
                            f"<span style='color:#c00000;font-weight:bold;text-decoration:underline'>{escape(n)}</span>"
                            for op, _o, n in e.segments)
        else:
            before = escape(e.old.text) if e.old else ""
            after = escape(e.new.text) if e.new else ""
        note = {ADDED: "新增", REMOVED: "删除", CHANGED: "修改"}.get(e.kind, "")
        if e.moved:
            note += (";" if note else "") + "调整位置"
        elif e.renumbered and e.kind not in (ADDED, REMOVED):
            note += (";" if note else "") + "条号变更"
        old_label = escape(e.old.label) + " " if e.old else ""
        new_label = escape(e.new.label) + " " if e.new else ""
        shade = {ADDED: "#eaf6ea", REMOVED: "#fbeaea", CHANGED: "#fff8e1"}.get(e.kind, "#ffffff")
        rows.append(f"<tr style='background:{shade}'><td width='45%'><b>{old_label}</b>{before}</td>"
                    f"<td width='45%'><b>{new_label}</b>{after}</td><td width='10%'>{note}</td></tr>")
    return (f"<style>{_CSS}</style><h1>修订对照表</h1>"
            f"<p class='sub'>{escape(rules_service.version_label(old_id))} → "
            f"{escape(rules_service.version_label(new_id))}</p>"
            "<table width='100%' border='1' cellspacing='0' cellpadding='6'>"
            "<thead><tr><th>修改前</th><th>修改后</th><th>说明</th></tr></thead>"
            + "".join(rows) + "</table>")
