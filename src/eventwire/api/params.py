"""Query parameters, each validated before any SQL runs: codes by pattern, types against
the ontology, numbers by range, free text by length. A bad value is a 422 naming it."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Annotated, Literal

from fastapi import Path, Query

from eventwire.analysis.query import Actor
from eventwire.api.errors import ApiError
from eventwire.ontology import load_ontology

CODE = r"^[A-Za-z0-9-]{2,32}$"
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
MAX_EVENT_ID = 2**63 - 1

Code = Annotated[str | None, Query(pattern=CODE, description="Actor code, prefix or group id.")]
RequiredCode = Annotated[str, Query(pattern=CODE, description="Actor code, prefix or group id.")]
PathCode = Annotated[str, Path(pattern=CODE)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Dyad = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9-]{2,32},[A-Za-z0-9-]{2,32}$")]
Plover = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$")]
Cameo = Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$")]
Quad = Annotated[int | None, Query(ge=1, le=4)]
Modality = Annotated[
    Literal["asserted", "planned", "hypothetical", "reported_denied"] | None, Query()
]
Sort = Annotated[
    Literal["date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"], Query()
]
Level = Annotated[Literal["country", "sector", "group"], Query()]
Interval = Annotated[Literal["day", "week", "month"], Query()]
EventId = Annotated[int, Path(ge=0, le=MAX_EVENT_ID)]
DocId = Annotated[str, Path(min_length=1, max_length=300)]
MinEvents = Annotated[int, Query(ge=1, le=1_000_000)]
BriefLimit = Annotated[int, Query(ge=1, le=200, description="Key events listed.")]


@cache
def plover_types() -> frozenset[str]:
    """The PLOVER types of the shipped ontology."""
    return frozenset(c.plover for c in load_ontology().values() if c.plover)


def plover(value: str | None) -> str | None:
    if value is not None and value.upper() not in plover_types():
        known = ", ".join(sorted(plover_types()))
        raise ApiError(422, f"invalid parameter query.plover: {value!r} is not one of {known}")
    return value


def period(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise ApiError(422, f"invalid parameters: since {since} is after until {until}")


def actor(value: str | None) -> Actor | None:
    return Actor(value) if value else None


def dyad(value: str | None) -> tuple[Actor, Actor] | None:
    if value is None:
        return None
    source, target = value.split(",")
    return Actor(source), Actor(target)
