"""The township demo: real village installations, their packages imported through the real path."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop import demo_township
from desktop.services import auth_service, exchange_service, setup_service
from desktop.services.session import cli_session
from models.disclosure.records import DisclosureItem
from models.entities import Person, Village
from models.errors import ValidationError
from models.meetings.records import Meeting
from models.rules.records import RuleVersion
from models.sync.records import IN, OUT, PEER_ACTIVE, STATUS_IMPORTED, PackageLog, Peer

TOWNSHIP = "330106001"


def test_the_spread_of_thirty_villages():
    plans = demo_township.plan_villages(TOWNSHIP, 30, 10, date(2026, 11, 30))
    kinds = [p.kind for p in plans]
    assert kinds.count("diligent") == 21 and kinds.count("late") == 6 and kinds.count("silent") == 3
    assert len({p.code for p in plans}) == len({p.name for p in plans}) == len({p.seed for p in plans}) == 30
    assert [p.code for p in plans if p.submit_rules] == [f"{TOWNSHIP}001", f"{TOWNSHIP}004"]
    silent = [p for p in plans if p.kind == "silent"]
    assert all((date(2026, 11, 30) - p.received).days > 90 and p.data_until < p.received for p in silent)
    assert all(p.diligence < 0.7 for p in plans if p.kind == "late")
    assert plans == demo_township.plan_villages(TOWNSHIP, 30, 10, date(2026, 11, 30))  # deterministic


def test_a_county_demo_township_starts_further_along_the_spread():
    """The county demo's second township: villages of its own (names, kinds, seeds), codes from 001."""
    day = date(2026, 11, 30)
    first = demo_township.plan_villages("330106002", 3, 1, day, seed=9, first=3)
    whole = demo_township.plan_villages("330106002", 6, 1, day, seed=9)
    assert [p.code for p in first] == ["330106002001", "330106002002", "330106002003"]
    assert [(p.name, p.kind, p.seed) for p in first] == [(p.name, p.kind, p.seed) for p in whole[3:]]
    assert [p.code for p in first if p.submit_rules] == ["330106002001"]  # 杨家庄村, 4th of the spread


def _small_demo(root):
    """青山镇 with a 3-village, 2-year demo, the villages built in two worker processes; (result, progress lines)."""
    from desktop.paths import AppPaths
    from desktop.storage import open_store

    paths = AppPaths(root / "data")
    open_store(paths, backup_before_migration=False)
    setup_service.initialize("township", "青山镇", TOWNSHIP, "zhejiang")
    lines = []
    result = demo_township.fill_township(cli_session("township"), paths, villages=3, years=2, workers=2,
                                         progress=lambda done, total, text: lines.append((done, total, str(text))))
    return result, lines


@pytest.fixture
def demo_township_store(store):
    """A copy of the small demo (built once for both tests that read it: a 3-village build is ~20 s).

    Built in worker processes; the in-process build (`workers=1`) is the one of
    `test_the_villages_built_for_their_packages_get_no_accounts` and of the session's
    township template (`tests.support.demo.demo_township`).
    """
    from tests.support import templates

    made = templates.template(("test_demo_township_small", 3, 2), _small_demo)
    templates.copy_data_folder(made.root / "data", store)
    result, lines = made.result
    return store, result, lines


def test_small_demo_goes_through_enrolment_export_and_import(demo_township_store):
    paths, result, lines = demo_township_store
    codes = [f"{TOWNSHIP}00{i}" for i in (1, 2, 3)]
    # progress: one line per village built, one per import, in order of the total
    assert [(d, t) for d, t, _ in lines] == [(n, 6) for n in range(1, 7)]
    assert sum("已导入" in text for _, _, text in lines) == 3
    assert result.villages == 3 and set(result.users) == {"admin", "shenhe"}
    assert auth_service.login("shenhe", "demo1234").role == "reviewer"
    assert setup_service.current().is_demo

    peers = list(Peer.select().order_by(Peer.code))
    assert [p.code for p in peers] == codes
    assert all(p.status == PEER_ACTIVE and len(p.fingerprint) >= 16 and p.last_in_no == 1 for p in peers)
    imported = PackageLog.select().where((PackageLog.direction == IN) & (PackageLog.status == STATUS_IMPORTED))
    assert sorted(r.peer_code for r in imported) == codes
    assert all(r.records > 500 for r in imported)
    # return packages went to the villages that are not silent
    assert sorted(r.peer_code for r in PackageLog.select().where(PackageLog.direction == OUT)) == codes[:2]

    # every village's records are here, owned by that village
    for code in codes:
        assert Person.select().where(Person.owner == code).count() > 40
        assert Meeting.select().where(Meeting.owner == code).count() > 5
        assert DisclosureItem.select().where(DisclosureItem.owner == code).count() > 10
        village = Village.get(Village.code == code)
        assert village.households >= 150 and village.township_code == TOWNSHIP
    assert Person.select().where(Person.owner == TOWNSHIP).count() == 0

    # the 村规民约 draft of the first village waits for the township's review
    submitted = RuleVersion.select().where((RuleVersion.owner == codes[0]) & (RuleVersion.submitted_on != "")
                                           & (RuleVersion.review_opinion == ""))
    assert submitted.count() == 1


def test_small_demo_spread_shows_in_the_exchange_overview(demo_township_store):
    paths, _, _ = demo_township_store
    rows = {p.code: p for p in exchange_service.overview(paths).peers}
    diligent, late, silent = (rows[f"{TOWNSHIP}00{i}"] for i in (1, 2, 3))
    assert diligent.silent_days <= 20 and 22 <= late.silent_days <= 60 and silent.silent_days > 90
    assert not any(r.missing for r in rows.values())
    assert diligent.last_out_no == 1 and silent.last_out_no == 0

    def count(model, code):
        return model.select().where((model.owner == code) & (model.deleted == 0)).count()

    # the late village posted and met less than the diligent one over the same two years
    assert count(DisclosureItem, late.code) < count(DisclosureItem, diligent.code)
    # the silent village's history ends months ago
    last = Meeting.select().where(Meeting.owner == silent.code).order_by(Meeting.held_on.desc()).first()
    assert last.held_on <= (date.today() - timedelta(days=150)).isoformat()

    # a second demo is refused: it would mix with the villages already there
    with pytest.raises(ValidationError) as err:
        demo_township.fill_township(cli_session("township"), paths, villages=1, years=1)
    assert "新建的数据库" in str(err.value)


def test_demo_refuses_a_village(village):
    paths, admin = village
    with pytest.raises(ValidationError) as err:
        demo_township.fill_township(admin, paths, villages=1, years=1)
    assert "乡镇版" in str(err.value)


def test_the_villages_built_for_their_packages_get_no_accounts(store, monkeypatch):
    """Each account costs a full-strength scrypt hash (~0.4 s): a village built only to write its
    package (accounts are never in one, nobody logs into it) gets none; the township gets its two."""
    from models import passwords

    calls = []
    real = passwords._scrypt

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(passwords, "_scrypt", counting)
    setup_service.initialize("township", "青山镇", TOWNSHIP, "zhejiang")
    result = demo_township.fill_township(cli_session("township"), store, villages=2, years=1, workers=1)
    assert result.villages == 2
    assert len(calls) == 2 and set(result.users) == {"admin", "shenhe"}  # the township's own logins only
    assert auth_service.login("admin", "demo1234").role == "township_admin"
