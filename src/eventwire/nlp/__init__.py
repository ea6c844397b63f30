"""The NLP stage: one spaCy pipeline, loaded once, configured by the `model` setting."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelNotFoundError
from eventwire.settings import DEFAULT_MODEL

LINE_BREAKS = "eventwire_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and datelines have no full stop,
    and the parser would otherwise run them into the first sentence of the story."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `model` (a package name or a path), once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"E001 The spaCy pipeline {model!r} is not installed. Install eventwire with its "
            f"dependencies (`pip install -e .`) or set the `model` setting to an installed one."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp
