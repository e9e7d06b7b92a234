"""The page metadata cleaner returns on the HTML path: title, authors, date, site name, URL.

trafilatura's ``extract_metadata()`` also looks for categories, tags and a license, which cleaner never
returns, and looks for an author on a deep copy of the page pruned by XPath.  This runs trafilatura's
(and htmldate's) own steps for the fields we return, in trafilatura's order, so the values are the same;
the author search is one pass over the page in Python that selects what trafilatura's XPath
expressions select and reads the text the pruned copy would give.  Only ``cleaner/html.py`` calls it:
the trafilatura internals used here are pinned by the version range in setup.cfg.
"""
from __future__ import annotations

import re
from datetime import date

_ARTICLE_AUTHOR_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_BYLINE_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})

# trafilatura.xpaths.AUTHOR_XPATHS, one per priority level, as tests of an element's attributes
_AUTHOR_CLASS_0 = re.compile(r"author-?name|AuthorName|authorName")
_AUTHOR_ID_1 = re.compile(r"author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS_1 = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_AUTHOR_ID_2 = re.compile(r"[Aa]uthor")
_AUTHOR_CLASS_2 = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS: what is pruned from the page before the author search
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
                            r"|article-(?:share|support)|print|category|meta-date|meta-reviewer")
_AUTHOR_MAX = 120  # characters, as trafilatura


def date_params() -> dict:
    """htmldate without its extensive search: that search falls back to dateparser over ~200 locales,
    which costs seconds in a fresh process (every `cleaner < page.html`) and finds little on news pages."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def extract(tree, default_url: str | None):
    """A trafilatura ``Document`` with title, author, url, date and sitename filled as
    ``trafilatura.metadata.extract_metadata`` fills them (other fields may be left empty)."""
    from htmldate import find_date
    from trafilatura.metadata import META_URL, examine_meta, extract_sitename, extract_title, extract_url

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = _meta_json(tree, metadata)
    except Exception:  # bugs in trafilatura's JSON-LD reading, as it guards them
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, default_url)
    metadata.date = find_date(tree, url=metadata.url, **date_params())
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        match = META_URL.match(metadata.url)
        if match:
            metadata.sitename = match[1]
    metadata.categories = metadata.tags = None
    metadata.clean_and_trim()
    return metadata


def _meta_json(tree, metadata):
    """trafilatura's ``extract_meta_json``: the metadata in the page's JSON-LD, with its JSON text
    normalised as ``json_metadata.normalize_json`` does, but lone surrogates removed by one regex
    substitution, not a Python test of every character (a JSON-LD block can hold a whole article)."""
    import json

    from trafilatura.json_metadata import extract_json, extract_json_parse_error
    from trafilatura.metadata import JSON_MINIFY

    for elem in tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]'):
        if not elem.text:
            continue
        element_text = _normalize_json(JSON_MINIFY.sub(_string_or_nothing, elem.text))
        try:
            metadata = extract_json(json.loads(element_text, strict=False), metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(element_text, metadata)
    return metadata


def _string_or_nothing(match) -> str:
    """JSON_MINIFY's replacement: a JSON string stays, the whitespace between goes.  (As the template
    ``r"\1"`` does, at half the cost: re expands a template in Python at every match.)"""
    return match[1] or ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalize_json(string: str) -> str:
    """``trafilatura.json_metadata.normalize_json``, the same result."""
    from html import unescape

    from trafilatura.json_metadata import JSON_UNICODE_REPLACE
    from trafilatura.utils import HTML_STRIP_TAGS, trim

    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = _SURROGATE.sub("", string)
        string = unescape(string)
    return trim(HTML_STRIP_TAGS.sub("", string))


# an id or class none of the author tests can match (most of them): skipped at once
_ANY_ID = re.compile(r"[Aa]uthor|zuozhe|bianji|xiaobian")
_ANY_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline|channel-name|zuozhe|bianji|xiaobian|submitted-by"
                        r"|posted-by|journalist-name|username|byl|BBL")


def _author_level(el) -> int:
    """The priority (0, 1, 2) of the first of trafilatura's author expressions that selects this
    element, or 3 when none does."""
    tag = el.tag
    if tag == "author":
        return 0
    cls = el.get("class")
    if cls is not None and not _ANY_CLASS.search(cls):
        cls = None
    ident = el.get("id")
    if ident is not None and not _ANY_ID.search(ident):
        ident = None
    itemprop = el.get("itemprop")
    if cls is None and ident is None and itemprop is None:  # the common case
        if tag in _ARTICLE_AUTHOR_TAGS and (el.get("rel") == "author"
                                            or el.get("data-testid") in ("AuthorCard", "AuthorURL")):
            return 0
        component = el.get("data-component")
        return 2 if component and "Byline" in component else 3
    if tag in _ARTICLE_AUTHOR_TAGS and (
            el.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
            or el.get("data-testid") in ("AuthorCard", "AuthorURL") or (cls and _AUTHOR_CLASS_0.search(cls))):
        return 0
    if tag in _BYLINE_TAGS and (
            cls in ("byline", "username", "byl", "BBL") or (itemprop and "author" in itemprop)
            or (ident and _AUTHOR_ID_1.search(ident)) or (cls and _AUTHOR_CLASS_1.search(cls))):
        return 1
    component = el.get("data-component")
    if ((component and "Byline" in component) or (itemprop and "author" in itemprop)
            or (ident and _AUTHOR_ID_2.search(ident)) or (cls and _AUTHOR_CLASS_2.search(cls))):
        return 2
    return 3


def _discarded(el) -> bool:
    """Whether trafilatura prunes this element (and what it holds) before its author search."""
    tag = el.tag
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    ident = el.get("id")
    cls = el.get("class")
    component = el.get("data-component")
    return bool(ident == "comments" or cls in ("comments", "title", "date")
                or (ident and _DISCARD_ID.search(ident)) or (cls and _DISCARD_CLASS.search(cls))
                or (component and "Figure" in component))


def _text_kept(el) -> str:
    """The element's text without its pruned descendants (their tails stay, as trafilatura keeps them)."""
    from lxml import etree

    parts = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not el and (not isinstance(node.tag, str) or _discarded(node)):
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def author(tree) -> str | None:
    """trafilatura's ``extract_author``: the first short text among the elements its author expressions
    select, by priority then page order, on the page without comments, sidebars, dates and figures."""
    from trafilatura.json_metadata import normalize_authors

    if tree.find(".//rel") is not None:  # a <rel> element: trafilatura's own expression tests its text
        from trafilatura.metadata import extract_author

        return extract_author(tree)
    levels: tuple[list, list, list] = ([], [], [])
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        level = _author_level(el)
        if level < 3:
            levels[level].append(el)
    for candidates in levels:
        for el in candidates:
            if _discarded(el) or any(_discarded(a) for a in el.iterancestors()):
                continue
            text = _text_kept(el)
            if text and 2 < len(text) < _AUTHOR_MAX:
                return normalize_authors(None, text)
    return None
