"""A small village for the 选民登记 tests: eight people around the age and register boundaries.

Built once per test session (`tests.support.templates`) and copied per test: an administrator,
people born on both sides of the 18th birthday (one in the election month, one with no birth on
record, one who left the register), a 村民代表会议 that may admit an incomer and a 两委联席会议 that
may not, and an election on 2026-05-15.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.paths import AppPaths
from tests.support import templates

DAY = date(2026, 5, 15)

#: name, gender, birth year, birth month, group
PEOPLE = (
    ("王大山", "男", 1960, 3, "第一组"),
    ("李秀英", "女", 1972, 8, "第一组"),
    ("王小明", "男", 2008, 4, "第一组"),  # 18 in April 2026: on the list
    ("赵小红", "女", 2008, 5, "第二组"),  # born in May 2008: 需核实
    ("钱小军", "男", 2008, 6, "第二组"),  # 18 in June: left out
    ("孙老汉", "男", 1940, 1, "第二组"),  # left the register before the day
    ("周无名", "男", None, None, "第二组"),  # no birth on record: 需核实
    ("吴外来", "男", 1985, 2, "第三组"),  # an incomer, added by hand
)


def _build(root: Path):
    from desktop.services import auth_service, people_service, record_store, setup_service
    from desktop.storage import open_store
    from models.elections.records import Election
    from models.meetings.records import Meeting
    from tests.support.sites import ADMIN_PASSWORD

    open_store(AppPaths(root / "data"), backup_before_migration=False)
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    admin = auth_service.login("admin", ADMIN_PASSWORD)
    ids = {}
    for name, gender, year, month, group in PEOPLE:
        ids[name] = people_service.add_person(admin, name, gender, birth_year=year, birth_month=month,
                                              village_group=group).id
    people_service.end_stay(admin, ids["孙老汉"], "2026-02-01", "died", "病故")
    reps = record_store.create(admin, Meeting, type_code="representatives", title="村民代表会议(外来人员登记)",
                               held_on="2026-04-01").id
    other = record_store.create(admin, Meeting, type_code="two_committees", title="两委联席会议",
                                held_on="2026-04-02").id
    election = record_store.create(admin, Election, label="第十二届村民委员会换届选举",
                                   election_day=DAY.isoformat(), seats="vc_chair=1,vc_vice=1,vc_member=3").id
    return admin, ids, election, {"reps": reps, "other": other}


def voter_roll_site(paths: AppPaths):
    """The open database (`store` fixture at `paths`) becomes a copy of the template: (admin, ids, election, meetings)."""
    made = templates.template(("voter_roll_village",), _build)
    templates.copy_data_folder(made.root / "data", paths)
    return made.result


