"""Legal references as data: (law, version, article), cited in plain Chinese.

Article numbers change between versions (the 2025 amendment of 组织法 renumbers
it), so a reference names its version and a message cites exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.messages import QT_TRANSLATE_NOOP
from models.statutes import VERSION_2025, articles_2025

_C = "legal"
_DIGITS = "零一二三四五六七八九"

ORGANIC_LAW = QT_TRANSLATE_NOOP(_C, "村民委员会组织法")
CIVIL_CODE = QT_TRANSLATE_NOOP(_C, "民法典")
COLLECTIVE_ORG_LAW = QT_TRANSLATE_NOOP(_C, "农村集体经济组织法")
PARTY_BRANCH_RULES = QT_TRANSLATE_NOOP(_C, "中国共产党支部工作条例(试行)")
RULES_OPINION_2018 = QT_TRANSLATE_NOOP(_C, "关于做好村规民约和居民公约工作的指导意见")
PARTY_RURAL_RULES = QT_TRANSLATE_NOOP(_C, "中国共产党农村基层组织工作条例")
WOMEN_RIGHTS_LAW = QT_TRANSLATE_NOOP(_C, "妇女权益保障法")
LAND_CONTRACT_LAW = QT_TRANSLATE_NOOP(_C, "农村土地承包法")
LAND_ADMINISTRATION_LAW = QT_TRANSLATE_NOOP(_C, "土地管理法")
CONSTITUTION = QT_TRANSLATE_NOOP(_C, "宪法")
PENALTY_LAW = QT_TRANSLATE_NOOP(_C, "行政处罚法")
PETITION_RULES = QT_TRANSLATE_NOOP(_C, "信访工作条例")
POPULATION_LAW = QT_TRANSLATE_NOOP(_C, "人口与计划生育法")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 26 → 二十六, 105 → 一百零五 (article numbers)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        return head + (_DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else ""))
    return str(n)


def title_inside(title: str) -> str:
    """A law's name with any title marks inside it made the inner ones (《 → 〈, 》 → 〉)."""
    return title.replace("《", "〈").replace("》", "〉")


@dataclass(frozen=True)
class LegalBasis:
    """A law (or policy/practice document), its version, and an article (0 when none)."""

    law: str
    version: str = ""
    article: int = 0
    province: str = ""  # a provincial measure's profile code, "" for national texts
    #: The article's number in the text before (2018) when its number in this version is not known:
    #: cited as "(原第十五条)" so a reader can still find it, never as a guessed new number.
    former_article: int = field(default=0, compare=False)

    def cite(self) -> str:
        """`依据《村民委员会组织法》(2018)第二十六条`; `依据《村民委员会组织法》(2025)(原第十五条)`.

        A title inside the title takes the inner marks (GB/T 15834: 《…〈…〉…》), as in
        《重庆市实施〈中华人民共和国村民委员会组织法〉办法》.
        """
        text = f"依据《{title_inside(self.law)}》"
        if self.version:
            text += f"({self.version})"
        if self.article:
            text += f"第{chinese_number(self.article)}条"
        elif self.former_article:
            text += f"(原第{chinese_number(self.former_article)}条)"
        return text


#: The 2025 amendment of 组织法 (adopted 2025-10-28) is in force from this day.
ORGANIC_2025_IN_FORCE = VERSION_2025.since

#: 2018 article -> article of the amended text, where the renumbering is known (the data and its
#: sources are in `models.statutes`); the others are cited by version without an article number
#: rather than with a wrong one.
ARTICLES_2025: dict[int, int] = articles_2025()


def _day(on: date | str | None) -> date | None:
    """`on` as a date; a text that is not an ISO date counts as no date (the 2018 text), not a crash."""
    if isinstance(on, str):
        try:
            return date.fromisoformat(on[:10]) if on else None
        except ValueError:
            return None
    return on


def organic_law(article: int, on: date | str | None = None) -> LegalBasis:
    """A 村民委员会组织法 article, given in its 2018 numbering, as cited by the text in force on `on`.

    Every finding cites the text in force on the date of the record it judges: a 2024 meeting
    the 2018 text, a 2026 one the amended text (with the amended article number, or — where that
    number is not known here — the 2018 one as "原第…条"). Without a date (a rule with no record
    behind it), the 2018 text.
    """
    day = _day(on)
    if day is None or day < ORGANIC_2025_IN_FORCE:
        return LegalBasis(ORGANIC_LAW, "2018", article)
    number = ARTICLES_2025.get(article, 0)
    return LegalBasis(ORGANIC_LAW, "2025", number, former_article=0 if number else article)


def in_force_on(basis: LegalBasis | None, on: date | str | None) -> LegalBasis | None:
    """The same provision as cited on `on`: a 组织法 (2018) basis follows `organic_law`; others stay.

    Data that is written once for all dates (a meeting type's quorum article, a province's
    default) stores the 2018 article; the finding resolves it for its record's date here.
    """
    if basis is None or on is None or basis.law != ORGANIC_LAW or basis.version != "2018":
        return basis
    return organic_law(basis.article, on)


def organic_law_both(article_2018: int) -> str:
    """A help text's citation naming both texts: `《村民委员会组织法》(2018)第三十二条;2026年1月1日起为修正后的第三十七条`.

    Help texts are not about one record's date, so they name the 2018 article and what the
    amended text calls it (the version alone where its number is not known).
    """
    old = LegalBasis(ORGANIC_LAW, "2018", article_2018).cite().removeprefix("依据")
    number = ARTICLES_2025.get(article_2018, 0)
    if not number:
        return f"{old};2026年1月1日起依2025年修正后的文本"
    return f"{old};2026年1月1日起为修正后的第{chinese_number(number)}条"
