"""The township's overviews read every village at once: no statement is run once per village (issue 20).

At 200 villages the 村庄 page read each village's imported package ranges with a query of its own
(`peers.imported_ranges`, 200 queries on each showing, twice), and so did the township's 首页. The
services now read them in one query (`peers.imported_ranges_of`). This test traces the statements
the 村庄 register, the exchange overview and the 首页 figures run on the 3-village demo township and
groups them by shape (the values taken out): a shape run as often as there are villages is a
per-village query come back, whatever its table.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from desktop.paths import AppPaths
from models.db import close_database
from tests.support.demo import demo_township
from tests.support.sql_trace import traced_reads

VILLAGES = 3
_VALUES = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")


@pytest.fixture(scope="module")
def township(tmp_path_factory):
    paths = AppPaths(tmp_path_factory.mktemp("overview") / "乡镇")
    demo_township(paths, villages=VILLAGES, years=1)
    yield paths
    close_database()


def _shapes(call) -> Counter:
    """How often each statement shape (values replaced by ?) ran during `call`."""
    return Counter(_VALUES.sub("?", s) for s in traced_reads(call))


@pytest.mark.parametrize("what", ["村庄 register", "exchange overview", "首页 figures"])
def test_no_statement_runs_once_per_village(township, what):
    from desktop.services import exchange_service, township_home, villages_service

    calls = {
        "村庄 register": lambda: villages_service.register(township),
        "exchange overview": lambda: exchange_service.overview(township),
        "首页 figures": lambda: township_home.summary(township, date(2026, 12, 5)),
    }
    shapes = _shapes(calls[what])
    assert shapes, f"{what} read nothing (update this test)"
    repeated = {shape[:200]: n for shape, n in shapes.items() if n >= VILLAGES}
    assert repeated == {}, f"{what}: statements run once per village"
