"""Every lexicon pattern codes its own example sentence, and the files load cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.lexicon import Lexicon, Pattern, load_lexicon, read_lexicon_file
from eventwire.ontology import load_ontology
from eventwire.pipeline import code_text

PATTERNS = load_lexicon().patterns


def test_lexicon_covers_every_cameo_root() -> None:
    roots = {load_ontology()[p.code].root for p in PATTERNS}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_lexicon_has_well_over_a_thousand_patterns() -> None:
    assert len(PATTERNS) > 1000


def test_lexicon_every_pattern_has_an_example() -> None:
    assert [p.origin for p in PATTERNS if not p.example] == []


@pytest.mark.model
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.origin)
def test_lexicon_pattern_codes_its_example(pattern: Pattern) -> None:
    events = code_text(pattern.example, date="2024-06-01")
    fired = [e for e in events if e.debug["pattern"] == pattern.origin or e.cameo == pattern.code]
    assert fired, f"{pattern.origin}: {pattern.example!r} gave {[e.cameo for e in events]}"
    if pattern.example_source:
        sources = {(e.source.code or "")[:3] for e in fired if e.source}
        assert pattern.example_source in sources, f"sources {sources}"
    if pattern.example_target:
        targets = {(e.target.code or "")[:3] for e in fired if e.target}
        assert pattern.example_target in targets, f"targets {targets}"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("999,verb,frobnicate,x,,", "'999' is not a CAMEO code"),
        ("042,adverb,visit,x,,", "pos must be 'verb' or 'noun'"),
        ("042,verb,,x,,", "the pattern is empty"),
        ("042,verb,visit", "3 fields where the header has 6"),
    ],
)
def test_lexicon_bad_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "99_bad.csv"
    path.write_text(
        f"# comment\ncode,pos,pattern,example,source,target\n{line}\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError) as error:
        read_lexicon_file(path, Lexicon())
    assert error.value.line == 3
    assert problem in str(error.value)


def test_lexicon_final_preposition_marks_the_target(tmp_path: Path) -> None:
    path = tmp_path / "04.csv"
    path.write_text("code,pos,pattern\n046,verb,hold a round of talks with\n", encoding="utf-8")
    lexicon = Lexicon()
    read_lexicon_file(path, lexicon)
    (pattern,) = lexicon.verbs["hold"]
    assert pattern.target_prep == frozenset({"with"})
    assert pattern.words == (frozenset({"round"}), frozenset({"of"}), frozenset({"talks"}))
