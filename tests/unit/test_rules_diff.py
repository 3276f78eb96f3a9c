from __future__ import annotations

from models.rules.diff import ADDED, CHANGED, REMOVED, SAME, Article, diff_articles, summarize


def version(*texts):
    return [Article(i, f"第{i}条", t) for i, t in enumerate(texts, start=1)]


OLD = version("村民应遵守法律法规。", "爱护公共财物,不得损坏。", "红白喜事从简办理,反对铺张浪费。",
              "搞好环境卫生,垃圾定点堆放。", "邻里之间互谅互让。", "本公约自通过之日起施行。")
NEW = version("村民应遵守法律法规。", "倡导移风易俗,抵制高额彩礼。", "搞好环境卫生,垃圾定点堆放。",
              "红白喜事从简办理,反对大操大办和铺张浪费。", "爱护公共财物,不得损坏。",
              "本公约自村民会议表决通过之日起施行。")


def test_added_removed_changed_moved_renumbered():
    entries = diff_articles(OLD, NEW)
    by_old = {e.old.text: e for e in entries if e.old}
    added = [e for e in entries if e.kind == ADDED]
    assert [e.new.text for e in added] == ["倡导移风易俗,抵制高额彩礼。"]
    assert by_old["邻里之间互谅互让。"].kind == REMOVED
    gift = by_old["红白喜事从简办理,反对铺张浪费。"]
    assert gift.kind == CHANGED and gift.renumbered and gift.new.label == "第4条"
    inserted = [s for s in gift.segments if s[0] != "equal"]
    assert inserted == [("insert", "", "大操大办和")]
    prop = by_old["爱护公共财物,不得损坏。"]
    assert prop.kind == SAME and prop.renumbered and prop.new.label == "第5条"
    assert sum(e.moved for e in entries) >= 1
    s = summarize(entries)
    assert (s.added, s.removed, s.changed) == (1, 1, 2)


def test_identical_versions_have_nothing_to_show():
    entries = diff_articles(OLD, OLD)
    assert all(e.kind == SAME and not e.changed_at_all for e in entries)


def test_renumbering_alone_is_not_a_change_of_text():
    shifted = [Article(a.number + 1, f"第{a.number + 1}条", a.text) for a in OLD]
    entries = diff_articles(OLD, [Article(1, "第1条", "新增的第一条。"), *shifted])
    assert [e.kind for e in entries].count(SAME) == 6
    assert all(e.renumbered for e in entries if e.kind == SAME)
    assert not any(e.moved for e in entries)


def test_removed_article_sits_after_its_old_neighbour():
    entries = diff_articles(OLD, NEW)
    kinds = [(e.kind, (e.old or e.new).text[:4]) for e in entries]
    removed_at = kinds.index((REMOVED, "邻里之间"))
    assert removed_at > 0


def test_a_clause_rewritten_around_its_core_is_a_change_not_a_swap():
    old = version("违反本约乱倒垃圾的,罚款50元。")
    new = version("违反本约乱倒垃圾的,由村民委员会批评教育,责令清理,并在村务公开栏提醒。")
    entries = diff_articles(old, new)
    assert [e.kind for e in entries] == [CHANGED]


def test_unrelated_short_clauses_are_not_paired():
    entries = diff_articles(version("爱护公共财物。"), version("孝敬老人。"))
    assert sorted(e.kind for e in entries) == [ADDED, REMOVED]
