"""Issue 16, "The audit can be rewritten": `cunwu check` replays the audit log against the records.

Each attack edits the database file behind the app's back with plain sqlite3,
as anyone holding the PC could, then runs `check` the way the clerk or the
township's technician would. On the pre-issue main (52fba17) every one of
them passed as "链条完整".
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.paths import AppPaths
from desktop.services import integrity_service
from desktop.storage import open_store
from models import audit
from models.db import close_database
from tests.support import templates
from tests.unit.test_cli import as_json, cunwu


def _village_demo(root: Path) -> None:
    d = root / "村"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    assert cunwu("demo", "--years", "3", data_dir=d).returncode == 0


@pytest.fixture
def village_dir(tmp_path) -> Path:
    """青山村 with three years of demo history, made by `cunwu init` + `cunwu demo` (copied per test)."""
    templates.copy_tree(templates.template("attack_audit_replay_village", _village_demo), tmp_path)
    return tmp_path / "村"


def _sql(folder: Path, *statements: tuple) -> None:
    con = sqlite3.connect(folder / "cunwu.sqlite3")
    for statement in statements:
        con.execute(*statement)
    con.commit()
    con.close()


def _one(folder: Path, sql: str, *args) -> tuple:
    con = sqlite3.connect(folder / "cunwu.sqlite3")
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def _check(folder: Path) -> tuple[int, dict]:
    out = cunwu("--json", "check", data_dir=folder)
    return out.returncode, as_json(out)


def test_the_untouched_demo_village_passes_check(village_dir):
    """A village with several years of demo history: every record matches its audit (`cunwu demo` leaves it so)."""
    code, report = _check(village_dir)
    assert code == 0 and report["ok"] is True, report
    assert report["records_checked"] > 1000 and report["record_problems"] == []
    assert any("均与审计记录一致" in line for line in cunwu("check", data_dir=village_dir).stdout.splitlines())


def test_a_financial_line_amount_edited_behind_the_app_is_named(village_dir):
    """Attack: "Editing a `financial_line` … directly is never noticed."."""
    line_id, expense, summary = _one(village_dir, "SELECT id, expense_fen, summary FROM financial_line"
                                     " WHERE expense_fen > 0 ORDER BY id LIMIT 1")
    _sql(village_dir, ("UPDATE financial_line SET expense_fen = ? WHERE id = ?", (expense * 10, line_id)))
    code, report = _check(village_dir)
    assert code == 1 and report["ok"] is False and report["records_mismatched"] == 1
    assert report["audit_problems"] == []  # the chain itself is intact: only the replay sees it
    [problem] = report["record_problems"]
    assert problem.startswith("财务明细“") and summary in problem
    assert (f"的支出金额与审计记录不一致:审计记录为 {expense / 100:.2f} 元,现为 {expense * 10 / 100:.2f} 元"
            in problem)


def test_a_person_renamed_behind_the_app_is_named(village_dir):
    """Attack: "Editing … a `person` … directly is never noticed."."""
    person_id, name = _one(village_dir, "SELECT id, name FROM person ORDER BY name LIMIT 1")
    _sql(village_dir, ("UPDATE person SET name = '冒名顶替' WHERE id = ?", (person_id,)))
    code, report = _check(village_dir)
    assert code == 1 and report["records_mismatched"] == 1
    assert report["record_problems"] == [
        f"人员“冒名顶替”的姓名与审计记录不一致:审计记录为 {name},现为 冒名顶替"]


def test_a_user_role_raised_behind_the_app_is_named(village_dir):
    """Attack: "Editing … `user.role` directly is never noticed." (the 文书 makes itself 管理员)."""
    _sql(village_dir, ("UPDATE user SET role = 'admin' WHERE login = 'wenshu'",))
    code, report = _check(village_dir)
    assert code == 1
    assert report["record_problems"] == ["账号“wenshu”的角色与审计记录不一致:审计记录为 村文书/村支书(secretary),现为 管理员(admin)"]


def test_deleting_every_audit_row_and_the_head_fails_check(village_dir):
    """Attack: "deleting every audit row and the head gives "0 条,链条完整"."."""
    _sql(village_dir, ("DROP TRIGGER audit_entry_no_delete",), ("DELETE FROM audit_entry",),
         ("DELETE FROM app_meta WHERE key = 'audit_head'",))
    out = cunwu("check", data_dir=village_dir)
    assert out.returncode == 1
    assert "没有任何审计记录(不是经本软件写入的)" in out.stdout
    code, report = _check(village_dir)
    assert code == 1 and report["audit_rows"] == 0 and report["records_unaudited"] == report["records_checked"] > 0


def _rechain(folder: Path, drop_record: str | None = None) -> None:
    """Renumber and rehash the audit log and its head in the file, as an attacker with the source would.

    With `drop_record` the audit rows of that record are deleted first (covering the tracks).
    """
    con = sqlite3.connect(folder / "cunwu.sqlite3")
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("DROP TRIGGER audit_entry_no_delete")
    if drop_record:
        con.execute("DELETE FROM audit_entry WHERE record_id = ?", (drop_record,))
    prev, last = audit.GENESIS, 0
    rows = con.execute("SELECT id, at, actor, action, table_name, record_id, old_values, new_values"
                       " FROM audit_entry ORDER BY id").fetchall()
    for new_id, (row_id, at, actor, action, table, record_id, old, new) in enumerate(rows, start=1):
        digest = audit._row_hash(prev, new_id, at, actor, action, table, record_id, old, new)
        con.execute("UPDATE audit_entry SET id = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (new_id, prev, digest, row_id))
        prev, last = digest, new_id
    con.execute("UPDATE app_meta SET value = ? WHERE key = 'audit_head'", (f"{last}:{prev}",))
    con.commit()
    con.close()


def test_a_rechained_log_still_names_the_edited_record(village_dir):
    """Attack: "After dropping the triggers, editing a row and recomputing the chain and the head (all in
    the same file), `cunwu check` passes".

    The chain is whole again after the rehash, so the chain check alone is fooled; the
    replay still names the record, whose row no longer matches the values the log leaves
    it with. Had the attacker rewritten the audit *values* of the record too, nothing
    inside this one file could tell: that is what the heads the township keeps
    (`audit_witness`, issue 16 part 2) are for.
    """
    person_id, name = _one(village_dir, "SELECT id, name FROM person ORDER BY name LIMIT 1")
    _sql(village_dir, ("UPDATE person SET phone = '13900000000' WHERE id = ?", (person_id,)))
    _rechain(village_dir)
    code, report = _check(village_dir)
    assert code == 1 and report["audit_problems"] == []  # the chain alone is fooled
    assert report["record_problems"] == [f"人员“{name}”的电话与审计记录不一致:审计记录为 (空),现为 13900000000"]


def test_a_rechained_log_without_the_records_rows_names_the_record(village_dir):
    """Attack, covering the tracks: the audit rows of the edited record are deleted, the rest renumbered and
    rehashed, the head rewritten. The record is then one with no audit at all, and named as such."""
    person_id, name = _one(village_dir, "SELECT id, name FROM person ORDER BY name LIMIT 1")
    _sql(village_dir, ("UPDATE person SET phone = '13900000000' WHERE id = ?", (person_id,)))
    _rechain(village_dir, drop_record=person_id)
    code, report = _check(village_dir)
    assert code == 1 and report["audit_problems"] == []
    assert report["record_problems"] == [f"人员“{name}”没有任何审计记录(不是经本软件写入的)"]


def test_logins_lock_outs_and_password_changes_are_not_mismatches(village_dir):
    """What the app writes without an audit row of the record (last login, the throttle) is left out by name."""
    from desktop.services import auth_service
    from models.errors import CunwuError

    open_store(AppPaths(village_dir), backup_before_migration=False)
    for _ in range(6):
        with pytest.raises(CunwuError):
            auth_service.login("jianwei", "wrong")
    auth_service.login("admin", "demo1234")
    report = integrity_service.run_check()
    close_database()
    assert report.ok, [str(line) for line in report.lines()]


def _two_villages(index: int, session) -> None:
    from desktop import demo

    demo.fill_village(session, years=2, seed=index + 3, logins=False)


@pytest.fixture
def township(tmp_path):
    from tests.support.sites import township_with_villages

    site, session = township_with_villages(tmp_path, [("330106001001", "青山村"), ("330106001002", "溪口村")],
                                           _two_villages, key="attack_audit_replay")
    yield site, session
    close_database()


def test_a_township_with_imported_villages_passes_check(township):
    """Imported rows are verified by the digests the import's audit row carries."""
    report = integrity_service.run_check()
    assert report.ok, [str(line) for line in report.lines()]
    assert report.replay.records > 1000


def test_an_imported_row_edited_at_the_township_is_named(township):
    """The township's copy of a village's 财务明细, edited by hand: named, though only a digest was audited."""
    from models.db import database

    line_id, summary = database.execute_sql(
        "SELECT id, summary FROM financial_line WHERE owner = '330106001002' ORDER BY id LIMIT 1").fetchone()
    database.execute_sql("UPDATE financial_line SET income_fen = income_fen + 100000 WHERE id = ?", (line_id,))
    report = integrity_service.run_check()
    assert not report.ok and report.replay.mismatched == 1
    [problem] = [str(p) for p in report.replay.problems]
    assert problem.startswith("财务明细“") and summary in problem and "此后被改动过" in problem


def test_the_import_audit_row_carries_a_digest_per_written_row(township):
    """The design stays cheap: one 16-hex digest per written row, grouped by table with its column list."""
    from models.entities import AuditEntry

    entry = AuditEntry.select().where(AuditEntry.action == "import").order_by(AuditEntry.id).first()
    rows = json.loads(entry.new_values)["rows"]
    assert rows["person"]["cols"][0] == "id" and "seq" not in rows["person"]["cols"]
    assert all(len(d) == 16 for d in rows["person"]["digests"].values())
    assert sum(len(b["digests"]) for b in rows.values()) == sum(json.loads(entry.new_values)["counts"].values())


def test_a_resolved_conflict_and_a_late_enrolment_leave_a_database_that_passes_check(tmp_path):
    """Writes outside `record_store` are audited so that the replay can follow them: the incoming version of
    a same-owner conflict taken at the township, and the township pinned on a village that was set up alone."""
    import shutil

    from desktop.services import exchange_service, record_store
    from desktop.services.session import cli_session
    from desktop.sync import enrollment
    from models.entities import Person, Village
    from models.sync.records import Peer, SyncConflict
    from tests.support.sites import VILLAGE_CODE, _enrol, make_pair
    from tests.support.sites import export_to as export
    from tests.support.sites import import_into as apply

    township, village, usb = make_pair(tmp_path / "pair", years=1)
    apply(township, export(village, usb).path)
    apply(village, export(township, usb, recipient_code=VILLAGE_CODE).path)
    saved = tmp_path / "old.sqlite3"
    shutil.copy(village.paths.database, saved)
    session = village.use()
    person = Person.select().order_by(Person.id).first()
    record_store.update(session, person, note="恢复前写的")
    assert integrity_service.run_check().ok  # the village, after importing the township's package
    close_database()
    apply(township, export(village, usb).path)
    shutil.copy(saved, village.paths.database)
    for suffix in ("-wal", "-shm"):
        (village.paths.database.parent / (village.paths.database.name + suffix)).unlink(missing_ok=True)
    session = village.use()
    Peer.update(last_out_no=Peer.last_out_no + 1).execute()
    record_store.update(session, Person.get_by_id(person.id), note="恢复后写的")
    close_database()
    assert apply(township, export(village, usb).path).total("conflict") == 1
    township.use()
    exchange_service.resolve_conflict(cli_session("township"), SyncConflict.get().id, "incoming")
    report = integrity_service.run_check()
    assert report.ok, [str(line) for line in report.lines()]
    close_database()

    alone = tmp_path / "alone"
    setup_file, _, _ = _enrol(AppPaths(alone / "乡镇"), AppPaths(alone / "村"), alone / "U盘", "青山镇", enroll=False)
    enrollment.accept_setup(enrollment.read_setup(setup_file))
    assert Village.get().township_code == "330106001"
    assert integrity_service.run_check().ok


def test_an_upgraded_database_is_baselined_once_and_then_held_to_it(tmp_path):
    """A township database of schema 9 held imported rows with no digest: its upgrade takes them into the
    log once (one `baseline` entry), after which a hand edit of one of them is named like any other."""
    import shutil

    from models.db import database
    from models.entities import AuditEntry

    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema_v9.sqlite3", paths.database)
    open_store(paths, backup_before_migration=False)
    [baseline] = AuditEntry.select().where(AuditEntry.action == "baseline")
    assert json.loads(baseline.new_values)["rows"]["person"]["digests"]
    assert integrity_service.run_check().ok
    close_database()
    open_store(paths, backup_before_migration=False)  # reopening writes no second baseline
    assert AuditEntry.select().where(AuditEntry.action == "baseline").count() == 1
    person_id, name = database.execute_sql("SELECT id, name FROM person ORDER BY name LIMIT 1").fetchone()
    database.execute_sql("UPDATE person SET phone = '13900000000' WHERE id = ?", (person_id,))
    report = integrity_service.run_check()
    assert [str(p) for p in report.replay.problems] == [
        f"人员“{name}”的内容与审计记录中的摘要(导入或升级时记下)不一致:此后被改动过"]
