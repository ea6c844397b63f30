"""The web UI's pages and assets, served without a browser: offline, complete, small."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire.web import PAGES, mount

STATIC = Path(str(files("eventwire.web") / "static"))
VENDOR = STATIC / "vendor"
OWN_FILES = sorted(p for p in STATIC.rglob("*") if p.is_file() and VENDOR not in p.parents)


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    mount(app)
    return TestClient(app)


@pytest.mark.parametrize(("path", "page"), sorted(PAGES.items()))
def test_web_page_is_the_shell_with_its_page_script(
    client: TestClient, path: str, page: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert f'data-page="{page}"' in response.text
    assert (STATIC / "js" / "pages" / f"{page}.js").is_file()


def test_web_pages_forbid_loading_from_elsewhere(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "http" not in policy


@pytest.mark.parametrize(
    "path",
    [
        "/static/app.css",
        "/static/js/app.js",
        "/static/vendor/echarts/echarts.min.js",
        "/static/vendor/cytoscape/cytoscape.min.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
    ],
)
def test_web_assets_are_served(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/static/nothing.js", "/static/../__init__.py"])
def test_web_unknown_assets_are_not_found(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.name)
def test_web_own_files_name_no_outside_address(path: Path) -> None:
    text = re.sub(r'xmlns="[^"]*"', "", path.read_text(encoding="utf-8"))  # a name, not a fetch
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), path


IMPORT = re.compile(r'import \{([^}]*)\} from "(\.{1,2}/[^"]+)"')
EXPORT = re.compile(r"export (?:async )?(?:function|const) (\w+)")


@pytest.mark.parametrize("path", sorted((STATIC / "js").rglob("*.js")), ids=lambda p: p.name)
def test_web_modules_import_what_exists(path: Path) -> None:
    """A missing module or export stops a page in the browser; catch it without one."""
    for names, module in IMPORT.findall(path.read_text(encoding="utf-8")):
        target = (path.parent / module).resolve()
        assert target.is_file(), f"{path.name} imports missing {module}"
        exported = set(EXPORT.findall(target.read_text(encoding="utf-8")))
        missing = {name.strip() for name in names.split(",") if name.strip()} - exported
        assert not missing, f"{path.name} imports {missing} that {module} does not export"


def test_web_vendored_libraries_are_licensed_and_small() -> None:
    libraries = [p for p in VENDOR.iterdir() if p.is_dir()]
    assert {p.name for p in libraries} == {"echarts", "cytoscape", "topojson-client", "world-atlas"}
    for library in libraries:
        assert (library / "LICENSE").is_file(), library
        assert library.name in (VENDOR / "README.md").read_text(encoding="utf-8")
    size = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    assert size < 3_000_000
