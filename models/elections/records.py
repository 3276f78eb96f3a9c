"""Records of 民主选举: the 村委会's elections, recalls and the 推选 of representatives.

An election (`Election`) is a procedure, not one vote: the 村民选举委员会 is
chosen, voters are registered and the 选民名单 published, objections are
decided, candidates nominated, 委托 granted and published, the vote held
(one or more rounds: the 正式选举 and any 另行选举), the result announced,
the work handed over and the outgoing committee's 离任经济责任审计 published.
Each step is a date on the election or a row of its own, so the engine in
`models.elections` can say which step comes next and why it may not yet.

The people elected become `PersonRole` term records (`ElectedMember.role`):
every other engine (监委会 eligibility, 民主评议, meeting rosters) reads who
holds office on a date from those, so an election needs no special case there.

A 补选 (by-election) is an `Election` of kind `by_election`, decided by the
村民会议 or 村民代表会议 (`body`), whose members' terms end with the current
term (`term_end`). A 罢免 is a `Recall`. The 推选 of a 村民代表 or a
村民小组长 is a `Selection` beside the term record it created.

All of these belong to the village and travel to the township, whose 换届
board reads them from the packages alone.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, TextField

from models.entities import Person, PersonRole
from models.meetings.records import Meeting
from models.records import SyncedModel
from models.stored_integer import StoredIntegerField

#: Election kinds.
KIND_GENERAL = "general"  # 换届选举
KIND_BY_ELECTION = "by_election"  # 补选
ELECTION_KINDS = (KIND_GENERAL, KIND_BY_ELECTION)

#: Bodies that choose, admit or decide (选举委员会推选, 补选, 外来人员登记).
BODY_VILLAGERS = "villagers_meeting"  # 村民会议
BODY_REPRESENTATIVES = "representatives_meeting"  # 村民代表会议
BODY_GROUPS = "group_meetings"  # 各村民小组会议
BODIES = (BODY_VILLAGERS, BODY_REPRESENTATIVES, BODY_GROUPS)

#: The three categories of voters of 组织法 (2018) 第十三条.
VOTER_RESIDENT = "resident"  # 户籍在本村并且在本村居住
VOTER_AWAY = "away"  # 户籍在本村, 不在本村居住, 本人表示参加选举
VOTER_INCOMER = "incomer"  # 户籍不在本村, 在本村居住一年以上, 经村民会议或代表会议同意
VOTER_CATEGORIES = (VOTER_RESIDENT, VOTER_AWAY, VOTER_INCOMER)

#: Posts of the 村民委员会 (the same codes as the term records' roles).
POST_CHAIR = "vc_chair"  # 主任
POST_VICE = "vc_vice"  # 副主任
POST_MEMBER = "vc_member"  # 委员
POSTS = (POST_CHAIR, POST_VICE, POST_MEMBER)

#: Rounds of voting: the 正式选举 and the 另行选举 for seats it left unfilled.
ROUND_MAIN = "main"
ROUND_RUNOFF = "runoff"
ROUND_KINDS = (ROUND_MAIN, ROUND_RUNOFF)

#: What a recall request rests on: ⅕ of the voters or ⅓ of the 村民代表 (组织法 2018 第十六条).
RECALL_BY_VOTERS = "voters"
RECALL_BY_REPRESENTATIVES = "representatives"
RECALL_BASES = (RECALL_BY_VOTERS, RECALL_BY_REPRESENTATIVES)

#: How a recall ended.
RECALL_RECALLED = "recalled"
RECALL_NOT_RECALLED = "not_recalled"
RECALL_WITHDRAWN = "withdrawn"
RECALL_OUTCOMES = ("", RECALL_RECALLED, RECALL_NOT_RECALLED, RECALL_WITHDRAWN)

#: Who a 推选 chose, and how (组织法 2018 第二十五条, 第二十八条).
SELECT_REPRESENTATIVE = "village_rep"
SELECT_GROUP_LEADER = "group_leader"
SELECTION_KINDS = (SELECT_REPRESENTATIVE, SELECT_GROUP_LEADER)
METHOD_HOUSEHOLDS = "households"  # 每五户至十五户推选一人
METHOD_GROUP = "group_meeting"  # 各村民小组推选若干人 / 村民小组会议推选小组长
SELECTION_METHODS = (METHOD_HOUSEHOLDS, METHOD_GROUP)


class Election(SyncedModel):
    """One election of the 村委会: a 换届 or a 补选, with the dates of its steps ("" = not yet)."""

    kind = CharField(max_length=16, default=KIND_GENERAL)
    label = CharField(max_length=64)  # 第十二届村民委员会换届选举
    election_day = CharField(max_length=10, default="")  # 选举日 (planned, then held)
    seats = CharField(max_length=128, default="")  # posts and seats: "vc_chair=1,vc_vice=1,vc_member=3"
    body = CharField(max_length=24, default="")  # a 补选's deciding body (BODIES); "" = all voters
    term_end = CharField(max_length=10, default="")  # a 补选's members serve until the current term ends
    committee_chosen_on = CharField(max_length=10, default="")  # 村民选举委员会推选日
    committee_chosen_by = CharField(max_length=24, default="")  # BODIES
    committee_meeting = ForeignKeyField(Meeting, null=True, backref="election_committees",
                                        on_delete="RESTRICT")
    roll_published_on = CharField(max_length=10, default="")  # 选民名单公布日
    candidates_published_on = CharField(max_length=10, default="")  # 候选人名单公布日
    proxies_published_on = CharField(max_length=10, default="")  # 委托投票名单公布日
    announced_on = CharField(max_length=10, default="")  # 当选公告日
    handover_on = CharField(max_length=10, default="")  # 工作移交日
    handover_presided_by = CharField(max_length=64, default="")  # 主持: 村民选举委员会
    handover_supervised_by = CharField(max_length=64, default="")  # 监督: 乡镇人民政府 (who came)
    handover_items = TextField(default="")  # 移交清单: one item per line
    audit_published_on = CharField(max_length=10, default="")  # 离任经济责任审计结果公布日
    cancelled_on = CharField(max_length=10, default="")  # an election called off (with its reason)
    note = TextField(default="")


class ElectionCommitteeMember(SyncedModel):
    """A member of the 村民选举委员会; one nominated as a candidate leaves it (`left_on`, `left_reason`)."""

    election = ForeignKeyField(Election, backref="committee", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="election_committee_seats", on_delete="RESTRICT")
    position = CharField(max_length=16, default="member")  # chair / member
    joined_on = CharField(max_length=10, default="")
    left_on = CharField(max_length=10, default="")
    left_reason = TextField(default="")


class Voter(SyncedModel):
    """One line of the 选民名单: a person of the register, in one of the three categories."""

    election = ForeignKeyField(Election, backref="voters", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="voter_lines", on_delete="RESTRICT")
    category = CharField(max_length=16, default=VOTER_RESIDENT)
    village_group = CharField(max_length=32, default="")  # the group the 公告 lists them under
    registered_on = CharField(max_length=10, default="")
    admitted_meeting = ForeignKeyField(Meeting, null=True, backref="admitted_voters",
                                       on_delete="RESTRICT")  # an incomer's admission (村民会议/代表会议)
    resident_since = CharField(max_length=10, default="")  # an incomer's 居住起始日期 ('' = not recorded)
    removed_on = CharField(max_length=10, default="")  # taken off the list (an objection upheld, a death)
    removed_reason = TextField(default="")
    note = TextField(default="")


class VoterObjection(SyncedModel):
    """An objection to the 选民名单 (raised within 5 days of publication, decided within 3)."""

    election = ForeignKeyField(Election, backref="objections", on_delete="RESTRICT")
    voter = ForeignKeyField(Voter, null=True, backref="objections", on_delete="RESTRICT")  # about a listed voter
    person = ForeignKeyField(Person, null=True, backref="roll_objections",
                             on_delete="RESTRICT")  # about someone left off
    raised_on = CharField(max_length=10)
    raised_by = CharField(max_length=64, default="")
    content = TextField(default="")
    decided_on = CharField(max_length=10, default="")
    decision = TextField(default="")
    upheld = BooleanField(null=True)  # None while undecided


class Candidate(SyncedModel):
    """A candidate for one post, nominated directly by registered voters (海选)."""

    election = ForeignKeyField(Election, backref="candidates", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="candidacies", on_delete="RESTRICT")
    post = CharField(max_length=16)  # POSTS
    nominated_on = CharField(max_length=10, default="")
    nominations = StoredIntegerField(default=0)  # 提名票数 in the 海选
    withdrawn_on = CharField(max_length=10, default="")
    withdrawn_reason = TextField(default="")
    note = TextField(default="")


class ProxyVote(SyncedModel):
    """A 委托投票: a voter away on election day entrusts a near relative who is also a voter."""

    election = ForeignKeyField(Election, backref="proxies", on_delete="RESTRICT")
    voter = ForeignKeyField(Voter, backref="proxies_given", on_delete="RESTRICT")  # 委托人
    proxy = ForeignKeyField(Voter, backref="proxies_taken", on_delete="RESTRICT")  # 受托人
    relation = CharField(max_length=16, default="")  # the proxy is the voter's … (models.kinship.RELATIONS)
    granted_on = CharField(max_length=10, default="")
    note = TextField(default="")


class ElectionRound(SyncedModel):
    """One vote: the 正式选举 or a 另行选举, with its ballot counts."""

    election = ForeignKeyField(Election, backref="rounds", on_delete="RESTRICT")
    number = StoredIntegerField(default=1)
    kind = CharField(max_length=16, default=ROUND_MAIN)  # ROUND_KINDS
    held_on = CharField(max_length=10, default="")
    ballots_issued = StoredIntegerField(default=0)  # 发出选票
    ballots_cast = StoredIntegerField(default=0)  # 收回选票 (投票人数)
    invalid_ballots = StoredIntegerField(default=0)  # 无效票
    note = TextField(default="")


class ElectionTally(SyncedModel):
    """Votes for one name for one post in one round: a candidate, or a name written in (另选他人)."""

    round = ForeignKeyField(ElectionRound, backref="tallies", on_delete="RESTRICT")
    post = CharField(max_length=16)  # POSTS
    candidate = ForeignKeyField(Candidate, null=True, backref="tallies", on_delete="RESTRICT")
    person = ForeignKeyField(Person, null=True, backref="tallies", on_delete="RESTRICT")  # a write-in on the register
    write_in = CharField(max_length=32, default="")  # the name as written on the ballots
    votes = StoredIntegerField(default=0)


class ElectedMember(SyncedModel):
    """Who was elected to which post in which round, and the term record it opened."""

    election = ForeignKeyField(Election, backref="elected", on_delete="RESTRICT")
    round = ForeignKeyField(ElectionRound, null=True, backref="elected", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="elections_won", on_delete="RESTRICT")
    post = CharField(max_length=16)  # POSTS
    votes = StoredIntegerField(default=0)
    role = ForeignKeyField(PersonRole, null=True, backref="elected_by", on_delete="RESTRICT")


class Recall(SyncedModel):
    """A 罢免: the request, the member's answer and the vote of the 村民会议 (组织法 2018 第十六条)."""

    role = ForeignKeyField(PersonRole, backref="recalls", on_delete="RESTRICT")  # the office held
    person = ForeignKeyField(Person, backref="recalls", on_delete="RESTRICT")
    requested_on = CharField(max_length=10)
    basis = CharField(max_length=16, default=RECALL_BY_VOTERS)  # RECALL_BASES
    signers = StoredIntegerField(default=0)  # voters or representatives who signed
    base_count = StoredIntegerField(default=0)  # registered voters / 村民代表 on that day
    reasons = TextField(default="")
    answer = TextField(default="")  # the member's 申辩意见
    answered_on = CharField(max_length=10, default="")
    vote_on = CharField(max_length=10, default="")
    meeting = ForeignKeyField(Meeting, null=True, backref="recalls", on_delete="RESTRICT")
    registered = StoredIntegerField(default=0)  # 登记参加选举的村民 on the vote day
    cast = StoredIntegerField(default=0)  # 投票人数
    agree = StoredIntegerField(default=0)  # 赞成罢免
    outcome = CharField(max_length=16, default="")  # RECALL_OUTCOMES
    note = TextField(default="")


class Selection(SyncedModel):
    """The 推选 of a 村民代表 or a 村民小组长, beside the term record it created."""

    role = ForeignKeyField(PersonRole, backref="selections", on_delete="RESTRICT")
    kind = CharField(max_length=16)  # SELECTION_KINDS
    method = CharField(max_length=16, default=METHOD_HOUSEHOLDS)  # SELECTION_METHODS
    held_on = CharField(max_length=10)
    village_group = CharField(max_length=32, default="")
    households = StoredIntegerField(default=0)  # households that chose (5–15 for a 户代表推选)
    electors = StoredIntegerField(default=0)  # who took part (户代表 or 村民小组会议 present)
    votes = StoredIntegerField(default=0)  # votes for the person chosen
    note = TextField(default="")


ELECTION_MODELS = (Election, ElectionCommitteeMember, Voter, VoterObjection, Candidate, ProxyVote, ElectionRound,
                   ElectionTally, ElectedMember, Recall, Selection)
