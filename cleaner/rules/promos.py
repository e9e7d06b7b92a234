"""Promotions: "Read more", "Related:", "Recommended", newsletter and subscription calls."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import holds_noise_phrase, starts_with_phrase


@rule("promos.read_more", max_words=25)
def read_more(t: Target, lex: Lexicon) -> str | None:
    """A short block that starts like a teaser link: "Read more: ...", "Related: ...", "Lesen Sie auch"."""
    if starts_with_phrase("promo_prefix", t.tokens):
        return "teaser or navigation link"
    return None


@rule("promos.newsletter", max_words=30)
def newsletter(t: Target, lex: Lexicon) -> str | None:
    """A short call to sign up or subscribe: "Sign up for our newsletter", "Jetzt abonnieren"."""
    if holds_noise_phrase("newsletter", t.norm, t.tokens):
        return "newsletter or subscription call"
    return None


@rule("promos.section_heading", max_words=6)
def section_heading(t: Target, lex: Lexicon) -> str | None:
    """A heading that opens a non-article section: "Related stories", "Most popular", "Comments"."""
    if t.norm in lex.section_end:
        return "heading of a related/popular/comments section"
    return None
