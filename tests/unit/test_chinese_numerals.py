"""One reading of Chinese numerals for article numbers, names, amounts and years."""

import pytest

from models.chinese_numerals import numeral_value
from models.natural_order import chinese_number
from models.rules.numerals import parse_number


@pytest.mark.parametrize(("run", "value"), [
    ("一", 1), ("十", 10), ("十二", 12), ("二十六", 26), ("一百零五", 105), ("两千", 2000),
    ("两万五千", 25000), ("伍佰", 500), ("壹仟", 1000), ("二〇二六", 2026), ("一〇五", 105), ("零", 0),
])
def test_numeral_value(run, value):
    assert numeral_value(run) == value
    assert chinese_number(run) == value


def test_not_a_numeral():
    assert numeral_value("") is None and numeral_value("十x") is None
    assert parse_number("第五") is None and parse_number("２６") == 26 and parse_number("一百零五") == 105
