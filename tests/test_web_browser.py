"""The web UI in a real browser: Playwright drives Debian's chromium, headless, against
`eventwire serve`'s app on a loopback port over a store coded from samples/news.jsonl.

Every test asserts that the page asked nothing of any other server and logged no console
error. Select them with `-m browser`; they are skipped when chromium is not installed.
With EVENTWIRE_SCREENSHOTS=1 they also save the screenshots under docs/screenshots/:

    EVENTWIRE_SCREENSHOTS=1 .venv/bin/pytest -m browser tests/test_web_browser.py
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import sync_playwright

from eventwire.api.app import create_app
from eventwire.store import Store, ingest
from eventwire.web import PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}

if not CHROMIUM.exists():
    pytest.skip(
        f"no chromium at {CHROMIUM}: install Debian's package (apt-get install chromium)",
        allow_module_level=True,
    )


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DuckDB store coded from the sample corpus (once for these tests: coding is slow)."""
    url = str(tmp_path_factory.mktemp("web") / "sample.duckdb")
    with Store.open(url) as store:
        report = ingest([ROOT / "samples" / "news.jsonl"], store=store)
    assert report.new_events > 50
    return url


@pytest.fixture(scope="module")
def base_url(sample_db: str) -> Iterator[str]:
    """`eventwire serve`'s app under uvicorn on 127.0.0.1 and a random port."""
    app = create_app(sample_db)
    for _ in range(20):
        port = random.randint(20000, 40000)
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started and thread.is_alive():
            time.sleep(0.05)
        if server.started:
            break
        thread.join()
    else:
        pytest.fail("no free port for the test server")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A page and what it did: every request it made and every console error it logged."""

    page: Any
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Any:
        """Load `path` and wait until its page script has run."""
        self.page.goto(self.base_url + path)
        self.page.wait_for_selector("body[data-ready=true]")
        assert self.page.locator("#error").is_hidden(), self.page.locator("#error").inner_text()
        return self.page

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url + "/")]

    def shot(self, name: str, height: int = VIEWPORT["height"]) -> None:
        """Save docs/screenshots/<name>.png, the top `height` pixels of the page (at most the
        whole page), when asked to (EVENTWIRE_SCREENSHOTS=1)."""
        if os.environ.get("EVENTWIRE_SCREENSHOTS"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            self.page.mouse.move(VIEWPORT["width"] - 1, VIEWPORT["height"] - 1)  # no tooltips
            self.page.wait_for_timeout(300)  # let the charts finish drawing
            height = min(height, self.page.evaluate("document.documentElement.scrollHeight"))
            clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
            self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, clip=clip)


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    seen = Visit(page, base_url)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    yield seen
    context.close()
    assert seen.requests, "the page made no request at all"
    assert not seen.outside(), f"requests outside the local server: {seen.outside()}"
    assert not seen.errors, f"console errors: {seen.errors}"


@pytest.mark.parametrize(("path", "name"), sorted(PAGES.items()))
def test_web_browser_page_loads(visit: Visit, path: str, name: str) -> None:
    page = visit.open(path)
    assert page.locator("h1").first.is_visible()
    assert page.locator(f'nav a[data-nav="{name}"]').get_attribute("aria-current") == "page"
    if name in ("overview", "brief"):
        page.wait_for_selector("canvas")
        visit.shot(name, height=1400)


def test_web_browser_event_table_filters_by_actor(visit: Visit) -> None:
    page = visit.open("/events")
    everything = page.locator("#event-results h2").inner_text()
    page.fill("#event-filters input[name=actor]", "IRN")
    page.click("#event-filters button[type=submit]")
    page.wait_for_function(
        "(before) => document.querySelector('#event-results h2').textContent !== before",
        arg=everything,
    )
    rows = page.locator("#event-results tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        source, target = (rows.nth(i).locator("td").nth(n).inner_text() for n in (1, 3))
        assert "IRN" in source or "IRN" in target or "Iran" in source + target
    assert "actor=IRN" in page.url


def test_web_browser_event_opens_its_evidence(visit: Visit) -> None:
    page = visit.open("/events?actor=RUS")
    page.locator("#event-results tbody tr").first.click()
    trigger = page.locator("#evidence p.sentence mark.trigger")
    trigger.wait_for()
    assert trigger.inner_text().strip()
    assert page.locator("#evidence p.sentence mark.actor").count() >= 1
    page.locator("#document-text mark.focus").wait_for()
    assert "id=" in page.url
    visit.shot("events")


def test_web_browser_network_edge_lists_events_and_node_its_partners(visit: Visit) -> None:
    page = visit.open("/network")
    point = page.evaluate(
        """() => {
            const cy = window.eventwire.network;
            const box = cy.container().getBoundingClientRect();
            const nodes = cy.nodes().map((n) => [n.renderedPosition(), n.renderedWidth() / 2]);
            const gap = (at, [p, r]) => Math.hypot(p.x - at.x, p.y - at.y) - r;
            const room = (at) => Math.min(...nodes.map((node) => gap(at, node)));
            const edge = cy.edges().max((e) => room(e.renderedMidpoint())).ele;
            const at = edge.renderedMidpoint();
            return {x: box.left + at.x, y: box.top + at.y, title: edge.data('title')};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.locator("#edge-events li").first.wait_for()
    assert page.locator("#edge-events h2").inner_text() == point["title"]
    visit.shot("network")
    node = page.evaluate(
        """() => {
            const cy = window.eventwire.network;
            const box = cy.container().getBoundingClientRect();
            const busiest = cy.nodes().max((n) => n.data('events')).ele;
            const at = busiest.renderedPosition();
            return {x: box.left + at.x, y: box.top + at.y};
        }"""
    )
    page.mouse.click(node["x"], node["y"])
    page.get_by_text("Strongest allies").wait_for()


def test_web_browser_timeline_brush_picks_a_period(visit: Visit) -> None:
    page = visit.open("/timeline?a=RUS&b=IRN")
    page.wait_for_selector("#period-range")
    assert page.locator("#period-range").inner_text().startswith("Whole range")
    left, right, y = page.evaluate(
        """() => {
            const chart = window.eventwire.timeline;
            const periods = chart.getOption().xAxis[0].data;
            const box = chart.getDom().getBoundingClientRect();
            const [x0, y0] = chart.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [periods[0], 0]);
            const middle = periods[Math.floor(periods.length / 2)];
            const x1 = chart.convertToPixel({xAxisIndex: 0}, middle);
            return [box.left + x0, box.left + x1, box.top + y0 - 40];
        }"""
    )
    page.mouse.move(left, y)
    page.mouse.down()
    page.mouse.move((left + right) / 2, y, steps=5)
    page.mouse.move(right, y, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "() => !document.querySelector('#period-range').textContent.startsWith('Whole range')"
    )
    assert " to " in page.locator("#period-range").inner_text()
    visit.shot("timeline")


def test_web_browser_map_shows_places(visit: Visit) -> None:
    page = visit.open("/map")
    assert "located events" in page.locator("#map-caption").inner_text()
    point = page.evaluate(
        """() => {
            const chart = window.eventwire.map;
            const places = chart.getOption().series[0].data.map((d) => d.place);
            const at = (p) => chart.convertToPixel({geoIndex: 0}, [p.lon, p.lat]);
            const room = (p) => Math.min(...places.filter((q) => q !== p)
                .map((q) => Math.hypot(at(p)[0] - at(q)[0], at(p)[1] - at(q)[1])));
            const place = places.reduce((best, p) => (room(p) > room(best) ? p : best));
            const [x, y] = at(place);
            const box = chart.getDom().getBoundingClientRect();
            return {x: box.left + x, y: box.top + y, name: place.name};
        }"""
    )
    page.mouse.click(point["x"], point["y"])
    page.locator("#place-events h2").wait_for()
    assert page.locator("#place-events h2").inner_text().startswith(point["name"])
    visit.shot("map")
