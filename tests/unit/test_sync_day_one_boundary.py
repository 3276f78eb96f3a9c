"""What the township does with a village package whose register data its own screens could never have made.

The package is genuine (signed by the enrolled village) but the village's
copy wrote something wrong into its database — an old or tampered copy. A
value outside its field's rules, or a record pointing at a household that
does not exist or at another village's records, refuses the whole package
with a Chinese reason and leaves the township's database exactly as it was.
A 公民身份号码 typed into a note does not refuse the package (that would be
harsh for one note): it is masked on arrival and the import says so.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.paths import AppPaths
from desktop.services import households_service, people_service, terms_service
from desktop.sync import enrollment, exporter, importer
from models.db import close_database, database
from models.errors import PackageRefused
from models.sync.fields import MASK, mask_id_numbers
from models.sync.records import PackageLog
from tests.support.first_contact import confirmed_by
from tests.support.sites import VILLAGE_CODE, Site, full_dump, make_pair, village_beside

ID_NUMBER = "33010619700512001X"


def _village_package(tmp_path, corrupt: str = "", params: tuple = ()):
    """A village with a household and two people exports its first package after `corrupt` (raw SQL)."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    households_service.add_group(session, "一组")
    household = households_service.add_household(session, "001", "一组")
    people_service.add_person(session, "王建国", "男", birth_year=1970, birth_month=5,
                              household_entry=household.id, household_relation="户主")
    people_service.add_person(session, "李秀英", "女", birth_year=1972, household_entry=household.id,
                              household_relation="配偶")
    if corrupt:
        database.execute_sql("PRAGMA foreign_keys = OFF")
        database.execute_sql(corrupt, params)
    package = exporter.export_package(session, village.paths, usb)
    close_database()
    return township, package.path


def _refused(township: Site, path) -> str:
    before = full_dump(township.paths.database)
    session = township.use()
    with pytest.raises(PackageRefused) as err:
        importer.apply_import(session, path, township.paths, backup=False,
                              confirm=confirmed_by(village_beside(township)))
    close_database()
    assert full_dump(township.paths.database) == before  # nothing half imported
    return str(err.value)


@pytest.mark.parametrize(("corrupt", "params", "reason"), [
    ("UPDATE person SET birth_month = 13 WHERE name = '王建国'", (), "出生月份”(“13”)"),
    ("UPDATE person SET left_on = '2026-03-01', left_kind = 'ran_away', left_reason = '?' WHERE name = '李秀英'",
     (), "离开名册方式”(“ran_away”)"),
    ("UPDATE person SET left_on = '2026-02-30', left_kind = 'moved_out' WHERE name = '李秀英'", (), "离开名册日期"),
    ("UPDATE person SET left_on = '2026-03-01' WHERE name = '李秀英'", (), "只有离开名册的日期、没有方式"),
    ("UPDATE person SET birth_month = '五' WHERE name = '王建国'", (), "出生月份"),
    ("UPDATE person SET gender = '未知' WHERE name = '王建国'", (), "性别”(“未知”)"),
    ("UPDATE household SET number = ? WHERE number = '001'", ("1" * 40,), "户号"),
    ("UPDATE person SET household_id = 'no-such-household' WHERE name = '王建国'", (), "引用了更早数据包"),
])
def test_values_no_screen_could_store_refuse_the_whole_package(tmp_path, corrupt, params, reason):
    township, path = _village_package(tmp_path, corrupt, params)
    text = _refused(township, path)
    assert reason in text and "已拒绝导入" in text
    assert "Traceback" not in text


def test_an_id_number_in_a_note_is_masked_and_the_import_says_so(tmp_path):
    township, path = _village_package(
        tmp_path, "UPDATE person SET note = ?, left_reason = ? WHERE name = '王建国'",
        (f"身份证 {ID_NUMBER},电话 13800000001", "３３０１０６１９７００５１２００１８"))
    session = township.use()
    plan = importer.apply_import(session, path, township.paths, backup=False,
                                 confirm=confirmed_by(village_beside(township)))
    note, reason = database.execute_sql("SELECT note, left_reason FROM person WHERE name = '王建国'").fetchone()
    assert note == f"身份证 {MASK},电话 13800000001" and reason == MASK
    [warning] = [w for w in plan.warnings if "公民身份号码" in w]
    assert "人员中有 2 处" in warning and ID_NUMBER not in warning
    assert "公民身份号码" in PackageLog.get(PackageLog.file_name == path.name).reason
    dump = "\n".join(full_dump(township.paths.database))
    assert ID_NUMBER not in dump and "330106197005120018" not in dump


def test_the_mask_leaves_other_numbers_alone():
    kept = "电话 13800000001,户号 0012,账号 6222021234567890123,统一社会信用代码 913301067042133917"
    assert mask_id_numbers(kept) == (kept, 0)
    assert mask_id_numbers(f"{ID_NUMBER[:-1]}x 与 {ID_NUMBER}")[1] == 2


def test_a_record_pointing_at_another_villages_record_is_refused(tmp_path):
    """青山村's 村民代表 is set to represent a household of 绿水村 (already at the township)."""
    township, path = _village_package(tmp_path)
    session = township.use()
    importer.apply_import(session, path, township.paths, backup=False, confirm=confirmed_by(village_beside(township)))
    usb = tmp_path / "U盘"
    other_setup = enrollment.enroll_village(session, township.paths, "330106001002", "绿水村", usb)
    close_database()
    other = Site(AppPaths(tmp_path / "绿水村"), "village")
    session = other.use()
    enrollment.initialize_from_setup(other_setup)
    households_service.add_group(session, "一组")
    theirs = households_service.add_household(session, "101", "一组")
    other_package = exporter.export_package(session, other.paths, usb)
    close_database()
    session = township.use()
    importer.apply_import(session, other_package.path, township.paths, backup=False,
                          confirm=confirmed_by(other.paths))
    close_database()

    village = Site(AppPaths(tmp_path / "村"), "village")
    session = village.use()
    rep = people_service.add_person(session, "张卫东", "男")
    office = terms_service.appoint(session, rep.id, "representative", date(2021, 4, 18)).office
    database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(
        "INSERT INTO represented_household (id, owner, seq, updated_at, deleted, role_id, household_id) "
        "VALUES ('rh-1', ?, (SELECT value FROM change_counter), '2026-12-01T00:00:00Z', 0, ?, ?)",
        (VILLAGE_CODE, office.id, theirs.id))
    package = exporter.export_package(session, village.paths, usb)
    close_database()
    assert package.counts.get("represented_household") == 1
    text = _refused(township, package.path)
    assert "指向了别的村(或单位)的户" in text and "村民代表联系户" in text
