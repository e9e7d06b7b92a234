"""Stage 5: kept blocks -> clean paragraphs in reading order."""
from __future__ import annotations

from .article import Block
from .detect import nfc
from .lazy_re import LazyPattern
from .text import words_of

_SPACE = LazyPattern(r"[^\S\n]+")


def normalise_text(text: str) -> str:
    """NFC, one space between words, no space at either end; line breaks inside a block stay."""
    if "\n" not in text:  # one line: str.split() splits where the pattern's \s would
        return " ".join(nfc(text).split())
    return _SPACE.sub(" ", nfc(text)).strip()


def dedupe_key(text: str) -> str:
    return " ".join(words_of(text))


# A paragraph equal to one of the last few kept ones is a scraping repeat; a text may repeat a paragraph
# on purpose further away (an interview's recurring question), so distant repeats stay.
REPEAT_WINDOW = 3


def paragraphs(blocks: list[Block], dedupe: bool = True) -> tuple[list[str], list[Block], list[str]]:
    """The blocks' texts normalised, without empty paragraphs and near repeats; return (kept paragraphs,
    the block each came from (its shape goes on to ``Article.blocks``), dropped repeats)."""
    kept: list[str] = []
    sources: list[Block] = []
    repeats: list[str] = []
    recent: list[str] = []
    for block in blocks:
        text = normalise_text(block.text)
        if not text:
            continue
        key = dedupe_key(text)
        if dedupe and key and key in recent:
            repeats.append(text)
            continue
        recent = (recent + [key])[-REPEAT_WINDOW:]
        kept.append(text)
        sources.append(block)
    return kept, sources, repeats
