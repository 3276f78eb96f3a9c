"""Kinship read both ways and inferred from parent links (pure logic, no database)."""

from __future__ import annotations

from models.kinship import Link, close_relative_ids, declared, inverse, relatives


def test_inverse_wording_reads_the_link_from_the_other_side():
    assert inverse("parent") == "child" and inverse("child") == "parent"
    assert inverse("grandparent") == "grandchild" and inverse("spouse") == "spouse"
    links = [Link("father", "son", "parent")]  # father 是 son 的父母
    assert [(r.other, r.relation) for r in declared("son", links)] == [("father", "parent")]
    assert [(r.other, r.relation) for r in declared("father", links)] == [("son", "child")]


def test_common_parent_makes_siblings_entered_from_either_side():
    links = [Link("mother", "a", "parent"), Link("b", "mother", "child")]
    found = {(r.other, r.relation, r.inferred, r.via) for r in relatives("a", links)}
    assert ("b", "sibling", True, "mother") in found
    assert ("mother", "parent", False, "") in found
    assert close_relative_ids("a", links) == {"mother", "b"}


def test_parents_parent_is_grandparent_and_inverse_is_grandchild():
    links = [Link("grandma", "dad", "parent"), Link("dad", "kid", "parent")]
    assert ("grandma", "grandparent") in {(r.other, r.relation) for r in relatives("kid", links) if r.inferred}
    assert ("kid", "grandchild") in {(r.other, r.relation) for r in relatives("grandma", links) if r.inferred}
    assert close_relative_ids("grandma", links) == {"dad", "kid"}


def test_declared_relation_is_not_repeated_as_inferred():
    links = [Link("p", "a", "parent"), Link("p", "b", "parent"), Link("a", "b", "sibling")]
    rows = [r for r in relatives("a", links) if r.other == "b"]
    assert len(rows) == 1 and not rows[0].inferred


def test_in_law_and_other_are_not_close_and_infer_nothing():
    links = [Link("x", "a", "in_law"), Link("y", "x", "other")]
    assert close_relative_ids("a", links) == set()
    assert all(not r.inferred for r in relatives("a", links))


def test_self_links_are_ignored():
    assert relatives("a", [Link("a", "a", "parent")]) == []
