"""Where a prohibition, a condition, a lawful reason or the authorities reach in one sentence.

The readings of `analyzer` ask the same questions of every sentence: does a
prohibition ("严禁…", "不得…") govern these words, or does a condition
("违者…", "…的,") end its reach; do the words sit in the misconduct a rule
describes or in its sanction; is a lawful reason given (不符合条件, 已取得,
骗取…); do the authorities act under the law here ("由公安机关依法处理").
`Scope` answers them from positions computed once per sentence.
"""

from __future__ import annotations

import re

from models.rules.clauses import lexicon as lx
from models.rules.clauses.sentences import clause_bounds


def _rx(words: tuple[str, ...], gap: int = 8) -> re.Pattern[str]:
    return re.compile(lx.alt(words, gap))


_DEPRIVE = _rx(lx.DEPRIVE)
_CONDITION_CLOSE = re.compile(r"(?:的|者)[，,]")
#: Words that start a rule's consequence ("违者罚款", "否则…", "一经发现则扣留").
_CONSEQUENCE = re.compile(r"违者|违反者|违犯者|否则|一经发现|一经查实|一经查出|发现后|发现一次|则")
#: A clause that names people ("投票表决反对的人员,"): a prohibitor inside it does not govern what follows.
_NAMES_PEOPLE = re.compile(r"(?:人员|者|村民|的人|户|对象)$")
#: Negated eligibility ("不按此规定执行者"): the opposite of a lawful reason.
_NEGATED = re.compile(r"(?:不|未|没有|没|违反|违犯)$")
_ELIGIBILITY = _rx(lx.ELIGIBILITY)
_OWN_RULES = _rx(lx.OWN_RULES)
_WOMEN_ELIGIBILITY = _rx(lx.WOMEN_ELIGIBILITY)
#: Marital status named (not merely "妇女"): where 不符合条件 is the wrong itself.
MARITAL = re.compile(r"(?<!丧)嫁(?!娶)|离婚|离异|丧偶|寡妇|再婚|入赘|招婿|招赘|招郎|上门女婿|倒插门|男到女家|到女方落户|已婚|婚后|"
                     r"结婚后|半边户|纯女户|女儿户|独女户|双女户|二女户|上门的男|上门男|上门郎|随妻|婚迁|招亲")
#: Citing one of the village's own texts is no authority: "按照《村规民约》罚款".
_OWN_TITLE = re.compile(r"《[^》]{0,20}?(?:村规|民约|章程|公约|守则|规约|寨规|族规|制度)[^》]{0,10}》")
_PROTECTOR = _rx(lx.PROTECTORS)
_PROTECTIVE = _rx(lx.PROTECTIVE, 12)
_BREAK = _rx(lx.BREAKS)
_AUTHORITY = _rx(lx.AUTHORITIES)
#: Before a lawful reason, words that make it no condition of the taking: regardless of it, or guarding against it.
_MOOT = re.compile(r"无论|不论|不管|是否|为防止|为了防止|防止|为避免|避免|以免|以防")
#: The deprivations that take outright (not "按", "未"…, which need a reading of their own).
_STRONG_TAKING = re.compile(r"不|取消|收回|停|扣|减|剥夺|丧失|无权|无资格|注销|除外")
_CONTRAST = re.compile(r"但|但是|可是|然而|否则")
_NEGATION_BEFORE = "不没未勿莫别免非"
_CONDITION_END = ("的", "者", "时", "后", "行为", "现象", "情况")
_PROTECTOR_REACH = 40


class Scope:
    """One sentence with the positions every reading shares: breaks, prohibitions, conditions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in _BREAK.finditer(text)]
        self.consequences = [m.start() for m in _CONSEQUENCE.finditer(text)]
        self.protectors = [(m.start(), m.end()) for m in _PROTECTOR.finditer(text)]
        # Equality wording clears the sentence unless a "但…" turns it round afterwards, or it is
        # itself what is denied ("不能享受村民同等待遇").
        # Nor when a condition or a sanction follows it ("侵犯他人合法权益的,取消其低保": the equality
        # words describe the misconduct).
        # Nor when a later clause takes without a prohibition governing it ("为维护成员的合法权益,外嫁女
        #不得参与分配": the purpose clause protects nobody; "不得以出嫁为由,取消其分配" stays protective).
        self.protective = any(
            not _CONTRAST.search(text, m.end()) and not _CONDITION_CLOSE.search(text, m.end())
            and not any(c >= m.end() for c in self.consequences) and not any(
                d.end() <= m.start() and m.start() - d.end() <= 10 for d in _DEPRIVE.finditer(text, 0, m.start()))
            and not self._taken_after(m.end())
            for m in _PROTECTIVE.finditer(text))

    def _taken_after(self, pos: int) -> bool:
        """Whether a clause after the one holding `pos` takes something, no prohibition governing it."""
        _start, end = clause_bounds(self.text, pos)
        return any(_STRONG_TAKING.search(d.group(0)) and not self.protected(d.start())
                   for d in _DEPRIVE.finditer(self.text, end))

    def protected(self, pos: int) -> bool:
        """Whether a prohibition governs the words at `pos` ("严禁…", "不得…", "不收回")."""
        if pos > 0 and self.text[pos - 1] in _NEGATION_BEFORE:
            return True
        for _start, end in self.protectors:
            if end <= pos and self.text.startswith("对", end) and clause_bounds(self.text, end) == clause_bounds(
                    self.text, pos):
                return True  # "严禁对违反者罚款": the 对…者 is what the prohibition is about, not a new condition
            if end <= pos and pos - end <= _PROTECTOR_REACH and not any(end <= b < pos for b in self.breaks):
                cstart, cend = clause_bounds(self.text, end - 1)
                if cend < pos and _NAMES_PEOPLE.search(self.text, cstart, cend):
                    continue
                return True
        return False

    def eligible(self) -> bool:
        """Whether a lawful reason (不符合条件, 已取得, 按…规定…) is given, not negated.

        Where a married-out woman is named, "不符合条件" is the wrong itself; only land or a share
        she already has elsewhere (土地承包法 31) or a fraud is a reason.
        """
        if MARITAL.search(self.text):
            return any(not self._moot(m.start()) for m in _WOMEN_ELIGIBILITY.finditer(self.text))
        return any(not _NEGATED.search(self.text, max(0, m.start() - 2), m.start())
                   and not _OWN_RULES.search(m.group(0)) and not self._moot(m.start())
                   for m in _ELIGIBILITY.finditer(self.text))

    def _moot(self, pos: int) -> bool:
        """Whether a lawful reason at `pos` is no condition ("无论是否已分得", "为防止重复享受")."""
        start, _end = clause_bounds(self.text, pos)
        return bool(_MOOT.search(self.text, start, pos))

    def double_negated(self, pos: int) -> bool:
        """A prohibition of a prohibition ("不得禁止村民信教"): the prohibitor right before `pos`."""
        return any(end <= pos and pos - end <= 3 for _start, end in self.protectors) or (
            pos > 0 and self.text[pos - 1] in _NEGATION_BEFORE)

    def in_condition(self, pos: int, spanning: bool = True) -> bool:
        """Whether `pos` sits in the condition of a rule ("殴打他人的,…"), not in its consequence.

        That is its own clause ending in 的/者/时…, or any clause before the first "…的," when no
        consequence word (违者, 否则…) comes first ("凡是聚众闹事,故意殴打他人,造成损伤的,并处…").
        """
        _start, end = clause_bounds(self.text, pos)
        tail = self.text[pos:end].rstrip(" 。；;.!！?？")
        if tail.endswith(_CONDITION_END):
            return True
        if not spanning:
            return False
        close = _CONDITION_CLOSE.search(self.text)
        return close is not None and pos < close.start() and not any(c <= pos for c in self.consequences)

    def by_authority(self, pos: int) -> bool:
        """Whether the authorities act under the law in this clause ("由公安机关依法拘留")."""
        start, end = clause_bounds(self.text, pos)
        # the authority acts before the sanction is named ("由公安机关依法拘留"); "罚款上交镇政府" is the
        # village fining and handing the money on
        return any(not (m.group(0).endswith("《") and _OWN_TITLE.match(self.text, m.end() - 1))
                   for m in _AUTHORITY.finditer(self.text, max(0, start - 1), max(pos, min(end, pos + 2))))
