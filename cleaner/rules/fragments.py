"""The article's end: dangling fragments (a leftover caption `US President Barack Obama`), and the list of its
sources (a "References" heading, "[2] https://...", "Smith J (2019). Title.")."""
from __future__ import annotations

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from ..title import is_capitalised_fragment
from . import Target, rule


# an entry's number: "[2]", "2.", "2)", "^"
_ENTRY_MARK = LazyPattern(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^)")
# an author and a year: "Vogel AC, Black KJ. ... 2019", "Smith, J. (2019)", "Allianz Travel. (2025)"
_AUTHOR_INITIALS = LazyPattern(r"^[A-Z][\w'’-]{1,30},? (?:[A-Z]\.? ?){1,3}[,.(]")
_AUTHOR_YEAR = LazyPattern(r"^[^.()]{2,80}\.? \((?:19|20)\d\d[a-z]?(?:, [^()]{1,30})?\)[.,:]")  # "Doe, J. (2019)."
_YEAR = LazyPattern(r"\b(?:19|20)\d\d\b")
_ADDRESS = LazyPattern(r"https?://|\bdoi\b|\bwww\.")
_SOURCE_WORDS = ("et al", "retrieved", "accessed", "consulted", "doi:")


def is_source_entry(text: str) -> bool:
    """Whether a block reads as an entry of a list of sources: it has a year, and it starts with an address, an
    author and the year, or an author's initials, or it has an entry's number and an address, or a citation
    word ("et al", "retrieved", "accessed")."""
    text = text.strip()
    if not _YEAR.search(text):
        return False
    if text.startswith(("http://", "https://")) or _AUTHOR_YEAR.match(text) or _AUTHOR_INITIALS.match(text):
        return True
    if _ENTRY_MARK.match(text) and (_ADDRESS.search(text) or _AUTHOR_YEAR.match(_ENTRY_MARK.sub("", text))):
        return True
    low = text.lower()
    return any(w in low for w in _SOURCE_WORDS)


@rule("fragments.sources", where="tail", max_words=80)
def sources(t: Target, lex: Lexicon) -> str | None:
    """At the article's end, its list of sources, entry by entry, and the heading over it ("References",
    "Sources", "Footnotes", "Article Sources")."""
    if t.words <= 4 and t.norm in lex.source_heading:
        return "heading of the sources"
    if is_source_entry(t.text):
        return "entry of the sources"
    return None


@rule("fragments.dangling_tail", where="tail", max_words=8)
def dangling_tail(t: Target, lex: Lexicon) -> str | None:
    """The last block is a short phrase with no terminal punctuation and mostly capitalised words (not an
    item of a list, nor a table's cell or row: a table's last rows are its data)."""
    if t.kind not in ("li", "td", "tr") and is_capitalised_fragment(t.text):
        return "dangling fragment without a sentence"
    return None
