"""Readers of the ingest stage: good inputs become Documents, every bad one a precise BadRecord."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import LanguageDetector, content_hash, normalise_text, read_documents
from eventwire.models import BadRecord, Document

GOOD = {"id": "a1", "text": "Turkey's envoy met Iraqi officials in Baghdad.", "date": "2025-03-04"}

PAGE = """<!DOCTYPE html><html><head><title>Envoys meet in Oman</title>
<meta property="article:published_time" content="2024-11-05T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Envoys meet in Oman</h1>
<p>Negotiators from Iran and the United States held indirect talks in Muscat on Monday,
according to officials from Oman who carried messages between the two delegations.</p>
<p>The Omani foreign minister said the talks were constructive and would continue next week
in the same format, with experts from both sides expected to join.</p></article>
<footer>Copyright the newspaper</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Gulf Wire</title><link>https://example.org</link><description>news</description>
<item><title>Talks resume</title><link>https://example.org/1</link><guid>gw-1</guid>
<pubDate>Tue, 05 Nov 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Qatar hosted a new round of talks on Tuesday.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>gw-2</guid></item>
</channel></rss>"""


def write_lines(path: Path, *lines: bytes) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def as_line(record: object) -> bytes:
    return json.dumps(record).encode("utf-8")


def test_ingest_jsonl_reads_records_with_origin_and_defaults(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "wire.jsonl",
        as_line(GOOD),
        b"",
        as_line({"text": "Oman mediated between the two sides.", "source": "Gulf Wire"}),
    )
    first, second = list(read_documents([path], date="2025-01-02"))
    assert first == Document(id="a1", text=GOOD["text"], date="2025-03-04", origin=f"{path}:1")
    assert isinstance(second, Document)
    assert (second.id, second.date, second.source, second.origin) == (
        "wire-3",
        "2025-01-02",
        "Gulf Wire",
        f"{path}:3",
    )


def test_ingest_jsonl_strips_byte_order_mark(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + as_line(GOOD))
    [document] = read_documents([path])
    assert isinstance(document, Document) and document.id == "a1"


BAD_LINES = [
    (b'{"id": "x", "text": "Hi"', "malformed JSON: Expecting ',' delimiter at column 25"),
    (b"not json", "malformed JSON: Expecting value at column 1"),
    (b'["a list"]', "expected a JSON object, got an array"),
    (b'"a string"', "expected a JSON object, got a string"),
    (b'{"id": "x"}', 'missing "text"'),
    (b'{"id": "x", "text": "  "}', '"text" is empty'),
    (b'{"id": "x", "text": 42}', '"text" must be a string, got a number'),
    (
        b'{"id": "x", "text": "Hi", "date": "2025-02-30"}',
        "2025-02-30 is not a date: use YYYY-MM-DD",
    ),
    (
        b'{"id": "x", "text": "Hi", "date": "5 May 2025"}',
        "5 May 2025 is not a date: use YYYY-MM-DD",
    ),
    (
        b'{"id": "x", "text": "Hi", "date": 20250101}',
        '"date" must be a string YYYY-MM-DD, got a number',
    ),
    (b'{"id": ["x"], "text": "Hi"}', '"id" must be a string or an integer, got an array'),
    (b'{"id": "x", "text": "Hi", "source": 3}', '"source" must be a string or null, got a number'),
    (b'{"id": "x", "text": "caf\xe9"}', "not valid UTF-8: byte 0xe9 at column 25"),
]


@pytest.mark.parametrize(("line", "problem"), BAD_LINES)
def test_ingest_jsonl_bad_line_is_reported_and_reading_goes_on(
    tmp_path: Path, line: bytes, problem: str
) -> None:
    path = write_lines(tmp_path / "mixed.jsonl", as_line(GOOD), line, as_line(GOOD))
    records = list(read_documents([path]))
    assert [type(r) for r in records] == [Document, BadRecord, Document]
    assert records[1] == BadRecord(f"{path}:2", problem)
    assert records[2].origin == f"{path}:3"


def test_ingest_integer_id_becomes_string(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "n.jsonl", as_line({**GOOD, "id": 7}))
    [document] = read_documents([path])
    assert isinstance(document, Document) and document.id == "7"


def test_ingest_missing_file_and_unsupported_suffix(tmp_path: Path) -> None:
    (tmp_path / "table.csv").write_text("a,b\n", encoding="utf-8")
    records = list(read_documents([tmp_path / "nope.jsonl", tmp_path / "table.csv"]))
    assert records[0] == BadRecord(str(tmp_path / "nope.jsonl"), "no such file or directory")
    assert isinstance(records[1], BadRecord)
    assert records[1].problem.startswith("unsupported file type '.csv': use ")


def test_ingest_bad_date_argument_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="2025-13-01 is not a date: use YYYY-MM-DD"):
        list(read_documents([tmp_path], date="2025-13-01"))


def test_ingest_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Kenya deployed police officers to Haiti.\n", encoding="utf-8")
    [document] = read_documents([path], date="2024-06-25")
    assert document == Document(
        id="brief",
        text="Kenya deployed police officers to Haiti.\n",
        date="2024-06-25",
        origin=f"{path}:1",
    )


def test_ingest_text_file_with_bad_bytes_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"First line is fine.\nSecond \xff line.\n")
    [record] = read_documents([path])
    assert record == BadRecord(f"{path}:2", "not valid UTF-8: byte 0xff at column 8")


def test_ingest_empty_text_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    assert list(read_documents([path])) == [BadRecord(f"{path}:1", "the file is empty")]


def test_ingest_html_extracts_main_text_and_date(tmp_path: Path) -> None:
    path = tmp_path / "oman-talks.html"
    path.write_text(PAGE, encoding="utf-8")
    [document] = read_documents([path], date="2000-01-01")
    assert isinstance(document, Document)
    assert document.id == "oman-talks"
    assert document.date == "2024-11-05"
    assert "indirect talks in Muscat" in document.text
    assert "Copyright" not in document.text and "Home | World" not in document.text
    assert document.title == "Envoys meet in Oman"


def test_ingest_html_without_date_uses_the_argument(tmp_path: Path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(PAGE.replace("2024-11-05T08:00:00Z", ""), encoding="utf-8")
    [document] = read_documents([path], date="2024-12-01")
    assert isinstance(document, Document) and document.date == "2024-12-01"


def test_ingest_html_without_text_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><body></body></html>", encoding="utf-8")
    [record] = read_documents([path])
    assert isinstance(record, BadRecord) and record.origin == f"{path}:1"


def test_ingest_feed_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "gulf.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = list(read_documents([path]))
    assert first == Document(
        id="gw-1",
        text="Qatar hosted a new round of talks on Tuesday.",
        date="2024-11-05",
        title="Talks resume",
        source="Gulf Wire",
        url="https://example.org/1",
        origin=f"{path}:entry 1",
    )
    assert second == BadRecord(f"{path}:entry 2", "the entry has no text (no content or summary)")


def test_ingest_directory_is_walked_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Chad closed its border with Sudan.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Mali expelled a French diplomat.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    write_lines(tmp_path / "c.jsonl", as_line(GOOD))
    ids = [r.id for r in read_documents([tmp_path], date="2024-01-01") if isinstance(r, Document)]
    assert ids == ["a", "a1", "z"]


def test_ingest_stdin_text_and_binary(tmp_path: Path) -> None:
    text_stream = io.StringIO(as_line(GOOD).decode() + "\n\n{bad\n")
    records = list(read_documents(["-"], stdin=text_stream))
    assert records[0].origin == "<stdin>:1"
    assert records[1] == BadRecord(
        "<stdin>:3", "malformed JSON: Expecting property name enclosed in double quotes at column 2"
    )
    binary = io.TextIOWrapper(
        io.BytesIO(as_line({"text": "Peru recalled its envoy."}) + b"\n\xff\n")
    )
    records = list(read_documents(["-"], stdin=binary))
    assert isinstance(records[0], Document) and records[0].id == "stdin-1"
    assert records[1] == BadRecord("<stdin>:2", "not valid UTF-8: byte 0xff at column 1")


def test_ingest_normalise_text_is_nfc_and_collapses_whitespace() -> None:
    raw = "  Cafe\u0301  talks\tresumed.\r\n\r\n\r\n\r\nThey   ended. "
    assert normalise_text(raw) == "Caf\u00e9 talks resumed.\n\nThey ended."
    assert content_hash(normalise_text(raw)) == content_hash(
        "Caf\u00e9 talks resumed.\n\nThey ended."
    )


@pytest.mark.parametrize(
    ("text", "language", "skipped"),
    [
        ("The Kenyan government sent police officers to Haiti on Tuesday.", "en", False),
        ("Le gouvernement kényan a envoyé des policiers en Haïti mardi dernier.", "fr", True),
        ("Kurz.", None, False),
    ],
)
def test_ingest_language_detector(text: str, language: str | None, skipped: bool) -> None:
    detected, reason = LanguageDetector().skip_reason(text)
    assert detected == language
    assert (reason is not None) == skipped
