"""Counters: "12 comments", "3 min read", "1.2K shares", "Reading time: 4 minutes"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import is_counter, starts_with_phrase


@rule("counters.count", max_words=5)
def counter(t: Target, lex: Lexicon) -> str | None:
    """A number and a counted thing, nothing else."""
    if is_counter(t.text):
        return "counter"
    return None


@rule("counters.reading_time", max_words=8)
def reading_time(t: Target, lex: Lexicon) -> str | None:
    """A reading-time label with its figure: "Reading time: 4 minutes", "Lesezeit: 3 Min.", "Tempo de leitura: 1 minuto"."""
    if starts_with_phrase("reading_time", t.tokens) and any(c.isdigit() for c in t.text):
        return "reading time"
    return None
