"""Analysis over a hand-built store (tests/test_analysis_support.py): every number below is
counted by hand from the table there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.analysis import (
    Actor,
    EventQuery,
    actor_network,
    actor_profile,
    actors,
    document,
    dyad_series,
    event,
    list_events,
    places,
    relation_brief,
    summary,
    to_html,
    to_markdown,
)
from eventwire.analysis.snapshot import Snapshot
from eventwire.store import Store
from test_analysis_support import build_store, fill_store
from test_store_support import open_test_store

D = dt.date.fromisoformat


@pytest.fixture(scope="module", params=["duckdb", "snapshot", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The small store on both back ends, and as a snapshot: the analysis SQL must mean
    the same on each."""
    folder = tmp_path_factory.mktemp("analysis")
    if request.param == "snapshot":
        with Snapshot.load(build_store(folder / "small.duckdb")) as snapshot:
            yield snapshot
        return
    with fill_store(open_test_store(request.param, folder)) as opened:
        yield opened


def points(series: list) -> list[tuple]:
    return [
        (f"{p.period}", p.events, p.mentions, p.cooperation, p.conflict, p.goldstein)
        for p in series
    ]


@pytest.mark.parametrize(
    ("a", "b", "interval", "directed", "expected"),
    [
        ("RUS", "IRN", "month", False, [("2025-01-01", 3, 5, 3, 0, 5.333)]),
        ("IRN", "RUS", "month", False, [("2025-01-01", 3, 5, 3, 0, 5.333)]),
        ("RUS", "IRN", "month", True, [("2025-01-01", 2, 4, 2, 0, 7.5)]),
        ("IRN", "RUS", "month", True, [("2025-01-01", 1, 1, 1, 0, 1.0)]),
        (
            "RUS", "IRN", "week", False,
            [("2025-01-06", 2, 3, 2, 0, 4.5), ("2025-01-20", 1, 2, 1, 0, 7.0)],
        ),
        ("ISR", None, "month", False, [("2025-02-01", 3, 3, 0, 3, -7.333)]),
        (
            None, None, "month", False,
            [("2025-01-01", 3, 5, 3, 0, 5.333), ("2025-02-01", 3, 3, 0, 3, -7.333),
             ("2025-03-01", 2, 2, 0, 2, -6.5)],
        ),
        ("hezbollah", "ISR", "day", True, [("2025-02-12", 1, 1, 0, 1, -10.0)]),
    ],
)  # fmt: skip
def test_analysis_dyad_series(store, a, b, interval, directed, expected) -> None:
    series = dyad_series(
        store,
        Actor(a) if a else None,
        Actor(b) if b else None,
        interval=interval,
        directed=directed,
    )
    assert points(series) == expected


def test_analysis_series_quads_and_period(store) -> None:
    (point,) = dyad_series(store, Actor("IRN"), None, since=D("2025-03-01"))
    assert (point.quad1, point.quad2, point.quad3, point.quad4) == (0, 0, 0, 2)
    assert dyad_series(store, Actor("RUS"), Actor("IRN"), until=D("2025-01-07")) != []
    assert dyad_series(store, Actor("RUS"), Actor("IRN"), since=D("2025-02-01")) == []


@pytest.mark.parametrize(
    ("level", "min_events", "edges"),
    [
        (
            "country", 1,
            [("IRN", "RUS", 3, 0, 3), ("IRN", "ISR", 0, 2, 2), ("IRN", "USA", 0, 1, 1),
             ("ISR", "LBN", 0, 1, 1)],
        ),
        ("country", 2, [("IRN", "RUS", 3, 0, 3), ("IRN", "ISR", 0, 2, 2)]),
        (
            "group", 1,
            [("IRN", "RUS", 3, 0, 3), ("IRN", "ISR", 0, 2, 2), ("IRN", "USA", 0, 1, 1),
             ("ISR", "hezbollah", 0, 1, 1)],
        ),
        (
            "sector", 1,
            [("IRN", "ISR", 0, 2, 2), ("IRN", "RUS", 1, 0, 1), ("IRN", "RUSMIL", 1, 0, 1),
             ("IRN", "USA", 0, 1, 1), ("IRNGOV", "IRNOPP", 0, 1, 1), ("IRNGOV", "RUS", 1, 0, 1),
             ("ISR", "LBNMIL", 0, 1, 1)],
        ),
    ],
)  # fmt: skip
def test_analysis_network_edges(store, level, min_events, edges) -> None:
    network = actor_network(store, level=level, min_events=min_events)
    found = [(e.source, e.target, e.cooperation, e.conflict, e.events) for e in network.edges]
    assert found == edges


def test_analysis_network_nodes(store) -> None:
    network = actor_network(store)
    nodes = {n.id: (n.label, n.events, n.centrality) for n in network.nodes}
    assert nodes == {
        "IRN": ("Iran", 6, 0.75),
        "RUS": ("Russia", 3, 0.25),
        "ISR": ("Israel", 3, 0.5),
        "USA": ("United States", 1, 0.25),
        "LBN": ("Lebanon", 1, 0.25),
    }
    assert network.nodes[0].id == "IRN"
    communities = {n.id: n.community for n in network.nodes}
    assert communities["ISR"] == communities["LBN"]
    assert network.graph["IRN"]["RUS"]["cooperation"] == 3


def test_analysis_network_period_and_labels(store) -> None:
    network = actor_network(store, level="sector", since=D("2025-03-01"))
    labels = {n.id: n.label for n in network.nodes}
    assert labels == {
        "IRN": "Iran", "USA": "United States", "IRNGOV": "Iran GOV", "IRNOPP": "Iran OPP",
    }  # fmt: skip
    assert actor_network(store, since=D("2026-01-01")).nodes == []


def test_analysis_profile(store) -> None:
    profile = actor_profile(store, "irn")
    assert (profile.code, profile.name, profile.events) == ("IRN", "Iran", 7)
    assert (profile.as_source, profile.as_target) == (3, 5)
    assert (profile.first_date, profile.last_date) == (D("2025-01-06"), D("2025-03-10"))
    assert profile.quad == {"quad1": 2, "quad2": 1, "quad3": 1, "quad4": 3}
    assert [(p.code, p.events, p.cooperation, p.conflict) for p in profile.partners] == [
        ("RUS", 3, 3, 0), ("ISR", 2, 0, 2), ("USA", 1, 0, 1),
    ]  # fmt: skip
    assert [p.code for p in profile.allies] == ["RUS"]
    assert [p.code for p in profile.adversaries] == ["ISR", "USA"]
    assert profile.plover[0] == {"plover": "COERCE", "events": 2}
    assert [p.events for p in profile.trend] == [3, 2, 2]


def test_analysis_profile_of_unknown_actor_is_empty(store) -> None:
    profile = actor_profile(store, "XYZ")
    assert (profile.events, profile.partners, profile.trend) == (0, [], [])


def test_analysis_brief(store) -> None:
    brief = relation_brief(store, "RUS", "IRN")
    assert (brief.a.name, brief.b.name) == ("Russia", "Iran")
    assert (brief.events, brief.cooperation, brief.conflict) == (3, 3, 0)
    assert (brief.first_date, brief.last_date) == (D("2025-01-06"), D("2025-03-05"))
    ranked = [(e["event_id"], e["status"]) for e in brief.key_events]
    assert ranked == [(1, "asserted"), (3, "planned"), (4, "negated"), (9, "hypothetical"),
                      (2, "asserted")]  # fmt: skip
    assert [(p.code, p.events) for p in brief.third_parties] == [("ISR", 2), ("USA", 1)]
    assert brief.headline.startswith("Russia and Iran: mostly cooperation, 3 cooperative")


def test_analysis_brief_renders(store) -> None:
    brief = relation_brief(store, "RUS", "IRN")
    markdown = to_markdown(brief)
    assert markdown.startswith("# Russia and Iran: relation brief")
    assert "**[NEGATED]**" in markdown and "**[PLANNED]**" in markdown
    assert "> Russia and Iran: event 1 (Sign formal agreement)." in markdown
    html = to_html(brief)
    assert "<mark>event</mark>" in html and 'class="tag negated"' in html
    assert "http" not in html and "<script" not in html


def test_analysis_brief_escapes_html(store) -> None:
    brief = relation_brief(store, "RUS", "IRN")
    brief.key_events[0]["sentence"] = "<script>alert(1)</script>"
    assert "<script>" not in to_html(brief)


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(actor=Actor("RUS")), [9, 4, 3, 2, 1]),
        (EventQuery(pair=(Actor("IRN"), Actor("RUS"))), [4, 2]),
        (EventQuery(source=Actor("RUSMIL")), [3]),
        (EventQuery(target=Actor("isr")), [7, 6]),
        (EventQuery(plover="assault"), [7, 5]),
        (EventQuery(cameo="17"), [10]),
        (EventQuery(quad=2), [4, 3]),
        (EventQuery(modality="planned"), [3]),
        (EventQuery(negated=True), [4]),
        (EventQuery(place="mosc"), [1]),
        (EventQuery(place="IRN"), [5]),
        (EventQuery(text="EMBARGO"), [8]),
        (EventQuery(text="100%"), []),
        (EventQuery(text="' OR 1=1 --"), []),
        (EventQuery(since=D("2025-02-11"), until=D("2025-02-12")), [7, 6]),
        (EventQuery(counted=True, actor=Actor("RUS")), [3, 2, 1]),
    ],
)
def test_analysis_event_filters(store, query, ids) -> None:
    page = list_events(store, query)
    assert [item["event_id"] for item in page.items] == ids
    assert page.total == len(ids)


@pytest.mark.parametrize(
    ("sort", "first"), [("date", 1), ("-date", 10), ("goldstein", 5), ("-goldstein", 1),
                        ("mentions", 2), ("-mentions", 3)]
)  # fmt: skip
def test_analysis_event_sort_and_page(store, sort, first) -> None:
    page = list_events(store, EventQuery(), sort=sort, limit=3, offset=0)
    assert page.total == 10 and len(page.items) == 3 and page.items[0]["event_id"] == first


def test_analysis_event_item_shape(store) -> None:
    item = event(store, 1)
    assert item is not None
    assert item["source"] == {
        "code": "RUS", "name": "Russia", "country": "RUS", "sector": None, "group": None,
    }  # fmt: skip
    assert item["location"] == {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert (item["mention_count"], item["sources"], item["outlet"]) == (2, 2, "Wire A")
    mentions = item["mentions"]
    assert [(m["doc_id"], m["doc_source"], m["reported_by"]) for m in mentions] == [
        ("doc1", "Wire A", None), ("doc1b", "Wire B", "TASS"),
    ]  # fmt: skip
    second = mentions[1]
    start = second["trigger"]["start"] - second["sentence_span"][0]
    assert second["sentence"][start : start + 6] == "signed"
    assert event(store, 999) is None


def test_analysis_summary(store) -> None:
    found = summary(store)
    assert (found["documents"], found["events"], found["mentions"]) == (11, 10, 11)
    assert (found["first_date"], found["last_date"]) == (D("2025-01-06"), D("2025-03-10"))
    assert found["per_month"] == [
        {"period": "2025-01", "events": 3, "quad1": 2, "quad2": 1, "quad3": 0, "quad4": 0},
        {"period": "2025-02", "events": 3, "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 2},
        {"period": "2025-03", "events": 2, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 2},
    ]
    assert found["top_dyads"][0] == {
        "source": "IRN", "target": "RUS", "source_name": "Iran", "target_name": "Russia",
        "events": 3, "cooperation": 3, "conflict": 0,
    }  # fmt: skip
    assert found["plover"][:2] == [
        {"plover": "ASSAULT", "events": 2},
        {"plover": "COERCE", "events": 2},
    ]


def test_analysis_documents_places_actors(store) -> None:
    doc = document(store, "doc1b")
    assert doc is not None and doc["source"] == "Wire B"
    assert [e["event_id"] for e in doc["events"]] == [1]
    assert document(store, "nothing") is None
    assert places(store) == [
        {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "events": 1},
        {"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.42, "events": 1},
    ]
    assert places(store, actor="ISR") == [places(store)[1]]
    found = actors(store)
    assert found[:2] == [
        {"code": "IRN", "name": "Iran", "events": 7},
        {"code": "RUS", "name": "Russia", "events": 4},
    ]
    assert [a["code"] for a in actors(store, q="leban")] == ["LBNMIL"]
    assert [a["code"] for a in actors(store, q="irng")] == ["IRNGOV"]


def test_analysis_needs_no_writes(tmp_path: Path) -> None:
    path = build_store(tmp_path / "s.duckdb")
    with Store.open(path, read_only=True) as opened:
        assert relation_brief(opened, "ISR", "IRN").conflict == 2
