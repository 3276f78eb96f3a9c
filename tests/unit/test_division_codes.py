"""Issue 15 — village and township codes follow the 统计用区划代码: 12 and 9 digits, the township a prefix.

A 10-digit village code used to pass the wizard; every place a code is typed
(the wizard, `cunwu init`, the township's 入网) now says what is expected.
"""

from __future__ import annotations

import pytest

from desktop.services import setup_service
from desktop.services.session import cli_session
from desktop.sync import enrollment
from models import division_code as dc
from models.errors import ValidationError


@pytest.mark.parametrize(("code", "kind"), [("330106001001", dc.VILLAGE), ("330106001", dc.TOWNSHIP),
                                            ("110101001001", dc.VILLAGE), ("500101001001", dc.VILLAGE),
                                            (" 650102003 ", dc.TOWNSHIP)])
def test_well_formed_codes_pass(code, kind):
    assert dc.problem(code, kind) is None


@pytest.mark.parametrize(("code", "kind", "fragment"), [
    ("3301060010", dc.VILLAGE, "村代码应为 12 位数字"),
    ("3301060010", dc.VILLAGE, "(10 位)"),
    ("330106001001", dc.TOWNSHIP, "乡镇代码应为 9 位数字"),
    ("330106001", dc.VILLAGE, "村代码应为 12 位数字"),
    ("3301060010011", dc.VILLAGE, "13 位"),
    ("33010600100x", dc.VILLAGE, "12 位数字"),
    ("３３０１０６００１００１", dc.VILLAGE, "12 位数字"),  # full-width digits are not a code
    ("990106001001", dc.VILLAGE, "前两位 99 不是省级代码"),
    ("100106001001", dc.VILLAGE, "不是省级代码"),
    ("660106001", dc.TOWNSHIP, "不是省级代码"),
    ("330100001001", dc.VILLAGE, "县级"),
])
def test_malformed_codes_say_what_is_expected(code, kind, fragment):
    found = dc.problem(code, kind)
    assert found is not None and fragment in str(found)


def test_a_village_code_must_start_with_its_township_code():
    assert dc.problem("330106001001", dc.VILLAGE, "330106001") is None
    found = dc.problem("330106002001", dc.VILLAGE, "330106001")
    assert found is not None and "都以 330106001 开头" in str(found)


def test_the_wizard_service_refuses_a_10_digit_village_code(store):
    with pytest.raises(ValidationError) as err:
        setup_service.initialize("village", "青山村", "3301060010", "zhejiang")
    assert "村代码应为 12 位数字" in str(err.value)
    with pytest.raises(ValidationError) as err:
        setup_service.initialize("township", "城关镇", "330106001001", "zhejiang")
    assert "乡镇代码应为 9 位数字" in str(err.value)
    with pytest.raises(ValidationError) as err:
        setup_service.initialize("village", "青山村", "330106002001", "zhejiang", township_code="330106001")
    assert "不属于本乡镇" in str(err.value)
    assert setup_service.current() is None
    setup_service.initialize("village", "青山村", "330106001001", "zhejiang", township_code="330106001")
    assert setup_service.current().code == "330106001001"


def test_the_township_enrols_only_its_own_villages(store, paths, tmp_path):
    setup_service.initialize("township", "城关镇", "330106001", "zhejiang")
    session = cli_session("township")
    for code, fragment in (("3301060010", "村代码应为 12 位数字"), ("330106002001", "都以 330106001 开头"),
                           ("330106001", "村代码应为 12 位数字")):
        with pytest.raises(ValidationError) as err:
            enrollment.enroll_village(session, paths, code, "青山村", tmp_path)
        assert fragment in str(err.value)
    assert enrollment.enroll_village(session, paths, "330106001001", "青山村", tmp_path).is_file()
