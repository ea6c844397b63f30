"""Scoring the coder against hand-coded data.

Two kinds of gold file are read: PETRARCH-style events (`gold`: dyad and code per sentence)
and marked triggers with their places (`triggers`: did the coder find the event a research
assistant marked, and put it in the right place?). `read_kind` tells them apart.
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluation.gold import (
    LEVELS,
    Report,
    case_agreement,
    evaluate,
    events_kept_lowercased,
    score_record,
)
from eventwire.evaluation.triggers import TriggerReport, evaluate_triggers, score_marked

__all__ = [
    "LEVELS",
    "Report",
    "TriggerReport",
    "case_agreement",
    "evaluate",
    "evaluate_triggers",
    "events_kept_lowercased",
    "gold_kind",
    "score_marked",
    "score_record",
]


def gold_kind(path: Path) -> str:
    """`"triggers"` for a file of marked triggers (`event_verbs`), else `"events"`."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return "events"
                return (
                    "triggers" if isinstance(record, dict) and "event_verbs" in record else "events"
                )
    return "events"
