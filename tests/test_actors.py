"""Actor resolution: names, adjectives, capitals, seats, role nouns, people by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, load_knowledge_base
from eventwire.actors.knowledge import KnowledgeBase, load_file
from eventwire.errors import DataFileError

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver(nlp) -> ActorResolver:
    return ActorResolver(load_knowledge_base(), nlp)


def subject_actors(nlp, resolver: ActorResolver, sentence: str, day: str) -> list[str]:
    """Codes of the actors in the subject of the sentence's main verb."""
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    subject = next(t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head == sent.root)
    mentions = resolver.mentions(sent)
    actors = resolver.actors_at(subject, mentions, dt.date.fromisoformat(day))
    return [a.code or "" for a in actors]


@pytest.mark.parametrize(
    ("sentence", "day", "codes"),
    [
        # names, aliases, adjectives, capitals, seats of power
        ("Türkiye closed the border.", "2024-01-01", ["TUR"]),
        ("The UK recalled its envoy.", "2024-01-01", ["GBR"]),
        ("Pyongyang fired a missile.", "2024-01-01", ["PRK"]),
        ("The Kremlin rejected the offer.", "2024-01-01", ["RUSGOV"]),
        ("Israeli forces entered the town.", "2024-01-01", ["ISRMIL"]),
        ("Iran's foreign minister arrived.", "2024-01-01", ["IRNGOV"]),
        ("Egyptian police detained the men.", "2024-01-01", ["EGYCOP"]),
        ("The president of Kenya spoke.", "2024-01-01", ["KENGOV"]),
        # compounds
        ("Russia and Iran signed the deal.", "2024-01-01", ["RUS", "IRN"]),
        ("Brazil, India and China objected.", "2024-01-01", ["BRA", "IND", "CHN"]),
        ("Iranian and Russian officials met.", "2024-01-01", ["IRNGOV", "RUSGOV"]),
        # people, by the date of the report
        ("Vladimir Putin arrived.", "2024-01-01", ["RUSGOV"]),
        ("Ebrahim Raisi arrived.", "2022-06-01", ["IRNGOV"]),
        ("Ebrahim Raisi arrived.", "2024-09-01", ["IRNELI"]),
        ("Masoud Pezeshkian arrived.", "2024-09-01", ["IRNGOV"]),
        ("Benjamin Netanyahu arrived.", "2022-03-01", ["ISROPP"]),  # opposition leader then
        ("Benjamin Netanyahu arrived.", "2023-03-01", ["ISRGOV"]),
        # unknown people: the title and adjective tell
        ("Sudanese General Ahmed Karimov spoke.", "2024-01-01", ["SDNMIL"]),
        # armed groups and organisations
        ("Hezbollah fired rockets.", "2024-01-01", ["LBNREB"]),
        ("The Houthis attacked a ship.", "2024-01-01", ["YEMREB"]),
    ],
)
def test_actors_resolve_subject(nlp, resolver, sentence: str, day: str, codes: list[str]) -> None:
    assert subject_actors(nlp, resolver, sentence, day) == codes


def test_actors_appositive_gives_the_role(nlp, resolver) -> None:
    codes = subject_actors(
        nlp, resolver, "Arman Petrosyan, Armenia's envoy to Paris, spoke.", "2024-01-01"
    )
    assert codes == ["ARMGOV"]


def test_actors_lower_case_words_are_not_countries(nlp, resolver) -> None:
    doc = nlp("We ate turkey and chad with us.")
    assert resolver.mentions(next(iter(doc.sents))) == {}


@pytest.mark.parametrize(
    ("sentence", "day", "codes"),
    [
        ("afghan police opened fire.", "2011-06-01", ["AFGCOP"]),
        ("israeli troops entered the town.", "2014-07-17", ["ISRMIL"]),
        ("the chinese foreign ministry protested.", "2016-07-12", ["CHNGOV"]),
        ("hamas militants fired rockets.", "2014-07-20", ["PSEREB"]),
        ("the world health organization warned.", "2021-01-14", ["IGOUNOWHO"]),
        ("police and soldiers arrived.", "2021-01-14", ["---COP", "---MIL"]),
    ],
)
def test_actors_sentence_without_capitals_matches_names(
    nlp, resolver, sentence: str, day: str, codes: list[str]
) -> None:
    """A sentence with no capitals has lost its case (a lower-cased feed or mention):
    its names are names."""
    assert subject_actors(nlp, resolver, sentence, day) == codes


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Niger Delta militants blew up a pipeline.", ["NGAREB"]),
        ("Niger troops withdrew.", ["NERMIL"]),
        ("Mexico City police arrested him.", ["MEXCOP"]),
        ("Panama City officials met.", ["PANGOV"]),
    ],
)
def test_actors_place_named_after_another_country(
    nlp, resolver, sentence: str, codes: list[str]
) -> None:
    """A place whose name begins with a country's name places the group in its own
    country; a country's own city ("Mexico City") keeps the country."""
    assert subject_actors(nlp, resolver, sentence, "2008-06-20") == codes


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("The Dutch Labour Party won.", ["NLDPTY"]),
        ("Israel's Labour party lost seats.", ["ISRPTY"]),
        ("The Norwegian Labour Party won.", ["NORPTY"]),
        ("Britain's Labour Party won.", ["GBRPTY"]),
        ("The Labour Party won.", ["GBRPTY"]),
        ("Iranian Hezbollah fighters crossed.", ["LBNREB"]),  # not a party's namesake
    ],
)
def test_actors_party_named_like_another_countrys(
    nlp, resolver, sentence: str, codes: list[str]
) -> None:
    """A party's name shared across countries ("Labour Party") after another country's
    adjective or possessive is that country's party."""
    assert subject_actors(nlp, resolver, sentence, "2017-03-15") == codes


def test_actors_acronyms_need_capitals_even_without_case(nlp, resolver) -> None:
    doc = nlp("they told us the un would pay.")
    found = {m.entry.id for m in resolver.mentions(next(iter(doc.sents))).values()}
    assert found == set()


def test_actors_reason_says_why(nlp, resolver) -> None:
    doc = nlp("Ebrahim Raisi arrived.")
    sent = next(iter(doc.sents))
    (actor,) = resolver.actors_at(sent[1], resolver.mentions(sent), dt.date(2024, 9, 1))
    assert "out of office" in (actor.reason or "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- code: IRN\n  aliases: [Persia]\n", "entry needs `code` and `name`"),
        ("- code: IRN\n  name: Iran\n  aliases: Persia\n", "`aliases` must be a list"),
        ("- code: IRN\n  name: [unclosed\n", "invalid YAML"),
    ],
)
def test_actors_bad_file_names_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "countries.yaml"
    path.write_text(text, encoding="utf-8")
    kb = KnowledgeBase()
    with pytest.raises(DataFileError) as error:
        load_file(path, kb)
    assert problem in str(error.value)
    assert error.value.line is not None
    assert kb.entries == {}


def test_actors_bad_role_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "people_mine.yaml"
    path.write_text(
        "- id: someone\n  name: Some One\n  roles:\n"
        "    - {country: FRA, sector: GOV, start: 2020-13-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="is not a date"):
        load_file(path, KnowledgeBase())


def test_actors_role_groups_are_organisations() -> None:
    """A role's `group` names the organisation whose code an official takes."""
    kb = load_knowledge_base()
    unknown = {
        (entry.id, role.group)
        for entry in kb.entries.values()
        for role in entry.roles
        if role.group and role.group not in kb.entries
    }
    assert not unknown


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.K. and the u.k. met in the West Bank.",
        "Officials of the Islamic State of Iraq met Kim Jong Un in New York.",
        "the west bank town of jenin and NEW YORK",
    ],
)
def test_name_index_finds_what_a_phrase_matcher_finds(nlp, sentence: str) -> None:
    """The name index replaces spaCy's PhraseMatcher (attr LOWER) to save start-up time:
    it must find the same runs, overlapping ones included."""
    from spacy.matcher import PhraseMatcher

    from eventwire.actors.resolver import NameIndex

    spellings = {
        "u.k.": ["U.K."], "west bank": ["West Bank"], "west": ["West"], "jenin": ["Jenin"],
        "islamic state": ["Islamic State"], "islamic state of iraq": ["Islamic State of Iraq"],
        "iraq": ["Iraq"], "un": ["UN"], "new york": ["New York"],
    }  # fmt: skip
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for name, forms in spellings.items():
        matcher.add(name, [nlp.make_doc(form) for form in forms])
    sent = next(iter(nlp(sentence).sents))
    expected = {(nlp.vocab.strings[key], start, end) for key, start, end in matcher(sent)}
    assert len(expected) >= 3  # names, overlapping ones among them, are there to find
    assert set(NameIndex.build(spellings, nlp).matches(sent)) == expected
