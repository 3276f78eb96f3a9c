"""The papers print the village once, however the secretary named the election."""

from __future__ import annotations

from desktop.services.election_papers_service import paper_label


def test_the_village_is_not_said_twice():
    assert paper_label("石桥村", "石桥村第十二届村民委员会换届选举") == "第十二届村民委员会换届选举"
    assert paper_label("石桥村", "第十二届村民委员会换届选举") == "第十二届村民委员会换届选举"
    assert paper_label("石桥村", "石桥村") == "石桥村"  # nothing would be left: kept as typed
    assert paper_label("", " 补选村民委员会委员 ") == "补选村民委员会委员"
