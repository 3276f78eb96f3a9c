"""The 打印 menu of an election: greyed papers say what is missing; a paper is written on a worker."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt

from tests.support.election_papers import write_election


def test_menu_on_the_page_enables_papers_by_data_and_writes_a_pdf(qtbot, village, tmp_path):
    from ui.elections.elections_page import ElectionsPage

    _paths, session = village
    full = write_election(session)
    page = ElectionsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    ids = [page.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(page.list.count())]
    page.list.setCurrentRow(ids.index(full))
    assert page.election_id() == full
    assert page.print_button.isVisibleTo(page)
    page.papers.rebuild()
    for kind in ("roll", "candidates", "proxy_list", "proxy", "ballot", "count", "announcement", "handover"):
        assert page.papers.action(kind).isEnabled(), kind

    with qtbot.waitSignal(page.papers.exported, timeout=20000) as done:
        assert page.papers.export("count", tmp_path / "计票结果报告单.pdf")
    out = tmp_path / "计票结果报告单.pdf"
    assert done.args == [str(out)] and out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+2\b", info)  # the 正式选举 and the 另行选举, a page each


def test_an_election_without_data_greys_its_papers_with_the_reason(qtbot, village):
    from PySide6.QtWidgets import QToolButton

    from desktop.services import record_store
    from models.elections.records import Election
    from ui.elections.print_menu import install

    _paths, session = village
    bare = record_store.create(session, Election, label="补选", election_day="2026-08-01")
    button = QToolButton()
    qtbot.addWidget(button)
    menu = install(button, session, lambda: bare.id)
    menu.rebuild()
    candidates = menu.action("candidates")
    assert not candidates.isEnabled() and candidates.toolTip() == "还没有登记候选人。"
    assert menu.action("count").toolTip() == "还没有录入投票结果。"
    assert not menu.export("roll", Path("unused.pdf"))
