"""县级汇总包: `cunwu export --to DIR` on a township writes the aggregate for the county."""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.sync import exporter, importer, upward
from models.db import close_database
from models.entities import Person
from models.errors import ValidationError
from tests.support.first_contact import confirmed_by
from tests.support.sites import TOWNSHIP_CODE, VILLAGE_CODE, make_pair


def _run(capsys, *argv) -> tuple[int, dict]:
    code = cli.main(list(argv))
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else {}


def test_the_township_exports_an_aggregate_without_personal_data(tmp_path, capsys):
    township, village, usb = make_pair(tmp_path, years=1)
    session = village.use()
    package = exporter.export_package(session, village.paths, usb)
    names = [p.name for p in Person.select()]
    close_database()
    session = township.use()
    importer.apply_import(session, package.path, township.paths, backup=False, confirm=confirmed_by(village.paths))
    close_database()

    out_dir = tmp_path / "县里"
    out_dir.mkdir()
    code, result = _run(capsys, "--data-dir", str(township.paths.data_dir), "--json", "export", "--to", str(out_dir))
    assert code == 0, result
    assert result["kind"] == "aggregate" and result["villages"] == 1 and result["periods"] >= 2
    path = out_dir / result["path"].split("/")[-1]
    assert path.name.startswith(f"{TOWNSHIP_CODE}_县级汇总_0001_")
    manifest, body = upward.read_aggregate(path)
    assert manifest["sender"]["code"] == TOWNSHIP_CODE and body["villages"][0]["code"] == VILLAGE_CODE
    assert {o["key"] for o in body["obligations"]} >= {"rep_meetings"}
    assert any(cell[0] == VILLAGE_CODE for p in body["periods"] for cell in p["cells"])
    # the township's own duties travel as its own row (issue 17), states only
    assert {o["key"]: o["duty_of"] for o in body["obligations"]}["escalations"] == "township"
    assert all([row[0] for row in p["township"]] == ["escalations"] for p in body["periods"])
    raw = path.read_bytes() + json.dumps(body, ensure_ascii=False).encode()
    assert not any(name.encode() in raw for name in names), "no villager's name leaves for the county"

    code, second = _run(capsys, "--data-dir", str(township.paths.data_dir), "--json", "export", "--to", str(out_dir))
    assert code == 0 and second["number"] == 2

    # a village (or township) installation refuses it with the reason
    code, refused = _run(capsys, "--data-dir", str(village.paths.data_dir), "--json", "import", "--yes", str(path))
    assert code == 1 and "县里的汇总数据包" in refused["packages"][0]["error"]


def test_a_village_cannot_export_for_the_county(tmp_path):
    _township, village, _usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    try:
        with pytest.raises(ValidationError, match="只有乡镇"):
            upward.export_for_county(session, village.paths, tmp_path)
    finally:
        close_database()
