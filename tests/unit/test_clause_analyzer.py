"""The clause analyzer behind the 村规民约 legality check (issue 17, "A clause analyzer, not a word list").

Each category: unlawful phrasings (the issue's own examples among them) that
must be flagged as errors with that category, and lawful look-alikes
(protective wording, lawful sanctions, the authorities acting under the law)
that must stay silent. These are development sentences written for the
analyzer; the labelled corpus in tests/data/clauses measures it.
"""

from __future__ import annotations

import time

import pytest

from models.rules.clauses.numbers import parse_amount
from models.rules.clauses.sentences import sentences
from models.rules.legality import ERROR, WARNING, check_sentence, check_text

UNLAWFUL = [
    # women: who (married-out, divorced, widowed, married-in men and their children) x what happens x what is taken
    ("出嫁女户口未迁出的,不再参与土地承包和集体收益分配。", "women"),
    ("离婚妇女不再分配宅基地。", "women"),
    ("嫁出的人户口不迁出的,以后不再享受村里的福利。", "women"),
    ("外嫁女一律不享受征地补偿款。", "women"),
    ("丧偶妇女再婚的,收回其承包地。", "women"),
    ("入赘女婿及其子女不享受村民待遇。", "women"),
    ("女儿出嫁后,其分红减半发放。", "women"),
    ("出嫁女的土地补偿款由其娘家户主领取。", "women"),
    ("纯女户只能留一个女儿在家招婿,其余出嫁女不得参与分配。", "women"),
    # membership
    ("再婚配偶户口迁入不享受集体经济组织成员分配。", "membership"),
    ("户口迁出本村的大中专学生,不再享受集体分红。", "membership"),
    ("农转非人员一律收回承包地。", "membership"),
    ("刑满释放人员三年内不享受分红。", "membership"),
    ("新迁入人员不得参与征地补偿款分配。", "membership"),
    # entitlement (withheld as a punishment)
    ("不履行赡养义务的,取消其当年集体分红。", "entitlement"),
    ("不交卫生费的,停发低保。", "entitlement"),
    ("不交钱的不给办证。", "entitlement"),
    ("拒不参加义务劳动的,村委会不予出具任何证明。", "entitlement"),
    ("不服从村里安排的,扣发其粮食补贴。", "entitlement"),
    # fine (Arabic and Chinese numerals, other names)
    ("乱砍滥伐的,罚款一千元。", "fine"),
    ("违者罚款五百元。", "fine"),
    ("打架的罚两千块。", "fine"),
    ("严禁赌博,违者罚款200元。", "fine"),
    ("乱倒垃圾的,处以50元罚款。", "fine"),
    ("违者罚工十天。", "fine"),
    ("偷盗庄稼的,罚放电影一场。", "fine"),
    ("不听劝阻的,给予经济处罚。", "fine"),
    ("乱停乱放的,每次交纳100元。", "fine"),
    # property
    ("乱放牲畜的,没收其牲畜。", "property"),
    ("拒不配合的,停水停电。", "property"),
    ("私自采砂的,扣押其车辆。", "property"),
    # liberty
    ("对偷盗者予以扣留。", "liberty"),
    ("将违反者关在村部反省。", "liberty"),
    ("偷盗者由治保会关押三天。", "liberty"),
    ("对可疑人员可以搜身。", "liberty"),
    # humiliation
    ("对小偷押着游行。", "humiliation"),
    ("对违反者进行游街示众。", "humiliation"),
    ("偷鸡者挂牌在村口示众一天。", "humiliation"),
    ("对不孝子女罚跪祠堂。", "humiliation"),
    # collective
    ("违反者全户取消分红。", "collective"),
    ("违者血亲三代不得入党参军。", "collective"),
    ("违反本约者,其子女不得参军、升学。", "collective"),
    ("一人违约,全家人不得享受村集体福利。", "collective"),
    # fee
    ("户口要留在娘家必须交2.5万元。", "fee"),
    ("外省结婚交1500元,未婚住在一起每年500元。", "fee"),
    ("建房须交押金5000元。", "fine"),
    ("外来人员落户须缴纳入户费三千元。", "fee"),
    ("开具证明每次收取工本费20元。", "fee"),
    # voting
    ("拒不改正的,取消其选举权。", "voting"),
    ("拖欠公益款的,不得参加村委会选举。", "voting"),
    ("外出务工人员不准参加村民代表选举投票。", "voting"),
    # expulsion
    ("屡教不改者,开除村籍。", "expulsion"),
    ("长期不缴纳集体款项的,取消其村民资格。", "expulsion"),
    ("凡户口可以迁出的村民,必须迁出。", "expulsion"),
    # marriage
    ("本村姑娘不准嫁外省。", "marriage"),
    ("青年结婚须经村委会批准。", "marriage"),
    ("寡妇不准改嫁。", "marriage"),
    # birth
    ("超生户不分地。", "membership"),
    ("超生的,罚款五千元。", "birth"),
    ("生育二胎须经村委会同意。", "birth"),
    # religion
    ("信教群众不得享受低保。", "religion"),
    ("禁止村民信教。", "religion"),
    # burial
    ("土葬的罚款5000元。", "burial"),
    ("不火化的,取消其家属的分红。", "burial"),
    ("对乱埋乱葬的,由村委会组织强行挖坟。", "burial"),
    # petition
    ("上访的扣除其补偿款。", "petition"),
    ("不准上访。", "petition"),
    ("到县里上访的,停发其低保。", "petition"),
    # movement
    ("外出务工须经村委会批准。", "movement"),
    ("晚上十点以后不准外出。", "movement"),
    ("在进村路口私设关卡,向过往车辆收费。", "movement"),
]

LAWFUL = [
    # protective wording
    "不得以村规民约名义罚款。",
    "离婚、丧偶妇女的承包经营权,不得收回。",
    "严禁罚款。",
    "严禁非法搜身。",
    "不得对他人非法搜身和限制他人人身自由。",
    "严禁游街示众、私设关卡。",
    "不得收取结婚押金。",
    "出嫁女与其他村民享有同等权利。",
    "男到女家落户的,与本村村民一视同仁。",
    "妇女享有与男子平等的权利,不得以出嫁、离婚、丧偶为由侵害妇女在集体经济组织中的权益。",
    "出嫁女享有与本村村民同等的土地承包权和收益分配权。",
    "入赘男子及其子女与本村村民享有同等待遇。",
    "保障出嫁、离婚、丧偶妇女的合法权益。",
    "妇女结婚后户口未迁出的,依法享有与其他村民同等的集体收益分配权。",
    "任何人不得以出嫁为由收回妇女的承包地。",
    "不得株连家属。",
    "不得剥夺村民的选举权。",
    "禁止包办、买卖婚姻和其他干涉婚姻自由的行为。",
    "尊重村民的宗教信仰自由,不得歧视信教群众。",
    # lawful sanctions
    "违者批评教育,责令改正。",
    "取消其评优评先资格。",
    "依法报请有关部门处理。",
    "对违反本约的,由村民委员会进行批评教育,并责令赔礼道歉、赔偿损失。",
    "情节严重的,取消其当年文明户评选资格。",
    "在村务公开栏通报批评。",
    "损坏公共设施的,照价赔偿。",
    "构成违反治安管理行为的,由公安机关依法处理。",
    "违反森林法的,由林业部门依法处以罚款。",
    # ordinary rules and look-alikes
    "红白喜事由红白喜事理事会管理,喜事新办,丧事从俭。",
    "村民应当爱护环境,生活垃圾定点投放。",
    "提倡婚事新办,反对高额彩礼。",
    "子女应当赡养老人,不得虐待、遗弃老人。",
    "每户每年交纳卫生保洁费60元。",
    "集体收益按照村民会议决定的方案分配。",
    "不符合低保条件的,不予审批。",
    "骗取低保的,取消其低保资格并追回款项。",
    "在新居住地已取得承包地的,原承包地依法收回。",
    "宅基地实行一户一宅,未经批准不得建房。",
    "犬只应当拴养或者圈养,不得放任流浪。",
    "实行火葬,倡导文明节俭办丧事。",
    "禁止在耕地上建坟。",
    "村民有权对村务提出批评和建议,可以依法逐级反映问题。",
    "村民外出务工的,应当将承包地委托他人代耕,不得撂荒。",
    "年满十八周岁的村民,不分民族、性别、宗教信仰,都有选举权和被选举权。",
    "选举期间外出不能参加投票的,可以书面委托本村有选举权的近亲属代为投票。",
    "提出取消村民代表资格的要求,由村民会议表决。",
    "严禁私设关卡、乱收费。",
    "严禁借婚姻索取财物。",
    "禁止近亲结婚。",
    "抵制邪教,禁止利用宗教干预村务。",
    "承包方应当按照合同约定交纳履约保证金。",
    "全家外出的,应当告知村民小组长,以便联系。",
    "对举报人的姓名予以保密。",
    "不准在公路上晒粮、堆放杂物。",
    "严禁酒后驾驶,违者由交警部门依法处理。",
    "本村实行殡葬改革,逝者一律火化。",
]


@pytest.mark.parametrize(("sentence", "category"), UNLAWFUL)
def test_unlawful_clause_is_an_error_of_its_category(sentence, category):
    findings = check_sentence(sentence)
    assert category in [f.category for f in findings], [(f.category, f.matched) for f in findings]
    finding = next(f for f in findings if f.category == category)
    assert finding.severity == ERROR and finding.matched and finding.basis
    assert all(word in sentence for word in finding.matched)  # the words it read are in the sentence
    assert "违法" in str(finding.message) and "依据" in finding.text()


@pytest.mark.parametrize("sentence", LAWFUL)
def test_protective_wording_and_lawful_sanctions_stay_silent(sentence):
    assert check_sentence(sentence) == [], [(f.category, f.matched) for f in check_sentence(sentence)]


def test_naming_a_person_in_public_needs_review():
    [finding] = check_sentence("在村务公开栏曝光其姓名和照片。")
    assert (finding.category, finding.severity) == ("humiliation", WARNING)


def test_each_finding_cites_the_law_it_breaks():
    [fine] = check_sentence("违者罚款五百元。")
    assert "《行政处罚法》(2021)第十七条" in fine.text()
    [women] = check_sentence("离婚妇女不再分配宅基地。", on="2024-05-01")
    assert "《妇女权益保障法》(2022)第五十六条" in women.text() and "《村民委员会组织法》(2018)第二十七条" in women.text()
    [later] = check_sentence("离婚妇女不再分配宅基地。", on="2026-03-01")
    assert "《村民委员会组织法》(2025)" in later.text() and "(2018)第二十七条" not in later.text()
    [liberty] = check_sentence("偷盗者由治保会关押三天。")
    assert "《宪法》(2018)第三十七条" in liberty.text()


def test_amounts_in_arabic_and_chinese_numerals():
    assert parse_amount("罚款一千元") == 1000
    assert parse_amount("五百元") == 500
    assert parse_amount("两千块") == 2000
    assert parse_amount("必须交2.5万元") == 25000
    assert parse_amount("1,500 元") == 1500
    assert parse_amount("两万五千元") == 25000
    assert parse_amount("壹佰元") == 100
    assert parse_amount("没有钱") is None


def test_sentences_end_at_ascii_stops_but_not_at_decimal_points():
    text = "户口要留在娘家必须交2.5万元.违者罚款200元;严禁赌博\n第二句"
    assert sentences(text) == ["户口要留在娘家必须交2.5万元.", "违者罚款200元;", "严禁赌博", "第二句"]
    assert [f.category for f in check_text(text)] == ["fee", "fine"]


def test_two_hundred_articles_check_well_under_a_second():
    clauses = [sentence for sentence, _ in UNLAWFUL] + LAWFUL
    texts = ["".join(clauses[(i + k) % len(clauses)] for k in range(3)) for i in range(200)]
    start = time.perf_counter()
    from models.rules.legality import check_articles
    check_articles(texts)
    assert time.perf_counter() - start < 0.5
