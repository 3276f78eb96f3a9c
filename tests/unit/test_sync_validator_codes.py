"""The code lists the boundary validator copies from the services are the services' own.

`models.sync.validator.ENUMS` may not import desktop/ (layers), so the codes
of a few columns are written out there; the services that write those columns
are the truth, and this test holds the copies equal to them.
"""

from __future__ import annotations

from desktop.services import rules_service
from models.sync import validator


def test_rule_triggers_and_opinion_sources_are_the_services():
    assert validator.ENUMS["rule_version", "trigger"] == frozenset(rules_service.TRIGGERS)
    assert validator.ENUMS["rule_opinion", "source"] == frozenset(rules_service.SOURCES)


def test_the_committee_seats_and_appraisal_bodies_are_the_services():
    """The committee's seats and an appraisal's body: the codes the service writes (no constant names them)."""
    import inspect

    from desktop.services import supervision_service

    source = inspect.getsource(supervision_service)
    assert 'position="chair" if chair else "member"' in source
    assert validator.ENUMS["committee_member", "position"] == frozenset({"chair", "member"})
    assert 'if body not in ("assembly", "representatives"):' in source
    assert validator.ENUMS["appraisal", "body"] == frozenset({"assembly", "representatives"})
