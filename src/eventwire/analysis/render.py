"""A relation brief as Markdown (for the terminal and notes) or as one self-contained HTML
file (inline style, no script, nothing fetched), both from the same sections."""

from __future__ import annotations

from html import escape
from typing import Any

from eventwire.analysis.brief import Brief
from eventwire.analysis.profile import Partner

TREND_COLUMNS = ("period", "events", "cooperation", "conflict", "mean Goldstein")
PARTY_COLUMNS = ("actor", "events", "cooperation", "conflict", "mean Goldstein")
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.2rem .6rem}
th{background:#f3f3f3;text-align:left}td.n{text-align:right}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.8rem;border-left:3px solid #bbb}
mark{background:#ffe58a}.tag{font-size:.8em;padding:0 .4em;border-radius:.3em;background:#ddd}
.negated,.denied{background:#f6c0c0}.planned,.hypothetical{background:#cfe3fb}
li{margin-bottom:.8rem}.meta{color:#555;font-size:.9em}
"""


def _title(brief: Brief) -> str:
    return f"{brief.a.name or brief.a.code} and {brief.b.name or brief.b.code}: relation brief"


def _period(brief: Brief) -> str:
    since = brief.since or brief.first_date or "the start"
    until = brief.until or brief.last_date or "the end"
    return f"{brief.a.code}-{brief.b.code}, {since} to {until}, both ways"


def trend_rows(brief: Brief) -> list[tuple[Any, ...]]:
    return [
        (f"{p.period:%Y-%m}", p.events, p.cooperation, p.conflict, f"{p.goldstein:+.2f}")
        for p in brief.trend
    ]


def party_rows(parties: list[Partner]) -> list[tuple[Any, ...]]:
    return [
        (f"{p.name} ({p.code})", p.events, p.cooperation, p.conflict, f"{p.goldstein:+.2f}")
        for p in parties
    ]


def event_line(item: dict[str, Any]) -> str:
    """Date, code, type, Goldstein and counts of a key event, on one line."""
    source = (item["source"] or {}).get("code") or "?"
    target = (item["target"] or {}).get("code") or "nobody named"
    arrow = "↔" if item.get("mutual") else "→"
    return (
        f"{item['date'] or 'undated'} · {source} {arrow} {target} · {item['cameo']} "
        f"{item['cameo_name']} ({item['plover'] or 'no PLOVER type'}) · "
        f"Goldstein {item['goldstein']:+.1f} · {item['mentions']} mentions, "
        f"{item['sources']} sources"
    )


def evidence_line(item: dict[str, Any]) -> str:
    """Who said it and who reported it, and the document it comes from."""
    speaker = (item["speaker"] or {}).get("name")
    parts = [f"speaker: {speaker}" if speaker else "no speaker named"]
    outlet = item["reported_by"] or item["outlet"]
    parts.append(f"outlet: {outlet}" if outlet else "no outlet named")
    parts.append(f"document {item['doc_id']}")
    return " · ".join(parts)


def _event_sections(brief: Brief) -> list[tuple[str, list[dict[str, Any]]]]:
    return [
        ("Key events", brief.key_events),
        ("Statements with no target, in the same stories", brief.statements),
    ]


def to_markdown(brief: Brief) -> str:
    lines = [f"# {_title(brief)}", "", _period(brief), "", f"**{brief.headline}**", ""]
    lines += ["## Trend by month", "", *_markdown_table(TREND_COLUMNS, trend_rows(brief))]
    for title, items in _event_sections(brief):
        lines += [f"## {title}", ""]
        for number, item in enumerate(items, 1):
            tag = "" if item["status"] == "asserted" else f" **[{item['status'].upper()}]**"
            lines.append(f"{number}. {event_line(item)}{tag}")
            lines.append(f"   > {' '.join(item['sentence'].split())}")
            lines.append(f"   {evidence_line(item)}")
        lines.append("" if items else "None.\n")
    lines += ["## Third parties most involved", ""]
    lines += _markdown_table(PARTY_COLUMNS, party_rows(brief.third_parties))
    return "\n".join(lines).rstrip() + "\n"


def _markdown_table(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> list[str]:
    if not rows:
        return ["None.", ""]
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def to_html(brief: Brief) -> str:
    """One HTML page with its style inline: it opens offline and can be mailed as it is."""
    body = [f"<h1>{escape(_title(brief))}</h1>", f"<p>{escape(_period(brief))}</p>"]
    body.append(f"<p><strong>{escape(brief.headline)}</strong></p>")
    body += ["<h2>Trend by month</h2>", _html_table(TREND_COLUMNS, trend_rows(brief))]
    for title, items in _event_sections(brief):
        body += [f"<h2>{escape(title)}</h2>", "<ol>" if items else "<p>None.</p>"]
        for item in items:
            tag = escape(item["status"])
            body.append(
                f'<li><div>{escape(event_line(item))} <span class="tag {tag}">{tag}</span></div>'
                f"<blockquote>{highlighted(item)}</blockquote>"
                f'<div class="meta">{escape(evidence_line(item))}</div></li>'
            )
        body.append("</ol>" if items else "")
    body.append("<h2>Third parties most involved</h2>")
    body.append(_html_table(PARTY_COLUMNS, party_rows(brief.third_parties)))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(_title(brief))}</title><style>{STYLE}</style></head>"
        "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def highlighted(item: dict[str, Any]) -> str:
    """The sentence, escaped, with its trigger marked where the offsets agree with it."""
    sentence, trigger = item["sentence"], item["trigger"]
    start = trigger["start"] - item["sentence_span"][0]
    end = start + len(trigger["text"])
    if start < 0 or sentence[start:end] != trigger["text"]:
        return escape(sentence)
    marked = f"<mark>{escape(sentence[start:end])}</mark>"
    return escape(sentence[:start]) + marked + escape(sentence[end:])


def _html_table(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    cells = ["<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows]
    return f"<table><tr>{head}</tr>{''.join(cells)}</table>"


def _cell(value: Any) -> str:
    numeric = isinstance(value, int) or (isinstance(value, str) and value[:1] in "+-")
    return (
        f'<td class="n">{escape(str(value))}</td>' if numeric else f"<td>{escape(str(value))}</td>"
    )
