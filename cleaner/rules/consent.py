"""Cookie, consent and browser notices: "We use cookies ...", "Please enable JavaScript", a stylesheet's text;
rights notices: "All rights reserved"; the disclaimer after an article."""
from __future__ import annotations

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import holds_noise_phrase


TERMS_ALONE_MAX_WORDS = 30  # on HTML, a longer block that only names a site's terms ("check the terms and conditions
# very, very carefully", "a VPN's privacy policy") is the article's prose about them; a notice that points to them
# is short


@rule("consent.notice", max_words=150)
def consent_notice(t: Target, lex: Lexicon) -> str | None:
    """A cookie/consent/privacy/JavaScript notice (short: a paragraph about cookies can be news); a short block
    that points to the site's terms or asks for consent: "Read our Privacy Policy", "I give my consent"."""
    if holds_noise_phrase("consent", t.norm, t.tokens):
        return "cookie, consent or browser notice"
    if t.words <= TERMS_ALONE_MAX_WORDS and holds_noise_phrase("consent_terms", t.norm, t.tokens):
        return "notice of the site's terms"
    return None


@rule("consent.terms_notice", max_words=150, inputs=("text",))
def terms_notice(t: Target, lex: Lexicon) -> str | None:
    """On text input, a longer block that names the site's terms: a form's consent clause, a footer ("By
    signing up via text, you agree to receive ... and agree to the Terms of Service, Privacy Policy ...").
    Text only: a scraper's text keeps the page's forms and footers, where such blocks stand; an HTML extraction
    leaves those out, and a long block it keeps that names a privacy policy is the article's prose about one."""
    if t.words > TERMS_ALONE_MAX_WORDS and holds_noise_phrase("consent_terms", t.norm, t.tokens):
        return "notice of the site's terms"
    return None


# a declaration of a minified stylesheet: "{display:flex", ";font-size:1rem" (no blank after the colon; a
# stylesheet quoted in an article to teach it is printed for reading: "body { margin: 0; }")
_MINIFIED_DECLARATION = LazyPattern(r"[{;]-?[a-z][a-z-]{0,40}:[^\s;{}]")
MINIFIED_DECLARATIONS = 3  # declarations that make a line a page's stylesheet


@rule("consent.stylesheet", max_words=150, inputs=("text",))
def stylesheet(t: Target, lex: Lexicon) -> str | None:
    """A line of a page's minified stylesheet, which a scraper took for text: ".css-1n9bdyh{position:relative;
    height:5.625rem;...}" (MINIFIED_DECLARATIONS declarations or more)."""
    if "{" not in t.text and ";" not in t.text:
        return None  # most lines: no search
    found = _MINIFIED_DECLARATION.finditer(t.text)
    if sum(1 for _ in zip(range(MINIFIED_DECLARATIONS), found)) == MINIFIED_DECLARATIONS:
        return "stylesheet text"
    return None


@rule("consent.rights_notice", max_words=30)
def rights_notice(t: Target, lex: Lexicon) -> str | None:
    """A short copyright or reproduction notice: "All rights reserved", "Vervielfältigung nur mit Genehmigung"."""
    if holds_noise_phrase("rights", t.norm, t.tokens):
        return "rights notice"
    return None


@rule("consent.disclaimer", where="tail", max_words=80)
def disclaimer(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, a legal disclaimer: "This article is for informational purposes only and does not
    constitute ...", "... are registered trademarks".  (A note that the views expressed are the author's own
    is, to news readers and their reference texts, part of the article.)"""
    if holds_noise_phrase("disclaimer", t.norm, t.tokens):
        return "disclaimer after the article"
    return None


@rule("consent.form_notice", where="tail", max_words=80)
def form_notice(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, the small print of a sign-up or contact form: "By submitting this form, you
    authorize ...", "Message and data rates may apply", "This field is for validation purposes and should be left
    unchanged", "* indicates a required field"."""
    if holds_noise_phrase("form_notice", t.norm, t.tokens):
        return "small print of a form after the article"
    return None
