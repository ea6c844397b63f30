"""Restoring the case of lower-cased and upper-cased text, and coding it like cased text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluation import events_kept_lowercased
from eventwire.models import Document
from eventwire.nlp.truecase import case_of
from eventwire.pipeline import build_truecaser, code_text
from eventwire.settings import Settings

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "news.jsonl"


@pytest.mark.parametrize(
    ("line", "mode"),
    [
        ("police in karachi arrested twelve suspects on monday.", "lower"),
        ("REBELS SEIZE BORDER TOWN AFTER HEAVY FIGHTING", "upper"),
        ("Police in Karachi arrested twelve suspects on Monday.", None),
        ("ok", None),
    ],
)
def test_truecase_tells_the_case_of_a_line(line: str, mode: str | None) -> None:
    assert case_of(line) == mode


@pytest.mark.parametrize(
    ("text", "restored"),
    [
        (
            "police in karachi arrested twelve suspects on monday.",
            "Police in Karachi arrested twelve suspects on Monday.",
        ),
        (
            "the u.s. embassy in baghdad said al-qaeda fighters were behind it. i agree.",
            "The U.S. Embassy in Baghdad said al-Qaeda fighters were behind it. I agree.",
        ),
        (
            "turkish troops shelled kurdish positions in the west bank",
            "Turkish troops shelled kurdish positions in the West Bank",
        ),
        ("REBELS SEIZE BORDER TOWN NEAR GOMA", "Rebels seize border town near Goma"),
        # towns of 20,000 and more, and any name after "the town of"
        (
            "gunmen killed four people in potiskum and the town of mashahda.",
            "Gunmen killed four people in Potiskum and the town of Mashahda.",
        ),
        ("a car bomb exploded near the market.", "A car bomb exploded near the market."),
        (
            "peru declared a state of emergency at the edge of collapse.",
            "Peru declared a state of emergency at the edge of collapse.",
        ),
        (
            "troops entered the villages of kafr hamra and the cities of homs.",
            "Troops entered the villages of Kafr Hamra and the cities of Homs.",
        ),
        ("NATO WARNS RUSSIA OVER UKRAINE", "NATO warns Russia over Ukraine"),
        (
            "crowds gathered in nice and reading after the match.",
            "Crowds gathered in nice and reading after the match.",
        ),
        (
            "Already Cased text stays exactly as it was, reading and all.",
            "Already Cased text stays exactly as it was, reading and all.",
        ),
    ],
)
def test_truecase_restores_names_and_sentence_starts(text: str, restored: str) -> None:
    """Names and sentence starts take their case, English words that are also town names
    stay lower, cased text is left alone, and no offset moves."""
    result = build_truecaser(Settings()).restore(text)
    assert result == restored
    assert len(result) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("police in lahore arrested 50 people on tuesday.", "PAKCOP>PAKCVL:17"),
        ("israeli troops killed three hamas militants in the west bank.", "ISRMIL>PSEREB:19"),
        ("russia and iran signed a strategic partnership treaty in moscow.", "RUS>IRN:05"),
        ("GUNMEN KILL FIVE VILLAGERS IN NORTHERN NIGERIA", "NGAUAF>NGACVL:19"),
    ],
)
def test_truecase_lowercased_text_codes_like_cased_text(text: str, expected: str) -> None:
    events = code_text(text, date="2024-03-05")
    found = {
        f"{e.source.code if e.source else '-'}>{e.target.code if e.target else '-'}:{e.cameo_root}"
        for e in events
    }
    assert expected in found, found
    assert all(e.sentence == text[e.sentence_span[0] : e.sentence_span[1]] for e in events)


def test_truecase_sample_corpus_lowercased_keeps_nine_in_ten_events() -> None:
    documents = [
        Document(id=r["id"], text=r["text"], date=r["date"])
        for r in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())
    ]
    kept, total = events_kept_lowercased(documents)
    assert total > 100
    assert kept / total >= 0.9, (kept, total)
