"""Promotions: "Read more", "Related:", "Recommended", newsletter and subscription calls."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import compiled


@rule("promos.read_more")
def read_more(t: Target, lex: Lexicon) -> str | None:
    """A short block that starts like a teaser link: "Read more: ...", "Related: ...", "Lesen Sie auch"."""
    if t.words <= 25 and compiled("promo_prefix").match(t.norm):
        return "teaser or navigation link"
    return None


@rule("promos.newsletter")
def newsletter(t: Target, lex: Lexicon) -> str | None:
    """A short call to sign up or subscribe: "Sign up for our newsletter", "Jetzt abonnieren"."""
    if t.words <= 30 and compiled("newsletter").search(t.norm):
        return "newsletter or subscription call"
    return None


@rule("promos.section_heading")
def section_heading(t: Target, lex: Lexicon) -> str | None:
    """A heading that opens a non-article section: "Related stories", "Most popular", "Comments"."""
    if t.words <= 6 and t.norm in lex.section_end:
        return "heading of a related/popular/comments section"
    return None
