"""One line per person in the pickers that seat someone (任命, 监委会 添加成员).

The line reads "王秀兰(村民代表)  女 1968.03  一组": the sex is what the
村委会's 妇女成员 check counts, and the birth month tells two people of the
same name apart; the name comes first so typing it finds the line.
"""

from __future__ import annotations

from desktop.services.people_service import PersonRow
from ui.widgets.record_labels import roles_text


def person_line(row: PersonRow) -> str:
    """The picker's line for `row`: name, (current posts), sex and 出生年月, group."""
    label = row.name + (f"({roles_text(row.roles)})" if row.roles else "")
    about = " ".join(part for part in (row.gender, row.birth_text()) if part)
    for part in (about, row.village_group):
        if part:
            label += f"  {part}"
    return label
