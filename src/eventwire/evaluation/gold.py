"""Scoring the coder against hand-coded gold events (the PETRARCH-2 GSR format).

Each gold record is `{"id", "text", "date", "expected": [{"source", "target", "code"}]}`.
Events are compared as bags of tuples at three levels: (a) source country, target country
and CAMEO root; (b) the same with the full code; (c) source, target and PLOVER type.
Countries are the first three letters of the actor codes, `---` when absent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventwire.models import BadRecord, Document, Event
from eventwire.ontology import load_ontology
from eventwire.pipeline import code_documents
from eventwire.settings import Settings

LEVELS = ("root", "code", "plover")
Key = tuple[str, str, str]


@dataclass(slots=True)
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    misses: list[tuple[str, Key]] = field(default_factory=list)
    false_alarms: list[tuple[str, Key]] = field(default_factory=list)
    records: int = 0
    bad: list[BadRecord] = field(default_factory=list)


def country(code: str | None) -> str:
    return (code or "---")[:3]


def gold_key(expected: dict[str, str], level: str) -> Key:
    code = str(expected["code"])
    label = {"root": code[:2], "code": code, "plover": _plover(code)}[level]
    return country(expected.get("source")), country(expected.get("target")), label


def event_key(event: Event, level: str, *, planned_as_act: bool = False) -> Key:
    """An event as the gold codes it. `planned_as_act` is PETRARCH's convention: a planned
    cooperative act is coded as the act ("will visit" is 042, not 036), a planned use of
    force as the threat (138)."""
    as_act = planned_as_act and event.cameo_root == "03" and event.intended_cameo
    code = event.intended_cameo if as_act and event.intended_cameo else event.cameo
    label = {"root": code[:2], "code": code, "plover": _plover(code)}[level]
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    return country(source), country(target), label


def _plover(code: str) -> str:
    entry = load_ontology().get(code)
    return (entry.plover if entry else None) or "-"


def gold_date(value: object) -> str | None:
    """The gold files carry some placeholder dates (`121108`, PETRARCH's yymmdd): read
    those too, and drop what is no date at all rather than fail the record."""
    text = str(value or "")
    for fmt in ("%Y-%m-%d", "%y%m%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def json_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(`file:line`, line) for each line of a JSON Lines file that is not blank."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            yield f"{path}:{number}", line


def read_gold(
    path: Path, *, lower: bool = False
) -> Iterator[tuple[Document, list[dict[str, str]]] | BadRecord]:
    for origin, line in json_lines(path):
        try:
            record = json.loads(line)
            document = Document(
                id=str(record.get("id", origin)),
                text=record["text"].lower() if lower else record["text"],
                date=gold_date(record.get("date")),
                origin=origin,
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            yield BadRecord(origin, f"not a gold record: {exc}")
            continue
        yield document, list(record.get("expected") or [])


def score_record(
    report: Report,
    doc_id: str,
    gold: list[dict[str, str]],
    events: Iterable[Event],
    *,
    planned_as_act: bool = False,
) -> None:
    """Add one record's matches to the report; only events the text reports as real
    count (not the negated, not the hypothetical), on both sides."""
    coded = [e for e in events if not e.negated and e.modality != "hypothetical"]
    gold = [g for g in gold if not g.get("negated") and g.get("modality") != "hypothetical"]
    for level in LEVELS:
        expected = Counter(gold_key(g, level) for g in gold)
        found = Counter(event_key(e, level, planned_as_act=planned_as_act) for e in coded)
        score = report.scores[level]
        score.true_positives += sum((expected & found).values())
        score.false_positives += sum((found - expected).values())
        score.false_negatives += sum((expected - found).values())
        if level == "root":
            report.misses += [(doc_id, k) for k in (expected - found).elements()]
            report.false_alarms += [(doc_id, k) for k in (found - expected).elements()]


def evaluate(path: Path, *, settings: Settings | None = None, lower: bool = False) -> Report:
    """Code every gold text with its date and score the events against the gold ones;
    `lower` lower-cases the texts first. Without `settings`, events are coded as the gold
    codes them: PETRARCH-style gold has full dyads only (`require_source`); under
    PETRARCH's rules a planned cooperative act counts as the act, as PETRARCH codes it."""
    settings = settings or Settings(require_source=True)
    report = Report()
    gold_by_id: dict[str, list[dict[str, str]]] = {}
    documents: list[Document] = []
    for item in read_gold(path, lower=lower):
        if isinstance(item, BadRecord):
            report.bad.append(item)
            continue
        document, gold = item
        key = f"{len(documents)}:{document.id}"
        gold_by_id[key] = gold
        documents.append(Document(id=key, text=document.text, date=document.date))
    for coded in code_documents(documents, settings=settings):
        report.records += 1
        doc_id = coded.document.id.split(":", 1)[1]
        gold = gold_by_id[coded.document.id]
        score_record(report, doc_id, gold, coded.events, planned_as_act=settings.require_source)
    return report


def case_agreement(path: Path, *, settings: Settings | None = None) -> tuple[int, int]:
    """How many of the (source country, target country, CAMEO root) events coded from the
    texts of a gold file are coded again from the same texts lower-cased: (kept, total)."""
    documents = [item[0] for item in read_gold(path) if not isinstance(item, BadRecord)]
    return events_kept_lowercased(documents, settings=settings)


def events_kept_lowercased(
    documents: list[Document], *, settings: Settings | None = None
) -> tuple[int, int]:
    """(kept, total): the root-level events of `documents` also found in their lower-cased
    text, counted as bags per document."""
    lowered = [replace(d, text=d.text.lower()) for d in documents]
    cased = code_documents(documents, settings=settings)
    uncased = code_documents(lowered, settings=settings)
    kept = total = 0
    for first, second in zip(cased, uncased, strict=True):
        expected = Counter(event_key(e, "root") for e in first.events)
        found = Counter(event_key(e, "root") for e in second.events)
        total += sum(expected.values())
        kept += sum((expected & found).values())
    return kept, total
