"""After 审核通过 the member sees the outcome: the review's state stays in view (the day-one walk found it
scrolled away, the focus having jumped to 公开栏张贴稿 when the pressed button went grey)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

from desktop.services import disclosure_service as ds
from tests.gui.test_disclosure_editor import _submitted, open_editor, users


def _in_view(scroll, widget) -> bool:
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()).adjusted(0, 0, -1, -1))


def test_the_outcome_of_a_review_stays_in_view(qtbot, village):
    _paths, admin = village
    secretary, committee = users(admin)
    item_id = _submitted(secretary)
    editor = open_editor(qtbot, committee, item_id)
    editor.resize(1366, 768)
    qtbot.wait(50)
    review = editor.review_section
    review.approve_button.setFocus()
    qtbot.mouseClick(review.approve_button, Qt.MouseButton.LeftButton)
    assert ds.list_items()[0].status == "approved"
    qtbot.wait(50)
    assert "审核通过" in review.state_label.text()
    assert _in_view(editor.side_scroll, review.state_label)
    editor.close()
