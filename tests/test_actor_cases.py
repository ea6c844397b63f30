"""The actor case table: (mention, context, date) -> (country, sector), from public facts.

`tests/data/actor_cases.csv` covers country names and aliases, adjectives with role nouns,
capitals and seats of power, IGOs, armed groups and security bodies, people whose office
changes with the date, bare roles, appositives, ambiguous names settled by the context, and
news outlets (which resolve to no actor code: they report events, they are not in them).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.actors.lookup import resolve_mention

pytestmark = pytest.mark.model

CASES = Path(__file__).parent / "data" / "actor_cases.csv"


def read_cases() -> list[dict[str, str]]:
    lines = [
        line for line in CASES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines))


def case_id(row: dict[str, str]) -> str:
    return f"{row['mention']}@{row['date']}" + ("+context" if row["context"] else "")


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:
    return ActorResolver(load_knowledge_base(), nlp)


def test_actor_cases_table_is_large_enough() -> None:
    assert len(read_cases()) >= 300


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
