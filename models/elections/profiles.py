"""Province rules of the election that the national law leaves open, as profile data.

Two so far: how many 委托 one voter may accept, and how many days before the
election day the 正式候选人名单 is posted.

《村民委员会组织法》 (2018) 第十五条 lets a registered voter away during the
election entrust a near relative who has the vote, and leaves the details to
each province's 村民委员会选举办法 ("具体选举办法由省、自治区、直辖市的人民代表
大会常务委员会规定"). How many 委托 one voter may accept is such a detail.

Sources: the national law sets no number. Many provinces' 选举办法 and the
election guides built on them allow a voter to accept at most three 委托
(a 赣州 2012 report on the 江西 rule; the county election guides read), but no
province's text with its article was read for this release. So every profile
carries the common limit of three as 惯例 — a warning, never a refusal — until
a province's own text is read; then add its entry here with the rule's name
and article (never a guessed article number).
"""

from __future__ import annotations

from dataclasses import dataclass

from models.messages import QT_TRANSLATE_NOOP

_C = "elections"


@dataclass(frozen=True)
class ProxyRule:
    """How many 委托 one voter may accept, and what the number rests on.

    `binding` True: a province's rule that was read (a refusal may rest on it);
    False: 惯例 (a warning only). `source` is the rule's name, cited as it is.
    """

    max_per_proxy: int | None
    binding: bool
    source: str


#: The national default: the law sets no number; three is the common practice (惯例).
NATIONAL_PROXY_RULE = ProxyRule(3, False, QT_TRANSLATE_NOOP(_C, "惯例:各省村民委员会选举办法多规定每一选民接受委托不超过三人"))

#: Profile code -> its own rule, where the province's text was read. None yet (see the module's note).
PROXY_RULES: dict[str, ProxyRule] = {}


def proxy_rule(province: str) -> ProxyRule:
    """The 委托 rule of `province` (the national default where its own text was not read)."""
    return PROXY_RULES.get(province, NATIONAL_PROXY_RULE)


@dataclass(frozen=True)
class CandidateListRule:
    """How many days before the election day the 正式候选人名单 is posted, and what that rests on."""

    days_before: int
    binding: bool
    source: str


#: The national law sets no day (第十五条 only says the voters nominate). The provinces' 选举办法
#: read in passing for this release post the list five days (some seven) before the election day;
#: which province said which was not established, so five is 惯例: a warning, never a refusal.
NATIONAL_CANDIDATE_LIST_RULE = CandidateListRule(5, False, QT_TRANSLATE_NOOP(
    _C, "惯例:各省村民委员会选举办法多规定正式候选人名单在选举日五日(有的七日)以前公布,以本省选举办法为准"))

#: Profile code -> its own rule, where the province's text was read. None yet.
CANDIDATE_LIST_RULES: dict[str, CandidateListRule] = {}


def candidate_list_rule(province: str) -> CandidateListRule:
    """The 候选人名单 rule of `province` (the national default where its own text was not read)."""
    return CANDIDATE_LIST_RULES.get(province, NATIONAL_CANDIDATE_LIST_RULE)
