"""Hand-built compliance boards for the report tests and the report benchmark.

Built without the compliance engine on purpose: the report is checked
against numbers the test itself chose, not against another computation.
"""

from __future__ import annotations

import random
from datetime import date

from models.township.board import DUE, LATE, MISSING, NA, OK, Board, Cell, Obligation, VillageHead

OBLIGATIONS = (
    Obligation("disclosure_affairs", "村务公开(每季度)", "disclosure", "组织法第30条"),
    Obligation("disclosure_finance", "财务公开(每月)", "disclosure", "组织法第30条"),
    Obligation("disclosure_major", "重大事项公开", "disclosure", "组织法第30条"),
    Obligation("rep_meetings", "村民代表会议(每季度)", "meetings", "组织法第26条"),
    Obligation("committee_meetings", "村委会会议", "meetings", ""),
    Obligation("supervision_meetings", "监委会例会(每月)", "supervision", "组织法第32条"),
    Obligation("appraisal", "民主评议", "supervision", "组织法第33条"),
    Obligation("rules_filed", "村规民约生效并备案", "rules", "组织法第27条"),
    Obligation("escalations", "上报事项已答复", "rules", ""),
)

_NAMES = "青山 绿水 白石 红岩 金竹 银杏 桃源 李家 张湾 高桥 新塘 老屋 东岭 西坪 南溪 北沟 上坝 下庄 中和 太平".split()


def _cell(state: str, expected: int, rng: random.Random) -> Cell:
    if state == OK:
        return Cell(OK, done=expected, expected=expected, note=f"{expected}/{expected}")
    if state == LATE:
        late = rng.randint(1, expected)
        return Cell(LATE, done=expected, late=late, expected=expected, note=f"{expected}/{expected},逾期 {late}")
    if state == MISSING:
        done = rng.randint(0, expected - 1)
        return Cell(MISSING, done=done, expected=expected, note=f"{done}/{expected}")
    if state == DUE:
        return Cell(DUE, expected=expected, note="截止 2026-10-15")
    return Cell(NA)


def make_board(villages: int = 6, obligations: int = len(OBLIGATIONS), seed: int = 7) -> Board:
    """A board for 2026Q3 with a realistic spread: most on time, some late, some missing, one silent."""
    rng = random.Random(seed)
    heads, cells = [], {}
    chosen = OBLIGATIONS[:obligations] if obligations <= len(OBLIGATIONS) else tuple(
        Obligation(f"extra_{i}", f"其他义务{i}", "rules") for i in range(obligations))
    for i in range(villages):
        name = _NAMES[i % len(_NAMES)] + ("村" if i < len(_NAMES) else f"{i // len(_NAMES) + 1}村")
        code = f"330106001{i + 1:03d}"
        silent = i == villages - 1 and villages > 2
        heads.append(VillageHead(code, name, "zhejiang", "" if silent else f"2026-10-{(i % 28) + 1:02d}",
                                 None if silent else 10 + i))
        for o in chosen:
            if silent:
                continue  # nothing has ever arrived from it: every cell NA (left out of the mapping)
            state = rng.choices((OK, LATE, MISSING, DUE, NA), weights=(60, 15, 12, 5, 8))[0]
            expected = {"disclosure_finance": 3, "supervision_meetings": 3}.get(o.key, 1)
            cells[(code, o.key)] = _cell(state, expected, rng)
    return Board("青山镇", "330106001", "2026Q3", "2026年第三季度", date(2026, 7, 1), date(2026, 9, 30),
                 "2026-10-28", tuple(heads), chosen, cells, (("2026年第二季度", 0.7), ("2026年第三季度", 0.75)))


def empty_board(villages: int = 3) -> Board:
    """A board for a period no package covered: villages enrolled, nothing arrived."""
    heads = tuple(VillageHead(f"330106001{i + 1:03d}", _NAMES[i] + "村", "zhejiang") for i in range(villages))
    return Board("青山镇", "330106001", "2026Q3", "2026年第三季度", date(2026, 7, 1), date(2026, 9, 30),
                 "", heads, OBLIGATIONS, {})
