"""Photo captions and credits: "Photo: AP", "(Getty Images)", "Credit...Doug Mills/The New York Times"."""
from __future__ import annotations

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import has_credit, holds_noise_phrase, starts_with_phrase

# "abbildung 4:", "fig. 2a:", "figure 1.3:" (the normalised text: lower case): a label word, a number, a colon
_FIGURE = LazyPattern(r"^(?P<label>[^\W\d]{2,12})\.? ?\d{1,3}(?:\.\d{1,2})?[a-z]? ?:")
_FIGURE_REACH = 23  # the longest text _FIGURE matches: "abcdefghijkl. 123.45a :"


@rule("captions.credit", max_words=40)
def photo_credit(t: Target, lex: Lexicon) -> str | None:
    """A short block carrying a photo or image credit (not a table's row: a credit is not set in one)."""
    if t.kind != "tr" and has_credit(t.text):
        return "photo caption or credit"
    return None


@rule("captions.label", max_words=4)
def caption_label(t: Target, lex: Lexicon) -> str | None:
    """A lone credit word or agency name: "Getty Images", "AFP", "Photo"."""
    if t.norm in lex.caption:
        return "lone credit"
    return None


@rule("captions.prefixed", max_words=60)
def prefixed_caption(t: Target, lex: Lexicon) -> str | None:
    """A block that announces itself as a caption: "Image caption ...", "Media caption ...", "Bildunterschrift: ..."."""
    if starts_with_phrase("caption_prefix", t.tokens):
        return "labelled caption"
    return None


@rule("captions.figure", max_words=80)
def figure_caption(t: Target, lex: Lexicon) -> str | None:
    """A numbered figure's caption: "Abbildung 4: ...", "Fig. 2: ...", "Figure 1: ..." (the label words are data)."""
    if ":" not in t.norm[:_FIGURE_REACH]:  # the colon that ends a match stands within its reach
        return None
    m = _FIGURE.match(t.norm)
    if m and m.group("label") in lex.figure_label:
        return "numbered figure caption"
    return None


@rule("captions.enlarge_hint", max_words=40)
def enlarge_hint(t: Target, lex: Lexicon) -> str | None:
    """A caption that tells the reader to click the picture: "Click to enlarge", "Zum Vergrößern auf das Bild klicken"."""
    if holds_noise_phrase("enlarge_hint", t.norm, t.tokens):
        return "caption with a click-to-enlarge hint"
    return None
