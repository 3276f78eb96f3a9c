"""County mode (issue 19): the third mode, its codes, roles and the read API on an empty county."""

from __future__ import annotations

import pytest

from desktop.services import county_service, setup_service
from models import division_code
from models.entities import MODE_COUNTY, MODES
from models.errors import NotFound, ValidationError
from models.roles import ADMIN_ROLE, has_permission, roles_for_mode
from models.roles import Permission as P


def test_the_county_is_a_third_mode_with_six_digit_codes():
    assert MODE_COUNTY in MODES
    assert division_code.problem("330106", division_code.COUNTY) is None
    assert "6 位" in str(division_code.problem("3301061", division_code.COUNTY))
    assert "00" in str(division_code.problem("330100", division_code.COUNTY))
    # a township of another county is named as such
    assert "不属于本县" in str(division_code.problem("330107001", division_code.TOWNSHIP, county_code="330106"))
    assert division_code.problem("330106001", division_code.TOWNSHIP, county_code="330106") is None


def test_county_roles_enrol_and_exchange_but_keep_no_village_records():
    assert roles_for_mode(MODE_COUNTY) == ["county_admin", "county_staff", "county_viewer"]
    admin = ADMIN_ROLE[MODE_COUNTY]
    assert has_permission(admin, P.MANAGE_VILLAGES) and has_permission(admin, P.EXCHANGE)
    for role in roles_for_mode(MODE_COUNTY):
        assert not has_permission(role, P.EDIT_RECORDS) and not has_permission(role, P.REVIEW_RULES)


def test_init_county_and_its_first_administrator(store):
    with pytest.raises(ValidationError, match="6 位"):
        setup_service.initialize(MODE_COUNTY, "西湖区", "33010600")
    info = setup_service.initialize(MODE_COUNTY, "西湖区", "330106", "zhejiang")
    assert (info.mode, info.code, info.name) == ("county", "330106", "西湖区")
    assert setup_service.is_county() and not setup_service.is_township()
    from tests.support.sites import ADMIN_PASSWORD

    user = setup_service.create_user(None, "admin", "管理员", "county_admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert user.role == "county_admin"


def test_an_empty_county_reads_empty_lists_never_fails(store):
    setup_service.initialize(MODE_COUNTY, "西湖区", "330106", "zhejiang")
    assert county_service.townships() == []
    periods = county_service.periods()
    assert len(periods) == 2 and periods[1] == periods[0][:4]
    board = county_service.board(periods[0])
    assert board.townships == () and board.empty and board.overall_rate() is None
    assert county_service.filings(text="土地") == []
    with pytest.raises(NotFound):
        county_service.village_cells("330106001001", periods[0])
    with pytest.raises(ValidationError):
        county_service.board("2026Q5")


def test_cunwu_init_county_and_info(tmp_path, capsys):
    import json

    from desktop import cli

    d = str(tmp_path / "县")
    assert cli.main(["--data-dir", d, "--json", "init", "county", "--name", "西湖区", "--code", "330106"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "county"
    assert cli.main(["--data-dir", d, "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "county"
    assert cli.main(["--data-dir", d, "info"]) == 0  # the township checks the county's whole key, group by group
    assert "逐组核对上面的完整指纹" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path / "x"), "init", "county", "--name", "西湖区", "--code", "3301"]) == 1
    assert "6 位" in capsys.readouterr().err


def test_cunwu_init_county_takes_its_province_from_the_code_unless_given(tmp_path, capsys):
    """Without --province a county is not left national: 33… is 浙江 (as the wizard does, tester #8)."""
    import json

    from desktop import cli

    assert cli.main(["--data-dir", str(tmp_path / "a"), "--json", "init", "county", "--name", "西湖区",
                     "--code", "330106"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["province"] == "zhejiang" and out["province_from_code"] is True
    assert cli.main(["--data-dir", str(tmp_path / "b"), "init", "county", "--name", "西湖区", "--code", "330106",
                     "--province", "national"]) == 0  # named: kept, nothing said
    assert "省份配置" not in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path / "b"), "--json", "info"]) == 0
    assert json.loads(capsys.readouterr().out)["province"] == "national"
    assert cli.main(["--data-dir", str(tmp_path / "c"), "init", "county", "--name", "天河区", "--code", "440106"]) == 0
    assert "省份配置:全国通用" in capsys.readouterr().out  # no profile for 44 (广东) yet: national, and said so
    assert cli.main(["--data-dir", str(tmp_path / "d"), "--json", "init", "township", "--name", "青山镇",
                     "--code", "330106001"]) == 0  # a township by hand: as before
    assert json.loads(capsys.readouterr().out)["province"] == "national"


def test_a_county_writes_its_logins_but_no_village_records(store):
    from desktop.services import accounts_service, record_store
    from desktop.services.session import cli_session
    from models.entities import Person
    from models.errors import PermissionDenied

    setup_service.initialize(MODE_COUNTY, "西湖区", "330106", "zhejiang")
    session = cli_session(MODE_COUNTY)
    with pytest.raises(PermissionDenied, match="县里只能查看"):
        record_store.create(session, Person, name="张三", gender="男")
    user = accounts_service.add_account(session, "minzheng", "", "county_staff", "Yy-2345678", "Yy-2345678",
                                        display_name="县民政局")
    assert user.role == "county_staff"


def test_village_record_commands_are_refused_at_a_county(tmp_path, capsys):
    import json

    from desktop import cli

    d = str(tmp_path / "县")
    assert cli.main(["--data-dir", d, "init", "county", "--name", "西湖区", "--code", "330106"]) == 0
    rules = tmp_path / "规约.txt"
    rules.write_text("村规民约\n第一条 爱护环境。\n", encoding="utf-8")
    capsys.readouterr()
    for argv in (["rules", "import", str(rules)], ["people", "list"],
                 ["disclosure", "export", "--year", "2026", "--out", str(tmp_path / "o.xlsx")],
                 ["report", "elections", "--out", str(tmp_path / "e.xlsx")]):
        assert cli.main(["--data-dir", d, "--json", *argv]) == 1, argv
        assert "县" in json.loads(capsys.readouterr().out.strip().splitlines()[-1])["error"]
    assert cli.main(["--data-dir", d, "--json", "info"]) == 0
    assert json.loads(capsys.readouterr().out)["townships"] == 0


def test_the_county_demo_builds_real_townships_and_imports_their_packages(store):
    """`cunwu demo` at a county, at its smallest: one township of one village, built and imported the real way."""
    from desktop import demo_county
    from desktop.services.session import cli_session
    from tests.support.templates import open_paths

    setup_service.initialize(MODE_COUNTY, "西湖区", "330106", "zhejiang")
    result = demo_county.fill_county(cli_session(MODE_COUNTY), open_paths(), townships=1, villages=1, years=1)
    assert result.counts["townships"] == 1 and result.villages == 1 and "minzheng" in result.users
    (row,) = county_service.townships()
    assert row.confirmed and row.package_format == 2 and row.villages == 1
    board = county_service.board(county_service.default_period())
    assert board.villages == 1 and not board.empty
    with pytest.raises(ValidationError, match="已经登记了乡镇"):
        demo_county.fill_county(cli_session(MODE_COUNTY), open_paths(), townships=1, villages=1)
