"""The lexicon as a detector: its patterns matched against the parse of one sentence.

Each token is looked up once in the verb or noun index; a pattern matches when all its
words are found below the trigger in the parse. Every match becomes a frame
(`frames.Frame`); `frames.settle` chooses among overlapping ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.events.frames import Frame
from eventwire.events.lexicon import Lexicon, Pattern, Slot

# Dependencies not followed from a verb trigger: they start another clause or another actor.
CLAUSE_BREAKS = frozenset(
    {"nsubj", "csubj", "ccomp", "advcl", "relcl", "conj", "cc", "parataxis", "punct", "mark",
     "appos", "acl", "nsubj:pass"}
)  # fmt: skip
REACH_DEPTH = 3
ATTRIBUTION_WORDS = frozenset({"according"})
"""Heads of phrases that say who reports, never part of the act: "according to X"."""
NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(slots=True)
class LexiconDetector:
    """The lexicon's patterns, proposing a frame for every pattern that matches."""

    lexicon: Lexicon
    name: str = "lexicon"

    def detect(self, sent: Span) -> list[Frame]:
        return [frame for token in sent for frame in match_token(token, self.lexicon, self.name)]


def _fits(token: Token, slot: Slot) -> bool:
    return token.lower_ in slot or token.lemma_.lower() in slot or _hyphenated(token) in slot


def _hyphenated(token: Token) -> str:
    """The word a token begins that the tokenizer split at a hyphen ("sit-in", "de-escalation"),
    so that lexicon words written with a hyphen still match; empty when there is none."""
    if token.whitespace_:  # most tokens: checked first, it is the cheapest test
        return ""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "-":
        return ""
    if doc[token.i + 1].whitespace_:
        return ""
    return f"{token.lower_}-{doc[token.i + 2].lower_}"


def verb_reach(verb: Token) -> list[Token]:
    """The tokens a verb pattern may use: the verb's own clause, a few levels down."""
    reach: list[Token] = []
    frontier = [verb]
    for _ in range(REACH_DEPTH):
        frontier = [
            c
            for t in frontier
            for c in t.children
            if c.dep_ not in CLAUSE_BREAKS and c.lower_ not in ATTRIBUTION_WORDS
        ]
        reach.extend(frontier)
    return reach


def noun_reach(noun: Token) -> list[Token]:
    """A noun's modifiers and prepositions, and those of the verb it is the object or
    the intransitive subject of ("launched an attack on" attaches `on` to either)."""
    reach = [c for c in noun.children if c.dep_ not in ("punct", "cc", "conj", "relcl", "appos")]
    verb = noun.head
    if verb.pos_ == "VERB" and (
        noun.dep_ in ("dobj", "nsubjpass")
        or (noun.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children))
    ):  # "launched an attack on X", "fighting erupted between X and Y"
        reach.extend(c for c in verb.children if c.dep_ == "prep")
    return reach


def _prep_object(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _find_words(pattern: Pattern, reach: list[Token]) -> list[Token] | None:
    """The tokens that fill each word slot of the pattern, or None if one is missing."""
    found = []
    for slot in pattern.words:
        token = next((t for t in reach if _fits(t, slot) and t not in found), None)
        if token is None:
            return None
        found.append(token)
    return found


def _find_target_prep(pattern: Pattern, reach: list[Token]) -> Token | None | bool:
    """The preposition that introduces the target; False when the pattern needs one and
    the text has none."""
    if pattern.target_prep is None:
        return None
    preps = [
        token
        for token in reach
        if token.dep_ in ("prep", "agent", "dative", "prt", "advmod")
        and token.lower_ in pattern.target_prep
    ]
    if not preps:
        return False
    return max(preps, key=_target_likeness)


def _target_likeness(prep: Token) -> tuple[bool, bool, int]:
    """Rank the candidate prepositions: not one of time (`on Monday`), then one whose object
    bears a name (`against Houthi targets` over `in retaliation`), then the first."""
    obj = _prep_object(prep)
    if obj is None:
        return False, False, -prep.i
    temporal = obj.ent_type_ in ("DATE", "TIME")
    named = obj.pos_ == "PROPN" or any(c.pos_ == "PROPN" or c.is_title for c in obj.children)
    return not temporal, named, -prep.i


def is_headline_verb(token: Token) -> bool:
    """A main-clause noun with a subject and an object is a verb the tagger misread, as it
    often does in headlines: "Protesters storm parliament in Skopje"."""
    if token.dep_ != "ROOT" or token.pos_ != "NOUN":
        return False
    return {"nsubj", "dobj"} <= {child.dep_ for child in token.children}


def match_token(token: Token, lexicon: Lexicon, detector: str) -> Iterator[Frame]:
    """A frame for every pattern the token triggers."""
    reach_of: Callable[[Token], list[Token]]
    if token.pos_ == "VERB" or is_headline_verb(token):
        index, reach_of = lexicon.verbs, verb_reach
    elif token.pos_ in ("NOUN", "PROPN"):
        index, reach_of = lexicon.nouns, noun_reach
    else:
        return
    patterns = (
        index.get(token.lemma_.lower(), [])
        or index.get(token.lower_, [])
        or index.get(_hyphenated(token), [])
    )
    if not patterns:
        return
    reach = reach_of(token)
    for pattern in patterns:
        words = _find_words(pattern, reach)
        if words is None:
            continue
        prep = _find_target_prep(pattern, reach)
        if prep is False:
            continue
        used = {token.i, *(w.i for w in words)}
        target = None
        if isinstance(prep, Token):
            used.add(prep.i)
            target = _prep_object(prep)
        yield Frame(
            trigger=token.i,
            used=tuple(sorted(used)),
            target_head=None if target is None else target.i,
            code=pattern.code,
            pos=pattern.pos,
            origin=pattern.origin,
            specificity=pattern.specificity,
            priority=pattern.priority,
            detector=detector,
        )
