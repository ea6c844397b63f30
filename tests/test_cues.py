"""Senses of a trigger that are no political event (`other_senses` and `score_verbs` in
`data/lexicon/cues.yaml`), and the loader that reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.cues import _word_mapping, load_cues
from eventwire.pipeline import code_text
from test_coder_recall import DATE, describe


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Djokovic captured his first title in Paris on Sunday.",
        "She captured the gold medal in the 100 metres in Tokyo.",
        "The film captured the hearts of audiences in Tehran.",
        "The film was shot in Morocco last year.",
        "The film, shot largely in Rome, opens on Friday.",
        "A rocket slammed into an empty field near Sderot.",
        "Journalists shot footage in Kabul.",
        "The opposition leader shot back at his critics on Monday.",
        "The rupee hit a record low against the dollar on Monday.",
        "Manchester United beat Liverpool 2-1 at Old Trafford on Sunday.",
        "Brazil celebrated after beating Germany 7-1 in Belo Horizonte.",
    ],
)
def test_cues_other_sense_is_no_event(text: str) -> None:
    assert [describe(e) for e in code_text(text, date=DATE)] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "root"),
    [
        ("Rebels captured the town of Goma on Sunday.", "captured", "19"),
        ("Police shot a protester in the back in Cairo.", "shot", "17"),
        ("An Israeli airstrike hit a school in Gaza.", "hit", "19"),
        ("Government forces beat protesters in Harare.", "beat", "17"),
        ("The protester, shot by police in Lagos, died in hospital.", "shot", "19"),
        ("Lebanese demonstrators blocked roads as the currency hit a new low.", "blocked", "14"),
    ],
)
def test_cues_political_sense_stays_an_event(text: str, trigger: str, root: str) -> None:
    found = [(e.trigger.text, e.cameo_root) for e in code_text(text, date=DATE)]
    assert found == [(trigger, root)], found


def test_cues_other_senses_are_loaded() -> None:
    cues = load_cues()
    assert "medal" in cues.other_senses["capture"] and "film" in cues.other_senses["shoot"]
    assert "beat" in cues.score_verbs


def test_cues_other_senses_entry_must_be_a_list() -> None:
    raw = {"other_senses": {"__line__": 3, "capture": "title"}}
    with pytest.raises(DataFileError, match="'capture' needs a list of words"):
        _word_mapping(raw, "other_senses", Path("cues.yaml"))
