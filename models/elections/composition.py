"""第六条's other composition rule: a village of several 民族 has a member of the smaller ones.

组织法 (2018) 第六条第二款: "村民委员会成员中，应当有妇女成员，多民族村民居住的村应当有人数
较少的民族的成员。" The women member is the tally engine's (`models.elections.tally._women`);
this module judges the second half once the new committee stands (the 当选公告).

What the register can tell: the 民族 of the people living in the village (`Person.ethnicity`,
optional, "" when not recorded) and of the committee's members. A village is 多民族 here when at
least two 民族 are recorded among its people; the 人数较少的民族 are every 民族 with fewer people
than the largest one (two equally large 民族 and nothing smaller: none is smaller, no judgement).
Unrecorded 民族 are left out of the counts and named in the warning, so a register that records
few 民族 neither hides the rule nor invents a breach.

A warning, never a refusal, like the women member: the law says who should sit, and the
province's 选举办法 says what to do when the vote did not bring one.

Pure: the service hands in the 民族 it read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from models.legal import organic_law
from models.meetings.quorum import WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "elections"

#: 组织法 (2018) 第六条: the committee's composition.
ART_COMPOSITION = 6


def smaller_groups(village: Iterable[str]) -> tuple[list[str], set[str]]:
    """(the village's recorded 民族, largest first; those with fewer people than the largest).

    An empty set when fewer than two 民族 are recorded or the largest ones are equally large
    and nothing is smaller.
    """
    counts = Counter(e.strip() for e in village if e and e.strip())
    ordered = [e for e, _n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    if len(counts) < 2:
        return ordered, set()
    top = max(counts.values())
    return ordered, {e for e, n in counts.items() if n < top}


def minority_member_finding(village: Iterable[str], members: Iterable[str],
                            on: date | str | None) -> Finding | None:
    """The warning when a 多民族 village's committee has no member of a smaller 民族 (None: fine or not judged).

    `village`: the 民族 of each person living in the village ("" unrecorded); `members`: the 民族
    of each member of the committee as it stands ("" unrecorded); `on`: the day that picks the
    组织法 text cited (the election day).
    """
    ordered, smaller = smaller_groups(village)
    if not smaller:
        return None
    members = [m.strip() for m in members]
    if not members or any(m in smaller for m in members):
        return None
    unknown = sum(1 for m in members if not m)
    if unknown:
        template = QT_TRANSLATE_NOOP(
            _C, "本村有{groups}等{n}个民族的村民居住,村民委员会成员中没有人数较少的民族的成员"
                "({unknown}名成员的民族名册未登记,请核对);多民族村民居住的村,村民委员会成员中应当有"
                "人数较少的民族的成员。")
    else:
        template = QT_TRANSLATE_NOOP(
            _C, "本村有{groups}等{n}个民族的村民居住,村民委员会成员中没有人数较少的民族的成员;"
                "多民族村民居住的村,村民委员会成员中应当有人数较少的民族的成员。")
    return Finding(WARNING, msg(_C, template, groups="、".join(ordered[:4]), n=len(ordered), unknown=unknown),
                   organic_law(ART_COMPOSITION, on=on))
