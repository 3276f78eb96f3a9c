"""`cunwu search` and `cunwu check --repair-index` as a script runs them (DESIGN §5, issue 19)."""

from __future__ import annotations

import sqlite3

from tests.unit.test_cli import as_json, cunwu, demo_dir  # noqa: F401 - the fixture


def test_search_prints_the_results_as_json_and_exits_0_even_with_none(demo_dir):  # noqa: F811
    out = cunwu("search", "财务收支", "--kind", "posting", "--json", data_dir=demo_dir)
    assert out.returncode == 0, out.stderr
    results = as_json(out)["results"]
    assert results and {r["kind"] for r in results} == {"posting"}
    assert set(results[0]) >= {"kind", "id", "title", "snippet", "village", "date"}
    assert [r["date"] for r in results] == sorted((r["date"] for r in results), reverse=True)
    out = cunwu("--json", "search", 'x"y OR (z*', data_dir=demo_dir)
    assert out.returncode == 0 and as_json(out) == {"results": [], "total": 0}
    human = cunwu("search", "村民", "会议", data_dir=demo_dir)
    assert human.returncode == 0 and "【村民会议】" in human.stdout and "会议(" in human.stdout


def test_a_bad_kind_is_refused_in_chinese_and_a_missing_query_is_a_usage_error(demo_dir):  # noqa: F811
    out = cunwu("search", "村", "--kind", "meetings", data_dir=demo_dir)
    assert out.returncode == 1 and "没有“meetings”这类记录" in out.stderr and not out.stdout
    assert cunwu("search", data_dir=demo_dir).returncode == 2


def test_check_names_an_index_out_of_step_and_repair_index_rebuilds_it(demo_dir):  # noqa: F811
    con = sqlite3.connect(demo_dir / "cunwu.sqlite3")
    with con:
        con.execute("DELETE FROM search_doc WHERE kind = 'meeting'")  # a tool, not the software
    con.close()
    out = cunwu("--json", "check", data_dir=demo_dir)
    report = as_json(out)
    assert out.returncode == 0 and report["search_index_in_step"] is False and report["search_index_rebuilt"] is None
    out = cunwu("check", "--repair-index", "--json", data_dir=demo_dir)
    report = as_json(out)
    assert out.returncode == 0 and report["search_index_in_step"] is True and report["search_index_rebuilt"] > 0
    human = cunwu("check", "--repair-index", data_dir=demo_dir)  # the person who asked is told it was done
    assert human.returncode == 0 and "搜索索引已重建:" in human.stdout
    found = as_json(cunwu("--json", "search", "会议", "--kind", "meeting", data_dir=demo_dir))
    assert found["total"] > 0
