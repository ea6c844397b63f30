"""Argument rules: how the coder finds who did an act, one case per named rule."""

from __future__ import annotations

import pytest

from eventwire.events.roles import SUBJECT_RULES, subject_by_rule
from test_attributes_support import trigger_in

pytestmark = pytest.mark.model

# rule, sentence, the verb, the head word of the subject it finds (None: no subject)
SUBJECTS = [
    ("passive agent", "Kyiv was shelled by Russian troops.", "shelled", "troops"),
    ("passive agent", "Two men were arrested on Monday.", "arrested", None),
    ("own subject", "Russian forces shelled Kharkiv.", "shelled", "forces"),
    ("own subject", "The army, which attacked the town, lost ten men.", "attacked", "army"),
    ("sentence root", "Release the prisoners now.", "Release", None),
    ("noun before gerund", "The talks resulted in Egypt sending troops.", "sending", "Egypt"),
    ("planned passive", "The ministers are scheduled to meet in Cairo.", "meet", "ministers"),
    ("object control", "Washington urged Israel to withdraw its troops.", "withdraw", "Israel"),
    ("controller", "Iran is ready to send troops.", "send", "Iran"),
    ("controller", "Kenya agreed to release the prisoners.", "release", "Kenya"),
    ("own subject", "Rebels who seized the town fled north.", "seized", "Rebels"),
    ("passive conjunct", "The group was not involved in or supporting it.", "supporting", "group"),
    ("relative head", "It was the army's role to liberate the city.", "liberate", "role"),
    ("prepositional clause", "Turkey accused Greece of violating it.", "violating", "Greece"),
    ("participle head", "Troops patrolling the border were attacked.", "patrolling", "Troops"),
]  # fmt: skip


def test_roles_every_subject_rule_has_a_case() -> None:
    assert {rule for rule, *_ in SUBJECTS} == {rule.name for rule in SUBJECT_RULES}


@pytest.mark.parametrize(("rule", "sentence", "verb", "subject"), SUBJECTS)
def test_roles_subject_rule(nlp, rule: str, sentence: str, verb: str, subject: str | None):
    found, used = subject_by_rule(trigger_in(nlp, sentence, verb))
    assert used == rule
    assert (found.text if found is not None else None) == subject
