"""What the Excel and the PDF compliance reports share: legend colours, texts, counts.

Both draw the same `models.township.board.Board`; keeping the colours and the
sentences here means a printed page and a workbook never tell a county office
two different things.
"""

from __future__ import annotations

from desktop.reports.i18n import tr
from models.messages import QT_TRANSLATE_NOOP
from models.township.board import DUE, LATE, MISSING, NA, OK, STATE_LABELS, Board, VillageHead

_C = "compliance_report"
_BOARD = "compliance"  # the context of the board's own labels (models/township/board.py)

#: Legend order: what a reader looks for first.
STATES = (OK, LATE, MISSING, DUE, NA)
#: (fill, text colour) per state: Excel's good / neutral / bad, then greys.
COLOURS = {
    OK: ("C6EFCE", "006100"),
    LATE: ("FFEB9C", "9C5700"),
    MISSING: ("FFC7CE", "9C0006"),
    DUE: ("D9D9D9", "404040"),
    NA: ("F2F2F2", "808080"),
}
#: States that count in a rate: the obligation applied and was due.
APPLICABLE = (OK, LATE, MISSING)


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
    out = dict.fromkeys(STATES, 0)
    for v in board.villages:
        out[board.cell(v.code, obligation_key).state] += 1
    return out


def overall_rate(board: Board) -> float | None:
    """Share of all applicable cells of the board that are on time (None: none applicable)."""
    states = [board.cell(v.code, o.key).state for v in board.villages for o in board.obligations]
    applicable = [s for s in states if s in APPLICABLE]
    return sum(s == OK for s in applicable) / len(applicable) if applicable else None


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


def notes(board: Board) -> list[str]:
    """The explanations printed under the table (how rates are computed, where data comes from)."""
    lines = [
        tr(_C, QT_TRANSLATE_NOOP(_C, "按时率 = 按时的村 ÷ 应履行的村(按时、逾期完成、缺失);未到期和无数据的不计入。")),
        tr(_C, QT_TRANSLATE_NOOP(_C, "本表只依据各村报送的数据包计算;“无数据”表示尚未收到能说明情况的数据,不等于没有履行。")),
    ]
    basis = tr(_C, QT_TRANSLATE_NOOP(_C, "依据 · {obligation}:{basis}"))
    lines += [basis.format(obligation=label(o.label), basis=o.basis) for o in board.obligations if o.basis]
    return lines

