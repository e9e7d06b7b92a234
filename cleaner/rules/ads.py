"""Advertisement markers: "Advertisement", "Sponsored", "Anzeige", "Publicité", "Story continues below";
affiliate disclosures: "We may earn a commission from links on this page"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import holds_noise_phrase


@rule("ads.marker", max_words=10)
def advertisement_marker(t: Target, lex: Lexicon) -> str | None:
    """A block that is only an advertisement label (a paragraph that merely starts with one stays)."""
    if t.norm in lex.ads:
        return "advertisement label"
    return None


@rule("ads.affiliate_disclosure", max_words=60)
def affiliate_disclosure(t: Target, lex: Lexicon) -> str | None:
    """A disclosure that the page earns money from its links: "We may receive compensation for some of the links"."""
    if holds_noise_phrase("affiliate", t.norm, t.tokens):
        return "affiliate or advertising disclosure"
    return None
