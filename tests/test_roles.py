"""Argument rules: how the coder finds who did an act, one case per named rule."""

from __future__ import annotations

import pytest

from eventwire.events.frames import Frame
from eventwire.events.roles import (
    NOUN_SOURCE_RULES,
    SUBJECT_RULES,
    Match,
    noun_sources_by_rule,
    subject_by_rule,
    verb_subjects,
)
from test_attributes_support import trigger_in

pytestmark = pytest.mark.model


def noun_frame(trigger: int) -> Frame:
    """A stand-in frame: the noun rules read the parse, not what detected the noun."""
    return Frame(trigger, (trigger,), None, "190", "noun", "test", (1, 3), 0, "test")


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
    ("participle head", "Police beat men protesting against the tax.", "protesting", "men"),
]  # fmt: skip


def test_roles_every_subject_rule_has_a_case() -> None:
    assert {rule for rule, *_ in SUBJECTS} == {rule.name for rule in SUBJECT_RULES}


@pytest.mark.parametrize(("rule", "sentence", "verb", "subject"), SUBJECTS)
def test_roles_subject_rule(nlp, rule: str, sentence: str, verb: str, subject: str | None):
    found, used = subject_by_rule(trigger_in(nlp, sentence, verb))
    assert used == rule
    assert (found.text if found is not None else None) == subject


# sentence, the verb, the head words of the phrases that may name its subject, best first
SUBJECT_CANDIDATES = [
    ("Washington urged Israel to withdraw its troops.", "withdraw", ["Israel", "Washington"]),
    # the object of a purpose clause's verb may be its means: the police disperse
    ("Riot police used tear gas to disperse the students.", "disperse", ["gas", "police"]),
    ("Police in Senegal fired tear gas to break up a rally.", "break", ["gas", "Police"]),
    ("Kenya agreed to release the prisoners.", "release", ["Kenya"]),
]


@pytest.mark.parametrize(("sentence", "verb", "subjects"), SUBJECT_CANDIDATES)
def test_roles_subject_candidates(nlp, sentence: str, verb: str, subjects: list[str]) -> None:
    found = verb_subjects(trigger_in(nlp, sentence, verb))
    assert [t.text for t in found] == subjects


# rule, sentence, the event noun, the head word of the source that rule finds
NOUN_SOURCES = [
    ("modifier", "Israeli airstrikes hit Gaza.", "airstrikes", "Israeli"),
    ("modifier", "Russia's attack on Kyiv drew condemnation.", "attack", "Russia"),
    ("agent", "The attack by Hamas killed ten.", "attack", "Hamas"),
    ("agent", "Sanctions imposed by the West hurt Iran.", "Sanctions", "West"),
    ("parties between", "Talks between Armenia and Azerbaijan resumed.", "Talks", "Armenia"),
    ("subject of its verb", "Israel launched airstrikes on Gaza.", "airstrikes", "Israel"),
    ("subject of its verb", "Workers went on strike.", "strike", "Workers"),
]


def test_roles_every_noun_source_rule_has_a_case() -> None:
    assert {rule for rule, *_ in NOUN_SOURCES} == {name for name, _ in NOUN_SOURCE_RULES}


@pytest.mark.parametrize(("rule", "sentence", "noun", "source"), NOUN_SOURCES)
def test_roles_noun_source_rule(nlp, rule: str, sentence: str, noun: str, source: str) -> None:
    token = trigger_in(nlp, sentence, noun)
    match = Match.of(noun_frame(token.i), token.doc)
    found = [(t.text, name) for t, name in noun_sources_by_rule(token, match)]
    assert (source, rule) in found, found
