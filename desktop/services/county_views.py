"""Small reads the county's screens need on top of `county_service` (no Qt).

`county_service.township_board` gives the cells' states and counts as the
township's 汇总包 brought them, without the short words the township's grid
shows in each cell ("3/4", "已备案", "2件待答"); those words are derived here
from the state and the counts by the township board's own rules
(`models.township.compliance.aggregate`), so the county's drill-down reads
exactly like the township's screen. `home_facts` gathers what the county's
首页 says is waiting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from desktop.services import compliance_service, county_service
from models.messages import QT_TRANSLATE_NOOP, msg
from models.township import compliance as eng
from models.township.board import NA, NONE, OK, SILENT_DAYS, Board, Cell

_C = "compliance"  # the words are the township board's own (translated in its context)


def period_choices() -> list[tuple[str, str]]:
    """(code, label) of every period a township's package has a board for, newest first."""
    return [(code, county_service.period_label(code)) for code in county_service.periods()]


def default_period(today: date | None = None) -> str:
    """The last ended quarter when a package covers it, else the newest quarter any package has."""
    wanted = compliance_service.default_period(today)
    codes = county_service.periods()
    if wanted in codes:
        return wanted
    older = [c for c in codes if "Q" in c and c <= wanted]
    return older[0] if older else next((c for c in codes if "Q" in c), wanted)


def cell_note(key: str, cell: Cell) -> str:
    """The short words of a board cell, from its state and counts (as `compliance.aggregate` writes them)."""
    if cell.state == NONE or (cell.state == NA and cell.done == 0):
        return "—"
    if key == eng.RULES_IN_FORCE:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "已生效"))) if cell.state == OK else \
            str(msg(_C, QT_TRANSLATE_NOOP(_C, "无生效")))
    if key == eng.RULES_FILED:
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "已备案"))) if cell.state == OK else \
            str(msg(_C, QT_TRANSLATE_NOOP(_C, "未备案")))
    if key == eng.ESCALATIONS:
        waiting = max(0, cell.expected - cell.done)
        if not cell.expected:
            return str(msg(_C, QT_TRANSLATE_NOOP(_C, "无待答复")))
        if waiting:
            return str(msg(_C, QT_TRANSLATE_NOOP(_C, "{n}件待答"), n=waiting))
        return str(msg(_C, QT_TRANSLATE_NOOP(_C, "{n}件已答"), n=cell.done))
    return f"{cell.done}/{cell.expected}"


def _noted(key: str, cell: Cell) -> Cell:
    return cell if cell.note else replace(cell, note=cell_note(key, cell))


def township_board(township_code: str, period: str, today: date | None = None) -> Board:
    """`county_service.township_board` with each cell's short words filled in.

    Raises:
        NotFound: the county has not enrolled the township.
        ValidationError: the period cannot be read.
    """
    board = county_service.township_board(township_code, period, today)
    return replace(
        board,
        cells={(v, k): _noted(k, c) for (v, k), c in board.cells.items()},
        township_cells={k: _noted(k, c) for k, c in board.township_cells.items()})


@dataclass(frozen=True)
class HomeFacts:
    """What the county's 首页 says is waiting."""

    townships: int  # enrolled and not retired
    waiting_first: tuple[str, ...]  # names: enrolled, no 汇总包 yet (its fingerprint still to be checked)
    silent: tuple[tuple[str, int], ...]  # (name, days) whose last 汇总包 came more than a period ago
    last_import: county_service.TownshipRow | None  # the township whose package was imported last
    period_label: str  # the last ended quarter, for the rate
    rate: float | None  # the county's on-time share in it (None: nothing known)


def _days_since(utc_text: str, today: date) -> int | None:
    try:
        return max(0, (today - date.fromisoformat(utc_text[:10])).days) if utc_text else None
    except ValueError:
        return None


def home_facts(today: date | None = None) -> HomeFacts:
    """The figures of the county's 首页: townships waiting for a first package, silent ones, the last import."""
    today = today or date.today()
    rows = [r for r in county_service.townships() if not r.retired]
    waiting = tuple(r.name for r in rows if not r.last_number)
    silent = []
    for r in rows:
        days = _days_since(r.imported_at, today)
        if r.last_number and days is not None and days > SILENT_DAYS:
            silent.append((r.name, days))
    imported = [r for r in rows if r.imported_at]
    last = max(imported, key=lambda r: r.imported_at) if imported else None
    period = default_period(today)
    board = county_service.board(period)
    return HomeFacts(len(rows), waiting, tuple(sorted(silent, key=lambda x: -x[1])), last,
                     board.period_label, board.overall_rate())


def filing_lines(filed: county_service.FilingText) -> list[str]:
    """A filed rule as plain lines: its heading, the facts of its 备案, then chapters and articles in order."""
    row = filed.row
    lines = [row.title, "",
             str(msg("county", QT_TRANSLATE_NOOP("county", "{village}(代码 {code}),{township}"),
                     village=row.village_name, code=row.village_code, township=row.township_name)),
             str(msg("county", QT_TRANSLATE_NOOP("county", "第 {n} 版,{adopted} 表决通过,{filed} 报备"),
                     n=row.version_no, adopted=row.adopted_on or "—", filed=row.filed_on or "—"))]
    if row.receipt_no:
        lines.append(str(msg("county", QT_TRANSLATE_NOOP("county", "备案号 {no},回执日期 {day}"),
                             no=row.receipt_no, day=row.receipt_date or "—")))
    if row.correction:
        lines.append(str(msg("county", QT_TRANSLATE_NOOP("county", "责令改正:{text}"), text=row.correction)))
    chapter = None
    for article in filed.articles:
        if article.chapter and article.chapter != chapter:
            chapter = article.chapter
            lines += ["", chapter]
        lines.append(f"{article.label} {article.text}".strip() if article.label else article.text)
    return lines
