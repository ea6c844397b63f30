"""The event lexicon: trigger patterns read from `data/lexicon/*.csv` and indexed by word.

The pattern language is documented in `data/lexicon/README.md`. Patterns are indexed by
their trigger word so that coding a sentence costs one dictionary look-up per token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.datafiles import DataPath, package_data, read_csv
from eventwire.errors import DataFileError
from eventwire.ontology import load_ontology

ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    {
        "about", "across", "after", "against", "along", "among", "around", "at", "before",
        "behind", "between", "by", "for", "from", "in", "inside", "into", "near", "of", "off",
        "on", "onto", "out", "over", "through", "to", "toward", "towards", "under", "upon",
        "with", "within", "without",
    }
)  # fmt: skip
COLUMNS = ("code", "pos", "pattern", "example", "source", "target")

Slot = frozenset[str]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon line: a trigger, the other words it needs, and where the target is."""

    code: str
    pos: str
    trigger: Slot
    words: tuple[Slot, ...]
    target_prep: Slot | None
    origin: str
    example: str = ""
    example_source: str = ""
    example_target: str = ""

    @property
    def score(self) -> tuple[int, int]:
        """Most words first, then the more specific code (4 digits over 3)."""
        return (1 + len(self.words) + (self.target_prep is not None), len(self.code))


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)

    def add(self, pattern: Pattern) -> None:
        index = self.verbs if pattern.pos == "verb" else self.nouns
        for word in pattern.trigger:
            index.setdefault(word, []).append(pattern)

    @property
    def patterns(self) -> list[Pattern]:
        """Every pattern once, in file order."""
        seen: dict[int, Pattern] = {}
        for index in (self.verbs, self.nouns):
            for patterns in index.values():
                for p in patterns:
                    seen.setdefault(id(p), p)
        return sorted(seen.values(), key=lambda p: _origin_key(p.origin))


def _origin_key(origin: str) -> tuple[str, int]:
    path, _, line = origin.rpartition(":")
    return path, int(line)


def _slots(text: str) -> list[Slot]:
    words = [w for w in text.lower().split() if w not in ARTICLES]
    return [frozenset(w.split("|")) for w in words]


def parse_pattern(row: dict[str, str], origin: str) -> Pattern:
    """Turn one CSV row into a Pattern; raises ValueError with the problem."""
    code, pos = row["code"], row["pos"]
    if code not in load_ontology():
        raise ValueError(f"{code!r} is not a CAMEO code in data/ontology/cameo.csv")
    if pos not in ("verb", "noun"):
        raise ValueError(f"pos must be 'verb' or 'noun', not {pos!r}")
    slots = _slots(row["pattern"])
    if not slots:
        raise ValueError("the pattern is empty")
    target_prep = None
    if len(slots) > 1 and slots[-1] <= PREPOSITIONS:
        target_prep = slots.pop()
    if pos == "verb":
        trigger, words = slots[0], tuple(slots[1:])
    else:
        trigger, words = slots[-1], tuple(slots[:-1])
    return Pattern(
        code=code,
        pos=pos,
        trigger=trigger,
        words=words,
        target_prep=target_prep,
        origin=origin,
        example=row.get("example", ""),
        example_source=row.get("source", ""),
        example_target=row.get("target", ""),
    )


def read_lexicon_file(path: DataPath, lexicon: Lexicon) -> None:
    """Add every pattern of one CSV file; a bad line stops the load with file and line."""
    for line, row in read_csv(path, required=COLUMNS[:3]):
        try:
            lexicon.add(parse_pattern(row, f"{path.name}:{line}"))
        except ValueError as exc:
            raise DataFileError(str(path), line, str(exc)) from None


def lexicon_files() -> Iterable[DataPath]:
    folder = package_data("lexicon")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    lexicon = Lexicon()
    for path in lexicon_files():
        read_lexicon_file(path, lexicon)
    return lexicon
