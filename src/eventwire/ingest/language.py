"""Language identification (langdetect: 2.5 MB of profiles, offline, about 4 ms a document).

Coding is English-only, so other languages are skipped with a reason instead of producing
nonsense events. Short or ambiguous texts are kept: a wrong skip loses data silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SAMPLE_CHARS = 2000
MIN_CHARS = 20
MIN_PROBABILITY = 0.9
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in on at for with from by that this was were is are has have had said "
    "its their his her after over against will would not but which who".split()
)
_WORDS = re.compile(r"[^\W\d_]+")


def clearly_english(text: str) -> bool:
    """Most English news has a function word in every few words: answer without langdetect.

    langdetect costs milliseconds a document; this check costs microseconds and settles the
    common case. Texts that fail it still go to langdetect, so nothing is skipped on it.
    """
    words = _WORDS.findall(text[:SAMPLE_CHARS].lower())
    hits = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS)
    return hits >= 2 and hits >= 0.12 * len(words)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str | None
    probability: float


class LanguageDetector:
    """Loads the profiles once per instance (not at import) and is deterministic (seed 0)."""

    def __init__(self) -> None:
        self._factory: Any = None

    def guess(self, text: str) -> LanguageGuess:
        """The most probable language of the first SAMPLE_CHARS characters."""
        sample = text[:SAMPLE_CHARS]
        if len(sample.strip()) < MIN_CHARS:
            return LanguageGuess(None, 0.0)
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._get_factory().create()
        detector.append(sample)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return LanguageGuess(None, 0.0)
        return LanguageGuess(best.lang, float(best.prob))

    def skip_reason(self, text: str, *, wanted: str = "en") -> tuple[str | None, str | None]:
        """(detected language, reason to skip or None)."""
        if wanted == "en" and clearly_english(text):
            return "en", None
        guess = self.guess(text)
        if (
            guess.language is None
            or guess.language == wanted
            or guess.probability < MIN_PROBABILITY
        ):
            return guess.language, None
        return (
            guess.language,
            f"language is {guess.language} ({guess.probability:.2f}), not {wanted}",
        )

    def _get_factory(self) -> Any:
        if self._factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(0)
            self._factory = factory
        return self._factory
