"""An on-disk cache of compiled knowledge, so that a process starts in a second, not six.

Reading the actor YAML files and building the gazetteer index from GeoNames take seconds,
and every process (a CLI call, each Dask worker) would pay them again. `cached` keeps the
built object as a pickle named by a hash of everything it was built from (the data files'
bytes, the source of the code that builds it, the versions of eventwire and Python), so an
edited file or a new release gives a new name and the old entry is never read again.

The cache lives in `$EVENTWIRE_CACHE_DIR`, else `$XDG_CACHE_HOME/eventwire`, else
`~/.cache/eventwire`; `EVENTWIRE_CACHE_DIR=off` turns it off. It is only ever an
accelerator: an entry that cannot be read (corrupt, truncated, from another version of a
library) is rebuilt, and a folder that cannot be written is ignored.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from eventwire.datafiles import DataPath

T = TypeVar("T")
CACHE_ENV = "EVENTWIRE_CACHE_DIR"
OFF = "off"
FORMAT = "1"
"""Bump when the layout of cache entries changes."""
STALE_AFTER_S = 24 * 3600
"""Entries of the same name with another key are removed once they are a day old (not at
once: two checkouts with different data may share the folder)."""


def cache_dir() -> Path | None:
    """Where entries are kept, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return None if chosen.lower() == OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def fingerprint(sources: Iterable[DataPath | str]) -> str:
    """A hash of the files' bytes (strings are taken as they are: versions, settings)."""
    from eventwire import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for source in sources:
        data = source.encode() if isinstance(source, str) else source.read_bytes()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:24]


def cached(name: str, sources: Iterable[DataPath | str], build: Callable[[], T]) -> T:
    """The object `build()` returns, from the cache when `sources` are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(sources)}.pickle"
    except OSError:  # a source that cannot be read: let `build` report it
        return build()
    found = _read(path)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    _write(path, value)
    _prune(folder, name, keep=path)
    return value


def _read(path: Path) -> object | None:
    """The entry at `path`, or None when it is missing or cannot be read."""
    collecting = gc.isenabled()
    gc.disable()  # unpickling 100,000 small objects runs twice as fast without collections
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except OSError:  # missing, or the folder is unusable
        return None
    except Exception:  # a corrupt or foreign entry is rebuilt, never an error
        with suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    finally:
        if collecting:
            gc.enable()


def _write(path: Path, value: object) -> None:
    """Write the entry whole (temporary file, then rename); give up quietly on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path, name: str, *, keep: Path) -> None:
    """Remove day-old entries of `name` built from other sources."""
    cutoff = time.time() - STALE_AFTER_S
    for old in folder.glob(f"{name}-*.pickle"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            continue
