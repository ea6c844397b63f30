"""The events stage: triggers from the lexicon, actors from syntax, context from cues."""

from __future__ import annotations

from eventwire.events.coder import EventCoder

__all__ = ["EventCoder"]
