"""Photo captions and credits: "Photo: AP", "(Getty Images)", "Credit...Doug Mills/The New York Times"."""
from __future__ import annotations

from ..lexicon import Lexicon
from . import Target, rule
from ._patterns import has_credit


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
