"""乡镇通知 travel township → village in the return package; the village marks them read locally."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.services import notice_service
from models.db import close_database
from models.errors import PermissionDenied, ValidationError
from models.township.notices import TownshipNotice
from tests.support.sites import VILLAGE_CODE, make_pair
from tests.support.sites import export_to as _export
from tests.support.sites import import_into as _apply


def test_a_notice_reaches_the_village_and_is_read_there_only(tmp_path):
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    _apply(township, _export(village, usb).path)  # the township now has the village's key

    session = township.use()
    sent = notice_service.send_notice(session, " 关于开展村规民约修订工作的通知 ", "请于12月底前报送草案。",
                                      date(2026, 11, 30))
    assert sent == 1
    [row] = notice_service.notices()
    assert row.village_name == "青山村" and row.read and row.issued_on == "2026-11-30"
    close_database()

    back = _export(township, usb, recipient_code=VILLAGE_CODE)
    assert back.counts == {"township_notice": 1}
    _apply(village, back.path)

    session = village.use()
    [row] = notice_service.notices()
    assert row.title == "关于开展村规民约修订工作的通知" and not row.read
    assert notice_service.unread_count() == 1
    notice_service.mark_read(session, row.id)
    notice_service.mark_read(session, row.id)  # twice is fine
    assert notice_service.unread_count() == 0 and notice_service.notices()[0].read
    with pytest.raises(ValidationError, match="只有乡镇"):
        notice_service.send_notice(session, "通知", "内容", date(2026, 11, 30))
    close_database()

    # the same return package again changes nothing; the read mark never travels back
    assert _apply(village, back.path).already_imported
    again = _export(village, usb)
    assert "notice_read" not in again.counts and "township_notice" not in again.counts


def test_a_notice_needs_a_title_text_known_villages_and_the_right_role(tmp_path):
    township, _village, _usb = make_pair(tmp_path, years=0, demo=False)
    session = township.use()
    try:
        on = date(2026, 11, 30)
        with pytest.raises(ValidationError, match="标题"):
            notice_service.send_notice(session, "  ", "内容", on)
        with pytest.raises(ValidationError, match="内容"):
            notice_service.send_notice(session, "标题", "", on)
        with pytest.raises(ValidationError, match="999"):
            notice_service.send_notice(session, "标题", "内容", on, village_codes=["999"])
        from desktop.services.session import Session

        reviewer = Session("shenhe", "reviewer", "审核员")
        with pytest.raises(PermissionDenied):
            notice_service.send_notice(reviewer, "标题", "内容", on)
        assert TownshipNotice.select().count() == 0
    finally:
        close_database()
