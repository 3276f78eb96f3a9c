"""The 村规民约 version list stays readable where the page is narrow (it showed "第3版 20…" at 1366 标准)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.rules import import_draft, shown_rules_page


@pytest.fixture
def admin(village):
    _, session = village
    return session


@pytest.mark.parametrize("width", [1366 - 160, 1024 - 160])  # the main window's page beside the navigation
def test_each_version_reads_whole_in_the_list(qtbot, admin, width):
    version_id = import_draft(admin)
    page = shown_rules_page(qtbot, admin)
    page.resize(width, 600)
    QApplication.processEvents()
    tree = page.tree
    top = tree.topLevelItem(0)
    child = top.child(0)
    assert child.data(0, Qt.ItemDataRole.UserRole) == version_id
    lines = child.text(0).split("\n")
    assert lines[0] == "第1版" and lines[1].endswith("条")  # "第1版" over "2026 3条"
    rect = tree.visualItemRect(child)
    room = tree.columnWidth(0) - rect.left()  # after the indentation (column 0 starts at 0)
    assert all(tree.fontMetrics().horizontalAdvance(line) < room for line in lines), (lines, room)
    assert rect.height() >= 2 * tree.fontMetrics().height()  # two whole lines, not one cut
    assert child.text(1)  # 状态 keeps its column
