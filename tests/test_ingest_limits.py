"""Reading never crashes, hangs or reads without limit: hostile input becomes bad records."""

from __future__ import annotations

import codecs
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.ingest import read_documents
from eventwire.ingest.files import capped_lines, read_capped
from eventwire.ingest.records import MAX_DOCUMENT_CHARS
from eventwire.models import BadRecord, Document

GOOD = {"id": "ok", "text": "Iran met Russia.", "date": "2025-01-01"}


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A read that blocks (a FIFO opened for reading) fails the test instead of hanging it."""

    def stop(*_: object) -> None:
        raise TimeoutError("reading blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def read(*paths: Path) -> list[Document | BadRecord]:
    return list(read_documents(paths))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"id": ' + "9" * 5000 + ', "text": "x"}', "a number too long"),
        ('{"id": "s", "text": "Iran met \\ud800 Qatar."}', '"text" holds a lone surrogate'),
        ('{"id": "s", "text": "Iran met.", "title": "\\udfff"}', '"title" holds a lone surrogate'),
        ('{"text": "Iran met\\u0000 Turkey."}', '"text" holds a NUL character'),
        ('{"text": "Iran met.", "source": "A\\u0000"}', '"source" holds a NUL character'),
        (json.dumps({"text": "x" * (MAX_DOCUMENT_CHARS + 1)}), "split it into several"),
        ('{"text": "Iran met.", "date": "10000-01-01"}', "is not a date"),
    ],
)
def test_ingest_limits_bad_record_among_good_ones(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(f"{json.dumps(GOOD)}\n{line}\n{json.dumps(GOOD)}\n", encoding="utf-8")
    records = read(path)
    assert [type(r).__name__ for r in records] == ["Document", "BadRecord", "Document"]
    bad = records[1]
    assert isinstance(bad, BadRecord) and problem in bad.problem and bad.origin.endswith(":2")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "0999-06-30"])
def test_ingest_limits_extreme_dates_are_dates(tmp_path: Path, date: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({**GOOD, "date": date}) + "\n", encoding="utf-8")
    [document] = read(path)
    assert isinstance(document, Document) and document.date == date


def test_ingest_limits_feed_years_are_zero_padded(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>t{n}</title><pubDate>{day}</pubDate><description>Iran met Qatar {n}."
        "</description></item>"
        for n, day in enumerate(
            ["Mon, 01 Jan 0999 00:00:00 GMT", "Fri, 31 Dec 9999 00:00:00 GMT", "nonsense"]
        )
    )
    path = tmp_path / "f.rss"
    path.write_text(f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>')
    dates = [r.date for r in read(path) if isinstance(r, Document)]
    assert dates == ["0999-01-01", "9999-12-31", None]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss"])
def test_ingest_limits_fifo_is_refused_without_blocking(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / f"pipe{suffix}")
    (folder / "z.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    for records in (read(folder), read(folder / f"pipe{suffix}")):
        bad = records[0]
        assert isinstance(bad, BadRecord) and "not a regular file (a FIFO)" in bad.problem
    assert isinstance(read(folder)[1], Document)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".xml"])
def test_ingest_limits_devices_are_refused(tmp_path: Path, suffix: str) -> None:
    link = tmp_path / f"zero{suffix}"
    link.symlink_to("/dev/zero")
    [bad] = read(link)
    assert isinstance(bad, BadRecord) and "a character device" in bad.problem


def test_ingest_limits_file_and_line_caps(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 100)
    assert read_capped(path, limit=100) == b"a" * 100
    assert "larger than 99 bytes" in str(read_capped(path, limit=99))
    path.write_bytes(b"short\n" + b"x" * 50 + b"\nlast")
    with path.open("rb") as handle:
        lines = list(capped_lines(handle, limit=10))
    assert lines[0] == b"short\n" and lines[2] == b"last"
    assert "longer than 10 bytes" in str(lines[1])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_ingest_limits_unicode_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    text = tmp_path / "t.txt"
    text.write_bytes(bom + "Iran met Russia in Moscow.\n".encode(encoding))
    lines = tmp_path / "t.jsonl"
    records = [GOOD, {**GOOD, "id": "two", "text": "Qatar hosted talks."}]
    lines.write_bytes(bom + "".join(json.dumps(r) + "\r\n" for r in records).encode(encoding))
    [document] = read(text)
    assert isinstance(document, Document) and document.text.strip() == "Iran met Russia in Moscow."
    assert [r.id for r in read(lines) if isinstance(r, Document)] == ["ok", "two"]


def test_ingest_limits_broken_utf16_ends_with_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(
        codecs.BOM_UTF16_LE + (json.dumps(GOOD) + "\n").encode("utf-16-le") + b"\x00\xd8"
    )
    records = read(path)
    assert isinstance(records[0], Document)
    assert isinstance(records[1], BadRecord) and "not valid UTF-16" in records[1].problem
