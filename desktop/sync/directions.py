"""Which package goes where, and the reason given when one arrives at the wrong installation.

Packages only flow along the chain village ↔ township ↔ county:

| kind            | from     | to       | what                                  |
|-----------------|----------|----------|---------------------------------------|
| setup           | township | village  | 入网文件                                |
| data            | village  | township | the village's records                 |
| data            | township | village  | 回执 with the township's review results |
| recovery        | township | village  | 恢复包                                  |
| county_setup    | county   | township | the county's 入网文件                    |
| aggregate       | township | county   | 县级汇总包                               |
| county_receipt  | county   | township | the county's 回执                       |

`wrong_direction` answers, for the installation reading a package, why it
cannot take it — so a clerk who carried the wrong file learns where it
belongs instead of "清单不完整".
"""

from __future__ import annotations

from models.entities import MODE_COUNTY, MODE_TOWNSHIP, MODE_VILLAGE
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "directions"

#: kind → the mode that imports it (data: by the sender's kind).
RECEIVER = {
    "setup": MODE_VILLAGE,
    "recovery": MODE_VILLAGE,
    "county_setup": MODE_TOWNSHIP,
    "aggregate": MODE_COUNTY,
    "county_receipt": MODE_TOWNSHIP,
}

_REASONS = {
    ("data", MODE_VILLAGE, MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是村里发给乡镇的数据包,县里不能导入:请交给乡镇导入。县里只导入乡镇的县级汇总包。"),
    ("data", MODE_TOWNSHIP, MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是乡镇发给村里的回执数据包,县里不能导入:请交给那个村导入。县里只导入乡镇的县级汇总包。"),
    ("setup", "", MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是乡镇发给村里的入网文件,县里不能导入:请交给那个村,在村里的电脑上导入。"),
    ("setup", "", MODE_TOWNSHIP): QT_TRANSLATE_NOOP(
        _C, "这是乡镇发给村里的入网文件,不是数据包:请在村里的电脑上用“导入入网文件”打开它。"),
    ("recovery", "", MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是乡镇为村里新电脑生成的恢复包,县里不能导入:请交给那个村。"),
    ("recovery", "", MODE_TOWNSHIP): QT_TRANSLATE_NOOP(
        _C, "这是乡镇为村里新电脑生成的恢复包,应在那个村的新电脑上导入。"),
    ("county_setup", "", MODE_VILLAGE): QT_TRANSLATE_NOOP(
        _C, "这是县里发给乡镇的入网文件,村里不能导入:请交给乡镇,在乡镇的电脑上导入。"),
    ("county_setup", "", MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是县里发给乡镇的入网文件,应在乡镇的电脑上导入,县里不能导入。"),
    ("aggregate", "", MODE_VILLAGE): QT_TRANSLATE_NOOP(
        _C, "这是乡镇报给县里的汇总数据包(各村合规情况汇总),不能导入到村或乡镇的电脑上。"),
    ("aggregate", "", MODE_TOWNSHIP): QT_TRANSLATE_NOOP(
        _C, "这是乡镇报给县里的汇总数据包(各村合规情况汇总),不能导入到村或乡镇的电脑上。"),
    ("county_receipt", "", MODE_VILLAGE): QT_TRANSLATE_NOOP(
        _C, "这是县里发给乡镇的回执,村里不能导入:请交给乡镇导入。"),
    ("county_receipt", "", MODE_COUNTY): QT_TRANSLATE_NOOP(
        _C, "这是县里发给乡镇的回执,应在乡镇的电脑上导入,县里不能导入。"),
}


def wrong_direction(manifest: dict, own_mode: str) -> Message | None:
    """Why an installation of `own_mode` cannot import a package with this manifest (None: it may try).

    Only the direction is judged here; everything else (signature, sender,
    contents) is the importer's to check.
    """
    kind = manifest.get("kind") if isinstance(manifest, dict) else None
    if not isinstance(kind, str):
        return None
    if kind == "data":
        sender = manifest.get("sender", {}).get("kind") if isinstance(manifest.get("sender"), dict) else None
        template = _REASONS.get(("data", sender, own_mode))
    elif RECEIVER.get(kind, own_mode) != own_mode:
        template = _REASONS.get((kind, "", own_mode))
    else:
        template = None
    return msg(_C, template) if template else None
