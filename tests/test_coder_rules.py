"""The coder's named party rules: each changes what a sentence codes, and each can be
switched off by the `rules_off` setting (PETRARCH's strict gate under `require_source`)."""

from __future__ import annotations

import pytest

from eventwire.events.coder import PARTY_RULES, TARGET_RULES
from eventwire.pipeline import code_text
from eventwire.settings import CODER_RULES, Settings
from test_coder_recall import DATE, describe

# rule, sentence, a dyad (SOURCE>TARGET:ROOT) it gives with the rule, and without it
RULES = [
    (
        "explosive_attackers",
        "A car bomb killed 12 people in Peshawar.",
        "PAKUAF>PAKCVL:18",
        "->PAKCVL:18",
    ),
    ("place_targeted", "Russian artillery shelled Kharkiv.", "RUSMIL>UKR:19", "RUSMIL>-:19"),
    ("they_both", "Iran met Russia on Monday. They signed a deal.", "RUS>IRN:05", "IRN>-:05"),
    (
        "shared_country",
        "Syrian activists accused government forces of shelling Homs.",
        "SYROPP>SYRMIL:11",
        "SYROPP>---MIL:11",
    ),
    ("placed", "Gunmen killed five farmers in Zamfara.", "NGAUAF>NGAAGR:19", "---UAF>---AGR:19"),
    (
        "not_on_itself",
        "Moscow said Putin's visit to the country would go ahead.",
        "RUSGOV>-:04",
        "RUSGOV>RUS:04",
    ),
    ("meeting_place", "Kenyan officials met in Zurich.", "KENGOV>CHE:04", "KENGOV>-:04"),
    (
        "protesters_government",
        "Chilean students went on strike.",
        "CHLEDU>CHLGOV:14",
        "CHLEDU>-:14",
    ),
]


def dyads(text: str, settings: Settings) -> set[str]:
    """`SOURCE>TARGET:ROOT` of each event the text gives."""
    found = (describe(e) for e in code_text(text, date=DATE, settings=settings))
    return {text[: text.index(":") + 3] for text in found}


def test_coder_rules_names_are_the_settings() -> None:
    names = [name for name, _ in (*PARTY_RULES, *TARGET_RULES)]
    assert sorted(names) == sorted(CODER_RULES)


def test_coder_rules_every_rule_has_a_case() -> None:
    tested = {rule for rule, *_ in RULES}
    assert tested | {"strict_dyad"} == set(CODER_RULES)  # strict_dyad: below


@pytest.mark.model
@pytest.mark.parametrize(("rule", "text", "with_rule", "without"), RULES)
def test_coder_rules_switch_off(rule: str, text: str, with_rule: str, without: str) -> None:
    on = dyads(text, Settings())
    off = dyads(text, Settings.from_overrides(rules_off=(rule,)))
    assert with_rule in on and with_rule not in off, (on, off)
    assert without in off, off


def test_coder_rules_unknown_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no such coder rule: nonsense"):
        Settings.from_overrides(rules_off=("nonsense",))


@pytest.mark.model
def test_coder_rules_strict_dyad_is_petrarchs_gate() -> None:
    """Under `require_source`, an act whose parties have no country is dropped, unless
    the gate is switched off."""
    text = "Insurgents killed five villagers."
    strict = Settings.from_overrides(require_source=True)
    assert dyads(text, strict) == set()
    ungated = Settings.from_overrides(require_source=True, rules_off=("strict_dyad",))
    assert dyads(text, ungated) == {"---REB>---CVL:19"}
