"""A corpus of deliberately broken inputs, written into a folder at test time (no tests here).

`build(folder)` writes over 200 hostile or careless inputs (malformed and mistyped JSON,
extreme values, bad encodings, control characters, XML bombs and external entities, huge
documents and sentences, FIFOs, devices, broken and looping links) beside a few good ones,
and returns how many input records they hold, so that a run can be checked to account for
every one. Large inputs are generated here rather than committed.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

GOOD_TEXT = "Iran's foreign minister met his Russian counterpart in Moscow on Monday."
SECRET = "root:x:0:0"
"""Found in /etc/passwd: no document may ever contain it (external XML entities)."""


def build(folder: Path) -> int:
    """Write the corpus under `folder`; the number of input records it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    return sum(
        writer(folder)
        for writer in (_jsonl_lines, _text_files, _html_files, _feed_files, _special_files)
    )


def _record(**fields: object) -> str:
    return json.dumps({"id": "r", "text": GOOD_TEXT, "date": "2025-01-13", **fields})


def _jsonl_lines(folder: Path) -> int:
    """One file of hostile lines among good ones; every non-blank line is a record."""
    values: list[object] = [
        None, True, 0, -1, 1.5, 10**30, float("nan"), "", " ", "0" * 10_000, [], {}, ["a"],
        {"$ne": 1}, "\x00", "\ud800",
    ]  # fmt: skip
    lines = [_record(id=f"good-{n}", text=f"{GOOD_TEXT} Report {n}.") for n in range(5)]
    for field in ("id", "text", "date", "title", "source", "url"):
        lines += [_record(**{field: value}) for value in values]
    dates = [
        "0001-01-01", "9999-12-31", "0000-00-00", "2025-02-30", "2025-13-01", "25-01-01",
        "2025/01/01", "01-02-2025", "2025-01-01T10:00:00", "yesterday", "-2025-01-01",
        "+10000-01-01", "2025-1-1", "２０２５-０１-０１", "0999-12-31",
    ]  # fmt: skip
    lines += [_record(date=date) for date in dates]
    texts = [
        "\u202eIran met Russia.\u202c", "Iran\u200b met\u200b Russia.", "🇮🇷 met 🇷🇺 in 🏙️.",
        "Iran met Russia." * 2, "\t\r\n\f\v", "\x1b[31mIran met Russia\x1b[0m", "\ufeffIran met",
        "Iran met Russia\u2028in Moscow\u2029.", "x" * 100_000, ".",
        "Iran did not meet " + ", ".join(["Russia", "Qatar", "Turkey"] * 1700) + ".",
        "A" + "\u0301" * 5000, "<script>alert(1)</script>", "'; DROP TABLE documents; --",
        "Iran met Russia on 31 February 2025.", "Israel struck Iran 99999999999999 times.",
        "Israel killed 10000000000000000000000 people in Gaza.", "x" * 200_001,
    ]  # fmt: skip
    lines += [_record(id=f"text-{n}", text=text) for n, text in enumerate(texts)]
    lines += [
        "{", "}", "[]", "null", "42", '"text"', "{'id': 'single quotes'}", '{"text": "a",}',
        '{"text": "a"} trailing', '{"text": NaN}', '{"text": "\\x41"}', '{"text": "\\ud800"}',
        '{"text": "Iran met Russia.", "text": 5}', "[" * 200_000 + "]" * 200_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000, '{"id": ' + "9" * 5000 + ', "text": "a"}',
        '{"text": "' + "\\\\" * 1000 + '"}', "\x00\x00\x00", "   \t   x",
    ]  # fmt: skip
    path = folder / "lines.jsonl"
    path.write_text("\n".join(lines) + "\n\n   \n", encoding="utf-8", errors="surrogatepass")
    raw = [b"\xff\xfe\xfd", b'{"text": "caf\xe9"}', b'{"text": "\xc3\x28"}', b"\xef\xbb\xbf{}"]
    with path.open("ab") as handle:
        handle.write(b"\n".join(raw) + b"\n" + b'{"text": "no newline at the end"}')
    return len(lines) + len(raw) + 1


def _text_files(folder: Path) -> int:
    texts: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\n ",
        "binary.txt": bytes(range(256)) * 4,
        "latin1.txt": "Iran met Russia in Moscow, café.".encode("latin-1"),
        "utf16.txt": GOOD_TEXT.encode("utf-16"),
        "utf16-no-bom.txt": GOOD_TEXT.encode("utf-16-le"),
        "utf32.txt": GOOD_TEXT.encode("utf-32"),
        "bom-only.txt": codecs.BOM_UTF8,
        "nul.txt": b"Iran met\x00 Russia.",
        "crlf.txt": GOOD_TEXT.replace(" on ", "\r\non\r\n").encode(),
        "long-line.txt": b"word " * 30_000,
        "too-long.txt": b"Iran met Russia. " * 12_000,
        "sentence-20000.txt": b"Iran met " + b"Russia and " * 10_000 + b"Qatar.",
        "surrogate.txt": b"Iran \xed\xa0\x80 met Russia.",
        "controls.txt": bytes(range(1, 32)) + GOOD_TEXT.encode(),
        "good.txt": GOOD_TEXT.encode(),
    }
    for name, data in texts.items():
        (folder / name).write_bytes(data)
    return len(texts)


def _html_files(folder: Path) -> int:
    pages: dict[str, str] = {
        "empty.html": "",
        "not-html.html": "\x00\x01\x02 plain bytes",
        "script-only.html": "<html><script>" + "var a=1;" * 1000 + "</script></html>",
        "deep.html": "<div>" * 20_000 + GOOD_TEXT + "</div>" * 20_000,
        "unclosed.html": "<html><body><p>" + GOOD_TEXT + "<p><b><i>",
        "entities.html": "<p>" + "&amp;" * 10_000 + "</p>",
        "xxe.html": f'<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x; {GOOD_TEXT}</p>',
        "huge-attribute.html": f'<p title="{"x" * 100_000}">{GOOD_TEXT}</p>',
        "meta-date.html": '<html><head><meta name="date" content="0001-01-01"></head>'
        f"<body><article><p>{GOOD_TEXT}</p></article></body></html>",
        "good.html": f"<html><body><article><h1>Talks</h1><p>{GOOD_TEXT}</p></article></body>",
    }
    for name, page in pages.items():
        (folder / name).write_text(page, encoding="utf-8")
    return len(pages)


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>t</title><description>&i;</description></item></channel></rss>"""


def _rss(items: str, title: str = "Wire") -> str:
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def _item(text: str, date: str = "Mon, 13 Jan 2025 10:00:00 GMT") -> str:
    return (
        f"<item><title>t</title><pubDate>{date}</pubDate><description>{text}</description></item>"
    )


def _feed_files(folder: Path) -> int:
    """Each feed holds its entries as records, or is one bad record when it has none."""
    dates = [
        "Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "soon", "",
        "Mon, 01 Jan 0999 00:00:00 GMT", "Mon, 32 Jan 2025 00:00:00 GMT",
    ]  # fmt: skip
    feeds: dict[str, tuple[str, int]] = {
        "empty.rss": ("", 1),
        "not-xml.xml": ("just words, no markup", 1),
        "bomb.rss": (BOMB, 1),
        "xxe.rss": (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + _rss(_item(f"&x; {GOOD_TEXT}")),
            1,
        ),
        "no-entries.rss": (_rss(""), 1),
        "no-text.rss": (_rss(_item("") * 3), 3),
        "dates.rss": (
            _rss("".join(_item(f"{GOOD_TEXT} ({n})", d) for n, d in enumerate(dates))),
            len(dates),
        ),  # fmt: skip
        "html-inside.atom": (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>t</title>'
            f'<content type="html">&lt;p&gt;{GOOD_TEXT}&lt;script&gt;x&lt;/script&gt;</content>'
            "</entry></feed>",
            1,
        ),
        "truncated.rss": (_rss(_item(GOOD_TEXT))[:60], 1),
        "good.rss": (_rss(_item(GOOD_TEXT) + _item("Qatar hosted talks in Doha.")), 2),
    }
    for name, (body, _) in feeds.items():
        (folder / name).write_text(body, encoding="utf-8")
    return sum(count for _, count in feeds.values())


def _special_files(folder: Path) -> int:
    """Things that are not regular files, or not readable: one bad record each."""
    special = folder / "special"
    special.mkdir()
    os.mkfifo(special / "pipe.jsonl")
    os.mkfifo(special / "pipe.txt")
    (special / "zero.txt").symlink_to("/dev/zero")
    (special / "zero.jsonl").symlink_to("/dev/zero")
    (special / "urandom.rss").symlink_to("/dev/urandom")
    (special / "dangling.txt").symlink_to(special / "missing.txt")
    (special / "loop").symlink_to(special)  # a folder link is not followed
    (special / "folder.jsonl").mkdir()  # a folder with an input's name: walked, empty
    (special / "notes.md").write_text("not an input type: ignored in folders")
    (special / "no-suffix").write_text("ignored too")
    with open(os.path.join(os.fsencode(special), b"name-\xff\xfe.txt"), "wb") as handle:
        handle.write(GOOD_TEXT.encode())  # a file name that is not UTF-8: a good document
    return 7
