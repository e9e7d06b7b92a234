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
from functools import lru_cache

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
        self.text, self.tag, self.path, self.classes = text, tag, path, classes
        self.link_chars, self.ancestors, self.repeats = link_chars, ancestors, repeats


class _Open:
    """An element being walked: its tag, whether it is a block element, the tag of the nearest block element (this
    one included) and its number; and what its blocks inherit (``path``, ``words``, ``ancestors``: made from its
    parent's when a block first needs them, ``_Reader.context``)."""

    __slots__ = ("element", "tag", "is_block", "owner", "number", "path", "words", "ancestors", "repeats")

    def __init__(self, element, tag: str, is_block: bool, owner: str, number: int) -> None:
        self.element, self.tag, self.is_block, self.owner, self.number = element, tag, is_block, owner, number
        self.path = self.words = self.ancestors = None  # down to this element, made when first needed
        self.repeats = 0  # counted when a block first needs it

    def inherit(self, parent: _Open) -> None:
        """Make what this element's blocks inherit, from its parent's."""
        words = _class_words(self.element)
        self.path = parent.path + (self.tag,)
        self.words = (parent.words + words)[-CLASS_WORDS_KEPT:] if words else parent.words
        self.ancestors = parent.ancestors + (self.number,)


_PAGE = _Open(None, "", False, "body", 0)  # what a block outside every element inherits
_PAGE.path, _PAGE.words, _PAGE.ancestors = (), (), ()
_SKIPPED = _Open(None, "", False, "", 0)  # a script, a style...: open only until its end, which comes next


def page_blocks(tree, numbered: list | None = None) -> list[PageBlock]:
    """The text blocks of the page's body, in reading order; ``numbered``, if given, gets each element that the
    walk numbers (the numbers of a block's ``ancestors``: number ``n`` at index ``n - 1``, the body first)."""
    from lxml import etree

    body = tree.find(".//body")
    if body is None:
        body = tree
    reader = _Reader()
    stack, pieces = reader.stack, reader.pieces
    count = links_open = link_chars = 0  # the elements opened; the links open; their text since the last block
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            if stack:
                top = stack[-1]
                if top.is_block and pieces:
                    reader.flush(link_chars)  # the block's text belongs to the element that closes
                    link_chars = 0
                if top.tag == "a":
                    links_open -= 1
                stack.pop()
            text = el.tail
        else:
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            if tag in SKIPPED_TAGS:
                walker.skip_subtree()  # its "end" still comes: its tail is text of the page
                stack.append(_SKIPPED)  # it adds nothing to what the blocks of its tail inherit
                continue
            if not tag:
                continue
            is_block = tag in BLOCK_TAGS
            if is_block and pieces:
                reader.flush(link_chars)
                link_chars = 0
            count += 1
            if numbered is not None:
                numbered.append(el)
            stack.append(_Open(el, tag, is_block, tag if is_block else (stack[-1] if stack else _PAGE).owner, count))
            if tag == "a":
                links_open += 1
            text = el.text
        if text and (pieces or not text.isspace()):  # (not the whitespace between two blocks' tags)
            pieces.append(text)
            if links_open:
                link_chars += len(text.strip())
    if pieces:
        reader.flush(link_chars)
    return reader.blocks


class _Reader:
    """The walk's state (``page_blocks``): the blocks read, the open elements, and the text gathered since the last
    block boundary."""

    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.stack: list[_Open] = []
        self.pieces: list[str] = []
        self.sibling_counts: dict = {}

    def flush(self, link_chars: int) -> None:
        """The text gathered is a block (``link_chars`` of it in links), of the innermost open element."""
        text = " ".join(nfc("".join(self.pieces)).split())
        self.pieces.clear()
        if not text:
            return
        top = self.context()
        self.blocks.append(PageBlock(
            text, top.owner, top.path, top.words, min(link_chars, len(text)), top.ancestors,
            tuple([o.repeats or self._repeats(o) for o in self.stack[-REPEATS_KEPT:]])))

    def context(self) -> _Open:
        """The innermost open element, with what its blocks inherit made for it and for the open elements above it
        that lack it (the elements no block stands in directly, most of a page's, never need it)."""
        stack = self.stack
        known = len(stack)
        while known and stack[known - 1].path is None:
            known -= 1
        parent = stack[known - 1] if known else _PAGE
        for o in stack[known:]:
            o.inherit(parent)
            parent = o
        return parent

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


def _class_words(el) -> tuple[str, ...]:
    """The words of the element's class and id, and HIDDEN for a hidden element."""
    cls, ident = el.get("class"), el.get("id")
    words = attribute_words(cls, ident) if cls or ident else ()
    return words + (HIDDEN,) if _is_hidden(el) else words


@lru_cache(maxsize=4096)
def attribute_words(cls: str | None, ident: str | None) -> tuple[str, ...]:
    """The runs of letters of a class and an id, lower-cased, in order ("c-modal__body": c, modal, body): the
    elements of a list, a grid or a menu share them."""
    return tuple(_CLASS_WORD.findall(f"{cls or ''} {ident or ''}".lower()))


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
            text = _text_of(el).strip()
            if text:
                paragraphs += 1
                paragraph_chars += len(text)
                if len(text) >= LONG_PARAGRAPH:
                    long_paragraphs += 1
                    ended += text.endswith(SCORED_ENDS)
        elif tag == "a":
            n = len(_text_of(el).strip())
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


def _text_of(el) -> str:
    """The element's ``text_content()``: its own text where it holds no other node (an XPath call saved)."""
    return (el.text or "") if len(el) == 0 else el.text_content()


_TAG_KINDS = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li", "dd": "li",
              "td": "td", "th": "td", "blockquote": "quote", "pre": "code"}


def kind_of(tag: str) -> str:
    """The block kind (p, h, li, td, quote, code) of the element that holds a block."""
    return _TAG_KINDS.get(tag, "p")
