"""eventwire: news text in, CAMEO and PLOVER political events out."""

from __future__ import annotations

__version__ = "0.1.0"
