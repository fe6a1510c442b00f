"""Event coding: the lexicon (data/), extraction over the dependency parse, modality."""

from tidings.events.extract import extract_events
from tidings.events.lexicon import Entry, Lexicon, load_lexicon

__all__ = ["Entry", "Lexicon", "extract_events", "load_lexicon"]
