"""Importing a village's 花名册 into the register: a preview first, then one transaction.

`preview(path, sheet)` reads the file (nothing is written) and says what each
column was taken as, which people would be added, which rows were skipped
and why, and which people are likely already there (same name, birth year
and group, in the register or earlier in the file): those are held until a
person ticks them. `apply(session, preview, include_duplicates)` then adds
the people, their 村民小组 and 户 in one transaction: all of it, or nothing.

The 公民身份号码 gives the birth date and sex and is then forgotten: it is
in no record, no audit row, no log line and no read model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.services import record_store, roster_files, village_figures
from desktop.services.session import Session
from models.db import database, optimize
from models.entities import Household, Kinship, Person, VillageGroup
from models.errors import Cancelled, ValidationError
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import Permission
from models.roster.groups import group_order
from models.roster.headers import find_header
from models.roster.households import kinship_of
from models.roster.reader import (
    HEADER_SEARCH_ROWS,
    Column,
    RosterPerson,
    RosterRead,
    SkippedRow,
    duplicate_key,
    no_name_column,
    read_rows,
)

_C = "roster_import"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RosterLine:
    """A person as the preview shows them (no 身份证号: it was read for birth and sex only)."""

    row: int
    name: str
    gender: str
    birth: str  # "1968.03", "1968" or ""
    group: str
    household: str  # 户号, or the 户主's name
    relation: str
    phone: str
    warnings: tuple[Message, ...] = ()
    duplicate_of: Message | None = None  # why it is held (a likely duplicate), None to be added


@dataclass(frozen=True)
class RosterPreview:
    """What importing the file would do. `lines` are every person read, duplicates included."""

    path: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int
    columns: tuple[Column, ...]
    lines: tuple[RosterLine, ...]
    skipped: tuple[SkippedRow, ...]
    new_groups: tuple[str, ...]
    households: int
    _read: RosterRead = field(repr=False, compare=False)

    @property
    def to_add(self) -> tuple[RosterLine, ...]:
        """The people added when no duplicate is ticked."""
        return tuple(line for line in self.lines if line.duplicate_of is None)

    @property
    def duplicates(self) -> tuple[RosterLine, ...]:
        """The likely duplicates, held for a person to decide."""
        return tuple(line for line in self.lines if line.duplicate_of is not None)


@dataclass(frozen=True)
class RosterResult:
    """What `apply` wrote."""

    added: int
    households: int
    groups: tuple[str, ...]
    held: tuple[RosterLine, ...]  # likely duplicates left out
    skipped: tuple[SkippedRow, ...]
    kinship: int = 0  # links to the 户主 declared from 与户主关系 (配偶, 子女, 父母…)


def _no_progress(done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


def preview(path: Path, sheet: str | None = None, *, progress: Progress = _no_progress,
            cancelled: Callable[[], bool] = _never, today: date | None = None) -> RosterPreview:
    """Read `path` (sheet `sheet`, or the first with a 姓名 header) and say what importing it would do.

    Raises:
        ValidationError: not a spreadsheet, an old .xls, empty, unreadable, no 姓名 column, too many rows.
        Cancelled: `cancelled()` turned true while reading.
    """
    path = Path(path)
    today = today or date.today()
    sheets = tuple(roster_files.sheet_names(path))
    if sheet is None and len(sheets) > 1:
        sheet = _first_roster_sheet(path, sheets)
    with roster_files.open_rows(path, sheet) as (title, rows, estimate):
        read = read_rows(_counted(rows, estimate, progress, cancelled), today, title, _known_groups())
    if not read.people and not read.skipped:
        raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "“{sheet}”在表头下面没有任何一行。"), sheet=title))
    return _preview_of(path, sheets, read)


def _first_roster_sheet(path: Path, sheets: Iterable[str]) -> str | None:
    """The first sheet whose first rows hold a 姓名 header (a workbook may open on a 说明 sheet)."""
    for name in sheets:
        with roster_files.open_rows(path, name) as (_title, rows, _estimate):
            top = [row for _, row in zip(range(HEADER_SEARCH_ROWS), rows, strict=False)]
        if find_header(top) is not None:
            return name
    raise no_name_column()


def _counted(rows, estimate: int, progress: Progress, cancelled: Callable[[], bool]):
    for i, row in enumerate(rows, start=1):
        if i % 500 == 0:
            if cancelled():
                raise Cancelled()
            progress(i, max(estimate, i))
        yield row


def _birth_text(p: RosterPerson) -> str:
    if p.birth_year is None:
        return ""
    return f"{p.birth_year}.{p.birth_month:02d}" if p.birth_month else str(p.birth_year)


def _known_groups() -> list[str]:
    """The group names the register already uses (its 村民小组 first, then its people's), to keep their spelling."""
    cursor = database.execute_sql(
        "SELECT name FROM village_group WHERE deleted = 0 ORDER BY position, name")
    names = [name for (name,) in cursor]
    cursor = database.execute_sql("SELECT DISTINCT village_group FROM person WHERE deleted = 0 AND village_group != ''")
    return names + [name for (name,) in cursor]


def _in_register() -> set[tuple[str, int | None, str]]:
    cursor = database.execute_sql("SELECT name, birth_year, village_group FROM person WHERE deleted = 0")
    return {duplicate_key(name, year, group) for name, year, group in cursor}


def _held(read: RosterRead, known: set) -> dict[int, Message]:
    """Row -> why it is held: a match in the register, or an earlier row of the file."""
    reason = msg(_C, QT_TRANSLATE_NOOP(_C, "名册里已有同名、同出生年、同组的人"))
    held = {}
    for p in read.people:
        if duplicate_key(p.name, p.birth_year, p.group) in known:
            held[p.row] = reason
        elif p.duplicate_of is not None:
            held[p.row] = p.duplicate_of
    return held


def _preview_of(path: Path, sheets: tuple[str, ...], read: RosterRead) -> RosterPreview:
    held = _held(read, _in_register())
    groups = {p.group for p in read.people if p.group}
    existing = {name for (name,) in database.execute_sql("SELECT name FROM village_group WHERE deleted = 0")}
    lines = tuple(
        RosterLine(p.row, p.name, p.gender, _birth_text(p), p.group, p.household_no or p.head_name, p.relation,
                   p.phone, tuple(p.warnings), held.get(p.row))
        for p in read.people)
    return RosterPreview(str(path), read.sheet, sheets, read.header_row, tuple(read.columns), lines,
                         tuple(read.skipped), tuple(sorted(groups - existing, key=group_order)), len(read.households), read)


def summary_lines(preview: RosterPreview) -> list[str]:
    """The preview in a few lines of plain Chinese (the command line shows them before asking)."""
    taken = "、".join(f"第 {c.index + 1} 列“{c.title}”→{c.label}" for c in preview.columns if c.field)
    lines = [f"工作表“{preview.sheet}”,表头在第 {preview.header_row} 行。", f"各列:{taken}。",
             f"将导入 {len(preview.to_add)} 人,{preview.households} 户"
             + (f",新建村民小组 {'、'.join(preview.new_groups)}" if preview.new_groups else "") + "。"]
    lines += [f"可能重复(不导入):第 {d.row} 行 {d.name} {d.birth} {d.group}:{d.duplicate_of}"
              for d in preview.duplicates]
    lines += [f"跳过第 {s.row} 行:{s.reason}" for s in preview.skipped]
    lines += [f"第 {line.row} 行 {line.name}:{w}" for line in preview.lines for w in line.warnings]
    return lines


def apply(session: Session, preview: RosterPreview, include_duplicates: Iterable[int] = (), *,
          progress: Progress = _no_progress, cancelled: Callable[[], bool] = _never) -> RosterResult:
    """Add the preview's people (and the duplicates whose rows are in `include_duplicates`) in one transaction.

    Creates the 村民小组 and 户 they name that are not there yet; a 户 with the
    same 户号 in the same group is joined, not made twice. A failure (or a
    cancel) anywhere leaves the register as it was.
    """
    session.require(Permission.EDIT_REGISTER)
    read = preview._read
    include = set(include_duplicates)
    with database.atomic():
        held = _held(read, _in_register())  # read again: the register may have changed since the preview
        taken = [i for i, p in enumerate(read.people) if p.row not in held or p.row in include]
        if not taken:
            raise ValidationError(msg(_C, QT_TRANSLATE_NOOP(
                _C, "没有要导入的人:每一行都被跳过,或是可能重复、没有勾选“仍然添加”。")))
        groups = _create_groups(session, {read.people[i].group for i in taken if read.people[i].group})
        taken_set = set(taken)
        household_of = _create_households(session, read, taken_set)
        def each(n: int) -> None:
            if n % 200 == 0:
                if cancelled():
                    raise Cancelled()
                progress(n, len(taken))

        ids = record_store.create_many(session, Person, (_person_values(read.people[i], household_of.get(i))
                                                         for i in taken), each)
        kin = _create_kinship(session, read, dict(zip(taken, ids, strict=True)))
        village_figures.follow_register(session)  # a village that follows its register counts the new people
        households = len(set(household_of.values()))
    optimize()  # thousands of people at once: the planner's statistics follow
    lines = {line.row: line for line in preview.lines}
    held_lines = tuple(lines[p.row] for p in read.people if p.row in held and p.row not in include)
    return RosterResult(len(taken), households, tuple(groups), held_lines, preview.skipped, kin)


def _person_values(p: RosterPerson, household_id: str | None) -> dict:
    return {"name": p.name, "gender": p.gender, "birth_year": p.birth_year, "birth_month": p.birth_month,
            "village_group": p.group, "household": (p.household_no or p.head_name)[:32], "phone": p.phone,
            "note": p.note, "household_entry": household_id, "household_relation": p.relation,
            "ethnicity": p.ethnicity, "education": p.education, "political_status": p.political_status}


def _create_kinship(session: Session, read: RosterRead, person_ids: dict[int, str]) -> int:
    """Declare each member's link to the 户主 from 与户主关系 (长子 → 子女 of the 户主), for the 近亲属 checks."""
    rows = []
    for plan in read.households:
        head = person_ids.get(plan.head) if plan.head is not None else None
        if head is None:
            continue
        for i in plan.members:
            code = kinship_of(read.people[i].relation) if i != plan.head else None
            if code is not None and i in person_ids:
                rows.append({"person": person_ids[i], "relative": head, "relation": code})
    record_store.create_many(session, Kinship, rows)
    return len(rows)


def _create_groups(session: Session, names: set[str]) -> list[str]:
    existing = {g.name for g in VillageGroup.live()}
    position = max((g.position for g in VillageGroup.live()), default=0)
    created = []
    for name in sorted(names - existing, key=group_order):
        position += 1
        record_store.create(session, VillageGroup, name=name, position=position)
        created.append(name)
    return created


def _create_households(session: Session, read: RosterRead, taken: set[int]) -> dict[int, str]:
    """Person index -> household id, for the households of the people being added.

    A household with a 户号 already in the register (same group) is joined;
    the others are created, all in one go.
    """
    existing = {(h.village_group, h.number): h.id for h in Household.live().where(Household.number != "")}
    joined: list[tuple[list[int], str]] = []
    new: dict[tuple[str, str], tuple[list[int], dict]] = {}
    for plan in read.households:
        members = [i for i in plan.members if i in taken]
        if not members:
            continue
        found = existing.get((plan.group, plan.number)) if plan.number else None
        if found is not None:
            joined.append((members, found))
        elif plan.number and (plan.group, plan.number) in new:
            new[(plan.group, plan.number)][0].extend(members)
        else:
            key = (plan.group, plan.number) if plan.number else (plan.group, f"#{len(new)}")
            new[key] = (members, {"number": plan.number[:32], "village_group": plan.group, "address": plan.address})
    ids = record_store.create_many(session, Household, [values for _, values in new.values()])
    out = {}
    for (members, _), household_id in zip(new.values(), ids, strict=True):
        joined.append((members, household_id))
    for members, household_id in joined:
        for i in members:
            out[i] = household_id
    return out
