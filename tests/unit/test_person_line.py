"""The pickers' line for a person: sex and 出生年月 shown, so a woman can be found and namesakes told apart."""

from __future__ import annotations

from desktop.services.people_service import PersonRow
from ui.widgets.person_line import person_line


def test_the_line_names_sex_birth_and_group_after_the_name():
    row = PersonRow("p1", "王秀兰", "女", "一组", ("representative",), birth_year=1968, birth_month=3)
    line = person_line(row)
    assert line.startswith("王秀兰(") and line.endswith("  女 1968.03  一组")


def test_what_is_not_known_is_left_out():
    assert person_line(PersonRow("p2", "李强", "", "", ())) == "李强"
    assert person_line(PersonRow("p3", "李强", "男", "", (), birth_year=1970)) == "李强  男 1970"
