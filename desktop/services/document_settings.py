"""Where the township's document template and its issued 文号 are kept (文件设置).

Both live in `app_meta`, the installation's own settings table (never sent in
a package): the template as one JSON entry, the numbers given so far as
another (`models.township.documents.NumberBook`). Giving a number reads and
writes the book in one transaction, so two windows printing at once cannot
take the same number, and a document printed again finds the number (and the
成文日期) it got the first time.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date

from desktop.services import setup_service
from desktop.services.session import Session
from models.db import database
from models.entities import MODE_TOWNSHIP, AppMeta
from models.errors import PermissionDenied, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.roles import Permission
from models.township import documents as docs
from models.township.documents import FILING_RECEIPT, Issued, NumberBook, Template

_C = "township_documents"
TEMPLATE_KEY = "documents.template"
NUMBERS_KEY = "documents.numbers"


def _read(key: str) -> object:
    row = AppMeta.get_or_none(AppMeta.key == key)
    if row is None:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


def _write(key: str, value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    AppMeta.insert(key=key, value=text).on_conflict(
        conflict_target=[AppMeta.key], update={AppMeta.value: text}).execute()


def _installation_name() -> str:
    info = setup_service.current()
    return info.name if info else ""


def template() -> Template:
    """The township's template: what it saved, over the defaults (its name + 人民政府)."""
    base = docs.default_template(_installation_name())
    stored = _read(TEMPLATE_KEY)
    if not isinstance(stored, dict):
        return base
    values = {}
    for name, default in asdict(base).items():
        value = stored.get(name)
        if name == "patterns":
            patterns = dict(default)
            if isinstance(value, dict):
                patterns.update({k: v for k, v in value.items() if k in docs.KINDS and isinstance(v, str) and v})
            values[name] = patterns
        elif isinstance(value, type(default)) and not (isinstance(value, str) and not value and default):
            values[name] = value  # an emptied 机关名称 falls back to the default rather than print nothing
    return replace(base, **values)


def save_template(session: Session, t: Template) -> Template:
    """Keep `t` as the township's template (a reviewer or the township's administrator)."""
    session.require(Permission.REVIEW_RULES)
    info = session.installation_info()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise PermissionDenied(msg(_C, QT_TRANSLATE_NOOP(_C, "公文设置只在乡镇的电脑上使用。")))
    t = replace(t, organ_name=t.organ_name.strip(), short_name=t.short_name.strip(),
                patterns={k: v.strip() for k, v in t.patterns.items()}, signatory=t.signatory.strip(),
                contact=t.contact.strip(), phone=t.phone.strip(), report_filler=t.report_filler.strip(),
                report_checker=t.report_checker.strip(), report_head=t.report_head.strip())
    problems = docs.template_problems(t)
    if problems:
        raise ValidationError(problems[0])
    with database.atomic():
        _write(TEMPLATE_KEY, asdict(t))
    return t


def number_book() -> NumberBook:
    """Every number given so far."""
    return NumberBook.from_json(_read(NUMBERS_KEY))


def issued(subject: str) -> Issued | None:
    """The number `subject` was given (None: never printed)."""
    return number_book().number_of(subject)


def issue(session: Session, kind: str, subject: str, on: date) -> Issued:
    """The number of the document about `subject`: the one it got before, or the next free one.

    Giving a new number needs the reviewer's right (it is the township signing a document);
    printing again what already has one does not.
    """
    with database.atomic():
        book = number_book()
        known = book.number_of(subject)
        if known is not None:
            return known
        session.require(Permission.REVIEW_RULES)
        given, book = book.issue(kind, subject, on)
        given = replace(given, text=template().number(kind, given.year, given.number))  # kept for reprints
        book = replace(book, issued={**book.issued, subject: given})
        _write(NUMBERS_KEY, book.to_json())
        return given


def _last_receipt(year: int, used: list[str]) -> int:
    """The highest 备案回执 number of `year` among `used` (read with the saved pattern; 0: none)."""
    t = template()
    pattern = t.patterns.get(FILING_RECEIPT) or docs.DEFAULT_PATTERNS[FILING_RECEIPT]
    numbers = [p[1] for p in (docs.parse_number(pattern, t.short_name, u) for u in used)
               if p is not None and p[0] in (year, 0)]
    return max(numbers, default=0)


def next_receipt_no(on: date, used: list[str]) -> str:
    """The next 备案回执 number of `on`'s year in the township's pattern, above every number in `used`."""
    return template().number(FILING_RECEIPT, on.year, _last_receipt(on.year, used) + 1)


def next_numbers(year: int, receipts_used: list[str]) -> dict[str, int]:
    """The number the next document of each kind gets in `year` (公文设置's 示例 shows it, not always 1).

    审核意见书 and 责令改正通知书 count in the number book; 备案回执 numbers are the register's
    (`receipts_used`), as `next_receipt_no` gives them.
    """
    book = number_book()
    numbers = {kind: book.last.get(f"{kind}:{year}", 0) + 1 for kind in docs.KINDS}
    numbers[FILING_RECEIPT] = _last_receipt(year, receipts_used) + 1
    return numbers
