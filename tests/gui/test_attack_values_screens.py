"""Property test of the import boundary: perturbed values within their declared types never break the township.

Issue 16: "A property test takes a genuine signed package, perturbs field
values within their declared types, and asserts that each one is either
refused or imported such that every township screen and report still
renders." The package is 青山村's genuine full package, re-signed with the
village's own key after its values were changed (`tests.support.forged`):
random texts (empty, full length, HTML, right-to-left, emoji, control
characters), integers at their edges, dates at the ends of the accepted
range, codes from their lists, booleans. A refused package leaves the
database byte-identical; an imported one is shown by the 合规看板, the home
page, the 村庄 page, 审核备案, 报表 and the exchange history (pages built as
the main window builds them, their background reads waited for, with no
error logged or shown), and `report compliance` writes its .xlsx and PDF.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.services import compliance_service, exchange_service, review_service, villages_service
from desktop.services.people_service import PERSON_ROLES
from desktop.services.session import cli_session
from desktop.sync import importer
from models.clock import now_utc
from models.db import close_database
from models.disclosure.money import MAX_FEN
from models.errors import PackageRefused
from models.sync import fields, validator
from tests.support import forged
from tests.support.first_contact import confirmed_by
from tests.support.sites import export_to, import_into, make_pair

SEED = int(os.environ.get("CUNWU_PERTURB_SEED", "16"))
PACKAGES = int(os.environ.get("CUNWU_PERTURB_PACKAGES", "6"))
#: Share of the values of each record that a perturbation changes.
SHARE = 0.3
#: Columns left as they are: identity and order of the records, links (the authority checks' business)
#: and the pair a person's leaving is recorded as (a cross-field rule of its own).
KEEP = frozenset({"id", "owner", "seq", "left_on", "left_kind"})

#: Added to every record's change number: the perturbed version is newer than the one the township holds
#: (an equal number with other values would be kept aside as a conflict, never shown).
LATER = 10**6
TEXTS = ["", " ", "<b>粗体</b><script>alert(1)</script>", "\u202e右到左\u202c文字", "👨‍👩‍👧‍👦🏳️‍🌈家",
         "第一行\n第二行\r\n第三行\t", "{0}{name}%s%d", "'; DROP TABLE person;--", "\\u0000\\", "\x07\x1b[31m",
         "丨" * 3, "𠮷野家"]
#: Codes checked by other parts of the import (the register links), not by the validator's `ENUMS`.
OTHER_CODES = {("person_role", "role"): sorted(PERSON_ROLES)}
DATES = ["1850-01-01", "2200-12-31", "2024-02-29", "1999-12-31", "2026-01-01", "2026-12-31"]


def _text(rng: random.Random, limit: int | None) -> str:
    choice = rng.random()
    if limit and choice < 0.2:
        return rng.choice("村务公开abc<&>\u202e") * limit
    text = rng.choice(TEXTS)
    return text[:limit] if limit else text * rng.choice((1, 1, 50))


def _value(rng: random.Random, table: str, check: validator.FieldCheck, field) -> object:
    """A random value of the field's declared type, one the validator accepts."""
    blank = field.default == ""
    if (table, check.column) in OTHER_CODES:
        return rng.choice(OTHER_CODES[table, check.column])
    if check.kind == "integer":
        low = validator.INT64_MIN if check.column in validator.SIGNED_INTEGERS else 0
        return rng.choice([low, 0, 1, 2, 7, 10**6, validator.INT64_MAX, rng.randint(low, validator.INT64_MAX)])
    if check.kind == "money":
        return rng.choice([0, 1, MAX_FEN, -MAX_FEN, rng.randint(-MAX_FEN, MAX_FEN)])
    if check.kind == "year":
        return rng.choice([1850, 2200, 1999, 2026])
    if check.kind == "boolean":
        return rng.choice([0, 1])
    if check.kind == "date":
        return rng.choice(DATES + ([""] if blank else []))
    if check.kind == "timestamp":
        return rng.choice([now_utc(), "2026-12-01T08:00:00Z", "1850-01-01T00:00:00.000000Z"] + ([""] if blank else []))
    if check.kind == "month":
        return rng.choice(["1850-01", "2200-12", "2026-02"])
    if check.kind == "code":
        return rng.choice(sorted(validator.ENUMS[table, check.column]) + ([""] if blank else []))
    if check.kind == "list":
        return json.dumps(rng.sample(TEXTS[2:] + ["广播", "subsidy"], rng.randint(0, 3)), ensure_ascii=False)
    if check.kind == "text":
        return _text(rng, getattr(field, "max_length", None))
    return None  # keys: left alone


def _reported_columns(t: dict) -> tuple[int, frozenset[str]] | None:
    """(index of escalated_on, the columns a reported record keeps) for a table villages report, else None."""
    from desktop.sync import escalations

    if t["name"] not in escalations.REPORTED or "escalated_on" not in t["columns"]:
        return None
    return t["columns"].index("escalated_on"), frozenset({"escalated_on", "deleted"})


def _perturb(body: dict, rng: random.Random) -> int:
    """Change about `SHARE` of the values of every record in place; returns how many were changed."""
    from models.sync.policy import MODEL_BY_TABLE

    changed = 0
    for t in body["tables"]:
        si = t["columns"].index("seq")
        for row in t["rows"]:
            row[si] += LATER  # newer than the township's copy: the perturbed values replace it
        model = MODEL_BY_TABLE[t["name"]]
        by_column = {f.column_name: f for f in model._meta.sorted_fields}
        checks = validator.table_checks(t["name"])
        rules = fields.RULES.get(t["name"], {})
        reported = _reported_columns(t)
        for row in t["rows"]:
            for i, column in enumerate(t["columns"]):
                if column in KEEP or column not in checks or rng.random() > SHARE:
                    continue
                if reported is not None and row[reported[0]] and column in reported[1]:
                    continue  # a report to the township is not taken back (desktop.sync.escalations): a conflict
                check = checks[column]
                if check.kind == "key":
                    continue
                value = _value(rng, t["name"], check, by_column[column])
                if check.check(value) is not None or (column in rules and not rules[column](value)):
                    continue
                if column == "deleted" and value:
                    value = int(rng.random() < 0.3)  # most records stay, so the screens have something to show
                row[i] = value
                changed += 1
    return changed


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """青山镇 holding 青山村's first package, the village's genuine full second package, the pristine database."""
    root = tmp_path_factory.mktemp("perturbed")
    township, village, usb = make_pair(root, years=1)
    (usb / "1").mkdir()
    (usb / "2").mkdir()
    import_into(township, export_to(village, usb / "1").path)
    genuine = export_to(village, usb / "2", full=True).path
    close_database()
    pristine = root / "pristine.sqlite3"
    shutil.copy(township.paths.database, pristine)
    body = forged.open_records(genuine, township.paths)
    return township, village, genuine, pristine, body


def _reset(township, pristine: Path) -> None:
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(township.paths.database) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, township.paths.database)


def _render_pages(qtbot, township, session, shown_errors: list) -> list[str]:
    """Build every township page as the main window does, show it, wait for its reads; the page titles."""
    from desktop.services import setup_service
    from ui.navigation import areas_for_mode
    from ui.pages.factory import build_page

    info = setup_service.current()
    built = []
    for area in areas_for_mode("township"):
        if area.key not in ("home", "villages", "review", "compliance", "reports", "exchange"):
            continue
        page = build_page(area, info, session, township.paths)
        page.resize(1280, 720)
        page.show()
        for _ in range(200):
            QApplication.processEvents()
            busy = getattr(page, "is_busy", None)
            if not (busy and busy()):
                break
            qtbot.wait(10)
        QApplication.processEvents()
        page.grab()  # paints every visible cell and label
        _dispose(page)
        assert not shown_errors, (area.key, shown_errors)
        built.append(area.key)
    return built


def _dispose(widget) -> None:
    """Close and delete a page or dialog now, after its background reads (before the database changes)."""
    from PySide6.QtCore import QEvent

    from ui.operations import wait_for_jobs

    assert wait_for_jobs(20_000)
    QApplication.processEvents()
    widget.hide()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def _render_services(township, out: Path) -> None:
    """What the screens and `report compliance` read, called directly (any exception fails the test)."""
    from desktop.reports.compliance_pdf import write_compliance_pdf
    from desktop.reports.compliance_xlsx import write_compliance_xlsx

    for period in {compliance_service.default_period(), "2026", "2025"}:
        board = compliance_service.board(period)
        for village in board.villages:
            for obligation in board.obligations:
                compliance_service.cell_records(village.code, obligation.key, period)
    write_compliance_xlsx(board, out / "合规报表.xlsx")
    write_compliance_pdf(board, out / "合规报表.pdf")
    exchange_service.history(township.paths)
    exchange_service.overview(township.paths)
    villages_service.register(township.paths)
    for row in review_service.queue():
        review_service.draft(row.version_id)
    review_service.filing_register()
    review_service.escalations()


def test_perturbed_packages_are_refused_or_every_township_screen_renders(world, qtbot, tmp_path, caplog,
                                                                         monkeypatch):
    """Attack: 'A property test takes a genuine signed package, perturbs field values within their declared types,
    and asserts that each one is either refused or imported such that every township screen and report still
    renders.'"""
    from ui.widgets.exchange.preview_dialog import PreviewDialog

    township, village, genuine, pristine, body = world
    shown_errors: list = []
    monkeypatch.setattr("ui.operations.show_error", lambda _parent, exc: shown_errors.append(exc))
    rng = random.Random(SEED)
    imported = refused = 0
    for n in range(PACKAGES):
        perturbed = json.loads(json.dumps(body))
        assert _perturb(perturbed, rng) > 100
        stamp = rng.choice(["2026-12-01T08:00:00Z", now_utc()])  # without microseconds, or as the app writes it
        path = forged.resign(genuine, village.paths, township.paths, tmp_path / f"p{n}", body=perturbed,
                             manifest_edit=lambda m, s=stamp: m.update(seq_to=m["seq_to"] + LATER, created_at=s))
        _reset(township, pristine)
        before = hashlib.sha256(township.paths.database.read_bytes()).hexdigest()
        session = township.use()
        caplog.clear()
        try:
            plan = importer.plan_import(path, township.paths)
            dialog = PreviewDialog(plan)
            dialog.grab()
            _dispose(dialog)
            done = importer.apply_import(session, path, township.paths, backup=False,
                                         confirm=confirmed_by(village.paths))
            assert done.total("changed") > 100 and not done.total("conflict")
        except PackageRefused as exc:
            refused += 1
            assert "Traceback" not in str(exc) and "已拒绝" in str(exc)
            close_database()
            assert hashlib.sha256(township.paths.database.read_bytes()).hexdigest() == before
            continue
        imported += 1
        out = tmp_path / f"report{n}"
        out.mkdir()
        _render_services(township, out)
        assert _render_pages(qtbot, township, cli_session("township"), shown_errors)
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, [r.getMessage() for r in errors]
        close_database()
    print(f"perturbed packages: {imported} imported and shown, {refused} refused")
    assert imported >= PACKAGES // 2, (imported, refused)


#: The dates the issue names: a matter (or a villager's 意见) escalated to the township.
ESCALATED = frozenset({("supervision_matter", "escalated_on"), ("feedback", "escalated_on")})


def test_impossible_dates_already_stored_do_not_break_the_township(world, qtbot, tmp_path, caplog, monkeypatch):
    """Attack: 'One supervision_matter.escalated_on = "2026-02-30" from a village breaks the township's 合规看板,
    home page and `report compliance` (traceback) until that village sends a fix.'

    The boundary now refuses such a package; a database that took one in before it did (or was edited by
    hand) still shows every page and writes the report: the board leaves an escalation without a real day
    out. Every record's time stamp is also stored without microseconds (which the boundary accepts).
    """
    import sqlite3

    from models.sync.policy import SYNCED_TABLES

    township, _village, _genuine, pristine, _body = world
    _reset(township, pristine)
    con = sqlite3.connect(township.paths.database)
    with con:
        for table in SYNCED_TABLES:
            for column, check in validator.table_checks(table).items():
                if (table, column) in ESCALATED:
                    con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid IN '
                                f'(SELECT rowid FROM "{table}" ORDER BY rowid LIMIT 3)', ("2026-02-30",))
                elif check.kind == "timestamp":
                    con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid IN '
                                f'(SELECT rowid FROM "{table}" ORDER BY rowid LIMIT 3)', ("2026-12-01T08:00:00Z",))
    con.close()
    shown_errors: list = []
    monkeypatch.setattr("ui.operations.show_error", lambda _parent, exc: shown_errors.append(exc))
    township.use()
    caplog.clear()
    try:
        _render_services(township, tmp_path)
        assert _render_pages(qtbot, township, cli_session("township"), shown_errors)
    finally:
        close_database()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
