"""Open input files safely: regular files only, never more than a set number of bytes.

A FIFO in an input folder would block a run forever and `/dev/zero` saved as `x.txt` would
fill the memory, so a file is opened without blocking, checked to be a regular file, and
read up to a cap (docs/STORE.md, "Limits"). Problems come back as a message, never raised.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, BinaryIO

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A `.txt`, `.html` or feed file larger than this is refused (JSON Lines files are read a
line at a time and have no size limit)."""
MAX_LINE_BYTES = 16 * 1024 * 1024
"""A JSON Lines record longer than this is refused (its document would be too long anyway)."""
_CHUNK = 1024 * 1024


def file_id(path: Path) -> str:
    """The file's name without suffix, as a document id: bytes that are not UTF-8 (a name
    from another system) are written as `\\xff`, so the id is text any store can keep."""
    return os.fsencode(path.stem).decode("utf-8", "backslashreplace")


def open_regular(path: Path) -> BinaryIO | str:
    """The file opened for reading in binary, or the problem (not a regular file, unreadable).

    O_NONBLOCK keeps a FIFO from blocking the open; the check is on the opened file, so a
    file swapped after a look at its name changes nothing.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        return f"cannot read the file: {error.strerror}"
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        return f"not a regular file ({_kind(mode)}): only regular files are read"
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_capped(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | str:
    """The whole file, or the problem (including a file larger than `limit` bytes)."""
    handle = open_regular(path)
    if isinstance(handle, str):
        return handle
    with handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            return f"cannot read the file: {error.strerror}"
    if len(data) > limit:
        return f"the file is larger than {limit:,} bytes: split it into smaller files"
    return data


@dataclass(frozen=True, slots=True)
class LineProblem:
    """In place of a line that cannot be had: too long, or undecodable."""

    problem: str


def capped_lines(handle: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | LineProblem]:
    """Each line (with its newline), or a LineProblem for a line longer than `limit` bytes."""
    return _bounded_lines(handle.readline, limit, b"\n", "bytes")


def _bounded_lines(
    readline: Callable[[int], AnyStr], limit: int, newline: AnyStr, unit: str
) -> Iterator[AnyStr | LineProblem]:
    """Lines of at most `limit` units; the rest of a longer line is skipped in chunks, so
    memory stays bounded whatever the file holds."""
    while line := readline(limit + 1):
        if len(line) <= limit or line.endswith(newline):
            yield line  # it fits (the one unit over may be its newline)
            continue
        while (rest := readline(_CHUNK)) and not rest.endswith(newline):
            pass
        yield LineProblem(f"the line is longer than {limit:,} {unit}")


UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(start: bytes) -> str | None:
    """UTF-16 or UTF-32 when `start` (a file's first bytes) has their byte order mark."""
    return next((name for bom, name in UNICODE_BOMS if start.startswith(bom)), None)


def decoded_lines(
    handle: BinaryIO, encoding: str, limit: int = MAX_LINE_BYTES
) -> Iterator[str | LineProblem]:
    """Lines of a UTF-16 or UTF-32 file (at most `limit` characters are read at a time).

    A decoding error ends the file: the rest is one LineProblem.
    """
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    try:
        yield from _bounded_lines(text.readline, limit, "\n", "characters")
    except UnicodeDecodeError as error:
        yield LineProblem(f"not valid {encoding.upper()} ({error.reason}): the rest is not read")
    finally:
        text.detach()  # the caller closes `handle`


def _kind(mode: int) -> str:
    kinds = [
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ]
    return next((name for test, name in kinds if test(mode)), "not a file")
