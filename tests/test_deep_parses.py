"""Walks over the parse are loops or bounded: a parse thousands of links deep costs no crash.

The docs are built by hand (no model): a chain of conjuncts as deep as a list of 20,000 names
would parse.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.actors.resolver import phrase_tokens
from eventwire.events.cues import is_negated
from eventwire.events.stories import MAX_SENTENCE_TOKENS, paragraphs

DEPTH = 20_000
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def chain(depth: int, *, negated: bool) -> Doc:
    """`not meet A B C ...`: `meet` and then each word a conjunct of the one before it."""
    words = ["not", "meet"] + [f"w{n}" for n in range(depth)]
    heads = [1, 1] + list(range(1, depth + 1))
    deps = ["neg" if negated else "advmod", "ROOT"] + ["conj"] * depth
    return Doc(VOCAB, words=words, heads=heads, deps=deps)


def test_deep_parses_negation_walk_is_a_bounded_loop() -> None:
    doc = chain(DEPTH, negated=True)
    assert is_negated(doc[1]) and is_negated(doc[4])  # near the negated verb: negated
    assert not is_negated(doc[-1])  # thousands of links away: no longer counted
    assert not is_negated(chain(DEPTH, negated=False)[-1])


def test_deep_parses_phrase_walk_is_a_loop() -> None:
    doc = chain(DEPTH, negated=False)
    assert len(phrase_tokens(doc[2])) == DEPTH


def test_deep_parses_overlong_sentences_are_not_coded() -> None:
    words = ["Iran", "met", "Russia", "."] + ["word"] * (MAX_SENTENCE_TOKENS + 1)
    starts = [True, False, False, False, True] + [False] * MAX_SENTENCE_TOKENS
    doc = Doc(VOCAB, words=words, sent_starts=starts)
    assert [[index for index, _ in part] for part in paragraphs(doc)] == [[0]]
