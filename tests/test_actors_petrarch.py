"""Importing PETRARCH / Phoenix `.actors.txt` and `.agents.txt` dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.knowledge import KnowledgeBase, load_file, load_knowledge_base
from eventwire.actors.lookup import resolve_mention
from eventwire.actors.petrarch import split_code
from eventwire.errors import DataFileError

ACTORS = """\
# A small Phoenix-style actors dictionary (dates are yymmdd)
VLADIMIR_PUTIN_
+PUTIN_
+VLADIMIR_VLADIMIROVICH_PUTIN_
    [RUSELI <990809]
    [RUSGOV 990809-080507]
    [RUSGOV >120507]

GRUMBOLDT_FOUNDATION_  [NGOGRB]   # an invented NGO, code on the name line
ZANDOR_KELVAX_ [MDAGOV 150101-191231] [MDAELI >200101]
ATLANTIS_ [ATL]
"""

AGENTS = """\
# agents: nouns that give a sector
MINISTER_ [~GOV]
POLICEMAN_ {POLICEMEN_} [COP]
HARBOUR_MASTER_ [GOV]
ZEALOT [REB]        # a stem: matched as the word itself here
!minist! [GOV]      # not supported: skipped
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_petrarch_actors_become_entries(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    load_file(write(tmp_path, "team.actors.txt", ACTORS), kb)
    putin = kb.entries["petrarch-team-vladimir-putin"]
    assert putin.kind == "person" and putin.name == "Vladimir Putin"
    assert putin.aliases == ("Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin")
    assert [(r.country, r.sector, r.start, r.end) for r in putin.roles] == [
        ("RUS", "ELI", None, dt.date(1999, 8, 9)),
        ("RUS", "GOV", dt.date(1999, 8, 9), dt.date(2008, 5, 7)),
        ("RUS", "GOV", dt.date(2012, 5, 7), None),
    ]
    foundation = kb.entries["petrarch-team-grumboldt-foundation"]
    assert (foundation.kind, foundation.code, foundation.country, foundation.sector) == (
        "organisation",
        "NGOGRB",
        None,
        "NGO",
    )
    assert kb.entries["petrarch-team-atlantis"].country == "ATL"
    assert len(kb.entries["petrarch-team-zandor-kelvax"].roles) == 2


def test_petrarch_agents_become_sector_nouns(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    load_file(write(tmp_path, "team.agents.txt", AGENTS), kb)
    assert kb.sectors == {
        "minister": "GOV",
        "policeman": "COP",
        "policemen": "COP",
        "harbour master": "GOV",
        "zealot": "REB",
    }


@pytest.mark.parametrize(
    ("code", "parts"),
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("IGOUNO", (None, "IGO")),
        ("IRN", ("IRN", None)),
        ("IMGISI", (None, "REB")),
        ("WSTMIL", (None, "MIL")),
    ],
)
def test_petrarch_split_code(code: str, parts: tuple[str | None, str | None]) -> None:
    assert split_code(code) == parts


@pytest.mark.parametrize(
    ("name", "text", "line", "problem"),
    [
        ("a.actors.txt", "+PUTIN_\n", 1, "before any name line"),
        ("a.actors.txt", "PUTIN_\n[RUSGOV 000507-080507\n", 2, "cannot read"),
        ("a.actors.txt", "PUTIN_\n[RUSGOV 0005-0805]\n", 2, "date restriction"),
        ("a.actors.txt", "PUTIN_\n[RUSGOV 001340-080507]\n", 2, "is not a date"),
        ("a.actors.txt", "PUTIN_\n[RUSGOV 080507-000507]\n", 2, "ends before it starts"),
        ("a.actors.txt", "# c\nPUTIN_\n\nLAVROV_ [RUSGOV]\n", 2, "has no [CODE] line"),
        ("a.agents.txt", "MINISTER_ [GOV]\nPOLICE_ COP\n", 2, "cannot read agent line"),
        ("a.agents.txt", "MINISTER_ [G0V]\n", 1, "not a sector code"),
    ],
)
def test_petrarch_bad_line_names_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path, name, text)
    kb = KnowledgeBase()
    with pytest.raises(DataFileError) as error:
        load_file(path, kb)
    assert (error.value.path, error.value.line) == (str(path), line)
    assert problem in error.value.problem
    assert kb.entries == {} and kb.sectors == {}


@pytest.mark.model
def test_petrarch_dictionary_works_as_actors_file(nlp, tmp_path: Path) -> None:
    actors = write(tmp_path, "team.actors.txt", ACTORS)
    agents = write(tmp_path, "team.agents.txt", AGENTS)
    resolver = ActorResolver(load_knowledge_base((actors, agents)), nlp)

    def code(text: str, day: str) -> str | None:
        actor = resolve_mention(text, date=day, context=None, resolver=resolver, nlp=nlp)
        return actor.code if actor else None

    assert code("Zandor Kelvax", "2017-01-01") == "MDAGOV"
    assert code("Zandor Kelvax", "2021-01-01") == "MDAELI"
    assert code("the Grumboldt Foundation", "2021-01-01") == "NGOGRB"
    assert code("the Moldovan harbour master", "2021-01-01") == "MDAGOV"
    # The imported Putin ties with the shipped one on every date: the user file wins.
    assert code("Putin", "1995-01-01") == "RUSELI"
