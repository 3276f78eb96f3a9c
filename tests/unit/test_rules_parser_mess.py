"""The parser on each kind of mess real rule texts have (issue 17), one small inline text per kind.

The real texts these come from are in tests/data/rule_texts/ (test_rules_corpus.py).
"""

from __future__ import annotations

from models.rules.parser import (
    SCHEME_ARTICLES,
    SCHEME_HEADINGS,
    SCHEME_ITEMS,
    SCHEME_PARAGRAPHS,
    parse,
)

COMMA = "\uff0c"  # full-width punctuation as villages type it
COLON = "\uff1a"
SEMI = "\uff1b"


def notes(result) -> str:
    return "\n".join(str(n) for n in result.notes)


def test_long_yi_lines_are_the_articles():
    text = ("青山村村规民约\n为建设文明乡村,制定本约。\n"
            f"一、村民应当遵守法律法规{COMMA}爱护公共财物{COMMA}维护集体利益。\n"
            "二、提倡移风易俗,喜事新办,丧事简办,反对铺张浪费和大操大办。\n"
            "三、村民之间相互尊重,和睦相处,不打架斗殴,不酗酒滋事。")
    result = parse(text)
    assert result.scheme == SCHEME_PARAGRAPHS
    assert [a.label for a in result.articles] == ["一、", "二、", "三、"]
    assert result.articles[0].text.startswith("村民应当遵守法律法规")
    assert result.preamble == "为建设文明乡村,制定本约。"
    assert "把 3 个“一、”段落当作条款" in notes(result)


def test_sub_items_inside_a_yi_paragraph_stay_inside():
    text = (f"一、搞好环境卫生{COLON}1、不乱倒垃圾{SEMI}2、不乱堆柴草。\n"
            "二、孝敬老人,不虐待、遗弃老人。")
    result = parse(text)
    assert result.scheme == SCHEME_PARAGRAPHS and len(result.articles) == 2
    assert "2、不乱堆柴草" in result.articles[0].text


def test_run_in_yi_paragraphs_are_split():
    text = "社区居民公约\n一、热爱祖国,遵纪守法。二、邻里和睦,互相帮助。三、爱护环境,不乱扔垃圾。"
    result = parse(text)
    assert result.scheme == SCHEME_PARAGRAPHS and len(result.articles) == 3
    assert "已分开" in notes(result)


def test_run_in_numbered_items_in_one_paragraph():
    text = "为了建设美丽乡村,经村民会议讨论,制定本约。1、爱护环境,不乱倒垃圾。2、孝敬老人。3、邻里和睦,互谅互让。"
    result = parse(text)
    assert result.scheme == SCHEME_ITEMS
    assert [a.text for a in result.articles] == ["爱护环境,不乱倒垃圾。", "孝敬老人。", "邻里和睦,互谅互让。"]
    assert "有 3 处编号" in notes(result)


def test_heading_glued_to_the_first_item():
    text = "一、社会治安1.村民要学法守法。2.不打架斗殴。\n二、村风民俗\n1.喜事新办。\n2.丧事简办。"
    result = parse(text)
    assert result.scheme == SCHEME_HEADINGS and len(result.articles) == 4
    assert result.articles[0].chapter == "一、社会治安" and result.articles[0].text == "村民要学法守法。"


def test_page_counters_are_removed():
    text = ("第一条 村民应当遵守法律。\n- 2 -\n第二条 一要弘扬美德,1/ 22尊老爱幼。\n"
            "第 3 页 共 9 页\n第三条 本约自通过之日起施行。\n4/9")
    result = parse(text)
    assert len(result.articles) == 3
    assert result.articles[1].text == "一要弘扬美德,尊老爱幼。"
    assert result.articles[2].text == "本约自通过之日起施行。"
    assert "去掉了 4 处页码" in notes(result)


def test_a_fraction_is_not_a_page_counter():
    result = parse("第一条 须经1/3以上村民同意。\n第二条 由村委会实施。")
    assert result.articles[0].text == "须经1/3以上村民同意。"


def test_stray_page_number_glued_to_an_article():
    text = "第一条 甲。\n第二条 乙。\n第三条 丙。\n第四条 丁。5第五条 戊。\n12第六条 己。"
    result = parse(text)
    assert [a.label for a in result.articles] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
    assert result.articles[3].text == "丁。" and "页码" in notes(result)


def test_ascii_full_stops_end_sentences():
    result = parse("本约依法制定.总则第一条 村民应遵纪守法.第二条 爱护公共财物.")
    assert [a.label for a in result.articles] == ["第一条", "第二条"]
    assert result.articles[0].chapter == "总则"
    assert result.articles[0].text == "村民应遵纪守法。"
    assert "英文句点" in notes(result)


def test_an_ascii_full_stop_before_the_next_run_in_item():
    # issue 17 audit: "从简.5、" — the stop before an item's number ends the sentence too
    result = parse("1、村民应当遵守法律。2、爱护环境。3、邻里和睦。4、红白喜事从简.5、本公约自通过之日起施行。")
    assert [a.text for a in result.articles][3:] == ["红白喜事从简。", "本公约自通过之日起施行。"]
    assert [a.text for a in parse("1.遵守法律.2.爱护环境.3.共3.5亩地归集体。").articles] == [
        "遵守法律。", "爱护环境。", "共3.5亩地归集体。"]


def test_heading_glued_to_the_first_article_on_its_line():
    result = parse("总则第一条 为了建设文明乡村,制定本约。\n第二条 本约适用于全体村民。")
    assert [a.chapter for a in result.articles] == ["总则", "总则"]
    assert result.articles[0].text.startswith("为了建设")


def test_a_heading_glued_at_the_very_start_is_reported_like_a_later_one():
    result = parse("总则第一条 为了建设文明乡村,制定本约。\n第二条 本约适用于全体村民。\n附则第三条 本约自通过之日起施行。")
    assert [a.chapter for a in result.articles] == ["总则", "总则", "附则"]
    assert "把紧贴在条号前面的 2 个小标题(如“总则”)当作章节标题" in notes(result)
    # on its own line above 第一条 it is no glued heading: no note
    assert "小标题" not in notes(parse("总 则\n第一条 甲。\n第二条 乙。"))


def test_a_web_pages_title_is_cleaned_or_left_for_the_file_name():
    for page_title, title in [("2024村规民约范文范文五篇", "村规民约"), ("村民自治章程五篇(全文完整)", "村民自治章程"),
                              ("2021年最新村規民約范文(2)", "村規民約"), ("青山村村规民约(精选)", "青山村村规民约")]:
        result = parse(f"{page_title}\n第一条 甲。\n第二条 乙。", "下载.txt")
        assert (result.title, result.title_source) == (title, "text")
        assert f"标题行“{page_title}”带有网页用语,去掉后取作“{title}”" in notes(result)
    # nothing of a rule's name is left: the file's name
    result = parse("范文五篇村规\n第一条 甲。\n第二条 乙。", "青山村公约.txt")
    assert (result.title, result.title_source) == ("青山村公约", "file") and "像网页标题" in notes(result)
    # a rule's own title is kept as written, (草案) and all
    assert parse("青山村村规民约(草案)\n第一条 甲。\n第二条 乙。").title == "青山村村规民约(草案)"


def test_inline_chapters_with_colons():
    text = f"第一章{COLON}和谐礼貌第一条{COLON}讲文明。第二章{COLON}村内秩序第二条{COLON}学法守法。第三条{COLON}爱护公物。"
    result = parse(text)
    assert result.scheme == SCHEME_ARTICLES
    assert result.chapters == ["第一章 和谐礼貌", "第二章 村内秩序"]
    assert [a.text for a in result.articles] == ["讲文明。", "学法守法。", "爱护公物。"]


def test_a_chapter_reference_is_not_split():
    result = parse("第一条 依照本章程第二章第五条办理。\n第二条 乙。")
    assert len(result.articles) == 2 and "第二章第五条" in result.articles[0].text


def test_traditional_characters_and_pinyin_glosses():
    text = "第一條 村民應當遵守法律,愛護公共財物。\n第二條 本約由村民會(huì)議通過(guò),自公布之日起施行(xí"
    result = parse(text)
    assert len(result.articles) == 2
    assert result.articles[1].text == "本約由村民會議通過,自公布之日起施行"
    assert "去掉了 3 处拼音注音" in notes(result)


def test_parentheses_in_chinese_are_not_pinyin():
    result = parse("第一条 村民(居民)应当遵守本约(试行)。\n第二条 乙。")
    assert result.articles[0].text == "村民(居民)应当遵守本约(试行)。"


def test_repeated_title_and_site_chrome():
    text = ("首页 > 村务公开 > 村规民约\n青山村村规民约\n发布时间:2024-03-01 09:00 来源:村委会\n"
            "青山村村规民约\n第一条 村民应当遵守法律。\n第二条 爱护公共财物。\n"
            "上一篇:关于春耕的通知\n下一篇:村务公开栏\n打印本页 关闭窗口")
    result = parse(text)
    assert result.title == "青山村村规民约" and result.title_source == "text"
    assert result.preamble == ""
    assert result.articles[-1].text == "爱护公共财物。"
    text_notes = notes(result)
    assert "去掉了 1 处重复的标题" in text_notes and "网页杂项" in text_notes


def test_site_column_tag_before_the_title():
    assert parse("【村规民约】青山村村规民约\n第一条 甲。\n第二条 乙。").title == "青山村村规民约"


def test_title_glued_twice():
    result = parse("青山村村民自治章程青山村村民自治章程第一章 总则第一条 甲。第二条 乙。")
    assert result.title == "青山村村民自治章程"
    assert result.chapters == ["第一章 总则"] and len(result.articles) == 2


def test_no_heading_line_takes_the_file_name():
    result = parse("第一条 甲。\n第二条 乙。", "D:\\村务\\青山村公约.txt")
    assert result.title == "青山村公约" and result.title_source == "file"
    assert "标题取自文件名“青山村公约”" in notes(result)
    assert parse("第一条 甲。\n第二条 乙。").title == ""


def test_numbering_gap_and_duplicate_are_notes():
    gap = parse("第一条 甲。\n第二条 乙。\n第四条 丁。\n第五条 戊。")
    assert [a.label for a in gap.articles] == ["第一条", "第二条", "第四条", "第五条"]
    assert "第四条前面缺了 1 条" in notes(gap)
    dup = parse("第一条 甲。\n第二条 乙。\n第二条 丙。\n第三条 丁。")
    assert len(dup.articles) == 4 and "第二条出现了两次" in notes(dup)
    yi = parse("一、甲甲甲甲甲甲甲甲甲甲甲。\n二、乙乙乙乙乙乙乙乙乙乙乙。\n二、丙丙丙丙丙丙丙丙丙丙。\n四、丁丁丁丁丁丁丁丁丁丁。")
    assert len(yi.articles) == 4 and "出现了两次" in notes(yi) and "缺了 1 段" in notes(yi)


def test_numbering_restarts_under_a_new_heading():
    text = "总 则\n第一条 甲。\n第二条 乙。\n第三条 丙。\n村民行为规范\n第一条 丁。\n第二条 戊。"
    result = parse(text)
    assert [a.chapter for a in result.articles] == ["总则"] * 3 + ["村民行为规范"] * 2
    assert "又从第一条开始" in notes(result)


def test_every_choice_is_noted():
    result = parse("第一条 甲。\n第二条 乙。", "规约.txt")
    assert "按“第X条”分成 2 条" in notes(result)


def test_items_after_the_colon_that_introduces_them():
    text = f"为建设文明乡村,特制定以下公约{COLON}1、爱党爱国。2、遵纪守法。3、孝老爱亲。"
    result = parse(text)
    assert result.scheme == SCHEME_ITEMS and len(result.articles) == 3
    yi = parse(f"特制定以下公约{COLON}一、爱党爱国,遵纪守法。二、孝老爱亲,邻里和睦。")
    assert yi.scheme == SCHEME_PARAGRAPHS and len(yi.articles) == 2


def test_a_bare_page_number_between_articles():
    result = parse("第一条 村民应当遵守法律。\n3\n第二条 爱护公共财物。")
    assert result.articles[0].text == "村民应当遵守法律。" and "页码" in notes(result)


def test_section_headings_between_yi_paragraphs_become_chapters():
    text = ("文明风尚\n一、热爱祖国,遵纪守法,维护社会公德。\n二、尊老爱幼,男女平等,反对家庭暴力。\n"
            "公共卫生\n三、养成良好的卫生习惯,做好垃圾分类。\n四、爱护公共设施,不乱贴乱画。")
    result = parse(text)
    assert result.chapters == ["文明风尚", "公共卫生"]
    assert [a.chapter for a in result.articles] == ["文明风尚"] * 2 + ["公共卫生"] * 2
    assert result.articles[1].text == "尊老爱幼,男女平等,反对家庭暴力。"


def test_byline_fields_are_chrome():
    text = "东园社区居民公约\n发布:2020-08-21\n作者:陈蓓蓓\n一、爱党爱国,遵纪守法,团结互助。\n二、移风易俗,反对封建迷信活动。"
    result = parse(text)
    assert result.preamble == "" and "网页杂项" in notes(result)


def test_english_words_in_brackets_are_not_pinyin():
    result = parse("第一条 通过微信(wechat)群发布通知(app)。\n第二条 村委會(huì)负责。")
    assert result.articles[0].text == "通过微信(wechat)群发布通知(app)。"
    assert result.articles[1].text == "村委會负责。"


def test_problems_are_told_apart_from_the_parsers_choices():
    """Gaps and duplicates ask the reader to check the original; scheme and title notes only report."""
    from models.rules import parser

    result = parser.parse("第一条 甲。\n第二条 乙。\n第二条 丙。\n第五条 丁。", "村规.txt")
    problems = [str(n) for n in result.notes if parser.is_problem(n)]
    assert problems == ["第二条出现了两次,两条都保留了,请核对原文。", "条号不连续:第五条前面缺了 2 条,请核对原文。"]
    choices = [str(n) for n in result.notes if not parser.is_problem(n)]
    assert "按“第X条”分成 4 条。" in choices and any("标题取自文件名" in n for n in choices)


def _numbered(labels: list[str], extra: str = "") -> str:
    lines = ["青山村村规民约"]
    for label in labels:
        lines.append(f"{label} 村民应当遵守本条的规定,{label[1:-1]}号内容。")
        if label == "第十二条" and extra:
            lines.append(extra)
    return "\n".join(lines)


TWELVE = ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条",
          "第十一条", "第十二条"]


def test_a_numbering_jump_is_an_article_of_its_own_with_a_note():
    """第十二条 then 第二十一条 (a typo): not appended silently to 第十二条 (tester #24)."""
    from models.rules import parser

    result = parse(_numbered([*TWELVE, "第二十一条", "第二十二条"]))
    assert [a.label for a in result.articles][-3:] == ["第十二条", "第二十一条", "第二十二条"]
    assert len(result.articles) == 14 and "第二十一条" not in result.articles[11].text
    assert result.articles[12].text == "村民应当遵守本条的规定,二十一号内容。"
    problems = [str(n) for n in result.notes if parser.is_problem(n)]
    assert any("第十二条之后是第二十一条,编号不连续" in p for p in problems), problems
    # 二十一 meant for 十三: the numbering goes on from 第十四条, each article its own
    result = parse(_numbered([*TWELVE, "第二十一条", "第十四条", "第十五条"]))
    assert [a.label for a in result.articles][-4:] == ["第十二条", "第二十一条", "第十四条", "第十五条"]


def test_a_cited_article_number_at_a_line_start_does_not_split():
    """A reference opening a line ("第二十一条规定的…") stays in its article's text, as before."""
    text = _numbered([*TWELVE, "第十三条"], extra="第二十一条规定的事项,由村民会议决定。")
    result = parse(text)
    assert len(result.articles) == 13
    assert "第二十一条规定的事项" in result.articles[11].text
    assert "编号不连续" not in notes(result)
    # inside a sentence, as ever
    result = parse(_numbered([*TWELVE[:-1], "第十二条"]).replace("号内容。", "号内容,依照第二十一条规定办理。"))
    assert len(result.articles) == 12 and "编号不连续" not in notes(result)
