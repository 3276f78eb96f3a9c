"""The articles an election rests on, cited as the text in force on the election's date.

Every finding of the election engine cites 《村民委员会组织法》 through
`models.legal.organic_law(article_2018, on=day)`: an election held before
2026-01-01 cites the 2018 text, one held later the amended text (with its
article number only where it is known, `models.statutes`; never a guessed one).
"""

from __future__ import annotations

from datetime import date

from models.legal import CIVIL_CODE, LegalBasis, organic_law

#: 2018 article numbers of the rules the engine applies.
ART_COMPOSITION = 6  # 三至七人, 妇女成员
ART_TERM = 11  # 直接选举, 每届五年
ART_COMMITTEE = 12  # 村民选举委员会主持; 候选人应当退出
ART_VOTERS = 13  # 选民登记的三类人员; 不得重复登记
ART_ROLL = 14  # 名单在选举日的二十日前公布; 异议五日内, 处理三日内
ART_VOTE = 15  # 海选, 差额, 过半数, 另行选举, 当场公布, 委托投票
ART_RECALL = 16
ART_BY_ELECTION = 19  # 补选, 任期到本届届满
ART_HANDOVER = 20  # 十日内完成工作移交
ART_AUDIT = 35  # 离任经济责任审计结果在下一届选举之前公布

#: 民法典 第一千零四十五条: who is a 近亲属 (as the 监委会 eligibility cites it).
CIVIL_CODE_RELATIVES = LegalBasis(CIVIL_CODE, "2020", 1045).cite()


def cite(article_2018: int, on: date | str | None) -> str:
    """`依据《村民委员会组织法》(2018)第十四条`, or the amended text's citation from 2026-01-01."""
    return organic_law(article_2018, on).cite()
