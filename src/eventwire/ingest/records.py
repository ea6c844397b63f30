"""Turn one decoded JSON Lines record into a Document, or say exactly what is wrong with it.

Validation lives apart from file reading so that the same rules apply to files, stdin and
feeds, and so that each rule can be tested with a plain dict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from typing import Any

from eventwire.models import BadRecord, Document

OPTIONAL_STRING_FIELDS = ("title", "source", "url")
MAX_DOCUMENT_CHARS = 200_000
"""The longest text coded as one document (about 35,000 words; docs/STORE.md, "Limits").
Parsing needs memory in proportion to the text, and spaCy refuses texts past 1,000,000."""
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def check_date(value: str) -> str | None:
    """The problem with a publication date, or None when it is a real YYYY-MM-DD date."""
    problem = f"{value if len(value) <= 40 else value[:37] + '...'} is not a date: use YYYY-MM-DD"
    if len(value) != 10:
        return problem
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return problem
    return None


def parse_json_line(
    line: str, *, origin: str, default_id: str, date: str | None
) -> Document | BadRecord:
    """Decode one JSON Lines line; `default_id` names records without an id."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return BadRecord(origin, f"malformed JSON: {error.msg} at column {error.colno}")
    except RecursionError:
        return BadRecord(origin, "malformed JSON: nested too deeply")
    except ValueError:  # the one other thing json refuses: an integer of thousands of digits
        return BadRecord(origin, "malformed JSON: a number too long to read (over 4,300 digits)")
    if not isinstance(record, dict):
        return BadRecord(origin, f"expected a JSON object, got {_json_type(record)}")
    return record_to_document(record, origin=origin, default_id=default_id, date=date)


def record_to_document(
    record: dict[str, Any], *, origin: str, default_id: str, date: str | None
) -> Document | BadRecord:
    """Validate the fields of the interchange contract; `date` fills a missing date."""
    problem = _text_problem(record) or _optional_problem(record)
    if problem:
        return BadRecord(origin, problem)
    doc_id, problem = _document_id(record, default_id)
    if problem:
        return BadRecord(origin, problem)
    doc_date, problem = _document_date(record, date)
    if problem:
        return BadRecord(origin, problem)
    return Document(
        id=doc_id,
        text=record["text"],
        date=doc_date,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        origin=origin,
    )


def document_problem(document: Document) -> str | None:
    """Why a well-formed document still cannot be coded or stored, or None.

    Text over MAX_DOCUMENT_CHARS; a NUL character (PostgreSQL cannot store one) or a lone
    surrogate (not Unicode text: it cannot be encoded) in any field but the origin (a file
    name, which the store escapes).
    """
    if len(document.text) > MAX_DOCUMENT_CHARS:
        return (
            f"the text is {len(document.text):,} characters long, over the limit of "
            f"{MAX_DOCUMENT_CHARS:,} for one document: split it into several documents"
        )
    for field in dataclasses.fields(document):
        value = getattr(document, field.name) if field.name != "origin" else None
        found = _UNSTORABLE.search(value) if isinstance(value, str) else None
        if found:
            what = "a NUL character" if found[0] == "\x00" else "a lone surrogate"
            return (
                f'"{field.name}" holds {what} ({ascii(found[0])}) at position {found.start()}:'
                " not text that can be stored"
            )
    return None


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _text_problem(record: dict[str, Any]) -> str | None:
    if "text" not in record:
        return 'missing "text"'
    text = record["text"]
    if not isinstance(text, str):
        return f'"text" must be a string, got {_json_type(text)}'
    if not text.strip():
        return '"text" is empty'
    return None


def _optional_problem(record: dict[str, Any]) -> str | None:
    for name in OPTIONAL_STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f'"{name}" must be a string or null, got {_json_type(value)}'
    return None


def _document_id(record: dict[str, Any], default_id: str) -> tuple[str, str | None]:
    """Ids may be strings or integers (many exports number their rows); absent means generated."""
    value = record.get("id")
    if value is None or value == "":
        return default_id, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return "", f'"id" must be a string or an integer, got {_json_type(value)}'
    return str(value), None


def _document_date(record: dict[str, Any], default: str | None) -> tuple[str | None, str | None]:
    value = record.get("date")
    if value is None or value == "":
        return default, None
    if not isinstance(value, str):
        return None, f'"date" must be a string YYYY-MM-DD, got {_json_type(value)}'
    return value, check_date(value)
