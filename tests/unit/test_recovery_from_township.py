"""Issue 16, "Recovery from the township": a village whose PC died, with no backup, gets its records back.

"the township writes a 恢复包 with every record that village owns (it has a
copy of each), signed and sealed to the village's new key after
re-enrolment; the new PC imports it and continues the numbering. Test: a
village with ten years of records, its data folder deleted, recovered from
the township, canonical dumps equal."

The ten-year village is built once for the module (the pair is a session
template; its first package, the re-enrolment and the recovery run once).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from desktop.paths import AppPaths
from desktop.services import setup_service
from desktop.sync import enrollment, recovery
from models.db import close_database
from models.errors import PackageRefused, ValidationError
from tests.support.sites import (
    ADMIN_PASSWORD,
    VILLAGE_CODE,
    Site,
    add_people,
    canonical_dump,
    export_to,
    full_dump,
    import_into,
    make_pair,
)

TIMINGS: dict[str, float] = {}


def _columns(site: Site, table: str) -> list[str]:
    import sqlite3

    con = sqlite3.connect(site.paths.database)
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def _new_pc(setup_file: Path, folder: Path) -> Site:
    """A new PC: initialised from the new 入网文件, an administrator created (as the first-run wizard does)."""
    site = Site(AppPaths(folder), "village")
    site.use()
    enrollment.initialize_from_setup(setup_file)
    setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    close_database()
    return site


@pytest.fixture(scope="module")
def recovered(tmp_path_factory):
    """Ten years at the village → township; the village's folder deleted; re-enrolled; recovered."""
    root = tmp_path_factory.mktemp("recovery")
    start = time.perf_counter()
    township, village, usb = make_pair(root, years=10)
    TIMINGS["pair (10 years, template)"] = time.perf_counter() - start
    session = village.use()
    from desktop.services import attachments_service
    from models.meetings.records import Meeting

    photo = root / "签到表.png"
    photo.write_bytes(bytes(range(256)) * 8)
    attachments_service.add(session, village.paths.attachments, "meeting", Meeting.select().first().id, photo)
    close_database()
    start = time.perf_counter()
    first = export_to(village, usb)
    import_into(township, first.path)
    TIMINGS["first full package + import"] = time.perf_counter() - start
    original = canonical_dump(village.paths.database, VILLAGE_CODE)
    held = canonical_dump(township.paths.database, VILLAGE_CODE)
    shutil.rmtree(village.paths.data_dir)  # the PC died, no backup

    start = time.perf_counter()
    session = township.use()
    new_setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "村里电脑硬盘损坏", usb)
    close_database()
    new_pc = _new_pc(new_setup, village.paths.data_dir)
    hello = export_to(new_pc, usb)  # brings the new PC's keys; the township confirms the fingerprint
    import_into(township, hello.path)
    session = township.use()
    written = recovery.export_recovery(session, township.paths, VILLAGE_CODE, usb)
    close_database()
    TIMINGS["write 恢复包"] = time.perf_counter() - start
    start = time.perf_counter()
    session = new_pc.use()
    plan = recovery.apply_recovery(session, written.path, new_pc.paths)
    close_database()
    TIMINGS["import 恢复包"] = time.perf_counter() - start
    return township, new_pc, usb, original, held, written, plan, hello


def test_a_village_with_ten_years_recovered_from_the_township_has_equal_canonical_dumps(recovered):
    """"a village with ten years of records, its data folder deleted, recovered from the township,
    canonical dumps equal"."""
    township, new_pc, _, original, held, written, plan, _ = recovered
    assert held == original  # the township held a copy of each
    assert canonical_dump(new_pc.paths.database, VILLAGE_CODE) == original
    assert written.attachments == plan.attachments == 1
    [row] = original["attachment"]
    digest = row[[c.lower() for c in _columns(new_pc, "attachment")].index("sha256")]
    assert (new_pc.paths.attachments / digest[:2] / digest).read_bytes() == bytes(range(256)) * 8
    assert plan.records == written.records == sum(len(rows) for rows in original.values()) > 3000
    print("\nrecovery timings:", {k: round(v, 2) for k, v in TIMINGS.items()},
          f"records {written.records}, 恢复包 {written.size // 1024} KB")


def test_the_recovered_village_passes_cunwu_check(recovered):
    """The recovered records are audited on the new PC (the import's row digests): `cunwu check` passes."""
    from desktop.services import integrity_service

    _, new_pc, _, _, _, _, _, _ = recovered
    new_pc.use()
    try:
        report = integrity_service.run_check()
    finally:
        close_database()
    assert report.ok, [str(line) for line in report.lines()]
    assert report.replay.records > 3000 and not report.replay.unaudited


def test_the_recovered_village_continues_the_numbering(recovered, tmp_path):
    """"the new PC imports it and continues the numbering": a new edit and a changed record arrive at the
    township as new and changed — not older, not a conflict."""
    township, new_pc, usb, _, _, written, _, hello = recovered
    work = tmp_path / "work"
    shutil.copytree(new_pc.paths.data_dir, work / "村")
    shutil.copytree(township.paths.data_dir, work / "乡镇")
    village, town = Site(AppPaths(work / "村"), "village"), Site(AppPaths(work / "乡镇"), "township")
    session = village.use()
    from desktop.services import record_store
    from models.entities import Person

    someone = Person.select().where((Person.owner == VILLAGE_CODE) & (Person.deleted == False)).first()  # noqa: E712
    record_store.update(session, someone, note="恢复后修改")
    add_people(session, "恢复后新登记")
    close_database()
    package = export_to(village, tmp_path)
    assert package.number == hello.number + 1
    before = full_dump(town.paths.database)
    plan = import_into(town, package.path)
    # the recovered records travel back once (the township finds them unchanged): no gap in its watermark
    assert (plan.total("new"), plan.total("changed"), plan.total("older"), plan.total("conflict")) == (1, 1, 0, 0)
    assert plan.total("same") == package.records - 2
    assert not any("较早" in w or "旧备份" in w or "缺少" in w for w in plan.warnings)
    assert plan.audit == "ok", plan.audit_reason  # the new PC's chain extends the head of its first package
    assert full_dump(town.paths.database) != before
    assert canonical_dump(town.paths.database, VILLAGE_CODE) == canonical_dump(village.paths.database, VILLAGE_CODE)
    # watermarks and acks: the township holds the new PC's changes without a gap, its 回执 acknowledges the package
    from models.sync.records import STATUS_ACKED, PackageLog, Peer

    town.use()
    assert Peer.get_by_id(VILLAGE_CODE).in_watermark == package.seq_to
    close_database()
    back = export_to(town, tmp_path, recipient_code=VILLAGE_CODE)
    import_into(village, back.path)
    village.use()
    try:
        assert PackageLog.get((PackageLog.direction == "out") & (PackageLog.number == package.number)).status \
            == STATUS_ACKED
    finally:
        close_database()
    later = export_to(village, tmp_path)
    assert later.seq_from == package.seq_to and later.records == 0


def test_a_recovery_is_refused_on_a_pc_holding_village_records(recovered, tmp_path):
    """The 恢复包 never merges with records of the PC's own (and cannot be imported twice)."""
    _, new_pc, _, _, _, written, _, _ = recovered
    before = full_dump(new_pc.paths.database)
    session = new_pc.use()
    with pytest.raises(PackageRefused, match="本机已经有本村的记录"):
        recovery.apply_recovery(session, written.path, new_pc.paths)
    close_database()
    assert full_dump(new_pc.paths.database) == before


def test_a_recovery_is_refused_at_a_township(recovered):
    """Only the village's new PC may import it."""
    township, _, _, _, _, written, _, _ = recovered
    before = full_dump(township.paths.database)
    session = township.use()
    with pytest.raises(PackageRefused, match="不能导入到乡镇的电脑上"):
        recovery.apply_recovery(session, written.path, township.paths)
    close_database()
    assert full_dump(township.paths.database) == before


def test_a_recovery_is_not_written_before_the_new_pc_sent_its_key(tmp_path):
    """Re-enrolled but the new PC's first package has not arrived: nothing to seal to, a Chinese reason."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    add_people(session, "王建国")
    close_database()
    import_into(township, export_to(village, usb).path)
    session = township.use()
    enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "换电脑", usb)
    with pytest.raises(ValidationError, match="还没有收到青山村新电脑的第一个数据包"):
        recovery.export_recovery(session, township.paths, VILLAGE_CODE, usb)
    close_database()


def test_a_recovery_sealed_to_another_pc_is_refused(tmp_path):
    """A 恢复包 made for the old PC's key (or anyone else's) cannot be opened by a new PC."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    add_people(session, "王建国")
    close_database()
    import_into(township, export_to(village, usb).path)
    # A 恢复包 is written only for a re-enrolled village's new PC: the "old" PC here is one such, which
    # then died in turn.
    shutil.rmtree(village.paths.data_dir)
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "换电脑", usb)
    close_database()
    old_pc = _new_pc(setup, village.paths.data_dir)
    import_into(township, export_to(old_pc, usb).path)
    session = township.use()
    for_old = recovery.export_recovery(session, township.paths, VILLAGE_CODE, usb)
    close_database()
    shutil.rmtree(village.paths.data_dir)
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "换电脑", usb)
    close_database()
    new_pc = _new_pc(setup, village.paths.data_dir)
    before = full_dump(new_pc.paths.database)
    session = new_pc.use()
    with pytest.raises(PackageRefused, match="不是加密给本机的"):
        recovery.apply_recovery(session, for_old.path, new_pc.paths)
    close_database()
    assert full_dump(new_pc.paths.database) == before


def test_the_cli_writes_and_imports_a_recovery(tmp_path):
    """`cunwu export --recovery CODE --to DIR` at the township, `cunwu import FILE` at the new PC (JSON keys)."""
    from tests.unit.test_cli import as_json, cunwu

    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    add_people(session, "王建国", "李秀英")
    close_database()
    import_into(township, export_to(village, usb).path)
    original = canonical_dump(village.paths.database, VILLAGE_CODE)
    shutil.rmtree(village.paths.data_dir)
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "换电脑", usb)
    close_database()
    new_pc = _new_pc(setup, village.paths.data_dir)
    import_into(township, export_to(new_pc, usb).path)
    out = cunwu("--json", "export", "--recovery", VILLAGE_CODE, "--to", str(tmp_path),
                data_dir=township.paths.data_dir)
    assert out.returncode == 0, out.stderr
    written = as_json(out)
    assert (written["kind"], written["records"], written["village_code"]) == ("recovery", 2, VILLAGE_CODE)
    refused = cunwu("import", written["path"], "--yes", data_dir=township.paths.data_dir)
    assert refused.returncode == 1 and "不能导入到乡镇的电脑上" in refused.stderr
    assert "Traceback" not in refused.stderr
    out = cunwu("import", written["path"], "--yes", data_dir=new_pc.paths.data_dir)
    assert out.returncode == 0, out.stderr
    assert "为本村生成的恢复包" in out.stdout and "包含 2 条记录" in out.stdout and "账号和密码" in out.stdout
    assert canonical_dump(new_pc.paths.database, VILLAGE_CODE) == original
    unasked = cunwu("import", written["path"], data_dir=new_pc.paths.data_dir)  # no terminal, no --yes
    assert unasked.returncode == 1 and "--yes" in unasked.stderr
    again = cunwu("--json", "import", written["path"], "--yes", data_dir=new_pc.paths.data_dir)
    assert again.returncode == 1 and "本机已经有本村的记录(2 条)" in as_json(again)["packages"][0]["error"]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A village of one household and two people, recovered nowhere yet: the township's genuine 恢复包 for it."""
    from desktop.services import households_service, people_service

    root = tmp_path_factory.mktemp("small-recovery")
    township, village, usb = make_pair(root, years=0, demo=False)
    session = village.use()
    households_service.add_group(session, "一组")
    household = households_service.add_household(session, "001", "一组")
    people_service.add_person(session, "王建国", "男", birth_year=1970, household_entry=household.id,
                              household_relation="户主")
    people_service.add_person(session, "李秀英", "女", birth_year=1972, household_entry=household.id,
                              household_relation="配偶")
    close_database()
    import_into(township, export_to(village, usb).path)
    shutil.rmtree(village.paths.data_dir)
    session = township.use()
    setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "换电脑", usb)
    close_database()
    new_pc = _new_pc(setup, village.paths.data_dir)
    import_into(township, export_to(new_pc, usb).path)
    session = township.use()
    written = recovery.export_recovery(session, township.paths, VILLAGE_CODE, usb)
    close_database()
    return township, new_pc, written.path, root


def _lying(small, tmp_path, edit) -> tuple[Site, Path]:
    """A copy of the new PC and the township's 恢复包 with `edit` applied to its records, signed by the township."""
    from tests.support import forged

    township, new_pc, genuine, _ = small
    pc = Site(AppPaths(tmp_path / "新电脑"), "village")
    shutil.copytree(new_pc.paths.data_dir, pc.paths.data_dir)
    body = forged.open_records(genuine, pc.paths)
    edit(body)
    return pc, forged.resign(genuine, township.paths, pc.paths, tmp_path / "out", body=body)


def _refused_recovery(pc: Site, path: Path) -> str:
    before = full_dump(pc.paths.database)
    session = pc.use()
    with pytest.raises(PackageRefused) as err:
        recovery.apply_recovery(session, path, pc.paths)
    close_database()
    assert full_dump(pc.paths.database) == before
    assert path.name in (pc.paths.data_dir / "refused-packages.jsonl").read_text("utf-8")
    return str(err.value)


def test_the_genuine_small_recovery_imports(small, tmp_path):
    pc, path = _lying(small, tmp_path, lambda body: None)
    session = pc.use()
    plan = recovery.apply_recovery(session, path, pc.paths)
    close_database()
    assert plan.counts == {"village_group": 1, "household": 1, "person": 2}


@pytest.mark.parametrize(("edit", "reason"), [
    (lambda b: _set(b, "person", "owner", "330106001002"), "不属于本村"),
    (lambda b: _set(b, "person", "birth_month", 13), "出生月份"),
    (lambda b: _set(b, "person", "birth_year", "一九七零"), "已拒绝导入"),
    (lambda b: _set(b, "person", "household_id", "no-such-household"), "引用了不存在的记录"),
    (lambda b: b["tables"].append({"name": "user", "columns": ["id", "owner", "seq", "deleted"],
                                   "rows": [["x", VILLAGE_CODE, 1, 0]]}), "不认识的数据"),
])
def test_a_recovery_the_township_filled_wrongly_is_refused_whole(small, tmp_path, edit, reason):
    """A 恢复包 signed by the township but holding what the village could never have stored: refused whole,
    journalled, the new PC's database unchanged (the boundary of a data package applies to it too)."""
    pc, path = _lying(small, tmp_path, edit)
    text = _refused_recovery(pc, path)
    assert reason in text and "Traceback" not in text


def test_a_recovery_signed_by_another_key_is_refused(small, tmp_path):
    """Someone else's key signs a 恢复包 naming the township: the signature does not check out."""
    from tests.support import forged

    _, new_pc, genuine, root = small
    pc = Site(AppPaths(tmp_path / "新电脑"), "village")
    shutil.copytree(new_pc.paths.data_dir, pc.paths.data_dir)
    stranger = AppPaths(tmp_path / "陌生人")
    path = forged.resign(genuine, stranger, pc.paths, tmp_path / "out")
    assert "签名不对" in _refused_recovery(pc, path)


def _set(body, table: str, column: str, value) -> None:
    from tests.support import forged

    forged.set_value(body, table, column, value)
