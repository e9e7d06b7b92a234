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


SHARE_LINK_WORDS = 14  # words of a share button's label: "Click to share on Bluesky (Opens in new window) Bluesky"


@rule("social.share_link", max_words=SHARE_LINK_WORDS)
def share_link(t: Target, lex: Lexicon) -> str | None:
    """A share button's label that names where it shares to: "Click to share on Reddit (Opens in new window)
    Reddit", "Click to email a link to a friend", "Share on Bluesky"."""
    n = starts_with_phrase("share_prefix", t.tokens)
    if n and any(w in lex.social_networks or w in lex.share for w in t.tokens[n:]):
        return "share button"
    return None


_CONTACT = LazyPattern(r"^(?:@\w{1,40}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}|(?:https?://|www\.)\S{1,300})$")


@rule("social.contact", max_words=1)
def contact(t: Target, lex: Lexicon) -> str | None:
    """A block that is only an @handle, an e-mail address or a URL (an author box, a share target)."""
    if _CONTACT.match(t.text.strip()):
        return "handle, address or link"
    return None


FOLLOW_SHORT = 20  # words of a block where the network may stand anywhere after the call
FOLLOW_REACH = 6  # words after the call where a longer block must name the network ("Follow X on Twitter ...")


@rule("social.follow", max_words=40)
def follow_call(t: Target, lex: Lexicon) -> str | None:
    """A call to follow someone on a social network: "Follow us on Twitter", "Follow Vox on Facebook"."""
    n = starts_with_phrase("follow_prefix", t.tokens)
    if not n or t.norm[len(t.tokens[0]):][:1] == "-":  # "Follow-up talks on Twitter ..." is no call
        return None
    reach = t.tokens[n:] if t.words <= FOLLOW_SHORT else t.tokens[n:n + FOLLOW_REACH]
    if not lex.social_networks.isdisjoint(reach):
        return "call to follow on a social network"
    return None
