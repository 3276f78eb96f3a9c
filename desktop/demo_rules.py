"""Demo 村规民约, as a village would have it in 2026.

A 2019 version entered as history, the current version adopted through all
five steps after the 2021 换届, and a 2026 revision in progress (opinions
collected, one clause the legality check flags).
"""

from __future__ import annotations

from datetime import date, timedelta

from desktop.services import meetings_service, rules_service
from desktop.services.meetings_service import AgendaLine, ResolutionLine
from desktop.services.rules_service import ArticleLine
from desktop.services.session import Session
from models.rules import procedure as proc

CHAPTERS_2019 = [
    ("第一章 总则", ["为推进村民自治,建设文明乡风,根据有关法律法规,结合本村实际,制定本村规民约。",
                  "本村规民约适用于本村全体村民。"]),
    ("第二章 社会治安", ["村民应当遵守法律法规,不参与赌博、吸毒等违法活动。",
                    "邻里之间发生纠纷,应当协商解决,协商不成的,由村人民调解委员会调解。"]),
    ("第三章 村风民俗", ["红白喜事从简办理,反对大操大办。",
                    "提倡婚事新办,反对高额彩礼。",
                    "子女应当赡养老人,不得虐待、遗弃老人。"]),
    ("第四章 环境卫生", ["村民应当爱护环境,生活垃圾定点投放。",
                    "违反本约乱倒垃圾的,罚款50元。"]),
    ("第五章 附则", ["本村规民约自村民会议通过之日起施行。"]),
]

#: Half of the township demo's villages also rule on their land (`fill_rules(land=True)`), so the
#: township's search for “土地承包” finds some villages' rules and not others (issue 19).
LAND = ("第四章 土地管理", [
    "本村集体所有的耕地、林地实行家庭承包经营,土地承包经营权受法律保护,任何组织和个人不得非法收回或调整村民的承包地。",
    "村民流转土地承包经营权的,应当签订书面合同,并报村民委员会备案。",
])


def _chapters(land: bool) -> list[tuple[str, list[str]]]:
    """The 2019 chapters; with `land`, a 土地管理 chapter before 环境卫生 (the later chapters renumbered)."""
    if not land:
        return CHAPTERS_2019
    later = [(f"第{n}章 {title.split(' ', 1)[1]}", texts) for n, (title, texts) in zip("五六", CHAPTERS_2019[3:],
                                                                                        strict=True)]
    return [*CHAPTERS_2019[:3], LAND, *later]


def _lines(chapters) -> list[ArticleLine]:
    out = []
    for chapter, texts in chapters:
        out.extend(ArticleLine(chapter, "", t) for t in texts)
    return out


def _numbered(lines: list[ArticleLine]) -> list[ArticleLine]:
    from models.legal import chinese_number

    return [ArticleLine(a.chapter, f"第{chinese_number(i)}条", a.text) for i, a in enumerate(lines, start=1)]


def _vote_meeting(session: Session, on: date, households: int, title: str) -> str:
    draft = meetings_service.new_draft("assembly_households", on)
    draft.title, draft.place = title, "村文化礼堂"
    draft.expected_count, draft.present_count = households, households * 4 // 5
    draft.notice_date = on - timedelta(days=12)
    draft.agenda = [AgendaLine("审议《村规民约》(修订草案)", "村委会主任逐条说明修订内容,户代表分组讨论后表决。")]
    present = draft.present_count
    draft.resolutions = [ResolutionLine("表决通过《村规民约》", "village_rules", present - 9, 6, 3)]
    meeting_id = meetings_service.save(session, draft)
    meetings_service.approve(session, meeting_id)
    return meeting_id


def fill_rules(session: Session, village_name: str, households: int, today: date | None = None,
               submit: bool = False, land: bool = False) -> dict[str, int]:
    """Create the demo rule set; returns counts (`land`: with a 土地管理 chapter, see `LAND`).

    With `submit`, the 2026 revision closes its solicitation and goes to the
    township for review (提请审核), so the township's 审核备案 has a draft to
    review once the village's package is imported.
    """
    today = today or date.today()
    rs = rules_service.create_rule_set(session, f"{village_name}村规民约")
    history = rules_service.enter_history(session, rs.id, f"{village_name}村规民约(2019年版)", date(2019, 3, 20),
                                          _numbered(_lines(_chapters(land))), "原件存村档案室,2019年村民会议通过")
    current = rules_service.revise(session, history.id, "election", f"{village_name}村规民约",
                                   started_on=date(2021, 5, 20))
    lines = rules_service.articles(current.id)
    fine = next(i for i, a in enumerate(lines) if "罚款" in a.text)
    lines[fine] = ArticleLine(lines[fine].chapter, "", "违反本约乱倒垃圾的,由村民委员会批评教育,责令清理,并在村务公开栏提醒。")
    # The article a secretary looks up by "土地" (and the township by "土地承包", issue 19).
    lines.insert(fine + 1, ArticleLine(lines[fine].chapter, "", "出嫁、离婚、丧偶妇女及其子女,在土地承包、宅基地分配、"
                                       "集体收益分配等方面享有与本村村民同等的权利。"))
    start = date(2021, 6, 1)
    rules_service.add_opinion(session, current.id, start, "door_to_door", "罚款不合适,建议改为批评教育", True,
                              "已将罚款条款改为批评教育")
    rules_service.add_opinion(session, current.id, start + timedelta(days=3), "forum",
                              "建议写明外嫁女的权益", True, "新增一条")
    rules_service.add_opinion(session, current.id, start + timedelta(days=8), "box",
                              "建议规定酒席桌数上限", False, "各家情况不同,以倡导为主")
    rules_service.close_solicitation(session, current.id, start + timedelta(days=15))
    rules_service.save_articles(session, current.id, lines)
    rules_service.submit_for_review(session, current.id, date(2021, 7, 1))
    rules_service.record_review(session, current.id, proc.AGREE, date(2021, 7, 12), "镇民政办")
    vote = _vote_meeting(session, date(2021, 8, 6), households, "审议村规民约村民会议")
    rules_service.record_vote(session, current.id, vote, 0, women_present=households * 4 // 5 * 2 // 5)
    rules_service.record_filing(session, current.id, date(2021, 8, 10), "镇民备〔2021〕17号", date(2021, 8, 20))
    rules_service.record_publication(session, current.id, date(2021, 8, 11), "村务公开栏")
    counts = {"rule_versions": 2}
    if today >= date(2026, 6, 1):
        revision = rules_service.revise(session, current.id, "election", f"{village_name}村规民约(2026年修订草案)",
                                        started_on=date(2026, 6, 1))
        rules_service.add_opinion(session, revision.id, date(2026, 6, 10), "representative",
                                  "建议增加垃圾分类的要求", None)
        lines = rules_service.articles(revision.id)
        lines.insert(len(lines) - 1, ArticleLine(lines[-1].chapter, "", "对不履行赡养义务的,取消其当年集体分红。"))
        rules_service.save_articles(session, revision.id, lines)
        counts["rule_versions"] = 3
        if submit:
            rules_service.close_solicitation(session, revision.id, date(2026, 7, 10))
            rules_service.submit_for_review(session, revision.id, min(today, date(2026, 10, 20)))
            counts["rules_submitted"] = 1
    return counts
