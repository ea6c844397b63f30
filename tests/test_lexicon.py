"""Every lexicon pattern codes its own example sentence, and the files load cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.lexicon import (
    Lexicon,
    Pattern,
    lexicon_overlaps,
    load_lexicon,
    read_lexicon_file,
)
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
        ("042,verb,visit,x,,,high", "priority must be a whole number, not 'high'"),
    ],
)
def test_lexicon_bad_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "99_bad.csv"
    header = "code,pos,pattern,example,source,target" + (",priority" if "high" in line else "")
    path.write_text(f"# comment\n{header}\n{line}\n", encoding="utf-8")
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


def _lexicon_of(tmp_path: Path, *lines: str) -> Lexicon:
    path = tmp_path / "99_test.csv"
    path.write_text("code,pos,pattern,priority\n" + "\n".join(lines) + "\n", encoding="utf-8")
    lexicon = Lexicon()
    read_lexicon_file(path, lexicon)
    return lexicon


def test_lexicon_has_no_unsettled_conflict_or_shadowed_pattern() -> None:
    """Two codes for one phrase at one score would be settled by file order; a pattern that
    can never win is dead weight. Settle either with a `priority` or a more specific
    pattern (data/lexicon/README.md)."""
    assert [str(o) for o in lexicon_overlaps(load_lexicon())] == []


SHADOWED_2, SHADOWED_3 = "shadowed 99_test.csv:2", "shadowed 99_test.csv:3"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # "strike against" matches both at two words: file order would pick 143.
        (("143,noun,strike against,", "190,noun,strike on|against,"), ["conflict 99_test.csv:3"]),
        (("143,noun,strike against,", "190,noun,strike on|against,1"), [SHADOWED_2]),
        (("143,noun,strike against,1", "190,noun,strike on|against,"), []),
        # Different words, or more words, are no conflict: the longer pattern wins.
        (("143,noun,general strike,", "190,noun,air strike,"), []),
        (("143,noun,strike,", "190,noun,strike on,"), []),
        # A narrower duplicate never wins; a 4-digit code shadows a 3-digit one.
        (("161,verb,expel diplomats|staff,", "161,verb,expel diplomats,"), [SHADOWED_3]),
        (("138,verb,threaten attack,", "1384,verb,threaten attack|bomb,"), [SHADOWED_2]),
        # A word slot cannot stand in for a target preposition the other pattern needs.
        (("042,verb,return to,", "0842,verb,return land to,"), []),
    ],
)
def test_lexicon_overlaps_finds_conflicts_and_shadowed(
    tmp_path: Path, lines: tuple[str, ...], expected: list[str]
) -> None:
    overlaps = lexicon_overlaps(_lexicon_of(tmp_path, *lines))
    assert [f"{o.kind} {o.pattern.origin}" for o in overlaps] == expected


def test_lexicon_priority_breaks_ties_only(tmp_path: Path) -> None:
    lexicon = _lexicon_of(
        tmp_path, "0231,verb,urge economic,1", "0211,verb,urge economic trade,", "021,verb,urge x,"
    )
    aid, trade, cooperation = lexicon.verbs["urge"]
    assert aid.priority == 1 and trade.priority == 0
    assert trade.score > aid.score > (2, 4, 0) > cooperation.score


# Each conflict the overlap report found, settled: one sentence per decision.
SETTLED = [
    ("Israel launched a strike on Gaza.", "190"),
    ("The Israeli strike against Hezbollah killed two commanders.", "190"),
    ("Nurses went on strike in Kenya.", "143"),
    ("Iran threatened to strike Israel.", "138"),
    ("Iran threatened a strike on Israel.", "1384"),
    ("Greek doctors threatened to go on strike.", "133"),
    ("The Iranian foreign minister returned to Baghdad.", "042"),
    ("Belgium returned the artefacts to Congo.", "0842"),
    ("Russia returned the captives to Ukraine.", "0841"),
    ("Israel halted its strikes on Gaza.", "087"),
    ("Chilean miners suspended their strike.", "082"),
    ("Britain sent tanks to Ukraine.", "072"),
    ("Britain sent troops to Estonia.", "154"),
    ("Russia expelled the German journalists.", "174"),
    ("Mali expelled the French diplomats.", "161"),
    ("Japan promised economic assistance.", "0331"),
    ("Turkey ordered the Dutch journalists to leave.", "174"),
    ("Britain accused Iran of rights violations.", "1122"),
    ("Turkey promised closer economic cooperation with Iraq.", "0311"),
    ("Norway pledged military support to Ukraine.", "0332"),
    ("Poland pledged defence cooperation with Lithuania.", "0312"),
    ("Iran refused to hand over the British tanker.", "1243"),
    ("Spain rejected Catalan autonomy.", "1234"),
    ("Lebanon filed a complaint against Israel.", "114"),
    ("Armenia accused Azerbaijan of ceasefire violations.", "1123"),
    ("Israeli police fired rubber bullets at Palestinian protesters.", "175"),
    ("Syrian rebels fired bullets at Turkish troops.", "193"),
    ("Russia threatened to retaliate against Britain.", "130"),
    ("Egypt offered a compromise to Ethiopia.", "035"),
    ("The American envoy urged Israel to back down.", "025"),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "code"), SETTLED, ids=[s for s, _ in SETTLED])
def test_lexicon_settled_conflict_codes_the_intended_code(sentence: str, code: str) -> None:
    codes = [e.cameo for e in code_text(sentence, date="2024-06-01")]
    assert code in codes, f"{sentence!r} gave {codes}"


# Acts the blind probes of session 3 found missing or miscoded, in sentences of our own:
# the code each must give and, where a shorter pattern used to win, the code it must not.
WIDENED = [
    ("Riot police fired tear gas to scatter the students.", "175", None),
    ("The police used tear gas to break up the crowd.", "175", "2041"),
    ("Egyptian security forces dispersed thousands of mourners.", "175", "082"),
    ("Sudanese police dispersed them with batons.", "175", "082"),
    ("A Thai court ordered the arrest of the opposition senator.", "173", "100"),
    ("Nicaragua expelled two Catholic priests.", "174", "166"),
    ("Indian police evicted the squatters.", "170", None),
    ("Iraqi troops drove the militants out of the town.", "190", "201"),
    ("Chadian soldiers pushed the rebels back toward the border.", "190", None),
    ("Chilean students occupied the university.", "144", "192"),
    ("A Tibetan monk set himself on fire.", "140", None),
    ("A Tunisian street vendor set fire to himself.", "140", "1712"),
    ("Armenia and Azerbaijan traded accusations.", "112", "061"),
    ("Pakistan suspended trade.", "163", "161"),
    ("British nurses walked out on Tuesday.", "143", None),  # "out" parsed as an adverb
    ("Ethiopian students staged sit-ins at three universities.", "140", None),  # split at "-"
    ("Iran called for de-escalation.", "0256", "020"),
    ("Kuwait pledged humanitarian aid worth $50 million.", "0333", "0331"),
    ("North Korea threatened to take military action.", "138", "1382"),
    ("Iran threatened to take action.", "130", "1382"),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "code", "not_code"), WIDENED, ids=[s for s, _, _ in WIDENED])
def test_lexicon_widened_patterns_code_the_act(
    sentence: str, code: str, not_code: str | None
) -> None:
    codes = [e.cameo for e in code_text(sentence, date="2024-06-01")]
    assert code in codes and not_code not in codes, f"{sentence!r} gave {codes}"
