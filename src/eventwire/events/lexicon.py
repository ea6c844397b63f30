"""The event lexicon: trigger patterns read from `data/lexicon/*.csv` and indexed by word.

The pattern language is documented in `data/lexicon/README.md`. Patterns are indexed by
their trigger word so that coding a sentence costs one dictionary look-up per token.
`lexicon_overlaps` finds the patterns whose winner would otherwise be decided by file
order (conflicts) and those that can never win (shadowed), so that a test keeps the
lexicon free of both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, permutations
from typing import Literal

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
COLUMNS = ("code", "pos", "pattern", "example", "source", "target", "priority")
"""The columns a lexicon file may have; the first three are required, `priority` is
optional (a file without it gives every pattern priority 0)."""

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
    priority: int = 0

    @property
    def slots(self) -> tuple[Slot, ...]:
        """Every word the pattern needs besides its trigger, the target preposition last."""
        return self.words if self.target_prep is None else (*self.words, self.target_prep)

    @property
    def specificity(self) -> tuple[int, int]:
        """Most words first, then the more specific code (4 digits over 3)."""
        return (1 + len(self.slots), len(self.code))

    @property
    def score(self) -> tuple[int, int, int]:
        """How the pattern ranks against the others of its trigger: specificity, then the
        priority. Priority comes last so that it settles ties without overriding a longer
        or more specific pattern, and it never weighs against another trigger's pattern
        (see `frames.Frame.rank`)."""
        return (*self.specificity, self.priority)


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


def _priority(text: str) -> int:
    """An empty priority is 0; anything else must be a whole number."""
    try:
        return int(text or "0")
    except ValueError:
        raise ValueError(f"priority must be a whole number, not {text!r}") from None


def parse_pattern(row: dict[str, str], origin: str) -> Pattern:
    """Turn one CSV row into a Pattern; raises ValueError with the problem."""
    code, pos = row["code"], row["pos"]
    if code not in load_ontology():
        raise ValueError(f"{code!r} is not a CAMEO code in data/ontology/cameo.csv")
    if pos not in ("verb", "noun"):
        raise ValueError(f"pos must be 'verb' or 'noun', not {pos!r}")
    priority = _priority(row.get("priority", ""))
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
        priority=priority,
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


OverlapKind = Literal["conflict", "shadowed"]


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two patterns of one trigger that the score cannot tell apart.

    A `conflict`: some phrase matches both at the same score with different codes, so
    file order alone picks the code. `shadowed`: `pattern` can never win, because
    `winner` matches every phrase it matches and ranks at least as high."""

    kind: OverlapKind
    pattern: Pattern
    winner: Pattern

    def __str__(self) -> str:
        verb = "conflicts with" if self.kind == "conflict" else "is shadowed by"
        return f"{_describe(self.pattern)} {verb} {_describe(self.winner)}"


def _describe(pattern: Pattern) -> str:
    words = " ".join("|".join(sorted(slot)) for slot in (pattern.trigger, *pattern.slots))
    return f"{pattern.origin} ({pattern.code} {pattern.pos} '{words}')"


def _stems(slot: Slot) -> frozenset[str]:
    """The words of a slot with a plural ending taken off. A token fits a slot by
    its lemma too, so "strikes" fits both `strike` and `strikes`; comparing stems finds
    such overlaps (and a few false ones, which is the safe side for a report)."""
    stems = set(slot)
    for word in slot:
        for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stems.add(word[: -len(ending)] + replacement)
    return frozenset(stems)


def _share_a_phrase(a: Pattern, b: Pattern) -> bool:
    """Whether one phrase of as many words as the patterns have matches both: the triggers
    share a word and each slot of one pairs off with a slot of the other that shares a word
    (`strike against` and `strike on|against` both match "strike against")."""
    if len(a.slots) != len(b.slots) or not a.trigger & b.trigger:
        return False
    return any(
        all(_stems(x) & _stems(y) for x, y in zip(a.slots, order, strict=True))
        for order in permutations(b.slots)
    )


def _covers(winner: Pattern, pattern: Pattern) -> bool:
    """Whether `winner` matches every phrase that `pattern` matches: each of its words is
    implied by a distinct word of `pattern` (a target preposition by a target preposition,
    since only a preposition of the parse can fill one)."""
    if not pattern.trigger <= winner.trigger:
        return False
    needs, has = _tagged(winner), _tagged(pattern)
    return any(
        all(_implies(have, need) for need, have in zip(needs, order, strict=True))
        for order in permutations(has, len(needs))
    )


def _implies(have: tuple[Slot, bool], need: tuple[Slot, bool]) -> bool:
    """A token that fills `have` also fills `need`."""
    (have_words, have_prep), (need_words, need_prep) = have, need
    return have_words <= need_words and (have_prep or not need_prep)


def _tagged(pattern: Pattern) -> list[tuple[Slot, bool]]:
    """The pattern's slots, each with whether it is the target preposition."""
    return [(slot, i == len(pattern.words)) for i, slot in enumerate(pattern.slots)]


def _ranks_first(a: Pattern, b: Pattern) -> bool:
    """Whether `a` beats `b` when both match the same trigger: a higher score, or the
    same score and an earlier line (the order the matcher keeps on a tie)."""
    if a.score != b.score:
        return a.score > b.score
    return _origin_key(a.origin) < _origin_key(b.origin)


def _overlap(a: Pattern, b: Pattern) -> Overlap | None:
    """How one pair of patterns overlaps, if it does: a shadowed pattern is reported as
    such; otherwise a partial overlap at the same score with different codes."""
    for winner, loser in ((a, b), (b, a)):
        if _ranks_first(winner, loser) and _covers(winner, loser):
            return Overlap("shadowed", loser, winner)
    if a.code != b.code and a.score == b.score and _share_a_phrase(a, b):
        first, second = sorted((a, b), key=lambda p: _origin_key(p.origin))
        return Overlap("conflict", second, first)
    return None


def lexicon_overlaps(lexicon: Lexicon) -> list[Overlap]:
    """Every conflict and shadowed pattern of the lexicon, in file order.

    Only patterns of the same part of speech that share a trigger word compete; a
    `priority` (see data/lexicon/README.md) or a more specific pattern settles them."""
    seen: set[tuple[int, int]] = set()
    found: list[Overlap] = []
    for index in (lexicon.verbs, lexicon.nouns):
        for patterns in index.values():
            for a, b in combinations(patterns, 2):
                if (id(a), id(b)) in seen:
                    continue
                seen.add((id(a), id(b)))
                overlap = _overlap(a, b)
                if overlap is not None:
                    found.append(overlap)
    return sorted(found, key=lambda o: (_origin_key(o.pattern.origin), o.kind))
