"""Cookie, consent and browser notices: "We use cookies ...", "Please enable JavaScript"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import compiled


@rule("consent.notice")
def consent_notice(t: Target, lex: Lexicon) -> str | None:
    """A cookie/consent/privacy/JavaScript notice (short: a paragraph about cookies can be news)."""
    if t.words <= 60 and compiled("consent").search(t.norm):
        return "cookie, consent or browser notice"
    return None
