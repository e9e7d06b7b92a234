"""Stage 5: kept blocks -> clean paragraphs in reading order (and, for HTML, the article's start at its headline)."""
from __future__ import annotations

from .article import Block, Removal
from .detect import nfc
from .lazy_re import LazyPattern
from .text import words_of

_SPACE = LazyPattern(r"[^\S\n]+")


def normalise_text(text: str) -> str:
    """NFC, one space between words, no space at either end; line breaks inside a block stay."""
    if "\n" not in text:  # str.split() splits at what the regex's \s matches: the same result, faster
        return " ".join(nfc(text).split())
    return _SPACE.sub(" ", nfc(text)).strip()


def dedupe_key(text: str) -> str:
    return " ".join(words_of(text))


# A paragraph equal to one of the last few kept ones is a scraping repeat; a text may repeat a paragraph
# on purpose further away (an interview's recurring question), so distant repeats stay.
REPEAT_WINDOW = 3


def paragraphs(texts: list[str], dedupe: bool = True) -> tuple[list[str], list[str]]:
    """Normalise, drop empty paragraphs and near repeats; return (kept, dropped repeats)."""
    kept: list[str] = []
    repeats: list[str] = []
    recent: list[str] = []
    for text in texts:
        text = normalise_text(text)
        if not text:
            continue
        key = dedupe_key(text)
        if dedupe and key and key in recent:
            repeats.append(text)
            continue
        recent = (recent + [key])[-REPEAT_WINDOW:]
        kept.append(text)
    return kept, repeats


TITLE_WITHIN = 5  # blocks: how near the top the headline must stand for what precedes it to go
TITLE_MIN_WORDS = 3


def from_headline(blocks: list[Block], title: str | None, description: str | None,
                   removed: list[Removal]) -> list[Block]:
    """The article starts at its headline: blocks the extraction took from above it (a teaser of another
    story, a section label, a date) go.  The headings right below it are the headline's company: one
    that repeats the page's summary word for word is the standfirst, which is not the body."""
    if not blocks:
        return blocks
    title_key = dedupe_key(title) if title else ""
    if title_key.count(" ") >= TITLE_MIN_WORDS - 1:  # a one-word title ("Home") may be a menu's word too
        at = next((i for i, b in enumerate(blocks[:TITLE_WITHIN + 1]) if dedupe_key(b.text) == title_key), 0)
        removed.extend(Removal(b.text, "rebuild", "rebuild.before_title") for b in blocks[:at])
        blocks = blocks[at:]
    summary_key = dedupe_key(description) if description else ""
    if summary_key and summary_key != title_key:
        for i, b in enumerate(blocks[:TITLE_WITHIN]):
            if b.kind != "h":
                break
            if dedupe_key(b.text) == summary_key:
                removed.append(Removal(b.text, "rebuild", "rebuild.standfirst"))
                return blocks[:i] + blocks[i + 1:]
    return blocks
