"""Event dates: the date attached to the trigger's clause, resolved by tense."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from eventwire.attributes import Gazetteer, count_casualties, date_rules, event_date
from eventwire.attributes.date_rules import Context, resolve
from test_attributes_support import seed_trigger, trigger_in

REL, EXP, PUB = "relative", "explicit", "publication"
THU = dt.date(2025, 1, 16)  # a Thursday
SAT = dt.date(2024, 3, 2)  # a Saturday, in a leap year
MON = dt.date(2025, 1, 13)  # a Monday
SUN = dt.date(2025, 1, 19)  # a Sunday

EVENT_DATES = [
    # past clauses: the weekday on or before publication
    ("The ministry summoned the ambassador on Tuesday.", "summoned", THU, "2025-01-14", REL),
    ("Militants ambushed a convoy on Thursday.", "ambushed", THU, "2025-01-16", REL),
    ("Drones hit a depot overnight on Wednesday.", "hit", THU, "2025-01-15", REL),
    ("Drones hit a fuel depot overnight.", "hit", THU, "2025-01-16", REL),
    ("Rebels shelled the town last Thursday.", "shelled", THU, "2025-01-09", REL),
    # future and planned clauses: the next one
    ("The envoy will travel to Ankara on Tuesday.", "travel", THU, "2025-01-21", REL),
    ("The two leaders are expected to meet on Thursday.", "meet", THU, "2025-01-16", REL),
    ("The parliament is scheduled to vote on March 3.", "vote", THU, "2025-03-03", REL),
    ("The planned summit on Friday was postponed.", "summit", THU, "2025-01-17", REL),
    # year-less dates and months in the past
    ("Protesters stormed the compound on December 20.", "stormed", THU, "2024-12-20", REL),
    ("The militia seized the airport on 3 January.", "seized", THU, "2025-01-03", REL),
    ("The truce collapsed in November.", "collapsed", THU, "2024-11", REL),
    ("Talks resumed in January.", "resumed", THU, "2025-01", REL),
    # relative phrases
    ("Border guards detained two smugglers yesterday.", "detained", THU, "2025-01-15", REL),
    ("The navy intercepted a dhow three days ago.", "intercepted", THU, "2025-01-13", REL),
    ("Clashes broke out earlier this week near the border.", "Clashes", THU, "2025-01-15", REL),
    ("Clashes broke out earlier this week near the border.", "Clashes", MON, "2025-01-13", REL),
    ("The envoys will meet later this week.", "meet", THU, "2025-01-17", REL),
    # weekends: the Saturday, back in a past clause, forward in a future one
    ("Clashes flared over the weekend in the south.", "Clashes", THU, "2025-01-11", REL),
    ("Protesters rallied at the weekend.", "rallied", THU, "2025-01-11", REL),
    ("Troops pulled back last weekend.", "pulled", THU, "2025-01-11", REL),
    ("The two presidents will meet this weekend.", "meet", THU, "2025-01-18", REL),
    # fixed-day holidays, tagged DATE or EVENT
    ("Gunmen attacked a church on Christmas Day.", "attacked", THU, "2024-12-25", REL),
    ("Celebrations were cancelled on New Year's Eve.", "cancelled", THU, "2024-12-31", REL),
    ("The cabinet approved the plan last week.", "approved", THU, "2025-01-09", REL),
    ("The central bank raised rates last month.", "raised", THU, "2024-12", REL),
    ("The delegation will return next month.", "return", THU, "2025-02", REL),
    ("The alliance expanded last year.", "expanded", THU, "2024", REL),
    # explicit dates
    ("The ministers signed the accord on 7 December 2023.", "signed", THU, "2023-12-07", EXP),
    ("Warships fired on the port on August 4, 2021.", "fired", THU, "2021-08-04", EXP),
    ("The court convicted him on 2022-05-30.", "convicted", THU, "2022-05-30", EXP),
    ("The two states broke off relations in June 1999.", "broke", THU, "1999-06", EXP),
    ("The group has fought the army since 2019.", "fought", THU, "2019", EXP),
    ("The coalition bombed the bridge on 12/03/2022.", "bombed", THU, "2022-12-03", EXP),
    # the date hangs from another verb, or there is none: publication
    ("Officials said on Monday that gunmen had seized a priest.", "seized", THU, "2025-01-16", PUB),
    ("Police arrested the opposition leader.", "arrested", THU, "2025-01-16", PUB),
    ("The judge gave him a ten-year sentence.", "gave", THU, "2025-01-16", PUB),
    # the trigger is a noun: its verb's clause is read
    ("Artillery fire killed four soldiers on Sunday.", "fire", THU, "2025-01-12", REL),
    ("Air strikes killed 15 fighters on Tuesday night.", "strikes", THU, "2025-01-14", REL),
    # ... also when spaCy hangs the verb from the noun, with "Tuesday" + "night"
    (
        "Government air strikes killed at least 30 villagers in Darfur on Tuesday night, "
        "aid workers said.", "strikes", THU, "2025-01-14", REL,
    ),
    ("Israel on Tuesday condemned raids carried out on Sunday.", "raids", THU, "2025-01-12", REL),
    # a place run into a time phrase ("Kyiv overnight") leaves the date word
    ("Drones were fired at Kyiv overnight.", "fired", THU, "2025-01-16", REL),
    # leap day in the past
    ("Troops entered the village on February 29.", "entered", SAT, "2024-02-29", REL),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "publication", "expected", "basis"), EVENT_DATES)
def test_attributes_dates_event_date(nlp, sentence, word, publication, expected, basis) -> None:
    trigger = trigger_in(nlp, sentence, word)
    assert event_date(trigger, publication) == (expected, basis)


@pytest.mark.model
def test_attributes_dates_planned_flag_looks_forward(nlp) -> None:
    trigger = trigger_in(nlp, "The ministers meet on Monday in Cairo.", "meet")
    assert event_date(trigger, THU) == ("2025-01-13", "relative")
    assert event_date(trigger, THU, planned=True) == ("2025-01-20", "relative")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Both governments agreed on Friday to restore ties.", "restore", "2025-01-10"),
        ("The rebels offered on Monday to release the hostages.", "release", "2025-01-13"),
        ("The donors promised on Wednesday to provide aid.", "provide", "2025-01-15"),
        ("The leaders agreed on Monday to meet on Saturday.", "meet", "2025-01-18"),
        ("The vote is scheduled to take place on Friday.", "take", "2025-01-17"),
    ],
)  # fmt: skip
def test_attributes_dates_plan_made_in_the_past(nlp, sentence, word, expected) -> None:
    """A planned event reads its own dates forward, but a date on the past verb that made
    the plan is when the plan was made: read backward."""
    trigger = trigger_in(nlp, sentence, word)
    assert event_date(trigger, THU, planned=True) == (expected, "relative")


@pytest.mark.model
def test_attributes_dates_two_events_two_dates(nlp) -> None:
    doc = nlp("The ministry announced on Monday that the talks will open on Saturday.")
    announced, talks = (next(t for t in doc if t.text == w) for w in ("announced", "talks"))
    assert event_date(announced, THU) == ("2025-01-13", "relative")
    assert event_date(talks, THU) == ("2025-01-18", "relative")


@pytest.mark.model
def test_attributes_dates_past_clause_never_after_publication(nlp) -> None:
    trigger = trigger_in(nlp, "Rebels captured the town on 9 May 2025.", "captured")
    assert event_date(trigger, THU) == ("2025-01-16", "publication")


@pytest.mark.model
def test_attributes_dates_without_publication(nlp) -> None:
    relative = trigger_in(nlp, "Rebels captured the town on Monday.", "captured")
    explicit = trigger_in(nlp, "Rebels captured the town on 9 May 2021.", "captured")
    assert event_date(relative, None) == (None, "publication")
    assert event_date(explicit, None) == ("2021-05-09", "explicit")


RULES = [
    ("January 16", False, "2025-01-16"),
    ("January 17", False, "2024-01-17"),
    ("January 17", True, "2025-01-17"),
    ("December 31", True, "2025-12-31"),
    ("Thursday", False, "2025-01-16"),
    ("Friday", False, "2025-01-10"),
    ("Friday", True, "2025-01-17"),
    ("next Thursday", False, "2025-01-23"),
    ("Monday night", False, "2025-01-13"),
    ("last night", False, "2025-01-15"),
    ("tomorrow", False, "2025-01-17"),
    ("a week ago", False, "2025-01-09"),
    ("two months ago", False, "2024-11"),
    ("mid-2023", False, "2023"),
    ("early March 2001", False, "2001-03"),
    ("the end of last year", False, "2024"),
    ("March last year", False, "2024-03"),
    ("May next year", True, "2026-05"),
    ("Tuesday, Dec. 5th, 2023", False, "2023-12-05"),
    ("October", True, "2025-10"),
    ("the past few months", False, None),
    ("ten-year", False, None),
    ("the 1990s", False, None),
    ("recent weeks", False, None),
    ("earlier this week", False, "2025-01-15"),
    ("early this week", False, "2025-01-15"),
    ("later this week", True, "2025-01-17"),
    ("the weekend", False, "2025-01-11"),
    ("the weekend", True, "2025-01-18"),
    ("last weekend", False, "2025-01-11"),
    ("next weekend", False, "2025-01-18"),
    ("Christmas Eve", True, "2025-12-24"),
    ("New Year's Day", False, "2025-01-01"),
    ("New Year's Eve", False, "2024-12-31"),
    ("Boxing Day", False, "2024-12-26"),
]


@pytest.mark.parametrize(("phrase", "future", "expected"), RULES)
def test_attributes_dates_resolve_phrase(phrase, future, expected) -> None:
    resolved = resolve(phrase, Context(THU, future))
    assert (resolved.value if resolved else None) == expected


@pytest.mark.parametrize(
    ("phrase", "publication", "future", "expected"),
    [
        ("earlier this week", MON, False, "2025-01-13"),  # not before Monday
        ("later this week", SUN, True, "2025-01-19"),  # not after Sunday
        ("over the weekend", MON, False, "2025-01-11"),
        ("over the weekend", SUN, False, "2025-01-18"),
        ("this weekend", SUN, True, "2025-01-19"),
        ("last weekend", SUN, False, "2025-01-11"),  # not the weekend it is
        ("next weekend", SUN, True, "2025-01-25"),
    ],
)
def test_attributes_dates_days_of_the_week(phrase, publication, future, expected) -> None:
    resolved = resolve(phrase, Context(publication, future))
    assert (resolved.value if resolved else None) == expected


@pytest.mark.parametrize("phrase", ["ten-year", "the past few months", "Monday", "last week"])
def test_attributes_dates_dateparser_only_for_explicit_shapes(phrase, monkeypatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError(f"dateparser was called for {phrase!r}")

    monkeypatch.setattr(date_rules, "_date_parser", refuse)
    resolve(phrase, Context(THU, False))


@pytest.mark.model
def test_attributes_dates_whole_stage_is_fast(nlp) -> None:
    """All three attribute calls together cost well under a millisecond an event."""
    sentences = [s for s, *_ in EVENT_DATES]
    triggers = [trigger_in(nlp, s, w) for s, w, *_ in EVENT_DATES]
    gazetteer = Gazetteer.load()
    for trigger in triggers:  # warm the caches: dateparser locale data
        event_date(trigger, THU)
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for trigger in triggers:
            event_date(trigger, THU)
            gazetteer.locate(trigger, countries=("IRN",))
            count_casualties(trigger)
    per_event = (time.perf_counter() - start) / (rounds * len(sentences))
    assert per_event < 0.002, f"{per_event * 1000:.2f} ms an event"


@pytest.mark.model
@pytest.mark.parametrize(
    ("phrase", "word", "expected"),
    [
        ("the Kremlin announced on Monday", "announced", ("2025-01-13", "relative")),
        ("scheduled to hold talks in Russia", "talks", ("2025-01-17", "relative")),
        ("killed at least 70 people in the enclave", "airstrikes", ("2025-01-16", "relative")),
        ("bombing of his guesthouse in Tehran", "killed", ("2024-08", "relative")),
    ],
)  # fmt: skip
def test_attributes_dates_seed_documents(nlp, seeds, phrase, word, expected) -> None:
    trigger, publication = seed_trigger(nlp, seeds, phrase, word)
    assert event_date(trigger, publication) == expected
