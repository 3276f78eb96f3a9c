"""The checks a register entry passes before it is written: each refusal a plain Chinese sentence.

Kept apart from `people_service` so the form's rules read in one place:
name and gender, 出生年月 not in the future, a phone that looks like one,
a household and group that exist and agree, one 户主 per household, and a
stay that ends once, after birth and not after today. No register text
holds a 公民身份号码 (`refuse_id_number`): the software never stores one, and a
number typed into a 备注 would otherwise sit in every backup and package.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.services import households_service
from desktop.services.no_id_numbers import refuse_id_number
from models.entities import (
    EDUCATION_LEVELS,
    GENDERS,
    LEFT_KINDS,
    POLITICAL_STATUSES,
    Household,
    Person,
)
from models.errors import ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.person_details import education_of, ethnicity_of, political_status_of

_C = "people"
_PHONE = re.compile(r"[0-9+\-() ]{0,32}")
_EARLIEST_BIRTH = 1900


def _invalid(template: str, **params) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


def _int_or_none(value: Any, template: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _invalid(template) from None


def checked_birth(year: Any, month: Any, today: date | None = None) -> tuple[int | None, int | None]:
    """出生年月 as (year, month): both optional, month only with a year, never in the future."""
    today = today or date.today()
    year = _int_or_none(year, QT_TRANSLATE_NOOP(_C, "出生年份应是四位数字,例如 1968。"))
    month = _int_or_none(month, QT_TRANSLATE_NOOP(_C, "出生月份应是 1 到 12。"))
    if month is not None and not 1 <= month <= 12:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "出生月份应是 1 到 12。"))
    if year is None:
        if month is not None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "只填了出生月份:请同时填出生年份。"))
        return None, None
    if year < _EARLIEST_BIRTH:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "出生年份 {year} 太早了,请核对。"), year=year)
    if (year, month or 1) > (today.year, today.month):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "出生年月不能晚于现在({year}年{month}月)。"),
                       year=today.year, month=today.month)
    return year, month


def checked(name: str, gender: str, details: dict[str, Any], person_id: str = "",
            left_on: str = "") -> dict[str, Any]:
    """The values to write for a person, or a `ValidationError` saying what is wrong.

    `details` may hold birth_year, birth_month, village_group,
    household_entry (a household id or None), household_relation, phone,
    note, household (the old free-text 户号), ethnicity, education and
    political_status (`checked_details`). Unknown keys are refused (a
    caller's typo must not vanish silently).
    """
    unknown = set(details) - {"birth_year", "birth_month", "village_group", "household_entry",
                              "household_relation", "phone", "note", "household", *DETAIL_KEYS}
    if unknown:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的人员字段:{fields}"), fields="、".join(sorted(unknown)))
    name = (name or "").strip()
    if not 1 <= len(name) <= 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请填写姓名(最多 32 个字)。"))
    if gender not in GENDERS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择性别(男或女)。"))
    year, month = checked_birth(details.get("birth_year"), details.get("birth_month"))
    phone = (details.get("phone") or "").strip()
    if not _PHONE.fullmatch(phone):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "电话只能有数字、空格、“-”和“+”,最多 32 位。"))
    group = (details.get("village_group") or "").strip()
    if len(group) > 32:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "村民小组的名称最多 32 个字。"))
    relation = (details.get("household_relation") or "").strip()
    if len(relation) > 16:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "与户主关系最多 16 个字。"))
    household_id = details.get("household_entry") or None
    household_id = getattr(household_id, "id", household_id)
    if household_id is not None:
        household = Household.get_or_none((Household.id == household_id) & (Household.deleted == False))  # noqa: E712
        if household is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "所选的户已不存在,请重新选择。"))
        if household.village_group and group and household.village_group != group:
            raise _invalid(QT_TRANSLATE_NOOP(
                _C, "{number} 户属于{household_group},人却填在{group}:同一户的人应在同一个村民小组。"),
                number=household.number, household_group=household.village_group, group=group)
        group = group or household.village_group
        if not left_on:
            households_service.check_head(household_id, relation, person_id)
    elif relation:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "填了与户主关系,却没有选择户:请先选择这个人所在的户。"))
    for field, text in (("name", name), ("phone", phone), ("village_group", group),
                        ("household_relation", relation), ("note", details.get("note") or ""),
                        ("household", details.get("household") or "")):
        refuse_id_number(field, text)
    values: dict[str, Any] = {
        "name": name, "gender": gender, "birth_year": year, "birth_month": month, "village_group": group,
        "household_entry": household_id, "household_relation": relation, "phone": phone,
        "note": (details.get("note") or "").strip(),
    }
    if "household" in details:
        values["household"] = (details.get("household") or "").strip()[:32]
    values.update(checked_details(details))
    return values


#: 民族, 文化程度, 政治面貌: optional, each kept in one spelling (`models.person_details`).
DETAIL_KEYS = ("ethnicity", "education", "political_status")


def checked_details(details: dict[str, Any]) -> dict[str, str]:
    """民族, 文化程度 and 政治面貌 of `details` (only the keys given) in the kept spelling, or why not.

    Common spellings are taken ("党员" is 中共党员, "大学本科" 本科, "汉" 汉族);
    anything else is refused with the values allowed: the 换届结果统计表
    counts these, and a value it cannot count would vanish from it.
    """
    values: dict[str, str] = {}
    if "ethnicity" in details:
        found = ethnicity_of(details["ethnicity"])
        if found is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "民族“{value}”不是 56 个民族之一,请从列表里选(例如 汉族、壮族)。"),
                           value=str(details["ethnicity"]).strip()[:16])
        values["ethnicity"] = found
    if "education" in details:
        found = education_of(details["education"])
        if found is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "文化程度“{value}”看不懂,只能是:{allowed},或不填。"),
                           value=str(details["education"]).strip()[:16], allowed="、".join(EDUCATION_LEVELS))
        values["education"] = found
    if "political_status" in details:
        found = political_status_of(details["political_status"])
        if found is None:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "政治面貌“{value}”看不懂,只能是:{allowed},或不填。"),
                           value=str(details["political_status"]).strip()[:16], allowed="、".join(POLITICAL_STATUSES))
        values["political_status"] = found
    return values


def checked_end(person: Person, left_on: date | str, kind: str, reason: str,
                today: date | None = None) -> dict[str, Any]:
    """The values that end a person's stay, or why they cannot."""
    today = today or date.today()
    if person.left_on:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "{name}已于 {date} 离开名册,不能再次注销。"),
                       name=person.name, date=person.left_on)
    if kind not in LEFT_KINDS:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请选择迁出、死亡或其他。"))
    reason = (reason or "").strip()
    if not reason:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明原因(例如:婚嫁迁往邻村、病故)。"))
    if isinstance(left_on, str):
        try:
            left_on = date.fromisoformat(left_on)
        except ValueError:
            raise _invalid(QT_TRANSLATE_NOOP(_C, "日期应写成 2026-11-28 这样的年月日。")) from None
    if left_on > today:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离开名册的日期不能晚于今天。"))
    if person.birth_year and (left_on.year, left_on.month) < (person.birth_year, person.birth_month or 1):
        raise _invalid(QT_TRANSLATE_NOOP(_C, "离开名册的日期早于{name}的出生年月,请核对。"), name=person.name)
    return {"left_on": left_on.isoformat(), "left_kind": kind, "left_reason": reason}
