"""The 村民委员会换届选举结果统计表 the county asks every township for, as .xlsx.

One row per village whose result is announced (the 换届's members counted by
post, sex, age band, 党员, education, 民族, 一肩挑, 交叉任职, 连任, and the
turnout), the township's total, notes that define each column, the
villages not counted (no package, or no 换届 yet), and the 填报人 / 审核人 /
负责人 lines a county form ends with. A4 landscape, one page wide, the two
header rows repeated on every page.

Reads only the frozen `ElectionBoard` (`desktop.services.election_board_service`)
and counts with `models.township.election_stats`, so the sheet and the
screen agree.
"""

from __future__ import annotations

from pathlib import Path

from desktop.reports import xlsx_style as xs
from desktop.reports.i18n import text, tr
from models.messages import QT_TRANSLATE_NOOP, msg
from models.township import election_stats as st
from models.township import elections_board as eb
from models.township.elections_board import ElectionBoard

_C = "election_stats_report"
_HEAD = 4  # rows 1-3: title, 填报单位 and 填报日期, blank; rows 4-5: the two header rows
_PERCENT = "0.0%"

#: (group, [(column label, Counts attribute)]) — a group of one column spans both header rows.
_GROUPS = (
    (QT_TRANSLATE_NOOP(_C, "职数"), ((QT_TRANSLATE_NOOP(_C, "应选"), "seats"),
                                    (QT_TRANSLATE_NOOP(_C, "实选"), "elected"))),
    (QT_TRANSLATE_NOOP(_C, "职务"), ((QT_TRANSLATE_NOOP(_C, "主任"), "chairs"),
                                    (QT_TRANSLATE_NOOP(_C, "副主任"), "vices"),
                                    (QT_TRANSLATE_NOOP(_C, "委员"), "members"))),
    (QT_TRANSLATE_NOOP(_C, "女性"), ((QT_TRANSLATE_NOOP(_C, "女性"), "women"),)),
    (QT_TRANSLATE_NOOP(_C, "年龄"), ((QT_TRANSLATE_NOOP(_C, "35岁及以下"), "age_35"),
                                    (QT_TRANSLATE_NOOP(_C, "36—50岁"), "age_36_50"),
                                    (QT_TRANSLATE_NOOP(_C, "51—60岁"), "age_51_60"),
                                    (QT_TRANSLATE_NOOP(_C, "60岁以上"), "age_over_60"))),
    (QT_TRANSLATE_NOOP(_C, "党员"), ((QT_TRANSLATE_NOOP(_C, "党员"), "party"),)),
    (QT_TRANSLATE_NOOP(_C, "文化程度"), ((QT_TRANSLATE_NOOP(_C, "大专及以上"), "college"),
                                        (QT_TRANSLATE_NOOP(_C, "高中(中专)"), "high_school"),
                                        (QT_TRANSLATE_NOOP(_C, "初中及以下"), "middle_or_less"))),
    (QT_TRANSLATE_NOOP(_C, "少数民族"), ((QT_TRANSLATE_NOOP(_C, "少数民族"), "minority"),)),
    (QT_TRANSLATE_NOOP(_C, "书记主任“一肩挑”"), ((QT_TRANSLATE_NOOP(_C, "书记主任“一肩挑”"), "one_shoulder"),)),
    (QT_TRANSLATE_NOOP(_C, "交叉任职"), ((QT_TRANSLATE_NOOP(_C, "交叉任职"), "cross"),)),
    (QT_TRANSLATE_NOOP(_C, "连任"), ((QT_TRANSLATE_NOOP(_C, "连任"), "reelected"),)),
    (QT_TRANSLATE_NOOP(_C, "选民"), ((QT_TRANSLATE_NOOP(_C, "登记选民"), "registered"),
                                    (QT_TRANSLATE_NOOP(_C, "参加投票"), "cast"),
                                    (QT_TRANSLATE_NOOP(_C, "投票率"), "turnout"))),
)

_NOTES = (
    QT_TRANSLATE_NOOP(_C, "说明:1. 本表只统计已交来数据包、已发布当选公告的村;数据来自各村数据包,截至填报日期。"),
    QT_TRANSLATE_NOOP(_C, "2. 年龄按选举日所在年份减出生年份计算;党员含中共预备党员;文化程度按人员名册登记。"),
    QT_TRANSLATE_NOOP(_C, "3. 一肩挑:当选公告之日同一人任村党组织书记和村民委员会主任;交叉任职:当选成员中当日任村党组织委员"
                          "(含书记)的人数;连任:选举前五年内担任过村民委员会职务的当选成员。"),
    QT_TRANSLATE_NOOP(_C, "4. 投票率 = 正式选举参加投票人数 ÷ 登记选民人数。"),
)


def _t(source: str) -> str:
    return tr(_C, source)


def counted_rows(board: ElectionBoard) -> list[tuple[eb.BoardRow, st.Counts]]:
    """The villages the sheet counts (the result announced: 当选公告 on record by the board's day), with their counts."""
    out = []
    today = board.today.isoformat()
    for row in board.reporting:
        e = row.election
        if e is None or e.main_round is None or not e.announced_on or e.announced_on > today:
            continue
        out.append((row, st.village_counts(e, row.village.roles)))
    return out


def write_election_stats_xlsx(board: ElectionBoard, path: Path) -> Path:
    """Write the 统计表 of `board` to `path` (atomically) and return the path.

    Raises:
        xlsx_style.ReportWriteError: the file could not be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = _t(QT_TRANSLATE_NOOP(_C, "换届结果统计"))
    columns = [(group, label, key) for group, items in _GROUPS for label, key in items]
    width = 3 + len(columns)  # 序号, 村名, 阶段, then the counts
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1, text(msg(_C, QT_TRANSLATE_NOOP(_C, "{township}村民委员会换届选举结果统计表"),
                           township=board.township_name)))
    ws.cell(1, 1).font = Font(name="黑体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.cell(2, 1, text(msg(_C, QT_TRANSLATE_NOOP(_C, "填报单位:{name}({code})　　填报日期:{day}"),
                           name=board.township_name, code=board.township_code, day=board.today.isoformat())))
    ws.oddHeader.left.text = board.township_name.replace("&", "&&")

    border, centre = xs.thin_border(), Alignment(horizontal="center", vertical="center", wrap_text=True)
    lead = (QT_TRANSLATE_NOOP(_C, "序号"), QT_TRANSLATE_NOOP(_C, "村名"), QT_TRANSLATE_NOOP(_C, "阶段"))
    for col, label in enumerate(lead, start=1):
        ws.cell(_HEAD, col, _t(label))
        ws.merge_cells(start_row=_HEAD, start_column=col, end_row=_HEAD + 1, end_column=col)
    col = 4
    for group, items in _GROUPS:
        if len(items) == 1:
            ws.cell(_HEAD, col, _t(items[0][0]))
            ws.merge_cells(start_row=_HEAD, start_column=col, end_row=_HEAD + 1, end_column=col)
        else:
            ws.cell(_HEAD, col, _t(group))
            ws.merge_cells(start_row=_HEAD, start_column=col, end_row=_HEAD, end_column=col + len(items) - 1)
            for i, (label, _key) in enumerate(items):
                ws.cell(_HEAD + 1, col + i, _t(label))
        col += len(items)
    header_cells = [ws.cell(r, c) for r in (_HEAD, _HEAD + 1) for c in range(1, width + 1)]
    xs.style_header(header_cells, wrap=True, border=True)
    for cell in header_cells:
        cell.alignment = centre
    ws.row_dimensions[_HEAD].height = 22
    ws.row_dimensions[_HEAD + 1].height = 30

    plain = xs.Stamp(border=border, alignment=Alignment(vertical="center"))
    number = xs.Stamp(border=border, alignment=Alignment(horizontal="center", vertical="center"))
    percent = xs.Stamp(border=border, alignment=Alignment(horizontal="center", vertical="center"),
                       number_format=_PERCENT)
    bold = xs.Stamp(border=border, font=Font(bold=True), alignment=Alignment(horizontal="center",
                                                                             vertical="center"))
    bold_percent = xs.Stamp(border=border, font=Font(bold=True), number_format=_PERCENT,
                            alignment=Alignment(horizontal="center", vertical="center"))

    def put(r: int, counts: st.Counts, first: tuple, total: bool = False) -> None:
        for c, value in enumerate(first, start=1):
            cell = ws.cell(r, c, xs.cell_text(value))
            (bold if total else (number if c == 1 else plain))(cell)
        for c, (_group, _label, key) in enumerate(columns, start=4):
            value = counts.turnout if key == "turnout" else getattr(counts, key)
            cell = ws.cell(r, c, value if value is not None else "—")
            if key == "turnout" and value is not None:
                (bold_percent if total else percent)(cell)
            else:
                (bold if total else number)(cell)

    rows = counted_rows(board)
    r = _HEAD + 2
    for n, (row, counts) in enumerate(rows, start=1):
        put(r, counts, (n, row.village.name, _t(eb.stage_label(row.stage))))
        r += 1
    put(r, st.total(c for _row, c in rows), ("", _t(QT_TRANSLATE_NOOP(_C, "合计")),
                                                text(msg(_C, QT_TRANSLATE_NOOP(_C, "{n} 个村"), n=len(rows)))),
        total=True)
    r += 2
    notes = [_t(n) for n in _NOTES]
    unknown = st.total(c for _row, c in rows)
    if unknown.age_unknown or unknown.education_unknown:
        notes.append(text(msg(_C, QT_TRANSLATE_NOOP(
            _C, "5. 人员名册未填出生年份的 {age} 人、未填文化程度的 {edu} 人不计入相应栏目,请各村补登。"),
            age=unknown.age_unknown, edu=unknown.education_unknown)))
    counted = {row.village.code for row, _c in rows}
    waiting = [row.village.name for row in board.reporting if row.village.code not in counted]
    if waiting:
        notes.append(text(msg(_C, QT_TRANSLATE_NOOP(_C, "尚未发布当选公告的村({n} 个):{names}"),
                              n=len(waiting), names="、".join(waiting))))
    if board.silent:
        notes.append(text(msg(_C, QT_TRANSLATE_NOOP(_C, "未交来数据包的村({n} 个):{names}"),
                              n=len(board.silent), names="、".join(x.village.name for x in board.silent))))
    for line in notes:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1, xs.cell_text(line)).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = 30 if len(line) > 60 else 16
        r += 1
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    ws.cell(r, 1, _t(QT_TRANSLATE_NOOP(
        _C, "填报人:＿＿＿＿＿＿　　　　审核人:＿＿＿＿＿＿　　　　负责人:＿＿＿＿＿＿　　　　（盖章）")))
    ws.row_dimensions[r].height = 24

    for c in range(1, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 6.5
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = max(10, min(24, max((xs.display_width(row.village.name)
                                                          for row, _c in rows), default=8) + 2))
    ws.column_dimensions["C"].width = 12
    ws.column_dimensions[get_column_letter(width)].width = 8
    ws.freeze_panes = ws.cell(_HEAD + 2, 3)
    xs.print_setup(ws, f"{_HEAD}:{_HEAD + 1}", footer=True)
    return xs.save_atomically(wb, Path(path))
