"""Read counts written in digits or words ("70", "1,200", "three", "a dozen", "twenty-five").

Dates ("two days ago") and casualty counts ("three soldiers were killed") both need this,
so it lives in one place. Words like "dozens" or "hundreds" are counts without a number:
they come back as `VAGUE` so that callers can keep the phrase but report no integer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from types import MappingProxyType


class Vague(Enum):
    """Marks a count that is stated without a number ("dozens", "hundreds")."""

    VAGUE = "vague"


VAGUE = Vague.VAGUE

UNITS = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
        "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    }
)  # fmt: skip
MULTIPLIERS = MappingProxyType(
    {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}
)
ZERO_WORDS = frozenset({"no", "none", "nobody", "zero"})
VAGUE_WORDS = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "scores", "tens", "several", "many",
     "some", "numerous", "few", "multiple", "countless"}
)  # fmt: skip
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a count: digits, number words, "dozen"."""
    lower = word.lower()
    return bool(
        DIGITS.match(lower)
        or lower in UNITS
        or lower in ZERO_WORDS
        or lower in MULTIPLIERS
        or lower in VAGUE_WORDS
        or _is_hyphenated_number(lower)
    )


def parse_count(words: Iterable[str]) -> int | Vague | None:
    """The integer a run of count words stands for, `VAGUE`, or None when it is no count.

    Words that are not count words (such as "at", "least", "over") are ignored, so the
    words of "at least 70" read as 70 and those of "a dozen" as 12.
    """
    total: float = 0
    current: float | None = None
    for word in (w.lower() for w in words):
        if word in ZERO_WORDS:
            return 0
        if word in VAGUE_WORDS:
            return VAGUE
        value = _word_value(word)
        if value is not None:
            current = (current or 0) + value
        elif word in MULTIPLIERS:
            scaled = (current or 1) * MULTIPLIERS[word]
            total, current = (total + scaled, None) if scaled >= 1000 else (total, scaled)
    if current is None and total == 0:
        return None
    return int(total + (current or 0))


def _word_value(word: str) -> float | None:
    """The value of a single number word or digit string, or None."""
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    if word in UNITS:
        return UNITS[word]
    if _is_hyphenated_number(word):
        tens, units = word.split("-")
        return UNITS[tens] + UNITS[units]
    return None


def _is_hyphenated_number(word: str) -> bool:
    """True for "twenty-five" and the like."""
    parts = word.split("-")
    return len(parts) == 2 and all(part in UNITS for part in parts)
