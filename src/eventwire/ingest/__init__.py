"""Ingest: read documents from files, directories, feeds and stdin; clean and identify them."""

from __future__ import annotations

from eventwire.ingest.language import LanguageDetector, LanguageGuess
from eventwire.ingest.readers import READABLE_SUFFIXES, read_documents, read_path
from eventwire.ingest.text import content_hash, normalise_text

__all__ = [
    "READABLE_SUFFIXES",
    "LanguageDetector",
    "LanguageGuess",
    "content_hash",
    "normalise_text",
    "read_documents",
    "read_path",
]
