"""Actors: the knowledge base and the resolver from mentions to actors."""

from tidings.actors.kb import KnowledgeBase, load_kb
from tidings.actors.resolve import ResolvedDoc, resolve

__all__ = ["KnowledgeBase", "ResolvedDoc", "load_kb", "resolve"]
