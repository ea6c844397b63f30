"""Main text and publication date of a saved web page (trafilatura and htmldate, offline)."""

from __future__ import annotations

from pathlib import Path

from eventwire.ingest.files import file_id, read_capped
from eventwire.models import BadRecord, Document


def read_html(path: Path, *, date: str | None) -> Document | BadRecord:
    """One page is one document: boilerplate goes, the date found in the page wins over `date`."""
    origin = f"{path}:1"
    raw = read_capped(path)
    if isinstance(raw, str):
        return BadRecord(str(path), raw)
    tree = _parse(raw)
    if tree is None:
        return BadRecord(origin, "not an HTML page: nothing could be parsed")
    page_date, title = _page_date(tree), _title(tree)
    text = _main_text(tree)  # last: trafilatura prunes the tree it is given
    if not text:
        return BadRecord(origin, "no main text found in the page")
    return Document(id=file_id(path), text=text, date=page_date or date, title=title, origin=origin)


def _parse(raw: bytes):  # type: ignore[no-untyped-def]
    """Parse once and hand the tree to both extractors (a string could be taken for a URL)."""
    from trafilatura.utils import load_html

    return load_html(raw)


def _main_text(tree) -> str | None:  # type: ignore[no-untyped-def]
    import trafilatura

    return trafilatura.extract(tree, include_comments=False, include_tables=False, fast=True)


def _page_date(tree) -> str | None:  # type: ignore[no-untyped-def]
    """The original publication date, never today's date guessed from nothing."""
    import htmldate

    return htmldate.find_date(tree, original_date=True, extensive_search=False)


def _title(tree) -> str | None:  # type: ignore[no-untyped-def]
    import trafilatura

    title = trafilatura.extract_metadata(tree).title
    return title or None
