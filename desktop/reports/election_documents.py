"""The printed papers of a 村委会 election, as HTML for Qt's rich-text engine (`pdf.write_pdf`).

选民名单公告 by 村民小组, 候选人名单公告, the 选票, the 委托投票证, the
计票结果报告单 with the arithmetic written out, the 当选公告 and the
工作移交清单. Pure string building over `election_papers_service.ElectionPapers`
(no Qt, no database), so a test reads the text of a paper directly; every
name and text from the records is escaped, never interpreted.

The house style of the other papers (`meeting_documents`,
`disclosure_documents`): the village's name in the title, dates written
out in Chinese ("2026年5月6日", a blank "____年__月__日" when not yet
recorded), the article the paper rests on, cited in the text in force on the
election day, and signature lines / the seal area of the 村民选举委员会.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from desktop.reports.i18n import text as i18n_text
from desktop.reports.i18n import tr
from desktop.reports.surname_strokes import stroke_sorted
from desktop.services.election_papers_service import CandidateLine, ElectionPapers
from models.elections import tally
from models.elections.records import (
    KIND_BY_ELECTION,
    POST_CHAIR,
    POST_MEMBER,
    POST_VICE,
    POSTS,
    ROUND_RUNOFF,
    VOTER_AWAY,
    VOTER_INCOMER,
    VOTER_RESIDENT,
)
from models.kinship import RELATIONS
from models.legal import organic_law
from models.messages import QT_TRANSLATE_NOOP
from models.stored_values import stored_date

_C = "election_papers"

ROLL, CANDIDATES, PROXY_LIST, PROXY, BALLOT, COUNT, RUNOFF_BALLOT, ANNOUNCEMENT, HANDOVER = (
    "roll", "candidates", "proxy_list", "proxy", "ballot", "count", "runoff_ballot", "announcement", "handover")
#: Every paper, in the order of the procedure (the print menu lists them so).
PAPERS = (ROLL, CANDIDATES, PROXY_LIST, PROXY, BALLOT, COUNT, RUNOFF_BALLOT, ANNOUNCEMENT, HANDOVER)

_TITLES = {
    ROLL: QT_TRANSLATE_NOOP(_C, "选民名单公告"),
    CANDIDATES: QT_TRANSLATE_NOOP(_C, "候选人名单公告"),
    BALLOT: QT_TRANSLATE_NOOP(_C, "选票"),
    PROXY_LIST: QT_TRANSLATE_NOOP(_C, "委托投票名单公告"),
    PROXY: QT_TRANSLATE_NOOP(_C, "委托投票证"),
    COUNT: QT_TRANSLATE_NOOP(_C, "计票结果报告单"),
    RUNOFF_BALLOT: QT_TRANSLATE_NOOP(_C, "另行选举选票"),
    ANNOUNCEMENT: QT_TRANSLATE_NOOP(_C, "当选公告"),
    HANDOVER: QT_TRANSLATE_NOOP(_C, "工作移交清单"),
}

POST_LABELS = {
    POST_CHAIR: QT_TRANSLATE_NOOP(_C, "主任"),
    POST_VICE: QT_TRANSLATE_NOOP(_C, "副主任"),
    POST_MEMBER: QT_TRANSLATE_NOOP(_C, "委员"),
}

_CSS = """
body { font-size: 11pt; }
h1 { font-size: 18pt; text-align: center; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 12pt; margin-bottom: 4pt; }
p.sub { text-align: center; color: #444; margin-top: 0; }
p.sign { margin-top: 18pt; }
p.small { font-size: 9pt; color: #333; }
th { background: #eee; font-weight: bold; }
td.c { text-align: center; }
td.r { text-align: right; }
.break { page-break-before: always; }
"""


#: A little space before a heading that follows a table (Qt's rich text drops the heading's top margin there).
_GAP = "<p style='font-size:4pt'>&nbsp;</p>"


def _t(source: str) -> str:
    return tr(_C, source)


def title(kind: str) -> str:
    """The name of a paper (选民名单公告 …)."""
    return _t(_TITLES[kind])


def post_label(post: str) -> str:
    """主任 / 副主任 / 委员."""
    return _t(POST_LABELS.get(post, post))


def cn_date(iso: str) -> str:
    """2026年5月6日; a blank to fill by hand when the date is not recorded yet.

    A date stored wrong (an old package's "2026-02-30" or "昨天") prints the blank too, so the
    paper is still printed (to be filled by hand) instead of the printing stopping.
    """
    day = stored_date(iso[:10]) if isinstance(iso, str) and iso else None
    if day is None:
        return "____年__月__日"
    return f"{day.year}年{day.month}月{day.day}日"


def _cite(article: int, on: str) -> str:
    return organic_law(article, on or None).cite()


def _head(data: ElectionPapers, kind: str) -> list[str]:
    return [f"<style>{_CSS}</style>",
            f"<h1>{escape(data.village)}{escape(title(kind))}</h1>",
            f"<p class='sub'>{escape(data.label)}</p>"]


def _committee_seal(data: ElectionPapers, on: str) -> str:
    return (f"<p class='sign' align='right'>{escape(data.village)}"
            + escape(_t(QT_TRANSLATE_NOOP(_C, "村民选举委员会(盖章)")))
            + f"<br>{cn_date(on)}</p>")


def _grid(cells: list[str], columns: int, cellpadding: int = 5) -> str:
    """Names in a bordered grid, `columns` a row (the last row filled with blanks)."""
    if not cells:
        return ""
    rows = []
    for start in range(0, len(cells), columns):
        chunk = cells[start:start + columns]
        chunk += ["&nbsp;"] * (columns - len(chunk))
        rows.append("<tr>" + "".join(f"<td class='c' width='{100 // columns}%'>{c}</td>" for c in chunk) + "</tr>")
    return (f"<table width='100%' border='1' cellspacing='0' cellpadding='{cellpadding}'>" + "".join(rows)
            + "</table>")


# ---- 选民名单公告 ----------------------------------------------------------------------------

_MARKS = {VOTER_AWAY: "※", VOTER_INCOMER: "△"}


def _grouped(data: ElectionPapers) -> list[tuple[str, list]]:
    unnamed = _t(QT_TRANSLATE_NOOP(_C, "未分组"))
    groups: dict[str, list] = {g: [] for g in data.groups}
    for v in data.listed:
        groups.setdefault(v.group or unnamed, []).append(v)
    return [(g, people) for g, people in groups.items() if people]


def roll_html(data: ElectionPapers, columns: int = 8) -> str:
    """The 选民名单公告, one section per 村民小组 (`columns` names a row: 8 on A4, 12 on A3)."""
    parts = _head(data, ROLL)
    day = data.election_day
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "根据{law}的规定,经村民选举委员会登记,现将参加{label}的选民名单公布如下(选举日:{day}):")).format(
        law=_cite(13, day).removeprefix("依据"), label=data.label, day=cn_date(day))) + "</p>")
    total = 0
    for group, people in _grouped(data):
        total += len(people)
        parts.append(_GAP + "<h2>" + escape(_t(QT_TRANSLATE_NOOP(_C, "{group}(共 {n} 人)")).format(
            group=group, n=len(people))) + "</h2>")
        parts.append(_grid([escape(v.name) + _MARKS.get(v.category, "") for v in people], columns))
    counts = {c: sum(1 for v in data.listed if v.category == c) for c in (VOTER_RESIDENT, VOTER_AWAY, VOTER_INCOMER)}
    parts.append("<p>&nbsp;</p><p><b>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "全村登记选民共 {total} 人。")).format(total=total)) + "</b>" + escape(_t(QT_TRANSLATE_NOOP(
            _C, "其中:户籍在本村并在本村居住的 {resident} 人;户籍在本村、不在本村居住、本人表示参加选举的 {away} 人"
                "(名后标 ※);户籍不在本村、在本村居住一年以上、经村民会议或者村民代表会议同意参加选举的 {incomer} 人"
                "(名后标 △)。")).format(resident=counts[VOTER_RESIDENT], away=counts[VOTER_AWAY],
                                        incomer=counts[VOTER_INCOMER])) + "</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "如有异议,请于名单公布之日起五日内向村民选举委员会提出;村民选举委员会自收到申诉之日起三日内作出处理决定,"
            "并公布处理结果({cite})。")).format(cite=_cite(14, day))) + "</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(_C, "公布日期:{on}")).format(
        on=cn_date(data.roll_published_on))) + "</p>")
    parts.append(_committee_seal(data, data.roll_published_on))
    return "".join(parts)


# ---- 候选人名单公告 --------------------------------------------------------------------------

def _posts(data: ElectionPapers) -> list[str]:
    """The posts this election fills: its seats, or (seats not recorded) those with candidates."""
    if data.seats:
        return list(data.seats)
    return [p for p in POSTS if any(c.post == p for c in data.standing)]


def ordered_candidates(data: ElectionPapers, post: str) -> tuple[list[CandidateLine], bool]:
    """The standing candidates of `post` by 姓氏笔画 (True), or in the register's order (False)."""
    return stroke_sorted([c for c in data.standing if c.post == post], lambda c: c.name)


def _order_note(by_strokes: bool) -> str:
    return (_t(QT_TRANSLATE_NOOP(_C, "按姓氏笔画排序")) if by_strokes
            else _t(QT_TRANSLATE_NOOP(_C, "按登记顺序排列")))


def candidates_html(data: ElectionPapers) -> str:
    """The 候选人名单公告: per post the seats and the candidates (姓氏笔画 order where it is known)."""
    parts = _head(data, CANDIDATES)
    day = data.election_day
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "经本村有选举权的村民直接提名,{label}正式候选人名单公布如下(选举日:{day}):")).format(
        label=data.label, day=cn_date(day))) + "</p>")
    for post in _posts(data):
        people, by_strokes = ordered_candidates(data, post)
        seats = data.seats.get(post, 0)
        parts.append(_GAP + "<h2>" + escape(_t(QT_TRANSLATE_NOOP(_C, "{post}(应选 {seats} 名,候选人 {n} 名,{order})")).format(
            post=post_label(post), seats=seats, n=len(people), order=_order_note(by_strokes))) + "</h2>")
        rows = "".join(f"<tr><td class='c'>{i}</td><td>{escape(c.name)}</td><td class='c'>{escape(c.gender)}</td></tr>"
                       for i, c in enumerate(people, start=1))
        parts.append("<table width='70%' align='center' border='1' cellspacing='0' cellpadding='5'><tr><th width='15%'>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "序号"))) + "</th><th>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "姓名"))) + "</th><th width='20%'>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "性别"))) + f"</th></tr>{rows}</table>")
    parts.append("<p>&nbsp;</p><p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "候选人名额应当多于应选名额({cite})。对候选人有异议的,请向村民选举委员会提出。")).format(
        cite=_cite(15, day))) + "</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(_C, "公布日期:{on}")).format(
        on=cn_date(data.candidates_published_on))) + "</p>")
    parts.append(_committee_seal(data, data.candidates_published_on))
    return "".join(parts)


# ---- 选票 --------------------------------------------------------------------------------------

def ballot_posts(data: ElectionPapers, runoff: bool = False) -> list[tuple[str, list[str], int]]:
    """(post, names in 姓氏笔画 order where known, seats) of each column of the ballot.

    The 正式选举: the standing candidates and the election's seats. A 另行选举:
    the further votes the tally engine says are still to hold (its candidates
    and the seats left).
    """
    if not runoff:
        return [(p, [c.name for c in ordered_candidates(data, p)[0]], data.seats.get(p, 0) or 1) for p in _posts(data)]
    pending = data.count.pending if data.count else []
    return [(f.post, stroke_sorted([e.name for e in f.entries], str)[0], f.seats) for f in pending if f.seats > 0]


def _ballot_post(post: str, people: list[str], seats: int, columns: int) -> str:
    names = [escape(n) for n in people] + [escape(_t(QT_TRANSLATE_NOOP(_C, "另选他人")))] * seats
    width = 84 // columns
    table_width = 16 + width * len(names)
    head = (f"<td class='c' width='{int(1600 / table_width)}%' rowspan='2'><b>{escape(post_label(post))}</b><br>"
            + escape(_t(QT_TRANSLATE_NOOP(_C, "应选 {n} 名,多选无效")).format(n=seats)) + "</td>")
    cell = int(100 * width / table_width)
    name_row = "".join(f"<td class='c' width='{cell}%'>{n}</td>" for n in names[:len(people)])
    name_row += "".join(f"<td class='c' width='{cell}%'><font size='2'>{n}</font><br>&nbsp;</td>"
                        for n in names[len(people):])
    mark_row = "".join("<td class='c'>&nbsp;<br>&nbsp;</td>" for _ in names)
    return (f"<table width='{table_width}%' border='1' cellspacing='0' cellpadding='4'><tr>{head}{name_row}</tr>"
            f"<tr>{mark_row}</tr></table>")


def _one_ballot(data: ElectionPapers, runoff: bool) -> str:
    name = (_t(QT_TRANSLATE_NOOP(_C, "另行选举选票")) if runoff else _t(QT_TRANSLATE_NOOP(_C, "选票")))
    parts = [f"<p align='center'><b><font size='5'>{escape(data.village)}{escape(data.label)}"
             + escape(name) + "</font></b></p>"]
    posts = ballot_posts(data, runoff)
    columns = max((len(names) + seats for _, names, seats in posts), default=1)
    for post, names, seats in posts:
        parts.append(_ballot_post(post, names, seats, columns))
    seats = "、".join(_t(QT_TRANSLATE_NOOP(_C, "{post}应选 {n} 名")).format(post=post_label(p), n=n)
                     for p, _, n in posts)
    parts.append("<p class='small'>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "说明:1.同意的,在候选人姓名下方的空格内划“○”;不同意的不划;另选他人的,在“另选他人”栏内写上"
            "所选人的姓名,并在其下方的空格内划“○”。2.{seats},每一职务所划“○”多于应选名额的,该职务的选票无效。"
            "3.请用黑色或蓝色笔填写,字迹清楚,不得涂改。")).format(seats=seats)) + "</p>")
    parts.append("<p class='small' align='right'>" + escape(_t(QT_TRANSLATE_NOOP(_C, "村民选举委员会(盖章)"))) + "　"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "选举日:{day}")).format(day=cn_date(data.election_day))) + "</p>")
    return "".join(parts)


def ballot_html(data: ElectionPapers, per_page: int = 1, runoff: bool = False) -> str:
    """One page of ballots, `per_page` of them with a line to cut between (`fit_ballots` finds how many fit).

    `runoff`: the ballot of the 另行选举 the count left (`ballot_posts`).
    """
    one = _one_ballot(data, runoff)
    cut = "<p align='center'><font color='#888'>✂ - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -</font></p>"
    return f"<style>{_CSS}</style>" + cut.join([one] * max(1, per_page))


# ---- 委托投票证 ------------------------------------------------------------------------------

def relation_label(code: str) -> str:
    """配偶 / 父母 … (the register's kinship words)."""
    return tr("kinship", RELATIONS[code]) if code in RELATIONS else code


def proxy_list_html(data: ElectionPapers) -> str:
    """The 委托投票名单公告: every 委托 (委托人, 受托人, relation), published before the election day."""
    parts = _head(data, PROXY_LIST)
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "登记参加选举的村民,选举期间外出不能参加投票的,可以书面委托本村有选举权的近亲属代为投票({cite})。"
            "{label}(选举日:{day})的委托投票名单公布如下:")).format(
        cite=_cite(15, data.election_day), label=data.label, day=cn_date(data.election_day))) + "</p>")
    rows = "".join(f"<tr><td class='c'>{i}</td><td>{escape(p.voter_name)}</td><td>{escape(p.voter_group)}</td>"
                   f"<td>{escape(p.proxy_name)}</td><td>{escape(p.proxy_group)}</td>"
                   f"<td class='c'>{escape(relation_label(p.relation))}</td><td class='c'>{cn_date(p.granted_on)}</td></tr>"
                   for i, p in enumerate(data.proxies, start=1))
    heads = (QT_TRANSLATE_NOOP(_C, "序号"), QT_TRANSLATE_NOOP(_C, "委托人"), QT_TRANSLATE_NOOP(_C, "村民小组"),
             QT_TRANSLATE_NOOP(_C, "受托人"), QT_TRANSLATE_NOOP(_C, "村民小组"),
             QT_TRANSLATE_NOOP(_C, "受托人是委托人的"), QT_TRANSLATE_NOOP(_C, "委托日期"))
    parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='5'><tr>"
                 + "".join(f"<th>{escape(_t(h))}</th>" for h in heads) + f"</tr>{rows}</table>")
    parts.append("<p>&nbsp;</p><p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "共 {n} 人委托投票。受托人须是本村选民,且是委托人的近亲属;每一选民接受委托的人数按本省选举办法的规定。"
            "如有异议,请向村民选举委员会提出。")).format(n=len(data.proxies))) + "</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(_C, "公布日期:{on}")).format(
        on=cn_date(data.proxies_published_on))) + "</p>")
    parts.append(_committee_seal(data, data.proxies_published_on))
    return "".join(parts)


def proxy_cards_html(data: ElectionPapers, per_page: int = 3) -> str:
    """One 委托投票证 per 委托, `per_page` to an A4 page."""
    parts = [f"<style>{_CSS}</style>"]
    label = _t(QT_TRANSLATE_NOOP(_C, "委托人"))
    taker = _t(QT_TRANSLATE_NOOP(_C, "受托人"))
    for i, p in enumerate(data.proxies):
        css = " class='break'" if i and i % per_page == 0 else ""
        parts.append(f"<p align='center'{css}><b><font size='5'>{escape(data.village)}"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "委托投票证"))) + f"</font></b>　No.{i + 1:03d}</p>")
        rows = [
            (label, f"{escape(p.voter_name)}({escape(p.voter_group)})"),
            (taker, f"{escape(p.proxy_name)}({escape(p.proxy_group)})"),
            (_t(QT_TRANSLATE_NOOP(_C, "受托人是委托人的")), escape(relation_label(p.relation))),
            (_t(QT_TRANSLATE_NOOP(_C, "选举")), f"{escape(data.label)}　{cn_date(data.election_day)}　"
             + escape(_t(QT_TRANSLATE_NOOP(_C, "委托日期:{on}")).format(on=cn_date(p.granted_on)))),
        ]
        body = "".join(f"<tr><td width='26%'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows)
        body += ("<tr><td colspan='2'>" + escape(_t(QT_TRANSLATE_NOOP(
            _C, "受托人凭此证领取选票,按委托人的意愿代为填写、投票;委托人本人到场的,此证作废。"
                "委托人签字:__________　受托人签字:__________"))) + "</td></tr>")
        body += ("<tr><td colspan='2' align='right'>" + escape(data.village)
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "村民选举委员会(盖章)"))) + "<br>"
                 + cn_date(data.proxies_published_on) + "</td></tr>")
        parts.append(f"<table width='100%' border='1' cellspacing='0' cellpadding='4'>{body}</table>")
        if (i + 1) % per_page:
            parts.append("<p align='center'><font color='#888'>✂ - - - - - - - - - - - - - - - - - - - -</font></p>")
    return "".join(parts)


# ---- 计票结果报告单 --------------------------------------------------------------------------

def _num(value: Fraction) -> str:
    """406 / 405.5 / 213.3: a half or a third written as people write it."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}"


def turnout_line(registered_count: int, cast: int, valid: bool, base: str = "roll") -> str:
    """登记选民 812 人,投票 640 人,超过半数(406 人),选举有效 — `valid` is the tally engine's verdict.

    `base` (`ElectionResult.base`): a 补选 by the 村民代表会议 counts its 村民代表 in office, one by the
    村民会议 the villagers 18 or over, and the line names them instead of 登记选民.
    """
    if valid:
        text = QT_TRANSLATE_NOOP(_C, "{who} {registered} 人,投票 {cast} 人,超过半数({half} 人),选举有效")
    else:
        text = QT_TRANSLATE_NOOP(_C, "{who} {registered} 人,投票 {cast} 人,未超过半数({half} 人),选举无效")
    return _t(text).format(who=base_label(base), registered=registered_count, cast=cast,
                           half=_num(Fraction(registered_count, 2)))


def base_label(base: str) -> str:
    """Who the vote is counted against: 登记选民, or for a 补选 by a meeting its members."""
    if base == "representatives":
        return _t(QT_TRANSLATE_NOOP(_C, "在任村民代表"))
    if base == "villagers":
        return _t(QT_TRANSLATE_NOOP(_C, "年满十八周岁村民"))
    return _t(QT_TRANSLATE_NOOP(_C, "登记选民"))


_STATUS = {
    tally.ELECTED: QT_TRANSLATE_NOOP(_C, "当选"),
    tally.RUNOFF: QT_TRANSLATE_NOOP(_C, "进入另行选举"),
    tally.TIE: QT_TRANSLATE_NOOP(_C, "票数相等,再次投票"),
    tally.NOT_ELECTED: QT_TRANSLATE_NOOP(_C, "未当选"),
    tally.HIGHER_POST: QT_TRANSLATE_NOOP(_C, "已当选较高职务"),
}


def _finding(f) -> str:
    return i18n_text(f.message) + (f"({f.basis.cite()})" if f.basis else "")


def _round_html(data: ElectionPapers, rr, first: bool) -> str:
    rnd, res = rr.round, rr.result
    runoff = rnd.kind == ROUND_RUNOFF
    kind = (_t(QT_TRANSLATE_NOOP(_C, "另行选举")) if runoff else _t(QT_TRANSLATE_NOOP(_C, "正式选举")))
    on = rnd.held_on or data.election_day
    css = "" if first else " class='break'"
    parts = [f"<h1{css}>{escape(data.village)}{escape(title(COUNT))}</h1>",
             f"<p class='sub'>{escape(data.label)}　{escape(_t(QT_TRANSLATE_NOOP(_C, '第 {n} 轮')).format(n=rnd.number))}"
             f"({escape(kind)})　{cn_date(on)}</p>"]
    base = data.count.base if data.count is not None else "roll"
    head = [(base_label(base), res.registered),
            (_t(QT_TRANSLATE_NOOP(_C, "发出选票")), rnd.ballots_issued),
            (_t(QT_TRANSLATE_NOOP(_C, "收回选票(投票人数)")), res.ballots_cast),
            (_t(QT_TRANSLATE_NOOP(_C, "无效票")), res.invalid_ballots),
            (_t(QT_TRANSLATE_NOOP(_C, "有效票")), res.valid_ballots)]
    parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='5'><tr>"
                 + "".join(f"<th>{escape(k)}</th>" for k, _ in head) + "</tr><tr>"
                 + "".join(f"<td class='c'>{v}</td>" for _, v in head) + "</tr></table>")
    if res.errors:
        parts.append("<p><b>" + escape(_t(QT_TRANSLATE_NOOP(_C, "本轮的数字不能成立,未作判定:"))) + "</b></p>")
        parts.extend(f"<p>{escape(_finding(f))}</p>" for f in res.errors)
    else:
        parts.append(f"<p><b>{escape(turnout_line(res.registered, res.ballots_cast, res.valid, base))}</b>"
                     f"({escape(_cite(15, on))})。</p>")
        if runoff:
            rule = QT_TRANSLATE_NOOP(_C, "另行选举以得票多的当选,但所得票数不得少于已投选票总数的三分之一:"
                                         "{cast} ÷ 3 = {third} 票。")
            parts.append("<p>" + escape(_t(rule).format(cast=res.ballots_cast,
                                                        third=_num(Fraction(res.ballots_cast, 3)))) + "</p>")
        else:
            rule = QT_TRANSLATE_NOOP(_C, "候选人获得参加投票的村民过半数的选票,始得当选:{cast} ÷ 2 = {half} 票,"
                                         "得票须多于 {half} 票。")
            parts.append("<p>" + escape(_t(rule).format(cast=res.ballots_cast,
                                                        half=_num(Fraction(res.ballots_cast, 2)))) + "</p>")
    for post, seats in rr.seats.items():
        outcomes = sorted((o for o in res.outcomes if o.entry.post == post), key=lambda o: -o.entry.votes)
        parts.append(_GAP + "<h2>" + escape(_t(QT_TRANSLATE_NOOP(_C, "{post}(应选 {seats} 名)")).format(
            post=post_label(post), seats=seats)) + "</h2>")
        rows = []
        for o in outcomes:
            name = escape(o.entry.name) + ("" if o.entry.is_candidate else escape(_t(QT_TRANSLATE_NOOP(_C, "(另选)"))))
            rows.append(f"<tr><td>{name}</td><td class='r'>{o.entry.votes}</td>"
                        f"<td class='c'>{escape(_t(_STATUS.get(o.status, o.status)))}</td>"
                        f"<td>{escape(i18n_text(o.reason))}</td></tr>")
        if not rows:  # nothing judged (the numbers cannot be): the names and votes as recorded
            rows = [f"<tr><td>{escape(ln.name)}</td><td class='r'>{ln.votes}</td><td></td><td></td></tr>"
                    for ln in rr.lines if ln.post == post]
        parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='5'><tr><th width='16%'>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "姓名"))) + "</th><th width='9%'>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "得票"))) + "</th><th width='15%'>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "结果"))) + "</th><th>"
                     + escape(_t(QT_TRANSLATE_NOOP(_C, "理由"))) + "</th></tr>" + "".join(rows) + "</table>")
    notes = [f for f in res.reasons if f.severity != "info"]
    if notes:
        parts.append("".join(f"<p><b>{escape(_finding(f))}</b></p>" for f in notes))
    if res.arithmetic:
        parts.append("<p class='small'>" + escape(_t(QT_TRANSLATE_NOOP(_C, "计算过程:"))) + "<br>"
                     + "<br>".join(escape(i18n_text(m)) for m in res.arithmetic) + "</p>")
    parts.append("<p>&nbsp;</p><p class='sign'>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "监票人(签字):______________　计票人(签字):______________　唱票人(签字):______________"))) + "</p>")
    parts.append("<p class='sign'>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "村民选举委员会主任(签字):______________"))) + f"　　{cn_date(on)}</p>")
    return "".join(parts)


def count_report_html(data: ElectionPapers, round_id: str | None = None) -> str:
    """The 计票结果报告单 of one round (`round_id`) or of every round, each on its own page."""
    rounds = [r for r in (data.count.rounds if data.count else []) if round_id in (None, r.round.id)]
    return f"<style>{_CSS}</style>" + "".join(_round_html(data, r, i == 0) for i, r in enumerate(rounds))


def _main_round(data: ElectionPapers):
    """The last 正式选举 the engine judged (an invalid one may have been held again)."""
    rounds = [r for r in (data.count.rounds if data.count else []) if r.round.kind != ROUND_RUNOFF]
    return rounds[-1] if rounds else None


# ---- 当选公告 --------------------------------------------------------------------------------

def announcement_html(data: ElectionPapers) -> str:
    """The 当选公告: who was elected to which post with the votes, dated the day it is posted."""
    parts = _head(data, ANNOUNCEMENT)
    day = data.election_day
    main = _main_round(data)
    intro = _t(QT_TRANSLATE_NOOP(_C, "{village}{label}于{day}举行。")).format(
        village=data.village, label=data.label, day=cn_date(day))
    if main is not None and not main.result.errors:
        res = main.result
        intro += turnout_line(res.registered, res.ballots_cast, res.valid,
                              data.count.base if data.count is not None else "roll") + "。"
    intro += _t(QT_TRANSLATE_NOOP(_C, "根据{law}的规定,下列人员当选:")).format(
        law=_cite(15, day).removeprefix("依据"))
    parts.append(f"<p>{escape(intro)}</p>")
    rows = []
    runoff = escape(_t(QT_TRANSLATE_NOOP(_C, "(另行选举)")))
    for post in POSTS:
        for m in (m for m in data.elected if m.post == post):
            rows.append(f"<tr><td class='c'>{escape(post_label(post))}</td><td class='c'>{escape(m.name)}</td>"
                        f"<td class='c'>{escape(m.gender)}</td><td class='c'>{m.votes}{runoff if m.runoff else ''}</td></tr>")
    parts.append("<table width='80%' align='center' border='1' cellspacing='0' cellpadding='6'><tr><th>"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "职务"))) + "</th><th>" + escape(_t(QT_TRANSLATE_NOOP(_C, "姓名")))
                 + "</th><th>" + escape(_t(QT_TRANSLATE_NOOP(_C, "性别"))) + "</th><th>"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "得票"))) + "</th></tr>" + "".join(rows) + "</table>")
    if data.kind == KIND_BY_ELECTION and stored_date(data.term_end[:10] if data.term_end else "") is not None:
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
            _C, "补选产生的成员,其任期到本届村民委员会任期届满时({end})止({cite})。")).format(
            end=cn_date(data.term_end), cite=_cite(19, day))) + "</p>")
    elif data.kind == KIND_BY_ELECTION:  # the term's end not recorded: the rule without the date
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(_C, "补选产生的成员,其任期到本届村民委员会任期届满时止({cite})。")).format(
            cite=_cite(19, day))) + "</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(_C, "特此公告。"))) + "</p>")
    parts.append(_committee_seal(data, data.announced_on))
    return "".join(parts)


# ---- 工作移交清单 ----------------------------------------------------------------------------

def handover_html(data: ElectionPapers, blank_rows: int = 3) -> str:
    """The 工作移交清单: the items, and the signatures of 移交人, 接收人, 主持人 and 监督人."""
    parts = _head(data, HANDOVER)
    day = data.election_day
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        _C, "原村民委员会应当自新一届村民委员会产生之日起十日内完成工作移交,移交工作由村民选举委员会主持,"
            "乡、镇人民政府负责监督({cite})。当选公告日:{announced};移交日期:{on}。")).format(
        cite=_cite(20, day), announced=cn_date(data.announced_on), on=cn_date(data.handover_on))) + "</p>")
    rows = [f"<tr><td class='c'>{i}</td><td>{escape(item)}</td><td>&nbsp;</td><td>&nbsp;</td></tr>"
            for i, item in enumerate(data.handover_items, start=1)]
    rows += [f"<tr><td class='c'>{i}</td><td>&nbsp;</td><td></td><td></td></tr>"
             for i in range(len(rows) + 1, len(rows) + 1 + blank_rows)]
    parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='6'><tr><th width='8%'>"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "序号"))) + "</th><th>"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "移交事项(印章、办公用品、财务账目、固定资产、工作档案、债权债务等)")))
                 + "</th><th width='14%'>" + escape(_t(QT_TRANSLATE_NOOP(_C, "数量"))) + "</th><th width='18%'>"
                 + escape(_t(QT_TRANSLATE_NOOP(_C, "备注"))) + "</th></tr>" + "".join(rows) + "</table>")
    presided = escape(data.handover_presided_by) or "______________"
    supervised = escape(data.handover_supervised_by) or "______________"
    sign = [
        (_t(QT_TRANSLATE_NOOP(_C, "移交人(原村民委员会)签字")), "______________"),
        (_t(QT_TRANSLATE_NOOP(_C, "接收人(新一届村民委员会)签字")), "______________"),
        (_t(QT_TRANSLATE_NOOP(_C, "主持人(村民选举委员会)")), presided + "　" + _t(QT_TRANSLATE_NOOP(_C, "签字:")) + "__________"),
        (_t(QT_TRANSLATE_NOOP(_C, "监督人(乡镇人民政府)")), supervised + "　" + _t(QT_TRANSLATE_NOOP(_C, "签字:")) + "__________"),
    ]
    parts.append("<table width='100%' cellspacing='0' cellpadding='8'>"
                 + "".join(f"<tr><td width='42%'>{escape(k)}:</td><td>{v}</td></tr>" for k, v in sign) + "</table>")
    parts.append(f"<p class='sign' align='right'>{cn_date(data.handover_on)}</p>")
    return "".join(parts)


# ---- which papers can be printed -------------------------------------------------------------

def missing(data: ElectionPapers, kind: str) -> str:
    """Why `kind` cannot be printed yet (what is missing), "" when it can."""
    reasons = {
        ROLL: (not data.listed, QT_TRANSLATE_NOOP(_C, "选民名单还没有登记选民。")),
        CANDIDATES: (not data.standing, QT_TRANSLATE_NOOP(_C, "还没有登记候选人。")),
        BALLOT: (not data.standing or not data.seats,
                 QT_TRANSLATE_NOOP(_C, "选票需要候选人和各职务的应选名额。")),
        PROXY_LIST: (not data.proxies, QT_TRANSLATE_NOOP(_C, "没有登记委托投票。")),
        PROXY: (not data.proxies, QT_TRANSLATE_NOOP(_C, "没有登记委托投票。")),
        COUNT: (not (data.count and data.count.rounds), QT_TRANSLATE_NOOP(_C, "还没有录入投票结果。")),
        RUNOFF_BALLOT: (not ballot_posts(data, runoff=True),
                        QT_TRANSLATE_NOOP(_C, "计票结果没有留下要另行选举的名额。")),
        ANNOUNCEMENT: (not data.elected, QT_TRANSLATE_NOOP(_C, "还没有当选人。")),
        HANDOVER: (not data.handover_items and not data.handover_on,
                   QT_TRANSLATE_NOOP(_C, "还没有填写移交清单或移交日期。")),
    }
    lacking, reason = reasons[kind]
    if kind == COUNT and data.count_problem:
        return _t(QT_TRANSLATE_NOOP(_C, "计票结果读不出来:{reason}")).format(reason=data.count_problem)
    return _t(reason) if lacking else ""


def document_html(data: ElectionPapers, kind: str, a3: bool = False) -> str:
    """The HTML of paper `kind` (the ballot: one per page; the printing layer fits more)."""
    if kind == ROLL:
        return roll_html(data, columns=12 if a3 else 8)
    if kind == RUNOFF_BALLOT:
        return ballot_html(data, runoff=True)
    builders = {CANDIDATES: candidates_html, BALLOT: ballot_html, PROXY: proxy_cards_html, PROXY_LIST: proxy_list_html,
                COUNT: count_report_html, ANNOUNCEMENT: announcement_html, HANDOVER: handover_html}
    return builders[kind](data)
