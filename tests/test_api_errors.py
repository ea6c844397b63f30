"""The API refuses bad input with one JSON error shape and a 4xx, never a 500; injection
strings stay data; writes need --allow-writes and the token; the store never changes on a
refused request; CORS stays closed unless configured."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Store
from test_analysis_support import build_store
from test_store_support import fake_code

TOKEN = "a-long-enough-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ENDPOINTS = [
    "/api/summary", "/api/events", "/api/events/1", "/api/documents", "/api/documents/doc1",
    "/api/actors", "/api/actors/IRN", "/api/dyads", "/api/network", "/api/network/edge?a=RUS&b=IRN",
    "/api/places", "/api/brief?a=RUS&b=IRN", "/api/brief.md?a=RUS&b=IRN",
    "/api/brief.html?a=RUS&b=IRN",
]  # fmt: skip
BAD = [
    ("/api/events?limit=0", "query.limit"),
    ("/api/events?limit=501", "query.limit"),
    ("/api/events?limit=ten", "query.limit"),
    ("/api/events?offset=-1", "query.offset"),
    ("/api/events?sort=price", "query.sort"),
    ("/api/events?since=2025-13-01", "query.since"),
    ("/api/events?until=yesterday", "query.until"),
    ("/api/events?since=2025-03-01&until=2025-01-01", "is after until"),
    ("/api/events?quad=5", "query.quad"),
    ("/api/events?cameo=1a", "query.cameo"),
    ("/api/events?plover=DANCE", "is not one of"),
    ("/api/events?modality=maybe", "query.modality"),
    ("/api/events?negated=perhaps", "query.negated"),
    ("/api/events?dyad=RUS", "query.dyad"),
    ("/api/events?actor=R", "query.actor"),
    ("/api/events?q=" + "x" * 201, "query.q"),
    ("/api/events/abc", "path.event_id"),
    ("/api/events/-1", "path.event_id"),
    ("/api/events/99999999999999999999", "path.event_id"),
    ("/api/documents?limit=100000", "query.limit"),
    ("/api/actors/R%20U", "path.code"),
    ("/api/dyads?interval=year", "query.interval"),
    ("/api/dyads?directed=sometimes", "query.directed"),
    ("/api/network?level=city", "query.level"),
    ("/api/network?min_events=0", "query.min_events"),
    ("/api/network/edge?a=RUS", "query.b"),
    ("/api/places?actor=%25%25", "query.actor"),
    ("/api/brief?a=RUS", "query.b"),
    ("/api/brief?a=RUS&b=IRN&limit=1000", "query.limit"),
    ("/api/brief.md?b=IRN", "query.a"),
    ("/api/brief.html?a=RUS&b=IRN&since=1-1-1", "query.since"),
]
NOT_FOUND = ["/api/events/12345", "/api/documents/nothing-here", "/api/actors/XYZ", "/api/nope"]
INJECTIONS = [
    "'; DROP TABLE events; --",
    "RUS' OR '1'='1",
    "%' OR 1=1 --",
    "1; DELETE FROM documents",
    "<script>alert(1)</script>",
    "\\'; UPDATE events SET num_mentions = 0; --",
    "RUS%",
    "_",
]
FILTERS = ["actor", "source", "target", "dyad", "plover", "cameo", "modality", "place", "q"]


def counts(store: Store) -> dict[str, Any]:
    tables = ("documents", "events", "mentions", "actors")
    found: dict[str, Any] = {t: store.value(f"SELECT count(*) FROM {t}") for t in tables}
    found["mentions_total"] = store.value("SELECT sum(num_mentions) FROM events")
    return found


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("errors") / "small.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as opened:
        yield opened


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """An app that allows writes, with the fake coder of the store tests."""
    path = build_store(tmp_path / "writable.duckdb")
    app = create_app(str(path), allow_writes=True, token=TOKEN, coder=fake_code, max_body=4096)
    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


def assert_error(response: Any, status: int, words: str = "") -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message", "detail"}
    assert body["error"]["status"] == status
    assert words in body["error"]["message"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_api_every_endpoint_answers(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("url", "words"), BAD)
def test_api_bad_parameters_are_422(client: TestClient, url: str, words: str) -> None:
    assert_error(client.get(url), 422, words)


@pytest.mark.parametrize("url", NOT_FOUND)
def test_api_missing_things_are_404(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404)


def test_api_wrong_method_is_405(client: TestClient) -> None:
    assert_error(client.delete("/api/events/1"), 405)
    assert_error(client.put("/api/summary"), 405)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", FILTERS)
def test_api_injection_strings_stay_data(
    client: TestClient, db: Path, name: str, value: str
) -> None:
    with Store.open(db, read_only=True) as store:
        before = counts(store)
    for url in ("/api/events", "/api/places", "/api/actors", "/api/dyads", "/api/brief"):
        response = client.get(url, params={name: value, "a": "RUS", "b": "IRN"})
        assert response.status_code in (200, 422), (url, name, value, response.text)
        if response.status_code == 200 and url == "/api/events" and name in ("q", "place"):
            assert response.json()["total"] == 0
    with Store.open(db, read_only=True) as store:
        assert counts(store) == before


def test_api_cors_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/summary", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/summary",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_api_cors_open_to_configured_origin(db: Path) -> None:
    app = create_app(str(db), cors_origins=["http://localhost:5173"])
    with TestClient(app) as opened:
        ok = opened.get("/api/summary", headers={"Origin": "http://localhost:5173"})
        other = opened.get("/api/summary", headers={"Origin": "https://elsewhere.example"})
    assert ok.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "access-control-allow-origin" not in other.headers


DOC = {"id": "new-1", "text": "Turkey met Qatar in Doha.", "date": "2025-04-01"}


def test_api_read_only_refuses_writes(client: TestClient, db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        before = counts(store)
    response = client.post(
        "/api/documents", json={"documents": [DOC]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert_error(response, 403, "read-only")
    with Store.open(db, read_only=True) as store:
        assert counts(store) == before


@pytest.mark.parametrize(
    ("headers", "body", "status", "words"),
    [
        ({}, {"documents": [DOC]}, 401, "bearer token is required"),
        ({"Authorization": "Basic abc"}, {"documents": [DOC]}, 401, "bearer token"),
        ({"Authorization": "Bearer wrong-token-0123456789"}, {"documents": [DOC]}, 403, "wrong"),
        (AUTH, {"documents": []}, 422, "invalid body"),
        (AUTH, {"docs": [DOC]}, 422, "invalid body"),
        (AUTH, {"documents": [{"id": "x"}]}, 422, "invalid body"),
        (AUTH, {"documents": [DOC | {"date": "April"}]}, 422, "invalid body"),
        (AUTH, {"documents": [DOC | {"text": "x" * 5000}]}, 413, "larger"),
    ],
)  # fmt: skip
def test_api_refused_writes_change_nothing(
    writer: TestClient, headers: dict[str, str], body: Any, status: int, words: str
) -> None:
    store = writer.app.state.pool.root  # type: ignore[attr-defined]
    before = counts(store)
    assert_error(writer.post("/api/documents", json=body, headers=headers), status, words)
    assert counts(store) == before


def test_api_oversize_and_malformed_bodies(writer: TestClient) -> None:
    store = writer.app.state.pool.root  # type: ignore[attr-defined]
    before = counts(store)
    auth = AUTH
    big = b"x" * 10_000
    assert_error(writer.post("/api/documents", content=big, headers=auth), 413)
    assert_error(writer.request("GET", "/api/summary", content=big), 413)
    chunked = writer.post("/api/documents", content=iter([b"x" * 3000, b"y" * 3000]), headers=auth)
    assert_error(chunked, 413)
    assert_error(writer.post("/api/documents", content=b"{not json", headers=auth), 422)
    assert counts(store) == before


def test_api_write_with_token_codes_and_stores(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writer.post("/api/documents", json={"documents": [DOC]}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "read": 1, "coded": 1, "skipped": 0, "failed": 0, "unchanged": 0, "new_events": 1,
        "mentions": 1,
    }  # fmt: skip
    found = writer.get("/api/events", params={"dyad": "TUR,QAT"}).json()
    assert [item["sentence"] for item in found["items"]] == ["Turkey met Qatar in Doha."]
    again = writer.post("/api/documents", json={"documents": [DOC]}, headers=auth).json()
    assert again["unchanged"] == 1 and again["new_events"] == 0
