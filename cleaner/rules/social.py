"""Share and social widgets: lone "Share", "Tweet", "Share on Facebook", "Facebook Twitter Email"."""
from __future__ import annotations

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import starts_with_phrase


@rule("social.widget_label", max_words=8)
def widget_label(t: Target, lex: Lexicon) -> str | None:
    """A block that is only a share/social/navigation widget label."""
    if t.norm in lex.share:
        return "widget label"
    return None


@rule("social.widget_row", max_words=8)
def widget_row(t: Target, lex: Lexicon) -> str | None:
    """A short row made only of widget labels: "Facebook Twitter Email", "Share | Tweet | Print"."""
    parts = [p for p in t.norm.replace("|", " ").replace("•", " ").replace("·", " ").split() if p]
    if len(parts) >= 2 and all(p.strip(",;:/") in lex.share for p in parts):
        return "row of widget labels"
    return None


_CONTACT = LazyPattern(r"^(?:@\w{1,40}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}|(?:https?://|www\.)\S{1,300})$")


@rule("social.contact", max_words=1)
def contact(t: Target, lex: Lexicon) -> str | None:
    """A block that is only an @handle, an e-mail address or a URL (an author box, a share target)."""
    if _CONTACT.match(t.text.strip()):
        return "handle, address or link"
    return None


@rule("social.follow", max_words=20)
def follow_call(t: Target, lex: Lexicon) -> str | None:
    """A call to follow someone on a social network: "Follow us on Twitter", "Follow Vox on Facebook"."""
    if starts_with_phrase("follow_prefix", t.tokens) and not lex.social_networks.isdisjoint(t.tokens):
        return "call to follow on a social network"
    return None
