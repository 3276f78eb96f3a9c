from __future__ import annotations

from pathlib import Path

import pytest

from models.rules.legality import ERROR, check_sentence, check_text

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
if not SAMPLES.is_dir():
    pytest.fail(f"{SAMPLES} not found: the team's shared/ folder must sit beside the checkout, as in CI",
                pytrace=False)


@pytest.mark.parametrize(("sentence", "category", "severity"), [
    ("出嫁女不管户口是否迁出,不再享有集体土地的使用权和生产经营权。", "women", ERROR),
    ("离婚女性不管是否改嫁,户口是否迁出,田土一律调整;", "women", ERROR),
    ("男到女家,男的不参与田土分配。", "women", ERROR),
    ("丧偶妇女再婚的,收回其承包地。", "women", ERROR),
    ("户口要留在娘家必须交2.5万元。", "fee", ERROR),
    ("外省结婚交1500元,未婚住在一起每年500元。", "fee", ERROR),
    ("对违反者进行游街示众。", "humiliation", ERROR),
    ("偷盗者由治保会关押三天。", "liberty", ERROR),
    ("违反本约者,其子女不得参军、升学。", "collective", ERROR),
    ("拒不改正的,取消其选举权。", "voting", ERROR),
    ("严禁赌博,违者罚款200元。", "fine", ERROR),
    ("乱倒垃圾的,处以50元罚款。", "fine", ERROR),
    ("不履行赡养义务的,取消其当年集体分红。", "entitlement", ERROR),
])
def test_unlawful_or_doubtful_clauses_are_flagged(sentence, category, severity):
    findings = check_sentence(sentence)
    assert [(f.category, f.severity) for f in findings][:1] == [(category, severity)], findings
    assert findings[0].basis and "依据" in findings[0].text()


@pytest.mark.parametrize("sentence", [
    "严禁非法搜身。",
    "不得对他人非法搜身和限制他人人身自由。",
    "妇女享有与男子平等的权利,不得以出嫁、离婚、丧偶为由侵害妇女在集体经济组织中的权益。",
    "出嫁女享有与本村村民同等的土地承包权和收益分配权。",
    "男到女家落户的,与本村村民一视同仁。",
    "严禁游街示众、私设关卡。",
    "严禁罚款。",
    "不得收取结婚押金。",
    "红白喜事由红白喜事理事会管理,喜事新办,丧事从俭。",
])
def test_protective_and_ordinary_clauses_are_not_flagged(sentence):
    assert check_sentence(sentence) == []


def test_the_news_report_sample_and_the_law_itself():
    news = next(SAMPLES.glob("ill_01*")).read_text("utf-8")
    categories = [f.category for f in check_text(news)]
    assert categories.count("women") >= 3 and "fee" in categories
    law = next(SAMPLES.glob("law_01*")).read_text("utf-8")
    assert [f for f in check_text(law) if f.severity == ERROR] == []
