"""《村民委员会组织法》 as versioned data: its texts, their articles, the 2018 → 2025 numbers.

Each text's articles, when it is in force, and how the 2018 article numbers map onto the 2025 text.

Data, not code: `models.legal.organic_law(article_2018, on=date)` reads `ARTICLES_2025`
(built from `MAPPING_2018_TO_2025` below) to cite the text in force on a record's date.

Sources (what was read, and how far it goes):

- 2018 text: /work/shared/samples/law_01_cunweihui_zuzhifa_2018.txt (LawRefBook/Laws,
  `宪法相关法/村民委员会组织法(2018-12-29).md`): 6 chapters, 41 articles.
- 2025 amendment decision (adopted 2025-10-28 by the 14th NPCSC at its 18th session, in force
  2026-01-01, 主席令第五十九号): Xinhua full text, mirror
  http://m.av069.com/news/guonei/2025-10-29/1791614.html and the bilingual
  https://lawinfochina.com/display.aspx?id=45907&lib=law. Only items 一 to 三 could be read
  (art. 1 amended, art. 2 para. 1 amended, art. 4 amended): nothing is inserted before art. 4,
  so arts. 1–4 keep their numbers.
- Xinhua's item-by-item summary of the decision (https://reportify.ai/news/1180714547879743488):
  a new art. 5 (基层群众自治指导监督部门), a new art. 7 (表彰奖励), art. 8 the committee's
  composition (the old art. 6, with 交叉任职), art. 9 the sub-committees (old 7), art. 10 land,
  collective property and ecology (old 8), art. 11 publicity and education (old 9, first
  paragraph). With the two insertions, old 5 becomes 6.
- News on the consolidated text (众力资讯, https://zhongli-tech.com/new/716613199088062464):
  "新法第三十七条" is the 村务监督机构 article (列席村民委员会会议和村民代表会议, 向监察机关反映,
  近亲属不得担任) — the old art. 32. A secondary source: kept because the article it describes
  can only be the old 32, marked `NEWS` below.
- 中新社 (http://89756.changrenhuntun.cn/75692.html), 农民日报 on the draft
  (http://www.sc3n.com/index/news/detail/id/52933.html): 7 chapters, 50 articles; the
  老年人和妇女儿童工作 sub-committee.

Not read: the consolidated 2025 text itself and items 四 onwards of the decision. Every 2018
article whose 2025 number is not given above (10, 12–31, 33–41) is left out of the mapping, so
a 2026 record cites 《村民委员会组织法》(2025) without an article number rather than a guessed
one. When the consolidated text is at hand, add its numbers here (and their source).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: How sure a mapping entry is: read in the decision itself, in Xinhua's summary of it, or in news.
DECISION = "决定原文"
SUMMARY = "新华社决定摘要"
NEWS = "新闻报道"


@dataclass(frozen=True)
class StatuteVersion:
    """One text of the law and the days it is in force (`until` is the last day; None = still)."""

    code: str
    since: date
    until: date | None
    chapters: int
    articles: int


VERSION_2018 = StatuteVersion("2018", date(2018, 12, 29), date(2025, 12, 31), 6, 41)
VERSION_2025 = StatuteVersion("2025", date(2026, 1, 1), None, 7, 50)
VERSIONS = (VERSION_2018, VERSION_2025)

#: 2018 text: article -> short topic (every article, from the sample text).
TOPICS_2018: dict[int, str] = {
    1: "立法目的", 2: "性质、职责(四个民主),向村民会议、村民代表会议负责",
    3: "设立、撤销、范围调整;村民小组", 4: "党的基层组织的领导核心作用", 5: "乡镇人民政府的指导",
    6: "组成(三至七人,妇女成员)", 7: "下属委员会", 8: "经济职责与集体财产管理",
    9: "宣传教育、社会组织、民族团结", 10: "遵守法律,执行村民会议决定",
    11: "直接选举,每届任期五年", 12: "村民选举委员会", 13: "选举权与选民登记",
    14: "选民名单公布与申诉", 15: "提名、投票与当选", 16: "罢免", 17: "破坏选举的处理",
    18: "职务自行终止", 19: "补选", 20: "工作移交",
    21: "村民会议的组成与召集(提前十天通知)", 22: "村民会议的法定人数与表决",
    23: "村民会议的职权与授权", 24: "经村民会议讨论决定方可办理的事项",
    25: "村民代表会议的组成与村民代表", 26: "村民代表会议的召集(每季度)与表决",
    27: "村民自治章程、村规民约与备案", 28: "村民小组会议", 29: "民主决策机制与公开透明",
    30: "村务公开", 31: "不公开、不真实公开的救济", 32: "村务监督机构", 33: "民主评议",
    34: "村务档案", 35: "任期和离任经济责任审计", 36: "侵害村民权益决定的撤销与责令改正",
    37: "经费与筹资筹劳", 38: "驻村单位", 39: "人大保证实施", 40: "省级实施办法", 41: "施行日期",
}

#: 2025 text: article -> short topic, only where the number was read (see the module docstring).
TOPICS_2025: dict[int, str] = {
    1: "立法目的(健全基层群众自治制度)", 2: "性质、职责(五个民主:增加民主协商;自我监督)",
    3: "设立、撤销、范围调整;村民小组", 4: "党的领导,全过程人民民主,自治、法治、德治相结合",
    5: "基层群众自治指导监督部门(新增)", 6: "乡镇人民政府的指导", 7: "表彰奖励(新增)",
    8: "组成(妇女成员,主任可由村党组织负责人担任)", 9: "下属委员会(老年人和妇女儿童工作)",
    10: "经济职责、集体财产与生态环境", 11: "宣传教育", 37: "村务监督机构(任期、列席、向监察机关反映)",
}

#: 2018 article -> (2025 article, how it is known). Articles not listed: number not known.
MAPPING_2018_TO_2025: dict[int, tuple[int, str]] = {
    1: (1, DECISION), 2: (2, DECISION), 3: (3, DECISION), 4: (4, DECISION),
    5: (6, SUMMARY), 6: (8, SUMMARY), 7: (9, SUMMARY), 8: (10, SUMMARY), 9: (11, SUMMARY),
    32: (37, NEWS),
}


def version_on(day: date) -> StatuteVersion:
    """The text in force on `day` (the 2018 text for any day before 2026-01-01)."""
    return VERSION_2025 if day >= VERSION_2025.since else VERSION_2018


def articles_2025() -> dict[int, int]:
    """2018 number -> 2025 number, for every article whose new number is known."""
    return {old: new for old, (new, _source) in MAPPING_2018_TO_2025.items()}
