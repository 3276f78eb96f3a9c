"""Issue 16, "Field values are not checked at the boundary": every case, through `cunwu import --yes`.

Each package here is genuine in every way the package layer checks: sealed to
the township, signed by the enrolled village's own key (`tests.support.forged`
plays a village whose software wrote what it should not). Each must be
refused whole: exit 1, a Chinese reason on stderr, a line in the refusal
journal, no traceback, and the township's database file byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import tracemalloc
from pathlib import Path

import pytest

from desktop import cli
from desktop.services import exchange_service
from desktop.sync import importer
from models.clock import local_display
from models.db import close_database
from models.field_labels import field_label
from tests.support import forged
from tests.support.sites import export_to, import_into, make_pair


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """青山镇 holding 青山村's first package; the village's full second package (the base of each forgery)."""
    root = tmp_path_factory.mktemp("values")
    township, village, usb = make_pair(root, years=1)
    (usb / "1").mkdir()
    (usb / "2").mkdir()
    first = export_to(village, usb / "1")
    import_into(township, first.path)
    second = export_to(village, usb / "2", full=True).path
    close_database()
    pristine = root / "pristine.sqlite3"
    shutil.copy(township.paths.database, pristine)
    return township, village, second, pristine


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _journal(township) -> list[dict]:
    return importer.read_refusals(township.paths.data_dir, limit=10_000)


def _reset(world) -> None:
    """The township's database as it was before any forgery (the first package imported)."""
    township, _village, _genuine, pristine = world
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(township.paths.database) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, township.paths.database)


def _import_refused(world, path: Path, capsys) -> str:
    """Import `path` with the CLI; assert the refusal contract; return the reason printed."""
    township = world[0]
    _reset(world)
    before, journal_before = _digest(township.paths.database), len(_journal(township))
    capsys.readouterr()
    code = cli.main(["--data-dir", str(township.paths.data_dir), "import", "--yes", str(path)])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    assert "已拒绝" in err or "数据包已损坏" in err, err
    journal = _journal(township)
    assert len(journal) == journal_before + 1
    assert journal[0]["file"] == path.name and journal[0]["reason"] in err
    assert _digest(township.paths.database) == before  # byte-identical: nothing half imported
    return journal[0]["reason"]


def _forge(world, tmp_path, **kw) -> Path:
    township, village, genuine, _ = world
    return forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", **kw)


def _body_with(world, edit) -> dict:
    township, _village, genuine, _ = world
    body = forged.open_records(genuine, township.paths)
    edit(body)
    return body


def test_an_impossible_date_from_a_village_is_refused(world, tmp_path, capsys):
    """Attack: 'One supervision_matter.escalated_on = "2026-02-30" from a village breaks the township's
    合规看板, home page and `report compliance` (traceback) until that village sends a fix.'"""
    body = _body_with(world, lambda b: forged.set_value(b, "supervision_matter", "escalated_on", "2026-02-30"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "监督事项" in reason and "“上报乡镇日期”" in reason and "2026-02-30" in reason and "不是存在的日期" in reason


def test_a_created_at_without_microseconds_imports_and_the_history_and_preview_read_it(world, tmp_path, capsys):
    """Attack: 'a `created_at` without microseconds breaks the exchange history and the import preview.'

    The same instant without microseconds is accepted (the readers take both forms); the history and the
    preview's 生成时间 show it. A stamp that is no time at all is refused (next test).
    """
    township = world[0]
    path = _forge(world, tmp_path, manifest_edit=lambda m: m.update(created_at="2026-12-01T08:00:00Z"))
    _reset(world)
    session = township.use()
    try:
        plan = importer.plan_import(path, township.paths)
        assert local_display(plan.created_at).startswith("2026-12-01")
        assert "生成于 2026-12-01" in plan.summary_lines()[0]
    finally:
        close_database()
    assert cli.main(["--data-dir", str(township.paths.data_dir), "import", "--yes", str(path)]) == 0
    capsys.readouterr()
    session = township.use()
    try:
        [row] = [r for r in exchange_service.history(township.paths) if r.file_name == path.name and r.number]
        assert row.created_at.startswith("2026-12-01")
        assert exchange_service.overview(township.paths).peers
    finally:
        close_database()
    del session


def test_a_created_at_that_is_no_time_is_refused(world, tmp_path, capsys):
    """Attack: 'a `created_at` … breaks the exchange history and the import preview' — one that is no time."""
    path = _forge(world, tmp_path, manifest_edit=lambda m: m.update(created_at="2026-13-01T08:00:00Z"))
    reason = _import_refused(world, path, capsys)
    assert "生成时间" in reason and "2026-13-01T08:00:00Z" in reason


def test_an_updated_at_that_is_no_time_is_refused(world, tmp_path, capsys):
    """Attack: 'a `created_at` without microseconds …' — a record's own time stamp that does not parse."""
    body = _body_with(world, lambda b: forged.set_value(b, "person", "updated_at", "2026-02-30T08:00:00Z"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "“修改时间”" in reason and "不是本软件写的时间" in reason


@pytest.mark.parametrize(("table", "column", "value"), [
    ("voucher_review", "total_fen", "一百元"),
    ("meeting", "expected_count", "12"),
    ("person", "birth_year", "1970"),
])
def test_text_in_an_integer_column_is_refused(world, tmp_path, capsys, table, column, value):
    """Attack: 'Text in integer columns … are stored as sent.'"""
    body = _body_with(world, lambda b: forged.set_value(b, table, column, value))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert ("应是整数" in reason or "不合规定的“出生年份”" in reason) and value in reason


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_refused(world, tmp_path, capsys, value):
    """Attack: 'NaN, Infinity … are stored as sent.'"""
    body = _body_with(world, lambda b: forged.set_value(b, "financial_line", "income_fen", value))
    raw = forged.dumps(body)
    assert b"NaN" in raw or b"Infinity" in raw
    reason = _import_refused(world, _forge(world, tmp_path, records=forged.compress(raw)), capsys)
    assert "不是数" in reason


def test_a_decimal_in_an_integer_column_is_refused(world, tmp_path, capsys):
    """Attack: 'Text in integer columns, NaN, Infinity … are stored as sent' — a decimal, which no column holds."""
    body = _body_with(world, lambda b: forged.set_value(b, "financial_line", "income_fen", 1234.5))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "含有小数“1234.5”" in reason


def test_a_payload_of_empty_lists_is_refused_before_parsing(world, tmp_path, capsys):
    """Attack: 'A 1.9 MB records.bin that inflates to gigabytes' — the same in Python objects: 30 MB of `[],`
    that would parse into some 600 MB of lists is refused before json.loads sees it."""
    raw = b'{"tables":[{"name":"person","columns":[],"rows":[' + b"[]," * 10_000_000 + b"[]]}]}"
    path = _forge(world, tmp_path, records=forged.compress(raw))
    tracemalloc.start()
    try:
        reason = _import_refused(world, path, capsys)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "几乎全是空的列表" in reason
    print(f"30 MB of empty lists; peak traced {peak / 1024**2:.0f} MB")
    assert peak < 200 * 1024**2


def test_deleted_yes_is_refused(world, tmp_path, capsys):
    """Attack: '`deleted = "yes"` [is] stored as sent.'"""
    body = _body_with(world, lambda b: forged.set_value(b, "person", "deleted", "yes"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "“删除标记”" in reason and "是/否" in reason


def test_a_missing_not_null_column_is_refused_in_chinese(world, tmp_path, capsys):
    """Attack: 'A missing NOT NULL column … give[s] raw tracebacks instead of the Chinese refusal (and [is] not
    journalled).'"""
    body = _body_with(world, lambda b: forged.drop_column(b, "supervision_matter", "title"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "缺少必填的一栏“事项”" in reason and "监督事项" in reason


def test_a_missing_column_the_table_cannot_do_without_is_refused_in_chinese(world, tmp_path, capsys):
    """Attack: 'A missing NOT NULL column …' — one whose model has a default (a 备注) but whose table, created
    with it, has none: the INSERT would fail half-way; the refusal names it instead."""
    body = _body_with(world, lambda b: forged.drop_column(b, "supervision_matter", "findings"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "缺少必填的一栏“发现的问题”" in reason


@pytest.mark.parametrize(("table", "column"), [("meeting", "expected_count"), ("person", "seq"),
                                               ("questioned_voucher", "amount_fen")])
def test_an_integer_beyond_64_bits_is_refused(world, tmp_path, capsys, table, column):
    """Attack: 'an integer ≥ 2^63 … give[s] raw tracebacks instead of the Chinese refusal.'"""
    body = _body_with(world, lambda b: forged.set_value(b, table, column, 2**63))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert f"“{field_label(table, column)}”" in reason and column not in reason
    assert "超出了允许的范围" in reason or "清单与内容不一致" in reason


def test_an_integer_beyond_64_bits_in_the_manifest_is_refused(world, tmp_path, capsys):
    """Attack: 'an integer ≥ 2^63 … give[s] raw tracebacks' — in the signed manifest (the package number)."""
    path = _forge(world, tmp_path, manifest_edit=lambda m: m.update(number=2**63))
    assert "超出范围的整数" in _import_refused(world, path, capsys)


def test_nan_in_the_manifest_is_refused(world, tmp_path, capsys):
    """Attack: 'NaN, Infinity' — in the signed manifest."""
    path = _forge(world, tmp_path, manifest_bytes=lambda raw: raw.replace(b'"full":true', b'"full":NaN'))
    assert "NaN" in _import_refused(world, path, capsys)


@pytest.mark.parametrize(("find", "put"), [(b'"format":1', b'"format":1e400'), (b'"size":', b'"size":1e400,"x":')])
def test_a_number_beyond_any_integer_in_the_manifest_is_refused(world, tmp_path, capsys, find, put):
    """Attack: 'an integer ≥ 2^63 … give[s] raw tracebacks' — a manifest number JSON reads as infinity."""
    path = _forge(world, tmp_path, manifest_bytes=lambda raw: raw.replace(find, put, 1))
    assert "数据包已损坏" in _import_refused(world, path, capsys)


def test_json_nested_200000_deep_is_refused(world, tmp_path, capsys):
    """Attack: 'JSON nested 200,000 deep give[s] raw tracebacks instead of the Chinese refusal.'"""
    deep = b'{"tables":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    reason = _import_refused(world, _forge(world, tmp_path, records=forged.compress(deep)), capsys)
    assert "嵌套过深" in reason


def test_a_manifest_nested_200000_deep_is_refused(world, tmp_path, capsys):
    """Attack: 'JSON nested 200,000 deep' — the signed manifest itself."""
    path = _forge(world, tmp_path, manifest_bytes=lambda raw: raw[:-1] + b',"zz":' + b"[" * 200_000
                  + b"]" * 200_000 + b"}")
    assert "清单嵌套过深" in _import_refused(world, path, capsys)


def test_a_records_bin_inflating_to_gigabytes_is_refused_in_bounded_memory(world, tmp_path, capsys):
    """Attack: 'A 1.9 MB `records.bin` that inflates to gigabytes took 5.7 GB of memory.'"""
    bomb = forged.bomb(2 * 1024**3)
    assert len(bomb) < 2.2 * 1024**2
    path = _forge(world, tmp_path, records=bomb)
    tracemalloc.start()
    try:
        reason = _import_refused(world, path, capsys)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "压缩炸弹" in reason
    print(f"bomb {len(bomb) / 1024**2:.1f} MB compressed -> 2048 MB; peak traced {peak / 1024**2:.0f} MB")
    assert peak < 256 * 1024**2  # the cap is 50x the member (about 106 MB), never the 2 GB the bomb holds


def test_the_genuine_package_still_imports(world, capsys):
    """The boundary refuses the forgeries above, not what the app itself writes."""
    township, _village, genuine, _pristine = world
    _reset(world)
    code = cli.main(["--data-dir", str(township.paths.data_dir), "--json", "import", "--yes", str(genuine)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["packages"][0]["ok"]


@pytest.mark.parametrize(("table", "column"), [("disclosure_item", "category"), ("disclosure_item", "period_kind"),
                                               ("disclosure_subject", "category"), ("committee_member", "position"),
                                               ("appraisal", "body"), ("rule_opinion", "source"),
                                               ("rule_version", "trigger")])
def test_a_code_the_app_never_writes_is_refused(world, tmp_path, capsys, table, column):
    """Attack: 'Text in integer columns … are stored as sent' — and text in a code column: the issue's
    "enumerations" (a 公开 of category "bonus" would fall out of every 合规看板 count)."""
    body = _body_with(world, lambda b: forged.set_value(b, table, column, "bonus"))
    reason = _import_refused(world, _forge(world, tmp_path, body=body), capsys)
    assert "bonus" in reason and "不是本软件认识的代码" in reason
