"""Reading the knowledge files (CSV and YAML) with errors that name file and line.

Political scientists edit these files by hand, so every loader reports the exact place of a
mistake and loads nothing from a file that has one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError

DataPath = Path | Traversable


def package_data(*parts: str) -> Traversable:
    """A file or folder under `src/eventwire/data`, wherever the package is installed."""
    node = resources.files("eventwire").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_csv(path: DataPath, *, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; `#` lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if not line.startswith("#")]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        raise DataFileError(str(path), None, "the file is empty: expected a header line")
    header_line, header = numbered[0]
    columns = next(csv.reader([header]))
    missing = [c for c in required if c not in columns]
    if missing:
        raise DataFileError(str(path), header_line, f"missing column(s) {', '.join(missing)}")
    for number, line in numbered[1:]:
        values = next(csv.reader([line]))
        if len(values) != len(columns):
            raise DataFileError(
                str(path), number, f"{len(values)} fields where the header has {len(columns)}"
            )
        yield number, {c: v.strip() for c, v in zip(columns, values, strict=True)}


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on (as `__line__`)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay strings so that the loaders can check them and say where a bad one is.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: DataPath) -> Any:
    """Parse a YAML file; mappings carry their line number under `__line__`."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(str(path), line, f"invalid YAML: {exc.problem}") from exc
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc.strerror}") from exc


def read_word_lists(path: DataPath, names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The named lists of a YAML file of word lists (see `word_lists`)."""
    return word_lists(read_yaml(path), names, path)


def word_lists(raw: Any, names: tuple[str, ...], path: DataPath) -> dict[str, frozenset[str]]:
    """The named lists of a parsed YAML mapping, lower-cased; every name must be there."""
    if not isinstance(raw, dict):
        raise DataFileError(str(path), None, "expected a mapping of word lists")
    missing = [name for name in names if not isinstance(raw.get(name), list)]
    if missing:
        raise DataFileError(str(path), None, f"missing list(s): {', '.join(missing)}")
    return {name: frozenset(str(word).lower() for word in raw[name]) for name in names}
