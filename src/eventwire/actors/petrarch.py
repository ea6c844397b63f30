"""Importing PETRARCH / Phoenix dictionaries, so teams can keep the ones they maintain.

Two of PETRARCH's dictionary kinds map onto the knowledge base:

`*.actors.txt`: an entry is a name line, upper case with `_` for spaces, then optional
synonym lines starting with `+`, then code lines in brackets, each with an optional date
restriction (dates are `yymmdd`; years 69-99 are 19xx, 00-68 are 20xx, as `strptime`):

    VLADIMIR_PUTIN_            # a comment
    +PUTIN_
    [RUSELI <000507]           # until 7 May 2000
    [RUSGOV 000507-080507]     # between the two dates
    [RUSGOV >120507]           # from 7 May 2012

A name line may carry its code on the same line (`AFGHANISTAN_ [AFG]`). An entry whose only
code is undated becomes an organisation with that code; an entry with dated codes (or
several codes) becomes a person whose roles are the dated codes in file order, then the
undated one as the fallback PETRARCH uses when no date restriction applies.

`*.agents.txt`: one agent a line, `MINISTER_ [GOV]`, `FOREIGN_MINISTER_ [~GOV]`,
`POLICEMAN_ {POLICEMEN_} [COP]`; the words (and the plural forms in braces) become role
nouns of the sector table (`sectors.yaml`), with the first three letters of the code as
the sector.

Not supported, and said so here rather than guessed at: PETRARCH's stem matching (a word
without a trailing `_` matches any word it begins; here it matches the word itself, and
the resolver's lemma covers regular plurals); `!word!` agent patterns (skipped); the
compound-code combinations of agent codes (`~GOVMIL` keeps only `GOV`); `<...>` phrase
patterns and `{...}` blocks in actor files; the `.verbs.txt` and `.issues.txt` dictionaries.
Any other line that does not read is an error with file and line, and nothing from the file
is loaded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from eventwire.actors.knowledge import Entry, Role
from eventwire.datafiles import DataPath
from eventwire.errors import DataFileError

NON_COUNTRY_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
"""Code prefixes that are not a country: the sector they stand for."""
REGION_CODES = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA MED NAF NAM PGS SAF SAM SAS SEA "
    "SCN WAF WST".split()
)
"""CAMEO region codes: a code starting with one has no country, and its code is kept."""

_CODE = re.compile(r"\[\s*(~?[A-Z0-9]{3,})\s*([^\]]*)\]")
_DATES = re.compile(r"^(?:(\d{6})-(\d{6})|<(\d{6})|>(\d{6}))$")
_NAME = re.compile(r"^[^\s\[\]{}<>+#][^\s\[\]{}<>#]*$")
_AGENT = re.compile(r"^(?P<noun>[^\s\[\]{}]+)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]$")


@dataclass(slots=True)
class _Draft:
    """An actor entry being read: its names and codes so far, and where it started."""

    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, dt.date | None, dt.date | None, int]] = field(default_factory=list)


def read_dictionary(path: DataPath) -> tuple[list[Entry], dict[str, str]]:
    """Entries and sector nouns from one PETRARCH dictionary, or `DataFileError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    lines = list(enumerate(text.splitlines(), start=1))
    if path.name.endswith(".agents.txt"):
        return [], read_agents(lines, str(path))
    return read_actors(lines, str(path), _stem(path.name)), {}


def _stem(file_name: str) -> str:
    return file_name.removesuffix(".actors.txt").removesuffix(".agents.txt")


def _content(line: str) -> str:
    return line.split("#", 1)[0].strip()


# -- actors -------------------------------------------------------------------------------


def read_actors(lines: list[tuple[int, str]], path: str, stem: str) -> list[Entry]:
    """The entries of an `.actors.txt` file, all read before any is returned."""
    drafts: list[_Draft] = []
    for number, raw in lines:
        line = _content(raw)
        if not line:
            continue
        if line.startswith("+"):
            _current(drafts, path, number, "a synonym").synonyms.append(
                _words(line[1:].split("[", 1)[0].strip(), path, number)
            )
            _add_codes(_current(drafts, path, number, "a code"), line, path, number)
        elif line.startswith("["):
            _add_codes(_current(drafts, path, number, "a code"), line, path, number)
        else:
            name = line.split("[", 1)[0].strip()
            drafts.append(_Draft(_words(name, path, number), number))
            _add_codes(drafts[-1], line, path, number)
    ids: set[str] = set()
    return [_entry_of(draft, path, stem, ids) for draft in drafts]


def _current(drafts: list[_Draft], path: str, line: int, what: str) -> _Draft:
    if not drafts:
        raise DataFileError(path, line, f"{what} line before any name line")
    return drafts[-1]


def _words(token: str, path: str, line: int) -> str:
    """`VLADIMIR_PUTIN_` -> `Vladimir Putin`: the name as the knowledge base spells it."""
    if not _NAME.match(token):
        raise DataFileError(
            path, line, f"{token!r} is not a dictionary name: write NAME_WITH_UNDERSCORES_"
        )
    words = token.strip("_").replace("_", " ").split()
    if not words:
        raise DataFileError(path, line, f"{token!r} has no letters")
    return " ".join(w if any(c.islower() for c in w) else w.capitalize() for w in words)


def _add_codes(draft: _Draft, line: str, path: str, number: int) -> None:
    rest = line.split("[", 1)
    if len(rest) == 1:
        return
    brackets = "[" + rest[1]
    if _CODE.sub("", brackets).strip():
        raise DataFileError(
            path,
            number,
            f"cannot read {brackets!r}: write [CODE], [CODE yymmdd-yymmdd], "
            "[CODE <yymmdd] or [CODE >yymmdd]",
        )
    for code, dates in _CODE.findall(brackets):
        start, end = _date_range(dates.strip(), path, number)
        draft.codes.append((code.lstrip("~"), start, end, number))


def _date_range(text: str, path: str, line: int) -> tuple[dt.date | None, dt.date | None]:
    if not text:
        return None, None
    found = _DATES.match(text)
    if found is None:
        raise DataFileError(
            path, line, f"date restriction {text!r} is not yymmdd-yymmdd, <yymmdd or >yymmdd"
        )
    first, last, before, after = found.groups()
    if before:
        return None, _yymmdd(before, path, line)
    if after:
        return _yymmdd(after, path, line), None
    start, end = _yymmdd(first, path, line), _yymmdd(last, path, line)
    if end < start:
        raise DataFileError(path, line, f"date range {text!r} ends before it starts")
    return start, end


def _yymmdd(text: str, path: str, line: int) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%y%m%d").date()
    except ValueError:
        raise DataFileError(path, line, f"{text!r} is not a date (yymmdd)") from None


def _entry_of(draft: _Draft, path: str, stem: str, ids: set[str]) -> Entry:
    """An organisation for one undated code, a person with dated roles otherwise."""
    if not draft.codes:
        raise DataFileError(path, draft.line, f"{draft.name!r} has no [CODE] line")
    entry_id = _unique_id(f"petrarch-{stem}-{draft.name}", ids)
    aliases = tuple(dict.fromkeys([draft.name, *draft.synonyms]))
    origin = f"{path}:{draft.line}"
    (code, start, end, _), *others = draft.codes
    if not others and start is None and end is None:
        country, sector = split_code(code)
        return Entry(
            id=entry_id,
            kind="organisation",
            name=draft.name,
            aliases=aliases,
            code=code,
            country=country,
            sector=sector,
            origin=origin,
        )
    dated = [c for c in draft.codes if c[1] or c[2]]
    undated = [c for c in draft.codes if not (c[1] or c[2])]
    roles = tuple(_role(code, start, end) for code, start, end, _ in [*dated, *undated])
    return Entry(
        id=entry_id,
        kind="person",
        name=draft.name,
        aliases=aliases,
        roles=roles,
        origin=origin,
    )


def _role(code: str, start: dt.date | None, end: dt.date | None) -> Role:
    country, sector = split_code(code)
    return Role(title=None, country=country, sector=sector, group=None, start=start, end=end)


def split_code(code: str) -> tuple[str | None, str | None]:
    """`RUSGOV` -> (`RUS`, `GOV`); `IGOUNO` -> (None, `IGO`); `WST` -> (None, None)."""
    prefix = code[:3]
    if prefix in NON_COUNTRY_PREFIXES:
        return None, NON_COUNTRY_PREFIXES[prefix]
    if prefix in REGION_CODES:
        return None, code[3:6] or None
    return prefix, code[3:6] or None


def _unique_id(name: str, ids: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    candidate, n = base, 1
    while candidate in ids:
        n += 1
        candidate = f"{base}-{n}"
    ids.add(candidate)
    return candidate


# -- agents -------------------------------------------------------------------------------


def read_agents(lines: list[tuple[int, str]], path: str) -> dict[str, str]:
    """Role noun -> sector from an `.agents.txt` file, all read before any is returned."""
    table: dict[str, str] = {}
    for number, raw in lines:
        line = _content(raw)
        if not line:
            continue
        found = _AGENT.match(line)
        if found is None:
            raise DataFileError(
                path, number, f"cannot read agent line {line!r}: write NOUN_ {{PLURAL_}} [CODE]"
            )
        if found["noun"].startswith("!"):
            continue  # `!word!` patterns are not supported (module docstring)
        sector = _agent_sector(found["code"], path, number)
        for form in [found["noun"], *(found["plural"] or "").split()]:
            table[_words(form, path, number).lower()] = sector
    return table


def _agent_sector(code: str, path: str, line: int) -> str:
    sector = code.strip().lstrip("~")
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", sector):
        raise DataFileError(path, line, f"agent code {code!r} is not a sector code like GOV")
    return sector[:3]
