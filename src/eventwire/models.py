"""The plain records that flow between stages: documents in, events out.

Every stage takes and returns these dataclasses, never spaCy objects, so a stage can be
tested alone and the output contract in DESIGN.md lives in exactly one place.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "planned", "hypothetical", "reported_denied"]
DateBasis = Literal["explicit", "relative", "publication"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input news item; `date` is the publication date (YYYY-MM-DD)."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None
    """Where the record came from (`file:line`), for error messages."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention: `code` is country + sector, Phoenix style (`IRNGOV`)."""

    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    group: str | None = None
    id: str | None = None
    reason: str | None = None
    """Why the resolver chose this reading (debug output only)."""

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("reason")
        return data


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int
    end: int
    """Character offsets in the document text."""


@dataclass(slots=True)
class Event:
    """One coded event, field for field the output contract of DESIGN.md."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sentence_span: tuple[int, int]
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float
    negated: bool
    modality: Modality
    speaker: Actor | None
    reported_by: str | None
    date: str | None
    date_basis: DateBasis
    location: Location | None
    killed: int | None
    injured: int | None
    arrested: int | None
    trigger: Trigger
    confidence: float
    intended_cameo: str | None = None
    """For a planned act coded as the intent to do it (03x, 13x): the act's own code."""
    intended_plover: str | None = None
    story_index: int = 0
    debug: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, debug: bool = False) -> dict[str, Any]:
        """The JSON shape of the contract; `debug` adds the resolver's reasons."""
        data: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "debug":
                continue
            if isinstance(value, Actor):
                value = value.to_dict()
            elif dataclasses.is_dataclass(value):
                value = dataclasses.asdict(value)  # type: ignore[arg-type]
            elif isinstance(value, tuple):
                value = list(value)
            data[f.name] = value
        if debug:
            data["debug"] = self.debug
        return data


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input record that could not be read; the batch goes on without it."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"
