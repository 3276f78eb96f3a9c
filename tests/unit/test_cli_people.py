"""`cunwu people list` as a script runs it: --json before or after the sub-command, exit codes."""

from __future__ import annotations

from tests.unit.test_cli import as_json, cunwu


def test_people_list_on_a_fresh_village_and_json_either_side(tmp_path):
    d = tmp_path / "v"
    assert cunwu("init", "village", "--name", "青山村", "--code", "330106001001", data_dir=d).returncode == 0
    empty = cunwu("people", "list", data_dir=d)
    assert empty.returncode == 0 and "名册里还没有人" in empty.stdout
    from desktop.paths import AppPaths
    from desktop.services import people_service
    from desktop.services.session import cli_session
    from desktop.storage import open_store
    from models.db import close_database

    open_store(AppPaths(d), backup_before_migration=False)
    people_service.add_person(cli_session("village"), "王建国", "男", birth_year=1968, birth_month=3,
                              village_group="一组")
    close_database()
    before = as_json(cunwu("--json", "people", "list", data_dir=d))
    after = as_json(cunwu("people", "list", "--json", data_dir=d))
    assert before == after
    assert before["count"] == 1
    assert before["people"][0] | {"id": ""} == {
        "id": "", "name": "王建国", "gender": "男", "birth": "1968.03", "village_group": "一组", "household": "",
        "household_relation": "", "phone": "", "roles": [], "left_on": "", "left_kind": "",
            "ethnicity": "", "education": "", "political_status": ""}


def test_people_list_refuses_an_uninitialised_folder_and_usage_errors(tmp_path):
    proc = cunwu("people", "list", data_dir=tmp_path / "none")
    assert proc.returncode == 1 and "还没有初始化" in proc.stderr
    assert cunwu("people", data_dir=tmp_path / "none").returncode == 2
