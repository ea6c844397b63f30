"""A small store written row by row, so that analysis tests can count by hand (no tests here).

Ten events, one document each (event 1 has a second report in another outlet):

| id | date       | source          | target   | cameo | quad | goldstein | status       |
| 1  | 2025-01-06 | RUS             | IRN      | 057   | 1    | 8.0       | asserted     |
| 2  | 2025-01-08 | IRNGOV          | RUS      | 040   | 1    | 1.0       | asserted     |
| 3  | 2025-01-20 | RUSMIL          | IRN      | 070   | 2    | 7.0       | planned      |
| 4  | 2025-02-03 | IRN             | RUS      | 070   | 2    | 7.0       | negated      |
| 5  | 2025-02-10 | ISR             | IRN      | 190   | 4    | -10.0     | asserted     |
| 6  | 2025-02-11 | IRN             | ISR      | 112   | 3    | -2.0      | asserted     |
| 7  | 2025-02-12 | LBNMIL hezbollah| ISR      | 190   | 4    | -10.0     | asserted     |
| 8  | 2025-03-03 | USA             | IRN      | 163   | 4    | -8.0      | asserted     |
| 9  | 2025-03-05 | RUS             | IRN      | 036   | 1    | 4.0       | hypothetical |
| 10 | 2025-03-10 | IRNGOV          | IRNOPP   | 173   | 4    | -5.0      | asserted     |

Events 4 and 9 do not count (negated, hypothetical); 10 is domestic at country level.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from eventwire.store import Store

ACTORS = {
    "RUS": ("RUS", "RUS", None, None, "country:RUS", "Russia"),
    "IRN": ("IRN", "IRN", None, None, "country:IRN", "Iran"),
    "ISR": ("ISR", "ISR", None, None, "country:ISR", "Israel"),
    "USA": ("USA", "USA", None, None, "country:USA", "United States"),
    "LBN": ("LBN", "LBN", None, None, "country:LBN", "Lebanon"),
    "IRNGOV": ("IRNGOV", "IRN", "GOV", None, "person:araghchi", "Abbas Araghchi"),
    "RUSMIL": ("RUSMIL", "RUS", "MIL", None, None, "Russian army"),
    "IRNOPP": ("IRNOPP", "IRN", "OPP", None, None, "Iranian opposition"),
    "HEZ": ("LBNMIL", "LBN", "MIL", "hezbollah", "hezbollah", "Hezbollah"),
}
EVENTS = [
    (1, "2025-01-06", "RUS", "IRN", "057", "Sign formal agreement", "SUPPORT", 1, 8.0, "asserted"),
    (2, "2025-01-08", "IRNGOV", "RUS", "040", "Consult", "CONSULT", 1, 1.0, "asserted"),
    (3, "2025-01-20", "RUSMIL", "IRN", "070", "Provide aid", "AID", 2, 7.0, "planned"),
    (4, "2025-02-03", "IRN", "RUS", "070", "Provide aid", "AID", 2, 7.0, "negated"),
    (5, "2025-02-10", "ISR", "IRN", "190", "Use military force", "ASSAULT", 4, -10.0, "asserted"),
    (6, "2025-02-11", "IRN", "ISR", "112", "Accuse", "ACCUSE", 3, -2.0, "asserted"),
    (7, "2025-02-12", "HEZ", "ISR", "190", "Use military force", "ASSAULT", 4, -10.0, "asserted"),
    (8, "2025-03-03", "USA", "IRN", "163", "Impose embargo", "COERCE", 4, -8.0, "asserted"),
    (9, "2025-03-05", "RUS", "IRN", "036", "Intend to meet", "AGREE", 1, 4.0, "hypothetical"),
    (10, "2025-03-10", "IRNGOV", "IRNOPP", "173", "Arrest", "COERCE", 4, -5.0, "asserted"),
]  # fmt: skip
PLACES = {1: ("Moscow", "RUS", 55.75, 37.62), 5: ("Tehran", "IRN", 35.69, 51.42)}
MENTIONS = {3: 2}
"""Mentions counted for an event beyond its rows (reports not stored here)."""


def build_store(path: Path) -> Path:
    """Write the table above into a fresh DuckDB store at `path`."""
    with Store.open(path) as store:
        fill_store(store)
    return path


def fill_store(store: Store) -> Store:
    """Write the table above into an empty store (DuckDB or PostgreSQL)."""
    for key, (code, country, sector, group, kb_id, name) in ACTORS.items():
        store.execute(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?)",
            [kb_id or key, code, name, country, sector, group, kb_id],
        )
    for event in EVENTS:
        _write_event(store, *event)
    _write_report(store, 1, "k1b", "Wire B", "Moscow and Tehran signed the pact, Wire B says.")
    store.execute("UPDATE events SET num_mentions = 2, num_sources = 2 WHERE event_id = 1")
    return store


def _write_event(store: Store, event_id: int, day: str, source: str, target: str,
                 cameo: str, cameo_name: str, plover: str, quad: int, goldstein: float,
                 status: str) -> None:  # fmt: skip
    negated = status == "negated"
    modality = "asserted" if negated else status
    sentence = f"{_name(source)} and {_name(target)}: event {event_id} ({cameo_name})."
    doc_key = f"k{event_id}"
    _document(store, doc_key, f"doc{event_id}", "Wire A", day, sentence)
    source_country, target_country = ACTORS[source][1], ACTORS[target][1]
    store.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [event_id, dt.date.fromisoformat(day), cameo[:2], source_country, ACTORS[source][2],
         target_country, ACTORS[target][2], None, negated, modality, doc_key, f"m{event_id}",
         MENTIONS.get(event_id, 1), 1, 1],
    )  # fmt: skip
    _mention(store, doc_key, event_id, source, target, sentence, day,
             cameo=cameo, cameo_name=cameo_name, plover=plover, quad=quad,
             goldstein=goldstein, negated=negated, modality=modality)  # fmt: skip


def _write_report(store: Store, event_id: int, doc_key: str, outlet: str, text: str) -> None:
    row = store.rows("SELECT * FROM mentions WHERE event_id = ?", [event_id])[0]
    columns = [d[0] for d in store.execute("SELECT * FROM mentions LIMIT 0").description]
    values = dict(zip(columns, row, strict=True))
    _document(store, doc_key, "doc1b", outlet, str(values["date"]), text)
    values |= {"doc_key": doc_key, "mention_id": "m1b", "doc_id": "doc1b", "sentence": text}
    start = text.index("signed")
    values |= {"sentence_end": len(text), "trigger_text": "signed", "trigger_start": start}
    values |= {"trigger_end": start + 6, "reported_by": "TASS"}
    marks = ", ".join("?" for _ in columns)
    store.execute(
        f"INSERT INTO mentions ({', '.join(columns)}) VALUES ({marks})", list(values.values())
    )


def _name(key: str) -> str:
    return ACTORS[key][5]


def _document(store: Store, doc_key: str, doc_id: str, outlet: str, day: str, text: str) -> None:
    store.execute(
        "INSERT INTO documents (doc_key, content_hash, doc_id, title, source, date, status, "
        "num_events, text, ingested_at, language) "
        "VALUES (?, ?, ?, ?, ?, ?, 'coded', 1, ?, ?, 'en')",
        [doc_key, doc_key, doc_id, f"Title {doc_id}", outlet, dt.date.fromisoformat(day), text,
         dt.datetime(2026, 1, 1)],
    )  # fmt: skip


def _mention(store: Store, doc_key: str, event_id: int, source: str, target: str,
             sentence: str, day: str, **fields: Any) -> None:  # fmt: skip
    values: dict[str, Any] = {
        "doc_key": doc_key, "mention_id": f"m{event_id}", "event_id": event_id,
        "doc_id": f"doc{event_id}", "story_index": 0, "sentence_index": 0,
        "sentence": sentence, "sentence_start": 0, "sentence_end": len(sentence),
        "cameo_root": fields["cameo"][:2], "date": day, "date_basis": "explicit",
        "trigger_text": "event", "trigger_start": sentence.index("event"),
        "trigger_end": sentence.index("event") + 5, "confidence": 0.9,
        "speaker_name": "Abbas Araghchi" if event_id == 6 else None,
        "speaker_code": "IRNGOV" if event_id == 6 else None,
    }  # fmt: skip
    values |= fields
    values["quad_class"] = values.pop("quad")
    for role, key in (("source", source), ("target", target)):
        code, country, sector, group, kb_id, name = ACTORS[key]
        values |= {f"{role}_text": name, f"{role}_name": name, f"{role}_code": code}
        values |= {f"{role}_country": country, f"{role}_sector": sector}
        values |= {f"{role}_group": group, f"{role}_id": kb_id}
    if event_id in PLACES:
        name, country, lat, lon = PLACES[event_id]
        values |= {"location_name": name, "location_country": country}
        values |= {"location_lat": lat, "location_lon": lon}
    marks = ", ".join("?" for _ in values)
    store.execute(
        f"INSERT INTO mentions ({', '.join(values)}) VALUES ({marks})", list(values.values())
    )
