"""民族, 文化程度 and 政治面貌 of a register entry: the values kept, and the spellings a 花名册 uses.

The county's 换届结果统计表 counts the 村委会's members by 民族, 文化程度 and
党员, so the register holds the three (optional, "" = not recorded) in one
spelling each: `models.entities.EDUCATION_LEVELS`, `POLITICAL_STATUSES` and
the 56 民族 of `ETHNICITIES`. Rosters write them many ways ("大学本科",
"党员", "汉"); `ethnicity_of`, `education_of` and `political_status_of` give
the kept spelling, or None for a value they do not know (the form refuses
it, the roster import keeps it in the 备注 with a warning).
"""

from __future__ import annotations

import unicodedata

from models.entities import EDUCATION_LEVELS, POLITICAL_STATUSES

#: The 56 民族, 汉族 first, then roughly by population (the order a combo offers them).
ETHNICITIES = (
    "汉族", "壮族", "回族", "满族", "维吾尔族", "苗族", "彝族", "土家族", "藏族", "蒙古族", "侗族", "布依族",
    "瑶族", "白族", "朝鲜族", "哈尼族", "黎族", "哈萨克族", "傣族", "畲族", "傈僳族", "东乡族", "仡佬族",
    "拉祜族", "佤族", "水族", "纳西族", "羌族", "土族", "仫佬族", "锡伯族", "柯尔克孜族", "景颇族", "达斡尔族",
    "撒拉族", "布朗族", "毛南族", "塔吉克族", "普米族", "阿昌族", "怒族", "鄂温克族", "京族", "基诺族",
    "德昂族", "保安族", "俄罗斯族", "裕固族", "乌孜别克族", "门巴族", "鄂伦春族", "独龙族", "赫哲族",
    "高山族", "珞巴族", "塔塔尔族",
)
#: Written on some 户口簿 besides the 56 (未识别民族, 入籍).
OTHER_ETHNICITIES = ("未识别民族", "外国血统中国籍人士")

#: 文化程度 as rosters write it -> the level kept.
_EDUCATION_SPELLINGS = {
    "文盲": "小学及以下", "半文盲": "小学及以下", "小学": "小学及以下", "小学以下": "小学及以下",
    "不识字或识字很少": "小学及以下", "扫盲班": "小学及以下", "学龄前": "小学及以下", "小学及以下": "小学及以下",
    "初中": "初中", "初级中学": "初中", "初中及以下": "初中",
    "高中": "高中", "高级中学": "高中", "普通高中": "高中", "职高": "高中", "职业高中": "高中",
    "中专": "中专", "中专/技校": "中专", "中专技校": "中专", "技校": "中专", "中等专科": "中专", "中技": "中专",
    "中等专业学校": "中专", "中职": "中专",
    "大专": "大专", "大学专科": "大专", "专科": "大专", "高职": "大专", "高职高专": "大专", "大专及以上": "大专",
    "本科": "本科", "大学本科": "本科", "大学": "本科", "大本": "本科", "本科及以上": "本科",
    "研究生": "研究生", "硕士": "研究生", "硕士研究生": "研究生", "博士": "研究生", "博士研究生": "研究生",
    "研究生及以上": "研究生",
}

#: 政治面貌 as rosters write it -> the status kept.
_POLITICAL_SPELLINGS = {
    "中共党员": "中共党员", "党员": "中共党员", "中国共产党党员": "中共党员", "共产党员": "中共党员",
    "中共预备党员": "中共预备党员", "预备党员": "中共预备党员",
    "共青团员": "共青团员", "团员": "共青团员", "中国共产主义青年团团员": "共青团员",
    "民主党派": "民主党派", "民主党派成员": "民主党派", "民革": "民主党派", "民盟": "民主党派", "民建": "民主党派",
    "民进": "民主党派", "农工党": "民主党派", "致公党": "民主党派", "九三学社": "民主党派", "台盟": "民主党派",
    "无党派人士": "群众", "无党派": "群众", "群众": "群众", "普通群众": "群众",
}


def _squeezed(value: object) -> str:
    if value is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def ethnicity_of(value: object) -> str | None:
    """The 民族 as kept ("汉" and "汉族" give "汉族"); "" when empty; None when not a 民族's name."""
    text = _squeezed(value)
    if not text:
        return ""
    if text in ETHNICITIES or text in OTHER_ETHNICITIES:
        return text
    if text + "族" in ETHNICITIES:
        return text + "族"
    if text == "蒙古":
        return "蒙古族"
    return None


def education_of(value: object) -> str | None:
    """The 文化程度 as kept ("大学本科" gives "本科", "文盲" "小学及以下"); "" when empty; None when unknown.

    A "毕业"/"肄业"/"在读"/"文化" ending is ignored ("高中毕业" is 高中).
    """
    text = _squeezed(value).replace("/", "/")
    if not text:
        return ""
    if text in EDUCATION_LEVELS:
        return text
    for ending in ("毕业", "肄业", "在读", "文化", "学历", "程度"):
        text = text.removesuffix(ending)
    return _EDUCATION_SPELLINGS.get(text)


def political_status_of(value: object) -> str | None:
    """The 政治面貌 as kept ("党员" gives "中共党员", "团员" "共青团员"); "" when empty; None when unknown."""
    text = _squeezed(value)
    if not text:
        return ""
    if text in POLITICAL_STATUSES:
        return text
    return _POLITICAL_SPELLINGS.get(text)
