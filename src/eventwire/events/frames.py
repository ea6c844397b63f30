"""Frames: the events that detectors propose in a sentence, as plain data.

A detector (the lexicon's patterns, or a learned model beside them) reads a parsed sentence
and proposes frames: a trigger, the words it used and the target it found, as token indices
into the document, with a CAMEO code and what ranks it. Frames hold no spaCy objects, so
they can be written to JSON, compared across detectors and made by code that knows nothing
of the lexicon. `settle` picks the frames of all detectors that do not overlap; the coder
then reads every chosen frame against the parse by the same rules, whichever detector
proposed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from spacy.tokens import Doc, Span


@dataclass(frozen=True, slots=True)
class Frame:
    """One event a detector proposes: where it is in the text and how it ranks."""

    trigger: int
    """The document index of the trigger token."""
    used: tuple[int, ...]
    """The document indices of every token the detection used, the trigger among them:
    no other frame may use them too."""
    target_head: int | None
    """The document index of the target phrase's head, when the detection found it."""
    code: str
    """The CAMEO code."""
    pos: str
    """ "verb" or "noun": which role rules find the frame's source and target."""
    origin: str
    """What proposed it, for debug output: a lexicon file and line, or a model's name."""
    specificity: tuple[int, int]
    """How precise the detection is: for the lexicon, the pattern's words, then the digits
    of its code. The more specific frame wins an overlap."""
    priority: int
    """Settles ties of specificity at one trigger (the lexicon's `priority` column)."""
    detector: str
    """The name of the detector that proposed it."""

    @property
    def rank(self) -> tuple[int, int, int, int]:
        """Specificity, then the earlier trigger, then the priority: a frame's priority
        settles ties at its own trigger only, never against another word's frame."""
        return (*self.specificity, -self.trigger, self.priority)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Frame:
        """A frame read back from JSON (`dataclasses.asdict`), where tuples became lists."""
        tuples = {"used": tuple(data["used"]), "specificity": tuple(data["specificity"])}
        return cls(**{**data, **tuples})


class Detector(Protocol):
    """Proposes event frames for one parsed sentence; the coder reads the frames of every
    detector it is given by the same rules."""

    name: str

    def detect(self, sent: Span) -> list[Frame]:
        """Every frame the detector finds in the sentence, overlapping ones included:
        `settle` chooses among the frames of all detectors at once."""
        ...


def _gives_way(
    frame: Frame, candidates: list[Frame], doc: Doc, modal_verbs: frozenset[str]
) -> bool:
    """A modal verb's frame that shares words with a frame on another trigger, or whose
    infinitive is one ("pledged to expel": the expulsion is the event, planned)."""
    trigger = doc[frame.trigger]
    if frame.pos != "verb" or trigger.lemma_.lower() not in modal_verbs:
        return False
    words = set(frame.used) - {frame.trigger}
    complements = {c.i for c in trigger.children if c.dep_ == "xcomp"}
    others = [f for f in candidates if f.trigger != frame.trigger]
    return any(words & set(f.used) or f.trigger in complements for f in others)


def settle(sent: Span, frames: list[Frame], modal_verbs: frozenset[str]) -> list[Frame]:
    """The best frames that share no word, chosen greedily by rank, in text order, so that
    "threatened to attack" is one threat, not a threat and an attack.

    A modal verb ("are scheduled to hold talks") only marks the event it governs as
    planned: its own frame gives way when that event has a frame of its own."""
    kept = [f for f in frames if not _gives_way(f, frames, sent.doc, modal_verbs)]
    kept.sort(key=lambda f: f.rank, reverse=True)
    taken: set[int] = set()
    chosen = []
    for frame in kept:
        words = {frame.trigger, *frame.used}
        if words & taken:
            continue
        chosen.append(frame)
        taken |= words
    return sorted(chosen, key=lambda f: f.trigger)
