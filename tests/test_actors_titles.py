"""Actors beyond the knowledge base: the titles table, places that name groups, and the
country a story gives an actor whose own words name none (with the basis in `reason`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.actors.context import GazetteerPlaces
from eventwire.actors.knowledge import KnowledgeBase, load_file, title_key
from eventwire.actors.lookup import resolve_mention
from eventwire.errors import DataFileError


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Lt. Gen.", "lt gen"),
        ("Sen.", "sen"),
        ("ex-president", "ex president"),
        ("Chief of the General Staff", "chief general staff"),
        ("Secretary of State", "secretary state"),
        ("the", "the"),
    ],
)
def test_actors_title_key_reads_as_the_resolver_does(title: str, key: str) -> None:
    assert title_key(title) == key


def test_actors_titles_table_gives_sectors_and_words() -> None:
    kb = load_knowledge_base()
    assert {kb.sectors[k] for k in ("sen", "rep", "mp")} == {"LEG"}
    assert {kb.sectors[k] for k in ("lt gen", "col", "adm", "field marshal")} == {"MIL"}
    assert (kb.sectors["police colonel"], kb.sectors["chief justice"]) == ("COP", "JUD")
    assert {"former", "retired", "ex"} <= kb.former and "people" in kb.nation_nouns
    assert "lt gen" in kb.titles and "mr" in kb.honorifics


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("former: [former]\n", None, "needs `titles:`"),
        ("titles:\n  GOV: [Minister]\n  Military: [General]\n", 2, "not a sector code"),
        ("former: retired\ntitles:\n  GOV: [Minister]\n", 1, "must be a list"),
        ("titles:\n  GOV: Minister\n", 2, "must be a list"),
    ],
)
def test_actors_malformed_titles_file_is_reported(
    tmp_path: Path, text: str, line: int | None, problem: str
) -> None:
    path = tmp_path / "titles_mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_file(path, KnowledgeBase())
    assert (error.value.path, error.value.line) == (str(path), line)
    assert problem in error.value.problem


def test_actors_user_titles_file_adds_titles(tmp_path: Path) -> None:
    path = tmp_path / "titles_mine.yaml"
    path.write_text("titles:\n  REL: [Acharya]\n", encoding="utf-8")
    kb = KnowledgeBase()
    load_file(path, kb)
    assert kb.sectors == {"acharya": "REL"} and kb.titles == {"acharya"}


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Rakhine", "MMR"),  # a region of the gazetteer's table
        ("Kachin", "MMR"),  # "Kachin State"
        ("Darfur", "SDN"),
        ("Texas", "USA"),  # a US state
        ("Karachi", "PAK"),  # a city of millions
        ("Basra", "IRQ"),  # another spelling of "Basrah"
        ("Federal", None),  # a common word (and a small Argentine town)
        ("Kuki", None),  # only the start of a Japanese town's name
        ("Punjab", None),  # regions of two countries
        ("Sahel", None),  # no country
    ],
)
def test_actors_places_give_their_country(name: str, country: str | None) -> None:
    found = GazetteerPlaces().country_of(name)
    assert (found[1] if found else None) == country


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:
    return ActorResolver(load_knowledge_base(), nlp)


@pytest.mark.model
@pytest.mark.parametrize(
    ("mention", "context", "code", "basis"),
    [
        ("Sen. Ana Ruiz", None, "---LEG", "title gives LEG"),
        ("Rakhine rebels", None, "MMRREB", "place Rakhine"),
        ("police in Karachi", None, "PAKCOP", "in Karachi"),
        ("retired Gen. Ali Saleh", None, "---ELI", "title gives ELI"),
        ("the minister", "LIMA, Peru (AP) - The minister resigned.", "PERGOV", "dateline"),
        (
            "the minister",
            "Kenya cut fuel taxes. The minister said Kenya would borrow less.",
            "KENGOV",
            "names most (KEN, 2x)",
        ),
        (
            "Ruiz",
            "Chile's Mining Minister Ana Ruiz toured the mine. Ruiz promised an inquiry.",
            "CHLGOV",
            "name of Chile",
        ),
        (
            "Johnson",
            "Nigerian Sen. Ron Johnson spoke. Johnson opposed the bill.",
            "NGALEG",
            "adjective of Nigeria",
        ),
        ("the Lebanese people", None, "LBN", "adjective of Lebanon"),
        ("people", None, "---CVL", "role noun or title gives CVL"),
    ],
)
def test_actors_unknown_actors_show_their_basis(
    nlp, resolver: ActorResolver, mention: str, context: str | None, code: str, basis: str
) -> None:
    actor = resolve_mention(mention, date="2024-03-01", context=context, resolver=resolver, nlp=nlp)
    assert actor is not None and actor.code == code, actor
    assert basis in (actor.reason or ""), actor.reason


@pytest.mark.model
def test_actors_surname_inside_another_name_is_not_the_known_person(nlp, resolver) -> None:
    doc = nlp("Ahmet Erdogan, a farmer, met Mr Erdogan.")
    mentions = resolver.mentions(doc[:])
    assert 1 not in mentions and mentions[8].entry.id == "recep-tayyip-erdogan"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "index", "person"),
    [
        ("Hamas Leader Sinwar Killed In Gaza", 2, "yahya-sinwar"),  # a role noun before it
        ("Sheikh Tamim met the envoy.", 1, "tamim-bin-hamad-al-thani"),  # an honorific
        ("Biden Xi summit planned", 1, "xi-jinping"),  # another known name
    ],
)
def test_actors_surname_after_a_title_or_name_is_still_the_person(
    nlp, resolver, text: str, index: int, person: str
) -> None:
    assert resolver.mentions(nlp(text)[:])[index].entry.id == person
