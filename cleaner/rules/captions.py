"""Photo captions and credits: "Photo: AP", "(Getty Images)", "Credit...Doug Mills/The New York Times"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import has_credit, starts_with_phrase


@rule("captions.credit", max_words=40)
def photo_credit(t: Target, lex: Lexicon) -> str | None:
    """A short block carrying a photo or image credit."""
    if has_credit(t.text):
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
