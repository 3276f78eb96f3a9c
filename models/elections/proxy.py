"""委托投票: who may vote for whom (组织法 2018 第十五条).

"登记参加选举的村民,选举期间外出不能参加投票的,可以书面委托本村有选举权的
近亲属代为投票。村民选举委员会应当公布委托人和受委托人的名单。" — the one who
entrusts and the one entrusted are both on the 选民名单; the proxy is a 近亲属
(民法典 第一千零四十五条: 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、
外孙子女, `models.kinship.CLOSE_RELATIONS`); a voter entrusts one proxy; how
many 委托 one proxy may accept is the province's rule (`profiles.proxy_rule`).

Pure: the service hands in what the register and the roll say.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.elections import law
from models.elections.profiles import ProxyRule
from models.kinship import RELATIONS, is_close_relation
from models.messages import QT_TRANSLATE_NOOP, Message, msg

_C = "elections"


@dataclass(frozen=True)
class ProxyRequest:
    """A 委托 about to be recorded."""

    voter_name: str
    proxy_name: str
    voter_listed: bool  # 委托人 on the 选民名单 (not removed)
    proxy_listed: bool  # 受托人 on the 选民名单 (not removed)
    relation: str  # the proxy is the voter's … (kinship code, "" when the register knows none)
    same_person: bool = False
    already_entrusted: bool = False  # the voter already entrusted someone in this election
    proxy_gives_own: bool = False  # the proxy entrusted their own vote (away, cannot vote for others)
    proxy_accepts: int = 0  # 委托 the proxy already accepts in this election


def refusal(req: ProxyRequest, on: str) -> Message | None:
    """Why this 委托 is against the law (None: it is not)."""
    cite = law.cite(law.ART_VOTE, on)
    if req.same_person:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "委托人和受托人不能是同一个人。"))
    if not req.voter_listed:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}不在选民名单上,没有可以委托的选票({law})。"),
                   name=req.voter_name, law=cite)
    if not req.proxy_listed:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}不在选民名单上;只能委托本村有选举权的近亲属代为投票({law})。"),
                   name=req.proxy_name, law=cite)
    if not is_close_relation(req.relation):
        relation = QT_TRANSLATE_NOOP(_C, "名册中没有记载亲属关系") if not req.relation else RELATIONS.get(
            req.relation, req.relation)
        return msg(_C, QT_TRANSLATE_NOOP(
            _C, "{proxy}不是{voter}的近亲属({relation});只能委托近亲属——配偶、父母、子女、兄弟姐妹、"
                "祖父母、外祖父母、孙子女、外孙子女({law};{civil})。"),
            proxy=req.proxy_name, voter=req.voter_name, relation=relation, law=cite, civil=law.CIVIL_CODE_RELATIVES)
    if req.already_entrusted:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}已经委托了别人,一张选票只能委托一人。"), name=req.voter_name)
    if req.proxy_gives_own:
        return msg(_C, QT_TRANSLATE_NOOP(_C, "{name}自己已委托别人投票(选举期间不在村),不能再受托代为投票。"),
                   name=req.proxy_name)
    return None


def limit_warning(req: ProxyRequest, rule: ProxyRule) -> Message | None:
    """The warning when the proxy would accept more 委托 than the province's rule allows (None: within it).

    At the limit is fine; one over warns. The national default is 惯例, so
    this is never a refusal unless a province's text was read (`rule.binding`).
    """
    if rule.max_per_proxy is None or req.proxy_accepts + 1 <= rule.max_per_proxy:
        return None
    return msg(_C, QT_TRANSLATE_NOOP(
        _C, "{name}将接受{count}人的委托,超过{limit}人({source})。"),
        name=req.proxy_name, count=req.proxy_accepts + 1, limit=rule.max_per_proxy, source=rule.source)
