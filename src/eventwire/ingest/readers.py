"""Read documents from JSON Lines, plain text, HTML and feed files, directories and stdin.

Reading never stops at a bad record: each problem becomes a `BadRecord` naming `file:line`
(or the bare path for a problem with the whole file) and the next record is read, so one
broken line in a large corpus costs one document, not the run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from eventwire.errors import InputError
from eventwire.ingest.feeds import FEED_SUFFIXES, read_feed
from eventwire.ingest.files import (
    LineProblem,
    bom_encoding,
    capped_lines,
    decoded_lines,
    file_id,
    open_regular,
    read_capped,
)
from eventwire.ingest.html import read_html
from eventwire.ingest.records import check_date, document_problem, parse_json_line
from eventwire.models import BadRecord, Document

HTML_SUFFIXES = frozenset({".html", ".htm"})
READABLE_SUFFIXES = frozenset({".jsonl", ".txt"}) | HTML_SUFFIXES | FEED_SUFFIXES
BOM = b"\xef\xbb\xbf"

Record = Document | BadRecord


def read_documents(
    paths: Sequence[str | Path], *, date: str | None = None, stdin: TextIO | None = None
) -> Iterator[Record]:
    """Every document in `paths`, in order; `-` is JSON Lines on `stdin` (default sys.stdin).

    `date` is the publication date for inputs that do not carry one (text files, pages
    without a date, JSON records without "date").
    """
    if date is not None and (problem := check_date(date)):
        raise InputError("--date", problem)
    for path in paths:
        if str(path) == "-":
            records = read_stdin(stdin if stdin is not None else sys.stdin, date=date)
        else:
            records = read_path(Path(path), date=date)
        yield from map(checked, records)


def checked(record: Record) -> Record:
    """A document that is too long or holds characters no store can keep becomes bad."""
    if isinstance(record, Document) and (problem := document_problem(record)):
        return BadRecord(record.origin or record.id, problem)
    return record


def read_path(path: Path, *, date: str | None) -> Iterator[Record]:
    """A file by its suffix, or every readable file under a directory."""
    if path.is_dir():
        yield from _read_directory(path, date=date)
    elif not path.exists():
        yield BadRecord(str(path), "no such file or directory")
    elif path.suffix.lower() not in READABLE_SUFFIXES:
        known = ", ".join(sorted(READABLE_SUFFIXES))
        yield BadRecord(
            str(path), f"unsupported file type {path.suffix or '(none)'!r}: use {known}"
        )
    else:
        yield from _read_file(path, date=date)


def _read_file(path: Path, *, date: str | None) -> Iterator[Record]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, date=date)
    elif suffix == ".txt":
        yield read_text(path, date=date)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, date=date)
    else:
        yield from read_feed(path, date=date)


def _read_directory(root: Path, *, date: str | None) -> Iterator[Record]:
    """Files in sorted order so that runs are reproducible; other suffixes are not inputs."""
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() in READABLE_SUFFIXES:
                yield from _read_file(path, date=date)
        yield from _directory_errors(errors)
    yield from _directory_errors(errors)


def _directory_errors(errors: list[OSError]) -> Iterator[BadRecord]:
    while errors:
        error = errors.pop(0)
        yield BadRecord(str(error.filename), f"cannot read the directory: {error.strerror}")


def read_jsonl(path: Path, *, date: str | None) -> Iterator[Record]:
    """One JSON object a line; blank lines are skipped, ids default to `<stem>-<line>`.

    UTF-8 (a BOM is dropped), or UTF-16 or UTF-32 when the file starts with their BOM.
    """
    handle = open_regular(path)
    if isinstance(handle, str):
        yield BadRecord(str(path), handle)
        return
    with handle:
        encoding = bom_encoding(handle.peek(4)[:4])  # type: ignore[attr-defined]
        lines = capped_lines(handle) if encoding is None else decoded_lines(handle, encoding)
        yield from _jsonl_lines(lines, name=str(path), stem=file_id(path), date=date)


def read_stdin(stream: TextIO, *, date: str | None) -> Iterator[Record]:
    """JSON Lines from stdin, read as bytes when possible so bad UTF-8 is one bad line."""
    binary: BinaryIO | None = getattr(stream, "buffer", None)
    if binary is not None:
        yield from _jsonl_lines(capped_lines(binary), name="<stdin>", stem="stdin", date=date)
        return
    for number, line in enumerate(stream, start=1):
        if line.strip():
            origin, default_id = f"<stdin>:{number}", f"stdin-{number}"
            yield parse_json_line(
                line.lstrip("\ufeff").rstrip("\r\n"),
                origin=origin,
                default_id=default_id,
                date=date,
            )


def _jsonl_lines(
    lines: Iterable[bytes | str | LineProblem], *, name: str, stem: str, date: str | None
) -> Iterator[Record]:
    for number, raw in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        if isinstance(raw, LineProblem):
            line: str | BadRecord = BadRecord(origin, raw.problem)
        elif isinstance(raw, str):
            line = raw.lstrip("\ufeff").rstrip("\r\n")
        else:
            raw = raw.rstrip(b"\r\n")
            line = _decode_line(raw.removeprefix(BOM) if number == 1 else raw, origin)
        if isinstance(line, BadRecord):
            yield line
        elif line.strip():
            yield parse_json_line(line, origin=origin, default_id=f"{stem}-{number}", date=date)


def _decode_line(raw: bytes, origin: str) -> str | BadRecord:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return BadRecord(origin, _utf8_problem(raw, error))


def _utf8_problem(raw: bytes, error: UnicodeDecodeError) -> str:
    column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
    return f"not valid UTF-8: byte 0x{raw[error.start]:02x} at column {column}"


def read_text(path: Path, *, date: str | None) -> Record:
    """A text file is one document named after the file, published on `date`.

    UTF-8 (a BOM is dropped), or UTF-16 or UTF-32 when the file starts with their BOM.
    """
    raw = read_capped(path)
    if isinstance(raw, str):
        return BadRecord(str(path), raw)
    encoding = bom_encoding(raw[:4])
    if encoding is not None:
        try:
            return _text_document(path, raw.decode(encoding), date)
        except UnicodeDecodeError as error:
            return BadRecord(f"{path}:1", f"not valid {encoding.upper()}: {error.reason}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return BadRecord(f"{path}:{line}", _utf8_problem(raw, error))
    return _text_document(path, text, date)


def _text_document(path: Path, text: str, date: str | None) -> Record:
    if not text.strip():
        return BadRecord(f"{path}:1", "the file is empty")
    return Document(id=file_id(path), text=text, date=date, origin=f"{path}:1")
