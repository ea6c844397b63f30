"""Every endpoint of the REST API over the hand-built store of test_analysis_support.py:
the shapes the web UI codes against, with hand-counted values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from test_analysis_support import fill_store
from test_store_support import open_test_store


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The API over the small store, on both back ends."""
    with fill_store(open_test_store(request.param, tmp_path_factory.mktemp("api"))) as store:
        url = store.url
    with TestClient(create_app(url)) as opened:
        yield opened


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_summary(client: TestClient) -> None:
    found = get(client, "/api/summary")
    assert {k: found[k] for k in ("documents", "events", "mentions")} == {
        "documents": 11, "events": 10, "mentions": 11,
    }  # fmt: skip
    assert (found["first_date"], found["last_date"]) == ("2025-01-06", "2025-03-10")
    assert found["per_month"][0] == {
        "period": "2025-01", "events": 3, "quad1": 2, "quad2": 1, "quad3": 0, "quad4": 0,
    }  # fmt: skip
    assert found["top_dyads"][0]["events"] == 3
    assert found["plover"][0] == {"plover": "ASSAULT", "events": 2}


EVENT_KEYS = {
    "event_id", "date", "source", "target", "cameo", "cameo_name", "plover", "plover_mode",
    "quad_class", "goldstein", "modality", "negated", "location", "mentions", "sources",
    "documents", "sentence", "trigger", "sentence_span", "speaker", "reported_by", "outlet",
    "doc_id",
}  # fmt: skip


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("", [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]),
        ("actor=rus", [9, 4, 3, 2, 1]),
        ("source=RUSMIL", [3]),
        ("target=ISR", [7, 6]),
        ("dyad=IRN,RUS", [4, 2]),
        ("plover=assault", [7, 5]),
        ("cameo=17", [10]),
        ("quad=2", [4, 3]),
        ("modality=planned", [3]),
        ("negated=true", [4]),
        ("since=2025-02-11&until=2025-02-12", [7, 6]),
        ("place=tehran", [5]),
        ("q=embargo", [8]),
        ("actor=IRN&sort=goldstein&limit=2", [5, 8]),
        ("sort=-mentions&limit=2&offset=1", [1, 10]),
        ("actor=hezbollah", [7]),
    ],
)
def test_api_events_filters(client: TestClient, query: str, ids: list[int]) -> None:
    found = get(client, f"/api/events?{query}")
    assert [item["event_id"] for item in found["items"]] == ids
    assert set(found["items"][0]) == EVENT_KEYS


def test_api_events_page_envelope(client: TestClient) -> None:
    found = get(client, "/api/events?limit=3&offset=2&sort=date")
    assert (found["total"], found["limit"], found["offset"]) == (10, 3, 2)
    assert [item["event_id"] for item in found["items"]] == [3, 4, 5]


def test_api_event_with_mentions(client: TestClient) -> None:
    found = get(client, "/api/events/1")
    assert found["source"]["name"] == "Russia" and found["mention_count"] == 2
    assert found["location"] == {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62}
    assert [m["doc_source"] for m in found["mentions"]] == ["Wire A", "Wire B"]
    assert set(found["mentions"][0]) == {
        "doc_id", "sentence", "sentence_span", "trigger", "source_text", "target_text",
        "speaker", "reported_by", "date", "doc_title", "doc_source",
    }  # fmt: skip
    speaker = get(client, "/api/events/6")["mentions"][0]["speaker"]
    assert speaker["name"] == "Abbas Araghchi"


def test_api_documents(client: TestClient) -> None:
    found = get(client, "/api/documents?limit=2")
    assert found["total"] == 11 and len(found["items"]) == 2
    assert found["items"][0]["doc_id"] == "doc10"
    one = get(client, "/api/documents/doc1b")
    assert one["source"] == "Wire B" and one["text"].startswith("Moscow and Tehran")
    assert [e["event_id"] for e in one["events"]] == [1]


def test_api_actors(client: TestClient) -> None:
    assert get(client, "/api/actors?limit=2") == [
        {"code": "IRN", "name": "Iran", "events": 7},
        {"code": "RUS", "name": "Russia", "events": 4},
    ]
    assert [a["code"] for a in get(client, "/api/actors?q=isr")] == ["ISR"]
    profile = get(client, "/api/actors/IRN")
    assert (profile["events"], profile["as_source"], profile["as_target"]) == (7, 3, 5)
    assert [p["code"] for p in profile["allies"]] == ["RUS"]
    assert [p["code"] for p in profile["adversaries"]] == ["ISR", "USA"]
    assert profile["trend"][0]["cooperation"] == 3


def test_api_dyads(client: TestClient) -> None:
    found = get(client, "/api/dyads?a=RUS&b=IRN&interval=week")
    assert (found["a"], found["b"], found["interval"], found["directed"]) == (
        "RUS", "IRN", "week", False,
    )  # fmt: skip
    assert found["series"][0] == {
        "period": "2025-01-06", "events": 2, "mentions": 3, "quad1": 2, "quad2": 0,
        "quad3": 0, "quad4": 0, "goldstein": 4.5, "cooperation": 2, "conflict": 0,
    }  # fmt: skip
    directed = get(client, "/api/dyads?a=IRN&b=RUS&directed=true")["series"]
    assert [p["events"] for p in directed] == [1]
    everyone = get(client, "/api/dyads")["series"]
    assert [p["events"] for p in everyone] == [3, 3, 2]


def test_api_network(client: TestClient) -> None:
    found = get(client, "/api/network?min_events=2")
    assert found["nodes"][0] == {
        "id": "IRN", "label": "Iran", "events": 5, "centrality": 1.0, "community": 0,
    }  # fmt: skip
    assert found["edges"] == [
        {"source": "IRN", "target": "RUS", "cooperation": 3, "conflict": 0, "events": 3,
         "goldstein": 5.333},
        {"source": "IRN", "target": "ISR", "cooperation": 0, "conflict": 2, "events": 2,
         "goldstein": -6.0},
    ]  # fmt: skip
    groups = get(client, "/api/network?level=group&since=2025-02-12&until=2025-02-12")
    assert [n["id"] for n in groups["nodes"]] == ["ISR", "hezbollah"]


def test_api_network_edge(client: TestClient) -> None:
    found = get(client, "/api/network/edge?a=RUS&b=IRN")
    assert [item["event_id"] for item in found["items"]] == [9, 4, 3, 2, 1]
    group = get(client, "/api/network/edge?a=hezbollah&b=ISR&level=group")
    assert [item["event_id"] for item in group["items"]] == [7]
    assert get(client, "/api/network/edge?a=LBN&b=ISR&level=group")["total"] == 0


def test_api_places(client: TestClient) -> None:
    assert get(client, "/api/places?actor=RUS") == [
        {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "events": 1}
    ]
    assert get(client, "/api/places?since=2025-03-01") == []


def test_api_brief(client: TestClient) -> None:
    found = get(client, "/api/brief?a=RUS&b=IRN")
    assert found["a"] == {"code": "RUS", "name": "Russia"}
    assert (found["events"], found["cooperation"], found["conflict"]) == (3, 3, 0)
    assert [(e["event_id"], e["status"]) for e in found["key_events"]][:3] == [
        (1, "asserted"), (3, "planned"), (4, "negated"),
    ]  # fmt: skip
    assert found["trend"][0]["cooperation"] == 3
    assert [p["code"] for p in found["third_parties"]] == ["ISR", "USA"]
    markdown = client.get("/api/brief.md?a=RUS&b=IRN")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Russia and Iran")
    page = client.get("/api/brief.html?a=RUS&b=IRN&since=2025-01-01")
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<mark>" in page.text


def test_api_openapi_and_no_cdn_docs(client: TestClient) -> None:
    paths = get(client, "/api/openapi.json")["paths"]
    assert {"/api/events", "/api/brief", "/api/network/edge", "/api/documents"} <= set(paths)
    assert client.get("/docs").status_code in (404, 200)
    assert "cdn" not in client.get("/docs").text.lower()
