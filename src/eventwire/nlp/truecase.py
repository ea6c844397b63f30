"""Restoring the case of lower-cased and upper-cased text before it is parsed.

spaCy's English pipeline leans on case: in "police in karachi arrested 12 suspects" it
finds no place, and in a headline in capitals every word looks like a name. Many news
archives deliver text that way. A line whose letters are (nearly) all lower case, or all
capitals, is rewritten with the case of the names eventwire knows (the knowledge base's
actors and the gazetteer's places, longest name first), with sentence starts capitalised
and "i" as "I". Words that are also ordinary English words ("reading", "nice", "bush",
listed in `data/nlp/lowercase_words.txt`) stay lower case unless they name a country.
Only the case of letters changes, never the length, so offsets into the restored text are
offsets into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.actors.knowledge import KnowledgeBase
from eventwire.attributes import Gazetteer
from eventwire.attributes.date_rules import MONTHS, WEEKDAYS
from eventwire.attributes.places import WORDS
from eventwire.datafiles import package_data

WORD = re.compile(r"[^\W\d_]+(?:[.\-][^\W\d_]+)*\.?")
SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+[\"'(\[\u201c\u2018]*$")
MAX_NAME_WORDS = 6
MIN_LETTERS = 8
LOWER_SHARE = 0.01
"""A line is lower-cased when fewer than this share of its letters are capitals."""
UPPER_SHARE = 0.9
"""A line is in capitals when at least this share of its letters are."""
MIN_TOWN_POPULATION = 20_000
"""Smaller towns are restored only by names of several words ("in potiskum" is Potiskum;
town names that are English words are in `lowercase_words.txt`)."""
STORY_KINDS = ("country", "region", "organisation", "person", "outlet")
MAX_PLACE_WORDS = 3

Key = tuple[str, ...]


def words_of(text: str) -> list[str]:
    """The words of a name or line: letters joined by dots or hyphens ("u.s.",
    "al-qaeda"), a final dot kept only on abbreviations."""
    return [_trim(m.group()) for m in WORD.finditer(text)]


def _trim(word: str) -> str:
    return word if "." in word[:-1] else word.rstrip(".")


def needs_case(text: str) -> bool:
    """Whether any line of the text is written in one case."""
    return any(case_of(line) for line in text.split("\n"))


def case_of(line: str) -> str | None:
    """ "lower" or "upper" for a line written in one case, else None (trust its case)."""
    letters = sum(map(str.isalpha, line))  # map: the text of every document is read
    if letters < MIN_LETTERS:
        return None
    share = sum(map(str.isupper, line)) / letters
    if share < LOWER_SHARE:
        return "lower"
    return "upper" if share >= UPPER_SHARE else None


@dataclass(frozen=True, slots=True)
class Truecaser:
    """Names by their lower-case words, and the acronyms kept in capitals."""

    names: dict[Key, Key]
    acronyms: frozenset[str]

    @classmethod
    def build(cls, kb: KnowledgeBase, gazetteer: Gazetteer) -> Truecaser:
        common = lowercase_words()
        names: dict[Key, Key] = {}
        for form, strong in _forms(kb, gazetteer):
            words = _name_words(form)
            key = tuple(w.lower() for w in words)
            if key == words or (len(key) == 1 and key[0] in common and not _beats(words, strong)):
                continue
            names.setdefault(key, words)
        acronyms = frozenset(w for ws in names.values() for w in ws if len(w) > 1 and w.isupper())
        return cls(names, acronyms)

    def restore(self, text: str) -> str:
        """The text with each line in one case restored; other lines as they are."""
        return "\n".join(self.restore_line(line) for line in text.split("\n"))

    def restore_line(self, line: str) -> str:
        mode = case_of(line)
        if mode is None:
            return line
        chars = list(line.lower() if mode == "upper" else line)
        spans = [(m.start(), m.start() + len(_trim(m.group()))) for m in WORD.finditer(line)]
        self._restore_names(chars, spans)
        _capitalise_place_names(chars, spans)
        _capitalise_starts(chars, spans)
        if mode == "upper":
            for start, end in spans:
                if line[start:end] in self.acronyms:
                    chars[start:end] = line[start:end]
        restored = "".join(chars)
        return restored if len(restored) == len(line) else line

    def _restore_names(self, chars: list[str], spans: list[tuple[int, int]]) -> None:
        """Longest known name first, word by word; a hyphenated word that is no name is
        tried part by part ("kurdish-led")."""
        index = 0
        while index < len(spans):
            size = self._longest_name(chars, spans, index)
            if size:
                window = spans[index : index + size]
                key = tuple("".join(chars[s:e]).lower() for s, e in window)
                for (start, end), word in zip(window, self.names[key], strict=True):
                    chars[start:end] = word
                index += size
                continue
            start, end = spans[index]
            offset = start
            for part in "".join(chars[start:end]).split("-"):
                cased = self.names.get((part.lower(),))
                if cased is not None and len(part) > 0:
                    chars[offset : offset + len(part)] = cased[0]
                offset += len(part) + 1
            index += 1

    def _longest_name(self, chars: list[str], spans: list[tuple[int, int]], index: int) -> int:
        for size in range(min(MAX_NAME_WORDS, len(spans) - index), 0, -1):
            window = spans[index : index + size]
            gaps = ("".join(chars[a[1] : b[0]]) for a, b in zip(window, window[1:], strict=False))
            if any(gap.strip() for gap in gaps):
                continue
            key = tuple("".join(chars[s:e]).lower() for s, e in window)
            if key in self.names:
                return size
        return 0


def _beats(words: Key, strong: bool) -> bool:
    """Whether a name beats the common word it is written like: a country's name does
    ("turkey", "chad", and "us", too common to leave out), not a country's acronym that
    is an ordinary word ("car" is no Central African Republic)."""
    return strong and not (words[0].isupper() and words[0].lower() not in STOP_WORDS)


def _name_words(form: str) -> Key:
    """The words of a name as written, without a leading "the" ("the West" must not hide
    "west bank"); empty when lower-casing would change a word's length."""
    words = tuple(words_of(form))
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return words if all(len(w.lower()) == len(w) for w in words) else ()


def _capitalise_place_names(chars: list[str], spans: list[tuple[int, int]]) -> None:
    """The name after a naming noun and "of", known or not: "the town of mashahda" is
    Mashahda; up to MAX_PLACE_WORDS words, to a stop word, a number or punctuation."""
    words = ["".join(chars[s:e]) for s, e in spans]
    for index in range(1, len(spans) - 1):
        if words[index] != "of" or words[index - 1].lower() not in WORDS.naming_nouns:
            continue
        for number in range(index + 1, min(index + 1 + MAX_PLACE_WORDS, len(spans))):
            start, end = spans[number]
            gap = "".join(chars[spans[number - 1][1] : start])
            if gap.strip() or words[number] in STOP_WORDS:
                break
            chars[start] = chars[start].upper()


def _capitalise_starts(chars: list[str], spans: list[tuple[int, int]]) -> None:
    """The first word of the line and of each sentence, and the pronoun "i"."""
    for number, (start, end) in enumerate(spans):
        before = "".join(chars[max(0, start - 4) : start])
        if number == 0 or SENTENCE_END.search(before) or "".join(chars[start:end]) == "i":
            chars[start] = chars[start].upper()


def _forms(kb: KnowledgeBase, gazetteer: Gazetteer) -> Iterable[tuple[str, bool]]:
    """Every written name, with whether it beats a common word (countries do)."""
    for entry in kb.entries.values():
        if entry.kind not in STORY_KINDS:
            continue
        strong = entry.kind == "country"
        for form in (entry.name, *entry.aliases, *entry.adjectives, *entry.capitals):
            yield form, strong
        if entry.kind == "person":
            yield entry.name.split()[-1], False  # "obama" after "barack obama"
    yield from gazetteer.cased_names(min_population=MIN_TOWN_POPULATION)
    for word in (*MONTHS, *WEEKDAYS):
        if len(word) > 3:  # not "jan", "mar"
            yield word.title(), False


def lowercase_words() -> frozenset[str]:
    """English words that are also names eventwire knows, from `lowercase_words.txt`."""
    text = package_data("nlp", "lowercase_words.txt").read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
