"""eventwire: news text in, CAMEO and PLOVER political events out.

>>> import eventwire
>>> events = eventwire.code_text("Russia and Iran signed a treaty.", date="2025-01-17")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["code_documents", "code_text"]

if TYPE_CHECKING:
    from eventwire.pipeline import code_documents, code_text


def __getattr__(name: str) -> Any:
    """Import the pipeline on first use: `import eventwire` stays instant."""
    if name in __all__:
        from eventwire import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
