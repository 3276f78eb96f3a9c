"""Generate the 花名册 corpus: rosters laid out the way village offices keep them, with what each should give.

Run `python -m tests.corpus.rosters.generate` from the repository root to
rewrite the files (deterministic content, seeded). Each roster `NAME.xlsx` /
`NAME.csv` comes with `NAME.expected.json`: the rows that should be added
(with name, sex, birth year and month, group), the rows that should be
skipped, and the rows that should be held as likely duplicates. The README
says which public formats each imitates.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘"
GIVEN = "建国秀英明华伟芳军丽强敏静磊洋勇艳杰娟涛超霞平刚桂兰春梅志红玉凤海燕德福荣金"
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CN_GROUPS = ["一组", "二组", "三组", "四组", "五组", "六组"]
RELATIONS = ["配偶", "长子", "长女", "次子", "次女", "孙子", "孙女", "儿媳", "母亲", "父亲"]


def id_number(birth: date, male: bool, rng: random.Random, region: str = "330106") -> str:
    """A made-up 公民身份号码 with a correct GB 11643 check digit (never a real person's)."""
    seq = rng.randrange(0, 499) * 2 + (1 if male else 0)
    first = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, _WEIGHTS, strict=True)) % 11]


def old_id_number(birth: date, male: bool, rng: random.Random) -> str:
    """A 15-digit number of the 1980s-90s kind: 6-digit region, YYMMDD, 3-digit sequence."""
    seq = rng.randrange(0, 499) * 2 + (1 if male else 0)
    return f"330106{birth:%y%m%d}{seq:03d}"


class Person:
    """A made-up villager."""

    def __init__(self, rng: random.Random, taken: set, group: str = "", year_range=(1935, 2015)):
        while True:
            self.name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            self.birth = date(rng.randint(*year_range), rng.randint(1, 12), rng.randint(1, 28))
            if (self.name, self.birth.year, group) not in taken:
                break
        taken.add((self.name, self.birth.year, group))
        self.male = rng.random() < 0.5
        self.gender = "男" if self.male else "女"
        self.group = group
        self.id = id_number(self.birth, self.male, rng)
        self.phone = "1" + str(rng.choice((3, 5, 8))) + "".join(str(rng.randint(0, 9)) for _ in range(9))

    def expect(self, row: int, group: str | None = None, month: bool = True, birth: bool = True) -> dict:
        return {"row": row, "name": self.name, "gender": self.gender,
                "birth_year": self.birth.year if birth else None,
                "birth_month": (self.birth.month if month else None) if birth else None,
                "group": self.group if group is None else group}


class Sheet:
    """Rows written in order, with what each should give."""

    def __init__(self, ws=None):
        self.ws = ws
        self.rows: list[list] = []
        self.add: list[dict] = []
        self.skip: list[int] = []
        self.dup: list[int] = []
        self.merges: list[str] = []

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1

    def put(self, cells: list, kind: str = "", person: dict | None = None) -> int:
        row = self.next_row
        self.rows.append(list(cells))
        if kind == "add":
            self.add.append(dict(person, row=row))
        elif kind == "skip":
            self.skip.append(row)
        elif kind == "dup":
            self.dup.append(row)
        return row

    def expected(self, sheet: str | None = None) -> dict:
        return {"sheet": sheet, "add": self.add, "skip": self.skip, "duplicates": self.dup}


def save_xlsx(name: str, sheets: list[tuple[str, Sheet]], expected_sheet: int = 0, sheet_arg=None) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for title, sheet in sheets:
        ws = wb.create_sheet(title)
        for cells in sheet.rows:
            ws.append(cells)
        for rng in sheet.merges:
            ws.merge_cells(rng)
        for col in "ABCDEFGHIJKL":
            ws.column_dimensions[col].width = 14
    wb.save(HERE / f"{name}.xlsx")
    _expect(name, sheets[expected_sheet][1].expected(sheet_arg))


def save_csv(name: str, sheet: Sheet, encoding: str, delimiter: str) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for cells in sheet.rows:
        writer.writerow(["" if c is None else c for c in cells])
    (HERE / f"{name}.csv").write_bytes(out.getvalue().encode(encoding))
    _expect(name, sheet.expected())


def _expect(name: str, data: dict) -> None:
    (HERE / f"{name}.expected.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def ym(d: date) -> str:
    return f"{d.year}.{d.month:02d}"


# --- the rosters ------------------------------------------------------------------------------------

def r01_village_basic(rng):
    """村民花名册 template: title, 填报单位 line, 序号…备注, birth "1968.03", 合计, 注."""
    s, taken = Sheet(), set()
    s.put(["青山村村民花名册"])
    s.merges.append("A1:H1")
    s.put(["填报单位:青山村村民委员会", None, None, None, "填报日期:2024年3月15日"])
    s.put(["序号", "姓名", "性别", "出生年月", "身份证号码", "组别", "联系电话", "备注"])
    for n in range(1, 41):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:4]))
        ident = p.id if rng.random() < 0.8 else None
        s.put([n, p.name, p.gender, ym(p.birth), ident, p.group, p.phone, rng.choice(["", "", "外出务工", "党员"])],
              "add", p.expect(0))
    s.put(["合计", None, None, None, None, None, None, "共40人"], "skip")
    s.merges.append(f"A{s.next_row - 1}:D{s.next_row - 1}")
    s.put(["注:1.出生年月按户口簿填写;2.组别填所属村民小组。"], "skip")
    s.merges.append(f"A{s.next_row - 1}:H{s.next_row - 1}")
    save_xlsx("r01_village_basic", [("花名册", s)])


def r02_merged_groups(rng):
    """村民小组 roster with 组别 and 户号 merged over the rows they cover; 与户主关系."""
    s, taken = Sheet(), set()
    s.put(["红旗村村民花名册(按村民小组)"])
    s.merges.append("A1:H1")
    s.put(["序号", "组别", "户号", "姓名", "与户主关系", "性别", "出生年月", "联系电话"])
    n = 0
    for g, group in enumerate(CN_GROUPS[:3]):
        group_start = s.next_row
        for h in range(rng.randint(4, 6)):
            hh_start = s.next_row
            number = f"{g + 1:02d}{h + 1:03d}"
            for m in range(rng.randint(1, 4)):
                p = Person(rng, taken, group)
                n += 1
                rel = "户主" if m == 0 else rng.choice(RELATIONS)
                s.put([n, group if s.next_row == group_start else None, number if m == 0 else None, p.name, rel,
                       p.gender, f"{p.birth.year}年{p.birth.month}月", p.phone if m == 0 else None],
                      "add", p.expect(0))
            if s.next_row - 1 > hh_start:
                s.merges.append(f"C{hh_start}:C{s.next_row - 1}")
        s.merges.append(f"B{group_start}:B{s.next_row - 1}")
    save_xlsx("r02_merged_groups", [("Sheet1", s)])


def r03_huji_register(rng):
    """户籍 register: 户号, 户主姓名, 成员姓名, 与户主关系, 公民身份号码 (text), 出生日期 as date cells, 住址."""
    s, taken = Sheet(), set()
    s.put(["绿水村常住人口登记表"])
    s.merges.append("A1:I1")
    s.put(["户号", "户主姓名", "成员姓名", "与户主关系", "性别", "民族", "出生日期", "公民身份号码", "住址"])
    for h in range(15):
        group = rng.choice(CN_GROUPS[:3])
        head = None
        for m in range(rng.randint(1, 5)):
            p = Person(rng, taken, group)
            head = head or p.name
            cells = [f"3301060010{h + 1:03d}", head, p.name, "户主" if m == 0 else rng.choice(RELATIONS), p.gender,
                     "汉族", datetime(p.birth.year, p.birth.month, p.birth.day), p.id, f"绿水村{group}{h + 1}号"]
            s.put(cells, "add", p.expect(0, group=""))
    save_xlsx("r03_huji_register", [("常住人口", s)])


def r04_paged(rng):
    """A roster printed per page: title, 第 N 页, header and 本页小计 again on every page."""
    s, taken = Sheet(), set()
    header = ["序号", "姓名", "性别", "出生年月", "村民小组", "联系电话"]
    n = 0
    for page in range(1, 5):
        s.put(["白云村村民花名册"], "skip" if page > 1 else "")
        s.merges.append(f"A{s.next_row - 1}:F{s.next_row - 1}")
        s.put([f"第 {page} 页 共 4 页"], "skip" if page > 1 else "")
        s.put(header, "skip" if page > 1 else "")
        for _ in range(25):
            p = Person(rng, taken, rng.choice(CN_GROUPS))
            n += 1
            s.put([n, p.name, p.gender, f"{p.birth.year}.{p.birth.month}", p.group, p.phone], "add", p.expect(0))
        s.put(["本页小计", None, "25人"], "skip")
        s.put([None], "skip" if page < 4 else "")
    s.rows.pop()  # no blank after the last page
    save_xlsx("r04_paged", [("Sheet1", s)])


def r05_dibao(rng):
    """低保 collection sheet: 户主姓名 is the only name, 身份证号 gives birth and sex, some old 15-digit."""
    s, taken = Sheet(), set()
    s.put(["2024年度农村最低生活保障对象花名册"])
    s.merges.append("A1:G1")
    s.put(["乡镇:青山镇", None, "村:青山村", None, None, "单位:元"])
    s.put(["序号", "户主姓名", "身份证号", "家庭人口", "保障类别", "月保障金额", "村民小组"])
    for n in range(1, 31):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:3]), year_range=(1935, 1985))
        kind = rng.random()
        if kind < 0.15:
            ident = old_id_number(p.birth, p.male, rng)
        elif kind < 0.25:
            ident = p.id[:-1] + ("0" if p.id[-1] != "0" else "1")  # a slip in the check digit
        else:
            ident = p.id.lower() if p.id.endswith("X") else p.id
        good = kind >= 0.25 or kind < 0.15
        # a wrong check digit: added, without birth or sex (a warning asks to fill them in)
        s.put([n, p.name, ident, rng.randint(1, 5), rng.choice(["A类", "B类", "C类"]), rng.choice([450, 600, 720]),
               p.group], "add", p.expect(0) if good else dict(p.expect(0, birth=False), gender=""))
    s.put(["合计", None, None, 86, None, 16800], "skip")
    s.put(["审核人:", None, "制表人:李会计", None, "日期:2024.01.10"], "skip")
    save_xlsx("r05_dibao", [("低保", s)])


def r06_yibao(rng):
    """城乡居民医保 collection sheet: 参保人姓名, 公民身份号码 typed as a number (Excel cut it), 缴费金额."""
    s, taken = Sheet(), set()
    s.put(["2025年度城乡居民基本医疗保险参保缴费花名册"])
    s.merges.append("A1:I1")
    s.put(["序号", "村民小组", "户主", "参保人姓名", "与户主关系", "性别", "公民身份号码", "出生日期", "缴费金额"])
    n = 0
    for _ in range(12):
        group = rng.choice(CN_GROUPS[:3])
        head = None
        for m in range(rng.randint(1, 4)):
            p = Person(rng, taken, group)
            head = head or p.name
            n += 1
            as_number = rng.random() < 0.3
            ident = float(p.id) if as_number and p.id[-1] != "X" else p.id
            birth = f"{p.birth:%Y-%m-%d}" if rng.random() < 0.5 else None
            s.put([n, group, head, p.name, "户主" if m == 0 else rng.choice(RELATIONS), p.gender, ident, birth, 380],
                  "add", p.expect(0, birth=not (as_number and p.id[-1] != "X") or birth is not None))
    save_xlsx("r06_yibao", [("参保名单", s)])


def _simple_sheet(rng, rows=30, groups=CN_GROUPS[:3]) -> Sheet:
    s, taken = Sheet(), set()
    s.put(["序号", "姓名", "性别", "出生年月", "组别", "联系电话"])
    for n in range(1, rows + 1):
        p = Person(rng, taken, rng.choice(groups))
        s.put([n, p.name, p.gender, ym(p.birth), p.group, p.phone], "add", p.expect(0))
    return s


def r07_csv_utf8_bom(rng):
    """Excel's "CSV UTF-8 (逗号分隔)": a BOM, commas."""
    save_csv("r07_csv_utf8_bom", _simple_sheet(rng), "utf-8-sig", ",")


def r08_csv_gbk_tab(rng):
    """WPS/old Excel "文本文件(制表符分隔)" on a Chinese Windows: GB18030, tabs."""
    save_csv("r08_csv_gbk_tab", _simple_sheet(rng), "gb18030", "\t")


def r09_csv_semicolon(rng):
    """A CSV from a system set up for semicolons, UTF-8 without BOM, with a title line and 合计."""
    s = Sheet()
    s.put(["黄土村村民名单"])
    inner = _simple_sheet(rng, 25)
    for i, cells in enumerate(inner.rows):
        s.put(cells, "add" if i else "", dict(inner.add[i - 1]) if i else None)
    s.put(["合计", "25人"], "skip")
    save_csv("r09_csv_semicolon", s, "utf-8", ";")


def r10_group_per_sheet(rng):
    """One sheet per 村民小组 (no 组别 column; the title and the sheet name give it), a 说明 sheet first."""
    notes = Sheet()
    notes.put(["填表说明"])
    notes.put(["1. 每个村民小组一张表。"])
    sheets = [("说明", notes)]
    for group in ("第一组", "第二组"):
        s, taken = Sheet(), set()
        s.put([f"石桥村{group}村民花名册"])
        s.merges.append("A1:E1")
        s.put(["序号", "姓名", "性别", "出生年月", "备注"])
        for n in range(1, 21):
            p = Person(rng, taken, group)
            s.put([n, p.name, p.gender, f"{p.birth.year}年{p.birth.month:02d}月", None], "add", p.expect(0))
        sheets.append((group, s))
    save_xlsx("r10_group_per_sheet", sheets, expected_sheet=1)


def r11_dates_mixed(rng):
    """出生年月 in every form offices type, and the bad ones (future, before 1900, unreadable)."""
    s, taken = Sheet(), set()
    s.put(["姓名", "性别", "出生年月", "组别"])
    forms = [
        lambda d: f"{d.year}.{d.month:02d}", lambda d: f"{d.year}.{d.month}", lambda d: f"{d.year}年{d.month}月",
        lambda d: f"{d.year}-{d.month:02d}", lambda d: f"{d.year}{d.month:02d}", lambda d: f"{d:%Y/%-m/%-d}",
        lambda d: datetime(d.year, d.month, d.day), lambda d: int(f"{d.year}{d.month:02d}"),
        lambda d: f"{d.year}年{d.month}月{d.day}日", lambda d: f"{d:%Y.%m.%d}",
        lambda d: float(f"{d.year}.{d.month:02d}") if d.month not in (1, 10) else f"{d.year}.{d.month:02d}",
        lambda d: f"{d.year}-{d.month}-{d.day}", lambda d: f"{d.year}年{d.month:02d}月",
    ]
    for i in range(39):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:2]))
        s.put([p.name, p.gender, forms[i % len(forms)](p.birth), p.group], "add", p.expect(0))
    for bad in ("2099.01", "1890.05", "68.3", "1975.13", "不详"):
        p = Person(rng, taken, "一组")
        if bad == "不详":  # said to be unknown: added without a birth
            s.put([p.name, p.gender, bad, p.group], "add", p.expect(0, birth=False))
        else:
            s.put([p.name, p.gender, bad, p.group], "skip")
    p = Person(rng, taken, "一组")
    s.put([p.name, p.gender, None, p.group], "add", p.expect(0, birth=False))
    save_xlsx("r11_dates_mixed", [("Sheet1", s)])


def r12_blank_rows_notes(rng):
    """Hand-typed roster: blank rows between groups, a 说明 row, a 制表人 line, trailing blank rows."""
    s, taken = Sheet(), set()
    s.put(["新村村民花名册"])
    s.put(["序号", "姓名", "性别", "出生年月", "组别"])
    n = 0
    for group in CN_GROUPS[:3]:
        for _ in range(10):
            p = Person(rng, taken, group)
            n += 1
            s.put([n, p.name, p.gender, ym(p.birth), group], "add", p.expect(0))
        s.put([None, None, None, None, None], "skip")
    s.put([None, None, "女", "1970.01", "一组"], "skip")  # a row with no name
    s.put(["说明:外出务工人员已一并登记。"], "skip")
    s.put(["制表人:王文书", None, None, "审核人:张主任"], "skip")
    s.put([None] * 5)
    s.put([None] * 5)
    save_xlsx("r12_blank_rows_notes", [("Sheet1", s)])


def r13_duplicates(rng):
    """A roster pasted together from two lists: the same people twice (held), a same-name different person."""
    s, taken = Sheet(), set()
    s.put(["姓名", "性别", "出生年月", "组别", "电话"])
    people = [Person(rng, taken, rng.choice(CN_GROUPS[:2])) for _ in range(25)]
    for p in people:
        s.put([p.name, p.gender, ym(p.birth), p.group, p.phone], "add", p.expect(0))
    for p in people[:6]:
        s.put([p.name, p.gender, ym(p.birth), p.group, None], "dup")
    twin = people[7]
    other_year = date(twin.birth.year + 30 if twin.birth.year < 1980 else twin.birth.year - 30, 5, 1)
    s.put([twin.name, "男", ym(other_year), twin.group, None], "add",
          {"name": twin.name, "gender": "男", "birth_year": other_year.year, "birth_month": 5, "group": twin.group})
    save_xlsx("r13_duplicates", [("Sheet1", s)])


def r14_two_row_header(rng):
    """A two-line header: 序号/姓名 merged down, "基本情况" over 性别/出生年月/身份证号码."""
    s, taken = Sheet(), set()
    s.put(["长岭村村民基本情况登记表"])
    s.merges.append("A1:G1")
    s.put(["序号", "姓名", "基本情况", None, None, "所属小组", "备注"])
    s.put([None, None, "性别", "出生年月", "身份证号码", None, None])
    s.merges += ["A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3"]
    for n in range(1, 31):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:3]))
        s.put([n, p.name, p.gender, ym(p.birth), p.id if rng.random() < 0.7 else None, p.group, None],
              "add", p.expect(0))
    save_xlsx("r14_two_row_header", [("登记表", s)])


def r15_coded_values(rng):
    """Values as codes and numbers: 性别 1/2 (GB/T 2261.1), 组 as 1/2/3, phone as a number, 出生年份 only."""
    s, taken = Sheet(), set()
    s.put(["编号", "姓名", "性别", "出生年份", "组", "手机号"])
    for n in range(1, 31):
        g = rng.randint(1, 3)
        p = Person(rng, taken, f"{g}组")
        s.put([n, p.name, 1 if p.male else 2, p.birth.year, g, int(p.phone)], "add", p.expect(0, month=False))
    save_xlsx("r15_coded_values", [("Sheet1", s)])


def r16_sex_conflict_spaced(rng):
    """Names padded with spaces ("王  刚"), headers with spaces and line breaks, 性别 contradicting the ID."""
    s, taken = Sheet(), set()
    s.put(["序 号", "姓  名", "性 别", "出生\n年月", "公民身份号码\n(18位)", "组  别"])
    for n in range(1, 31):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:2]))
        shown = p.name if len(p.name) == 3 else p.name[0] + rng.choice(["  ", "\u3000", " "]) + p.name[1:]
        gender = p.gender if n % 10 else ("女" if p.male else "男")  # every tenth row contradicts the ID
        s.put([n, shown, gender, ym(p.birth), p.id, p.group], "add", p.expect(0))
    s.put([31, "  ", "男", "1980.01", None, "一组"], "skip")
    save_xlsx("r16_sex_conflict_spaced", [("Sheet1", s)])


def r17_party_members(rng):
    """党员花名册-like sheet with extra columns (民族, 文化程度, 入党时间) that are not imported."""
    s, taken = Sheet(), set()
    s.put(["青山村党支部党员花名册"])
    s.merges.append("A1:I1")
    s.put(["序号", "姓名", "性别", "民族", "出生日期", "文化程度", "入党时间", "所在小组", "联系方式"])
    for n in range(1, 26):
        p = Person(rng, taken, rng.choice(CN_GROUPS[:4]), year_range=(1940, 1995))
        s.put([n, p.name, p.gender, "汉", f"{p.birth:%Y.%m.%d}", rng.choice(["初中", "高中", "大专"]),
               f"{p.birth.year + 25}.07", p.group, p.phone], "add", p.expect(0))
    save_xlsx("r17_party_members", [("党员", s)])


def r18_section_rows(rng):
    """A roster typed group by group, with 年龄 instead of 出生年月.

    A "一组(共N人)" row above each group's people, "(已故)" after a name, a
    sex left blank, 序号 typed in advance down empty lines.
    """
    s, taken = Sheet(), set()
    s.put(["东山村村民花名册"])
    s.merges.append("A1:E1")
    s.put(["序号", "姓名", "性别", "年龄", "备注"])
    n = 0
    for group in ("一组", "二组", "三组"):
        s.put([f"{group}(共8人)"], "skip")
        s.merges.append(f"A{s.next_row - 1}:E{s.next_row - 1}")
        for i in range(8):
            p = Person(rng, taken, group)
            n += 1
            name = p.name + ("(已故)" if i == 3 else "")
            gender = p.gender if i != 5 else None
            expected = dict(p.expect(0, month=False), gender=p.gender if i != 5 else "")
            s.put([n, name, gender, 2026 - p.birth.year, None], "add", expected)
    for k in range(n + 1, n + 12):
        s.put([k, None, None, None, None])
    save_xlsx("r18_section_rows", [("Sheet1", s)])


ALL = [r01_village_basic, r02_merged_groups, r03_huji_register, r04_paged, r05_dibao, r06_yibao, r07_csv_utf8_bom,
       r08_csv_gbk_tab, r09_csv_semicolon, r10_group_per_sheet, r11_dates_mixed, r12_blank_rows_notes,
       r13_duplicates, r14_two_row_header, r15_coded_values, r16_sex_conflict_spaced, r17_party_members,
       r18_section_rows]


def main() -> None:
    for i, make in enumerate(ALL):
        make(random.Random(1000 + i))


if __name__ == "__main__":
    main()
