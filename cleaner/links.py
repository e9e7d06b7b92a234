"""The article's links (``clean(..., links=True)``, ``--links``): each kept block's links as spans of its text.

Links are read from the page as parsed, before trafilatura's extraction prunes the tree (trafilatura can keep
links itself, but its extraction then changes: other spaces around a link, other blocks kept), so the text is
never touched by them.  ``page_links`` walks the page's body once: its text without whitespace, and where in
that text each link's characters are.  ``linked_blocks`` finds each block of the article in it (whitespace
aside, the block's text is a run of the page's text), in reading order, and gives the block the links inside
that run, as offsets into the block's own text.  A block not found as one run (its extraction dropped a
piece of it) gets no links; a code block never has any (Markdown has no links in code).

Kept: links whose target, resolved against the page's ``<base href>`` and URL (``urljoin``), is an http or
https URL.  Left out: in-page links (``#section``), ``javascript:``, ``mailto:`` and other schemes, links
without text, and relative links on a page whose URL is unknown.
"""
from __future__ import annotations

from bisect import bisect_right

from .article import Link, Record, TypedBlock
from .blocks import table_text
from .detect import nfc
from .dom import SKIPPED_TAGS
from .lazy_re import LazyPattern

_SCHEMES = ("http", "https")
# what the URL standard drops from a URL as written: tabs and line breaks anywhere (the spaces at either end
# go by strip())
_URL_BREAKS = LazyPattern(r"[\t\n\r]")


class PageLinks(Record):
    """The page's text without whitespace (``chars``), its links as spans of it (``spans``: (start, end,
    href), in page order, none overlapping; ``starts``: their starts), and its ``<base href>`` if any."""

    __slots__ = ("chars", "spans", "starts", "base")

    def __init__(self, chars: str, spans: list[tuple[int, int, str]], base: str | None) -> None:
        self._set(chars, spans, [s[0] for s in spans], base)


def page_links(tree) -> PageLinks | None:
    """The links of the page's body with the text around them, or None when it has no link with text."""
    from lxml import etree

    body = tree.find(".//body")
    if body is None:
        body = tree
    pieces: list[str] = []
    size = 0
    spans: list[tuple[int, int, str]] = []
    link = None  # the open link: (element, where its text starts, its href)
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIPPED_TAGS:
                walker.skip_subtree()  # its "end" still comes, for its tail
                continue
            if tag == "a" and link is None and el.get("href") is not None:
                link = (el, size, el.get("href"))
            text = el.text if tag else None
        else:
            if link is not None and link[0] is el:
                if size > link[1]:
                    spans.append((link[1], size, link[2]))
                link = None
            text = el.tail
        if text:
            squeezed = nfc("".join(text.split()))
            pieces.append(squeezed)
            size += len(squeezed)
    if not spans:
        return None
    base = tree.find(".//base[@href]")
    return PageLinks("".join(pieces), spans, base.get("href") if base is not None else None)


def linked_blocks(blocks: tuple[TypedBlock, ...], page: PageLinks, page_url: str | None) -> tuple[TypedBlock, ...]:
    """The blocks, each with the links of the page inside its text (see the module's docstring)."""
    base = _base_url(page.base, page_url)
    finder = _Finder(page, base)
    return tuple(_with_links(b, finder) for b in blocks)


def _with_links(block: TypedBlock, finder: _Finder) -> TypedBlock:
    """The block with its links: a table's found cell by cell (its text joins the cells with `` | ``, which the
    page does not have), as spans of the table's text."""
    if block.kind == "code":
        return block
    if block.kind == "table":
        links: list[Link] = []
        for row, starts in zip(block.rows or (), table_text(block.rows or ())[1]):
            for cell, start in zip(row, starts):
                if start is not None:
                    links.extend(Link(start + s, start + e, url) for s, e, url in finder.links_in(cell))
        return block.with_links(tuple(links)) if links else block
    found = finder.links_in(block.text)
    return block.with_links(tuple(Link(*link) for link in found)) if found else block


class _Finder:
    """Finds texts in the page's text one after the other, from where the last one was found."""

    def __init__(self, page: PageLinks, base: str | None) -> None:
        self.page, self.base = page, base
        self.cursor = 0
        self.urls: dict[str, str | None] = {}  # href -> its absolute URL (None: not kept)

    def links_in(self, text: str) -> list[tuple[int, int, str]]:
        """The links inside ``text``, as (start, end, url) in it: each clipped to the text, its ends on the
        text's first and last characters inside the link."""
        positions = [i for i, c in enumerate(text) if not c.isspace()]
        squeezed = "".join(text[i] for i in positions)
        if not squeezed:
            return []
        at = self.page.chars.find(squeezed, self.cursor)
        if at < 0:
            at = self.page.chars.find(squeezed)  # an earlier block of the page: the cursor stays
            if at < 0:
                return []
        else:
            self.cursor = at + len(squeezed)
        end = at + len(squeezed)
        spans = self.page.spans
        first = max(bisect_right(self.page.starts, at) - 1, 0)  # a link may start before the text does
        out = []
        for start, stop, href in spans[first:bisect_right(self.page.starts, end - 1)]:
            start, stop = max(start, at), min(stop, end)
            url = self._url(href)
            if start < stop and url is not None:
                out.append((positions[start - at], positions[stop - at - 1] + 1, url))
        return out

    def _url(self, href: str) -> str | None:
        if href not in self.urls:
            self.urls[href] = resolve(href, self.base)
        return self.urls[href]


def resolve(href: str, base: str | None) -> str | None:
    """The absolute http(s) URL a link's ``href`` points to from a page at ``base``; None for an in-page
    link (``#notes``), another scheme (``javascript:``, ``mailto:``), or a relative link without a base."""
    from urllib.parse import urljoin, urlsplit

    href = _URL_BREAKS.sub("", href.strip())
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base or "", href)
        parts = urlsplit(url)
    except ValueError:  # a malformed URL (an unclosed IPv6 host)
        return None
    return url if parts.scheme in _SCHEMES and parts.netloc else None


def _base_url(base_href: str | None, page_url: str | None) -> str | None:
    """What the page's relative links are resolved against: its ``<base href>`` (itself resolved against
    the page's URL), else the page's URL."""
    if base_href is None:
        return page_url
    from urllib.parse import urljoin

    try:
        return urljoin(page_url or "", _URL_BREAKS.sub("", base_href.strip())) or page_url
    except ValueError:
        return page_url


__all__ = ["PageLinks", "page_links", "linked_blocks", "resolve"]
