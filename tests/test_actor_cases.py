"""The actor case table: (mention, context, date) -> (country, sector), from public facts.

`tests/data/actor_cases.csv` covers country names and aliases, adjectives with role nouns,
capitals and seats of power, IGOs, armed groups and security bodies, people whose office
changes with the date, bare roles, appositives, ambiguous names settled by the context, and
news outlets (which resolve to no actor code: they report events, they are not in them).
`tests/data/actor_cases_beyond.csv` covers actors beyond the knowledge base: people known
only by a title, with the country from the title or from the story (dateline, the country
it names most), surnames after a titled first mention, sector nouns of every sector, places
that name groups, parties by acronym, ministries and agencies, former office-holders.
`tests/data/actor_cases_fresh.csv` holds cases written before reading the resolver, in the
style of the PETRARCH2 / Phoenix / NGEC suites: leaders and ministers 2000-2024 of many
countries, titles with adjectives, ranks, parties, agencies, armed groups by name and by
place, IGOs and NGOs, sector nouns, peoples, capitals, lower-cased mentions.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.actors.lookup import resolve_mention

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
TABLES = sorted(DATA.glob("actor_cases*.csv"))


def read_cases(*tables: Path) -> list[dict[str, str]]:
    rows = []
    for table in tables or TABLES:
        text = table.read_text(encoding="utf-8")
        rows += csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return rows


def case_id(row: dict[str, str]) -> str:
    return f"{row['mention']}@{row['date']}" + ("+context" if row["context"] else "")


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:
    return ActorResolver(load_knowledge_base(), nlp)


def test_actor_cases_tables_are_large_enough() -> None:
    assert len(read_cases(DATA / "actor_cases.csv")) >= 300
    assert len(read_cases(DATA / "actor_cases_beyond.csv")) >= 600
    assert len(read_cases(DATA / "actor_cases_fresh.csv")) >= 200


@pytest.mark.parametrize("row", read_cases(), ids=case_id)
def test_actor_cases_resolve(nlp, resolver: ActorResolver, row: dict[str, str]) -> None:
    actor = resolve_mention(
        row["mention"], date=row["date"], context=row["context"] or None, resolver=resolver, nlp=nlp
    )
    if row["note"].startswith("unresolved"):
        assert actor is None, actor
        return
    assert actor is not None, f"{row['mention']!r} did not resolve ({row['note']})"
    if row["note"].startswith("outlet"):
        assert actor.code is None and actor.name, actor
        assert (actor.reason or "").startswith("outlet"), actor.reason
        assert resolver.kb.entries[actor.id or ""].kind == "outlet"
    got = (actor.country or "", actor.sector or "")
    assert got == (row["country"], row["sector"]), f"{row['note']}; reason: {actor.reason}"
