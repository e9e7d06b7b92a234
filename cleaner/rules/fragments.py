"""Dangling fragments at the very end of an article, such as a leftover caption `US President Barack Obama`."""
from __future__ import annotations

from ..lexicon import Lexicon
from ..text import TERMINAL
from . import Target, rule


@rule("fragments.dangling_tail", where="tail", max_words=8)
def dangling_tail(t: Target, lex: Lexicon) -> str | None:
    """The last block is a short phrase with no terminal punctuation and mostly capitalised words."""
    if t.text.rstrip().endswith(TERMINAL) or t.kind in ("li", "td"):
        return None
    words = [w for w in t.text.split() if w[:1].isalpha()]
    if words and sum(w[:1].isupper() for w in words) >= 0.5 * len(words):
        return "dangling fragment without a sentence"
    return None
