"""The ontology tables: CAMEO codes and the facts the coder knows about them."""

from __future__ import annotations

import pytest

from eventwire.models import Actor
from eventwire.ontology import CodeFacts, load_code_facts, load_ontology, load_party_codes


@pytest.fixture(scope="module")
def facts() -> CodeFacts:
    return load_code_facts()


@pytest.mark.parametrize(
    ("code", "intent", "rejection"),
    [
        ("042", "036", "125"),  # a planned visit is an intent to meet; refusing it, 125
        ("057", "030", "120"),  # planning to sign is AGREE; the longest prefix wins
        ("0841", "0353", "1243"),
        ("190", "138", None),  # planned force is a threat; force is not refused
        ("112", None, None),  # an accusation keeps its code when planned
    ],
)
def test_ontology_intent_and_rejection_by_longest_prefix(facts, code, intent, rejection):
    assert facts.intent(code) == intent
    assert facts.rejection(code) == rejection


@pytest.mark.parametrize(
    ("code", "fact", "holds"),
    [
        ("046", "symmetric", True),
        ("042", "symmetric", False),
        ("036", "mutual", True),
        ("0871", "mutual", True),
        ("086", "mutual", False),
        ("193", "mutual", True),
        ("141", "own_government", True),
        ("142", "own_government", False),  # hunger strikes aim at whoever holds the strikers
        ("072", "received", True),
        ("042", "received", False),  # a visit received is hosting
    ],
)
def test_ontology_flags(facts, code, fact, holds) -> None:
    assert facts.holds(code, fact) is holds


def test_ontology_every_fact_names_a_code(facts) -> None:
    codes = load_ontology()
    for row in facts.rows.values():
        assert all(row[c] in codes for c in ("intent", "reject") if c in row)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("04,999,,,,,,", "'999' is not a CAMEO code"),
        ("4,,,,,,,", "'4' is not a CAMEO code prefix"),
        ("04,,,maybe,,,,", "symmetric must be yes, no or empty"),
    ],
)
def test_ontology_fact_errors_name_file_and_line(tmp_path, monkeypatch, row, problem) -> None:
    from eventwire import ontology
    from eventwire.errors import DataFileError

    load_ontology()  # the codes are read before the table is swapped
    path = tmp_path / "code_facts.csv"
    header = "code,intent,reject,symmetric,mutual,own_government,received,outward"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    monkeypatch.setattr(ontology, "package_data", lambda *parts: path)
    ontology.load_code_facts.cache_clear()
    try:
        with pytest.raises(DataFileError, match=problem) as caught:
            ontology.load_code_facts()
        assert caught.value.line == 2
    finally:
        ontology.load_code_facts.cache_clear()


def actor(country: str, sector: str) -> Actor:
    return Actor(text=sector, code=f"{country}{sector}", country=country, sector=sector)


@pytest.mark.parametrize(
    ("code", "source", "target", "becomes"),
    [
        ("193", actor("SDN", "MIL"), actor("SDN", "OPP"), "175"),  # firing on own protesters
        ("190", actor("SDN", "MIL"), actor("TCD", "CVL"), None),  # another country's people
        ("190", actor("SDN", "MIL"), actor("SDN", "REB"), None),  # armed rebels: combat
        ("173", actor("NGA", "REB"), actor("NGA", "EDU"), "181"),  # rebels seizing people
        ("173", actor("NGA", "COP"), actor("NGA", "EDU"), None),  # police arresting them
    ],
)
def test_ontology_party_codes(code, source, target, becomes) -> None:
    row = next((r for r in load_party_codes() if r.fits(code, source, target, "shoot")), None)
    assert (row.becomes if row else None) == becomes
