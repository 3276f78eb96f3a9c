"""No 公民身份号码 in the register's text: the software never stores one.

A number typed into a person's 备注, 电话 or a household's 住址 would sit in
every backup and every package sent to the township (which masks it on
arrival, `models.sync.fields`); the register refuses it where it is typed,
with a sentence that names the field and never repeats the number.
"""

from __future__ import annotations

from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.sync.fields import mask_id_numbers

_C = "people"

#: What is said when a field holds a 公民身份号码, by field (each sentence whole, for the translators).
ID_NUMBER_REFUSALS = {
    "name": QT_TRANSLATE_NOOP(_C, "姓名里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "phone": QT_TRANSLATE_NOOP(_C, "电话里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "note": QT_TRANSLATE_NOOP(_C, "备注里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "village_group": QT_TRANSLATE_NOOP(_C, "村民小组里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "household_relation": QT_TRANSLATE_NOOP(_C, "与户主关系里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "household": QT_TRANSLATE_NOOP(_C, "户号里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "number": QT_TRANSLATE_NOOP(_C, "户号里像是公民身份号码。本软件不保存身份证号,请删去。"),
    "address": QT_TRANSLATE_NOOP(_C, "住址里像是公民身份号码。本软件不保存身份证号,请删去。"),
}


def refuse_id_number(field: str, text: str) -> None:
    """Refuse `text` for `field` (a key of `ID_NUMBER_REFUSALS`) when it holds a 公民身份号码.

    The same recognition as the township's import mask (`models.sync.fields`):
    18 characters whose 7th–14th are a birth date, so a 统一社会信用代码 or an
    account number of the same length is kept. The message never repeats the number.
    """
    if text and mask_id_numbers(text)[1]:
        raise ValidationError(msg(_C, ID_NUMBER_REFUSALS[field]))
