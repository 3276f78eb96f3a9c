"""姓氏笔画 order for the 候选人名单 and the ballot, without a library.

Candidates are listed "按姓氏笔画排序" on the 候选人名单公告 and the 选票.
No installed library knows the stroke counts of the 规范汉字: Qt's ICU
collation offers a stroke order only for Taiwan (zh_TW), which counts 阝, 艹
and 辶 one stroke more than the mainland standard and so puts 陈, 邓, 郑, 苏
and 郭 in the wrong place. So this table holds the mainland stroke counts of
the common surnames (first character; 欧阳 sorts under 欧).

When every name's surname is in the table, names sort by its stroke count,
ties in the order they were registered (the 笔顺 rule 横竖撇点折 for equal
counts is not applied). When one is not, the whole list keeps the register
order — a list half in stroke order would look sorted and be wrong — and
`stroke_sorted` says so, for the paper to print "按登记顺序排列".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_BY_COUNT = {
    2: "丁卜刁乃",
    3: "于万马卫弓干上",
    4: "王方毛孔尹文邓韦牛尤车卞仇巴水元木",
    5: "史叶田白石冯龙卢付包宁左甘兰申司古艾邝边丛冉代皮玉平占",
    6: "任刘吕孙朱江汤许乔伍安齐关庄华向成曲祁阮阳牟吉全米师池闫农毕纪仲邬邢巩戎朴",
    7: "何余吴宋张李杜杨汪沈苏邱邵邹陆陈严肖辛时谷应佟芦岑巫佘连麦冷闵迟沙狄劳邸",
    8: "周孟易林武罗金郑范庞岳欧季尚单房屈卓宗明郎苗和苑苟竺官练经",
    9: "侯姚姜段胡贺赵钟施俞柳祝项娄查柏宫费郝骆饶荣昝洪宣禹柯冒闻",
    10: "唐夏秦袁贾钱顾高徐郭莫倪聂翁涂凌陶殷耿晏桂桑柴党席栾敖诸原姬",
    11: "崔常康曹梁阎龚黄萧盛章梅商戚符隋麻寇鹿",
    12: "傅彭曾程韩董蒋温童舒焦鲁覃游谢喻葛储景粟",
    13: "雷赖蒲蓝詹虞路褚窦靳简解蒙鲍甄",
    14: "廖熊谭管蔡裴翟缪臧",
    15: "潘黎滕樊颜",
    16: "薛霍穆燕",
    17: "戴魏鞠",
    18: "瞿",
}

#: Strokes of the first character of a surname (规范汉字, mainland count).
STROKES: dict[str, int] = {ch: count for count, chars in _BY_COUNT.items() for ch in chars}


def strokes(name: str) -> int | None:
    """The stroke count of `name`'s surname (its first character), None when not in the table."""
    name = (name or "").strip()
    return STROKES.get(name[0]) if name else None


def stroke_sorted(items: Sequence[T], name: Callable[[T], str]) -> tuple[list[T], bool]:
    """`items` in 姓氏笔画 order and True; or in their given order and False when a surname is unknown."""
    counts = [strokes(name(item)) for item in items]
    if any(c is None for c in counts):
        return list(items), False
    order = sorted(range(len(items)), key=lambda i: (counts[i], i))
    return [items[i] for i in order], True
