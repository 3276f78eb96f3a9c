"""A village with a 换届 ready to count: 11 voters on the list, 9 candidates, an outgoing 村委会 (tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from models.elections.records import Candidate, Election
from tests.support import templates

DAY = date(2026, 11, 20)
#: name, gender, post (None: a voter only)
PEOPLE = (("张一", "男", "vc_chair"), ("王二", "男", "vc_chair"), ("李三", "女", "vc_vice"), ("周四", "男", "vc_vice"),
          ("赵五", "女", "vc_member"), ("钱六", "男", "vc_member"), ("孙七", "男", "vc_member"),
          ("吴八", "男", "vc_member"), ("郑九", "男", "vc_member"), ("老主任", "男", None), ("冯十", "女", None))


def _build(root: Path):
    from desktop.paths import AppPaths
    from desktop.services import (
        auth_service,
        people_service,
        record_store,
        setup_service,
        voter_roll_service,
    )
    from desktop.storage import open_store
    from tests.support.sites import ADMIN_PASSWORD

    open_store(AppPaths(root / "data"), backup_before_migration=False)
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang")
    setup_service.create_user(None, "admin", "管理员", "admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    admin = auth_service.login("admin", ADMIN_PASSWORD)
    ids = {name: people_service.add_person(admin, name, gender, birth_year=1975, birth_month=1,
                                           village_group="第一组").id for name, gender, _ in PEOPLE}
    from desktop.services import terms_service

    terms_service.appoint(admin, ids["老主任"], "vc_chair", date(2021, 5, 1))
    terms_service.appoint(admin, ids["冯十"], "vc_member", date(2021, 5, 1))
    election = record_store.create(admin, Election, label="第十二届村民委员会换届选举", election_day=DAY.isoformat(),
                                   seats="vc_chair=1,vc_vice=1,vc_member=3").id
    assert voter_roll_service.build(admin, election, on=date(2026, 10, 1)) == 11
    for name, _g, post in PEOPLE:
        if post:
            record_store.create(admin, Candidate, election=election, person=ids[name], post=post,
                                nominated_on="2026-11-01", nominations=5)
    return admin, ids, election


def election_site(store):
    """(admin session, {name: person id}, election id) in a copy of the template; call it from a fixture."""
    made = templates.template(("election_count_village",), _build)
    templates.copy_data_folder(made.root / "data", store)
    return made.result
