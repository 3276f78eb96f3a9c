"""Integer threshold arithmetic for "过半数" and "三分之二以上".

民法典 第一千二百五十九条: "以上" includes the number, "过/超过" excludes it.
So "三分之二以上" of 31 is 21 (21×3 = 63 ≥ 62) and "过半数" of 30 is 16.
Never floats: 2/3 of 30 in floating point is 19.999…
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ratio:
    """`numerator/denominator` of a base, inclusive ("以上") or strict ("过")."""

    numerator: int
    denominator: int
    inclusive: bool
    label: str  # "三分之二以上", "过半数"

    def met(self, count: int, base: int) -> bool:
        """Whether `count` reaches the threshold of `base`."""
        if self.inclusive:
            return count * self.denominator >= base * self.numerator
        return count * self.denominator > base * self.numerator

    def needed(self, base: int) -> int:
        """The smallest count that meets the threshold of `base`."""
        product = base * self.numerator
        if self.inclusive:
            return -(-product // self.denominator)  # ceiling division
        return product // self.denominator + 1


MORE_THAN_HALF = Ratio(1, 2, False, "过半数")
HALF_OR_MORE = Ratio(1, 2, True, "半数以上")
TWO_THIRDS_OR_MORE = Ratio(2, 3, True, "三分之二以上")
FOUR_FIFTHS_OR_MORE = Ratio(4, 5, True, "五分之四以上")
ONE_THIRD_OR_MORE = Ratio(1, 3, True, "三分之一以上")
