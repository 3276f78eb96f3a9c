"""The person form's 民族, 文化程度 and 政治面貌: picked, saved, shown again; a typed 民族 not a 民族 is refused."""

from __future__ import annotations

from desktop.services import people_service
from ui.people.person_form import PersonForm


def test_the_form_saves_and_shows_ethnicity_education_and_political_status(qtbot, village):
    _paths, session = village
    form = PersonForm(session)
    qtbot.addWidget(form)
    form.show()
    assert form.ethnicity_combo.itemText(1) == "汉族" and form.education_combo.currentText() == "未填"
    form.name_edit.setText("王秀兰")
    form.gender_combo.setCurrentIndex(form.gender_combo.findData("女"))
    form.ethnicity_combo.setCurrentText("火星族")
    form.education_combo.setCurrentIndex(form.education_combo.findData("高中"))
    form.political_combo.setCurrentIndex(form.political_combo.findData("中共党员"))
    assert not form.save()
    assert "民族" in form.message.text() and not people_service.register()
    form.ethnicity_combo.setCurrentText("回")
    assert form.save()
    saved = people_service.person(form.person_id)
    assert (saved.ethnicity, saved.education, saved.political_status) == ("回族", "高中", "中共党员")
    again = PersonForm(session, form.person_id)
    qtbot.addWidget(again)
    assert (again.ethnicity_combo.currentText(), again.education_combo.currentData(),
            again.political_combo.currentData()) == ("回族", "高中", "中共党员")
    assert not again.is_dirty()
    state = again.draft_state()
    again.political_combo.setCurrentIndex(0)
    assert again.is_dirty()
    again.restore_draft(state)
    assert again.political_combo.currentData() == "中共党员"
