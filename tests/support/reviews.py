"""村规民约 review between a village and its township, both sides.

- `draft_reviewed_by_township`: a draft the village submitted, reviewed by the
  township, the 回执 on the U盘 (the GUI tests showing the answer at the village).
- `village_draft`: at the township, a village's submitted draft as its package
  brought it (the 审核备案 tests).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.services import exchange_service, review_service, rules_service
from desktop.services.session import Session
from models.rules import procedure as proc
from models.rules.records import RuleArticle, RuleSet, RuleVersion
from tests.support.first_contact import genuine
from tests.support.imported import imported
from tests.support.sites import VILLAGE_CODE, Pair

RULES_TEXT = """青山村村规民约

第一章 总则
第一条 为推进村民自治,建设文明乡风,制定本村规民约。
第二条 本村规民约适用于本村全体村民。
第二章 村风民俗
第三条 对不履行赡养义务的,取消其当年集体分红。
"""
COMMENT = "“取消其当年集体分红”涉及村民的财产权利,村规民约不宜规定,请改为批评教育、督促履行赡养义务,必要时由村调解委员会调解。"


def draft_reviewed_by_township(pair: Pair, comments: tuple[tuple[int, str], ...] = ((3, COMMENT),)
                               ) -> tuple[str, Path]:
    """Village submits a draft; township records 修改后同意 with `comments` (position, text: 0 is the
    whole text; by default one on 第三条); returns (version, 回执)."""
    pair.use("v")
    session = pair.village_session
    version, _ = rules_service.import_text(session, RULES_TEXT, "青山村村规民约")
    rules_service.add_opinion(session, version.id, date(2026, 6, 2), "forum", "建议写明赡养义务")
    rules_service.close_solicitation(session, version.id, date(2026, 6, 20))
    rules_service.submit_for_review(session, version.id, date(2026, 7, 1))
    package = exchange_service.export_package(session, pair.village, pair.usb).path
    pair.use("t")
    exchange_service.import_package(pair.township_session, pair.township, package, fingerprint=genuine(pair.village))
    for position, text in comments:
        review_service.add_comment(pair.township_session, version.id, position, text)
    review_service.record_opinion(pair.township_session, version.id, proc.AGREE_AFTER_CHANGES,
                                  date(2026, 7, 8), "镇民政办", "请按逐条意见修改后提交村民会议表决。")
    receipt = exchange_service.export_package(pair.township_session, pair.township, pair.usb,
                                                recipient_code=VILLAGE_CODE).path
    pair.use("v")
    return version.id, receipt


ARTICLES = [
    ("第一章 总则", "第一条", "村民应当遵守宪法、法律、法规和国家政策。"),
    ("第一章 总则", "第二条", "红白喜事从简办理,反对大操大办。"),
    ("第二章 村风民俗", "第三条", "出嫁女不再享有集体土地承包和征地补偿的权利。"),
    ("第三章 附则", "第四条", "本村规民约自村民会议通过之日起施行。"),
]


def village_draft(session: Session, articles=ARTICLES, submitted_on: str = "2026-07-01") -> RuleVersion:
    """A village-owned draft submitted for review, written as the importer would have written it."""
    rs = imported(RuleSet, owner=VILLAGE_CODE, title="青山村村规民约")
    v = imported(RuleVersion, owner=VILLAGE_CODE, rule_set=rs, version_no=2,
                 title="青山村村规民约(2026年修订草案)", started_on="2026-06-01",
                 solicitation_closed_on="2026-06-20", submitted_on=submitted_on,
                 submitted_fingerprint=proc.fingerprint(list(articles)))
    for i, (chapter, label, text) in enumerate(articles, start=1):
        imported(RuleArticle, owner=VILLAGE_CODE, version=v, position=i, chapter=chapter,
                 label=label, text=text)
    return v
