"""What each kind of finding says and which law it breaks.

Article numbers here were checked against texts read during the work (never
invented):
- 宪法 13, 34, 36, 37, 38, 41, 49: the 2018 text (LawRefBook mirror, found
  with the code search of "第三十六条 中华人民共和国公民有宗教信仰自由" etc.);
- 行政处罚法 (2021) 17 "行政处罚由具有行政处罚权的行政机关在法定职权范围内实施",
  read in `行政法/行政处罚法(2021-01-22).md` (Theonefkguy/Chinese-Laws);
- 妇女权益保障法 (2022) 55/56 and 农村土地承包法 (2018) 31: DOMAIN §5.4, from
  the LawRefBook texts; 民法典 1042 (禁止…干涉婚姻自由的行为): code search;
- 组织法 27 (村规民约 may not infringe personal, democratic, property rights)
  and 13 (who votes): shared/samples/law_01, through `organic_law(…, on=)`.
Where no article could be confirmed (农村集体经济组织法 on membership, 信访工作条例,
人口与计划生育法 after 2021), the law is cited by version without an article.
"""

from __future__ import annotations

from datetime import date

from models.legal import (
    CIVIL_CODE,
    COLLECTIVE_ORG_LAW,
    CONSTITUTION,
    LAND_CONTRACT_LAW,
    PENALTY_LAW,
    PETITION_RULES,
    POPULATION_LAW,
    RULES_OPINION_2018,
    WOMEN_RIGHTS_LAW,
    LegalBasis,
    organic_law,
)
from models.messages import QT_TRANSLATE_NOOP

_C = "legality"

#: category -> the sentence a person reads (Chinese source, translated by the UI).
MESSAGES: dict[str, str] = {
    "women": QT_TRANSLATE_NOOP(
        _C, "以出嫁、离婚、丧偶、再婚或入赘等婚姻状况为由,剥夺或限制妇女(及入赘男子和子女)在集体经济组织中的权益,违法。"),
    "membership": QT_TRANSLATE_NOOP(
        _C, "以户口迁出、农转非、迁入、服刑等为由剥夺村民或集体经济组织成员的分配、承包等权益,侵犯财产权利,违法。"),
    "entitlement": QT_TRANSLATE_NOOP(
        _C, "以扣减、停发分红、补偿款、低保、证明等作为惩罚,侵犯村民的财产权利和应得待遇,村规民约无权规定,违法。"),
    "fine": QT_TRANSLATE_NOOP(
        _C, "村规民约无权设定罚款等处罚:罚款只能由有处罚权的行政机关依法作出,违法。建议改为批评教育、责令改正等方式。"),
    "property": QT_TRANSLATE_NOOP(_C, "没收、扣押财物或停水停电,侵犯村民的财产权利,违法。"),
    "liberty": QT_TRANSLATE_NOOP(_C, "关押、扣留、押送、搜身等限制人身自由的做法,侵犯人身权利,违法。"),
    "humiliation": QT_TRANSLATE_NOOP(_C, "游街、挂牌、示众、罚跪等侮辱人格的惩罚,侵犯人格尊严,违法。"),
    "collective": QT_TRANSLATE_NOOP(_C, "株连、连坐或惩罚家属、亲属,违法。"),
    "fee": QT_TRANSLATE_NOOP(_C, "把户口、婚姻、生育、办证与交钱挂钩,或收取押金、保证金,侵犯村民的人身权利和财产权利,违法。"),
    "voting": QT_TRANSLATE_NOOP(_C, "剥夺或限制选举权、表决权,侵犯民主权利,违法。"),
    "expulsion": QT_TRANSLATE_NOOP(_C, "开除村籍、注销户口或取消村民(成员)资格,村规民约无权规定,违法。"),
    "marriage": QT_TRANSLATE_NOOP(_C, "限制村民的婚姻自由(不准外嫁、结婚须经批准等),违法。"),
    "birth": QT_TRANSLATE_NOOP(_C, "以生育为由处罚、收费或剥夺权益,村规民约无权规定,违法。"),
    "religion": QT_TRANSLATE_NOOP(_C, "禁止或惩罚正常的宗教信仰,侵犯宗教信仰自由,违法。"),
    "burial": QT_TRANSLATE_NOOP(_C, "以丧葬方式为由处罚、剥夺权益或强行挖坟平坟,村规民约无权规定,违法。"),
    "petition": QT_TRANSLATE_NOOP(_C, "限制或惩罚上访、控告、检举,侵犯公民的申诉控告权利,违法。"),
    "movement": QT_TRANSLATE_NOOP(_C, "限制村民外出、通行或居住(须经批准、设卡等),侵犯人身自由,违法。"),
}
#: A reading that names a person ("曝光…姓名"): needs review; 通报批评 itself is a lawful sanction.
EXPOSURE_MESSAGE = QT_TRANSLATE_NOOP(
    _C, "公开曝光他人姓名、照片等惩戒措施可能侵犯名誉权和隐私,需审慎;通报批评可以,不宜公布个人信息。")
#: A share rule that names women (or men who married in) by marital status without saying their share is the
#: same: to check, since 妇女权益保障法 forbids treating them apart for marriage, but the rule may only be
#: saying how their equal share is paid.
WOMEN_REVIEW_MESSAGE = QT_TRANSLATE_NOOP(
    _C, "分配规则单独点名出嫁、离婚、丧偶妇女或入赘男子而未写明与其他村民同等,需核对是否区别对待;"
        "因婚姻状况减少或剥夺其权益违法。")
#: The message of each reading that only needs review, by category.
REVIEW_MESSAGES = {"humiliation": EXPOSURE_MESSAGE, "women": WOMEN_REVIEW_MESSAGE}


def bases(category: str, on: date | str | None = None) -> tuple[LegalBasis, ...]:
    """The provisions a finding of `category` cites, the 组织法 in the text in force on `on`."""
    law27 = organic_law(27, on)
    constitution = lambda article: LegalBasis(CONSTITUTION, "2018", article)  # noqa: E731 - a short local helper
    return {
        "women": (LegalBasis(WOMEN_RIGHTS_LAW, "2022", 55), LegalBasis(WOMEN_RIGHTS_LAW, "2022", 56),
                  LegalBasis(LAND_CONTRACT_LAW, "2018", 31), law27),
        "membership": (law27, LegalBasis(COLLECTIVE_ORG_LAW, "2024")),
        "entitlement": (law27, constitution(13)),
        "fine": (LegalBasis(PENALTY_LAW, "2021", 17), LegalBasis(RULES_OPINION_2018, "2018"), law27),
        "property": (constitution(13), LegalBasis(PENALTY_LAW, "2021", 17), law27),
        "liberty": (constitution(37), law27),
        "humiliation": (constitution(38), law27),
        "collective": (law27,),
        "fee": (law27,),
        "voting": (constitution(34), organic_law(13, on), law27),
        "expulsion": (law27, LegalBasis(COLLECTIVE_ORG_LAW, "2024")),
        "marriage": (constitution(49), LegalBasis(CIVIL_CODE, "2020", 1042), law27),
        "birth": (LegalBasis(POPULATION_LAW, "2021"), law27),
        "religion": (constitution(36), law27),
        "burial": (law27,),
        "petition": (constitution(41), LegalBasis(PETITION_RULES, "2022"), law27),
        "movement": (constitution(37), law27),
    }[category]
