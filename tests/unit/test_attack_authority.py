"""Issue 16, "Authority is checked by owner only": genuine, correctly signed packages that write what their sender may not.

Each lying sender writes the forbidden record with its own copy of the
software (so the record is owned by the sender, as the owner check wants)
and exports: the package is signed with the sender's own enrolled key. The
receiving side must refuse it whole, naming the table and the row in
Chinese, journal the refusal, and keep its database byte-identical.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.paths import AppPaths
from desktop.services import (
    attachments_service,
    households_service,
    people_service,
    record_store,
    review_service,
    rules_service,
)
from desktop.sync import enrollment, exporter, importer
from models.db import close_database, database
from models.entities import Person
from models.errors import PackageRefused
from models.rules import procedure as proc
from models.rules.records import ReviewComment, RuleArticle, RuleVersion
from models.township import review as rv
from models.township.records import RuleFiling, RuleReview
from tests.support.first_contact import confirmed_by
from tests.support.imported import tampered
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, Site, full_dump, make_pair

TEXT = """青山村村规民约
第一条 村民应当遵守宪法、法律、法规和国家政策。
第二条 红白喜事从简办理,反对大操大办。
第三条 本村规民约自村民会议通过之日起施行。
"""
OTHER_CODE = "330106001002"
ROOT = Path(__file__).resolve().parents[2]


def _submitted_draft(site: Site, usb: Path, title: str = "青山村村规民约") -> tuple[str, str, Path]:
    """The village drafts, solicits and submits its 村规民约; returns (version, fingerprint, package)."""
    session = site.use()
    version, _ = rules_service.import_text(session, TEXT.replace("青山村", title[:3]), title)
    rules_service.add_opinion(session, version.id, date(2026, 6, 2), "forum", "同意", True)
    rules_service.close_solicitation(session, version.id, date(2026, 6, 20))
    fingerprint = rules_service.submit_for_review(session, version.id, date(2026, 7, 1))
    package = exporter.export_package(session, site.paths, usb).path
    close_database()
    return version.id, fingerprint, package


def _import(site: Site, path: Path, sender: Site) -> None:
    """Import at `site` a package `sender` wrote (a first one confirmed with `sender`'s genuine fingerprint)."""
    session = site.use()
    try:
        importer.apply_import(session, path, site.paths, backup=False, confirm=confirmed_by(sender.paths))
    finally:
        close_database()


def _refused(site: Site, path: Path) -> str:
    """Import `path` at `site`: it must be refused whole, journalled, the database file byte-identical."""
    close_database()
    before_dump = full_dump(site.paths.database)
    before_bytes = site.paths.database.read_bytes()
    journalled = len(importer.read_refusals(site.paths.data_dir))
    session = site.use()
    try:
        with pytest.raises(PackageRefused) as preview:  # the preview already says so, before any write
            importer.plan_import(path, site.paths)
        with pytest.raises(PackageRefused) as err:
            importer.apply_import(session, path, site.paths, backup=False)
    finally:
        close_database()
    assert full_dump(site.paths.database) == before_dump
    assert site.paths.database.read_bytes() == before_bytes
    refusals = importer.read_refusals(site.paths.data_dir)
    assert len(refusals) == journalled + 1 and refusals[0]["reason"] == str(err.value)
    assert "Traceback" not in str(err.value) and str(preview.value) == str(err.value)
    return str(err.value)


def test_a_village_cannot_review_and_file_its_own_draft(tmp_path):
    """A village sent a `rule_review` ("agree") and a `rule_filing` with owner = itself for its own draft:
    the township's queue then showed the draft as reviewed and agreed, and the real reviewer was refused."""
    township, village, usb = make_pair(tmp_path, demo=False)
    vid, fingerprint, first = _submitted_draft(village, usb)
    _import(township, first, village)

    session = village.use()  # the lying village writes the township's records itself
    review = tampered(session, RuleReview, version=vid, fingerprint=fingerprint, opinion=proc.AGREE,
                      reviewed_on="2026-07-02", reviewer="镇民政办", text="同意。")
    tampered(session, RuleFiling, version=vid, fingerprint=fingerprint, received_on="2026-07-03",
             receipt_no="青山镇备〔2026〕1号", receipt_date="2026-07-03")
    assert review.owner == VILLAGE_CODE
    forged = exporter.export_package(session, village.paths, usb)
    close_database()
    assert forged.counts["rule_review"] == 1 and forged.counts["rule_filing"] == 1

    text = _refused(township, forged.path)
    assert text == (f"数据包中的乡镇审核意见(记录 {review.id})只能由乡镇填写,村里的数据包不能带来。已拒绝导入。")

    session = township.use()
    [row] = review_service.queue()
    assert (row.version_id, row.state, row.opinion) == (vid, rv.PENDING, "")
    assert RuleReview.select().count() == 0 and RuleFiling.select().count() == 0
    view = review_service.draft(vid)
    assert view.can_review  # the real reviewer still reviews
    done = review_service.record_opinion(session, vid, proc.DISAGREE, date(2026, 7, 8), "镇民政办", "请重新起草。",
                                         seen_fingerprint=view.submitted_fingerprint)
    assert done.owner == TOWNSHIP_CODE
    close_database()


def _second_village_with_a_draft(tmp_path: Path, township: Site, usb: Path) -> tuple[str, str]:
    """绿水村 is enrolled, submits its own draft, and the township imports it; returns (version, fingerprint)."""
    session = township.use()
    setup = enrollment.enroll_village(session, township.paths, OTHER_CODE, "绿水村", usb)
    close_database()
    other = Site(AppPaths(tmp_path / "绿水村"), "village")
    other.use()
    enrollment.initialize_from_setup(setup)
    close_database()
    vid, fingerprint, package = _submitted_draft(other, usb, "绿水村村规民约")
    _import(township, package, other)
    return vid, fingerprint


@pytest.mark.parametrize("injected", ["rule_article", "review_comment", "rule_review", "attachment"])
def test_a_village_cannot_write_into_another_villages_draft(tmp_path, injected):
    """The same village injected an article into another village's draft (the review queue turned to
    "changed") and then a "disagree" opinion on it."""
    township, village, usb = make_pair(tmp_path, demo=False)
    _, _, first = _submitted_draft(village, usb)
    _import(township, first, village)
    theirs, fingerprint = _second_village_with_a_draft(tmp_path, township, usb)

    session = village.use()  # 青山村 writes on 绿水村's draft, which its database does not hold
    database.execute_sql("PRAGMA foreign_keys = OFF")
    if injected == "rule_article":
        row = record_store.create(session, RuleArticle, version=theirs, position=4, chapter="",
                                  label="第四条", text="外村村民不得在本村承包土地。")
    elif injected == "review_comment":
        row = record_store.create(session, ReviewComment, version=theirs, fingerprint=fingerprint, position=1,
                                  comment="不同意。")
    elif injected == "attachment":
        scan = tmp_path / "修改意见.png"
        scan.write_bytes(b"\x89PNG" + bytes(range(200)))
        row = attachments_service.add(session, village.paths.attachments, "rule_version", theirs, scan)
    else:
        row = tampered(session, RuleReview, version=theirs, fingerprint=fingerprint,
                       opinion=proc.DISAGREE, reviewed_on="2026-07-02", reviewer="镇民政办", text="不同意")
    package = exporter.export_package(session, village.paths, usb)
    close_database()
    assert package.counts.get(injected)  # with the unacknowledged rows of its own draft

    text = _refused(township, package.path)
    if injected == "rule_review":
        assert text == f"数据包中的乡镇审核意见(记录 {row.id})只能由乡镇填写,村里的数据包不能带来。已拒绝导入。"
    else:
        label = {"rule_article": "条款", "review_comment": "逐条审核意见", "attachment": "附件"}[injected]
        assert text == (f"数据包中的{label}(记录 {row.id})指向了别的村(或单位)的村规民约版本(记录 {theirs})。"
                        "村里的记录只能指向本村自己的记录,已拒绝导入。")
    township.use()
    states = {r.version_id: (r.state, r.opinion) for r in review_service.queue()}
    assert states[theirs] == (rv.PENDING, "")  # not "changed", not reviewed
    assert RuleVersion.get_by_id(theirs).owner == OTHER_CODE
    assert not RuleArticle.select().where((RuleArticle.version == theirs)
                                          & (RuleArticle.owner == VILLAGE_CODE)).exists()
    assert attachments_service.list_for("rule_version", theirs) == []
    close_database()


def test_a_township_cannot_put_a_person_into_a_villages_register(tmp_path):
    """A township can send a village a `person` row it owns, and it lands in the village's register."""
    township, village, usb = make_pair(tmp_path, demo=False)
    session = village.use()
    households_service.add_group(session, "一组")
    household = households_service.add_household(session, "001", "一组")
    people_service.add_person(session, "王建国", "男", household_entry=household.id, household_relation="户主")
    first = exporter.export_package(session, village.paths, usb).path
    close_database()
    _import(township, first, village)

    session = township.use()  # the lying township registers a person in the village's household
    person = tampered(session, Person, name="李四", gender="男", household_entry=household.id)
    assert person.owner == TOWNSHIP_CODE
    back = exporter.export_package(session, township.paths, usb, recipient_code=VILLAGE_CODE)
    close_database()
    assert back.counts["person"] == 1

    text = _refused(village, back.path)
    assert text == f"数据包中的人员(记录 {person.id})只能由村里自己填写,乡镇的数据包不能带来。已拒绝导入。"
    village.use()
    assert [p.name for p in Person.select()] == ["王建国"]
    close_database()
    # the command line says the same: exit 1, the reason on stderr, the database unchanged
    before = village.paths.database.read_bytes()
    out = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(village.paths.data_dir), "--json",
                          "import", str(back.path), "--yes"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         stdin=subprocess.DEVNULL)
    assert out.returncode == 1 and text in out.stderr and "Traceback" not in out.stderr
    assert village.paths.database.read_bytes() == before
