"""Promotions: "Read more", "Related:", "Recommended", newsletter and subscription calls; at the article's end, calls
to buy or donate and the dated headlines of more stories."""
from __future__ import annotations

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import LONE_KEYWORD_MAX_WORDS, holds_noise_phrase, starts_with_phrase
from .bylines import dateline


PROMO_VERB_MAX_WORDS = 4  # "Learn more", "Check out", "Download our app": a button; longer, a sentence of the article


@rule("promos.read_more", max_words=25)
def read_more(t: Target, lex: Lexicon) -> str | None:
    """A short block that starts like a teaser link: "Read more: ...", "Related: ...", "Lesen Sie auch"; or a
    button's call: "Learn more", "Check out" (a sentence that starts so, "Check out our picks for New York:",
    "Learn more about the two degree programs here.", is the article's own)."""
    if starts_with_phrase("promo_prefix", t.tokens):
        return "teaser or navigation link"
    if t.words <= PROMO_VERB_MAX_WORDS and starts_with_phrase("promo_verb", t.tokens):
        return "button of a teaser or navigation link"
    return None


@rule("promos.newsletter", max_words=30)
def newsletter(t: Target, lex: Lexicon) -> str | None:
    """A short call to sign up or subscribe: "Sign up for our newsletter", "Jetzt abonnieren"; a sign-up form's
    label ("Email address", "Click here") only in a short block: "provides the hash for an email address" is prose."""
    if holds_noise_phrase("newsletter", t.norm, t.tokens):
        return "newsletter or subscription call"
    if t.words <= LONE_KEYWORD_MAX_WORDS and lex.words("newsletter_short").find(t.tokens):
        return "label of a sign-up form"
    return None


@rule("promos.section_heading", max_words=6)
def section_heading(t: Target, lex: Lexicon) -> str | None:
    """A heading that opens a non-article section: "Related stories", "Most popular", "Comments"."""
    if t.norm in lex.section_end:
        return "heading of a related/popular/comments section"
    return None


CALL_BUTTON_WORDS = 8  # a call to buy or try longer than this is a paragraph, the article's closing pitch


@rule("promos.call_to_action", where="tail", max_words=60)
def call_to_action(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, a button's call to try or book ("Get a demo", "Start your free trial", "Free 14-day
    trial. No credit card required."), or a call to support the site ("Donate via ...", "Become a patron").
    A longer pitch for the publisher's product stays: readers, and the reference texts, count it as the
    article's closing paragraph."""
    if t.words <= CALL_BUTTON_WORDS and holds_noise_phrase("call_to_action", t.norm, t.tokens):
        return "call to try or book after the article"
    if holds_noise_phrase("support_call", t.norm, t.tokens):
        return "call to support the site after the article"
    return None


READER_CALL_MAX_WORDS = 25  # a call to comment, share or follow is short; a longer block is the article's closing
# paragraph, which readers (and the reference texts) keep: "Thank you for joining me ... Let me know in the comments!"


@rule("promos.reader_call", where="tail", max_words=READER_CALL_MAX_WORDS)
def reader_call(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, a call to the reader to comment, share, pin or follow: "Share your thoughts in the
    comments below!", "Enjoy the post? Pin it for later!", "Follow me on Instagram", "Thanks for reading!"."""
    if holds_noise_phrase("reader_call", t.norm, t.tokens):
        return "call to comment, share or follow after the article"
    return None


# "Headline - December 8, 2025", "Headline – 19.12.2025": a title, a dash, then only a date (after a bar, a date
# is more often the article's own: "Amsterdam Light Festival 29 November 2018 | 20 January 2019")
_DATED_SPLIT = LazyPattern(r"\s[-–—]\s")
_YEAR = LazyPattern(r"\b(?:19|20)\d\d\b")


@rule("promos.dated_headline", where="tail", max_words=30)
def dated_headline(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, a headline with its date, one entry of a list of more stories: "A Mindful Approach
    to New Year's Resolutions - January 13, 2020"."""
    parts = _DATED_SPLIT.split(t.text.strip())
    if len(parts) < 2 or len(parts[0].split()) < 2 or parts[0].rstrip().endswith("."):
        return None
    date = Target.of(parts[-1])
    if date.words > 4 or not dateline(date, lex):
        return None
    if not _YEAR.search(date.text) and lex.months.isdisjoint(date.tokens):
        return None  # a time of day, not a day ("Opening hours - 9:00 to 17:00")
    return "dated headline of a list of stories"
