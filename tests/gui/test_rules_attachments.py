from __future__ import annotations

from datetime import date

from desktop.paths import AppPaths
from desktop.services import attachments_service, rules_service
from desktop.services.rules_service import ArticleLine
from ui.rules.rules_page import RulesPage


def test_photo_of_the_posted_text_is_attached_to_the_version(qtbot, village, tmp_path):
    paths, admin = village
    rs = rules_service.create_rule_set(admin, "青山村村规民约")
    version = rules_service.enter_history(admin, rs.id, "青山村村规民约", date(2019, 3, 1),
                                          [ArticleLine("", "第一条", "村民应遵守法律。")])
    page = RulesPage(admin, paths=paths)
    qtbot.addWidget(page)
    page.panel.show_version(version.id)
    tab = page.panel.attachments_tab
    assert "公开栏张贴的照片" in tab.hint.text()
    photo = tmp_path / "公开栏.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    tab.add_files([photo], "photo")
    assert [r.filename for r in attachments_service.list_for("rule_version", version.id)] == ["公开栏.jpg"]
    index = page.panel.tabs.indexOf(tab)
    assert page.panel.tabs.tabText(index) == "附件(1)"
    assert isinstance(paths, AppPaths)
