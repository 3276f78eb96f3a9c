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
from models.disclosure.records import DisclosureItem
from models.supervision import matters as mm
from models.supervision.records import SupervisionMatter
from tests.support.bulk_records import insert_matters, insert_postings

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


def _old_items(year=None, category=None):
    """The list as it was read before: every live item as a record."""
    query = DisclosureItem.live()
    if year:
        query = query.where(DisclosureItem.period.startswith(f"{year:04d}"))
    if category:
        query = query.where(DisclosureItem.category == category)
    return [ds._row(i) for i in query.order_by(DisclosureItem.period.desc(), DisclosureItem.seq.desc())]


def _old_matters(today):
    rows = []
    for m in SupervisionMatter.live().order_by(SupervisionMatter.opened_on.desc()):
        f = ss._facts(m)
        rows.append(ss.MatterRow(m.id, m.title, m.area, m.opened_on, mm.state(f), m.deadline,
                                 mm.overdue(f, today), bool(m.escalated_on)))
    rows.sort(key=lambda r: (r.state == mm.CLOSED, not r.overdue))
    return rows


@pytest.mark.parametrize(("year", "category"), [(None, None), (2026, None), (2025, "finance"), (1990, None)])
def test_item_ids_and_rows_give_the_old_list(filled, year, category):
    old = _old_items(year, category)
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
    old = _old_matters(TODAY)
    assert sorted(ss.list_matters(TODAY), key=lambda r: r.id) == sorted(old, key=lambda r: r.id)
    key = [(r.state == mm.CLOSED, not r.overdue, r.opened_on) for r in old]
    assert [(r.state == mm.CLOSED, not r.overdue, r.opened_on) for r in ss.list_matters(TODAY)] == key
    shown = {"all": old, "open": [r for r in old if r.state != mm.CLOSED],
             "overdue": [r for r in old if r.overdue], "closed": [r for r in old if r.state == mm.CLOSED]}
    for show, rows in shown.items():
        assert set(ss.matter_ids(TODAY, show)) == {r.id for r in rows}, show
        assert ss.matter_counts(TODAY, show) == (len(rows), sum(r.overdue for r in rows)), show
    assert shown["overdue"] and shown["closed"]  # the bulk rows have every kind


def test_item_list_model_fetches_by_the_chunk_and_is_right_at_its_edges(filled, qtbot):
    from ui.disclosure.list_tab import ItemListModel
    from ui.widgets.batched_model import ID_ROLE

    model = ItemListModel()
    asked: list[int] = []
    fetch = model.fetch_rows
    model.fetch_rows = lambda ids: asked.append(len(ids)) or fetch(ids)
    model.load(None, None)
    ids = ds.item_ids()
    assert model.rowCount() == model.total() == len(ids) and asked == []  # no row read to open
    for row in (0, 199, 200, 399, 400, len(ids) - 1):
        assert model.row_at(row).id == ids[row] == model.index(row, 0).data(ID_ROLE)
    assert asked == [200, 200, len(ids) - 400]  # one query per chunk, each once
    model.load(2026, "finance")
    assert model.ids() == ds.item_ids(2026, "finance")


def test_matters_model_reads_ids_in_the_board_order(filled, qtbot):
    from ui.supervision.matters_model import MattersModel

    model = MattersModel()
    model.load("open", TODAY)
    ids = ss.matter_ids(TODAY, "open")
    assert model.ids() == ids
    assert [model.row_at(r).id for r in (0, 199, 200, len(ids) - 1)] == [ids[0], ids[199], ids[200], ids[-1]]
    assert all(model.row_at(r).state != mm.CLOSED for r in range(model.rowCount()))
