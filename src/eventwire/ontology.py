"""The CAMEO codes with their Goldstein weights and PLOVER mapping, read from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.datafiles import package_data, read_csv
from eventwire.errors import DataFileError
from eventwire.models import Actor


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def load_ontology() -> dict[str, CameoCode]:
    """Every CAMEO code by its code string (`"057"`), from `data/ontology/cameo.csv`."""
    path = package_data("ontology", "cameo.csv")
    codes: dict[str, CameoCode] = {}
    required = ("code", "name", "root", "goldstein", "quad_class", "plover", "plover_mode")
    for line, row in read_csv(path, required=required):
        try:
            entry = CameoCode(
                code=row["code"],
                name=row["name"],
                root=row["root"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
            )
        except ValueError as exc:
            raise DataFileError(str(path), line, f"bad number: {exc}") from exc
        codes[entry.code] = entry
    return codes


CODE_COLUMNS = ("intent", "reject")
"""Columns of `code_facts.csv` whose values are CAMEO codes."""
FLAG_COLUMNS = ("symmetric", "mutual", "own_government", "received", "outward")
"""Columns of `code_facts.csv` whose values are "yes" or "no"."""
FLAGS = frozenset({"yes", "no"})


@dataclass(frozen=True, slots=True)
class CodeFacts:
    """What the coder knows about each code beyond the codebook, by code prefix
    (`data/ontology/code_facts.csv`): for each fact, the longest prefix of a code that
    states it decides."""

    rows: dict[str, dict[str, str]]
    """Code prefix -> fact -> value, stated cells only."""

    def value(self, code: str, fact: str) -> str | None:
        for size in range(len(code), 1, -1):
            found = self.rows.get(code[:size], {}).get(fact)
            if found is not None:
                return found
        return None

    def intent(self, code: str) -> str | None:
        """The code for intending the act: "will visit" is 036, an intent to meet."""
        return self.value(code, "intent")

    def rejection(self, code: str) -> str | None:
        """The rejection a refused or negated act amounts to: not attending talks is 125."""
        return self.value(code, "reject")

    def holds(self, code: str, fact: str) -> bool:
        """Whether a yes-or-no fact (`FLAG_COLUMNS`) holds for the code."""
        return self.value(code, fact) == "yes"


@lru_cache(maxsize=1)
def load_code_facts() -> CodeFacts:
    """The facts of `data/ontology/code_facts.csv`, every code and flag checked."""
    path = package_data("ontology", "code_facts.csv")
    codes = load_ontology()
    rows: dict[str, dict[str, str]] = {}
    for line, row in read_csv(path, required=("code", *CODE_COLUMNS, *FLAG_COLUMNS)):
        prefix = row["code"]
        if not (prefix.isdigit() and 2 <= len(prefix) <= 4):
            raise DataFileError(str(path), line, f"{prefix!r} is not a CAMEO code prefix")
        for column in CODE_COLUMNS:
            if row[column] and row[column] not in codes:
                raise DataFileError(str(path), line, f"{row[column]!r} is not a CAMEO code")
        for column in FLAG_COLUMNS:
            if row[column] and row[column] not in FLAGS:
                raise DataFileError(str(path), line, f"{column} must be yes, no or empty")
        facts = (*CODE_COLUMNS, *FLAG_COLUMNS)
        rows[prefix] = {column: row[column] for column in facts if row[column]}
    return CodeFacts(rows)


@dataclass(frozen=True, slots=True)
class PartyCode:
    """One row of `data/ontology/party_codes.csv`: an act its parties make more precise."""

    prefix: str
    source_sectors: frozenset[str]
    target_sectors: frozenset[str]
    same_country: bool
    triggers: frozenset[str]
    becomes: str

    def fits(self, code: str, source: Actor | None, target: Actor | None, trigger: str) -> bool:
        """Whether an act of `code` told by the `trigger` lemma between these parties is
        the row's act."""
        return (
            code.startswith(self.prefix)
            and (not self.triggers or trigger in self.triggers)
            and _in_cell_values(source, self.source_sectors)
            and _in_cell_values(target, self.target_sectors)
            and (not self.same_country or _one_country(source, target))
        )


def _in_cell_values(actor: Actor | None, sectors: frozenset[str]) -> bool:
    return not sectors or (actor is not None and actor.sector in sectors)


def _one_country(source: Actor | None, target: Actor | None) -> bool:
    countries = {a.country for a in (source, target) if a is not None and a.country}
    return len(countries) <= 1


@lru_cache(maxsize=1)
def load_party_codes() -> tuple[PartyCode, ...]:
    """The rows of `data/ontology/party_codes.csv`, every code and flag checked."""
    path = package_data("ontology", "party_codes.csv")
    codes = load_ontology()
    required = ("code", "source_sectors", "target_sectors", "same_country", "trigger", "becomes")
    rows = []
    for line, row in read_csv(path, required=required):
        if row["becomes"] not in codes:
            raise DataFileError(str(path), line, f"{row['becomes']!r} is not a CAMEO code")
        if row["same_country"] not in FLAGS | {""}:
            raise DataFileError(str(path), line, "same_country must be yes, no or empty")
        rows.append(
            PartyCode(
                prefix=row["code"],
                source_sectors=_cell_values(row["source_sectors"]),
                target_sectors=_cell_values(row["target_sectors"]),
                same_country=row["same_country"] == "yes",
                triggers=_cell_values(row["trigger"].lower()),
                becomes=row["becomes"],
            )
        )
    return tuple(rows)


def _cell_values(cell: str) -> frozenset[str]:
    """The `|`-separated values of a cell."""
    return frozenset(s.strip() for s in cell.split("|") if s.strip())
