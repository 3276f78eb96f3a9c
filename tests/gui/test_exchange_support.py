"""The shared township/village pair (tests/support/sites.py) really exchanges a package."""

from __future__ import annotations

from desktop.services import exchange_service
from tests.support.first_contact import genuine
from tests.support.sites import village_package


def test_the_pair_exchanges_a_package(pair):
    package = village_package(pair, "张三", "李四")
    pair.use("t")
    plan = exchange_service.import_package(pair.township_session, pair.township, package,
                                           fingerprint=genuine(pair.village))
    assert plan.total("new") == 2
    assert exchange_service.history(pair.township)[0].status == "imported"
