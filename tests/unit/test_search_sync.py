"""The search index through packages and upgrades (issue 19): imported records are found, tombstones go.

A township's import writes the village's rows in one transaction and the
index rows of the records they belong to in the same one (`importer._write`);
a notice the township sent is found at the village after the return package;
an older database is searchable as soon as the migration has run.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from desktop.services import meetings_service, notice_service
from desktop.services import search_service as ss
from desktop.services.meetings_service import AgendaLine
from desktop.services.session import cli_session
from desktop.storage import open_store
from models import search_index
from models.db import database
from tests.support.sites import VILLAGE_CODE, make_pair
from tests.support.sites import export_to as _export
from tests.support.sites import import_into as _import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_an_imported_meeting_is_found_at_the_township_and_gone_after_its_tombstone(tmp_path):
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    draft = meetings_service.new_draft("two_committees", date(2026, 5, 6))
    draft.title, draft.agenda = "村两委联席会议", [AgendaLine("东山组机耕路修缮", "议定先修东山组机耕路")]
    meeting_id = meetings_service.save(session, draft)
    _import(township, _export(village, usb).path)

    session = township.use()
    [hit] = ss.search(session, "机耕路").hits
    assert (hit.id, hit.village, hit.village_name) == (meeting_id, VILLAGE_CODE, "青山村")
    assert hit.target == f"village_file:{VILLAGE_CODE}:meeting@{meeting_id}"
    notice_service.send_notice(session, "关于机耕路验收的通知", "请各村报送机耕路验收材料。", date(2026, 6, 1))

    session = village.use()
    meetings_service.delete_draft(session, meeting_id)
    _import(township, _export(village, usb).path)
    _import(village, _export(township, usb, recipient_code=VILLAGE_CODE).path)

    session = township.use()
    assert [h.kind for h in ss.search(session, "机耕路").hits] == ["notice"]
    assert not search_index.out_of_step()
    session = village.use()
    [hit] = ss.search(session, "机耕路").hits
    assert hit.kind == "notice" and hit.target == f"exchange:notices@{hit.id}"


@pytest.mark.parametrize("fixture", ["schema_v1.sqlite3", "schema_v9.sqlite3"])
def test_an_older_database_is_searchable_once_upgraded(paths, fixture):
    paths.ensure()
    shutil.copy(FIXTURES / fixture, paths.database)
    open_store(paths)
    indexed, records = search_index.counts()
    assert indexed == records > 30 and not search_index.out_of_step()
    from desktop.services import setup_service

    session = cli_session(setup_service.current().mode)
    kinds = ("meeting", "article", "posting") if session.installation.mode == "township" else ss.KINDS
    record_id, title = database.execute_sql(
        f"SELECT record_id, title FROM search_doc WHERE kind IN ({','.join('?' * len(kinds))}) "
        "ORDER BY length(title) DESC LIMIT 1", list(kinds)).fetchone()
    assert record_id in [h.id for h in ss.search(session, title, limit=1000).hits]
