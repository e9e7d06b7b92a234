"""Counters: "12 comments", "3 min read", "1.2K shares"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import is_counter


@rule("counters.count", max_words=5)
def counter(t: Target, lex: Lexicon) -> str | None:
    """A number and a counted thing, nothing else."""
    if is_counter(t.text):
        return "counter"
    return None
