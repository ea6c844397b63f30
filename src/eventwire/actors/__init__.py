"""The actors stage: the knowledge base and the resolver that reads actor mentions."""

from __future__ import annotations

from eventwire.actors.knowledge import KnowledgeBase, load_knowledge_base
from eventwire.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "KnowledgeBase", "load_knowledge_base"]
