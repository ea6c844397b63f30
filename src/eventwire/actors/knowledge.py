"""The actor knowledge base: countries, regions, organisations, people, outlets, sectors.

Loaded from the YAML files of `data/actors/` (schema in its README) and any user files
given with `--actors`; a user entry with the id of a shipped one (or of an earlier user
file's) replaces it, but an id given twice within the shipped files, or within one user
file, is an error. A malformed file raises `DataFileError` with file and line, and nothing
from it is kept.

A file's name tells the kind of its entries (`people_mine.yaml`); a user file named
otherwise gives the kind on each entry instead (`kind: person`), so that one file can hold
a team's people and organisations together. PETRARCH / Phoenix dictionaries
(`*.actors.txt`, `*.agents.txt`) are read by `eventwire.actors.petrarch`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire import datafiles
from eventwire.datafiles import DataPath, package_data, read_yaml
from eventwire.errors import DataFileError

KINDS = ("country", "region", "organisation", "person", "outlet")
ORGANISATION_KINDS = ("igo", "armed_group", "security", "party", "company", "ngo", "court", "state")
"""The `kind` values of organisations*.yaml entries: in a file of mixed kinds they mean
`organisation` too, so an entry can move between files unchanged."""
PETRARCH_SUFFIXES = (".actors.txt", ".agents.txt")


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates: it gives a person their country and sector."""

    title: str | None
    country: str | None
    sector: str | None
    group: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor the knowledge base knows, with every name it goes by."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    group: str | None = None
    roles: tuple[Role, ...] = ()
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    origin: str = ""


@dataclass(slots=True)
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    """Lower-case role noun or phrase ("foreign minister") -> sector code ("GOV"), titles
    included, their dots dropped ("lt gen" for "Lt. Gen.", see `title_key`)."""
    titles: set[str] = field(default_factory=set)
    """The keys of `sectors` that come from titles.yaml: written before a name, they make
    an unknown name a person holding that office ("Sen. Ana Ruiz")."""
    former: set[str] = field(default_factory=set)
    """Words that make an office-holder a former one, ELI ("former", "retired", "ex")."""
    nation_nouns: set[str] = field(default_factory=set)
    """Role nouns that after a country's adjective mean the nation itself ("the Lebanese
    people" is LBN, "people" alone CVL)."""
    honorifics: set[str] = field(default_factory=set)
    """Courtesy titles that say nothing of an office ("mr", "dr"), keyed as titles are."""
    communities: dict[str, str] = field(default_factory=dict)
    """A religious or ethnic community's word ("sikh", "kurds") -> the code Phoenix adds
    after the sector ("SIK", "KUR"), from communities.yaml."""
    collective: set[str] = field(default_factory=set)
    """Nouns that after a community's word name its people ("the Kurdish minority")."""

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry

    def of_kind(self, kind: str) -> Iterable[Entry]:
        return (e for e in self.entries.values() if e.kind == kind)


def _kind_of_file(path: DataPath) -> str | None:
    stem = path.name.rsplit(".", 1)[0]
    for prefix, kind in (
        ("countries", "country"),
        ("regions", "region"),
        ("organisations", "organisation"),
        ("people", "person"),
        ("outlets", "outlet"),
        ("sectors", "sectors"),
        ("titles", "titles"),
        ("communities", "communities"),
    ):
        if stem.startswith(prefix):
            return kind
    return None


def _date(value: Any, where: tuple[str, int], name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(
            where[0], where[1], f"{name} {value!r} is not a date: use YYYY-MM-DD"
        ) from None


def _strings(value: Any, where: tuple[str, int], name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise DataFileError(where[0], where[1], f"`{name}` must be a list of names")
    return tuple(str(v) for v in value)


def _role(raw: Any, where: tuple[str, int]) -> Role:
    if not isinstance(raw, dict):
        raise DataFileError(where[0], where[1], "each role must be a mapping with country/sector")
    where = (where[0], raw.get("__line__", where[1]))
    role = Role(
        title=raw.get("title"),
        country=raw.get("country"),
        sector=raw.get("sector"),
        group=raw.get("group"),
        start=_date(raw.get("start"), where, "start"),
        end=_date(raw.get("end"), where, "end"),
    )
    if role.start and role.end and role.end < role.start:
        raise DataFileError(where[0], where[1], f"role ends ({role.end}) before it starts")
    return role


def _entry(raw: Any, kind: str, path: str) -> Entry:
    if not isinstance(raw, dict):
        raise DataFileError(path, None, f"expected a list of mappings, found {raw!r:.60}")
    line = raw.get("__line__", 0)
    where = (path, line)
    if kind in ("country", "region"):
        key = raw.get("code")
    else:
        key = raw.get("id")
    name = raw.get("name")
    if not key or not name:
        field_name = "code" if kind in ("country", "region") else "id"
        raise DataFileError(path, line, f"entry needs `{field_name}` and `name`")
    country = raw.get("country", key if kind == "country" else None)
    return Entry(
        id=str(key) if kind not in ("country", "region") else f"{kind}:{key}",
        kind=kind,
        name=str(name),
        aliases=(str(name), *_strings(raw.get("aliases"), where, "aliases")),
        code=raw.get("code") if kind != "person" else None,
        country=country,
        sector=raw.get("sector"),
        group=raw.get("group"),
        roles=tuple(_role(r, where) for r in raw.get("roles") or ()),
        adjectives=_strings(raw.get("adjectives"), where, "adjectives"),
        capitals=_strings(raw.get("capitals"), where, "capitals"),
        seats=_strings(raw.get("seats"), where, "seats"),
        start=_date(raw.get("start"), where, "start"),
        end=_date(raw.get("end"), where, "end"),
        origin=f"{path}:{line}",
    )


def title_key(text: str) -> str:
    """The form role nouns and titles are matched in: lower case, without dots or hyphens,
    one space between words, "of" and "the" left out ("Lt. Gen." -> "lt gen", "ex-president"
    -> "ex president"), as the resolver reads the words of a phrase (the tokenizer splits
    hyphens and some dots, and an `of` phrase joins the actor without its preposition)."""
    words = text.lower().replace(".", " ").replace("-", " ").split()
    return " ".join(w for w in words if w not in LINK_WORDS or len(words) == 1)


LINK_WORDS = frozenset({"of", "the"})
"""Left out of role phrases, which the resolver reads without them: "Chief of Staff" and
"chief of the general staff" are read as "chief staff" and "chief general staff"."""


def _sector_table(raw: Any, path: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise DataFileError(path, None, "expected a mapping of sector codes to lists of nouns")
    table: dict[str, str] = {}
    for sector, nouns in raw.items():
        if sector == "__line__":
            continue
        if not (isinstance(sector, str) and sector.isalpha() and sector.isupper()):
            raise DataFileError(path, raw["__line__"], f"{sector!r} is not a sector code")
        for noun in _strings(nouns, (path, raw["__line__"]), str(sector)):
            table[title_key(noun)] = str(sector)
    return table


def _title_table(raw: Any, path: str, kb: KnowledgeBase) -> None:
    """titles.yaml: `former` words and a `titles` mapping of sector -> titles."""
    if not isinstance(raw, dict) or not isinstance(raw.get("titles"), dict):
        raise DataFileError(path, None, "titles.yaml needs `titles:` (sector -> titles)")
    where = (path, raw["__line__"])
    titles = _sector_table(raw["titles"], path)
    kb.sectors.update(titles)
    kb.titles.update(titles)
    for name, words in (
        ("former", kb.former),
        ("nation", kb.nation_nouns),
        ("honorifics", kb.honorifics),
    ):
        words.update(title_key(w) for w in _strings(raw.get(name), where, name))


def _community_table(raw: Any, path: str, kb: KnowledgeBase) -> None:
    """communities.yaml: a `communities` mapping of code -> words and `collective` nouns."""
    if not isinstance(raw, dict) or not isinstance(raw.get("communities"), dict):
        raise DataFileError(path, None, "communities.yaml needs `communities:` (code -> words)")
    kb.communities.update(_sector_table(raw["communities"], path))
    where = (path, raw["__line__"])
    kb.collective.update(title_key(w) for w in _strings(raw.get("collective"), where, "collective"))


def _kind_of_entry(raw: Any, path: str) -> str:
    """The kind an entry of a mixed file declares (`kind: person`); without one the entry
    cannot be read, since the file's name does not say either."""
    if not isinstance(raw, dict):
        raise DataFileError(path, None, f"expected a list of mappings, found {raw!r:.60}")
    kind = raw.get("kind")
    if kind in KINDS:
        return str(kind)
    if kind in ORGANISATION_KINDS:
        return "organisation"
    problem = "has no `kind`" if kind is None else f"has an unknown kind {kind!r}"
    raise DataFileError(
        path,
        raw.get("__line__"),
        f"entry {problem}: give `kind: {'|'.join(KINDS)}` on each entry of this file, "
        "or name the file countries*, regions*, organisations*, people* or outlets* (.yaml)",
    )


def load_file(path: DataPath, kb: KnowledgeBase, *, layer: dict[str, str] | None = None) -> None:
    """Merge one actor file into `kb`, all or nothing: YAML, or a PETRARCH dictionary.

    `layer` maps the ids already read from the files loaded together with this one (the
    shipped files) to their `file:line`; an id seen there or earlier in this file raises
    `DataFileError`, while one of `kb` outside the layer is replaced (a user's override).
    """
    if path.name.endswith(PETRARCH_SUFFIXES):
        from eventwire.actors.petrarch import read_dictionary

        entries, sectors = read_dictionary(path)
        _check_unique(entries, {} if layer is None else layer)
        kb.sectors.update(sectors)
        for entry in entries:
            kb.add(entry)
        return
    kind = _kind_of_file(path)
    raw = read_yaml(path)
    if kind == "sectors":
        kb.sectors.update(_sector_table(raw, str(path)))
        return
    if kind == "titles":
        _title_table(raw, str(path), kb)
        return
    if kind == "communities":
        _community_table(raw, str(path), kb)
        return
    if not isinstance(raw, list):
        raise DataFileError(
            str(path),
            None,
            "expected a YAML list of entries (or a PETRARCH dictionary named *.actors.txt "
            "or *.agents.txt)",
        )
    where = str(path)
    entries = [_entry(item, kind or _kind_of_entry(item, where), where) for item in raw]
    _check_unique(entries, {} if layer is None else layer)
    for entry in entries:
        kb.add(entry)


def _check_unique(entries: Iterable[Entry], layer: dict[str, str]) -> None:
    """Record each entry's origin in `layer`, or raise `DataFileError` naming both places
    of an id given twice: one would silently replace the other."""
    for entry in entries:
        first = layer.get(entry.id)
        if first is not None:
            path, _, line = entry.origin.rpartition(":")
            raise DataFileError(
                path,
                int(line) if line.isdigit() else None,
                f"id {entry.id!r} is already used at {first}: give one of them another id "
                "(only a user file replaces a shipped entry, by reusing its id)",
            )
        layer[entry.id] = entry.origin


TABLE_FILES = ("communities.yaml", "sectors.yaml", "titles.yaml")


def shipped_files() -> list[DataPath]:
    folder = package_data("actors")
    return sorted(
        (f for f in folder.iterdir() if f.name.endswith(".yaml")),
        key=lambda f: (f.name not in TABLE_FILES, f.name),
    )


@lru_cache(maxsize=8)
def load_knowledge_base(user_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base with the user's files merged over it, in order: read
    once per set of file contents and then taken from the on-disk cache (`eventwire.cache`),
    since parsing the YAML costs seconds."""
    from eventwire import cache
    from eventwire.actors import petrarch

    shipped = shipped_files()
    files = [*shipped, *user_files]
    code = [Path(__file__), Path(petrarch.__file__), Path(datafiles.__file__)]
    return cache.cached(
        "knowledge", [*code, *files], lambda: _read_files(files, shipped=len(shipped))
    )


def _read_files(files: Sequence[DataPath], *, shipped: int) -> KnowledgeBase:
    """Read `files` in order: the first `shipped` as one layer whose ids must be unique,
    then each remaining (user) file as its own layer over them."""
    kb = KnowledgeBase()
    layer: dict[str, str] = {}
    for number, path in enumerate(files):
        load_file(path, kb, layer=layer if number < shipped else {})
    return kb
