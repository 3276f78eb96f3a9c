"""Issue 16's related holes in the same layer: an office the app does not define, a 联系户 of a non-representative.

"A person_role with an unknown `role` code, and a represented_household (联系户)
attached to a role that is not 村民代表, are accepted from packages today."
The lying village writes them with its own copy of the software and exports a
genuine, signed package; the township refuses it whole, naming the row, and
its database stays byte-identical.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import households_service, people_service, record_store, terms_service
from desktop.sync import exporter, importer
from models.db import close_database
from models.entities import PersonRole, RepresentedHousehold
from models.errors import PackageRefused
from tests.support.first_contact import confirmed_by
from tests.support.sites import VILLAGE_CODE, full_dump, make_pair, village_beside


def _refused(township, path) -> str:
    close_database()
    before, raw = full_dump(township.paths.database), township.paths.database.read_bytes()
    session = township.use()
    try:
        with pytest.raises(PackageRefused) as err:
            importer.apply_import(session, path, township.paths, backup=False,
                                  confirm=confirmed_by(village_beside(township)))
    finally:
        close_database()
    assert full_dump(township.paths.database) == before and township.paths.database.read_bytes() == raw
    assert importer.read_refusals(township.paths.data_dir)[0]["reason"] == str(err.value)
    return str(err.value)


def _village_with_a_household(tmp_path):
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    households_service.add_group(session, "一组")
    household = households_service.add_household(session, "001", "一组")
    person = people_service.add_person(session, "张卫东", "男", household_entry=household.id, household_relation="户主")
    return township, village, usb, session, household, person


def test_an_office_the_app_does_not_define_is_refused(tmp_path):
    """A person_role with an unknown `role` code is accepted from packages today."""
    township, village, usb, session, _household, person = _village_with_a_household(tmp_path)
    office = record_store.create(session, PersonRole, person=person.id, role="emperor", start_date="2026-01-01")
    package = exporter.export_package(session, village.paths, usb)
    close_database()
    text = _refused(township, package.path)
    assert text == (f"数据包中的任职记录(记录 {office.id})的职务“emperor”不是本软件规定的职务,本机不能保存。"
                    "已拒绝导入(如对方用的是更新版本的软件,请先升级本机的软件)。")


def test_households_of_an_office_that_is_not_a_representative_are_refused(tmp_path):
    """A represented_household (联系户) attached to a role that is not 村民代表 is accepted from packages today."""
    township, village, usb, session, household, person = _village_with_a_household(tmp_path)
    office = terms_service.appoint(session, person.id, "vc_member", date(2026, 1, 5)).office
    link = record_store.create(session, RepresentedHousehold, role=office.id, household=household.id)
    package = exporter.export_package(session, village.paths, usb)
    close_database()
    text = _refused(township, package.path)
    assert text == f"数据包中的村民代表联系户(记录 {link.id})挂在“村委会委员”的任职记录上:联系户只能属于村民代表。已拒绝导入。"


def test_a_representatives_households_and_a_later_link_still_travel(tmp_path):
    """The genuine shapes are untouched: a 村民代表 with households, and one more household in a later package."""
    township, village, usb, session, household, person = _village_with_a_household(tmp_path)
    office = terms_service.appoint(session, person.id, "representative", date(2026, 1, 5),
                                   household_ids=[household.id]).office
    first = exporter.export_package(session, village.paths, usb)
    second_household = households_service.add_household(session, "002", "一组")
    record_store.create(session, RepresentedHousehold, role=office.id, household=second_household.id)
    session = township.use()
    importer.apply_import(session, first.path, township.paths, backup=False,
                          confirm=confirmed_by(village_beside(township)))
    receipt = exporter.export_package(session, township.paths, usb, recipient_code=VILLAGE_CODE)
    session = village.use()
    importer.apply_import(session, receipt.path, village.paths, backup=False)
    later = exporter.export_package(session, village.paths, usb)
    assert later.counts == {"household": 1, "represented_household": 1}  # the office is already at the township
    session = township.use()
    importer.apply_import(session, later.path, township.paths, backup=False,
                          confirm=confirmed_by(village_beside(township)))
    assert RepresentedHousehold.select().where(RepresentedHousehold.role == office.id).count() == 2
    close_database()
