"""Red team of issue 16: a lying village (or township) holding its own genuine keys.

Every package here is genuine in all the package layer checks: sealed to the
recipient, signed by the sender's enrolled key (`tests.support.forged`
re-writes a real package and signs it with the sender's own key, as a
tampered copy of the software would). Each test names the attack; a refused
package must leave the recipient's database byte-identical and journalled.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.services import attachments_service
from desktop.sync import importer, recovery
from models.db import close_database
from tests.support import forged
from tests.support.sites import VILLAGE_CODE, export_to, import_into, make_pair


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli_refused(site, path: Path, capsys) -> str:
    """`cunwu import --yes` at `site`: exit 1, a Chinese reason, journalled, the database file unchanged."""
    close_database()
    before = _digest(site.paths.database)
    journalled = len(importer.read_refusals(site.paths.data_dir, limit=10_000))
    capsys.readouterr()
    code = cli.main(["--data-dir", str(site.paths.data_dir), "import", "--yes", str(path)])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert "Traceback" not in out + err and "已拒绝" in err, err
    refusals = importer.read_refusals(site.paths.data_dir, limit=10_000)
    assert len(refusals) == journalled + 1 and refusals[0]["reason"] in err
    assert _digest(site.paths.database) == before
    return refusals[0]["reason"]


@pytest.fixture
def pair_with_attachment(tmp_path):
    """青山镇 holding 青山村's first package; the village then attached a scan to one of its meetings."""
    township, village, usb = make_pair(tmp_path, years=1)
    (usb / "1").mkdir()
    (usb / "2").mkdir()
    import_into(township, export_to(village, usb / "1").path)
    from models.meetings.records import Meeting

    session = village.use()
    meeting = Meeting.select().where(Meeting.deleted == False).first()  # noqa: E712
    scan = tmp_path / "scan.txt"
    scan.write_text("会议记录扫描件", "utf-8")
    attachments_service.add(session, village.paths.attachments, "meeting", meeting.id, scan)
    close_database()
    genuine = export_to(village, usb / "2").path
    return township, village, genuine


def test_an_attachment_whose_hash_is_a_path_never_reaches_the_townships_files(pair_with_attachment, tmp_path,
                                                                               capsys):
    """Attack (values, loose reference): a village's 附件 row whose `sha256` is not a hash but a path
    ("./../keys/signing.key"). The township stores it; the 恢复包 it later writes for that village reads
    the township's own private signing key as the attachment and hands it to the village. The package
    must be refused, and the township's files never read through such a row."""
    township, village, genuine = pair_with_attachment
    body = forged.open_records(genuine, township.paths)
    t = forged.table(body, "attachment")
    forged.set_value(body, "attachment", "sha256", "./../keys/signing.key", row=len(t["rows"]) - 1)
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", body=body)
    reason = _cli_refused(township, path, capsys)
    assert "附件" in reason and "文件校验值" in reason


def test_a_path_held_as_an_attachment_hash_is_never_read_into_a_recovery_package(pair_with_attachment, tmp_path):
    """Attack (recovery): the same 附件 row already in the township's database (imported by a version
    that did not check it); the village asks for its 恢复包. The township's signing key must not travel."""
    import sqlite3

    township, village, genuine = pair_with_attachment
    import_into(township, genuine, sender=village.paths)
    con = sqlite3.connect(township.paths.database)
    with con:  # as an unchecked import wrote it
        con.execute("UPDATE attachment SET sha256 = ? WHERE owner = ?", ("./../keys/signing.key", VILLAGE_CODE))
    con.close()
    # the village says its PC died: re-enrolled, the new PC's first package confirmed, then the 恢复包
    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.sync import enrollment
    from tests.support.sites import ADMIN_PASSWORD, Site

    session = township.use()
    new_setup = enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "电脑坏了", tmp_path)
    close_database()
    new_pc = Site(AppPaths(tmp_path / "新电脑"), "village")
    new_pc.use()
    enrollment.initialize_from_setup(new_setup)
    setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    close_database()
    (tmp_path / "hello").mkdir()
    import_into(township, export_to(new_pc, tmp_path / "hello").path)
    session = township.use()
    try:
        done = recovery.export_recovery(session, township.paths, VILLAGE_CODE, tmp_path)
    finally:
        close_database()
    with zipfile.ZipFile(done.path) as zf:
        names = zf.namelist()
    assert not any("keys" in n or ".." in n for n in names), names
    assert (done.attachments, done.missing_attachments) == (0, 1)


def test_an_attachment_named_with_a_path_is_refused_and_never_written_outside_the_folder(pair_with_attachment,
                                                                                         tmp_path, capsys):
    """Attack (values, loose reference): a 附件 whose file name is a path ("../../启动/update.bat"):
    打开 and 另存为 copied the village's bytes to `folder / filename`, i.e. anywhere on the township's PC
    (a Windows start-up folder). The package is refused; a name already held is copied inside the folder."""
    import sqlite3

    township, village, genuine = pair_with_attachment
    body = forged.open_records(genuine, township.paths)
    rows = forged.table(body, "attachment")["rows"]
    forged.set_value(body, "attachment", "filename", "../../启动/update.bat", row=len(rows) - 1)
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", body=body)
    reason = _cli_refused(township, path, capsys)
    assert "附件" in reason and "文件名" in reason

    import_into(township, genuine, sender=village.paths)
    con = sqlite3.connect(township.paths.database)
    with con:  # held as an unchecked import wrote it
        con.execute("UPDATE attachment SET filename = ? WHERE owner = ?", ("../../escaped.bat", VILLAGE_CODE))
        [attachment_id] = con.execute("SELECT id FROM attachment WHERE owner = ?", (VILLAGE_CODE,)).fetchone()
    con.close()
    out = tmp_path / "open" / "here"
    township.use()
    try:
        copied = attachments_service.export_copy(township.paths.attachments, attachment_id, out)
    finally:
        close_database()
    assert copied.parent == out and copied.read_text("utf-8") == "会议记录扫描件"
    assert not (tmp_path / "escaped.bat").exists()


def _restored_rewrite(tmp_path):
    """青山村 sent one package, then rewrote its audit log (chain and head recomputed) and marks itself restored."""
    import sqlite3

    from desktop.sync import counters
    from tests.support.audit_tamper import rewrite_audit_log

    township, village, usb = make_pair(tmp_path, years=1)
    import_into(township, export_to(village, usb).path)
    rewrite_audit_log(village.paths.database, "edit")
    con = sqlite3.connect(village.paths.database)
    with con:
        con.execute("INSERT INTO app_meta (key, value) VALUES (?, ?)",
                    (counters.KEY_RESTORED, "2026-12-01T08:00:00.000000Z"))
    con.close()
    return township, village, export_to(village, usb).path


def test_a_rewrite_passed_off_as_a_restore_without_anchors_is_broken(tmp_path):
    """Attack (witness): heads going backwards with `restored_at` set — the village rewrote its audit
    log, says it restored a backup and leaves out the anchors (the hashes of the rows the township
    already holds). It came through as an amber "restored" and started a fresh epoch: the rewrite was
    laundered. A restored chain must still show the rows already sent."""
    township, village, genuine = _restored_rewrite(tmp_path)

    def strip(manifest):
        manifest["audit"]["anchors"] = []
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", manifest_edit=strip)
    plan = import_into(township, path, sender=village.paths)
    assert plan.audit == "broken", (plan.audit, plan.audit_reason)
    assert "核对值" in plan.audit_reason


def _rename_someone(site, name: str) -> None:
    from desktop.services import record_store
    from models.entities import Person

    session = site.use()
    person = Person.select().where(Person.deleted == False).order_by(Person.id).first()  # noqa: E712
    record_store.update(session, person, name=name)
    close_database()


def _second_package(tmp_path):
    """青山镇 holding 青山村's first package; the village's genuine second package (not yet imported)."""
    township, village, usb = make_pair(tmp_path, years=1)
    (usb / "1").mkdir()
    (usb / "2").mkdir()
    import_into(township, export_to(village, usb / "1").path)
    _rename_someone(village, "改了名")
    return township, village, usb, export_to(village, usb / "2").path


def test_a_package_number_that_jumps_is_refused(tmp_path, capsys):
    """Attack (manifest / witness): a manifest whose audit entry is valid but whose package number jumps
    (the 2nd package numbered 2^40, its changes starting past what the township holds). The township's
    preview listed every number below it as missing: `range(1, 2^40)`, the import never ended, and every
    later import of that village with it. Refused now, naming both numbers."""
    township, village, _usb, genuine = _second_package(tmp_path)

    def jump(manifest):
        manifest["number"] = 2**40
        manifest["seq_from"] = manifest["seq_to"]
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", manifest_edit=jump)
    reason = _cli_refused(township, path, capsys)
    assert f"第 {2**40} 号" in reason and "第 1 号" in reason


def test_a_number_jump_does_not_switch_off_the_witness(tmp_path):
    """Attack (witness): the package number jumps (within what the township accepts), so every later
    package looks "older" than the last one received; the village then rewrites its audit log and sends
    its next package without anchors. The witness compared the baseline only for a "newer" number: "ok".
    A package whose chain is longer than the last head held must still show that head."""
    from tests.support.audit_tamper import rewrite_audit_log

    township, village, usb, genuine = _second_package(tmp_path)

    def jump(manifest):
        manifest["number"] += 5000
    jumped = forged.resign(genuine, village.paths, township.paths, tmp_path / "jumped", manifest_edit=jump)
    assert import_into(township, jumped, sender=village.paths).audit == "ok"
    rewrite_audit_log(village.paths.database, "edit")
    _rename_someone(village, "又改了名")  # the village goes on working: its chain grows past the held head
    (usb / "3").mkdir()
    third = export_to(village, usb / "3").path

    def strip(manifest):
        manifest["audit"]["anchors"] = []
    path = forged.resign(third, village.paths, township.paths, tmp_path / "stripped", manifest_edit=strip)
    plan = import_into(township, path, sender=village.paths)
    assert plan.audit == "broken", (plan.audit, plan.audit_reason)
    assert "核对值" in plan.audit_reason


@pytest.mark.parametrize("value", ["yes", "<b>2026-12-01</b> 已由乡镇核准", 1, ["2026-12-01T08:00:00Z"]])
def test_a_restored_at_that_is_no_time_is_refused(tmp_path, capsys, value):
    """Attack (manifest): `restored_at` holding something no exporter writes (a word, HTML, a number, a
    list). It was taken as "this village restored a backup": every differing record kept aside as a
    conflict, the witness's verdict amber "restored" with the text as its date."""
    township, village, _usb, genuine = _second_package(tmp_path)

    def edit(manifest):
        manifest["restored_at"] = value
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", manifest_edit=edit)
    reason = _cli_refused(township, path, capsys)
    assert "从备份恢复的时间" in reason


def test_a_manifest_or_records_with_a_key_twice_is_refused(tmp_path, capsys):
    """Attack (manifest): duplicate keys in JSON — which wins? Python's reader took the last, another
    reader (a support script, a later version) may take the first: one signed package, two contents.
    Both the manifest and the records member are refused when an object names a key twice."""
    township, village, _usb, genuine = _second_package(tmp_path)
    twice = forged.resign(genuine, village.paths, township.paths, tmp_path / "manifest",
                          manifest_bytes=lambda raw: b'{"number":999,' + raw[1:])
    assert "“number”出现了两次" in _cli_refused(township, twice, capsys)

    raw = forged.dumps(forged.open_records(genuine, township.paths))
    assert raw.startswith(b'{"tables":')
    records = forged.compress(b'{"tables":[],' + raw[1:])
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "records", records=records)
    assert "“tables”出现了两次" in _cli_refused(township, path, capsys)


@pytest.mark.parametrize("anchors", [10**5, 10**6])
def test_an_audit_entry_with_a_huge_anchor_list_is_refused(tmp_path, capsys, anchors):
    """Attack (witness): an `audit.anchors` list of 10^6 entries (and 10^5, within the manifest's size cap),
    each a well-formed [count, hash]: the township would compare every one with the heads it holds.
    Refused whole, in a moment."""
    import time

    township, village, _usb, genuine = _second_package(tmp_path)
    hashes = "ab" * 32

    def edit(manifest):
        manifest["audit"]["anchors"] = [[n, hashes] for n in range(1, anchors + 1)]
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", manifest_edit=edit)
    started = time.monotonic()
    reason = _cli_refused(township, path, capsys)
    assert time.monotonic() - started < 20
    assert "清单" in reason or "manifest.json”超出了允许的大小" in reason


@pytest.mark.parametrize("how", ["unescalated", "deleted", "redated"])
def test_a_village_cannot_take_back_a_matter_it_escalated(tmp_path, how):
    """Attack (authority, deletion of a record the township depends on): the village reported a 监督事项
    to the township (escalated_on set — the app does it once and never clears it), then sends the same
    matter newer with escalated_on cleared, with deleted=1, or with another date: it vanished from the
    township's 上报事项 list without anyone there deciding. Now the township keeps its version and the
    incoming one waits beside it as a conflict for a person to choose."""
    from desktop.services import review_service

    township, village, usb = make_pair(tmp_path, years=1)
    (usb / "1").mkdir()
    (usb / "2").mkdir()
    import_into(township, export_to(village, usb / "1").path)
    township.use()
    try:
        before = {r.id for r in review_service.escalations() if r.kind == review_service.MATTER}
    finally:
        close_database()
    assert before, "the demo village escalated a matter"
    genuine = export_to(village, usb / "2", full=True).path
    body = forged.open_records(genuine, township.paths)
    t = forged.table(body, "supervision_matter")
    cols = t["columns"]
    row = next(r for r in t["rows"] if r[cols.index("id")] in before)
    row[cols.index("seq")] += 1000
    if how == "unescalated":
        row[cols.index("escalated_on")] = ""
    elif how == "deleted":
        row[cols.index("deleted")] = 1
    else:
        row[cols.index("escalated_on")] = "2026-12-31"
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", body=body,
                         manifest_edit=lambda m: m.update(seq_to=m["seq_to"] + 1000))
    plan = import_into(township, path, sender=village.paths)
    assert plan.total("conflict") == 1, plan.summary_lines()
    assert any("报告乡镇" in w for w in plan.warnings), plan.warnings
    township.use()
    try:
        after = {r.id for r in review_service.escalations() if r.kind == review_service.MATTER}
    finally:
        close_database()
    assert after == before


def test_a_village_cannot_frame_the_township_with_an_echo_it_never_received(tmp_path):
    """Attack (witness, the other direction): a village's package echoes a township audit head the
    township never sent ({"count": 3, "hash": <made up>}). The township kept it as acknowledged, and its
    own `cunwu check` then said its audit rows "were changed or deleted after they were sent" — the
    village framed the township. The check now says the head is one this PC never sent, and to ask."""
    from desktop.services import integrity_service

    township, village, _usb, genuine = _second_package(tmp_path)

    def edit(manifest):
        manifest["audit"]["echo"] = {"number": 1, "count": 3, "hash": "ab" * 32}
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", manifest_edit=edit)
    import_into(township, path, sender=village.paths)
    township.use()
    try:
        problems = [str(p) for p in integrity_service.run_check().audit_problems]
    finally:
        close_database()
    assert problems and all("被改动或删除" not in p for p in problems), problems
    assert "从未发出" in problems[0] and "青山村" in problems[0]


def test_ten_megabytes_in_one_text_column_is_refused(tmp_path, capsys):
    """Attack (values): 10 MB of text in a TEXT column (a TextField has no max_length). Refused whole: a
    TextField takes at most `validator.MAX_TEXT` characters (a whole 村规民约 is far shorter); the package
    as a whole is capped when it is inflated (`payload.inflate_limit`)."""
    from models.sync import validator

    township, village, _usb, genuine = _second_package(tmp_path)
    body = forged.open_records(genuine, township.paths)
    forged.set_value(body, "person", "note", "a" * 10_000_000)
    path = forged.resign(genuine, village.paths, township.paths, tmp_path / "forged", body=body)
    reason = _cli_refused(township, path, capsys)
    assert "太长" in reason and "备注" in reason
    assert validator.MAX_TEXT < 10_000_000
