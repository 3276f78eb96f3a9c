"""Issue 16, "an audit that someone else holds" (2): the township witnesses each village's audit chain.

A village that rewrites (or removes) audit rows it has already sent, and
recomputes the chain and the head in the same file so that its own `cunwu
check` passes, is caught by the township at the next package: the import is
not refused (the records are still the village's latest) but flagged
"broken" — in the plan, in `cunwu import --json`, in the township's witness
table — and the village's own check fails once a 回执 has told it which head
the township holds. A normal exchange stays "ok", a restored village is
"restored". Real packages on disk, real SQLite files.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop import backup
from desktop.services import integrity_service, record_store
from models.db import close_database
from models.entities import Person
from models.sync.records import Peer
from tests.support.audit_tamper import rewrite_audit_log
from tests.support.first_contact import confirmed_by
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, export_to, import_into, make_pair

ROOT = Path(__file__).resolve().parents[2]

# models.sync.records' WITNESS_* values, spelled out so the file loads on a main without them
WITNESS_THEIRS, WITNESS_OURS = "theirs", "ours"
WITNESS_OK, WITNESS_BROKEN, WITNESS_RESTORED = "ok", "broken", "restored"


def _rename_first_person(site, name: str) -> None:
    session = site.use()
    person = Person.select().where(Person.deleted == False).order_by(Person.id).first()  # noqa: E712
    record_store.update(session, person, name=name)
    close_database()


def _local_check(site) -> integrity_service.CheckReport:
    site.use()
    try:
        return integrity_service.run_check()
    finally:
        close_database()


def _witness_rows(site, side: str) -> list[tuple[int, int, str]]:
    from models.sync.records import AuditWitness

    site.use()
    try:
        return [(r.package_number, r.count, r.status) for r in
                AuditWitness.select().where(AuditWitness.side == side).order_by(AuditWitness.id)]
    finally:
        close_database()


def _cli_import(site, path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(site.paths.data_dir), "--json",
                           "import", "--yes", str(path)], capture_output=True, text=True, cwd=ROOT,
                          stdin=subprocess.DEVNULL, timeout=180)
    assert proc.returncode == 0, proc.stderr
    [result] = json.loads(proc.stdout)["packages"]
    return result


def _attack(tmp_path, how: str):
    township, village, usb = make_pair(tmp_path, years=1)
    first = import_into(township, export_to(village, usb).path)
    assert first.audit == "ok"
    rewrite_audit_log(village.paths.database, how)
    assert not _local_check(village).audit_problems, "the rewritten chain and head pass the village's chain check"
    _rename_first_person(village, "改名后")  # the village goes on working
    return township, village, usb, export_to(village, usb).path


def test_rewritten_audit_row_is_flagged_broken_on_import(tmp_path):
    """"After dropping the triggers, editing a row and recomputing the chain and the head (all in the same
    file), `cunwu check` passes" — the township flags the village whose new chain does not extend the last
    head it saw (rows rewritten after they were sent), in `import --json` and in its witness table."""
    township, village, usb, second = _attack(tmp_path, "edit")
    from desktop.sync import importer

    township.use()
    try:
        witness_plan = importer.plan_import(second, township.paths)
    finally:
        close_database()
    assert witness_plan.audit == "broken"
    assert "第" in witness_plan.audit_reason and "不一致" in witness_plan.audit_reason, witness_plan.audit_reason
    result = _cli_import(township, second)
    assert result["audit"] == "broken", result
    assert "不一致" in result["audit_reason"]
    assert result["new"] + result["changed"] > 0, "a broken chain does not refuse the records"
    assert [s for _n, _c, s in _witness_rows(township, WITNESS_THEIRS)] == [WITNESS_OK, WITNESS_BROKEN]
    from desktop.sync import witness

    township.use()
    try:
        flag = witness.peer_audit(Peer.get_by_id(VILLAGE_CODE))
    finally:
        close_database()
    assert flag.status == WITNESS_BROKEN and "不一致" in flag.reason


def test_village_check_fails_against_the_head_the_township_acknowledged(tmp_path):
    """"The village's `cunwu check` likewise compares its chain with the heads acknowledged in the
    township's 回执": after the rewrite, the next 回执 names the row that no longer matches."""
    township, village, usb, second = _attack(tmp_path, "edit")
    import_into(township, second)
    receipt = export_to(township, usb, recipient_code=VILLAGE_CODE).path
    import_into(village, receipt)
    report = _local_check(village)
    assert not report.ok
    texts = [str(p) for p in report.audit_problems]
    assert any(t.startswith("本村审计日志的第 ") and "回执中确认的不一致(记录在发出后被改动或删除)" in t
               for t in texts), texts
    # and the township keeps flagging every later package until the village is re-enrolled
    _rename_first_person(village, "再改一次")
    third = import_into(township, export_to(village, usb).path)
    assert third.audit == "broken"


def test_deleting_audit_rows_after_sending_is_flagged(tmp_path):
    """"Deleting every audit row and the head gives '0 条,链条完整'" — the township sees the rows it
    already holds are gone; removing one row in the middle (renumbered, rechained) is caught too."""
    for how in ("delete-all", "delete-middle"):
        township, village, usb, second = _attack(tmp_path / how, how)
        plan = import_into(township, second)
        assert plan.audit == "broken", (how, plan.audit_reason)
        assert "删除" in plan.audit_reason or "不一致" in plan.audit_reason


def test_a_normal_exchange_stays_ok_both_ways(tmp_path):
    """Packages and 回执 back and forth: every head extends the last, every check passes."""
    township, village, usb = make_pair(tmp_path, years=1)
    for n in range(3):
        plan = import_into(township, export_to(village, usb).path)
        assert plan.audit == "ok", plan.audit_reason
        back = import_into(village, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
        assert back.audit == "ok", back.audit_reason
        _rename_first_person(village, f"改名{n}")
    assert all(s == WITNESS_OK for _n, _c, s in _witness_rows(township, WITNESS_THEIRS))
    ours = _witness_rows(village, WITNESS_OURS)
    assert len(ours) == 3 and all(s == WITNESS_OK for _n, _c, s in ours)
    assert _local_check(village).ok and _local_check(township).ok


def test_import_json_says_the_audit_is_ok_for_an_honest_village(tmp_path):
    """"`import --json` reports `"audit": "broken"` with the reason (`"ok"` otherwise)" — the otherwise:
    an honest village's next package, through the command line."""
    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    _rename_first_person(village, "改名后")
    result = _cli_import(township, export_to(village, usb).path)
    assert result["audit"] == "ok" and result["audit_reason"] == "", result


def test_two_packages_before_a_receipt_and_one_arriving_late_stay_ok(tmp_path):
    """Several packages in flight: the anchors cover every head the township may hold; a late one is ok."""
    township, village, usb = make_pair(tmp_path, years=1)
    one = export_to(village, usb).path
    _rename_first_person(village, "甲")
    two = export_to(village, tmp_path).path
    _rename_first_person(village, "乙")
    three = export_to(village, usb).path
    assert import_into(township, two).audit == "ok"
    assert import_into(township, one).audit == "ok"
    assert import_into(township, three).audit == "ok"


def test_a_restored_village_is_restored_not_broken(tmp_path):
    """A village that restored a backup legitimately goes back to an earlier head: "restored", with the date."""
    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    import_into(village, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
    village.use()
    saved = backup.create_backup(village.paths.database, village.paths.backups, reason="manual")
    close_database()
    _rename_first_person(village, "备份之后")
    import_into(township, export_to(village, usb).path)
    backup.restore(saved, village.paths.database, village.paths.backups)
    _rename_first_person(village, "恢复之后")
    plan = import_into(township, export_to(village, usb).path)
    assert plan.audit == "restored", plan.audit_reason
    assert "从备份恢复" in plan.audit_reason
    from desktop.sync import witness

    township.use()
    try:
        assert witness.peer_audit(Peer.get_by_id(VILLAGE_CODE)).status == WITNESS_RESTORED
    finally:
        close_database()
    # the restored chain is the one compared from now on
    import_into(village, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
    _rename_first_person(village, "恢复之后再改")
    assert import_into(township, export_to(village, usb).path).audit == "ok"
    assert _local_check(village).ok
    assert TOWNSHIP_CODE


def test_reenrolment_starts_the_witness_over(tmp_path):
    """Re-enrolment of a village on a new PC resets the baseline: the new PC's new chain is not "broken"."""
    from desktop.services.session import cli_session
    from desktop.sync import enrollment
    from tests.support.sites import Site

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "delete-all")
    _rename_first_person(village, "篡改后")
    assert import_into(township, export_to(village, usb).path).audit == "broken"
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "村里换了电脑", usb)
    close_database()
    from desktop.paths import AppPaths
    from desktop.storage import open_store

    new_pc = Site(AppPaths(tmp_path / "新电脑"), "village")
    close_database()
    open_store(new_pc.paths, backup_before_migration=False)
    enrollment.initialize_from_setup(setup)
    from desktop.services import people_service

    people_service.add_person(cli_session("village"), "新电脑上的人", "男")
    close_database()
    plan = import_into(township, export_to(new_pc, usb).path)
    assert plan.audit == "ok", plan.audit_reason
    from desktop.sync import witness

    township.use()
    try:
        assert witness.peer_audit(Peer.get_by_id(VILLAGE_CODE)).status == WITNESS_OK
    finally:
        close_database()


def test_a_village_recovered_from_the_township_starts_a_witnessed_chain(tmp_path):
    """A village whose PC died is re-enrolled and gets its records back from the township's 恢复包: its new
    PC's new audit chain is not "broken", and it is witnessed from its first package on."""
    import shutil

    from desktop.paths import AppPaths
    from desktop.services import people_service
    from desktop.services.session import cli_session
    from desktop.sync import enrollment, recovery
    from tests.support.sites import Site

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    _rename_first_person(village, "坏之前")
    import_into(township, export_to(village, usb).path)
    shutil.rmtree(village.paths.data_dir)  # the PC died, no backup
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "村里电脑硬盘损坏", usb)
    close_database()
    new_pc = Site(AppPaths(tmp_path / "新电脑"), "village")
    new_pc.use()
    enrollment.initialize_from_setup(setup)
    close_database()
    assert import_into(township, export_to(new_pc, usb).path).audit == "ok"  # brings the new PC's keys
    session = township.use()
    written = recovery.export_recovery(session, township.paths, VILLAGE_CODE, usb)
    close_database()
    session = new_pc.use()
    recovery.apply_recovery(session, written.path, new_pc.paths)
    people_service.add_person(cli_session("village"), "恢复后新登记", "男")
    close_database()
    plan = import_into(township, export_to(new_pc, usb).path)
    assert plan.audit == "ok", plan.audit_reason
    import_into(new_pc, export_to(township, usb, recipient_code=VILLAGE_CODE).path)
    report = _local_check(new_pc)
    assert not report.audit_problems, [str(p) for p in report.audit_problems]  # the witnessed part of the check
    from desktop.sync import witness

    township.use()
    try:
        assert witness.peer_audit(Peer.get_by_id(VILLAGE_CODE)).status == WITNESS_OK
    finally:
        close_database()


def test_a_rewrite_disguised_as_a_restore_is_still_broken(tmp_path):
    """The village rewrites its log and marks its database "restored" to pass the rewrite off as a
    legitimate restore: a restore keeps the rows already sent, so the anchors it carries still must match."""
    import sqlite3

    from desktop.sync import counters

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    con = sqlite3.connect(village.paths.database)
    with con:
        con.execute("INSERT INTO app_meta (key, value) VALUES (?, ?)", (counters.KEY_RESTORED, "2026-12-01T08:00:00.000000Z"))
    con.close()
    plan = import_into(township, export_to(village, usb).path)
    assert plan.audit == "broken", plan.audit_reason
    assert "不一致" in plan.audit_reason


def test_a_package_without_its_audit_head_is_broken_and_a_malformed_one_refused(tmp_path):
    """A lying sender (its own key signs what it wrote) that leaves the head out is flagged; one whose
    head is not what any app writes is refused whole, journalled, the database unchanged."""
    import pytest

    from desktop.sync import importer
    from models.errors import PackageRefused
    from tests.support import forged
    from tests.support.sites import full_dump

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    _rename_first_person(village, "又改了")
    genuine = export_to(village, usb).path
    for n, bad in enumerate(({"count": "3", "hash": "0" * 64}, {"count": 3, "hash": "<b>x</b>"},
                             {"count": 3, "hash": "a" * 64, "anchors": [[1, "zz"]]}, ["not", "a", "dict"],
                             {"count": 2**70, "hash": "a" * 64}, {"count": 3, "hash": "a" * 64, "anchors": {}})):
        def edit(manifest, bad=bad):
            manifest["audit"] = bad
        path = forged.resign(genuine, village.paths, township.paths, tmp_path / f"bad{n}", manifest_edit=edit)
        before = full_dump(township.paths.database)
        session = township.use()
        with pytest.raises(PackageRefused) as err:
            importer.apply_import(session, path, township.paths, backup=False, confirm=confirmed_by(village.paths))
        close_database()
        assert "清单" in str(err.value) and "已拒绝导入" in str(err.value)
        assert full_dump(township.paths.database) == before
    assert len(importer.read_refusals(township.paths.data_dir)) >= 6

    def strip(manifest):
        manifest.pop("audit")
    stripped = forged.resign(genuine, village.paths, township.paths, tmp_path / "stripped", manifest_edit=strip)
    plan = import_into(township, stripped)
    assert plan.audit == "broken" and "没有带审计日志的链头" in plan.audit_reason
