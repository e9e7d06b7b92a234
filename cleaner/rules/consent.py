"""Cookie, consent and browser notices: "We use cookies ...", "Please enable JavaScript"; rights notices: "All rights reserved";
the disclaimer after an article."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import holds_noise_phrase


@rule("consent.notice", max_words=150)
def consent_notice(t: Target, lex: Lexicon) -> str | None:
    """A cookie/consent/privacy/JavaScript notice (short: a paragraph about cookies can be news)."""
    if holds_noise_phrase("consent", t.norm, t.tokens):
        return "cookie, consent or browser notice"
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
