"""What an operation wrote is known without any service reporting it (desktop.changes)."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.changes import ALL_PAGES, PAGES_BY_TABLE, Changes, recording
from desktop.services import people_service
from models.db import database

ROOT = Path(__file__).resolve().parents[2]


def test_a_record_written_through_a_service_is_noted_with_its_table(village):
    _paths, session = village
    with recording() as rec:
        people_service.add_person(session, name="王小明", gender="男", village_group="一组")
    assert "person" in rec.tables
    assert rec.changes.touches("people") and rec.changes.touches("home")
    assert not rec.changes.touches("rules")


def test_raw_and_bulk_statements_are_noted_too(village):
    with recording() as rec:
        database.execute_sql('UPDATE "person" SET name = name WHERE 0')
        database.executemany('INSERT OR IGNORE INTO kinship (id) VALUES (?)', [])
    assert rec.tables >= {"person", "kinship"}


def test_reads_and_bookkeeping_change_nothing(village):
    with recording() as rec:
        database.execute_sql("SELECT COUNT(*) FROM person").fetchone()
    assert not rec.changes
    assert not Changes.of("audit_entry", "change_counter")


def test_nested_recordings_are_one_operation(village):
    _paths, session = village
    with recording() as outer:
        with recording() as inner:
            people_service.add_person(session, name="李四", gender="男", village_group="二组")
    assert inner.tables is outer.tables and "person" in outer.tables


def test_an_unknown_table_or_the_installation_refreshes_every_page():
    assert Changes.of("a_table_added_next_year").pages() == ALL_PAGES
    assert Changes.of("installation").pages() == ALL_PAGES


def test_every_table_of_the_schema_is_mapped_to_the_pages_that_show_it(village):
    tables = {r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    unmapped = tables - set(PAGES_BY_TABLE) - {"audit_entry", "change_counter", "installation"}
    assert unmapped == set()
    assert all(set(pages) <= ALL_PAGES for pages in PAGES_BY_TABLE.values())


def test_no_write_bypasses_the_journalling_database():
    """A raw cursor would write unseen: every statement goes through `database.execute_sql/executemany`."""
    offenders = []
    for folder in ("desktop", "models"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "db.py" and path.parent.name == "models":
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr == "cursor" and isinstance(node.value, ast.Name) \
                        and node.value.id == "database":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
