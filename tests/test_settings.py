"""Settings: one table drives the defaults and the documentation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.settings import SETTINGS, Settings, settings_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "SETTINGS.md"


def test_settings_docs_are_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/SETTINGS.md is stale: regenerate it with "
        "`python -c 'from eventwire.settings import settings_markdown as m; print(m(), end=\"\")'`"
    )


def test_settings_defaults_come_from_the_table() -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(Settings)}
    for setting in SETTINGS:
        assert defaults[setting.name] == setting.default, setting.name


def test_settings_unknown_name_is_refused() -> None:
    with pytest.raises(TypeError, match="unknown settings: modle"):
        Settings.from_overrides(modle="x")


def test_settings_none_keeps_the_default() -> None:
    assert Settings.from_overrides(model=None).model == Settings().model
