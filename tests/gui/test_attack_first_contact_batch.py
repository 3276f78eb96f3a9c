"""Issue 16, "First contact is trusted silently", on the screen that imports a U盘 scan as one batch.

The 村庄 page's 扫描U盘 takes every package ticked as one batch (one backup).
A village's first package in it must still pass through its own fingerprint
step: the preview asks for the 8 characters, 导入 stays disabled, and even a
preview accepted without them (a screen written later that forgets the
field) is refused by the import itself — a Chinese reason, the database
byte-identical, the village still pending.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.services import exchange_service
from models.db import close_database
from models.sync.records import Peer
from tests.support.first_contact import genuine
from tests.support.sites import VILLAGE_CODE, VILLAGE_NAME, village_package
from ui.township.villages_page import VillagesPage


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return list(con.iterdump())


def _page(qtbot, pair) -> VillagesPage:
    pair.use("t")
    page = VillagesPage(pair.township_session, paths=pair.township)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _preview(qtbot, page, previous=None):
    qtbot.waitUntil(lambda: page.preview_dialog is not None and page.preview_dialog is not previous
                    and page.preview_dialog.isVisible(), timeout=20_000)
    return page.preview_dialog


def _refusal(qtbot, page) -> str:
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible(), timeout=20_000)
    box = page.message_box
    text = f"{box.text()}\n{box.informativeText()}"
    page.message_box = None
    box.done(0)
    return text


def test_a_first_package_in_a_scanned_batch_needs_its_own_fingerprint(qtbot, pair):
    """Attack: 'Whoever holds a village's 入网文件 can set up a PC, export, and … at the township pins that
    key' — here two of 青山村's packages picked from one U盘 scan, the preview accepted with nothing typed."""
    first = village_package(pair, "张三")
    second = village_package(pair, "李四")
    page = _page(qtbot, pair)
    before = _dump(pair.township.database)
    before_bytes = pair.township.database.read_bytes()

    picked = page.pick_packages(exchange_service.scan_for_packages(pair.usb))
    assert {first.name, second.name} <= {p.name for p in picked.chosen()}
    picked.accept()
    dialog = None
    for _ in range(2):  # each package of the batch: its own fingerprint step, and no way round it
        dialog = _preview(qtbot, page, dialog)
        assert dialog.plan.first_contact and dialog.fingerprint_edit.text() == ""
        assert not dialog.import_button.isEnabled()
        dialog.accept()  # as a screen that forgot the field would
        reason = _refusal(qtbot, page)
        assert f"{VILLAGE_NAME}({VILLAGE_CODE})的第一个数据包" in reason and "核对电脑指纹" in reason
        assert "Traceback" not in reason
    qtbot.waitUntil(lambda: not page.jobs.is_busy())
    close_database()
    assert pair.township.database.read_bytes() == before_bytes and _dump(pair.township.database) == before
    assert not list(pair.township.backups.glob("*before-import*"))
    pair.use("t")
    assert Peer.get(Peer.code == VILLAGE_CODE).status == "pending"

    # The person phones 青山村 and types what its secretary reads out: the first package imports.
    page.import_files([first])
    dialog = _preview(qtbot, page, dialog)
    dialog.fingerprint_edit.setText(genuine(pair.village))
    assert dialog.import_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: page.message_box is not None and page.message_box.isVisible(), timeout=20_000)
    assert "导入完成" in page.message_box.text()
    page.message_box.done(0)
    assert Peer.get(Peer.code == VILLAGE_CODE).status == "active"
