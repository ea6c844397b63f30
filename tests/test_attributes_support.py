"""Helpers shared by the attributes tests (no tests here): find a trigger token by its word."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Token

DIGEST = "000_b0d5a201b81589cc.txt"


def trigger_in(nlp: Language, sentence: str, word: str) -> Token:
    """The first token spelled `word` in the parsed `sentence`."""
    doc = nlp(sentence)
    matches = [token for token in doc if token.text == word]
    assert matches, f"no token {word!r} in {sentence!r}"
    return matches[0]


def seed_trigger(
    nlp: Language, seeds: dict[str, tuple[str, str]], phrase: str, word: str
) -> tuple[Token, dt.date]:
    """The token `word` in the seed-digest sentence that contains `phrase`, and the
    digest's publication date. The seed text is read at test time, never copied."""
    text, date = seeds[DIGEST]
    paragraph = next((p for p in text.splitlines() if phrase in p), None)
    assert paragraph is not None, f"no paragraph of {DIGEST} contains {phrase!r}"
    sentence = next(s for s in nlp(paragraph).sents if phrase in s.text)
    matches = [token for token in sentence if token.text == word]
    assert matches, f"no token {word!r} in {sentence.text!r}"
    return matches[0], dt.date.fromisoformat(date)
