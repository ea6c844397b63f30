"""The NLP stage: one spaCy pipeline, loaded once, configured by the `model` setting."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelNotFoundError
from eventwire.settings import DEFAULT_MODEL

LINE_BREAKS = "eventwire_line_breaks"
HEADLINE_GRAMMAR = "eventwire_headline_grammar"
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_AS_MODIFIER = frozenset({"compound", "nmod", "npadvmod"})
DATELINE_ENDS = frozenset({":", "-", "--", "\u2013", "\u2014"})
DATELINE_LENGTH = 12
DATELINE_MARKS = frozenset({",", "(", *DATELINE_ENDS})
"""What follows the place of a dateline: "KYIV, ...", "MOSCOW (Reuters) -", "BEIRUT -"."""
UNUSED_COMPONENTS = ("senter",)
"""Not even loaded: the parser splits sentences. Every other component of the English
pipelines is read by the coder: tags and lemmas by the lexicon and cues, the parse by
roles and attributes, entities by dates, places and casualties (without NER the dev gold
set scores 0.610 F1 against 0.636 with it, docs/PERFORMANCE.md)."""


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence, and so does a dateline: headlines, captions and
    datelines have no full stop, and the parser would otherwise run them into the first
    sentence of the story ("GAZA CITY, Palestinian Territories: Four children ...")."""
    starts = [0]
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        end = dateline_end(doc, start)
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    return doc


@Language.component(HEADLINE_GRAMMAR)
def headline_grammar(doc: Doc) -> Doc:
    """Headlines drop the words a parser leans on: a name before a root verb that has no
    subject, parsed as the verb's modifier, is its subject ("Peru expels Mexican
    ambassador"). (A root participle with a subject is left as parsed: the small model
    tags many a plain past tense so, "Turkish guards shot at migrants".)"""
    for sent in doc.sents:
        root = sent.root
        if not root.tag_.startswith("VB") or any(c.dep_ in SUBJECTS for c in root.children):
            continue
        name = next((c for c in root.lefts if c.dep_ in NAME_AS_MODIFIER), None)
        if name is not None and name.pos_ == "PROPN":
            name.dep_ = "nsubj"
    return doc


def dateline_end(doc: Doc, start: int) -> int | None:
    """Where the text after a line's dateline begins: a place in capitals, perhaps with a
    region, date or agency, then a colon or dash ("MOSCOW (Reuters) -", "GAZA CITY,
    Palestinian Territories:"). No verb comes before the mark ("US troops attacked -")."""
    end = min(start + DATELINE_LENGTH, len(doc))
    capitals = dateline_place_end(doc, start, end)
    if capitals is None:
        return None
    for token in doc[capitals:end]:
        if "\n" in token.text or token.tag_.startswith("VB"):
            return None
        if token.text in DATELINE_ENDS:
            return token.i + 1
    return None


def dateline_place_end(doc: Doc, start: int, end: int) -> int | None:
    """The end of the place in capitals that opens a dateline, if the words from `start`
    (up to `end`) read as one: "KYIV" then a comma, a bracket or a dash."""
    capitals = start
    while capitals < end and doc[capitals].is_upper and len(doc[capitals]) > 1:
        capitals += 1
    if capitals in (start, end) or doc[capitals].text not in DATELINE_MARKS:
        return None
    return capitals


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `model` (a package name or a path), once per process."""
    try:
        nlp = spacy.load(model, exclude=UNUSED_COMPONENTS)
    except OSError as exc:
        raise ModelNotFoundError(
            f"E001 The spaCy pipeline {model!r} is not installed. Install eventwire with its "
            f"dependencies (`pip install -e .`) or set the `model` setting to an installed one."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
        nlp.add_pipe(HEADLINE_GRAMMAR, last=True)  # after the tags are mapped to parts of speech
    return nlp
