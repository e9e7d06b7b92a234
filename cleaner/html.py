"""Stage 2 for HTML: trafilatura finds the main content and the metadata.

This is the only module that imports trafilatura (it costs ~250 ms to import, so it is imported
only when HTML arrives).  The page is parsed once, without network or entity resolution, and
deep nesting is kept (lxml's ``huge_tree``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import Block
from .detect import CONTROL
from .options import Options

# trafilatura's XML element -> our block kind
_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "code": "code", "cell": "td", "list": "list",
          "table": "table", "row": "tr"}


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    headline: str | None = None  # the page's own <h1>, to check the metadata title against
    bylines: list[str] = field(default_factory=list)  # "By ..." lines of the page, when the metadata names nobody
    naive: bool = False  # blocks are the page's raw text blocks: the heuristic stage must judge them


def _date_params() -> dict:
    """htmldate without its extensive search: that search falls back to dateparser over ~200 locales,
    which costs seconds in a fresh process (every `cleaner < page.html`) and finds little on news pages."""
    from datetime import date

    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


# A numeric character reference, which lxml decodes after detect.py has stripped raw controls.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
MAX_DEPTH = 100  # below this, wrapper elements are unwrapped (trafilatura's fallbacks are quadratic in depth)
_WRAPPERS = frozenset({"div", "span", "section", "article", "font", "center", "main", "b", "i", "u", "em",
                       "strong", "small", "big", "blockquote", "aside", "header", "footer", "figure"})


def _drop_control_ref(m: re.Match) -> str:
    try:
        char = chr(int(m.group(1), 16) if m.group(1) else int(m.group(2)))
    except (ValueError, OverflowError):
        return ""
    return "" if CONTROL.fullmatch(char) or 0xD800 <= ord(char) <= 0xDFFF else m.group(0)


def without_control_refs(page: str) -> str:
    """Drop character references to control characters (``&#27;``, ``&#x9b;``): an escape sequence must
    not reach a user's terminal through an entity, and one such character makes trafilatura give up."""
    return _CHAR_REF.sub(_drop_control_ref, page) if "&#" in page else page


PARSER_DEPTH = 2000  # libxml2 stops building the tree near 2048 levels, even with huge_tree
# A long run of bare wrapper tags, opening or closing: what a page nested thousands deep is made of.
_TAG_RUN = re.compile(r"(?:<(div|span|section|font|b|i)(?:\s[^<>]{0,200})?>\s{0,20}){50,}"
                      r"|(?:</(?:div|span|section|font|b|i)>\s{0,20}){50,}", re.I)


_DEEPER_THAN_MAX = f"boolean(//*[ancestor::*[{MAX_DEPTH}]])"


def deepest(tree) -> tuple[int, list]:
    """The depth of the tree, and its wrapper elements deeper than MAX_DEPTH."""
    from lxml import etree

    depth = most = 0
    deep = []
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            most = max(most, depth)
            if depth > MAX_DEPTH and el.tag in _WRAPPERS:
                deep.append(el)
        else:
            depth -= 1
    return most, deep


def parse_flat(page: str):
    """Parse the page; unwrap wrappers nested beyond MAX_DEPTH (keeping their text), and collapse
    runs of thousands of wrapper tags that the parser would cut off.  Returns (tree, was_deep)."""
    tree = parse(page)
    if not tree.xpath(_DEEPER_THAN_MAX):  # the common case, answered in C without walking the tree
        return tree, False
    most, deep = deepest(tree)
    if most >= PARSER_DEPTH:
        tree = parse(_TAG_RUN.sub(lambda m: "<div>" if m.group(1) else "</div>", page))
        most, deep = deepest(tree)
    for el in reversed(deep):
        el.drop_tag()
    return tree, bool(deep) or most > MAX_DEPTH


# Beyond this many paragraphs trafilatura's cost grows faster than the page (a million tiny paragraphs
# would take hours); such a page is read as a naive scraper would, and the text heuristics judge it.
LARGE_PAGE = 20_000
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "dd",
                         "dt", "figcaption", "caption", "address"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


def naive_blocks(tree) -> list[Block]:
    """The text of each outermost block element, in page order: what a naive scraper gives."""
    from lxml import etree

    blocks: list[Block] = []
    inside = 0
    skip = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS:
                skip += 1
            elif tag in _BLOCK_TAGS:
                if inside == 0 and skip == 0:
                    text = " ".join(" ".join(el.itertext()).split())
                    if text:
                        kind = "h" if tag in _HEADINGS else "li" if tag == "li" else "td" if tag in ("td", "th") else "p"
                        blocks.append(Block(text, kind=kind, index=len(blocks)))
                inside += 1
        elif tag in _SKIP_TAGS:
            skip -= 1
        elif tag in _BLOCK_TAGS:
            inside -= 1
    return blocks


def _title_tag(tree) -> str | None:
    for el in tree.iter("title"):
        return " ".join(el.text_content().split()) or None
    return None


def parse(page: str):
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, no_network=True,
                                  collect_ids=False, default_doctype=False)
    return lxml_html.document_fromstring(page, parser=parser)


def extract(page: str, opts: Options) -> tuple[list[Block], PageMeta]:
    import trafilatura

    page = without_control_refs(page)
    fast = opts.fast
    try:
        tree, deep = parse_flat(page)
        fast = fast or deep
    except Exception:  # lxml gives up on some garbage; trafilatura has its own tolerant path
        tree = page
    h1 = None
    if not isinstance(tree, str):
        for el in tree.iter("h1"):
            h1 = " ".join(el.text_content().split()) or None
            if h1:
                break
        if sum(1 for _ in tree.iter("p")) > LARGE_PAGE:
            return naive_blocks(tree), PageMeta(url=opts.url, headline=h1, title=_title_tag(tree),
                                                language=tree.get("lang") or None, naive=True)
    doc = trafilatura.bare_extraction(
        tree, url=opts.url, with_metadata=True, include_comments=False, fast=fast, include_tables=True,
        include_images=False, include_links=False, deduplicate=False, output_format="python",
        date_extraction_params=_date_params(),
    )
    meta = PageMeta(url=opts.url, headline=h1)
    if doc is None:
        return [], meta
    meta.title = doc.title or None
    meta.authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    meta.date = doc.date or None
    meta.site_name = doc.sitename or None
    meta.url = doc.url or opts.url
    meta.language = doc.language or None
    if not meta.authors and not isinstance(tree, str):
        meta.bylines = _bylines(tree)
    return list(_blocks(doc.body)), meta


_BYLINE_TAGS = ("span", "p", "div", "a", "address", "li", "strong", "em")
_BYLINE_SCAN = 3000  # elements looked at, from the top of the page


def _bylines(tree) -> list[str]:
    """Short "By Jane Doe" texts of the page: where a page shows its byline when its metadata has none."""
    from .rules.bylines import is_byline

    found = []
    for n, el in enumerate(tree.iter(*_BYLINE_TAGS)):
        if n >= _BYLINE_SCAN:
            break
        text = (el.text or "").strip()
        if 4 < len(text) < 80 and is_byline(text):
            found.append(text)
            break
    return found


def _blocks(body):
    """trafilatura's body as blocks, in reading order.  Text can stand loose in the body, between
    elements (an element's ``tail``): it is a paragraph too."""
    if body is None:
        return
    pieces = []  # (kind, text)
    if body.text and body.text.strip():
        pieces.append(("p", body.text))
    for el in body.iterchildren():
        if el.tag == "list":
            pieces.extend(("li", " ".join(item.itertext())) for item in el.iter("item"))
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = (" ".join(" ".join(c.itertext()).split()) for c in row.iter("cell"))
                pieces.append(("tr", " | ".join(c for c in cells if c)))
        else:
            pieces.append((_KINDS.get(el.tag, "p"), " ".join(el.itertext())))  # not el.tail: that comes next
        if el.tail and el.tail.strip():
            pieces.append(("p", el.tail))
    index = 0
    for kind, text in pieces:
        text = " ".join(text.split())
        if text:
            yield Block(text, kind=kind, index=index)
            index += 1
