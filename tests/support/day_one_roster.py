"""A 400-person 花名册 as a village office keeps it, for the day-one walk (tests/gui/test_day_one.py).

Laid out like the 村民小组 rosters printed for 换届选举: a merged title row, a
填报单位 line, the header 序号 组别 户号 姓名 与户主关系 性别 出生年月 身份证号码
联系电话 备注, 组别 and 户号 merged over the rows they cover, 出生年月 in the
forms offices type ("1968.03", "1968年3月", a date cell, or blank with only the
身份证号 giving it), and a 合计 row at the end. Seeded: the same file every run.

The people the walk appoints have fixed names and each heads a one-person
household of their own, so no kinship read from 与户主关系 ties a 监委会
member to a 村委会 member (组织法 第三十二条 would then bar them).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.corpus.rosters.generate import CN_GROUPS, Person, id_number

TOTAL = 400


@dataclass(frozen=True)
class Named:
    """A person the walk looks for by name: (name, sex, birth, group)."""

    name: str
    gender: str
    birth: date
    group: str


# 村委会 (a woman among them), the secretary, the 监委会 and the village's 村民代表.
CHAIR = Named("王建国", "男", date(1970, 5, 12), "一组")
VICE = Named("李秀英", "女", date(1978, 8, 3), "二组")
MEMBER = Named("张卫东", "男", date(1982, 1, 20), "三组")
SECRETARY = Named("周晓梅", "女", date(1988, 11, 9), "一组")
SUPERVISORS = (Named("赵志刚", "男", date(1965, 3, 2), "四组"),
               Named("孙桂兰", "女", date(1972, 6, 18), "五组"),
               Named("马德福", "男", date(1960, 9, 27), "六组"))
# 浙江: at least 30 村民代表 for the village (its 实施办法 第十八条); made-up names, none in the rest.
_REP_NAMES = ("钱永春", "吴海燕", "郑德胜", "冯玉珍", "陈国梁", "褚红梅", "卫振华", "蒋丽娟", "沈长林", "韩月娥",
              "杨宝山", "朱凤英", "秦守仁", "尤翠兰", "许振江", "何素琴", "吕方舟", "施雅琴", "孔祥瑞", "曹巧云",
              "严立新", "华秋菊", "金耀祖", "魏彩霞", "陶启明", "姜慧芬", "戚文斌", "谢银凤", "邹家旺", "喻冬梅")
REPRESENTATIVES = tuple(
    Named(name, "女" if i % 2 else "男", date(1958 + i, 1 + i % 12, 10), CN_GROUPS[i % 6])
    for i, name in enumerate(_REP_NAMES))
NAMED = (CHAIR, VICE, MEMBER, SECRETARY, *SUPERVISORS, *REPRESENTATIVES)
_NAMES = {p.name for p in NAMED}


def _birth_cell(birth: date, n: int):
    """出生年月 the way different hands typed it."""
    form = n % 4
    if form == 0:
        return f"{birth.year}.{birth.month:02d}"
    if form == 1:
        return f"{birth.year}年{birth.month}月"
    if form == 2:
        return datetime(birth.year, birth.month, birth.day)
    return None  # blank: only the 身份证号码 gives it


#: 与户主关系 by sex, with the years between the member's birth and the 户主's.
_KIN = {"配偶": (None, (-4, 4)), "长子": ("男", (22, 32)), "次子": ("男", (25, 36)), "长女": ("女", (22, 32)),
        "次女": ("女", (25, 36)), "儿媳": ("女", (20, 34)), "孙子": ("男", (45, 60)), "孙女": ("女", (45, 60)),
        "父亲": ("男", (-32, -22)), "母亲": ("女", (-30, -20))}


def _household(rng: random.Random, taken: set, group: str, size: int) -> list[tuple[str, str, date, str]]:
    """A 户主 aged 30–80 and `size - 1` members whose sex and age fit their 与户主关系."""
    head = Person(rng, taken, group, year_range=(1946, 1996))
    while head.name in _NAMES:
        head = Person(rng, taken, group, year_range=(1946, 1996))
    members = [(head.name, head.gender, head.birth, "户主")]
    spouse_taken = False
    for _ in range(size - 1):
        relation = rng.choice([r for r in _KIN if r != "配偶" or not spouse_taken])
        spouse_taken = spouse_taken or relation == "配偶"
        sex, (low, high) = _KIN[relation]
        year = min(2024, max(1930, head.birth.year + rng.randint(low, high)))
        made = Person(rng, taken, group, year_range=(year, year))
        while made.name in _NAMES:
            made = Person(rng, taken, group, year_range=(year, year))
        gender = sex or ("女" if head.gender == "男" else "男")
        members.append((made.name, gender, made.birth, relation))
    return members


def write_roster(path: Path, seed: int = 15) -> Path:
    """Write the 400-person roster to `path` (.xlsx); returns `path`."""
    rng = random.Random(seed)
    taken = {(p.name, p.birth.year, p.group) for p in NAMED}
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["青山村村民花名册"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位:青山村村民委员会", None, None, None, None, None, "填报日期:2026年11月20日"])
    ws.append(["序号", "组别", "户号", "姓名", "与户主关系", "性别", "出生年月", "身份证号码", "联系电话", "备注"])
    named_by_group = {g: [p for p in NAMED if p.group == g] for g in CN_GROUPS}
    per_group = TOTAL // len(CN_GROUPS)
    n = 0
    for g, group in enumerate(CN_GROUPS):
        group_start = ws.max_row + 1
        count = per_group + (TOTAL % len(CN_GROUPS) if g == len(CN_GROUPS) - 1 else 0)
        written, household = 0, 0
        while written < count:
            household += 1
            number = f"{g + 1:02d}{household:03d}"
            hh_start = ws.max_row + 1
            if named_by_group[group]:  # an appointed person: a household of one
                p = named_by_group[group].pop(0)
                members = [(p.name, p.gender, p.birth, "户主")]
            else:
                members = _household(rng, taken, group, min(rng.choice((1, 2, 2, 3, 3, 4)), count - written))
            for m, (name, gender, birth, relation) in enumerate(members):
                n += 1
                written += 1
                ident = id_number(birth, gender == "男", rng) if n % 4 == 3 or rng.random() < 0.3 else None
                ws.append([n, group if ws.max_row + 1 == group_start else None, number if m == 0 else None,
                           name, relation, gender, _birth_cell(birth, n),
                           ident, "1" + str(rng.choice((3, 5, 8))) + "".join(str(rng.randint(0, 9)) for _ in range(9))
                           if m == 0 else None, rng.choice(["", "", "", "外出务工", "党员"])])
            if ws.max_row > hh_start:
                ws.merge_cells(f"C{hh_start}:C{ws.max_row}")
        ws.merge_cells(f"B{group_start}:B{ws.max_row}")
    ws.append(["合计", None, None, None, None, None, None, None, None, f"共{n}人"])
    ws.merge_cells(f"A{ws.max_row}:D{ws.max_row}")
    for col in "ABCDEFGHIJ":
        ws.column_dimensions[col].width = 14
    wb.save(path)
    return path
