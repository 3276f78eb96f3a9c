"""村务公开 and 监督事项 lists read ids, then rows by the chunk (issue 20): the same rows as the record reads.

A few hundred bulk rows (`tests.support.bulk_records`) on a real SQLite
file: the id queries give the records the old peewee reads gave, in the
same order; the row reads keep the order asked and skip a gone id; the
filters and counts are the old ones; the lazy models fetch by the chunk
and are right at a chunk's edge.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import disclosure_service as ds
from desktop.services import supervision_service as ss
from models.db import database
from models.supervision import matters as mm
from models.supervision.records import SupervisionMatter
from tests.support.bulk_records import insert_matters, insert_postings
from tests.support.old_list_reads import old_items, old_matters

OWNER = "330106001001"
TODAY = date(2026, 12, 5)


@pytest.fixture
def filled(store):
    """450 postings and 450 matters (more than two 200-row chunks), every 37th deleted."""
    with database.atomic():
        insert_postings(450, OWNER)
        insert_matters(450, OWNER)
        for table in ("disclosure_item", "supervision_matter"):
            database.execute_sql(f"UPDATE {table} SET deleted = 1 WHERE CAST(substr(id, -6) AS INTEGER) % 37 = 0")  # noqa: S608
    return store


@pytest.mark.parametrize(("year", "category"), [(None, None), (2026, None), (2025, "finance"), (1990, None)])
def test_item_ids_and_rows_give_the_old_list(filled, year, category):
    old = old_items(year, category)
    new = ds.list_items(year, category)
    assert sorted(new, key=lambda r: r.id) == sorted(old, key=lambda r: r.id)
    assert [r.period for r in new] == [r.period for r in old]  # (equal periods: their seq, all 1 here)
    assert ds.item_ids(year, category) == [r.id for r in new]


def test_item_rows_keep_the_order_asked_and_skip_a_gone_id(filled):
    ids = ds.item_ids()
    picked = [ids[5], "no-such-id", ids[0], ids[-1]]
    assert [r.id for r in ds.item_rows(picked)] == [ids[5], ids[0], ids[-1]]
    assert len(ds.item_rows(ids)) == len(ids) == 450 - 13  # 1000+ ids run over several IN queries alike


def test_matter_ids_counts_and_rows_give_the_old_board(filled):
    old = old_matters(TODAY)
    assert sorted(ss.list_matters(TODAY), key=lambda r: r.id) == sorted(old, key=lambda r: r.id)
    key = [(r.state == mm.CLOSED, not r.overdue, r.opened_on) for r in old]
    assert [(r.state == mm.CLOSED, not r.overdue, r.opened_on) for r in ss.list_matters(TODAY)] == key
    shown = {"all": old, "open": [r for r in old if r.state != mm.CLOSED],
             "overdue": [r for r in old if r.overdue], "closed": [r for r in old if r.state == mm.CLOSED]}
    for show, rows in shown.items():
        assert set(ss.matter_ids(TODAY, show)) == {r.id for r in rows}, show
        assert ss.matter_counts(TODAY, show) == (len(rows), sum(r.overdue for r in rows)), show
    assert shown["overdue"] and shown["closed"]  # the bulk rows have every kind


@pytest.mark.parametrize(("year", "category"), [(None, None), (2026, "finance")])
def test_item_pages_and_positions_are_the_id_order(filled, year, category):
    ids = ds.item_ids(year, category)
    total = ds.item_count(year, category)
    assert total == len(ids)
    paged = [r.id for offset in range(0, total, 200) for r in ds.item_page(year, category, offset, 200, total)]
    assert paged == ids  # the second half read from the far end, reversed: the same rows in the same order
    assert [r.id for r in ds.item_page(year, category, total - 3, 200, total)] == ids[-3:]
    assert total > 3
    for position in {p for p in (0, 199, 200, total // 2, total // 2 + 1, total - 1) if p < total}:
        assert ds.item_position(ids[position], year, category) == position
    assert ds.item_position("no-such-id", year, category) is None


@pytest.mark.parametrize("show", ss.SHOWN)
def test_matter_pages_are_the_id_order(filled, show):
    ids = ss.matter_ids(TODAY, show)
    total = ss.matter_counts(TODAY, show)[0]
    paged = [r.id for offset in range(0, total, 200) for r in ss.matter_page(TODAY, show, offset, 200, total)]
    assert paged == ids


def test_item_list_model_reads_a_count_and_the_pages_painted(filled, qtbot):
    from ui.disclosure.list_tab import ItemListModel
    from ui.widgets.batched_model import ID_ROLE

    model = ItemListModel()
    asked: list[tuple[int, int]] = []
    fetch = model.fetch_page
    model.fetch_page = lambda offset, limit, total: asked.append((offset, limit)) or fetch(offset, limit, total)
    model.load(None, None)
    ids = ds.item_ids()
    assert model.rowCount() == model.total() == len(ids) and asked == []  # no row read to open
    for row in (0, 199, 200, 399, 400, len(ids) - 1):
        assert model.row_at(row).id == ids[row] == model.index(row, 0).data(ID_ROLE)
    assert asked == [(0, 200), (200, 200), (400, len(ids) - 400)]  # one query per page, each once
    assert model.row_of(ids[300]) == 300 and model.row_of("no-such-id") == -1
    model.load(2026, "finance")
    assert model.ids() == ds.item_ids(2026, "finance")


def test_matters_model_reads_the_board_order(filled, qtbot):
    from ui.supervision.matters_model import MattersModel

    model = MattersModel()
    model.load("open", TODAY)
    ids = ss.matter_ids(TODAY, "open")
    assert model.rowCount() == len(ids)
    assert [model.row_at(r).id for r in (0, 199, 200, len(ids) - 1)] == [ids[0], ids[199], ids[200], ids[-1]]
    assert all(model.row_at(r).state != mm.CLOSED for r in range(model.rowCount()))
    assert model.ids() == ids


def test_the_ledger_reads_only_the_years_matters_and_lists_what_it_listed(filled):
    def old_matter_lines(year):
        y, out = f"{year:04d}", []
        for s in SupervisionMatter.live():
            for day, label in ((s.opened_on, "发现问题"), (s.notified_on, "发出整改建议"), (s.answered_on, "村委会答复"),
                               (s.verified_on, "核实整改"), (s.closed_on, "办结"), (s.escalated_on, "报告乡镇")):
                if day and day.startswith(y):
                    out.append(ss.LedgerEntry(day, label, s.title))
        return sorted(out, key=lambda e: e.on)

    assert ss.ledger(2026) == old_matter_lines(2026) and len(ss.ledger(2026)) > 450
    assert ss.ledger(2025) == old_matter_lines(2025) == []
