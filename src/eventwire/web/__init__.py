"""The offline web UI: a few pages over the REST API, served by the same process.

`mount(app)` adds the pages and the static assets to the API's FastAPI app. Every script,
style and map shape comes from `static/` inside the package (the libraries are vendored, see
`static/vendor/README.md`), and a Content-Security-Policy keeps the pages from loading
anything from elsewhere, so the UI works with no internet at all.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

PAGES = {
    "/": "overview",
    "/events": "events",
    "/network": "network",
    "/timeline": "timeline",
    "/map": "map",
    "/brief": "brief",
}
CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",  # the chart libraries style their own elements
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def mount(app: FastAPI) -> None:
    """Serve the pages at PAGES' paths and the assets under /static."""
    app.mount("/static", StaticFiles(packages=[("eventwire.web", "static")]), name="static")
    shell = (files("eventwire.web") / "static" / "index.html").read_text(encoding="utf-8")
    for path, page in PAGES.items():
        app.add_api_route(path, _page(shell, page), methods=["GET"], include_in_schema=False)


def _page(shell: str, page: str) -> Callable[[], HTMLResponse]:
    """The handler for one page: the shared shell told which page script to run."""
    body = shell.replace("{{page}}", page)

    def handler() -> HTMLResponse:
        return HTMLResponse(body, headers=HEADERS)

    handler.__name__ = f"page_{page}"
    return handler
