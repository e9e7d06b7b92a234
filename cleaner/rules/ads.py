"""Advertisement markers: "Advertisement", "Sponsored", "Anzeige", "Publicité", "Story continues below"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule


@rule("ads.marker", max_words=10)
def advertisement_marker(t: Target, lex: Lexicon) -> str | None:
    """A block that is only an advertisement label (a paragraph that merely starts with one stays)."""
    if t.norm in lex.ads:
        return "advertisement label"
    return None
