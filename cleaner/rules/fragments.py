"""Dangling fragments at the very end of an article, such as a leftover caption `US President Barack Obama`."""
from __future__ import annotations

from ..lexicon import Lexicon
from ..title import is_capitalised_fragment
from . import Target, rule


@rule("fragments.dangling_tail", where="tail", max_words=8)
def dangling_tail(t: Target, lex: Lexicon) -> str | None:
    """The last block is a short phrase with no terminal punctuation and mostly capitalised words."""
    if t.kind not in ("li", "td") and is_capitalised_fragment(t.text):
        return "dangling fragment without a sentence"
    return None
