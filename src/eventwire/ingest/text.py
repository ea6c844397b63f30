"""Text normalisation and content hashing, so the same story always has the same key."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, one space for runs of blanks, stripped lines, at most one empty line in a row.

    Copies of one story that differ only in encoding or layout then hash the same, and the
    offsets the coder reports refer to the text the store keeps.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """sha256 (hex) of already normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
