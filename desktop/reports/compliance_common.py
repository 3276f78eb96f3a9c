"""What the Excel and the PDF compliance reports share: legend colours, texts, counts.

Both draw the same `models.township.board.Board`; keeping the colours and the
sentences here means a printed page and a workbook never tell a county office
two different things.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.reports.i18n import tr
from models.messages import QT_TRANSLATE_NOOP
from models.township.board import (
    DUE,
    LATE,
    MISSING,
    NA,
    NONE,
    OK,
    STATE_LABELS,
    TOWNSHIP,
    Board,
    VillageHead,
)

_C = "compliance_report"
_BOARD = "compliance"  # the context of the board's own labels (models/township/board.py)

#: Legend order: what a reader looks for first (coloured states).
STATES = (OK, LATE, MISSING, DUE, NA)
#: Every state a cell can have: 不适用 (nothing was required) stays uncoloured, after the legend.
ALL_STATES = (*STATES, NONE)
#: (fill, text colour) per state: Excel's good / neutral / bad, then greys.
COLOURS = {
    OK: ("C6EFCE", "006100"),
    LATE: ("FFEB9C", "9C5700"),
    MISSING: ("FFC7CE", "9C0006"),
    DUE: ("D9D9D9", "404040"),
    NA: ("F2F2F2", "808080"),
    NONE: ("FFFFFF", "808080"),  # 不适用: no fill (not in the legend's colour rules)
}
#: States that count in a rate: the obligation applied and was due; 无数据 counts as not on time.
APPLICABLE = (OK, LATE, MISSING, NA)


def state_text(state: str) -> str:
    """The translated label of a cell state ("按时", "缺失", ...)."""
    return tr(_BOARD, STATE_LABELS[state])


def label(source: str) -> str:
    """An obligation's (untranslated) label, translated under the board's context."""
    return tr(_BOARD, source)


def village_name(village: VillageHead) -> str:
    """The village's name, marked when it is no longer enrolled."""
    if village.retired:
        return village.name + tr(_C, QT_TRANSLATE_NOOP(_C, "(已停用)"))
    return village.name


def counts(board: Board, obligation_key: str) -> dict[str, int]:
    """How many villages are in each state on one obligation."""
    out = dict.fromkeys(ALL_STATES, 0)
    for v in board.villages:
        out[board.cell(v.code, obligation_key).state] += 1
    return out


def overall_rate(board: Board) -> float | None:
    """Share of the villages' own cells that are on time, 无数据 counting as not (None: nothing known)."""
    return board.overall_rate()


def applicable_count(board: Board, obligation_key: str) -> int:
    """Villages the obligation applied to: on time, late, missing, and (for a village's own duty) 无数据."""
    c = counts(board, obligation_key)
    township = any(o.key == obligation_key and o.duty_of == TOWNSHIP for o in board.obligations)
    return sum(c[s] for s in APPLICABLE if not (township and s == NA))


def silent_title(board: Board) -> str:
    """The heading of the villages listed apart, with the threshold."""
    return tr(_C, QT_TRANSLATE_NOOP(_C, "长期未报送的村(超过 {days} 天没有收到数据包,或从未收到)")).format(
        days=board.silent_after_days)


def silent_line(village: VillageHead) -> str:
    """"溪口村(330106001002):最后数据包 2026-03-02,已 247 天" or "…:从未报送"."""
    if not village.data_as_of:
        return tr(_C, QT_TRANSLATE_NOOP(_C, "{name}({code}):从未报送")).format(
            name=village_name(village), code=village.code)
    return tr(_C, QT_TRANSLATE_NOOP(_C, "{name}({code}):最后数据包 {day},已 {days} 天")).format(
        name=village_name(village), code=village.code, day=village.data_as_of, days=village.silent_days)


def township_line(board: Board) -> list[str]:
    """The township's own row: per duty, its state and what is waiting ("上报事项答复:缺失,2件待答")."""
    out = []
    for o in board.township_obligations:
        c = board.township_cell(o.key)
        out.append(tr(_C, QT_TRANSLATE_NOOP(_C, "乡镇本级 · {obligation}:{state},{note}")).format(
            obligation=label(o.label), state=state_text(c.state), note=tr(_BOARD, c.note)))
    return out


def rate_text(rate: float | None) -> str:
    """A rate as "87.5%", or "—" when nothing applied."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def title(board: Board) -> str:
    """The report's title line."""
    return tr(_C, QT_TRANSLATE_NOOP(_C, "{township}村级依法履职情况汇总表")).format(township=board.township_name)


def data_date_text(board: Board) -> str:
    """The data date ("数据截至 2026-11-03"), or a plain sentence when no package has arrived yet."""
    if board.data_as_of:
        return tr(_C, QT_TRANSLATE_NOOP(_C, "数据截至 {date}")).format(date=board.data_as_of)
    return tr(_C, QT_TRANSLATE_NOOP(_C, "数据截至 —(尚未收到任何村的数据包)"))


def period_text(board: Board) -> str:
    """The period line ("统计期间:2026年第三季度(2026-07-01 至 2026-09-30)")."""
    return tr(_C, QT_TRANSLATE_NOOP(_C, "统计期间:{label}({start} 至 {end})")).format(
        label=board.period_label, start=board.start.isoformat(), end=board.end.isoformat())


def empty_text(board: Board) -> str:
    """What the report says instead of a table when the period has no data."""
    if not board.villages:
        return tr(_C, QT_TRANSLATE_NOOP(_C, "还没有村庄入网,没有可以统计的数据。请先在“村庄”页为各村办理入网。"))
    never = sum(1 for v in board.villages if not v.data_as_of)
    return tr(_C, QT_TRANSLATE_NOOP(
        _C, "{label}没有任何村的数据,无法统计。已入网 {villages} 个村,其中 {never} 个村从未报送数据包。"
            "请先导入各村报送的数据包,再生成报表。")).format(
        label=board.period_label, villages=len(board.villages), never=never)


def basis_lines(board: Board) -> list[str]:
    """Per obligation its legal basis ("依据 · 村务公开(每季度):组织法第30条")."""
    basis = tr(_C, QT_TRANSLATE_NOOP(_C, "依据 · {obligation}:{basis}"))
    return [basis.format(obligation=label(o.label), basis=o.basis) for o in board.obligations if o.basis]


def notes(board: Board, with_basis: bool = True) -> list[str]:
    """The explanations printed under the table (how rates are computed, where data comes from).

    `with_basis`: followed by the legal bases (`basis_lines`).
    """
    lines = [
        tr(_C, QT_TRANSLATE_NOOP(_C, "按时率 = 按时的村 ÷ 应履行的村(按时、逾期完成、缺失、无数据);"
                                     "未到期和不适用的不计入。")),
        tr(_C, QT_TRANSLATE_NOOP(_C, "本表只依据各村报送的数据包计算;“无数据”表示没有收到能说明情况的数据,"
                                     "不能算作已履行,按未按时计入按时率。")),
    ]
    township = [o for o in board.obligations if o.duty_of == TOWNSHIP]
    if township:
        lines.append(tr(_C, QT_TRANSLATE_NOOP(
            _C, "{obligations}是乡镇的职责:各村一栏显示乡镇对该村的办理情况,不计入该村按时率,汇总见“乡镇本级”。")).format(
            obligations="、".join(label(o.label) for o in township)))
    return lines + (basis_lines(board) if with_basis else [])



@dataclass(frozen=True)
class SignLines:
    """Who fills in, checks and answers for the report, and when: the lines above the seal.

    An empty name prints a line to sign on by hand; `on` is the 填报日期 as printed (the
    township's date style, `document_settings`).
    """

    unit: str = ""  # 填报单位, e.g. 青山镇人民政府
    filler: str = ""  # 填报人
    checker: str = ""  # 审核人
    head: str = ""  # 负责人
    on: str = ""  # 填报日期


_BLANK = "__________"


def sign_fields(board: Board, sign: SignLines | None) -> list[tuple[str, str]]:
    """(label, value) of the signature lines, blanks where nothing is known: 填报单位 … 填报日期."""
    sign = sign or SignLines()
    return [
        (tr(_C, QT_TRANSLATE_NOOP(_C, "填报单位")), sign.unit or board.township_name or _BLANK),
        (tr(_C, QT_TRANSLATE_NOOP(_C, "填报人")), sign.filler or _BLANK),
        (tr(_C, QT_TRANSLATE_NOOP(_C, "审核人")), sign.checker or _BLANK),
        (tr(_C, QT_TRANSLATE_NOOP(_C, "负责人")), sign.head or _BLANK),
        (tr(_C, QT_TRANSLATE_NOOP(_C, "填报日期")), sign.on or "　　年　　月　　日"),
    ]


def seal_text() -> str:
    """Where the unit's seal goes."""
    return tr(_C, QT_TRANSLATE_NOOP(_C, "(单位盖章)"))


def sign_lines_for(person: str, on: date) -> SignLines:
    """The signature lines as the township's 公文设置 has them, dated `on` in its date style.

    填报单位 is its 机关名称; 填报人 is `person` (the one logged in) unless a name is set.
    """
    from desktop.services import document_settings

    t = document_settings.template()
    return SignLines(unit=t.organ_name, filler=t.report_filler or person, checker=t.report_checker,
                     head=t.report_head, on=t.date_text(on))
