"""Turn one date expression ("on Monday", "January 17", "two days ago") into a calendar date.

Why our own rules rather than dateparser alone: news text leaves the year and the week
implicit, and the right reading depends on the tense of the clause. "On Thursday" in
"Israel struck on Thursday" is the last Thursday on or before publication; in "talks will
be held on Thursday" it is the next one. dateparser has a single `PREFER_DATES_FROM` for
the whole text and is slow (milliseconds a call), so it only reads the explicit shapes that
the rules below do not know ("12/07/2023", "Dec. 7th, 2023"), and is never called for a
phrase without a month name or a numeric date in it.

Resolution rules (publication day P):
- explicit full dates, "March 2001", "2021": basis "explicit";
- weekdays: past clause, the last such day on or before P (P itself if it matches);
  future clause, the next on or after P; "last Monday" / "next Monday" exclude P;
- "January 17" and "in October" without a year: the most recent on or before P (past)
  or the next on or after P (future);
- "today", "tonight", "overnight", "this week": P; "yesterday", "last night": P - 1;
  "last week": P - 7; "next week": P + 7; "N days ago": P - N;
  "last month", "this month", "next month": YYYY-MM; "last year" etc.: YYYY;
- "earlier this week" (or "early"): P - 1, but not before the Monday of P's week (P itself
  on a Monday); "later this week" (or "late"): P + 1, but not after its Sunday. A day is
  more useful to a reader than the week, and the day next to P is the likeliest;
- "the weekend", "over/at the weekend", "this weekend": the Saturday of the weekend, in a
  past clause the last one on or before P, in a future clause the next one on or after P
  (P itself on a Saturday or Sunday); "last weekend": the Saturday of the last weekend
  that P does not fall in; "next weekend": the first Saturday after P;
- holidays with a fixed day ("Christmas Day", "Christmas Eve", "New Year's Eve",
  "New Year's Day", "Boxing Day"): like "December 25" without a year;
- everything resolved against P has basis "relative". A past clause never yields a date
  after P; a future one, or an expression that points forward ("next week"), may.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from dateparser.date import DateDataParser

from eventwire.attributes.numbers import parse_count
from eventwire.models import DateBasis

MONTHS = MappingProxyType(
    {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }
)  # fmt: skip
WEEKDAYS = MappingProxyType(
    {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
     "sunday": 6}
)  # fmt: skip
DAY_OFFSETS = MappingProxyType(
    {"today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0,
     "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}
)  # fmt: skip
UNIT_DAYS = MappingProxyType({"day": 1, "week": 7})
RELATIVE_STEPS = MappingProxyType({"last": -1, "this": 0, "next": 1})
"""The words that move a unit of time from publication: "last year", "next month"."""
LEADING_FILLERS = frozenset(
    {"the", "on", "in", "at", "since", "by", "until", "till", "from", "during", "of",
     "around", "about", "early", "late", "mid", "earlier", "later", "end", "beginning",
     "start", "as", "over"}
)  # fmt: skip
WEEK_PARTS = MappingProxyType({"earlier": -1, "early": -1, "later": 1, "late": 1})
"""Words before "this week" that point to a day before or after publication."""
SATURDAY = 5
HOLIDAYS = MappingProxyType(
    {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
     "boxing day": (12, 26), "new year": (1, 1), "new year day": (1, 1),
     "new years day": (1, 1), "new year eve": (12, 31), "new years eve": (12, 31)}
)  # fmt: skip
"""Holidays on a fixed day, by their normalised words ("New Year's Eve" -> "new year eve")."""
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMERIC_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{2,4}")
YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
DAY = re.compile(r"^([1-9]|[12]\d|3[01])$")


@dataclass(frozen=True, slots=True)
class Context:
    """What a date expression is resolved against: publication day and clause tense."""

    publication: dt.date | None
    future: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date; `forward` marks expressions that point past publication by design."""

    value: str
    basis: DateBasis
    forward: bool = False


def resolve(text: str, context: Context) -> Resolved | None:
    """The date `text` stands for in `context`, or None when it names no usable date."""
    try:
        resolved = _resolve_unchecked(text, context)
    except OverflowError:  # counted past year 1 or 9999 (a publication date at the edge)
        return None
    if resolved is None or not _in_calendar(resolved.value) or _breaks_tense(resolved, context):
        return None
    return resolved


def _in_calendar(value: str) -> bool:
    """Years 1 to 9999 only: "last year" said in year 1 names no date Python can hold."""
    year = value.split("-")[0]
    return year.isdigit() and len(year) == 4 and year != "0000"


def _resolve_unchecked(text: str, context: Context) -> Resolved | None:
    """Try the ISO form, then each word rule, then dateparser for explicit leftovers."""
    iso = ISO_DATE.search(text)
    if iso:
        return _explicit_day(int(iso[1]), int(iso[2]), int(iso[3]))
    words = normalise(text)
    for rule in RULES:
        resolved = rule(words, context)
        if resolved is not None:
            return resolved
    if _worth_dateparser(words, text):
        return _resolve_with_dateparser(text, words, context)
    return None


def _breaks_tense(resolved: Resolved, context: Context) -> bool:
    """True for a date after publication in a clause that is not about the future."""
    if context.publication is None or context.future or resolved.forward:
        return False
    return resolved.value > context.publication.isoformat()[: len(resolved.value)]


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation, ordinals, possessives or leading fillers."""
    text = text.lower().replace("\u2019", "'").replace("'s", "")
    text = re.sub(r"(?<=[a-z0-9])-(?=[a-z0-9])", " ", text)
    text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text)
    words = re.findall(r"[a-z']+|\d+", text)
    while len(words) > 1 and words[0] in LEADING_FILLERS and not _is_week_part(words):
        words = words[1:]
    return words


def _is_week_part(words: list[str]) -> bool:
    """ "earlier this week": the first word is kept, it moves the day."""
    return words[0] in WEEK_PARTS and words[1:] == ["this", "week"]


def is_holiday(text: str) -> bool:
    """True for the name of a fixed-day holiday: "Christmas Eve", "New Year's Day"."""
    return " ".join(normalise(text)) in HOLIDAYS


def _explicit_day(year: int, month: int, day: int) -> Resolved | None:
    """A full date written out in the text."""
    try:
        return Resolved(dt.date(year, month, day).isoformat(), "explicit")
    except ValueError:
        return None


def _full_date(words: list[str], context: Context) -> Resolved | None:
    """ "December 7 2023", "7 December 2023", "Thursday December 7 2023"."""
    if len(words) == 4 and words[0] in WEEKDAYS:
        words = words[1:]
    if len(words) != 3 or not YEAR.match(words[2]):
        return None
    month_day = _month_and_day(words[:2])
    if month_day is None:
        return None
    return _explicit_day(int(words[2]), *month_day)


def _month_year(words: list[str], context: Context) -> Resolved | None:
    """ "March 2001" -> 2001-03."""
    if len(words) == 2 and words[0] in MONTHS and YEAR.match(words[1]):
        return Resolved(f"{words[1]}-{MONTHS[words[0]]:02d}", "explicit")
    return None


def _month_of_relative_year(words: list[str], context: Context) -> Resolved | None:
    """ "March last year" -> the March of the year before publication; "in May next
    year" the one after."""
    if len(words) != 3 or words[0] not in MONTHS or words[2] != "year":
        return None
    if words[1] not in RELATIVE_STEPS or context.publication is None:
        return None
    steps = RELATIVE_STEPS[words[1]]
    year = context.publication.year + steps
    return Resolved(f"{year}-{MONTHS[words[0]]:02d}", "relative", forward=steps > 0)


def _year(words: list[str], context: Context) -> Resolved | None:
    """ "2021" -> 2021."""
    if len(words) == 1 and YEAR.match(words[0]):
        return Resolved(words[0], "explicit")
    return None


def _month_day(words: list[str], context: Context) -> Resolved | None:
    """ "January 17" or "17 January": the year the tense makes right."""
    if len(words) == 3 and words[0] in WEEKDAYS:
        words = words[1:]
    month_day = _month_and_day(words) if len(words) == 2 else None
    if month_day is None or context.publication is None:
        return None
    day = _yearless_day(*month_day, context)
    return None if day is None else Resolved(day.isoformat(), "relative")


def _month(words: list[str], context: Context) -> Resolved | None:
    """ "October", "last March": the month of the right year, as YYYY-MM."""
    if not words or words[-1] not in MONTHS or len(words) > 2 or context.publication is None:
        return None
    if len(words) == 2 and words[0] not in ("last", "this", "next"):
        return None
    month, publication = MONTHS[words[-1]], context.publication
    future = context.future or words[0] == "next"
    if future:
        year = publication.year + (month < publication.month)
    else:
        year = publication.year - (month > publication.month)
    return Resolved(f"{year}-{month:02d}", "relative", forward=words[0] == "next")


def _weekday(words: list[str], context: Context) -> Resolved | None:
    """ "Monday", "last Monday", "next Monday", "Monday night": by the clause's tense."""
    words = words[:-1] if len(words) > 1 and words[-1] in PARTS_OF_DAY else words
    if not words or words[-1] not in WEEKDAYS or len(words) > 2 or context.publication is None:
        return None
    modifier = words[0] if len(words) == 2 else ""
    if modifier not in ("", "last", "this", "next", "overnight", "on"):
        return None
    day = _nearest_weekday(WEEKDAYS[words[-1]], context, modifier)
    return Resolved(day.isoformat(), "relative", forward=modifier == "next")


def _named_day(words: list[str], context: Context) -> Resolved | None:
    """ "today", "yesterday", "overnight", "last night", "yesterday morning"."""
    phrase = " ".join(words)
    if phrase not in DAY_OFFSETS and len(words) == 2 and words[1] in PARTS_OF_DAY:
        phrase = words[0]
    if phrase not in DAY_OFFSETS or context.publication is None:
        return None
    offset = DAY_OFFSETS[phrase]
    day = context.publication + dt.timedelta(days=offset)
    return Resolved(day.isoformat(), "relative", forward=offset > 0)


def _week_part(words: list[str], context: Context) -> Resolved | None:
    """ "earlier this week": the day before publication, within publication's week;
    "later this week": the day after."""
    if len(words) != 3 or not _is_week_part(words) or context.publication is None:
        return None
    publication, step = context.publication, WEEK_PARTS[words[0]]
    monday = publication - dt.timedelta(days=publication.weekday())
    day = publication + dt.timedelta(days=step)
    day = min(max(day, monday), monday + dt.timedelta(days=6))
    return Resolved(day.isoformat(), "relative", forward=step > 0)


def _weekend(words: list[str], context: Context) -> Resolved | None:
    """ "the weekend", "last weekend", "this weekend", "next weekend": its Saturday."""
    if not words or words[-1] != "weekend" or len(words) > 2 or context.publication is None:
        return None
    modifier = words[0] if len(words) == 2 else ""
    if modifier not in ("", "last", "this", "next"):
        return None
    publication = context.publication
    in_weekend = publication.weekday() >= SATURDAY
    if modifier == "next":
        day = publication + dt.timedelta(days=(SATURDAY - publication.weekday()) % 7 or 7)
    elif context.future and modifier != "last":
        day = (
            publication
            if in_weekend
            else publication + dt.timedelta(days=SATURDAY - publication.weekday())
        )
    else:
        day = publication - dt.timedelta(days=(publication.weekday() - SATURDAY) % 7)
        if modifier == "last" and in_weekend:
            day -= dt.timedelta(days=7)
    return Resolved(day.isoformat(), "relative", forward=modifier == "next")


def _holiday(words: list[str], context: Context) -> Resolved | None:
    """ "Christmas Day", "New Year's Eve": that day of the year the tense makes right."""
    phrase = " ".join(words)
    if phrase not in HOLIDAYS or context.publication is None:
        return None
    day = _yearless_day(*HOLIDAYS[phrase], context)
    return None if day is None else Resolved(day.isoformat(), "relative")


def _ago(words: list[str], context: Context) -> Resolved | None:
    """ "two days ago", "a week ago", "three months ago", "a year ago"."""
    if len(words) < 3 or words[-1] != "ago" or context.publication is None:
        return None
    unit, count = words[-2].rstrip("s"), parse_count(words[:-2])
    if not isinstance(count, int):
        return None
    return _shift(context.publication, unit, -count)


def _unit_relative(words: list[str], context: Context) -> Resolved | None:
    """ "last week", "this week", "next month", "last year"."""
    if len(words) != 2 or words[0] not in RELATIVE_STEPS or context.publication is None:
        return None
    steps = RELATIVE_STEPS[words[0]]
    resolved = _shift(context.publication, words[1], steps)
    if resolved is None:
        return None
    return Resolved(resolved.value, "relative", forward=steps > 0)


def _shift(publication: dt.date, unit: str, steps: int) -> Resolved | None:
    """Publication moved by `steps` units, at the precision the unit carries."""
    if unit in UNIT_DAYS:
        day = publication + dt.timedelta(days=steps * UNIT_DAYS[unit])
        return Resolved(day.isoformat(), "relative")
    if unit == "month":
        months = publication.year * 12 + publication.month - 1 + steps
        return Resolved(f"{months // 12}-{months % 12 + 1:02d}", "relative")
    if unit == "year":
        return Resolved(str(publication.year + steps), "relative")
    return None


def _month_and_day(words: list[str]) -> tuple[int, int] | None:
    """(month, day) from ["january", "17"] or ["17", "january"], else None."""
    first, second = words
    if first in MONTHS and DAY.match(second):
        return MONTHS[first], int(second)
    if second in MONTHS and DAY.match(first):
        return MONTHS[second], int(first)
    return None


def _yearless_day(month: int, day: int, context: Context) -> dt.date | None:
    """The most recent such day on or before publication, or the next one when future."""
    assert context.publication is not None
    publication = context.publication
    step = 1 if context.future else -1
    for year in range(publication.year, publication.year + 9 * step, step):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (candidate >= publication) if context.future else (candidate <= publication):
            return candidate
    return None


def _nearest_weekday(weekday: int, context: Context, modifier: str) -> dt.date:
    """The weekday nearest publication on the side the tense (or the modifier) says."""
    assert context.publication is not None
    publication = context.publication
    forward = modifier == "next" or (context.future and modifier != "last")
    if forward:
        delta = (weekday - publication.weekday()) % 7 or (7 if modifier == "next" else 0)
        return publication + dt.timedelta(days=delta)
    delta = (publication.weekday() - weekday) % 7 or (7 if modifier == "last" else 0)
    return publication - dt.timedelta(days=delta)


def _worth_dateparser(words: list[str], text: str) -> bool:
    """Only phrases with a month name or a numeric date can hold an explicit date."""
    return any(word in MONTHS for word in words) or bool(NUMERIC_DATE.search(text))


def _resolve_with_dateparser(text: str, words: list[str], context: Context) -> Resolved | None:
    """Read an explicit shape our rules do not know; a year-less result follows the tense."""
    data = _date_parser(context.publication, context.future).get_date_data(text)
    if data.date_obj is None:
        return None
    parsed = data.date_obj.date()
    if not any(YEAR.match(word) for word in words):
        day = _yearless_day(parsed.month, parsed.day, context) if context.publication else None
        return None if day is None else Resolved(day.isoformat(), "relative")
    if data.period == "year":
        return Resolved(str(parsed.year), "explicit")
    if data.period == "month":
        return Resolved(parsed.isoformat()[:7], "explicit")
    return Resolved(parsed.isoformat(), "explicit")


@lru_cache(maxsize=64)
def _date_parser(publication: dt.date | None, future: bool) -> DateDataParser:
    """One configured dateparser per (publication, tense): building settings is costly."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if publication is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(publication, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


Rule = Callable[[list[str], Context], Resolved | None]
RULES: tuple[Rule, ...] = (
    _full_date,
    _month_year,
    _month_of_relative_year,
    _year,
    _month_day,
    _month,
    _weekday,
    _named_day,
    _week_part,
    _weekend,
    _holiday,
    _ago,
    _unit_relative,
)
