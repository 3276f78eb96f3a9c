"""Reading one sentence of a 村规民约: who, what happens to them, what is taken, which penalty.

The reading works on positions, not on the bag of words of the sentence:

- a harmful act (收回, 罚款, 关押…) is *protected*, and stays silent, when a
  prohibition governs it ("严禁游街示众", "不得收回", "不得以…为由…") — that is a
  prohibitor before it with no condition/consequence break in between
  ("严禁赌博,违者罚款200元": the 违者 ends the prohibition's reach);
- a penalty word inside the *condition* of a rule ("殴打他人的,…") describes
  the misconduct, not the village's sanction;
- a deprivation needs its object close by in the same clause ("不再参与土地承包
  和集体收益分配"), and its category comes from who suffers it (出嫁女 → women,
  户口迁出 → membership, 超生 → birth, 上访 → petition…), else it is a withheld
  entitlement;
- where the negation is itself the violation ("出嫁女不得参与分配", "不准嫁外省"),
  only protective wording (同等, 不得以…为由, 依法保障…) or a lawful reason
  (不符合条件, 已取得, 骗取…) clears it.

Each reading names the words it read. All patterns are compiled once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.rules.clauses import lexicon as lx
from models.rules.clauses import sanction
from models.rules.clauses.numbers import AMOUNT
from models.rules.clauses.scope import MARITAL, Scope
from models.rules.clauses.sentences import clause_bounds
from models.rules.clauses.simplify import simplified

#: Report order: the most specific wrong first (the façade and the UI show them in this order).
CATEGORIES = ("women", "membership", "birth", "petition", "religion", "marriage", "burial", "movement", "voting",
              "expulsion", "collective", "liberty", "humiliation", "property", "fee", "fine", "entitlement")


@dataclass(frozen=True)
class Reading:
    """What one sentence does wrong: the category, the words read, and whether it only needs review."""

    category: str
    matched: tuple[str, ...]
    review: bool = False  # True: needs review (naming a person, singling out by marriage), not plainly unlawful


def _rx(words: tuple[str, ...], gap: int = 8) -> re.Pattern[str]:
    return re.compile(lx.alt(words, gap))


_WOMEN = _rx(lx.WOMEN)
#: The plain words of WOMEN, for the whole name around a match ("嫁出女", not its "嫁").
_WOMEN_WORDS = tuple(w for w in lx.WOMEN if w.isalnum())
_REMARRIED = _rx(lx.REMARRIED_SPOUSE)
_MEMBERSHIP = _rx(lx.MEMBERSHIP)
_BIRTH = _rx(lx.BIRTH)
_BIRTH_TOPIC = _rx(lx.BIRTH + lx.BIRTH_TOPIC)
_PETITION = _rx(lx.PETITION)
_PETITION_LAWFUL = _rx(lx.PETITION_LAWFUL)
_RELIGION = _rx(lx.RELIGION)
_RELIGION_LAWFUL = _rx(lx.RELIGION_LAWFUL)
_BURIAL = _rx(lx.BURIAL)
_COLLECTIVE = _rx(lx.COLLECTIVE)
_COLLECTIVE_NAMED = _rx(lx.COLLECTIVE_NAMED)
_COLLECTIVE_GROUP = _rx(lx.COLLECTIVE_GROUP)
_WOMEN_RULES = _rx(lx.WOMEN_RULES)
_MEMBERSHIP_OBJECT = re.compile(lx.alt(lx.MEMBERSHIP_OBJECTS) + "$")
_POLITICAL_VETTING = re.compile(r"政审")
_COLLECTIVE_BAR = re.compile(r"(?:不得|不准|不能|不许|不予|取消|禁止|限制)" + lx.GAP % 10 + lx.alt(lx.COLLECTIVE_BARRED))
_MARRIAGE_WORDS = re.compile(r"结婚|婚姻|通婚|婚配")
#: "入赘男子及其子女": the children are part of who is named, not relatives punished for them.
_KIN_OF_SUBJECT = re.compile(r"(?:及其|以及|及|和|与|、)$")

_DEPRIVE = _rx(lx.DEPRIVE)
_STRONG = re.compile(r"享受|享有|参与|参加|分配|分得|分给|领取|不分|不再分|无权|丧失|剥夺|无资格|没有资格|脱产|"
                     r"交钱|交费|才能|不能分|不得分|只能|只允许|不计|不列|不纳|不作为|不视为|不认定|不属于|不是|"
                     r"不再是|不承认|视为|视同|视作|按|不予承认|只分|只发|只享受|只给|方可|方能|落户|不到|不能再|不得再|"
                     r"拒绝|只领取|迁入|未|没")
#: Verbs that carry their own object ("不予报批", "分半份").
#: Verbs that take only when the sentence names who loses ("补偿款的百分之三十留归集体" is accounting).
_WEAK = re.compile(r"归集体|归还集体|上交|交回|退回|收归|调出|划出|调整出|不具有|不具备|不算|不计|不列|不纳|不作为|"
                   r"不视为|不属于|不是|不再是|只能|只分|只发|只享受|只给|方可|方能|才能|按|未|没")
_SELF_OBJECT = re.compile(r"报批|办理|发放|盖章|审批|半份|落户|上户|配股|迁入|分配|享受")
_MEMBERSHIP_STATUS = re.compile(lx.alt(lx.MEMBERSHIP_STATUS) + "$")
_LAND = re.compile(lx.alt(lx.LAND) + "$")
_TAKE_BACK = re.compile(r"收回|收归|调整|调出|划出")
_OBJECT = _rx(lx.ENTITLEMENTS)
_GENERIC_OBJECT = re.compile(r"^(?:资格|权利|权益|待遇)$")
_HONOURS = _rx(lx.HONOURS)
_QUALIFIERS = _rx(lx.QUALIFIERS)
_OFFICES = _rx(lx.OFFICES)
_REGARDLESS = re.compile(r"不分" + lx.alt(lx.REGARDLESS))
_REDUCED = re.compile(lx.alt(lx.ENTITLEMENTS) + lx.GAP % 10 + lx.REDUCED_SHARE)
_FRACTION = re.compile(lx.alt(lx.ENTITLEMENTS) + lx.GAP % 10 + lx.FRACTION_SHARE)
_HANDED = re.compile(lx.alt(lx.ENTITLEMENTS) + r"[^。；;]{0,8}?" + lx.HANDED_OVER)
_MULTIPLE = re.compile(lx.MULTIPLE_DAMAGES)
_HALF_OF = re.compile(r"(?:[二三四五六七八九十]分之[一二三四五六七八九]|一半|半数|[1-9][0-9]?%|百分之[一二三四五六七八九]十|[一二三四五六七八九]成)的?" + lx.GAP % 4
                      + lx.alt(lx.ENTITLEMENTS))
_REGISTRATION = re.compile(r"户口|户籍|上户|落户|准生")
_AMOUNTS = re.compile(AMOUNT)
_MISCONDUCT = re.compile(r"殴打|打骂|体罚|吊打|捆绑|搜身|搜查|搜家|砍|毁|砸|强行|强制|拆除|铲除|宰杀|捕杀|打死")
_NO_CHARGE = re.compile(r"(?:不|免|无需|不再|不得|禁止|严禁|不准)(?:收|交|缴|拿|出|要)")
_SHARE_WORDS = re.compile(r"分配|发放|分红|补偿|每人|人均|分得|享受|配股|股份|计算|计发")
#: A share fixed in a quantity: money, shares, land, persons counted.
_QUANTITY = re.compile(AMOUNT + r"|(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十半零点]+)\s*(?:个人口|个人|人口|股|亩|份|斤)")
#: The same share as everyone ("与其他村民同样", "标准相同").
_SAME = re.compile(r"同样|一样|相同|同等|一致|平等|一视同仁")
#: A negation or a cut, for the last-resort reading of a clause that names a married-out woman.
_NEGATIVE = re.compile(r"不|无|未|没|取消|收回|扣|减|停|只|拒|除外")
#: What is done to a woman named by her marital status, whatever is taken: barred ("不得…", "无权…"), made
#: to hand back or leave ("退还", "迁出"), kept to a share ("只能", "一半"), or passed over for a man.
_WOMEN_RESTRICTED = re.compile(
    r"(?:不得|不能|不准|不许|不予|不可|无权|不让|不给)" + lx.GAP % 2 + r"(?![被受])"
    r"|(?:退还|交回|退回|归还|统一迁出|迁出|迁走|迁回|调整|调剂)|只能|只准|只许|一半|半份|(?:由|归)[^，,。；;]{0,4}(?:男|夫家|娘家|兄弟|儿子)"
    # ended ("自动终止", "自然失效"), passed on ("转给其兄弟", "留给村集体", "另行发包", "重新分配", "作为集体股"),
    # made conditional ("须经…通过", "才能"), her children made to follow the father ("随父亲")
    r"|终止|失效|作废|自动|自然|截止|(?:转给|转交|留给|留归|划给|划归|让给|交给|提留|作为集体|另行|重新)"
    r"|(?:须|需|必须)(?:经|由)[^。；;]{0,16}?(?:通过|同意|批准|认可)|才能|方可|方能|随父|随夫|随男"
    # kept to less ("仅享受", "只分一次"), or cut off at a date ("享受至出嫁当年为止", "以出嫁前为准")
    r"|仅|只(?!要|是)|为止|为限|为界|为准"
    # left out ("…除外"), or sent to her husband's side for what she is owed ("迁往男方", "由婆家解决")
    r"|除外|迁往|迁至|迁到|婆家|夫家|男方|(?:由|在)[^，,。；;]{0,8}(?:解决|负责|安置|落实)"
    # her share handed to her family ("发给其父母", "由其父母代管"), her household made a hanger-on ("作为空挂户"),
    # her place put to a vote ("需经村民代表大会表决")
    r"|(?:发给|给其|付给|交其|代管|代领)|空挂|挂靠|寄挂|(?:须|需|必须)(?:经|由)[^。；;]{0,16}?(?:表决|决定|讨论)"
    # her share put to a vote ("经三分之二以上村民代表签字同意"): the vote a land adjustment needs is no
    # condition on what she is owed as a member
    r"|经[^。；;]{0,16}?(?:签字同意|表决同意|表决通过|三分之二)"
    r"|" + lx.SHARE_UNSETTLED)
#: Paperwork or the law after "由…负责": "由财务人员负责造册" hands on no share.
_CLERICAL = re.compile(r"造册|登记|统计|核实|核对|发放|办理|审核")
#: "由村组依法调整解决", "以成员大会确认的名单为准": the law or the members' roll decides, not her marriage.
_CLERICAL_BEFORE = re.compile(r"依法|(?:确认|审定|公示)的?名单")
#: Left out by name, the exclusion before who ("不含外嫁女", "除已出嫁的女儿外").
_EXCLUDED_BEFORE = re.compile(r"(?:不含|不包含|不包括|除去|除了|排除|剔除|扣除)[^。；;，,]{0,4}$")
#: Help given, not a share settled ("丧偶妇女家庭困难的,每月补助200元").
#: Nor her share paid to her or counted per head ("打入本人账户", "由其本人经营", "按人头计算", "依法处理").
_GIVEN = re.compile(r"困难|救助|慰问|照顾|帮扶|优先|奖励|补助|保障|保护|享有|有权|可以|可|本人|依法|人头|平均|提供|公示|账户|"
                    r"享受(?:本村|本组)?(?:村民|成员)待遇|统一|照发|照常|执行|判决|登记|参加分配|参与分配|享受分配|足额|及时|核实|核对|身份|确认|造册|统计|审核|"
                    r"按(?:本组|本村|集体经济组织)?(?:成员|村民)")
#: "出嫁女回娘家办酒,不得大操大办": a duty every villager has, not a wrong to the woman.
_EVERYONE_DUTY = re.compile(r"大操大办|铺张|浪费|酒席|宴|彩礼|礼金|遵守|履行|赡养|违法|迷信|赌|毒|打架|喧哗|"
                            r"歧视|干涉|强迫|侵害|侵犯|刁难|阻挠|虐待|遗弃|家庭暴力|家暴|骚扰")
#: "户口未迁出": the woman's condition, not something done to her.
_HER_CONDITION = re.compile(r"(?:未|不|没|没有)(?:迁|转|办|落|注销)")
#: What ends or cuts a member's share, without a negation ("服刑人员的分红自动终止", "新增人口按0.5人计算").
_MEMBER_CUT = re.compile(lx.SHARE_UNSETTLED + r"|终止|失效|作废|自动|另行|重新分配|重新发包|转给|留给|留归|划归|提留|作为集体|仅(?:享受|分|发|按)|"
                         r"只(?:享受|分|发|按|能)|为止|一半|半份|减半|(?:[0-9０-９]+(?:\.[0-9]+)?|半|零点[一二三四五六七八九])"
                         r"\s*(?:个人口|个人|人口|人(?!民|员|均)|股|份)|百分之[一二三四五六七八九]十|[1-9][0-9]?%|[一二三四五六七八九]成")
#: "是否迁出户口是个人自由", "可以自愿迁出": her own choice, not the village's.
_HER_CHOICE = re.compile(r"是否|无论|不论|自愿|自行决定|可以|可自|也可|可")
#: The choice left to her or her family anywhere in the sentence ("随父或随母,由父母自行决定").
_FAMILY_CHOICE = re.compile(r"自行决定|自行选择|自主决定|自主选择|自愿选择|本人选择|本人决定|本人意愿|自由选择")
#: Table or colon style: a share written right after who gets it ("外嫁女 0.5份", "出嫁女：0.5股").
_TABLE_GAP = re.compile(r"[\s:：、]*")
#: A share written as nothing ("土地0,分红0", "分红：零"): the table-style form of "不分".
_ZERO_SHARE = re.compile(lx.alt(lx.ENTITLEMENTS) + r"\s*[:：]?\s*(?:0|０|零)(?![0-9０-９.．])")
_PROTECTIVE_WORDS = _rx(lx.PROTECTIVE, 12)
#: A man preferred by the rule itself ("户代表一律由男性户主担任").
_MEN_ONLY = re.compile(r"(?:由|限|只有|仅限|只限|必须是|须为|只能|只派|只准)[^，,。；;]{0,6}?(?:男性|男方|男子|男丁|男人|儿子)"
                       # who shares defined as the men ("分配对象为户口在本组的男性村民及其妻子儿女")
                       r"|(?:对象|范围|人员)(?:为|是|限于|仅限)[^。；;]{0,12}?(?<!不分)(?:男性|男子|男丁|儿子)"
                       r"(?![^。；;，,]{0,4}(?:女|和|或))")

_FINE = _rx(lx.FINE)
_DEMANDED = re.compile(r"(?:要求|责令|勒令|强制|强迫|让)" + lx.GAP % 6 + r"(?:交|缴|交纳|缴纳|支付|赔|出)" + lx.GAP % 6
                       + AMOUNT)
_FINE_LONG = re.compile(r"处以[^。；;]{0,48}?处罚|罚\s*[0-9０-９]{2,}|罚[一二两三四五六七八九十百千万]{1,4}(?:元|块|百|千|万)")
_FINE_AMOUNT = re.compile(r"(?:罚|处以|处)" + lx.GAP % 6 + AMOUNT)
_PAY_AMOUNT = re.compile(lx.alt(lx.PAY) + lx.GAP % 8 + AMOUNT)
#: "承包鱼塘的,应交纳承包费每年5000元": a price agreed for a service or a lease, not a sanction; nor is money
#: the village gives ("年满六十周岁的,每人分配500元").
_PRICE = re.compile(r"承包费|租金|租费|水费|电费|学费|保险费|医保|新农合|养老保险|物业费|分配|发放|分红|奖|补助|补贴|"
                    r"慰问|资助")
_DEPOSIT = _rx(lx.DEPOSIT)
_CONTRACT = _rx(lx.CONTRACT)
#: A sum the parties agreed in a contract ("按承包合同约定支付违约金"), not one the village imposes.
_AGREED = re.compile(r"(?:合同|协议)[^，,。；;]{0,2}约定")
_FEE = re.compile(lx.alt(lx.FEE_TOPICS) + r"[^。；;！!？?\n]{0,20}?(?:" + lx.alt(lx.COLLECT_FEE) + "|"
                  + lx.alt(lx.COLLECT) + lx.GAP % 10 + r"(?:" + AMOUNT + r"|[^，,。；;]{0,4}[费金]|钱))")
_RANGE_FINE = re.compile(r"[0-9０-９]+\s*(?:[-~～—至到])\s*[0-9０-９]+\s*元")
_NOT_A_FINE = re.compile(r"费|价|资|奖|补|收入|工资|租|款|标准|预算|投资|每亩|每人|人均")
_PROPERTY = _rx(lx.PROPERTY)
_LIBERTY = _rx(lx.LIBERTY, 10)
_HUMILIATION = _rx(lx.HUMILIATION)
_EXPOSURE = _rx(lx.EXPOSURE)
_IDENTITY = _rx(lx.IDENTITY)

_MARRIAGE = _rx(lx.MARRIAGE)
#: Marriage on the village's leave, across a comma ("嫁到外村的,必须经村委会同意").
_MARRIAGE_LEAVE = re.compile(r"(?:结婚|嫁|娶|离婚|再婚|改嫁|婚姻)[^。；;]{0,16}?(?:须|必须|需|需要|要)(?:经|由|得到|征得)?"
                             r"[^。；;]{0,12}?(?:同意|批准)|(?:自由恋爱|恋爱|婚恋)[^。；;]{0,16}?(?:劝阻|干涉|阻止|阻挠|制止)")
#: "集体土地归集体所有" states the law; "所伐木材归村集体所有" confiscates.
_COMMONS = re.compile(r"(?:土地|山林|林地|草原|草地|水面|资源|资产|滩涂|荒地)" + lx.GAP % 4 + "$")
_MARRIAGE_LAWFUL = _rx(lx.MARRIAGE_LAWFUL)
#: A marriage declared void by the village ("婚姻无效", "不承认其婚姻"): only the law voids a marriage
#: (民法典 婚姻家庭编: bigamy, kinship, marriage age), whatever the rule was about (彩礼 included).
_MARRIAGE_VOID = re.compile(r"婚姻(?:无效|作废|不予承认|不予认可|不被承认|不算数)|不(?:予)?承认[^。；;，,]{0,6}婚姻|"
                            r"视为非法婚姻|婚姻[^。；;，,]{0,4}(?:解除|撤销)(?=[。；;，,]|$)")
_MARRIAGE_VOID_LAWFUL = re.compile(r"重婚|近亲|血亲|婚龄|未达|未到|未满|未成年|胁迫|隐瞒|重大疾病|依法|法院|"
                                   r"婚姻登记机关|民法典|婚姻法")
_BIRTH_RULES = _rx(lx.BIRTH_RULES)
_RELIGION_RULES = _rx(lx.RELIGION_RULES)
_BURIAL_FORCE = _rx(lx.BURIAL_FORCE)
_BURIAL_BANS = _rx(lx.BURIAL_BANS)
_BURIAL_LAWFUL = _rx(lx.BURIAL_LAWFUL)
_MOVEMENT = _rx(lx.MOVEMENT)
_MOVEMENT_LAWFUL = _rx(lx.MOVEMENT_LAWFUL)
_CHECKPOINTS = _rx(lx.CHECKPOINTS)
_PERSON_CONDITION = re.compile(r"(?:者|的人|人员|村民|户)[，,;；]?[^。]{0,20}?曝光")
#: A pinyin gloss after a character: "會(huì)", "和(hé / huò)".
_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü /]{1,16}[)）]")
#: A conduct the villager must keep away from, after "不参与…" ("不参与越级上访"): a duty, not a taking.
_CONDUCT = re.compile(r"上访|信访|赌博|吸毒|闹事|违法|迷信|传销|邪教|斗殴|械斗|黄赌毒")
_BEHAVIOUR = re.compile(r"行为|现象|事件|问题")
_DISCLOSURE = re.compile(r"公示|接受[^。]{0,6}监督|补助金额|名单公示|村务公开|财务公开|公开栏公布")
_PETITION_BAN = _rx(lx.PETITION_BAN)
_SANCTION = re.compile(r"取消|剥夺|撤销|罢免|停止|暂停|开除|除名|扣|罚|不予|停发")
_VOTING = _rx(lx.VOTING)
_VOTING_LAWFUL = _rx(lx.VOTING_LAWFUL)
_EXPULSION = _rx(lx.EXPULSION)

_HARM = _rx(lx.HARM_VERBS)


def _subject_category(s: Scope, objects: tuple[str, ...]) -> tuple[str, str] | None:
    """(category, word) of the person a deprivation falls on, when the sentence names one.

    A birth-plan subject ("超生", "违反计划生育") is a membership question when what is taken is
    membership itself (分配, 承包地, 一份), an entitlement one when it is papers or benefits.
    """
    text = s.text
    remarried = _REMARRIED.search(text)
    if remarried:
        return "membership", remarried.group(0)
    for pattern, category, lawful in ((_WOMEN, "women", None), (_PETITION, "petition", None),
                                      (_RELIGION, "religion", _RELIGION_LAWFUL), (_BURIAL, "burial", None),
                                      (_BIRTH, "birth", None), (_MEMBERSHIP, "membership", None)):
        match = pattern.search(text)
        if match and not (lawful and lawful.search(text)):
            if category == "birth":
                if any(_MEMBERSHIP_OBJECT.search(o) for o in objects):
                    return "membership", match.group(0)
                return None
            return category, match.group(0)
    return None


def _deprivations(s: Scope) -> list[tuple[int, tuple[str, ...]]]:
    """(position, words) of each unprotected taking-away of an entitlement; the object is the last word."""
    text = s.text
    found: list[tuple[int, tuple[str, ...]]] = []
    subject = _subject_category(s, ("分配",))
    for verb in _DEPRIVE.finditer(text):
        pos = verb.start()
        if s.protected(pos) or _REGARDLESS.match(text, pos) or (subject is None and _WEAK.match(verb.group(0))):
            continue
        cstart, cend = clause_bounds(text, pos)
        obj = _OBJECT.search(text, verb.end(), min(cend, verb.end() + 24))
        if obj is None:
            before = [m for m in _OBJECT.finditer(text, max(cstart, pos - 20), pos)]
            if not before and text[cstart:pos].strip() and not _OBJECT.search(text, pos, cend):
                # "出嫁女在娘家的承包地,村组有权收回": the thing taken heads the previous clause
                before = [m for m in _OBJECT.finditer(text, max(0, pos - 16), pos)]
            obj = before[-1] if before else None
        if obj is None and _SELF_OBJECT.search(verb.group(0)):
            obj = _SELF_OBJECT.search(verb.group(0))
        if obj is not None:
            span = text[min(pos, obj.start()):max(verb.end(), obj.end())]
            if _HONOURS.search(span):
                continue
            if _GENERIC_OBJECT.match(obj.group(0)):
                lead = text[max(cstart, obj.start() - 8):obj.start()]
                if not _QUALIFIERS.search(lead) or _OFFICES.search(lead) or _HONOURS.search(lead):
                    continue
            found.append((pos, (verb.group(0), obj.group(0))))
        elif subject and _STRONG.search(verb.group(0)) and not _CONDUCT.search(text, verb.end(), verb.end() + 6):
            found.append((pos, (verb.group(0),)))
    for pattern in (_REDUCED, _FRACTION, _HANDED, _HALF_OF):
        for match in pattern.finditer(text):
            if not s.protected(match.start()) and (pattern is _REDUCED or subject):  # the others need who
                found.append((match.start(), (match.group(0),)))
    return sorted(found)


def _first(pattern: re.Pattern[str], s: Scope, **how: bool) -> re.Match[str] | None:
    """The first unprotected match of `pattern` in the sentence's consequence."""
    return next(_unprotected(pattern, s, **how), None)


def _unprotected(pattern: re.Pattern[str], s: Scope, *, condition_ok: bool = False, authority_ok: bool = True,
                 leading_prohibitor: bool = False) -> Iterator[re.Match[str]]:
    """Every unprotected match of `pattern` in the sentence's consequence, in order (see `_first`)."""
    for match in pattern.finditer(s.text):
        pos = match.start()
        if leading_prohibitor:
            _cstart, cend = clause_bounds(s.text, pos)
            if s.double_negated(pos) or _HARM.search(s.text, pos, min(cend, match.end() + 8)):
                continue
        elif s.protected(pos):
            continue
        # Only words that can name the misconduct itself (殴打, 搜查…) are read as a condition spanning
        # clauses; "违规燃放烟花罚款200元,情节严重的,…" fines before the first "…的,".
        if not condition_ok and s.in_condition(pos, spanning=bool(_MISCONDUCT.match(match.group(0)))):
            continue
        if not authority_ok and s.by_authority(pos):
            continue
        yield match


def _collective(s: Scope, deprivations: list[tuple[int, tuple[str, ...]]]) -> tuple[str, ...] | None:
    """The words of a collective punishment: relatives or a whole group made to answer for someone."""
    text = s.text
    named = _first(_COLLECTIVE_NAMED, s, condition_ok=True)
    if named is not None and not _MARRIAGE_WORDS.search(text):
        return (named.group(0),)
    for kin in list(_COLLECTIVE.finditer(text)) + list(_COLLECTIVE_GROUP.finditer(text)):
        if s.protected(kin.start()) or s.in_condition(kin.start()) or _KIN_OF_SUBJECT.search(
                text, max(0, kin.start() - 3), kin.start()):
            continue
        after = text[kin.end():kin.end() + 14]
        sanction = _COLLECTIVE_BAR.search(after) or _POLITICAL_VETTING.search(after)
        if sanction is not None:
            return kin.group(0), sanction.group(0)
        near = [words for pos, words in deprivations if kin.start() - 8 <= pos <= kin.end() + 12]
        if near:
            return kin.group(0), near[0][0]
        after_verb = _FINE.search(after) or _LIBERTY.search(after)
        if after_verb is not None and after_verb.start() <= 4:
            return kin.group(0), after_verb.group(0)
    return None


def birth_subject_taking(out: dict[str, Reading], text: str) -> bool:
    """Whether a membership taking falls on a birth outside the plan ("超生子女不分配土地")."""
    return "membership" in out and bool(_BIRTH.search(text)) and bool(
        _BIRTH.search("".join(out["membership"].matched)))


def _read(text: str) -> dict[str, Reading]:
    s = Scope(text)
    out: dict[str, Reading] = {}

    def add(category: str, *words: str, review: bool = False) -> None:
        if category not in out:
            out[category] = Reading(category, tuple(w for w in words if w), review)

    # WHO x WHAT HAPPENS x WHAT IS TAKEN
    deprivations = [] if s.protective or s.eligible() else _deprivations(s)
    if deprivations:
        _pos, words = deprivations[0]
        taken = words[-1] if len(words) > 1 else "分配"
        subject = _subject_category(s, (taken,))
        if subject:
            add(subject[0], subject[1], *words)
        elif _MEMBERSHIP_STATUS.search(taken):
            add("membership", *words)
        elif _LAND.search(taken) and _TAKE_BACK.search(words[0]):
            add("property", *words)
        else:
            add("entitlement", *words)
    women = MARITAL.search(text)
    if women is not None and "women" not in out and not s.protective and not s.eligible():
        values = {m.group(0) for m in _AMOUNTS.finditer(text)}
        if len(values) >= 2 and _SHARE_WORDS.search(text):  # "出嫁女每人3000元,其他村民每人10000元"
            add("women", women.group(0), *sorted(values))
        else:
            # a share of her own, fixed in a quantity ("出嫁女按0.5个人口计算", "出嫁女配股1股", "每人补偿2000元"):
            # a rule that names her to fix her share treats her apart, unless it says the share is the same
            quantity = _QUANTITY.search(text, women.end())
            # the whole name ("外嫁女", not its "嫁"), then nothing but spaces or a colon before the quantity
            named_end = max((p + len(w) for p in range(max(0, women.start() - 2), women.start() + 1)
                             for w in _WOMEN_WORDS if text.startswith(w, p) and p + len(w) > women.start()),
                            default=women.end())
            table = quantity is not None and _TABLE_GAP.match(text, named_end).end() == quantity.start()
            if quantity is not None and (_SHARE_WORDS.search(text) or table) and not _SAME.search(text):
                add("women", women.group(0), quantity.group(0).strip())
    if women is not None and "women" not in out and not s.protective and not s.eligible():
        # Last resort: marital status named, something negated or cut, and a share named in the same sentence.
        negative = next((m for m in _NEGATIVE.finditer(text) if not s.protected(m.start())
                         and m.start() > women.start() and not _HER_CONDITION.match(text, m.start())), None)
        taken = _OBJECT.search(text)
        zero = _ZERO_SHARE.search(text, women.end())
        if negative is None and zero is not None:
            negative, taken = zero, _OBJECT.search(zero.group(0))
        if negative is not None and taken is not None and not _HONOURS.search(text):
            add("women", women.group(0), negative.group(0), taken.group(0))
    if women is not None and "women" not in out and not s.eligible():
        # protective words govern only their own clause and those before: "出嫁女享有同等权利,但须迁出户口"
        # and "依法保障妇女权益,出嫁女由婆家解决承包地" still restrict her
        shield = max((clause_bounds(text, m.start())[1] for m in _PROTECTIVE_WORDS.finditer(text)), default=-1)
        restricted = next((m for m in _WOMEN_RESTRICTED.finditer(text, max(women.end(), shield))
                           if (not s.protected(m.start()) or m.group(0).startswith(("不", "无")))
                           and not _HER_CHOICE.search(text, max(0, m.start() - 4), m.start())
                           and not _CLERICAL.match(text, m.end())
                           and not _CLERICAL_BEFORE.search(text, max(0, m.start() - 6), m.end())), None)
        if (s.protective and shield < 0) or _FAMILY_CHOICE.search(text):
            restricted = None
        if restricted is None and not s.protective:
            # left out by name ("分配对象…(不含外嫁女)", "不包括已出嫁的女儿")
            restricted = _EXCLUDED_BEFORE.search(text, max(0, women.start() - 8), women.start())
        if restricted is not None and not _EVERYONE_DUTY.search(text) and not _HONOURS.search(text):
            add("women", women.group(0), restricted.group(0))
    if women is not None and "women" not in out and not s.protective and not s.eligible():
        # Last of all: named by marital status in a rule that settles a share (分配, 补偿, 分红…), and not
        # given the same share or help: singled out. Nothing taken is named, so it needs review (a warning).
        share = _OBJECT.search(text, women.end())
        if share is not None and _SHARE_WORDS.search(text) and not _SAME.search(text) and not _GIVEN.search(text) \
                and not _EVERYONE_DUTY.search(text) and not _HONOURS.search(text):
            add("women", women.group(0), share.group(0), review=True)
    member = _MEMBERSHIP.search(text)
    if member is not None and not out and not s.protective and not s.eligible() and not _HONOURS.search(text):
        # a member named by a change of 户口 or status whose share is ended, passed on or kept to a part
        cut = next((m for m in _MEMBER_CUT.finditer(text, member.end()) if not s.protected(m.start())), None)
        if cut is not None and _OBJECT.search(text) and not _SAME.search(text):
            add("membership", member.group(0), cut.group(0).strip())
    men_only = _MEN_ONLY.search(text)
    if men_only is not None and "women" not in out and not s.protective and not _EVERYONE_DUTY.search(text):
        add("women", men_only.group(0))
    women_rule = _first(_WOMEN_RULES, s, condition_ok=True, leading_prohibitor=True)
    if women_rule is not None and not s.protective:
        add("women", women_rule.group(0))

    # Penalties the village has no power to impose.
    fine = (_first(_FINE, s, authority_ok=False) or _first(_FINE_AMOUNT, s, authority_ok=False)
            or _first(_FINE_LONG, s, authority_ok=False) or _first(_MULTIPLE, s, authority_ok=False))
    if fine is None and not _FEE.search(text):
        fine = _first(_DEMANDED, s, authority_ok=False)  # "村委会要求其缴纳5000元"
    if fine is None:
        paid = _first(_PAY_AMOUNT, s, authority_ok=False)
        if paid is not None and any(b < paid.start() for b in s.breaks) and not _FEE.search(text) and not _PRICE.search(
                paid.group(0)):
            fine = paid
    if fine is None:
        ranged = _RANGE_FINE.search(text)
        if ranged is not None and not _NOT_A_FINE.search(text) and not s.by_authority(ranged.start()):
            fine = ranged
    if fine is not None and fine.group(0) in ("违约金", "滞纳金") and _AGREED.search(text):
        fine = None  # "按承包合同约定支付违约金": a civil contract's own term, not a penalty the village sets
    if fine is not None:
        # name the amount read with the fine ("罚款" + "一千元"), when the fine's clause has one
        cstart, cend = clause_bounds(text, fine.start())
        amount = _AMOUNTS.search(text, fine.start(), cend) or _AMOUNTS.search(
            text, max(cstart, fine.start() - 10), fine.start())
        extra = amount.group(0).strip() if amount and amount.group(0).strip() not in fine.group(0) else ""
        add("fine", fine.group(0), extra)
    # "上户口不收费", "婚嫁不收受礼金": money refused is no fee; a later demand in the sentence still is
    fee = next((m for m in _FEE.finditer(text) if not _NO_CHARGE.search(m.group(0)) and not s.protected(m.start())
                and "罚" not in m.group(0)), None)  # a fine paid is the fine's reading
    deposit = _first(_DEPOSIT, s, condition_ok=True)
    if fee is not None:
        add("fee", fee.group(0))
    elif deposit is not None and not _CONTRACT.search(text):
        add("fine", deposit.group(0))
    takings = list(_unprotected(_PROPERTY, s, authority_ok=False))
    prop = takings[0] if takings else None
    if prop is not None and prop.group(0).endswith("所有") and _COMMONS.search(text, 0, prop.start()):
        prop = None
    if prop is not None:  # every taking word it read: "没收其工具,停水停电" names 没收 and 停水停电
        add("property", *dict.fromkeys(m.group(0) for m in takings))
    liberty = _first(_LIBERTY, s, authority_ok=False)
    if liberty is not None:
        add("liberty", liberty.group(0))
    humiliation = _first(_HUMILIATION, s)
    if humiliation is not None:
        add("humiliation", humiliation.group(0))
    else:
        exposure = _first(_EXPOSURE, s)
        # Naming a person is a sanction (to review); publishing names in 村务公开 (公示低保名单) is disclosure.
        punished = exposure is not None and ("曝光" in exposure.group(0) or any(
            b < exposure.start() for b in s.breaks) or not _DISCLOSURE.search(text))
        if punished and (_IDENTITY.search(exposure.group(0)) or _IDENTITY.search(
                text, max(0, exposure.start() - 12), exposure.end() + 12) or (
                _PERSON_CONDITION.search(text) and not _BEHAVIOUR.search(text, 0, exposure.start()))):
            add("humiliation", exposure.group(0), review=True)

    collective = _collective(s, deprivations)
    if collective is not None and not ("women" in out and collective[0] in ("子女", "子孙", "后代")):
        add("collective", *collective)
        out.pop("entitlement", None)  # the taking is the relatives' punishment, reported as such

    # A taking for a birth outside the plan is also a birth rule (the corpus names it either way).
    if birth_subject_taking(out, text):
        add("birth", _BIRTH.search(text).group(0))
    # A taking of 户口 for a birth is first a birth rule.
    birth_subject = _BIRTH.search(text)
    if birth_subject and "entitlement" in out and _REGISTRATION.search("".join(out["entitlement"].matched)):
        add("birth", birth_subject.group(0))
        del out["entitlement"]

    # Freedoms the village may not restrict.
    marriage = _first(_MARRIAGE, s, condition_ok=True, leading_prohibitor=True) or _first(
        _MARRIAGE_LEAVE, s, condition_ok=True)
    if marriage is not None and not _MARRIAGE_LAWFUL.search(text):
        add("marriage", marriage.group(0))
    voided = _first(_MARRIAGE_VOID, s, condition_ok=True)
    if voided is not None and not _MARRIAGE_VOID_LAWFUL.search(text) and not s.protective:
        add("marriage", voided.group(0))
    birth = _first(_BIRTH_RULES, s, condition_ok=True, leading_prohibitor=True)
    if birth is not None:
        add("birth", birth.group(0))
    elif ("fine" in out or "fee" in out) and _BIRTH_TOPIC.search(text):
        add("birth", _BIRTH_TOPIC.search(text).group(0))
    religion = _first(_RELIGION_RULES, s, condition_ok=True, leading_prohibitor=True)
    if religion is not None and not _RELIGION_LAWFUL.search(text):
        add("religion", religion.group(0))
    burial = _first(_BURIAL_FORCE, s)
    if burial is None and not _BURIAL_LAWFUL.search(text):
        burial = _first(_BURIAL_BANS, s, condition_ok=True, leading_prohibitor=True)
    if burial is not None:
        add("burial", burial.group(0))
    elif "fine" in out and _BURIAL.search(text):
        add("burial", _BURIAL.search(text).group(0))
    petition = _first(_PETITION_BAN, s, condition_ok=True, leading_prohibitor=True)
    if petition is not None and not _PETITION_LAWFUL.search(text, petition.start(), petition.end() + 4):
        add("petition", petition.group(0))
    elif _PETITION.search(text) and not _PETITION_LAWFUL.search(text, _PETITION.search(text).start()) and (
            {"fine", "liberty", "fee", "property"} & out.keys() or _first(_SANCTION, s, condition_ok=True)):
        # a petitioner punished in any way ("上访者取消其村民代表资格")
        add("petition", _PETITION.search(text).group(0))
    movement = _first(_MOVEMENT, s, leading_prohibitor=True) or _first(_CHECKPOINTS, s)
    if movement is not None and not _MOVEMENT_LAWFUL.search(text):
        add("movement", movement.group(0))
    voting = _first(_VOTING, s, leading_prohibitor=True)
    if voting is not None and not _VOTING_LAWFUL.search(text) and not s.protective:
        add("voting", voting.group(0))
    # A sanction that falls on belief is first a wrong against that freedom.
    religion_subject = _RELIGION.search(text)
    if (out or deprivations) and religion_subject and not _RELIGION_LAWFUL.search(text):
        add("religion", religion_subject.group(0))
    elif religion_subject and not _RELIGION_LAWFUL.search(text) and not s.protective:
        # believers barred from an office or a chance ("信教的村民,不得担任组长"): the bar the collective
        # reading knows, falling on belief
        barred = _COLLECTIVE_BAR.search(text, religion_subject.end())
        if barred is not None and not s.double_negated(barred.start()):
            add("religion", religion_subject.group(0), barred.group(0))
    expulsion = _first(_EXPULSION, s)
    if expulsion is not None and not s.eligible():
        women = _WOMEN.search(text)
        if women is not None:  # a married-out woman made to leave: her rights as a woman first
            add("women", women.group(0), expulsion.group(0))
        else:
            add("expulsion", expulsion.group(0))
        out.pop("entitlement", None)  # what an expelled villager loses follows from the expulsion
    if not out and not s.protective:
        # The words said nothing: read the consequence by the class of what it takes.
        for category, word in sanction.read(s):
            add(category, word)
    return out


def read(sentence: str) -> list[Reading]:
    """Every unlawful (or to-be-reviewed) thing `sentence` does, one reading per category, in report order.

    The sentence is read in Simplified characters, without pinyin glosses ("嚴(yán)禁" reads 严禁); the
    words of each reading are quoted from the sentence as written (the Simplified reading has the same
    length as the gloss-free sentence, character for character).
    """
    base = _GLOSS.sub("", sentence)
    reading = simplified(base)
    out = _read(reading)

    def original(word: str) -> str:
        at = reading.find(word)
        return base[at:at + len(word)] if at >= 0 else word

    return [Reading(c, tuple(original(w) for w in out[c].matched), out[c].review) for c in CATEGORIES if c in out]
