"""User actor files: kinds given per entry, all-or-nothing loading, ambiguous names."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.knowledge import (
    KnowledgeBase,
    load_file,
    load_knowledge_base,
    shipped_files,
)
from eventwire.actors.lookup import resolve_mention
from eventwire.errors import DataFileError

MIXED = """\
- {kind: person, id: hana-kessler, name: Hana Kessler, aliases: [Kessler],
   roles: [{title: Chancellor, country: AUT, sector: GOV, start: 2016-01-01}]}
- {kind: person, id: otto-kessler, name: Otto Kessler, aliases: [Kessler],
   roles: [{title: Minister, country: DEU, sector: GOV, start: 2010-01-01, end: 2015-12-31}]}
- {kind: armed_group, id: dawn-brigade, name: Dawn Brigade, code: MLIREB, country: MLI,
   sector: REB, start: 2019-03-01}
- {kind: organisation, id: dawn-brigade-old, name: Dawn Brigade, code: NERREB, country: NER,
   sector: REB, end: 2019-02-28}
- {kind: outlet, id: zeta-news, name: Zeta News, country: MLT}
- {kind: country, code: XKX, name: Kosovo, adjectives: [Kosovar, Kosovars]}
- {kind: region, code: SAH, name: the Sahel region, aliases: [Sahel]}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_user_file_gives_kind_per_entry(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    load_file(write(tmp_path, "team.yaml", MIXED), kb)
    kinds = {key: entry.kind for key, entry in kb.entries.items()}
    assert kinds == {
        "hana-kessler": "person",
        "otto-kessler": "person",
        "dawn-brigade": "organisation",
        "dawn-brigade-old": "organisation",
        "zeta-news": "outlet",
        "country:XKX": "country",
        "region:SAH": "region",
    }


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- {kind: person, id: a, name: A}\n- {id: b, name: B}\n", 2, "has no `kind`"),
        ("- {kind: person, id: a, name: A}\n- {kind: planet, id: b, name: B}\n", 2, "unknown kind"),
        ("- {kind: person, id: a, name: A}\n- {kind: person, name: B}\n", 2, "needs `id`"),
        (
            "- {kind: person, id: a, name: A,\n   roles: [{country: FRA, start: 2020-02-30}]}\n",
            2,
            "is not a date",
        ),
    ],
)
def test_actors_malformed_user_file_loads_nothing(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path, "team.yaml", text)
    kb = KnowledgeBase()
    with pytest.raises(DataFileError) as error:
        load_file(path, kb)
    assert (error.value.path, error.value.line) == (str(path), line)
    assert problem in error.value.problem
    assert str(path) in str(error.value) and kb.entries == {}


def test_actors_one_bad_user_file_fails_the_whole_load(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", MIXED)
    bad = write(tmp_path, "bad.yaml", "- {kind: person, id: x, name: X, aliases: X}\n")
    with pytest.raises(DataFileError, match="bad.yaml:1"):
        load_knowledge_base((good, bad))


def test_actors_prefixed_file_keeps_organisation_subkinds(tmp_path: Path) -> None:
    kb = KnowledgeBase()
    text = "- {id: dawn, name: Dawn, kind: armed_group, code: MLIREB, country: MLI}\n"
    load_file(write(tmp_path, "organisations_mine.yaml", text), kb)
    assert kb.entries["dawn"].kind == "organisation"


PARTY = "- {id: bsp, name: Bahujan Samaj Party, kind: party, code: INDPTY, country: IND}\n"
BANK = "- {id: cbx, name: Bank X, kind: state, code: PHLGOV, country: PHL}\n"


def test_actors_id_twice_in_one_layer_names_both_places(tmp_path: Path) -> None:
    """Files loaded as one layer (the shipped ones) may not share an id: one entry would
    silently replace the other."""
    first = write(tmp_path, "organisations_parties.yaml", PARTY)
    second = write(tmp_path, "organisations_state.yaml", BANK + BANK.replace("cbx", "bsp"))
    kb, layer = KnowledgeBase(), {}
    load_file(first, kb, layer=layer)
    with pytest.raises(DataFileError) as error:
        load_file(second, kb, layer=layer)
    assert (error.value.path, error.value.line) == (str(second), 2)
    assert f"{first}:1" in error.value.problem and "'bsp'" in error.value.problem
    assert list(kb.entries) == ["bsp"]  # nothing of the second file is kept


def test_actors_id_twice_in_one_user_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "team.yaml", PARTY + BANK + PARTY)
    with pytest.raises(DataFileError) as error:
        load_knowledge_base((path,))
    assert (error.value.path, error.value.line) == (str(path), 3)
    assert f"{path}:1" in error.value.problem


def test_actors_user_files_replace_shipped_and_earlier_entries(tmp_path: Path) -> None:
    """Reusing an id is how a user file corrects a shipped entry (README, "Your own
    files"); a later user file replaces an earlier one's in the same way."""
    mine = write(tmp_path, "mine.yaml", PARTY.replace("INDPTY", "INDOPP"))
    later = write(tmp_path, "later.yaml", PARTY.replace("INDPTY", "INDGOV"))
    assert load_knowledge_base((mine,)).entries["bsp"].code == "INDOPP"
    assert load_knowledge_base((mine, later)).entries["bsp"].code == "INDGOV"


def test_actors_shipped_ids_are_unique() -> None:
    layer: dict[str, str] = {}
    for path in shipped_files():
        load_file(path, KnowledgeBase(), layer=layer)
    assert "bangko-sentral-ng-pilipinas" in layer and "bsp" in layer


@pytest.fixture(scope="module")
def resolver(nlp, tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    path = tmp_path_factory.mktemp("actors") / "team.yaml"
    path.write_text(MIXED, encoding="utf-8")
    return ActorResolver(load_knowledge_base((path,)), nlp)


@pytest.mark.model
@pytest.mark.parametrize(
    ("mention", "day", "context", "code", "why"),
    [
        ("Kessler", "2012-05-01", None, "DEUGOV", "in office"),
        ("Kessler", "2020-05-01", None, "AUTGOV", "in office"),
        # neither is in office yet in 2005: the country named in the context decides
        (
            "Kessler",
            "2005-05-01",
            "Kessler, who spoke in Vienna, Austria, said so.",
            "AUT",
            "document",
        ),
        ("Dawn Brigade", "2018-01-01", None, "NERREB", "existing"),
        ("Dawn Brigade", "2021-01-01", None, "MLIREB", "existing"),
        ("Kosovars", "2021-01-01", None, "XKX", None),
        ("Zeta News", "2021-01-01", None, None, None),
    ],
)
def test_actors_user_entries_resolve_by_date_and_context(
    nlp, resolver, mention: str, day: str, context: str | None, code: str | None, why: str | None
) -> None:
    actor = resolve_mention(mention, date=day, context=context, resolver=resolver, nlp=nlp)
    assert actor is not None
    assert actor.code == code, actor.reason
    if why:
        assert why in (actor.reason or "")
