"""组织法 as versioned data: the text in force on a record's date, and the 2018 → 2025 mapping."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from models.legal import ARTICLES_2025, ORGANIC_2025_IN_FORCE, organic_law
from models.statutes import (
    MAPPING_2018_TO_2025,
    TOPICS_2018,
    TOPICS_2025,
    VERSION_2018,
    VERSION_2025,
    version_on,
)

_SAMPLE_2018 = Path("/work/shared/samples/law_01_cunweihui_zuzhifa_2018.txt")


def test_a_2024_record_cites_the_2018_text_with_its_number():
    assert organic_law(24, on=date(2024, 5, 1)).cite() == "依据《村民委员会组织法》(2018)第二十四条"
    assert organic_law(24, on="2025-12-31").cite() == "依据《村民委员会组织法》(2018)第二十四条"


def test_a_2026_record_cites_the_2025_number_where_known_else_the_version_alone():
    assert organic_law(6, on=date(2026, 1, 1)).cite() == "依据《村民委员会组织法》(2025)第八条"
    assert organic_law(32, on="2026-03-01").cite() == "依据《村民委员会组织法》(2025)第三十七条"
    assert organic_law(2, on="2026-03-01").cite() == "依据《村民委员会组织法》(2025)第二条"
    # 24 is renumbered by the amendment, but its new number was not read: no number, not a guess.
    assert organic_law(24, on="2026-03-01").cite() == "依据《村民委员会组织法》(2025)(原第二十四条)"


def test_no_date_means_the_2018_text():
    assert organic_law(26).cite() == "依据《村民委员会组织法》(2018)第二十六条"


def test_versions_meet_without_a_gap():
    assert VERSION_2018.until is not None
    assert (VERSION_2025.since - VERSION_2018.until).days == 1
    assert ORGANIC_2025_IN_FORCE == VERSION_2025.since == date(2026, 1, 1)
    assert version_on(date(2025, 12, 31)) is VERSION_2018
    assert version_on(date(2026, 1, 1)) is VERSION_2025


def test_the_mapping_is_consistent():
    new_numbers = list(ARTICLES_2025.values())
    assert len(new_numbers) == len(set(new_numbers)), "a 2025 number used twice"
    assert all(1 <= n <= VERSION_2025.articles for n in new_numbers)
    assert all(1 <= n <= VERSION_2018.articles for n in ARTICLES_2025)
    # Renumbering keeps the order of the articles it moves.
    pairs = sorted(ARTICLES_2025.items())
    assert [new for _old, new in pairs] == sorted(new for _old, new in pairs)
    # A new number never falls short of the old one (the amendment only inserts before art. 32).
    assert all(new >= old for old, new in pairs)
    assert set(ARTICLES_2025) == set(MAPPING_2018_TO_2025)
    assert all(new in TOPICS_2025 for new in ARTICLES_2025.values())


def test_every_2018_article_has_a_topic_matching_the_sample_text():
    assert sorted(TOPICS_2018) == list(range(1, VERSION_2018.articles + 1))
    if _SAMPLE_2018.exists():  # the shared sample: 41 articles, numbered in order
        text = _SAMPLE_2018.read_text(encoding="utf-8")
        labels = re.findall(r"^第([一二三四五六七八九十]+)条", text, flags=re.M)
        assert len(labels) == VERSION_2018.articles
