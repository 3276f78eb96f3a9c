"""The 村委会's term end as a 推选 or 补选 reads it: a member recalled later does not end the term."""

from __future__ import annotations

from datetime import date

from desktop.services import elections_service, people_service, recall_service, terms_service


def test_a_recall_recorded_later_is_not_the_terms_end(village):
    _paths, admin = village
    ids = [people_service.add_person(admin, name, gender, birth_year=1975, village_group="一组").id
           for name, gender in (("王建国", "男"), ("李秀英", "女"), ("张明", "男"))]
    offices = [terms_service.appoint(admin, pid, role, date(2026, 6, 28)).office
               for pid, role in zip(ids, ("vc_chair", "vc_vice", "vc_member"), strict=True)]
    terms_service.end_office(admin, offices[2].id, date(2026, 10, 15), "recalled", "村民会议表决")
    # A 村民代表 chosen on 2026-07-10, while 张明 still sat: the term is the committee's five years.
    assert elections_service.current_term_end("2026-07-10") == "2031-06-27"
    assert recall_service.term_end_on("2026-07-10") == "2031-06-27"
    assert elections_service.current_term_end("2026-11-01") == "2031-06-27"
