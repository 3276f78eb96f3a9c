"""四议两公开: the six steps of a major village decision, strictly in order.

① 党组织提议 → ② 两委会议商议 → ③ 党员大会审议 → ④ 村民(代表)会议决议
→ ⑤ 决议公开 → ⑥ 实施结果公开. Each step links its meeting (①–④) or
disclosure (⑤–⑥); dates never go backwards; ③ and ④ need a valid quorum (and ④
a passed vote); ⑤ comes before implementation starts and ⑥ after it ends.
The register answers "what is next, and why can't I do it yet?".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.legal import PARTY_RURAL_RULES, LegalBasis
from models.meetings.quorum import ERROR, WARNING, Finding
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "four_two"
_BASIS = LegalBasis(PARTY_RURAL_RULES, "2019")

STEPS: tuple[tuple[str, str], ...] = (
    ("propose", QT_TRANSLATE_NOOP(_C, "① 村党组织提议")),
    ("discuss", QT_TRANSLATE_NOOP(_C, "② 村两委会议商议")),
    ("review", QT_TRANSLATE_NOOP(_C, "③ 党员大会审议")),
    ("resolve", QT_TRANSLATE_NOOP(_C, "④ 村民会议或村民代表会议决议")),
    ("publish_resolution", QT_TRANSLATE_NOOP(_C, "⑤ 决议公开")),
    ("publish_result", QT_TRANSLATE_NOOP(_C, "⑥ 实施结果公开")),
)
STEP_CODES = tuple(code for code, _ in STEPS)
STEP_LABELS = dict(STEPS)
#: The meeting types each deliberation step may link to.
STEP_MEETING_TYPES = {
    "propose": ("party_branch_committee",),
    "discuss": ("two_committees",),
    "review": ("party_members",),
    "resolve": ("assembly", "assembly_households", "representatives"),
}


@dataclass(frozen=True)
class StepRecord:
    """A completed step: its date, and for ③/④ the meeting's verdict."""

    code: str
    on: date
    quorum_valid: bool = True
    vote_passed: bool | None = None
    committee_opinion: str = ""  # 监委会意见 on the disclosure steps


@dataclass(frozen=True)
class RegisterState:
    """Where a decision stands."""

    next_step: str | None
    findings: tuple[Finding, ...]

    @property
    def complete(self) -> bool:
        """All six steps done without errors."""
        return self.next_step is None and not any(f.severity == ERROR for f in self.findings)


def _err(template: str, **params) -> Finding:
    return Finding(ERROR, msg(_C, template, **params), _BASIS)


def check_register(steps: list[StepRecord], implementation_start: date | None = None,
                   implementation_end: date | None = None) -> RegisterState:
    """Check the recorded steps; return the next step and every problem found."""
    findings: list[Finding] = []
    done = {s.code: s for s in steps}
    if len(done) != len(steps):
        findings.append(_err(QT_TRANSLATE_NOOP(_C, "同一步骤登记了两次。")))
    order = [s.code for s in sorted(steps, key=lambda s: STEP_CODES.index(s.code))]
    expected_prefix = list(STEP_CODES[: len(order)])
    if order != expected_prefix:
        missing = next(c for c in STEP_CODES if c not in done)
        findings.append(_err(QT_TRANSLATE_NOOP(_C, "跳过了“{step}”:各步骤必须依次进行。"),
                             step=STEP_LABELS[missing]))
    previous: StepRecord | None = None
    for code in STEP_CODES:
        step = done.get(code)
        if step is None:
            continue
        if previous is not None and step.on < previous.on:
            findings.append(_err(QT_TRANSLATE_NOOP(
                _C, "“{step}”的日期 {on} 早于上一步“{prev}”的 {prev_on}。"),
                step=STEP_LABELS[code], on=step.on.isoformat(), prev=STEP_LABELS[previous.code],
                prev_on=previous.on.isoformat()))
        if code in ("review", "resolve") and not step.quorum_valid:
            findings.append(_err(QT_TRANSLATE_NOOP(
                _C, "“{step}”的会议未达到法定人数,这一步无效,需要重新开会。"), step=STEP_LABELS[code]))
        if code == "resolve" and step.vote_passed is False:
            findings.append(_err(QT_TRANSLATE_NOOP(
                _C, "“{step}”表决未通过,不能公开为决议,也不能实施。"), step=STEP_LABELS[code]))
        if code in ("publish_resolution", "publish_result") and not step.committee_opinion.strip():
            findings.append(Finding(WARNING, msg(_C, QT_TRANSLATE_NOOP(
                _C, "“{step}”还没有记录村务监督委员会的意见。"), step=STEP_LABELS[code]), _BASIS))
        previous = step
    published = done.get("publish_resolution")
    if implementation_start and (published is None or implementation_start < published.on):
        findings.append(_err(QT_TRANSLATE_NOOP(
            _C, "实施开始于 {on},但决议在此之前没有公开。"), on=implementation_start.isoformat()))
    result = done.get("publish_result")
    if result and (implementation_end is None or result.on < implementation_end):
        findings.append(_err(QT_TRANSLATE_NOOP(
            _C, "实施结果应在实施完成之后公开(完成日期:{end})。"),
            end=implementation_end.isoformat() if implementation_end else "未填写"))
    next_step = next((c for c in STEP_CODES if c not in done), None)
    return RegisterState(next_step, tuple(findings))


def why_not(step_code: str, steps: list[StepRecord]) -> list[Finding]:
    """Reasons why `step_code` cannot be recorded now (empty when it can)."""
    done = {s.code: s for s in steps}
    index = STEP_CODES.index(step_code)
    reasons = []
    for earlier in STEP_CODES[:index]:
        if earlier not in done:
            reasons.append(_err(QT_TRANSLATE_NOOP(_C, "请先完成“{step}”。"), step=STEP_LABELS[earlier]))
            break
    resolve = done.get("resolve")
    if index > STEP_CODES.index("resolve") and resolve is not None:
        if not resolve.quorum_valid or resolve.vote_passed is False:
            reasons.append(_err(QT_TRANSLATE_NOOP(_C, "决议没有有效通过,不能进入公开和实施。")))
    if step_code in done:
        reasons.append(_err(QT_TRANSLATE_NOOP(_C, "这一步已经登记过了。")))
    return reasons
