"""The parser on every sample in shared/samples, as given (no cleaning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.rules.numerals import parse_number
from models.rules.parser import SCHEME_ARTICLES, SCHEME_HEADINGS, SCHEME_ITEMS, SCHEME_SINGLE, parse

# The team's shared/ folder sits beside the checkout (as in CI).
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
if not SAMPLES.is_dir():
    pytest.fail(f"{SAMPLES} not found: the team's shared/ folder must sit beside the checkout, as in CI",
                pytrace=False)


def sample(name: str) -> str:
    path = next(SAMPLES.glob(name + "*"))
    return path.read_text("utf-8")


@pytest.mark.parametrize(("name", "scheme", "articles", "chapters"), [
    ("law_01", SCHEME_ARTICLES, 41, 6),
    ("law_02", SCHEME_ARTICLES, 48, 7),
    ("law_03", SCHEME_ARTICLES, 44, 7),
    ("cgmy_03", SCHEME_HEADINGS, 12, 3),
    ("cgmy_04", SCHEME_ARTICLES, 9, 2),
    ("zc_01", SCHEME_ARTICLES, 10, 2),
])
def test_samples_split_exactly(name, scheme, articles, chapters):
    result = parse(sample(name))
    assert result.scheme == scheme
    assert len(result.articles) == articles
    assert len(result.chapters) == chapters
    assert [a.number for a in result.articles] == list(range(1, articles + 1))
    assert all(a.text for a in result.articles)


def test_law_structure_and_references_are_not_articles():
    result = parse(sample("law_01"))
    assert result.title == "中华人民共和国村民委员会组织法"
    assert result.chapters[0] == "第一章 总则" and result.chapters[-1] == "第六章 附则"
    art = {a.label: a for a in result.articles}
    assert art["第二十四条"].chapter == "第四章 村民会议和村民代表会议"
    assert "第四十一条" in art and art["第四十一条"].text == "本法自公布之日起施行。"
    # art. 16 text mentions "本法第十五条"-like references; none of them became an article
    assert [a.label for a in result.articles][:3] == ["第一条", "第二条", "第三条"]
    assert "第二十三条、第二十四条" not in "".join(a.label for a in result.articles)
    assert "URL" not in result.preamble and "github" not in result.preamble


def test_run_in_articles_with_glued_headings():
    result = parse(sample("cgmy_04"))
    assert result.chapters == ["村庄事务", "集体资源"]
    assert result.articles[0].label == "第一条" and result.articles[0].chapter == "村庄事务"
    assert result.articles[0].text.startswith("村组干部、党员应积极学习")
    assert result.articles[5].chapter == "集体资源" and result.articles[5].text.startswith("按照国家《土地法》")
    assert "三一刀客" in result.preamble  # site chrome stays out of the articles


def test_paragraph_marks_even_inside_a_word():
    result = parse(sample("zc_01"))
    art30 = next(a for a in result.articles if a.label == "第三十条")
    assert "村财务理财小组负责" in art30.text  # "村财Р 务理财" joined again
    assert "Р" not in "".join(a.text for a in result.articles)
    assert [a.chapter for a in result.articles][-1] == "附则"


def test_headings_with_items_and_a_cut_off_item():
    result = parse(sample("cgmy_03"))
    assert result.chapters == ["一、社会治安", "二、村风民俗", "三、邻里关系"]
    assert result.articles[4].chapter == "二、村风民俗" and result.articles[4].label == "1、"
    assert any("下面没有内容" in str(n) for n in result.notes)


def test_items_with_circled_sub_items():
    text = "村规民约\n1. 爱护环境:\n① 垃圾分类;\n② 不乱倒污水。\n2. 孝老爱亲。\n3. 邻里和睦。"
    result = parse(text)
    assert result.scheme == SCHEME_ITEMS and len(result.articles) == 3
    assert "① 垃圾分类" in result.articles[0].text and "②" in result.articles[0].text


def test_traditional_characters_and_arabic_numbers():
    result = parse("第一條 村民應當遵守法律。\n第2條 愛護公共財物。\n第三條 本約自通過之日起施行。")
    assert result.scheme == SCHEME_ARTICLES and len(result.articles) == 3


def test_no_structure_becomes_one_article_and_says_so():
    result = parse("大家要团结友爱,互相帮助,共同建设美丽乡村。")
    assert result.scheme == SCHEME_SINGLE and len(result.articles) == 1
    assert "全文作为一条导入" in str(result.notes[0])
    assert parse("").articles == []


@pytest.mark.parametrize(("text", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20),
                                          ("四十一", 41), ("一百零五", 105), ("26", 26), ("２６", 26)])
def test_numbers(text, n):
    assert parse_number(text) == n


def test_a_plain_first_line_is_the_title():
    result = parse("青山村村规民约\n\n第一条 村民应遵守法律。\n第二条 爱护公共财物。")
    assert result.title == "青山村村规民约" and result.preamble == ""
    assert parse("为了建设文明乡风,制定本约。\n第一条 甲。\n第二条 乙。").title == ""
