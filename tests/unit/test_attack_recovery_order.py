"""Issue 16, "Recovery from the township": a 恢复包 is "sealed to the village's new key after re-enrolment".

Exploratory finding: `cunwu export --recovery CODE` at the township before the village was re-enrolled
(its key still the dead PC's), or after 重新入网 but before the new PC's first package, "writes a 恢复包
only the dead PC could open, without a warning". The CLI now refuses both (exit 1, the order in Chinese)
by the same rule that disables the 生成恢复包 dialog's button (`recovery.recoverable_village`).
"""

from __future__ import annotations

import json

from desktop.services import recovery_service
from desktop.sync import enrollment
from models.db import close_database
from tests.support.sites import VILLAGE_CODE, add_people, export_to, import_into, make_pair
from tests.unit.test_cli import cunwu

ORDER = ("1. 为该村“重新入网”", "2. 村里在新电脑上导入入网文件并导出第一个数据包", "3. 乡镇导入它并电话核对指纹",
         "4. 再生成恢复包")


def _refused(township, to) -> str:
    out = cunwu("--json", "export", "--recovery", VILLAGE_CODE, "--to", str(to), data_dir=township.paths.data_dir)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1])["ok"] is False
    assert list(to.iterdir()) == [], "nothing written"
    for step in ORDER:
        assert step in out.stderr, out.stderr
    return out.stderr


def test_a_recovery_is_refused_before_the_village_was_re_enrolled_and_before_the_new_pcs_package(tmp_path):
    """Attack: `cunwu export --recovery CODE` "before the village was re-enrolled (the village's key is still
    the dead PC's, or no package from a new PC has arrived since 重新入网) writes a 恢复包 only the dead PC
    could open, without a warning"."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    add_people(session, "王建国")
    close_database()
    import_into(township, export_to(village, usb).path)
    stick = tmp_path / "恢复包"
    stick.mkdir()

    reason = _refused(township, stick)  # the key is the first PC's: the one that died
    assert "青山村还没有重新入网过" in reason and "原来那台电脑" in reason
    township.use()
    state = recovery_service.readiness(VILLAGE_CODE)  # the dialog: the same rule, its button disabled
    assert not state.ready and state.reason in reason

    session = township.use()
    enrollment.reenroll_village(session, township.paths, VILLAGE_CODE, "村里电脑硬盘损坏", usb)
    close_database()
    reason = _refused(township, stick)  # re-enrolled, the new PC not heard from yet: no key to seal to
    assert "还没有收到青山村新电脑的第一个数据包" in reason
    township.use()
    state = recovery_service.readiness(VILLAGE_CODE)
    assert not state.ready and state.reason in reason
    close_database()
