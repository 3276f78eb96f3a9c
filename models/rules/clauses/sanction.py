"""The sanction slot: what a rule does to someone, read by the kind of thing it takes.

A village rule has a condition and a consequence ("违者…", "…的,…", "…者,…",
"凡…的,…", "一经发现,…", "否则…"). Whatever the verb, a consequence that is not
one of the lawful sanctions (批评教育, 责令改正, 赔礼道歉, 恢复原状, 赔偿损失,
通报批评, 取消评先评优, 报请有关部门依法处理, 劝阻…) and that takes the
offender's property, liberty or dignity is beyond a village's power. The word
lists of `lexicon` name the common verbs; this reading names the *classes* of
what is done, so a phrasing never seen before ("送村部看管", "牵走,交钱后方可
领回", "在村口站一天") is still read:

- liberty: the person taken to or kept in a village place (村部, 村委, 祠堂…),
  or held "until" they confess or pay;
- property: things led, carried or cleared away, made the collective's (归公),
  held until money is paid, or water, power and gas cut off;
- dignity: the person made to stand, kneel or walk before the village, or to
  carry or wear a sign of the offence;
- force: anything done "强行/强制" by the village itself (read as a taking of property);
- money: any amount the offender is made to give ("一律以500元计", "每头牛一次
  50元"), unless the sentence is about a reward, a subsidy, a wage or a price.

It runs after the word readings and only on sentences they left silent, so it
adds recall without changing what they already say.
"""

from __future__ import annotations

import re

from models.rules.clauses.numbers import AMOUNT
from models.rules.clauses.scope import Scope

_C = r"[^，,。；;！!？?\n]"
#: Where the consequence starts: after the condition ("…的,", "…者,", "违者", "否则", "一经发现"), or where
#: the village itself starts to act ("乱放养的鸡鸭,村民可以捕杀").
_CONSEQUENCE_START = re.compile(
    r"违者|违反者|违犯者|否则|一经发现|一经查实|一经查出|如有违反|如违反|若违反|抓到|抓住|查获|发现后|"
    r"(?:的|者|后|时|户|人员)[，,]|[，,](?=" + _C + r"{0,2}(?:村民可|村里|村委|由村|由组|组里|村组|村集体|治保))|^(?:对于|对)" + _C + r"{1,16}[，,]|发现" + _C + r"{0,8}[，,]|者(?=" + _C + r"{0,3}(?:由|将|须|要|必须|一律|应|可|送|让|被))")
#: Sanctions a village may use: the slot holding one of them is lawful.
_LAWFUL = re.compile(
    r"批评|教育|责令|改正|整改|赔礼道歉|道歉|恢复原状|赔偿|照价|劝阻|制止|劝导|调解|通报|评先|评优|检讨|"
    r"报请|报告|移交|移送|扭送|依法|有关部门|公安|派出所|司法|法院|政府|信誉档案|帮教|说服")
_PLACES = r"(?:村部|村委|村委会|村办公室|办公室|大队部|祠堂|治保会|治保室|会议室|仓库|小屋|黑屋|村委大院)"
_LIBERTY = re.compile(
    r"(?:送|带|押|关|锁|留|扣|拉|抓)(?:到|至|往|回|进|在|去)?" + _C + r"{0,4}" + _PLACES
    + r"|(?:在|到|进|至|于)" + _PLACES + _C + r"{0,4}(?:看管|看守|关|锁|反省|过夜|一夜|一晚)"
    + r"|(?:直至|直到)" + _C + r"{0,10}(?:为止|才放|方可离开|才能离开|才能回家)"
    + r"|(?:将其|把其|将他|把他|将她|把她|将人|把人)(?:控制|带走|带到|带回|捆|绑|扣|关|锁|押|约束|留下|抓)"
    + r"|扣人|扣住其?人|扣下其?人|(?:捆|绑|押)送|约束(?:至|到)"
    + r"|(?:才|方可|方能)(?:放人|放回|离开|回家)"
    + r"|(?:将其|把其|把他|把她|对其|予以)(?:看管|看守)|(?:不让|不准|不许)" + _C + r"{0,4}(?:回家|离开|走)")
_PROPERTY = re.compile(
    r"(?:牵|拉|收|清|拖|搬|拿|运|抬|赶|抱)走|归公|充公|归村(?:集体)?(?:所有)?|"
    r"(?:交|缴|付)" + _C + r"{0,8}(?:后|才)" + _C + r"{0,4}(?:领回|取回|赎回|归还|返还|退还|放行)|"
    r"(?:断|停|掐|切|拉|关)(?:掉|断|了)?其?" + _C + r"{0,4}(?:电源|水源|电闸|水管|电线|用水|用电|供水|供电|燃气|网络|水电|"
    r"水阀|电表|水表)|"
    r"(?:拆|砸|毁|烧|铲|推)(?:除|毁|掉|倒|平)?其|(?:组织|帮其|代为|派人|安排)" + _C + r"{0,4}拆|"
    r"捕杀|宰杀|打死|杀掉|毒死|变卖|拍卖|抵债|充抵|不予赔偿|概不赔偿|由村里处置|由村委会处置|由村集体处置")
#: Money taken: an amount in the consequence ("违者一律以500元计", "每头牛一次50元"), or a penalty named
#: by its kind ("作出经济处理", "按五倍计收"); a bare "违者重罚" names no sanction (it stays silent).
_MONEY = re.compile(AMOUNT + r"|[一二两三四五六七八九十0-9]+倍|经济处理|经济处分|经济惩罚|惩罚金|处罚金|"
                    r"(?<![处惩刑责重严])罚(?!则)|(?:请|招待)" + _C + r"{0,4}(?:全村|全组|全社|村民|大家|众人)"
                    + _C + r"{0,4}(?:吃|喝|看)")
#: Force, whatever is forced ("由村里强行处理"): the village has no power to coerce.
_FORCE = re.compile(r"(?:强行|强制|强迫|硬性)" + _C + r"{1,6}")
#: What an amount in a consequence may lawfully be: a reward, a subsidy, a wage, a price.
_NOT_TAKEN = re.compile(r"奖|补助|补贴|慰问|资助|表彰|报销|工资|工钱|报酬|误工|每亩|标准|发放|给予|给付|借|贷|捐|"
                        r"分配|分红|分得|人均|补偿|"
                        r"预算|投资|收入|价格|单价|租|承包费|水费|电费")
_DIGNITY = re.compile(
    r"(?:站|跪)" + _C + r"{0,6}(?:示|村口|路口|门口|大会|众|一天|半天|小时)|"
    r"(?:村口|路口|门口|大会上|广场|村里|全村|村中|大街)" + _C + r"{0,4}(?:站|跪)|"
    r"(?:走|游|转|绕)(?:一|两|三)?(?:圈|遍|趟)|(?:背|举|扛|挂|戴|抱)着" + _C + r"{0,6}(?:赃|牌|物|在村|游|走)|"
    r"示过|示众|示丑|亮丑|丑榜")


def _start(s: Scope) -> int | None:
    match = _CONSEQUENCE_START.search(s.text)
    return match.end() if match else None


def read(s: Scope) -> list[tuple[str, str]]:
    """(category, words) for each class of taking in the sentence's consequence, first found first."""
    start = _start(s)
    if start is None:
        return []
    slot = s.text[start:]
    out: list[tuple[str, str]] = []
    for category, pattern in (("liberty", _LIBERTY), ("property", _PROPERTY), ("humiliation", _DIGNITY),
                              ("fine", _MONEY), ("property", _FORCE)):
        for match in pattern.finditer(slot):
            pos = start + match.start()
            if s.protected(pos) or s.by_authority(pos):
                continue
            # "责令其清走" / "报请有关部门拆除": a lawful sanction or the authorities govern this taking
            lead = s.text[max(start, pos - 8):pos]
            if _LAWFUL.search(lead) or _LAWFUL.search(match.group(0)):
                continue
            if category == "fine" and _NOT_TAKEN.search(s.text):
                continue
            out.append((category, match.group(0)))
            break
    return out
