"""RSS and Atom feed files: one document per entry, dated by the entry's publication time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.ingest.files import file_id, read_capped
from eventwire.models import BadRecord, Document

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})


def read_feed(path: Path, *, date: str | None) -> Iterator[Document | BadRecord]:
    """Each entry becomes a document; its origin is `path:entry N` (feeds have no lines)."""
    raw = read_capped(path)
    if isinstance(raw, str):
        yield BadRecord(str(path), raw)
        return
    feed = _parse(raw)
    if not feed.entries:
        yield BadRecord(f"{path}:1", _empty_feed_problem(feed))
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        yield _entry_document(entry, path=path, number=number, outlet=outlet, date=date)


def _parse(raw: bytes) -> Any:
    """feedparser on bytes never touches the network (it would for a URL)."""
    import feedparser

    return feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)


def _empty_feed_problem(feed: Any) -> str:
    if feed.get("bozo"):
        return f"not a readable RSS or Atom feed: {feed.get('bozo_exception')}"
    return "the feed has no entries"


def _entry_document(
    entry: Any, *, path: Path, number: int, outlet: str | None, date: str | None
) -> Document | BadRecord:
    origin = f"{path}:entry {number}"
    text = _entry_text(entry)
    if not text:
        return BadRecord(origin, "the entry has no text (no content or summary)")
    return Document(
        id=entry.get("id") or entry.get("link") or f"{file_id(path)}-{number}",
        text=text,
        date=_entry_date(entry) or date,
        title=entry.get("title") or None,
        source=outlet,
        url=entry.get("link") or None,
        origin=origin,
    )


def _entry_text(entry: Any) -> str:
    """The fullest body the entry has, as plain text (feeds carry HTML fragments)."""
    contents = [c.get("value", "") for c in entry.get("content", [])]
    html = max(contents, key=len) if contents else entry.get("summary", "")
    return _html_to_text(html) if html else ""


def _html_to_text(html: str) -> str:
    import lxml.html

    if "<" not in html:
        return html.strip()
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for block in fragment.iter("p", "br", "li", "div", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return str(fragment.text_content()).strip()


def _entry_date(entry: Any) -> str | None:
    """YYYY-MM-DD (years below 1000 zero-padded), or None for no date or an impossible one."""
    parsed = entry.get("published_parsed") or (
        entry["updated_parsed"] if "updated_parsed" in entry else None
    )  # (asking for an absent updated_parsed makes feedparser warn)
    try:
        return dt.date(*parsed[:3]).isoformat() if parsed else None
    except (TypeError, ValueError):
        return None
