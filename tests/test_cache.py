"""The on-disk cache of compiled knowledge: reused while its sources are unchanged, rebuilt
when they change or the entry is damaged, and never a reason for a run to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import cache
from eventwire.actors.knowledge import load_knowledge_base


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builder:
    """Counts its calls, so that a test sees whether the cache was used."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"built": self.calls}


def test_cache_reuses_an_entry_while_the_sources_are_unchanged(
    folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "data.csv"
    source.write_text("a,b\n", encoding="utf-8")
    build = Builder()
    first = cache.cached("thing", [source, "v1"], build)
    assert cache.cached("thing", [source, "v1"], build) == first
    assert build.calls == 1
    assert len(list(folder.glob("thing-*.pickle"))) == 1


@pytest.mark.parametrize(
    ("change", "sources"),
    [
        ("the file's bytes", lambda f: (f.write_text("a,c\n", encoding="utf-8"), [f, "v1"])[1]),
        ("a version string", lambda f: [f, "v2"]),
        ("one more file", lambda f: [f, "v1", f]),
    ],
)
def test_cache_rebuilds_when_a_source_changes(
    folder: Path, tmp_path: Path, change: str, sources
) -> None:
    source = tmp_path / "data.csv"
    source.write_text("a,b\n", encoding="utf-8")
    build = Builder()
    cache.cached("thing", [source, "v1"], build)
    assert cache.cached("thing", sources(source), build) == {"built": 2}, change


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95truncated"])
def test_cache_rebuilds_a_damaged_entry(folder: Path, damage: bytes) -> None:
    build = Builder()
    cache.cached("thing", ["v1"], build)
    (entry,) = folder.glob("thing-*.pickle")
    entry.write_bytes(damage)
    assert cache.cached("thing", ["v1"], build) == {"built": 2}
    assert cache.cached("thing", ["v1"], build) == {"built": 2}


@pytest.mark.parametrize("setting", ["off", "OFF"])
def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, setting)
    build = Builder()
    cache.cached("thing", ["v1"], build)
    assert cache.cached("thing", ["v1"], build) == {"built": 2}


def test_cache_in_a_folder_that_cannot_be_made_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert cache.cached("thing", ["v1"], Builder()) == {"built": 1}


def test_cache_with_an_unreadable_source_lets_the_builder_report_it(folder: Path) -> None:
    def build() -> None:
        raise FileNotFoundError("the builder names the missing file")

    with pytest.raises(FileNotFoundError, match="builder"):
        cache.cached("thing", [folder / "missing.yaml"], build)


def test_cache_knowledge_base_from_the_cache_equals_the_files(folder: Path) -> None:
    built = load_knowledge_base.__wrapped__()
    assert list(folder.glob("knowledge-*.pickle"))
    again = load_knowledge_base.__wrapped__()
    assert again.entries == built.entries and again.sectors == built.sectors
