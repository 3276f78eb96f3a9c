"""A village with 100,000 people and 100,000 meetings, built with set-based inserts (issue 20's list bench).

Why: the lists that page from SQL (人员名册, 会议与表决) are measured at a size no
demo reaches. Building such a village through the services takes hours;
here each table is one `INSERT … SELECT` over a recursive counter, so the
whole village is written in seconds into a real, migrated database.

The data are plain but shaped like a village's: people in 村民小组 一组…十二组
with 户号 and 户主, every tenth a 村民代表; meetings of every type over
thirty years (titles with Chinese numerals, drafts and approved minutes,
some corrected), each roster meeting with a short attendance list and
every other meeting with a resolution. Not for the unit suite (seconds,
not milliseconds); the bench builds it once into `BENCH_DATA`
(`village_file`) and copies it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from models.meetings import types as mt

OWNER = "330106001001"
PEOPLE = 100_000
MEETINGS = 100_000
#: Where the bench keeps the built village (shared between runs; copied before anything writes to it):
#: `CUNWU_BENCH_DATA`, else /work/bench-data where it exists, else a folder in the temporary directory.
BENCH_DATA = Path(os.environ.get("CUNWU_BENCH_DATA") or (
    "/work/bench-data" if Path("/work/bench-data").is_dir() else Path(tempfile.gettempdir()) / "cunwu-bench-data"))
FILE_NAME = "village-100k-people-100k-meetings.sqlite3"

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "建国华明丽芳军伟秀英敏静强磊洋艳勇杰娟涛超霞平刚桂兰玉梅红云海燕林"
_NUMERALS = "一二三四五六七八九十"


def _counter(count: int) -> str:
    """A recursive CTE `n(i)` of 0 .. count-1 (SQLite's set-based loop)."""
    return f"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})"


def _pick(alphabet: str, expression: str) -> str:
    """SQL for one character of `alphabet` chosen by `expression` (an integer)."""
    return f"substr('{alphabet}', ({expression}) % {len(alphabet)} + 1, 1)"


def _group_name(expression: str) -> str:
    """SQL for 一组 … 十二组 chosen by `expression` % 12."""
    names = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组", "九组", "十组", "十一组", "十二组"]
    whens = " ".join(f"WHEN {n} THEN '{name}'" for n, name in enumerate(names))
    return f"CASE ({expression}) % 12 {whens} END"


def insert_people(connection, count: int = PEOPLE, owner: str = OWNER) -> None:
    """`count` people in twelve groups of households of four (户主 first), every tenth a 村民代表."""
    stamp = "2026-01-01T00:00:00Z"
    with connection:
        for number, name in enumerate(["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组", "九组",
                                       "十组", "十一组", "十二组"]):
            connection.execute(
                "INSERT OR IGNORE INTO village_group (id, owner, seq, updated_at, deleted, name, position, note)"
                " VALUES (?, ?, 1, ?, 0, ?, ?, '')", (f"g-{number:04d}", owner, stamp, name, number))
        connection.execute(
            f"""{_counter(count)}
            INSERT INTO person (id, owner, seq, updated_at, deleted, name, gender, village_group, household,
                                household_relation, phone, note, birth_year, birth_month, left_on, left_kind,
                                left_reason, ethnicity, education, political_status)
            SELECT printf('p-%08d', i), ?, 1, ?, 0,
                   {_pick(_SURNAMES, 'i * 7919')} || {_pick(_GIVEN, 'i * 31 + i / 7')}
                       || CASE WHEN i % 3 = 0 THEN '' ELSE {_pick(_GIVEN, 'i * 17 + 3')} END,
                   CASE i % 2 WHEN 0 THEN '男' ELSE '女' END,
                   CASE WHEN i % 97 = 0 THEN '' ELSE {_group_name('i / 4')} END,
                   CAST(i / 4 / 12 + 1 AS TEXT),
                   CASE i % 4 WHEN 0 THEN '户主' WHEN 1 THEN '配偶' ELSE '子女' END,
                   CASE WHEN i % 5 = 0 THEN '' ELSE printf('138%08d', i) END, '',
                   CASE WHEN i % 11 = 0 THEN NULL ELSE 1930 + i % 90 END,
                   CASE WHEN i % 13 = 0 THEN NULL ELSE i % 12 + 1 END,
                   CASE WHEN i % 50 = 1 THEN printf('20%02d-0%d-1%d', 10 + i % 15, i % 9 + 1, i % 10) ELSE '' END,
                   CASE WHEN i % 50 = 1 THEN CASE i % 3 WHEN 0 THEN 'moved_out' WHEN 1 THEN 'died' ELSE 'other' END
                        ELSE '' END,
                   '', CASE i % 4 WHEN 0 THEN '汉族' WHEN 1 THEN '' ELSE '汉族' END,
                   CASE i % 5 WHEN 0 THEN '' WHEN 1 THEN '初中' WHEN 2 THEN '高中' WHEN 3 THEN '小学'
                        ELSE '大学本科' END,
                   CASE i % 6 WHEN 0 THEN '中共党员' WHEN 1 THEN '' ELSE '群众' END
            FROM n""", (owner, stamp))
        connection.execute(
            f"""{_counter(count // 10)}
            INSERT INTO person_role (id, owner, seq, updated_at, deleted, person_id, role, start_date, end_date)
            SELECT printf('r-%08d', i), ?, 1, ?, 0, printf('p-%08d', i * 10),
                   CASE WHEN i % 5 = 0 THEN 'party_member' ELSE 'representative' END, '2024-01-01', ''
            FROM n""", (owner, stamp))


def insert_meetings(connection, count: int = MEETINGS, owner: str = OWNER, people: int = PEOPLE) -> None:
    """`count` meetings of every type over thirty years; roster meetings with four on the list, half with a vote.

    Every 50th meeting is corrected by the next one (its 更正); one in four is a
    draft; a roster-less meeting carries typed 应到/实到 (one in 9 with 实到 not entered).
    """
    stamp = "2026-01-01T00:00:00Z"
    codes = list(mt.TYPES)
    roster_codes = [code for code in codes if mt.TYPES[code].roster]
    type_case = "CASE i % {n} {whens} END".format(
        n=len(codes), whens=" ".join(f"WHEN {k} THEN '{code}'" for k, code in enumerate(codes)))
    roster_list = ", ".join(f"'{code}'" for code in roster_codes)
    with connection:
        connection.execute(
            f"""{_counter(count)}
            INSERT INTO meeting (id, owner, seq, updated_at, deleted, type_code, title, held_on, start_time, place,
                                 convened_by, host, recorder, notice_date, expected_count, present_count, status,
                                 approved_at, approved_by, corrects_id, quorum_met, note)
            SELECT printf('m-%08d', i), ?, 1, ?, 0, {type_case},
                   CASE i % 4 WHEN 0 THEN '第' || {_pick(_NUMERALS, 'i / 4')} || '次' || '村务会议'
                        WHEN 1 THEN '关于' || {_pick(_SURNAMES, 'i * 13')} || '家宅基地的会议'
                        WHEN 2 THEN '' ELSE printf('%d 号议题', i % 120) END,
                   date('1997-01-01', '+' || ((i * 7) % 10900) || ' days'),
                   printf('%02d:%02d', 8 + i % 10, (i % 4) * 15), '村委会', '', '', '', '',
                   CASE WHEN i % 9 = 0 THEN NULL ELSE 30 + i % 20 END,
                   CASE WHEN i % 9 = 0 OR i % 9 = 4 THEN NULL ELSE 20 + i % 25 END,
                   CASE WHEN i % 4 = 3 THEN 'draft' ELSE 'approved' END, '', '',
                   CASE WHEN i % 50 = 1 THEN printf('m-%08d', i - 1) ELSE NULL END,
                   CASE WHEN i % 4 = 3 THEN NULL ELSE (i % 3 != 0) END, ''
            FROM n""", (owner, stamp))
        connection.execute(
            f"""{_counter(4)}, m AS (SELECT id, CAST(substr(id, 3) AS INTEGER) AS k FROM meeting
                                     WHERE type_code IN ({roster_list}))
            INSERT INTO meeting_attendance (id, owner, seq, updated_at, deleted, meeting_id, person_id, status,
                                            is_representative)
            SELECT printf('a-%08d-%d', m.k, n.i), ?, 1, ?, 0, m.id, printf('p-%08d', (m.k * 4 + n.i) % {people}),
                   CASE WHEN (m.k + n.i) % 5 = 0 THEN 'absent' WHEN (m.k + n.i) % 11 = 0 THEN 'observer'
                        ELSE 'present' END, 1
            FROM m, n""", (owner, stamp))
        connection.execute(
            f"""{_counter(count // 2)}
            INSERT INTO resolution (id, owner, seq, updated_at, deleted, meeting_id, position, text, matter,
                                    yes, no, abstain, passed)
            SELECT printf('s-%08d', i), ?, 1, ?, 0, printf('m-%08d', i * 2), 0, '同意', '', 3, 1, 0,
                   CASE WHEN i % 7 = 0 THEN 0 ELSE 1 END
            FROM n""", (owner, stamp))


def build(path: Path, people: int = PEOPLE, meetings: int = MEETINGS) -> Path:
    """A migrated village database at `path` holding `people` people and `meetings` meetings."""
    import sqlite3

    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.storage import open_store
    from models.db import close_database

    paths = AppPaths(path.parent / (path.name + ".building"))
    if paths.data_dir.exists():
        shutil.rmtree(paths.data_dir)
    open_store(paths, backup_before_migration=False)
    try:
        setup_service.initialize("village", "青山村", OWNER, "zhejiang")
    finally:
        close_database()
    connection = sqlite3.connect(paths.database)
    try:
        insert_people(connection, people)
        insert_meetings(connection, meetings, people=people)
        connection.execute("ANALYZE")  # as `PRAGMA optimize` leaves a used database
    finally:
        connection.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(paths.database), str(path))
    shutil.rmtree(paths.data_dir, ignore_errors=True)
    return path


def village_file(people: int = PEOPLE, meetings: int = MEETINGS) -> Path:
    """The shared built village (built on first use), to be copied before it is opened.

    Built once and kept: after a change to the builders here, delete the file so it is built again.
    """
    name = FILE_NAME if (people, meetings) == (PEOPLE, MEETINGS) else f"village-{people}p-{meetings}m.sqlite3"
    path = BENCH_DATA / name
    if not path.exists():
        build(path, people, meetings)
    return path


def open_copy(source: Path, data_dir: Path):
    """Copy the built village into `data_dir` and open it as the app does; returns its `AppPaths`."""
    from desktop.paths import AppPaths
    from desktop.storage import open_store

    paths = AppPaths(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, paths.database)
    open_store(paths, backup_before_migration=False)
    return paths
