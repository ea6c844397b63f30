"""Frames: plain data between detection and records, so another detector can sit beside
the lexicon and have its frames coded by the same rules."""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass

import pytest
from spacy.tokens import Span

from eventwire.events.coder import EventCoder
from eventwire.events.frames import Detector, Frame
from eventwire.models import Document, Event
from eventwire.nlp import load_pipeline
from eventwire.pipeline import build_coder
from eventwire.settings import Settings

DATE = "2024-03-05"


@dataclass(slots=True)
class LemmaDetector:
    """A toy detector: a frame of `code` for every verb whose lemma is one of `lemmas`."""

    lemmas: frozenset[str]
    code: str
    specificity: tuple[int, int]
    name: str = "toy"

    def detect(self, sent: Span) -> list[Frame]:
        return [
            Frame(t.i, (t.i,), None, self.code, "verb", "toy", self.specificity, 0, self.name)
            for t in sent
            if t.pos_ == "VERB" and t.lemma_ in self.lemmas
        ]


def coder_with(detector: Detector) -> EventCoder:
    """The shipped coder with one more detector after the lexicon."""
    coder = copy.copy(build_coder(Settings()))
    coder.detectors = (*coder.detectors, detector)
    return coder


def code(coder: EventCoder, text: str) -> list[Event]:
    doc = load_pipeline(Settings().model)(text)
    return coder.code_doc(doc, Document(id="t", text=text, date=DATE))


def test_frames_round_trip_through_json() -> None:
    frame = Frame(4, (2, 4, 6), 7, "1831", "noun", "18_assault.csv:3", (3, 4), 1, "lexicon")
    assert Frame.from_dict(json.loads(json.dumps(asdict(frame)))) == frame


def test_frames_round_trip_without_a_target() -> None:
    frame = Frame(0, (0,), None, "111", "verb", "model-v1", (1, 3), 0, "classifier")
    assert Frame.from_dict(json.loads(json.dumps(asdict(frame)))) == frame


@pytest.mark.model
def test_frames_of_the_lexicon_are_plain_data() -> None:
    coder = build_coder(Settings())
    doc = load_pipeline(Settings().model)("Iran rebuked Israel at a summit in Geneva.")
    frames = [f for d in coder.detectors for f in d.detect(next(doc.sents))]
    assert [(f.code, f.detector, doc[f.trigger].text) for f in frames] == [
        ("111", "lexicon", "rebuked")
    ]
    assert all(Frame.from_dict(json.loads(json.dumps(asdict(f)))) == f for f in frames)


@pytest.mark.model
def test_frames_of_another_detector_are_coded_like_the_lexicon() -> None:
    """ "snub" is no lexicon word: the toy detector's frame gets its source, target, place
    and date by the same rules as the lexicon's "rebuked" in the same sentence."""
    coder = coder_with(LemmaDetector(frozenset({"snub"}), "111", (1, 3)))
    told = {
        word: code(coder, f"Iran {word} Israel at a summit in Geneva on Monday.")
        for word in ("snubbed", "rebuked")
    }
    (snub,), (rebuke,) = told["snubbed"], told["rebuked"]
    assert snub.debug["pattern"] == "toy" and snub.trigger.text == "snubbed"
    seen = [(e.source, e.target, e.cameo, e.location, e.date) for e in (snub, rebuke)]
    assert seen[0] == seen[1]
    assert (snub.source and snub.source.code, snub.target and snub.target.code) == ("IRN", "ISR")
    assert snub.location is not None and snub.location.name == "Geneva"


@pytest.mark.model
@pytest.mark.parametrize(
    ("specificity", "cameo", "origin"),
    [
        ((1, 3), "111", "11_disapprove.csv:22"),  # a tie: the first detector, the lexicon
        ((2, 4), "1121", "toy"),  # more specific: the toy detector
    ],
)
def test_frames_on_one_trigger_give_one_event_by_rank(
    specificity: tuple[int, int], cameo: str, origin: str
) -> None:
    coder = coder_with(LemmaDetector(frozenset({"rebuke"}), "1121", specificity))
    (event,) = code(coder, "Iran rebuked Israel.")
    assert (event.cameo, event.debug["pattern"]) == (cameo, origin)
