"""The CAMEO codes with their Goldstein weights and PLOVER mapping, read from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.datafiles import package_data, read_csv
from eventwire.errors import DataFileError


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


def _code_map(name: str, value_column: str) -> dict[str, str]:
    """A two-column table of CAMEO codes (`code` -> `value_column`), every code checked."""
    path = package_data("ontology", name)
    codes = load_ontology()
    table: dict[str, str] = {}
    for line, row in read_csv(path, required=("code", value_column)):
        for value in row.values():
            if value not in codes:
                raise DataFileError(str(path), line, f"{value!r} is not a CAMEO code")
        table[row["code"]] = row[value_column]
    return table


@lru_cache(maxsize=1)
def load_intents() -> dict[str, str]:
    """Act code prefix -> the code for intending it, from `data/ontology/intent.csv`
    (`by_prefix` reads it)."""
    return _code_map("intent.csv", "intent_code")


@lru_cache(maxsize=1)
def load_rejections() -> dict[str, str]:
    """Code prefix -> the rejection a negated act amounts to (`data/ontology/negation.csv`)."""
    return _code_map("negation.csv", "reject_code")


def by_prefix(code: str, table: dict[str, str]) -> str | None:
    """The value of the longest prefix of `code` in a table of code prefixes."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None
