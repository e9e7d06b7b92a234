"""Stage 2 for HTML, first step: the page as a sequence of text blocks, each with its place in the page.

A block is a run of text between two block-level boundaries (the start or end of a ``<p>``, a ``<div>``, a
``<li>``, a ``<br>``...), as a reader sees the page's lines.  Each block keeps what the scorer
(``cleaner.scorer``) weighs: the element that holds it (its tag), the tags and the class and id words of its
ancestors, how much of its text is link text, and the ancestors themselves (by number), so that blocks
can be grouped by the containers they share.  Scripts, styles and templates are not text; hidden elements
are read, and marked (a page often keeps its content in a hidden element that a script shows).

The tree is only read: this step runs before trafilatura's extraction, which prunes it.
"""
from __future__ import annotations

import re

from .article import Record
from .detect import nfc
from .text import SCORED_ENDS

BLOCK_TAGS = frozenset("""address article aside blockquote body br button caption center dd details dialog div dl
dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr label legend li main menu nav noscript ol
option p pre section select summary table tbody td tfoot th thead tr ul""".split())
SKIPPED_TAGS = frozenset("script style template svg head iframe object canvas math video audio picture".split())
HIDDEN = "#hidden"  # the word a hidden element adds to its class words
CLASS_WORDS_KEPT = 40  # the class and id words of the nearest ancestors that a block keeps
REPEATS_KEPT = 4  # the nearest ancestors whose repeats among their siblings a block keeps

_CLASS_WORD = re.compile(r"[a-z]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class PageBlock(Record):
    """One block of the page's text with its context in the tree."""

    __slots__ = ("text", "tag", "path", "classes", "link_chars", "ancestors", "repeats")

    def __init__(self, text: str, tag: str, path: tuple[str, ...], classes: tuple[str, ...], link_chars: int,
                 ancestors: tuple[int, ...], repeats: tuple[int, ...]) -> None:
        self._set(text, tag, path, classes, link_chars, ancestors, repeats)


class _Open:
    """An element being walked: what its blocks inherit from it, built from what its parent's blocks inherit."""

    __slots__ = ("element", "tag", "is_block", "owner", "path", "words", "ancestors", "repeats")

    def __init__(self, element, tag: str, is_block: bool, owner: str, path: tuple[str, ...],
                 words: tuple[str, ...], ancestors: tuple[int, ...]) -> None:
        self.element, self.tag, self.is_block = element, tag, is_block
        self.owner = owner  # the tag of the nearest block element, this one included
        self.path, self.words, self.ancestors = path, words, ancestors  # down to this element
        self.repeats = 0  # counted when a block first needs it

    def child(self, element, tag: str, is_block: bool, words: list[str], number: int) -> _Open:
        return _Open(element, tag, is_block, tag if is_block else self.owner, self.path + (tag,),
                     (self.words + tuple(words))[-CLASS_WORDS_KEPT:] if words else self.words,
                     self.ancestors + (number,))

    def skipped(self, element) -> _Open:
        """A script, a style...: it adds nothing to what the blocks of its tail inherit."""
        return _Open(element, "", False, self.owner, self.path, self.words, self.ancestors)


_PAGE = _Open(None, "", False, "body", (), (), ())  # what a block outside every element inherits


def page_blocks(tree) -> list[PageBlock]:
    """The text blocks of the page's body, in reading order."""
    from lxml import etree

    body = tree.find(".//body")
    if body is None:
        body = tree
    reader = _Reader()
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            reader.close(el)
            continue
        tag = el.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in SKIPPED_TAGS:
            walker.skip_subtree()  # its "end" still comes: its tail is text of the page
            reader.open(el, "", skipped=True)
        elif tag:
            reader.open(el, tag)
    reader.flush()
    return reader.blocks


class _Reader:
    """The walk's state: the open elements, and the text gathered since the last block boundary."""

    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.stack: list[_Open] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links_open = 0
        self.count = 0
        self.sibling_counts: dict = {}

    def open(self, el, tag: str, skipped: bool = False) -> None:
        parent = self.stack[-1] if self.stack else _PAGE
        if skipped:
            self.stack.append(parent.skipped(el))
            return
        is_block = tag in BLOCK_TAGS
        if is_block and self.pieces:
            self.flush()
        cls, ident = el.get("class"), el.get("id")
        words = _CLASS_WORD.findall(f"{cls or ''} {ident or ''}".lower()) if cls or ident else []
        if _is_hidden(el):
            words.append(HIDDEN)
        self.count += 1
        self.stack.append(parent.child(el, tag, is_block, words, self.count))
        if tag == "a":
            self.links_open += 1
        text = el.text
        if text:
            self.add(text)

    def close(self, el) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_block and self.pieces:
            self.flush()  # the block's text belongs to the element that closes
        if top is not None and top.tag == "a":
            self.links_open -= 1
        if self.stack:
            self.stack.pop()
        tail = el.tail
        if tail:
            self.add(tail)

    def add(self, text: str) -> None:
        if not self.pieces and text.isspace():
            return  # the whitespace between two blocks' tags
        self.pieces.append(text)
        if self.links_open:
            self.link_chars += len(text.strip())

    def flush(self) -> None:
        if not self.pieces:
            return
        text = " ".join(nfc("".join(self.pieces)).split())
        self.pieces.clear()
        link_chars, self.link_chars = self.link_chars, 0
        if not text:
            return
        top = self.stack[-1] if self.stack else _PAGE
        self.blocks.append(PageBlock(
            text, top.owner, top.path, top.words, min(link_chars, len(text)), top.ancestors,
            tuple(o.repeats or self._repeats(o) for o in self.stack[-REPEATS_KEPT:])))

    def _repeats(self, o: _Open) -> int:
        """How many of the element's siblings (itself included) share its tag and class: a card of a grid, an
        item of a menu."""
        el = o.element
        parent = el.getparent()
        if parent is None:
            o.repeats = 1
            return 1
        counts = self.sibling_counts.get(parent)
        if counts is None:
            counts = self.sibling_counts[parent] = {}
            for child in parent:
                if isinstance(child.tag, str):
                    key = (child.tag, child.get("class"))
                    counts[key] = counts.get(key, 0) + 1
        o.repeats = counts.get((el.tag, el.get("class")), 1)
        return o.repeats


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


class PageSignals(Record):
    """What the page says of itself: its Open Graph type, the schema.org types in its JSON-LD, a few counts; and
    how its paragraphs and links read (an article is a run of long paragraphs that end sentences; a shop's grid,
    a forum or a listing are cards, posts and links)."""

    __slots__ = ("og_type", "ld_types", "articles", "h2s", "has_time", "images",
                 "paragraphs",  # <p> elements holding text
                 "long_paragraphs",  # of them, those of LONG_PARAGRAPH characters or more
                 "ended_paragraphs",  # of the long ones, those that end a sentence
                 "paragraph_chars",  # the text of all <p> elements
                 "links", "link_chars")  # <a> elements with text, and their text

    def __init__(self, og_type: str, ld_types: frozenset[str], articles: int, h2s: int, has_time: bool,
                 images: int, paragraphs: int = 0, long_paragraphs: int = 0, ended_paragraphs: int = 0,
                 paragraph_chars: int = 0, links: int = 0, link_chars: int = 0) -> None:
        self._set(og_type, ld_types, articles, h2s, has_time, images, paragraphs, long_paragraphs,
                  ended_paragraphs, paragraph_chars, links, link_chars)


_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([A-Za-z]{1,40})"')
LONG_PARAGRAPH = 150  # characters: a paragraph of prose rather than a label, a teaser or a caption


def page_signals(tree) -> PageSignals:
    og_type = None
    types = set()
    counts = {"article": 0, "h2": 0, "img": 0, "time": 0}
    paragraphs = long_paragraphs = ended = paragraph_chars = 0
    links = link_chars = 0
    for el in tree.iter("p", "a", "meta", "script", *counts):  # one walk over the tree
        tag = el.tag
        if tag == "p":
            text = el.text_content().strip()
            if text:
                paragraphs += 1
                paragraph_chars += len(text)
                if len(text) >= LONG_PARAGRAPH:
                    long_paragraphs += 1
                    ended += text.endswith(SCORED_ENDS)
        elif tag == "a":
            n = len(el.text_content().strip())
            if n:
                links += 1
                link_chars += n
        elif tag == "meta":
            if og_type is None and (el.get("property") or el.get("name") or "").lower() == "og:type":
                og_type = (el.get("content") or "").strip().lower()
        elif tag == "script":
            if el.text and (el.get("type") or "").lower() == "application/ld+json":
                types.update(t.lower() for t in _LD_TYPE.findall(el.text))
        else:
            counts[tag] += 1
    return PageSignals(og_type or "", frozenset(types), counts["article"], counts["h2"], counts["time"] > 0,
                       counts["img"], paragraphs, long_paragraphs, ended, paragraph_chars, links, link_chars)


_TAG_KINDS = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li", "dd": "li",
              "td": "td", "th": "td", "blockquote": "quote", "pre": "code"}


def kind_of(tag: str) -> str:
    """The block kind (p, h, li, td, quote, code) of the element that holds a block."""
    return _TAG_KINDS.get(tag, "p")
