"""The NLP stage: sentence starts at line breaks and after datelines."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("MOSCOW (Reuters) - Russia expelled two diplomats.", "MOSCOW (Reuters) -"),
        ("NAIROBI, June 4 (AP) -- Kenyan police fired tear gas.", "NAIROBI, June 4 (AP) --"),
        (
            "GAZA CITY, Palestinian Territories: Two men were killed.",
            "GAZA CITY, Palestinian Territories:",
        ),
        ("LIMA: Peru recalled its envoy.", "LIMA:"),
        # no dateline: a verb before the dash, a subject in capitals
        (
            "US troops attacked a convoy - officials said.",
            "US troops attacked a convoy - officials said.",
        ),
        ("NATO allies met in Brussels.", "NATO allies met in Brussels."),
        # a line break ends a sentence
        ("Ceasefire holds\nBoth sides kept the truce.", "Ceasefire holds"),
    ],
)
def test_nlp_sentence_starts(nlp, text: str, first: str) -> None:
    assert next(iter(nlp(text).sents)).text.strip() == first


@pytest.mark.parametrize(
    ("headline", "word", "dep"),
    [
        ("Peru expels Mexican ambassador over asylum row", "Peru", "nsubj"),
        # a verb with a subject is left as parsed, and so is a participle at the root
        ("Police have arrested three men in Lagos.", "Police", "nsubj"),
        ("Turkish guards shot at Syrian migrants.", "guards", "nsubj"),
    ],
)
def test_headline_grammar_relabels_headline_forms(nlp, headline: str, word: str, dep: str) -> None:
    doc = nlp(headline)
    assert next(t for t in doc if t.text == word).dep_ == dep
