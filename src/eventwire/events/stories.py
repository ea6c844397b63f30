"""Story segmentation: where a file of concatenated reports changes story.

News digests run several reports together with no markers. A paragraph that names none of
the actors of the story so far starts a new story, so that "the group" or "it" never
reaches back into another report. Paragraphs are the lines of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from eventwire.actors.resolver import Mention

STORY_KINDS = frozenset({"country", "organisation", "person"})
MAX_SENTENCE_TOKENS = 300
"""Longer sentences are not coded (see `paragraphs`)."""


def paragraphs(doc: Doc) -> Iterator[list[tuple[int, Span]]]:
    """The sentences of the document with their index, grouped by line.

    Sentences longer than MAX_SENTENCE_TOKENS are left out: no news sentence is that long
    (they are lists or tables parsed as one sentence), and coding costs grow with the square
    of a sentence's length.
    """
    group: list[tuple[int, Span]] = []
    for index, sent in enumerate(doc.sents):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        # The character before the sentence ends the previous token or its whitespace
        # (not `doc.text`, which spaCy rebuilds whole on every read).
        starts_line = sent.start == 0 or doc[sent.start - 1].text_with_ws.endswith("\n")
        if starts_line and group:
            yield group
            group = []
        group.append((index, sent))
    if group:
        yield group


def named_actors(mentions: list[dict[int, Mention]]) -> set[str]:
    """The knowledge-base ids of the countries, organisations and people named."""
    return {m.entry.id for found in mentions for m in found.values() if m.entry.kind in STORY_KINDS}


def story_actors(named: list[set[str]], share: float = 0.5) -> list[set[str]]:
    """The actors that tell stories apart: one named in a large share of the paragraphs
    of a long file ("Iran" in a digest about Iran) is the file's subject, not a story's."""
    if len(named) < 5:
        return named
    counts: dict[str, int] = {}
    for ids in named:
        for actor in ids:
            counts[actor] = counts.get(actor, 0) + 1
    background = {a for a, n in counts.items() if n >= share * len(named)}
    return [ids - background for ids in named]


@dataclass(slots=True)
class StoryTracker:
    """Follows the actors of the last paragraphs and says when a paragraph starts another
    story: when it names actors and none of them were named in the paragraphs just
    before (a paragraph naming no one carries on the story)."""

    memory: int = 3
    index: int = 0
    recent: list[set[str]] = field(default_factory=list)

    def next_paragraph(self, named: set[str]) -> bool:
        """Account for a paragraph; True when it starts a new story."""
        if not named:
            return False
        seen = set().union(*self.recent)
        self.recent = [*self.recent[-(self.memory - 1) :], named]
        if seen and not named & seen:
            self.index += 1
            self.recent = [named]
            return True
        return False
