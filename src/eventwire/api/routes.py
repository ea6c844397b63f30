"""The read-only endpoints, all under /api: each validates, asks eventwire.analysis, and
returns JSON (shapes in tests/test_api.py)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from eventwire import analysis
from eventwire.analysis import Brief, EventQuery, Page, SeriesPoint
from eventwire.analysis.items import to_json
from eventwire.analysis.query import Actor
from eventwire.api import params as p
from eventwire.api.errors import ApiError
from eventwire.api.stores import StorePool


class Json(JSONResponse):
    """JSON written straight from plain data (dates as ISO strings), skipping FastAPI's
    response validation: the analysis functions already return exactly these shapes."""

    def render(self, content: Any) -> bytes:
        return to_json(content)


router = APIRouter(prefix="/api", default_response_class=Json)
BRIEF_HTML_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


def pool(request: Request) -> StorePool:
    return request.app.state.pool  # type: ignore[no-any-return]


def page(found: Page) -> Json:
    return Json(dataclasses.asdict(found))


def event_page(
    request: Request, query: EventQuery, *, sort: str = "-date", limit: int, offset: int
) -> Response:
    """A page of events: from the snapshot's index when it can answer (the body is then
    Page's JSON written around the items written ahead), else by SQL."""
    index = pool(request).index
    found = index.page(query, sort=sort, limit=limit, offset=offset) if index else None
    if found is None:
        with pool(request).store() as store:
            return page(analysis.list_events(store, query, sort=sort, limit=limit, offset=offset))
    total, items = found
    body = b'{"total":%d,"limit":%d,"offset":%d,"items":%b}' % (total, limit, offset, items)
    return Response(body, media_type=Json.media_type)


def found_or_404(found: dict[str, Any] | None, message: str) -> dict[str, Any]:
    if found is None:
        raise ApiError(404, message)
    return found


def point(value: SeriesPoint) -> dict[str, Any]:
    """A series point with its cooperation and conflict sums."""
    data = dataclasses.asdict(value)
    return data | {"cooperation": value.cooperation, "conflict": value.conflict}


@router.get("/summary")
def summary(request: Request) -> Json:
    """Corpus counts, events per month by quad class, top dyads, PLOVER mix."""
    with pool(request).store() as store:
        return Json(analysis.summary(store))


@router.get("/events")
def events(
    request: Request,
    actor: p.Code = None,
    source: p.Code = None,
    target: p.Code = None,
    dyad: p.Dyad = None,
    plover: p.Plover = None,
    cameo: p.Cameo = None,
    quad: p.Quad = None,
    modality: p.Modality = None,
    negated: bool | None = None,
    since: p.Day = None,
    until: p.Day = None,
    place: p.Text = None,
    q: p.Text = None,
    limit: p.Limit = 50,
    offset: p.Offset = 0,
    sort: p.Sort = "-date",
) -> Response:
    """Events matching every filter given, one page, with the total."""
    p.period(since, until)
    query = EventQuery(
        actor=p.actor(actor), source=p.actor(source), target=p.actor(target),
        pair=p.dyad(dyad), plover=p.plover(plover), cameo=cameo, quad=quad,
        modality=modality, negated=negated, since=since, until=until, place=place, text=q,
    )  # fmt: skip
    return event_page(request, query, sort=sort, limit=limit, offset=offset)


@router.get("/events/{event_id}")
def event(request: Request, event_id: p.EventId) -> Json:
    """One event with every mention of it."""
    index = pool(request).index
    if index:
        found = index.event(event_id)
    else:
        with pool(request).store() as store:
            found = analysis.event(store, event_id)
    return Json(found_or_404(found, f"no event {event_id}"))


@router.get("/documents")
def documents(request: Request, limit: p.Limit = 50, offset: p.Offset = 0) -> Json:
    """Stored documents, newest first."""
    with pool(request).store() as store:
        return page(analysis.list_documents(store, limit=limit, offset=offset))


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: p.DocId) -> Json:
    """One document: its text and the events it mentions."""
    with pool(request).store() as store:
        found = analysis.document(store, doc_id)
    return Json(found_or_404(found, f"no document {doc_id!r}"))


@router.get("/actors")
def actors(request: Request, q: p.Text = None, limit: p.Limit = 50) -> Json:
    """Actor codes by number of events; `q` a code start or part of a name."""
    with pool(request).store() as store:
        return Json(analysis.actors(store, q=q, limit=limit))


@router.get("/actors/{code}")
def actor_profile(
    request: Request, code: p.PathCode, since: p.Day = None, until: p.Day = None
) -> Json:
    """An actor's profile: partners, event mix, allies, adversaries, trend."""
    p.period(since, until)
    with pool(request).store() as store:
        if analysis.list_events(store, EventQuery(actor=Actor(code)), limit=1).total == 0:
            raise ApiError(404, f"no events of actor {code!r}")
        profile = analysis.actor_profile(store, code, since=since, until=until)
    data = dataclasses.asdict(profile)
    return Json(data | {"trend": [point(x) for x in profile.trend]})


@router.get("/dyads")
def dyads(
    request: Request,
    a: p.Code = None,
    b: p.Code = None,
    interval: p.Interval = "month",
    directed: bool = False,
    since: p.Day = None,
    until: p.Day = None,
) -> Json:
    """Counted events per period of a pair, of one actor, or of everyone."""
    p.period(since, until)
    with pool(request).store() as store:
        series = analysis.dyad_series(
            store, p.actor(a), p.actor(b), interval=interval, directed=directed,
            since=since, until=until,
        )  # fmt: skip
    names = [x.upper() if x else None for x in (a, b)]
    head = {"a": names[0], "b": names[1], "interval": interval, "directed": directed}
    return Json(head | {"series": [point(x) for x in series]})


@router.get("/network")
def network(
    request: Request,
    since: p.Day = None,
    until: p.Day = None,
    level: p.Level = "country",
    min_events: p.MinEvents = 1,
) -> Json:
    """The actor network of a period: nodes with centrality and community, weighted edges."""
    p.period(since, until)
    with pool(request).store() as store:
        found = analysis.actor_network(
            store, level=level, since=since, until=until, min_events=min_events
        )
    return Json(
        {
            "level": found.level,
            "nodes": [dataclasses.asdict(n) for n in found.nodes],
            "edges": [dataclasses.asdict(e) for e in found.edges],
        }
    )


@router.get("/network/edge")
def network_edge(
    request: Request,
    a: p.RequiredCode,
    b: p.RequiredCode,
    since: p.Day = None,
    until: p.Day = None,
    level: p.Level = "country",
    limit: p.Limit = 50,
    offset: p.Offset = 0,
) -> Response:
    """The events behind one edge of the network, both ways, every modality."""
    p.period(since, until)
    pair = (Actor(a, level), Actor(b, level))
    query = EventQuery(pair=pair, directed=False, since=since, until=until)
    return event_page(request, query, limit=limit, offset=offset)


@router.get("/places")
def places(
    request: Request, since: p.Day = None, until: p.Day = None, actor: p.Code = None
) -> Json:
    """Places with their number of counted events."""
    p.period(since, until)
    with pool(request).store() as store:
        return Json(analysis.places(store, actor=actor, since=since, until=until))


def relation_brief(
    request: Request,
    a: p.RequiredCode,
    b: p.RequiredCode,
    since: p.Day = None,
    until: p.Day = None,
    limit: p.BriefLimit = 30,
) -> Brief:
    """The brief the three brief endpoints render (their shared parameters)."""
    p.period(since, until)
    with pool(request).store() as store:
        return analysis.relation_brief(store, a, b, since=since, until=until, limit=limit)


BriefOf = Annotated[Brief, Depends(relation_brief)]


@router.get("/brief")
def brief(found: BriefOf) -> Json:
    """The relation brief of a and b as JSON."""
    return Json(dataclasses.asdict(found) | {"trend": [point(x) for x in found.trend]})


@router.get("/brief.md", response_class=PlainTextResponse)
def brief_markdown(found: BriefOf) -> PlainTextResponse:
    """The relation brief as Markdown."""
    text = analysis.to_markdown(found)
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


@router.get("/brief.html", response_class=HTMLResponse)
def brief_html(found: BriefOf) -> HTMLResponse:
    """The relation brief as one self-contained HTML page."""
    return HTMLResponse(analysis.to_html(found), headers=BRIEF_HTML_HEADERS)
