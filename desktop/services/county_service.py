"""County mode (县级): what the county reads from its townships' 县级汇总包.

Everything here is read from the county tables (`models.county.records`),
which `desktop.sync.county_import` fills, one township at a time, from the
signed aggregates. Nothing is recomputed from records: a cell is the state
the township's own board gave it (`models.township.board` states), so the
county, the township's screen and the township's report always agree.

The board across townships counts cells with one SQL GROUP BY over the
period (township × obligation × state), never a loop over objects: 20
townships × 30 villages × a year stay well under a second
(`tests/bench/bench_county.py`). Drilling down to a township builds the very
`Board` the township's own report is written from (`township_board`), so
`desktop.reports.compliance_xlsx` writes its sheet unchanged.

All text here came from a package: the screens show it as plain text.
Reading needs only Permission.VIEW (the caller's session is checked by the
pages; these functions only read).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop.services import compliance_service, setup_service
from desktop.sync import first_contact
from models.db import database
from models.entities import MODE_TOWNSHIP
from models.errors import NotFound
from models.messages import QT_TRANSLATE_NOOP, msg
from models.township import compliance as eng
from models.township.board import (
    DUE,
    LATE,
    MISSING,
    NA,
    NONE,
    OK,
    SILENT_DAYS,
    TOWNSHIP,
    Board,
    Cell,
    Obligation,
    VillageHead,
)

_C = "county"

__all__ = [
    "CountyBoard", "FilingRow", "FilingText", "StateCounts", "TownshipRow", "board", "default_period", "filing_text",
    "filings", "periods", "township", "township_board", "townships", "village_cells",
]


# --- townships ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TownshipRow:
    """An enrolled township as the county's 乡镇 list shows it.

    `confirmed` is True once its first 汇总包 was imported with the fingerprint
    a person typed after the phone call (its key is pinned); a township that
    was enrolled and has sent nothing yet is `status` "pending".
    """

    code: str
    name: str
    status: str  # pending / active / retired (the `peer` row)
    fingerprint: str  # full fingerprint of its pinned key ("" until its first 汇总包)
    spoken: str  # the 8 characters read out on the phone ("ABCD-EFGH", "" before)
    confirmed: bool
    enrolled_at: str  # UTC text
    last_number: int  # the 汇总包 its data comes from (0: none yet)
    last_created_at: str  # when the township wrote it (UTC text, "" none)
    imported_at: str  # when the county imported it (UTC text, "" none)
    data_as_of: str  # the newest village data in it (ISO date, "" none)
    villages: int
    filings: int
    package_format: int  # 1: board only (older township software), 2: with the 备案 register

    @property
    def retired(self) -> bool:
        """No longer accepted (its data stays readable)."""
        return self.status == "retired"


def townships() -> list[TownshipRow]:
    """Every township the county enrolled (and any whose data it still holds), by code."""
    rows = database.execute_sql(
        "SELECT p.code, p.name, p.status, p.fingerprint, p.enrolled_at, "
        "coalesce(t.package_number, 0), coalesce(t.package_created_at, ''), coalesce(t.imported_at, ''), "
        "coalesce(t.data_as_of, ''), coalesce(t.package_format, 0), "
        "(SELECT count(*) FROM county_village v WHERE v.township_code = p.code), "
        "(SELECT count(*) FROM county_filing f WHERE f.township_code = p.code) "
        "FROM peer p LEFT JOIN county_township t ON t.code = p.code WHERE p.kind = ? ORDER BY p.code",
        (MODE_TOWNSHIP,)).fetchall()
    return [TownshipRow(code, name, status, fp or "", first_contact.spoken(fp or ""), bool(fp) and status != "pending",
                        enrolled or "", number, created, imported, as_of, villages, filed, fmt)
            for code, name, status, fp, enrolled, number, created, imported, as_of, fmt, villages, filed in rows]


def township(code: str) -> TownshipRow:
    """One township of `townships()`.

    Raises:
        NotFound: the county has not enrolled it.
    """
    for row in townships():
        if row.code == code:
            return row
    raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "本县没有登记代码为 {code} 的乡镇。"), code=code))


# --- periods ------------------------------------------------------------------------------------

def _period_key(period: str) -> tuple[int, int]:
    """Newest first, each year after its quarters (as the township's chooser lists them)."""
    year = int(period[:4]) if period[:4].isdigit() else 0
    quarter = int(period[5]) if len(period) == 6 and period[4] == "Q" and period[5].isdigit() else 0
    return (-year, -quarter)


def periods() -> list[str]:
    """Periods any township's package has a board for, newest first ("2026Q3", …, "2026", …).

    With nothing imported yet: the default period and its year, so a chooser is never empty.
    """
    found = [p for (p,) in database.execute_sql("SELECT DISTINCT period FROM county_period").fetchall()]
    if not found:
        d = compliance_service.default_period()
        return [d, d[:4]]
    return sorted(found, key=_period_key)


def default_period() -> str:
    """The last ended quarter when a township sent it (the one a county checks now), else the newest period."""
    found = periods()
    wanted = compliance_service.default_period()
    return wanted if wanted in found else found[0]


def period_label(period: str) -> str:
    """The label of a period ("2026年第三季度"), as the townships' packages name it."""
    row = database.execute_sql("SELECT label FROM county_period WHERE period = ? LIMIT 1", (period,)).fetchone()
    if row:
        return row[0]
    return compliance_service.parse_period(period)[2]


# --- the board across townships -----------------------------------------------------------------

@dataclass(frozen=True)
class StateCounts:
    """How many villages of a township are in each state for one obligation (or in total)."""

    ok: int = 0
    late: int = 0
    due: int = 0
    missing: int = 0
    na: int = 0
    none: int = 0

    @property
    def total(self) -> int:
        """All cells counted."""
        return self.ok + self.late + self.due + self.missing + self.na + self.none

    @property
    def applicable(self) -> int:
        """Cells a rate is computed over (按时, 逾期, 缺失, 无数据)."""
        return self.ok + self.late + self.missing + self.na

    def rate(self, township_duty: bool = False) -> float | None:
        """Share on time, as the township's board computes it (`models.township.board.share`).

        无数据 counts as not on time; None when nothing is known. For a township duty
        (`township_duty`) only what the township did counts (`answered_share`).
        """
        known = self.ok + self.late + self.missing
        if not known:
            return None
        return self.ok / known if township_duty else self.ok / self.applicable

    def __add__(self, other: StateCounts) -> StateCounts:
        return StateCounts(self.ok + other.ok, self.late + other.late, self.due + other.due,
                           self.missing + other.missing, self.na + other.na, self.none + other.none)

    def get(self, state: str) -> int:
        """The count of one state (OK, LATE, … of `models.township.board`)."""
        return getattr(self, state) if state in _STATES else 0


_STATES = (OK, LATE, DUE, MISSING, NA, NONE)


@dataclass(frozen=True)
class TownshipHead:
    """A row of the county board: a township and how fresh its data is."""

    code: str
    name: str
    villages: int  # the township's villages as its 汇总包 lists them (the drill-down's rows)
    data_as_of: str  # its package's data date for this period ("" none)
    last_number: int
    retired: bool = False


@dataclass(frozen=True)
class CountyBoard:
    """Townships × obligations for one period: counts per state, rates as the townships compute them."""

    county_name: str
    county_code: str
    period: str
    period_label: str
    townships: tuple[TownshipHead, ...]
    obligations: tuple[Obligation, ...]
    counts: Mapping[tuple[str, str], StateCounts] = field(default_factory=dict)  # (township, obligation)
    #: the townships' own duty cells (上报事项答复), by (township, obligation)
    township_cells: Mapping[tuple[str, str], Cell] = field(default_factory=dict)

    @property
    def village_obligations(self) -> tuple[Obligation, ...]:
        """The villages' own obligations (the rates)."""
        return tuple(o for o in self.obligations if o.duty_of != TOWNSHIP)

    def count(self, township_code: str, obligation_key: str) -> StateCounts:
        """The counts of one cell of the county board (all zero when the township has none)."""
        return self.counts.get((township_code, obligation_key), StateCounts())

    def _is_township_duty(self, obligation_key: str) -> bool:
        return any(o.key == obligation_key and o.duty_of == TOWNSHIP for o in self.obligations)

    def rate(self, township_code: str, obligation_key: str) -> float | None:
        """Share of the township's villages on time for one obligation."""
        return self.count(township_code, obligation_key).rate(self._is_township_duty(obligation_key))

    def township_rate(self, township_code: str) -> float | None:
        """Share of all the township's villages' own cells on time (无数据 counting as not)."""
        total = StateCounts()
        for o in self.village_obligations:
            total = total + self.count(township_code, o.key)
        return total.rate()

    def obligation_rate(self, obligation_key: str) -> float | None:
        """Share of all the county's villages on time for one obligation."""
        total = StateCounts()
        for t in self.townships:
            total = total + self.count(t.code, obligation_key)
        return total.rate(self._is_township_duty(obligation_key))

    def overall_rate(self) -> float | None:
        """Share of every village's own cells on time across the county."""
        total = StateCounts()
        for t in self.townships:
            for o in self.village_obligations:
                total = total + self.count(t.code, o.key)
        return total.rate()

    @property
    def villages(self) -> int:
        """Villages on the board (all townships)."""
        return sum(t.villages for t in self.townships)

    @property
    def empty(self) -> bool:
        """No township has any cell for the period."""
        return not any(c.ok or c.late or c.missing for c in self.counts.values())


def board(period: str) -> CountyBoard:
    """The county board for `period`: one GROUP BY over the period's cells.

    Raises:
        ValidationError: the period cannot be read ("2026Q3", "2026").
    """
    period = (period or "").strip()
    compliance_service.parse_period(period)  # a clear refusal for "2026Q5"
    info = setup_service.current()
    grouped: dict[tuple[str, str], dict[str, int]] = {}
    for township_code, key, state, n in database.execute_sql(
            "SELECT township_code, obligation, state, count(*) FROM county_cell WHERE period = ? "
            "GROUP BY township_code, obligation, state", (period,)):
        grouped.setdefault((township_code, key), {})[state] = n
    counts = {k: StateCounts(**{s: v.get(s, 0) for s in _STATES}) for k, v in grouped.items()}
    with_cells = {township_code for township_code, _key in counts}
    # The villages the drill-down lists (its package's county_village rows, 无数据 where a village has no
    # cell of the period), so the two levels never disagree: one GROUP BY, not a query per township.
    villages = dict(database.execute_sql(
        "SELECT township_code, count(*) FROM county_village GROUP BY township_code").fetchall())
    as_of = dict(database.execute_sql(
        "SELECT township_code, data_as_of FROM county_period WHERE period = ?", (period,)).fetchall())
    heads = tuple(
        TownshipHead(code, name, villages.get(code, 0), as_of.get(code, ""), number, status == "retired")
        for code, name, number, status in database.execute_sql(
            "SELECT p.code, coalesce(t.name, p.name), coalesce(t.package_number, 0), p.status FROM peer p "
            "LEFT JOIN county_township t ON t.code = p.code WHERE p.kind = ? ORDER BY p.code",
            (MODE_TOWNSHIP,)).fetchall()
        if status != "retired" or code in with_cells)
    own = {(t, k): Cell(s, d, la, e) for t, k, s, d, la, e in database.execute_sql(
        "SELECT township_code, obligation, state, done, late, expected FROM county_township_cell WHERE period = ?",
        (period,)).fetchall()}
    return CountyBoard(info.name if info else "", info.code if info else "", period, period_label(period), heads,
                       eng.OBLIGATIONS, counts, own)


# --- drill-down: a township, a village ----------------------------------------------------------

def _silent_days(day: str, today: date) -> int | None:
    try:
        return max(0, (today - date.fromisoformat(day)).days) if day else None
    except ValueError:
        return None


def township_board(township_code: str, period: str, today: date | None = None) -> Board:
    """A township's board for `period` (village × obligation) as its 汇总包 brought it.

    The same `Board` the township's own screen and report read, so
    `desktop.reports.compliance_xlsx` writes it unchanged. No trend: the
    package carries each period's cells, not the township's records.

    Raises:
        NotFound: the county has not enrolled the township.
        ValidationError: the period cannot be read.
    """
    head = township(township_code)
    start, end, label = compliance_service.parse_period(period)
    today = today or date.today()
    label = period_label(period) or label
    villages = database.execute_sql(
        "SELECT code, name, province, data_as_of FROM county_village WHERE township_code = ? ORDER BY code",
        (township_code,)).fetchall()
    cells = {(v, k): Cell(s, d, la, e) for v, k, s, d, la, e in database.execute_sql(
        "SELECT village_code, obligation, state, done, late, expected FROM county_cell "
        "WHERE period = ? AND township_code = ?", (period, township_code)).fetchall()}
    own = {k: Cell(s, d, la, e) for k, s, d, la, e in database.execute_sql(
        "SELECT obligation, state, done, late, expected FROM county_township_cell "
        "WHERE period = ? AND township_code = ?", (period, township_code)).fetchall()}
    as_of = database.execute_sql("SELECT data_as_of FROM county_period WHERE township_code = ? AND period = ?",
                                 (township_code, period)).fetchone()
    heads = tuple(VillageHead(code, name, province, day, _silent_days(day, today))
                  for code, name, province, day in villages)
    return Board(head.name, head.code, period, label, start, end, as_of[0] if as_of else "", heads,
                 eng.OBLIGATIONS, cells, (), own, SILENT_DAYS)


@dataclass(frozen=True)
class VillageCell:
    """One obligation of a village in a period (the county's drill-down to a village)."""

    obligation: Obligation
    cell: Cell

    @property
    def state_label(self) -> str:
        """The state's Chinese label (untranslated source text)."""
        return eng.state_label(self.cell.state)


def village_cells(village_code: str, period: str) -> list[VillageCell]:
    """A village's cells for `period`, one per obligation in the board's order (无数据 when missing).

    Raises:
        NotFound: no township's package lists the village.
    """
    if database.execute_sql("SELECT 1 FROM county_village WHERE code = ?", (village_code,)).fetchone() is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(_C, "各乡镇的汇总包中没有代码为 {code} 的村。"), code=village_code))
    found = {k: Cell(s, d, la, e) for k, s, d, la, e in database.execute_sql(
        "SELECT obligation, state, done, late, expected FROM county_cell WHERE period = ? AND village_code = ?",
        (period, village_code)).fetchall()}
    return [VillageCell(o, found.get(o.key, Cell(NA))) for o in eng.OBLIGATIONS]


# --- the 备案 register --------------------------------------------------------------------------

@dataclass(frozen=True)
class FilingRow:
    """A line of the county's 备案 register: a village's rule in force its township filed."""

    id: int
    township_code: str
    township_name: str
    village_code: str
    village_name: str
    title: str
    version_no: int
    adopted_on: str
    filed_on: str
    receipt_no: str  # 备案号
    receipt_date: str
    correction: str  # 责令改正 ("" none)
    articles: int


@dataclass(frozen=True)
class Article:
    """One article (条) of a filed text."""

    position: int
    chapter: str
    label: str
    text: str


@dataclass(frozen=True)
class FilingText:
    """A filed rule with its articles (plain text, as the township filed it)."""

    row: FilingRow
    articles: tuple[Article, ...]


_FILING_SQL = (
    "SELECT f.id, f.township_code, coalesce(t.name, f.township_code), f.village_code, "
    "coalesce(v.name, f.village_code), f.title, f.version_no, f.adopted_on, f.filed_on, f.receipt_no, "
    "f.receipt_date, f.correction, f.articles FROM county_filing f "
    "LEFT JOIN county_township t ON t.code = f.township_code LEFT JOIN county_village v ON v.code = f.village_code")


def filings(township_code: str | None = None, village_code: str | None = None, text: str = "") -> list[FilingRow]:
    """The 备案 register, newest receipt first; filtered by township, village and a text.

    `text` matches the rule's title, the village's name or code, the 备案号, or any article's text
    (instr: exact substring, any length, Chinese included).
    """
    where, args = [], []
    if township_code:
        where.append("f.township_code = ?")
        args.append(township_code)
    if village_code:
        where.append("f.village_code = ?")
        args.append(village_code)
    text = (text or "").strip()
    if text:
        where.append("(instr(f.title, ?) > 0 OR instr(coalesce(v.name, ''), ?) > 0 OR instr(f.village_code, ?) > 0 "
                     "OR instr(f.receipt_no, ?) > 0 OR EXISTS (SELECT 1 FROM county_article a "
                     "WHERE a.filing_id = f.id AND instr(a.text, ?) > 0))")
        args += [text] * 5
    sql = _FILING_SQL + (" WHERE " + " AND ".join(where) if where else "") + \
        " ORDER BY f.receipt_date DESC, f.village_code"  # one day: by village code (receipt numbers are text)
    return [FilingRow(*r) for r in database.execute_sql(sql, args).fetchall()]


def filing_text(filing_id: int) -> FilingText:
    """A filed rule and its articles in order.

    Raises:
        NotFound: no such line (a newer package of its township replaced the register).
    """
    row = database.execute_sql(_FILING_SQL + " WHERE f.id = ?", (filing_id,)).fetchone()
    if row is None:
        raise NotFound(msg(_C, QT_TRANSLATE_NOOP(
            _C, "找不到这条备案记录:乡镇的新汇总包已经更新了备案登记,请刷新。")))
    articles = tuple(Article(*a) for a in database.execute_sql(
        "SELECT position, chapter, label, text FROM county_article WHERE filing_id = ? ORDER BY position",
        (filing_id,)).fetchall())
    return FilingText(FilingRow(*row), articles)
