"""An independent 花名册 corpus: rosters laid out as public templates and office habits show them.

Written without reading the parser (models/roster/), from public descriptions of the forms
a village office keeps (README.md names the source each file imitates). Every file has a
`<name>.expected.json`:

* ``add``: rows that must become people, with name, sex, birth year and month (None when
  the file does not say) and group ("" when the file does not say);
* ``skip``: rows that must be reported as skipped (a reason shown to the secretary);
* ``ignore``: rows that must not become people, but may be skipped or passed over in silence
  (blank lines, 填表人/审核人 footers, pre-numbered empty lines, repeated headers);
* ``duplicates``: rows that must be held as likely duplicates (same name, birth year, group).

Run ``python -m tests.corpus.rosters_independent.generate``; seeded, so every run writes the
same files. All names, phones and 公民身份号码 are made up: the numbers carry a correct
GB 11643 check digit for invented region codes and a random sequence; they belong to nobody.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 12, 4)
RNG = random.Random(20261204)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_M = "建国军华明伟强勇杰涛斌超刚平辉鹏飞林福贵根生海波志宏文东兵春荣德金山"
GIVEN_F = "秀英兰芳丽娟霞敏静燕玲桂珍凤琴梅红艳萍娥翠莲花菊云香琼"
CN_NUM = "一二三四五六七八九十"
REGIONS = ("330127", "330182", "341523", "421127", "512021")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def _id_number(born: date, male: bool) -> str:
    """A made-up 18-digit 公民身份号码 with a correct check digit (GB 11643)."""
    seq = RNG.randrange(0, 50) * 2 + (1 if male else 0)
    body = f"{RNG.choice(REGIONS)}{born:%Y%m%d}{RNG.randrange(10, 99):02d}{seq % 10}"
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


@dataclass
class Person:
    """A made-up villager."""

    name: str
    male: bool
    born: date
    group: int  # 1-based 村民小组
    id_number: str = field(default="")

    @property
    def sex(self) -> str:
        return "男" if self.male else "女"


_used: set[str] = set()


def person(group: int | None = None, male: bool | None = None, born: date | None = None,
           name: str | None = None) -> Person:
    """A fresh person with a name not used elsewhere in the corpus (so duplicates are deliberate)."""
    male = RNG.random() < 0.5 if male is None else male
    while name is None or name in _used:
        given = GIVEN_M if male else GIVEN_F
        name = RNG.choice(SURNAMES) + "".join(RNG.choice(given) for _ in range(RNG.choice((1, 2, 2))))
    _used.add(name)
    born = born or date(RNG.randrange(1932, 2022), RNG.randrange(1, 13), RNG.randrange(1, 29))
    group = group or RNG.randrange(1, 6)
    p = Person(name, male, born, group)
    p.id_number = _id_number(born, male)
    return p


def expect(p: Person, row: int, group: str, *, year: int | None | str = "born",
           month: int | None | str = "born", sex: str | None = "sex") -> dict:
    """The expected preview line for `p` at `row`."""
    return {"row": row, "name": p.name,
            "gender": p.sex if sex == "sex" else sex,
            "birth_year": p.born.year if year == "born" else year,
            "birth_month": p.born.month if month == "born" else month,
            "group": group}


class Roster:
    """One file being written, with what it should give."""

    def __init__(self, name: str, sheet_title: str = "Sheet1"):
        self.name = name
        self.wb = Workbook()
        self.ws = self.wb.active
        self.ws.title = sheet_title
        self.sheet: str | None = None
        self.add: list[dict] = []
        self.skip: list[int] = []
        self.ignore: list[int] = []
        self.duplicates: list[int] = []
        self.row = 0

    def put(self, values, ws=None) -> int:
        """Write `values` on the next row (None leaves a cell empty); return the row number."""
        ws = ws or self.ws
        self.row += 1
        for col, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(self.row, col, v)
        return self.row

    def title(self, text: str, width: int, ws=None) -> int:
        """A merged, bold title row across `width` columns."""
        ws = ws or self.ws
        r = self.put([text], ws)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1).font = Font(bold=True, size=16)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        return r

    def save(self) -> None:
        self.wb.save(HERE / f"{self.name}.xlsx")
        self._write_expected()

    def _write_expected(self) -> None:
        data = {"sheet": self.sheet, "add": self.add, "skip": self.skip,
                "ignore": self.ignore, "duplicates": self.duplicates}
        (HERE / f"{self.name}.expected.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def cn_group(n: int) -> str:
    return f"{CN_NUM[n - 1]}组"


def ym_dot(d: date) -> str:
    return f"{d.year}.{d.month:02d}"


# --- the files ---------------------------------------------------------------------------


def i01_cunmin_huamingce() -> None:
    """XX村村民花名册: title, 填报单位 line, the common 10 columns, 合计 and a signature footer."""
    r = Roster("i01_cunmin_huamingce")
    head = ["序号", "姓名", "性别", "民族", "出生年月", "身份证号码", "组别", "与户主关系", "联系电话", "备注"]
    r.title("青石桥村村民花名册", len(head))
    r.put(["填报单位(盖章):青石桥村村民委员会", None, None, None, None, None, "填报日期:2026年11月20日"])
    r.put(head)
    n = 0
    for _ in range(24):
        p = person()
        n += 1
        row = r.put([n, p.name, p.sex, "汉族", ym_dot(p.born), p.id_number, cn_group(p.group),
                     RNG.choice(["户主", "配偶", "子", "女", "母亲"]), f"13{RNG.randrange(10**8, 10**9)}", None])
        r.ws.cell(row, 6).number_format = "@"
        r.add.append(expect(p, row, cn_group(p.group)))
    row = r.put(["合计", None, None, None, None, None, None, None, None, f"共{n}人"])
    r.skip.append(row)
    r.ignore.append(r.put(["填表人:", None, None, "审核人:", None, None, "村委会负责人:"]))
    r.save()


def i02_id_only_apostrophe() -> None:
    """户籍 extract with no 性别/出生年月 columns: both from the 身份证号 (quote-prefixed text, or a typed ')."""
    r = Roster("i02_id_only_apostrophe")
    head = ["序号", "组别", "户主姓名", "姓名", "与户主关系", "公民身份号码", "备注"]
    r.title("村民户籍人口花名册", len(head))
    r.put(head)
    for n in range(1, 19):
        p = person()
        typed = RNG.random() < 0.4
        value = ("'" + p.id_number) if typed else p.id_number
        row = r.put([n, f"{p.group}组", None, p.name, "户主" if n % 3 == 1 else "子女", value, None])
        if not typed:
            r.ws.cell(row, 6).quotePrefix = True
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i03_id_scientific() -> None:
    """医保参保花名册 where 身份证号 was typed into a General cell: Excel keeps 15 digits (3.30127E+17).

    The 出生年月 column is the only trustworthy birth; a row without it has no known birth.
    The 性别 column gives the sex; a cut number must not be read as an ID at all.
    """
    r = Roster("i03_id_scientific")
    head = ["序号", "姓名", "性别", "出生年月", "身份证号", "参保类别", "缴费金额(元)", "组别"]
    r.title("2027年度城乡居民基本医疗保险参保缴费花名册", len(head))
    r.put(head)
    for n in range(1, 17):
        p = person()
        cut = float(int(p.id_number[:15]) * 1000)  # what Excel keeps of an 18-digit number
        birth = ym_dot(p.born) if n % 5 else None
        row = r.put([n, p.name, p.sex, birth, cut, "一档", 400, cn_group(p.group)])
        r.ws.cell(row, 5).number_format = "0.00E+00"
        r.add.append(expect(p, row, cn_group(p.group),
                            year="born" if birth else None, month="born" if birth else None))
    row = r.put(["合计", None, None, None, None, None, 6400, None])
    r.skip.append(row)
    r.save()


def i04_xuanmin_mingdan() -> None:
    """选民名单 for 村委会换届 (姓名 性别 出生年月 住址), one 村民小组 per sheet section, 年月 as 1968年03月."""
    r = Roster("i04_xuanmin_mingdan")
    head = ["序号", "姓名", "性别", "出生年月", "住址"]
    r.title("白沙村第十二届村民委员会选举选民名单", len(head))
    r.put(["(2026年11月15日公布)"])
    r.put(head)
    n = 0
    for g in (1, 2, 3):
        for _ in range(7):
            p = person(group=g, born=date(RNG.randrange(1935, 2008), RNG.randrange(1, 13), 10))
            n += 1
            row = r.put([n, p.name, p.sex, f"{p.born.year}年{p.born.month:02d}月", f"白沙村{cn_group(g)}"])
            r.add.append(expect(p, row, ""))
    r.ignore.append(r.put(["共计选民" + str(n) + "人"]))
    r.ignore.append(r.put(["白沙村村民选举委员会"]))
    r.save()


def i05_yibao_household() -> None:
    """城乡居民医保 by household: 户主姓名 merged down its members, 性别 as 1/2, ID as text."""
    r = Roster("i05_yibao_household")
    head = ["序号", "户主姓名", "参保人姓名", "性别", "公民身份号码", "与户主关系", "联系电话", "所在村民小组"]
    r.title("城乡居民基本医疗保险参保人员花名册", len(head))
    r.put(["乡镇(街道):清河镇", None, None, "村(社区):柳塘村"])
    r.put(head)
    n = 0
    for _ in range(6):
        g = RNG.randrange(1, 6)
        members = [person(group=g) for _ in range(RNG.randrange(2, 5))]
        first = r.row + 1
        for i, p in enumerate(members):
            n += 1
            row = r.put([n, members[0].name if i == 0 else None, p.name, 1 if p.male else 2, p.id_number,
                         "户主" if i == 0 else RNG.choice(["配偶", "子", "女", "孙子"]), None, f"第{g}村民小组"])
            r.ws.cell(row, 5).number_format = "@"
            r.add.append(expect(p, row, f"第{g}村民小组"))
        r.ws.merge_cells(start_row=first, start_column=2, end_row=r.row, end_column=2)
    r.save()


def i06_yanglao_dates() -> None:
    """城乡居民养老保险参保登记 extract: 出生日期 as real date cells, 性别 1/2 codes, 户籍性质."""
    r = Roster("i06_yanglao_dates")
    head = ["个人编号", "姓名", "性别", "民族", "出生日期", "户籍性质", "参保状态", "村组"]
    r.put(head)
    for _ in range(20):
        p = person()
        row = r.put([str(RNG.randrange(10**9, 10**10)), p.name, "1" if p.male else "2", "01",
                     datetime(p.born.year, p.born.month, p.born.day), "农业户口", "正常参保", f"{p.group}组"])
        r.ws.cell(row, 5).number_format = "yyyy-mm-dd"
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i07_dibao() -> None:
    """农村低保对象花名册: one line per household, only the 户主 named; 合计 row with sums; signatures."""
    r = Roster("i07_dibao")
    head = ["序号", "乡镇", "村", "组", "户主姓名", "身份证号码", "家庭人口", "保障人数", "月保障金(元)", "保障类别"]
    r.title("2026年12月农村最低生活保障对象花名册", len(head))
    r.put(head)
    total = 0
    for n in range(1, 13):
        p = person()
        money = RNG.randrange(3, 9) * 100
        total += money
        row = r.put([n, "清河镇", "柳塘村", CN_NUM[p.group - 1], p.name, p.id_number,
                     RNG.randrange(1, 6), RNG.randrange(1, 4), money, "A类"])
        r.ws.cell(row, 6).number_format = "@"
        r.add.append(expect(p, row, CN_NUM[p.group - 1]))
    r.skip.append(r.put([None, "合计", None, None, None, None, 30, 22, total, None]))
    r.ignore.append(r.put(["制表人:", None, None, "审核人:", None, None, "村主任(签字):"]))
    r.save()


def i08_tekun() -> None:
    """特困人员救助供养花名册: 年龄 beside the ID (the ID is what gives birth), 供养方式."""
    r = Roster("i08_tekun")
    head = ["序号", "姓名", "性别", "年龄", "身份证号码", "供养方式", "自理能力", "居住地址"]
    r.title("特困人员救助供养对象花名册", len(head))
    r.put(head)
    for n in range(1, 11):
        p = person(born=date(RNG.randrange(1930, 1966), RNG.randrange(1, 13), RNG.randrange(1, 28)))
        age = TODAY.year - p.born.year - ((TODAY.month, TODAY.day) < (p.born.month, p.born.day))
        row = r.put([n, p.name, p.sex, age, p.id_number, RNG.choice(["分散供养", "集中供养"]),
                     "全自理", f"柳塘村{cn_group(p.group)}"])
        r.ws.cell(row, 5).number_format = "@"
        r.add.append(expect(p, row, ""))
    r.save()


def i09_two_header_rows() -> None:
    """户籍登记 with a merged super-header 家庭成员情况 over 姓名/性别/出生年月/与户主关系; 户号 merged down."""
    r = Roster("i09_two_header_rows")
    r.title("村民小组户籍人口登记表", 8)
    top = r.put(["户号", "组别", "家庭成员情况", None, None, None, "联系电话", "备注"])
    sub = r.put([None, None, "姓名", "性别", "出生年月", "与户主关系", None, None])
    for col in (1, 2, 7, 8):
        r.ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    r.ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=6)
    for h in range(1, 7):
        g = RNG.randrange(1, 4)
        members = [person(group=g) for _ in range(RNG.randrange(1, 5))]
        first = r.row + 1
        for i, p in enumerate(members):
            row = r.put([f"{h:03d}", cn_group(g), p.name, p.sex, f"{p.born.year}.{p.born.month}",
                         "户主" if i == 0 else RNG.choice(["妻", "长子", "长女", "次子", "母"]), None, None])
            r.add.append(expect(p, row, cn_group(g)))
        for col in (1, 2):
            r.ws.merge_cells(start_row=first, start_column=col, end_row=r.row, end_column=col)
    r.save()


def i10_queqan_family() -> None:
    """土地承包经营权确权 承包方家庭成员 table: 承包方代表 + 成员姓名, 成员备注, 是否共有人."""
    r = Roster("i10_queqan_family")
    head = ["承包方编码", "承包方代表姓名", "家庭成员姓名", "与承包方代表关系", "成员证件号码", "是否共有人", "成员备注"]
    r.title("承包方家庭成员信息表", len(head))
    r.put(["发包方:清河镇柳塘村第三村民小组"])
    r.put(head)
    for h in range(1, 6):
        members = [person(group=3) for _ in range(RNG.randrange(2, 5))]
        code = f"3301271010030{h:04d}"
        for i, p in enumerate(members):
            row = r.put([code, members[0].name, p.name, "本人" if i == 0 else RNG.choice(["配偶", "子", "女"]),
                         p.id_number, "是", "外出务工" if RNG.random() < 0.2 else None])
            r.ws.cell(row, 5).number_format = "@"
            # the 发包方 line names the 村民小组 the family belongs to (first written as "": corrected,
            # see README)
            r.add.append(expect(p, row, "第三村民小组"))
    r.save()


def _csv(name: str, rows: list[list], encoding: str, delimiter: str = ",") -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    (HERE / name).write_bytes(buf.getvalue().encode(encoding))


def _save_expected(name: str, add, skip, ignore, duplicates, sheet=None) -> None:
    (HERE / f"{name}.expected.json").write_text(json.dumps(
        {"sheet": sheet, "add": add, "skip": skip, "ignore": ignore, "duplicates": duplicates},
        ensure_ascii=False, indent=1) + "\n", "utf-8")


def i11_csv_wps_gb18030() -> None:
    """WPS 另存为 CSV on a Chinese Windows: GB18030, trailing empty columns, IDs shown as 3.30127E+17."""
    rows: list[list] = [["柳塘村一组村民花名册", "", "", "", "", "", "", ""],
                        ["序号", "姓名", "性别", "出生年月", "身份证号", "组别", "电话", "备注"]]
    add, skip, ignore = [], [], []
    for n in range(1, 16):
        p = person(group=1)
        sci = f"{int(p.id_number[:6]) / 1e5:.5f}E+17"
        rows.append([n, p.name, p.sex, f"{p.born.year}.{p.born.month}", sci, "1组", "", "", "", ""])
        add.append(expect(p, len(rows), "1组"))
        if n == 8:
            rows.append(["", "", "", "", "", "", "", ""])
            ignore.append(len(rows))
    rows.append(["", "合计", "15人", "", "", "", "", ""])
    skip.append(len(rows))
    _csv("i11_csv_wps_gb18030.csv", rows, "gb18030")
    _save_expected("i11_csv_wps_gb18030", add, skip, ignore, [])


def i12_csv_excel_utf8() -> None:
    """Excel "CSV UTF-8": BOM, 出生日期 as 19680305 / 1968-3-5 / 1968/03/05, IDs kept as ="…" text."""
    rows: list[list] = [["序号", "村民小组", "姓名", "性别", "出生日期", "身份证号码", "联系电话"]]
    add = []
    forms = (lambda d: f"{d:%Y%m%d}", lambda d: f"{d.year}-{d.month}-{d.day}", lambda d: f"{d:%Y/%m/%d}")
    for n in range(1, 16):
        p = person()
        rows.append([n, f"第{CN_NUM[p.group - 1]}村民小组", p.name, p.sex, forms[n % 3](p.born),
                     f'="{p.id_number}"', f"15{RNG.randrange(10**8, 10**9)}"])
        add.append(expect(p, len(rows), f"第{CN_NUM[p.group - 1]}村民小组"))
    _csv("i12_csv_excel_utf8.csv", rows, "utf-8-sig")
    _save_expected("i12_csv_excel_utf8", add, [], [], [])


def i13_fullwidth() -> None:
    """Typed on a Chinese IME: full-width digits and dots (１９６８．０３), 王　芳 padded with 全角空格."""
    r = Roster("i13_fullwidth")
    head = ["序　号", "姓　　名", "性　别", "出生年月", "组　别"]
    r.title("村民花名册", len(head))
    r.put(head)
    fw = str.maketrans("0123456789.", "０１２３４５６７８９．")
    for n in range(1, 16):
        p = person()
        name = p.name if len(p.name) != 2 else p.name[0] + "\u3000" + p.name[1]
        row = r.put([str(n).translate(fw), name, p.sex, ym_dot(p.born).translate(fw),
                     f"{p.group}组".translate(fw)])
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i14_dates_variety() -> None:
    """Hand-typed 出生年月 in every form offices use; each row says which form it exercises in 备注."""
    r = Roster("i14_dates_variety")
    head = ["序号", "姓名", "性别", "出生年月", "组别", "备注"]
    r.put(head)
    n = 0

    def row_of(p: Person, value, form: str, fmt: str | None = None, *, year="born", month="born"):
        nonlocal n
        n += 1
        row = r.put([n, p.name, p.sex, value, cn_group(p.group), form])
        if fmt:
            r.ws.cell(row, 4).number_format = fmt
        r.add.append(expect(p, row, cn_group(p.group), year=year, month=month))

    serial = date(1899, 12, 30).toordinal()
    cases = (  # (fixed birth or None, the cell's value, what it exercises, number format)
        (None, lambda d: f"{d.year}.{d.month}.{d.day}", "1968.3.5", None),
        (date(1968, 3, 5), lambda d: "68.03", "68.03 (two-digit year)", None),
        (date(2005, 7, 1), lambda d: "05.07", "05.07 (two-digit year, 2000s)", None),
        (None, lambda d: f"{d.year}-{d.month}", "1968-3", None),
        (None, lambda d: int(f"{d:%Y%m%d}"), "19680305 number", "0"),
        (None, lambda d: d.toordinal() - serial, "Excel date serial in a General cell", "General"),
        (None, lambda d: f"{d.year}年{d.month:02d}月", "1968年03月", None),
        (None, lambda d: f"{d.year}/{d.month}", "1968/3", None),
        (date(1971, 10, 2), lambda d: 1971.1, "1971.10 float formatted 0.00", "0.00"),
        (date(1983, 12, 9), lambda d: "1983.12", "1983.12 text", None),
        (date(1957, 1, 15), lambda d: datetime(1957, 1, 15), "date cell", 'yyyy"年"m"月"'),
        (None, lambda d: f"{d.year}年{d.month}月{d.day}日", "1968年3月5日", None),
        (None, lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}", "1968.03.05", None),
        (None, lambda d: f" {ym_dot(d)} ", "spaces around", None),
        (None, lambda d: f"{d.year}{d.month:02d}", "196803", None),
    )
    for born, value, form, fmt in cases:
        p = person(born=born)
        row_of(p, value(p.born), form, fmt)
    # a birth in the future: skipped
    n += 1
    q = person()
    r.skip.append(r.put([n, q.name, q.sex, "2027.05", cn_group(q.group), "future"]))
    r.save()


def i15_households_sections() -> None:
    """户籍人口花名册 typed group by group: a merged "第一村民小组" line over each group, 户主 only on
    the first row of its household, a blank line between households."""
    r = Roster("i15_households_sections")
    head = ["户号", "户主", "姓名", "与户主关系", "性别", "出生日期", "备注"]
    r.title("柳塘村户籍人口花名册", len(head))
    r.put(head)
    h = 0
    for g in (1, 2):
        sec = r.put([f"第{CN_NUM[g - 1]}村民小组"])
        r.ws.merge_cells(start_row=sec, start_column=1, end_row=sec, end_column=len(head))
        r.ignore.append(sec)
        for _ in range(4):
            h += 1
            members = [person(group=g) for _ in range(RNG.randrange(1, 5))]
            for i, p in enumerate(members):
                row = r.put([h if i == 0 else None, p.name if i == 0 else None, p.name,
                             "户主" if i == 0 else RNG.choice(["配偶", "儿子", "女儿", "儿媳", "孙女"]),
                             p.sex, f"{p.born:%Y.%m.%d}", None])
                r.add.append(expect(p, row, f"第{CN_NUM[g - 1]}村民小组"))
            r.ignore.append(r.put([]))
    r.save()


def i16_sex_codes() -> None:
    """性别 as 男/女, 男性/女性, M/F, 1/2 (GB/T 2261.1), blank with the ID giving it."""
    r = Roster("i16_sex_codes")
    head = ["序号", "姓名", "性别", "身份证号", "组别"]
    r.put(head)
    forms = (("男", "女"), ("男性", "女性"), ("M", "F"), (1, 2), ("1", "2"), (None, None))
    for n in range(1, 19):
        p = person()
        m, f = forms[n % len(forms)]
        row = r.put([n, p.name, m if p.male else f, p.id_number, f"{p.group}组"])
        r.ws.cell(row, 4).number_format = "@"
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i17_duplicates() -> None:
    """Two group lists pasted one under the other: the second copy of a person is a likely duplicate;
    a namesake in another group or born another year is a different person."""
    r = Roster("i17_duplicates")
    head = ["序号", "姓名", "性别", "出生年月", "组别"]
    r.put(head)
    people = [person(group=2) for _ in range(10)]
    for n, p in enumerate(people, start=1):
        row = r.put([n, p.name, p.sex, ym_dot(p.born), "二组"])
        r.add.append(expect(p, row, "二组"))
    for n, p in enumerate(people[:4], start=11):
        r.duplicates.append(r.put([n, p.name, p.sex, ym_dot(p.born), "二组"]))
    other = Person(people[5].name, people[5].male, people[5].born, 4)
    row = r.put([15, other.name, other.sex, ym_dot(other.born), "四组"])
    r.add.append(expect(other, row, "四组"))
    older = Person(people[6].name, people[6].male, date(people[6].born.year - 30, 6, 1), 2)
    row = r.put([16, older.name, older.sex, ym_dot(older.born), "二组"])
    r.add.append(expect(older, row, "二组"))
    r.save()


def i18_skips_and_footers() -> None:
    """What is under a roster: 小计, 合计, 以下空白, a row without a name, a repeated header after a page
    break, "注:" notes, 填表人/审核人/填表日期, pre-numbered empty lines."""
    r = Roster("i18_skips_and_footers")
    head = ["序号", "姓名", "性别", "出生年月", "组别", "联系电话"]
    r.title("村民小组花名册", len(head))
    r.put(head)
    n = 0
    for _ in range(8):
        p = person(group=3)
        n += 1
        row = r.put([n, p.name, p.sex, ym_dot(p.born), "三组", None])
        r.add.append(expect(p, row, "三组"))
    r.skip.append(r.put([None, "小计", None, None, None, "8人"]))
    r.ignore.append(r.put(head))  # the header again, on the next printed page
    for _ in range(6):
        p = person(group=3)
        n += 1
        row = r.put([n, p.name, p.sex, ym_dot(p.born), "三组", None])
        r.add.append(expect(p, row, "三组"))
    r.skip.append(r.put([n + 1, None, "女", "1975.06", "三组", "13900000000"]))
    r.skip.append(r.put(["共计", None, None, None, None, "14人"]))
    r.ignore.append(r.put(["以下空白"]))
    for k in range(n + 2, n + 6):
        r.ignore.append(r.put([k]))
    r.ignore.append(r.put(["注:出生年月按户口簿填写。"]))
    r.ignore.append(r.put(["填表人:", None, "审核人:", None, "填表日期:2026年11月"]))
    r.save()


def i19_vaccine() -> None:
    """新冠疫苗接种摸底花名册: 村民小组 first, 年龄, ID as text, three 接种日期 columns that are not births."""
    r = Roster("i19_vaccine")
    head = ["序号", "村民小组", "姓名", "性别", "年龄", "身份证号", "联系电话", "第一剂接种日期", "第二剂接种日期",
            "加强针接种日期", "未接种原因"]
    r.title("柳塘村新冠病毒疫苗接种情况摸底登记表", len(head))
    r.put(head)
    for n in range(1, 15):
        p = person(born=date(RNG.randrange(1940, 2005), RNG.randrange(1, 13), RNG.randrange(1, 28)))
        age = TODAY.year - p.born.year
        row = r.put([n, f"{p.group}组", p.name, p.sex, age, p.id_number, f"18{RNG.randrange(10**8, 10**9)}",
                     datetime(2021, RNG.randrange(3, 7), 12), datetime(2021, RNG.randrange(7, 10), 3),
                     datetime(2022, 1, 20) if n % 3 else None, "禁忌症" if n % 3 == 0 else None])
        r.ws.cell(row, 6).number_format = "@"
        for c in (8, 9, 10):
            r.ws.cell(row, c).number_format = "yyyy/m/d"
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i20_column_order_spaced_headers() -> None:
    """Extra columns and another order: 姓名 first, 出生年月 before 性别, 组别 last; headers typed with
    spaces and line breaks ("姓  名", "出生\\n年月"), 手机号码."""
    r = Roster("i20_column_order_spaced_headers")
    head = ["姓  名", "出生\n年月", "性 别", "民族", "文化\n程度", "政治\n面貌", "婚姻\n状况", "住址", "手机号码",
            "备注", "所属\n小组"]
    r.title("村民基本信息登记表", len(head))
    r.put(head)
    for _ in range(16):
        p = person()
        row = r.put([p.name, ym_dot(p.born), p.sex, "汉", RNG.choice(["小学", "初中", "高中"]),
                     RNG.choice(["群众", "中共党员", "共青团员"]), RNG.choice(["已婚", "未婚", "丧偶"]),
                     f"柳塘村{p.group}组{RNG.randrange(1, 60)}号", f"13{RNG.randrange(10**8, 10**9)}", None,
                     f"{p.group}组"])
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i21_sheet_per_group() -> None:
    """One sheet per group after a 汇总 sheet; the group is the sheet's name (the 二组 sheet is read)."""
    r = Roster("i21_sheet_per_group", "汇总")
    r.put(["组别", "户数", "人数"])
    for g in (1, 2, 3):
        r.put([cn_group(g), 10 + g, 30 + g])
    for g in (1, 2, 3):
        ws = r.wb.create_sheet(cn_group(g))
        saved = r.row
        r.row = 0
        r.put(["序号", "姓名", "性别", "出生年月", "与户主关系"], ws)
        for n in range(1, 9):
            p = person(group=g)
            row = r.put([n, p.name, p.sex, ym_dot(p.born), "户主" if n % 3 == 1 else "家庭成员"], ws)
            if g == 2:
                r.add.append(expect(p, row, "二组"))
        r.row = saved
    r.sheet = "二组"
    r.save()


def i22_daibiao_tuixuan() -> None:
    """村民代表推选表: the 户代表 of the households one 代表 stands for; the group is named in the title only."""
    r = Roster("i22_daibiao_tuixuan")
    head = ["序号", "户主姓名", "家庭人口", "户代表签名(按手印)", "备注"]
    r.title("柳塘村第四村民小组村民代表推选表", len(head))
    r.put(["被推选人:", None, "推选日期:2026年10月8日"])
    r.put(head)
    for n in range(1, 12):
        p = person(group=4)
        row = r.put([n, p.name, RNG.randrange(1, 7), None, None])
        r.add.append(expect(p, row, "第四村民小组", year=None, month=None, sex=""))
    r.ignore.append(r.put(["推选户数:11户,应推选1人。"]))
    r.save()


def i23_csv_tab_gbk_household() -> None:
    """"文本文件(制表符分隔)" from Excel on a Chinese Windows (GBK): 户主 only on first row, 出生年月 "1968.3",
    组 as "01", a blank line between households, 户号 and 户主姓名 typed once per household."""
    rows: list[list] = [["户号", "组", "户主姓名", "姓名", "性别", "出生年月", "与户主关系"]]
    add, ignore = [], []
    for h in range(1, 7):
        g = RNG.randrange(1, 4)
        members = [person(group=g) for _ in range(RNG.randrange(1, 4))]
        for i, p in enumerate(members):
            rows.append([h if i == 0 else "", f"0{g}", members[0].name if i == 0 else "",
                         p.name, p.sex, f"{p.born.year}.{p.born.month}", "户主" if i == 0 else "子女"])
            add.append(expect(p, len(rows), f"0{g}"))
        rows.append([""] * 7)
        ignore.append(len(rows))
    _csv("i23_csv_tab_gbk_household.csv", rows, "gbk", "\t")
    _save_expected("i23_csv_tab_gbk_household", add, [], ignore, [])


def _id_ending_x() -> tuple[Person, str]:
    """A person whose number ends in X (one in eleven do), written with a lower-case x."""
    while True:
        p = person()
        if p.id_number.endswith("X"):
            return p, p.id_number[:-1] + "x"
        _used.discard(p.name)


def i24_fillers_and_id_forms() -> None:
    """"/" in cells left blank on purpose (确权 and many 填表说明: 确属不填的栏目用“/”), 无/未办理 IDs,
    a lower-case x, a number typed with spaces, an old 15-digit number."""
    r = Roster("i24_fillers_and_id_forms")
    head = ["序号", "姓名", "性别", "出生年月", "身份证号码", "组别", "备注"]
    r.title("村民花名册", len(head))
    r.put(head)
    n = 0

    def line(p: Person, sex, birth, ident, note=None) -> None:
        nonlocal n
        n += 1
        row = r.put([n, p.name, sex, birth, ident, cn_group(p.group), note])
        r.ws.cell(row, 5).number_format = "@"
        r.add.append(expect(p, row, cn_group(p.group)))

    for _ in range(3):
        p = person()
        line(p, p.sex, ym_dot(p.born), "/")
    for _ in range(3):
        p = person()
        line(p, p.sex, "/", p.id_number)
    for _ in range(2):
        p = person()
        line(p, "/", ym_dot(p.born), p.id_number)
    p = person(born=date(2023, 5, 2))
    line(p, p.sex, ym_dot(p.born), "未办理", "未办身份证")
    p = person()
    line(p, p.sex, ym_dot(p.born), "无")
    p, lower = _id_ending_x()
    line(p, p.sex, ym_dot(p.born), lower)
    p = person()
    line(p, p.sex, ym_dot(p.born), f"{p.id_number[:6]} {p.id_number[6:14]} {p.id_number[14:]}")
    p = person(born=date(1952, 8, 17))
    old = p.id_number[:6] + p.id_number[8:14] + p.id_number[14:17]
    line(p, p.sex, "/", old)
    r.save()


def i25_stacked_group_tables() -> None:
    """Each 村民小组's table pasted under the last on one sheet, each with its own title and header."""
    r = Roster("i25_stacked_group_tables")
    head = ["序号", "姓名", "性别", "出生年月", "与户主关系", "联系电话"]
    first = True
    for g in (1, 2, 3):
        t = r.title(f"青石村第{CN_NUM[g - 1]}村民小组花名册", len(head))
        h = r.put(head)
        if not first:
            r.ignore.extend((t, h))
        first = False
        for n in range(1, 7):
            p = person(group=g)
            row = r.put([n, p.name, p.sex, ym_dot(p.born), "户主" if n % 3 == 1 else "家庭成员", None])
            r.add.append(expect(p, row, f"第{CN_NUM[g - 1]}村民小组"))
        r.skip.append(r.put([None, "小计", "6人"]))
        r.ignore.append(r.put([]))
    r.save()


def i26_offset_and_notes() -> None:
    """Data from column B (column A left empty for binding), five 说明 lines above the header, no 序号."""
    r = Roster("i26_offset_and_notes")
    head = [None, "姓名", "性别", "出生年月", "村民小组", "家庭住址"]
    t = r.put([None, "2026年村民信息核对表"])
    r.ws.merge_cells(start_row=t, start_column=2, end_row=t, end_column=6)
    for text in ("说明:1.本表由各村民小组长核对后交村委会。", "2.出生年月按户口簿填写,格式为1968.03。",
                 "3.已迁出、死亡人员不再填写。", "4.新出生人口请在备注栏注明。", "填报单位:青石村村民委员会"):
        r.put([None, text])
    r.put(head)
    for _ in range(14):
        p = person()
        row = r.put([None, p.name, p.sex, ym_dot(p.born), f"{p.group}组", f"青石村{p.group}组"])
        r.add.append(expect(p, row, f"{p.group}组"))
    r.save()


def i28_numeric_groups_merged() -> None:
    """组别 typed as numbers (1, 2, 3.0 from a formula) and merged down each group with its 小计 row."""
    r = Roster("i28_numeric_groups_merged")
    head = ["组别", "序号", "姓名", "性别", "出生年月"]
    r.title("村民花名册", len(head))
    r.put(head)
    for g, cell in ((1, 1), (2, 2), (3, 3.0)):
        first = r.row + 1
        for n in range(1, 6):
            p = person(group=g)
            row = r.put([cell if n == 1 else None, n, p.name, p.sex, ym_dot(p.born)])
            r.add.append(expect(p, row, str(g)))
        r.skip.append(r.put([None, None, "小计", "5人"]))
        r.ws.merge_cells(start_row=first, start_column=1, end_row=r.row, end_column=1)
    r.skip.append(r.put(["合计", None, None, "15人"]))
    r.save()


def i29_birth_typing() -> None:
    """More hand-typed 出生年月: "1968.3." , "1968年3", "1968-03-05 00:00:00" (a CSV of a date cell),
    "1968。03" (the IME's full stop), a typed leading ' to keep the 0 of "'1968.10", "1968 .03"."""
    r = Roster("i29_birth_typing")
    head = ["序号", "姓名", "性别", "出生年月", "组别"]
    r.put(head)
    forms = (lambda d: f"{d.year}.{d.month}.", lambda d: f"{d.year}年{d.month}",
             lambda d: f"{d:%Y-%m-%d} 00:00:00", lambda d: f"{d.year}。{d.month:02d}",
             lambda d: f"'{d.year}.{d.month:02d}", lambda d: f"{d.year} .{d.month:02d}")
    for n in range(1, 13):
        p = person(born=date(1960 + n, 10 if n % 2 else 3, 9))
        row = r.put([n, p.name, p.sex, forms[n % len(forms)](p.born), cn_group(p.group)])
        r.add.append(expect(p, row, cn_group(p.group)))
    r.save()


def i30_xlsx_named_xls() -> None:
    """An .xlsx workbook saved under the name "….xls" (Excel's "兼容" habit, or a rename by hand)."""
    r = Roster("i30_xlsx_named_xls")
    head = ["序号", "姓名", "性别", "出生年月", "组别", "联系电话"]
    r.title("村民花名册", len(head))
    r.put(head)
    for n in range(1, 11):
        p = person()
        row = r.put([n, p.name, p.sex, ym_dot(p.born), cn_group(p.group), None])
        r.add.append(expect(p, row, cn_group(p.group)))
    r.wb.save(HERE / f"{r.name}.xls")
    r._write_expected()


def i31_unicode_text() -> None:
    """Excel's "Unicode 文本(*.txt)": UTF-16 with a byte-order mark, tab-separated."""
    rows: list[list] = [["序号", "姓名", "性别", "出生年月", "组别"]]
    add = []
    for n in range(1, 11):
        p = person()
        rows.append([n, p.name, p.sex, ym_dot(p.born), cn_group(p.group)])
        add.append(expect(p, len(rows), cn_group(p.group)))
    _csv("i31_unicode_text.txt", rows, "utf-16", "\t")
    _save_expected("i31_unicode_text", add, [], [], [])


def i32_gongshi_masked() -> None:
    """A 公示 copy (低保/选民名单 posted on the board): 身份证号 masked as 330127********1234,
    each group closed by a "一组小计" line typed in the 姓名 column."""
    r = Roster("i32_gongshi_masked")
    head = ["序号", "姓名", "性别", "出生年月", "身份证号码", "组别"]
    r.title("2026年第四季度农村低保对象公示名单", len(head))
    r.put(head)
    n = 0
    for g in (1, 2):
        for _ in range(5):
            p = person(group=g)
            n += 1
            masked = p.id_number[:6] + "*" * 8 + p.id_number[14:]
            row = r.put([n, p.name, p.sex, ym_dot(p.born), masked, cn_group(g)])
            r.add.append(expect(p, row, cn_group(g)))
        r.skip.append(r.put([None, f"{cn_group(g)}小计", None, None, None, "5人"]))
    r.ignore.append(r.put(["公示期:2026年12月1日至12月7日,监督电话:0571-00000000"]))
    r.save()


def i33_head_in_head_column() -> None:
    """家庭成员 table where a household's first row names its 户主 only in the 户主姓名 column
    (the 家庭成员姓名 cell left empty, 与户主关系 "户主"), members below."""
    r = Roster("i33_head_in_head_column")
    head = ["户号", "户主姓名", "家庭成员姓名", "与户主关系", "性别", "出生年月", "组别"]
    r.title("低保家庭成员情况表", len(head))
    r.put(head)
    for h in range(1, 6):
        g = RNG.randrange(1, 4)
        members = [person(group=g) for _ in range(RNG.randrange(2, 4))]
        for i, p in enumerate(members):
            row = r.put([h if i == 0 else None, p.name if i == 0 else None, None if i == 0 else p.name,
                         "户主" if i == 0 else RNG.choice(["配偶", "子", "女"]), p.sex, ym_dot(p.born),
                         cn_group(g)])
            r.add.append(expect(p, row, cn_group(g)))
    r.save()


def i34_unmerged_two_row_header() -> None:
    """A two-line header typed without merging: 序号/组别/备注 on the top line only (the cell below
    left empty), 家庭成员情况 over 姓名/性别/出生年月 on the second."""
    r = Roster("i34_unmerged_two_row_header")
    r.title("村民家庭成员花名册", 6)
    r.put(["序号", "组别", "家庭成员情况", None, None, "备注"])
    r.put([None, None, "姓名", "性别", "出生年月", None])
    for n in range(1, 11):
        p = person()
        row = r.put([n, cn_group(p.group), p.name, p.sex, ym_dot(p.born), None])
        r.add.append(expect(p, row, cn_group(p.group)))
    r.save()


def i35_group_with_village() -> None:
    """组别 written with the village's name ("青石村一组", "青石村3组"), as in 住址-style columns."""
    r = Roster("i35_group_with_village")
    head = ["序号", "姓名", "性别", "出生年月", "所属组"]
    r.put(head)
    for n in range(1, 11):
        p = person()
        spelled = f"青石村{cn_group(p.group)}" if n % 2 else f"青石村{p.group}组"
        row = r.put([n, p.name, p.sex, ym_dot(p.born), spelled])
        r.add.append(expect(p, row, cn_group(p.group)))
    r.save()


def i36_invisible_characters() -> None:
    """Names and dates pasted from a web page or a chat: zero-width spaces, a BOM, no-break spaces, tabs."""
    r = Roster("i36_invisible_characters")
    head = ["序号", "姓名", "性别", "出生年月", "组别"]
    r.put(head)
    junk = ("\u200b", "\ufeff", "\xa0", "\t", "\u200c", "")
    for n in range(1, 13):
        p = person()
        j = junk[n % len(junk)]
        name = (j + p.name) if n % 2 else (p.name + j)
        row = r.put([n, name, p.sex, ym_dot(p.born) + j, cn_group(p.group)])
        r.add.append(expect(p, row, cn_group(p.group)))
    r.save()


def i37_census_coded_headers() -> None:
    """A sheet copied from the 人口普查短表 [B]: coded headers "D1.姓名" … "D6.民族", 与户主关系 and 性别
    as the form's codes (0 户主, 1 配偶, 2 子女; 1 男, 2 女), 出生年月 "1968年03月"."""
    r = Roster("i37_census_coded_headers")
    r.put(["户编号", "D1.姓名", "D2.与户主关系", "D3.公民身份号码", "D4.性别", "D5.出生年月", "D6.民族"])
    for h in range(1, 5):
        for i in range(RNG.randrange(1, 4)):
            p = person()
            row = r.put([f"{h:03d}", p.name, str(min(i, 2)), p.id_number, "1" if p.male else "2",
                         f"{p.born.year}年{p.born.month:02d}月", "汉族"])
            r.ws.cell(row, 4).number_format = "@"
            r.add.append(expect(p, row, ""))
    r.save()


def main() -> None:
    for f in sorted(HERE.glob("i*_*")):
        if f.suffix in (".xlsx", ".xls", ".csv", ".txt", ".json"):
            f.unlink()
    for make in (i01_cunmin_huamingce, i02_id_only_apostrophe, i03_id_scientific, i04_xuanmin_mingdan,
                 i05_yibao_household, i06_yanglao_dates, i07_dibao, i08_tekun, i09_two_header_rows,
                 i10_queqan_family, i11_csv_wps_gb18030, i12_csv_excel_utf8, i13_fullwidth,
                 i14_dates_variety, i15_households_sections, i16_sex_codes, i17_duplicates,
                 i18_skips_and_footers, i19_vaccine, i20_column_order_spaced_headers,
                 i21_sheet_per_group, i22_daibiao_tuixuan, i23_csv_tab_gbk_household,
                 i24_fillers_and_id_forms, i25_stacked_group_tables, i26_offset_and_notes,
                 i28_numeric_groups_merged, i29_birth_typing, i30_xlsx_named_xls, i31_unicode_text,
                 i32_gongshi_masked, i33_head_in_head_column, i34_unmerged_two_row_header,
                 i35_group_with_village, i36_invisible_characters, i37_census_coded_headers):
        make()


if __name__ == "__main__":
    main()
