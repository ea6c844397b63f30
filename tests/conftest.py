"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "dev" / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy pipeline (slow to load: share it)."""
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds() -> dict[str, tuple[str, str]]:
    """The seed documents of ../shared/dev/seeds as {file: (text, publication date)}."""
    manifest = SEEDS / "MANIFEST.json"
    if not manifest.exists():
        pytest.skip(f"the seed documents are not here ({SEEDS}): this clone has no ../shared")
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    return {
        e["file"]: ((SEEDS / e["file"]).read_text(encoding="utf-8"), e["date"]) for e in entries
    }
