"""Stage 2 for HTML: the page's blocks, trafilatura's extraction and the metadata; the learned scorer's
verdict on them (``_extract_page``).

The page is parsed once, without network or entity resolution, deep nesting kept (lxml's ``huge_tree``), and
read as blocks (``cleaner/dom.py``) before trafilatura's steps prune it.  trafilatura's steps are called one by
one from ``cleaner/trafilatura_steps.py``, imported only when a page needs them (a very large page is read
without them).  The scorer (``cleaner/scorer.py``) tells article pages from others: other pages keep the blocks
it keeps; article pages keep the extraction.  Cleaner's own heuristics around them: control-character
references dropped, a template's placeholder text dropped (``html.placeholder``), deep wrappers unwrapped, the parts a page streams
after its frame moved into their places, a frame named for comments that wraps the article kept, the page's
byline and language, a body split around an ad row joined, an ``<aside>`` holding the headline unwrapped, a text
in a block named an embed kept, the text of an accordion, tabs or an expandable box opened, teaser links and a copy
of the article marked.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from .article import Block, Record
from .authors import bylines_in_page
from .dates import dates_in
from . import scorer
from .blocks import TABLE_TAGS, shape_for, trafilatura_tag
from .detect import CONTROL, nfc
from .dom import (BLOCK_TAGS, SKIPPED_TAGS, PageBlock, PageSignals, attribute_words, kind_of, page_blocks,
                  page_signals)
from .features import block_words, covered, glance_features, page_features
from .lexicon import word_list
from .links import page_links
from .options import Options
from .rules import (BEYOND_EXTRACTION, DIALOG, DISCLOSURE, LINK_PARAGRAPH, OUTSIDE_TAIL, PLACEHOLDER, REPEATED_RUN,
                    REVIEWS, SIDE_BOX, TEASER_CARD, RuleBook)
from .text import WORD
from .title import from_headline, headline_from_html

# trafilatura's XML element -> our block kind
_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "code": "code", "cell": "td", "list": "list",
          "table": "table", "row": "tr"}


class PageMeta(Record):
    __slots__ = ("title", "authors", "date", "site_name", "url", "language",
                 "page_title",  # the page's <title>, beside ``title`` (the metadata's: og:title, JSON-LD, ...)
                 "headlines",  # the texts of the page's <h1> elements (the first MAX_HEADLINES), in order
                 "article",  # the scorer's verdict: an article page (True), another kind (False), not judged (None)
                 "naive",  # an article page whose extraction missed: its blocks are for the text heuristics
                 "extracted",  # then, the page's blocks the extraction did hold (a short post may be all there is)
                 "description",  # the page's summary (<meta name="description">, og:description, JSON-LD)
                 "bylines",  # "By ..." lines of the page, when the metadata names nobody
                 "date_modified", "image", "tags", "section", "canonical_url", "publisher",  # cleaner/metadata.py
                 "comments",  # reader comments, read when asked for (cleaner/comments.py)
                 "links")  # the page's links, read when asked for (cleaner/links.py), or None

    def __init__(self, title: str | None = None, authors: list[str] | None = None, date: str | None = None,
                 site_name: str | None = None, url: str | None = None, language: str | None = None,
                 headlines: tuple[str, ...] = (), article: bool | None = None, naive: bool = False,
                 description: str | None = None, bylines: list[str] | None = None, date_modified: str | None = None,
                 image: str | None = None, tags: list[str] | None = None, section: str | None = None,
                 canonical_url: str | None = None, publisher: str | None = None, comments: list | None = None,
                 links: object = None, page_title: str | None = None, extracted: list | None = None) -> None:
        self._set(title, authors or [], date, site_name, url, language, page_title, headlines, article, naive,
                  extracted or [], description, bylines or [], date_modified, image, tags or [], section,
                  canonical_url, publisher, comments or [], links)


# A numeric character reference, which lxml decodes after detect.py has stripped raw controls.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
MAX_DEPTH = 100  # below this, elements are unwrapped (trafilatura's steps cost the depth squared, or more)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})  # elements whose content is no text
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "dd",
                         "dt", "figcaption", "caption", "address"})  # elements that hold a block of text


def _is_control_ref(hexadecimal: str, decimal: str) -> bool:
    try:
        char = chr(int(hexadecimal, 16) if hexadecimal else int(decimal))
    except (ValueError, OverflowError):
        return True
    return CONTROL.fullmatch(char) is not None or 0xD800 <= ord(char) <= 0xDFFF


def _drop_control_ref(m: re.Match) -> str:
    return "" if _is_control_ref(m.group(1), m.group(2)) else m.group(0)


def without_control_refs(page: str) -> str:
    """Drop character references to control characters (``&#27;``, ``&#x9b;``): an escape sequence must
    not reach a user's terminal through an entity, and one such character makes trafilatura give up.
    A page holds many references (``&#39;``) but few distinct ones, and seldom one to a control: such a
    page is not copied."""
    if "&#" not in page or not _has_control_ref(page):
        return page
    page = _CHAR_REF.sub(_drop_control_ref, page)
    if "&#" in page and _has_control_ref(page):  # a dropped one joined the text around it into another
        page = _CHAR_REF.sub(_space_for_control_ref, page)  # ("&#x&#27;1b;"): a space joins nothing
    return page


def _has_control_ref(page: str) -> bool:
    return any(_is_control_ref(*ref) for ref in set(_CHAR_REF.findall(page)))


def _space_for_control_ref(m: re.Match) -> str:
    return " " if _is_control_ref(m.group(1), m.group(2)) else m.group(0)


PARSER_DEPTH = 2000  # libxml2 stops building the tree near 2048 levels, even with huge_tree
FLAT_DEPTH = 1000  # a page nested deeper than the parser goes is read again with its tags below this level dropped


# an element MAX_DEPTH levels below the root: one step a level, not an ancestor walk from every element
_DEEPER_THAN_MAX = "boolean(/" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")"


def deepest(tree) -> tuple[int, list]:
    """The depth of the tree, and the elements deeper than MAX_DEPTH to unwrap: those that hold others, but
    the blocks of text (a paragraph, a heading, a list item, a cell... that holds no other such block),
    whose bounds the text keeps.  A leaf (a line break, a link, a script) adds one level and stays, but for
    the markup that is not text (a <noscript>, a <template>)."""
    depth = most = 0
    deep = []
    holds_block = []  # for each open element: whether a block of text is inside it
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            most = max(most, depth)
            holds_block.append(False)
            continue
        inner = holds_block.pop()
        block = el.tag in _BLOCK_TAGS
        if depth > MAX_DEPTH and (len(el) and (inner or not block) or el.tag in _HIDDEN_MARKUP):
            deep.append(el)
        if holds_block and (block or inner):
            holds_block[-1] = True
        depth -= 1
    return most, deep


def parse_flat(page: str):
    """Parse the page; unwrap the elements nested beyond MAX_DEPTH (keeping their text and the blocks of
    text among them), and first drop the tags nested beyond FLAT_DEPTH from a page that the parser would
    cut off at PARSER_DEPTH.  Returns (tree, was_deep)."""
    tree = parse(page)
    if not tree.xpath(_DEEPER_THAN_MAX):  # (one XPath: no walk over the tree)
        return tree, False
    most, deep = deepest(tree)
    if most >= PARSER_DEPTH:
        tree = parse(flattened(page, FLAT_DEPTH))
        most, deep = deepest(tree)
    for el in deep:
        if el.tag in _SKIP_TAGS:  # not text: unwrapped, a <noscript>'s or an <svg>'s content would become text
            el.drop_tree()
        else:
            el.drop_tag()
    return tree, bool(deep) or most > MAX_DEPTH


# What the parser does not nest (libxml2's own rules, which are not HTML5's: <h2><h2> and <dd><dd> nest): void
# elements, and the elements that a start tag of the same kind ends, or, for a paragraph, the start of a block.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image"})
_ENDED_BY = {"li": ("li",), "option": ("option",), "td": ("td", "th"), "th": ("td", "th"), "tr": ("td", "th", "tr"),
             "a": ("a",), "form": ("form",), "p": ("p",)}
_ENDS_A_PARAGRAPH = frozenset({"address", "blockquote", "dd", "div", "dl", "dt", "fieldset", "form", "h1", "h2", "h3",
                               "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "table", "ul"})
_TAG = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\s/>]*+))")


def flattened(page: str, limit: int) -> str:
    """The page without the tags of the elements nested more than ``limit`` deep (their text stays, but an
    element that is not text is kept, whole and flat), by a reading of its tags as the parser nests them
    (void elements, paragraphs and list items ended by the next one, end tags closing what they name,
    comments and the text of scripts passed over): a page nested thousands deep, of any elements, with or
    without text between the tags."""
    parts = []
    copied = pos = 0  # the end of what is in parts, and of what is read
    stack: list[tuple[str, bool]] = []  # the open elements: (name, kept)
    open_names: dict[str, int] = {}
    kept = 0
    while m := _TAG.search(page, pos):
        if m.group(1):  # a comment, to its end
            end = page.find("-->", m.end())
            pos = len(page) if end < 0 else end + 3
            continue
        name = m.group(3).lower()
        end = _MORE_ATTRIBUTES.match(page, m.end()).end()
        end = page.find(">", end) + 1 or len(page)
        drop = False
        if m.group(2):  # an end tag: it closes the elements up to the one it names, if that one is open
            while open_names.get(name):
                top, was_kept = stack.pop()
                open_names[top] -= 1
                kept -= was_kept
                if top == name:
                    drop = not was_kept
                    break
        elif name not in _VOID and not page.startswith("/>", end - 2):
            ended = _ENDED_BY.get(name, ()) + (("p",) if name in _ENDS_A_PARAGRAPH else ())
            while stack and stack[-1][0] in ended:
                top, was_kept = stack.pop()
                open_names[top] -= 1
                kept -= was_kept
            # one level more for what is not text (a script, a <noscript>...): unwrapped it would become text
            drop = kept > limit or (kept == limit and name not in _NOT_TEXT)
            stack.append((name, not drop))
            open_names[name] = open_names.get(name, 0) + 1
            kept += not drop
        if drop:
            parts.append(page[copied:m.start()])
            copied = end
        pos = end
        if name in _RAW_TEXT and not m.group(2):  # its text, to its end tag
            close = re.compile(f"</{name}", re.I).search(page, pos) if name != "plaintext" else None
            pos = close.start() if close else len(page)
    if not parts:
        return page
    parts.append(page[copied:])
    return "".join(parts)


# Beyond this many paragraphs trafilatura's cost grows faster than the page (a million tiny paragraphs
# would take hours); such a page's blocks are judged without trafilatura's extraction.
LARGE_PAGE = 20_000
MAX_HEADLINES = 8  # the page's <h1> elements read for the title


def _title_tag(tree) -> str | None:
    for el in tree.iter("title"):
        return " ".join(el.text_content().split()) or None
    return None


def parse(page: str):
    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, no_network=True,
                                  collect_ids=False, default_doctype=False)
    # lxml.html's own element lookup runs Python code for every element Python touches; trafilatura needs
    # only HtmlElement's methods (text_content, drop_tag, ...), not the form-specific classes
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity))
    tree = document_root(lxml_html.document_fromstring(without_encoding_declaration(page), parser=parser))
    split_long_rows(tree)
    drop_non_content(tree)
    place_streamed_parts(tree)
    return tree


_STREAMED = re.compile(r"S:([0-9a-z]+)\Z")  # the id of a part a page streams after its place ("S:4")


def place_streamed_parts(tree) -> None:
    """A page rendered on the server in a stream (React's, which Next.js and other frameworks use) sends a part
    that was not ready, the article or a product's description often, at the end of the body, in a hidden
    ``<div id="S:n">``; a script then moves it where an empty ``<template id="B:n">`` (a placeholder shown while
    loading, whose loose text is a "Loading..." line) or ``<template id="P:n">`` (a segment) stands.  Readers
    see the part in its place; unmoved, it is hidden text at the page's end, which trafilatura drops.  Each
    such part is moved into its place, as the script would, in the order the page sends them (a part can hold
    the place of a later one); a part whose place is not on the page stays where it is."""
    parts = [(m.group(1), el) for el in tree.iter("div")
             if el.get("hidden") is not None and (m := _STREAMED.match(el.get("id") or ""))]
    if not parts:
        return
    places = {el.get("id"): el for el in tree.iter("template") if (el.get("id") or "")[:2] in ("B:", "P:")}
    for number, part in parts:
        place = places.get(f"B:{number}")
        placeholder = place is not None
        if place is None:
            place = places.get(f"P:{number}")
        if place is None or place.getparent() is None or any(a is part for a in place.iterancestors()):
            continue
        if placeholder:
            place.tail = None  # the placeholder's "Loading..."
        place.text = part.text
        place.extend(list(part))
        part.drop_tree()
        place.drop_tag()


MAX_JSON_LD = 1_000_000  # characters of a JSON-LD script: a page's are a few thousand; parsed, 20-100 times that
MAX_EMPTY_RUN = 10  # empty elements of one kind in a row: what a page's layout needs (a few <br>)
MAX_MENU_OPTIONS = 1000  # the choices of a page's form menus (a list of the world's countries: 250)
_TABLE_PARTS = frozenset({"tr", "td", "th", "col", "colgroup"})  # an empty cell holds a column's place
_JSON_SCRIPTS = ("application/ld+json", "application/settings+json")


def drop_non_content(tree) -> None:
    """Remove what cannot be article content but costs memory in every later step (lxml's tree and
    trafilatura's copies take about 2 KB an element): the form menus' choices past MAX_MENU_OPTIONS, a
    JSON-LD script too large to be the page's metadata, and the empty elements (no text, children or
    attributes) of a run of one kind past MAX_EMPTY_RUN (a million <br>)."""
    for el in list(islice(tree.iter("option"), MAX_MENU_OPTIONS, None)):
        el.drop_tree()
    for el in [el for el in tree.iter("script") if el.get("type") in _JSON_SCRIPTS]:
        if len(el.text or "") > MAX_JSON_LD:
            el.drop_tree()
    for parent in [el for el in tree.iter() if len(el) > MAX_EMPTY_RUN]:
        run, kind, child = 0, None, parent[0]  # the current run of empty elements: its length, their tag
        while child is not None:
            following = child.getnext()
            if not _is_empty(child):
                run, kind = 0, None
            elif child.tag == kind:
                run += 1
                if run > MAX_EMPTY_RUN:
                    parent.remove(child)  # (its tail is only whitespace)
            else:
                run, kind = 1, child.tag
            child = following


def _is_empty(el) -> bool:
    """No text, no children, no attributes (a <meta>'s or an <img>'s are data): nothing but its place."""
    return (len(el) == 0 and isinstance(el.tag, str) and el.tag not in _TABLE_PARTS and not el.attrib
            and not (el.text and not el.text.isspace()) and not (el.tail and not el.tail.isspace()))


PLACEHOLDER_MIN_WORDS = 8  # a block of fewer words is a label ("Lorem ipsum 1"), judged with the part around it
PLACEHOLDER_SHARE = 0.8  # of a block's words: placeholder words ("lorem", "ipsum", "dolor": a template's filler)
PLACEHOLDER_PART_SHARE = 0.5  # of a part's words: the filler, and the template's labels around it ("Head Line 1")


def drop_placeholders(tree) -> None:
    """Remove the placeholder text a page's template holds where its author has not written yet ("Lorem ipsum
    dolor sit amet, ..."), which a stylesheet hides or nobody noticed: a block of PLACEHOLDER_MIN_WORDS words or
    more, PLACEHOLDER_SHARE of them placeholder words (``word_list("placeholders")``), with the largest part
    around it whose words are still PLACEHOLDER_PART_SHARE placeholder words (the template's section: its
    headings, "Head Line 1", go with it).  Such text is never a page's content, whatever the page."""
    words = word_list("placeholders")
    parts = []
    for el in tree.iter(*_BLOCK_TAGS):
        if _starts_with(el, words) and _placeholder_share(el, words, PLACEHOLDER_MIN_WORDS) >= PLACEHOLDER_SHARE:
            parts.append(_placeholder_part(el, words))
    chosen = set(parts)
    for part in parts:
        if part.getparent() is not None and not any(holder in chosen for holder in part.iterancestors()):
            part.drop_tree()


def _starts_with(el, words: frozenset[str]) -> bool:
    """Whether the element's own text, or else its first child's (``<p><span>Lorem``), opens with one of
    ``words``: a cheap test before its whole text is read."""
    text = el.text
    if (text is None or text.isspace()) and len(el):
        text = el[0].text
    first = WORD.match(text.lstrip()) if text else None
    return first is not None and first.group().lower() in words


def _placeholder_share(el, words: frozenset[str], min_words: int = 1) -> float:
    """The share of the element's words that are ``words``; 0 below ``min_words`` words."""
    found = WORD.findall(el.text_content().lower())
    return sum(1 for word in found if word in words) / len(found) if len(found) >= min_words else 0.0


def _placeholder_part(el, words: frozenset[str]):
    """The outermost ancestor of a placeholder block (or the block) whose words are PLACEHOLDER_PART_SHARE
    placeholder words, below the body."""
    part = el
    for holder in el.iterancestors():
        if holder.tag in ("body", "html") or _placeholder_share(holder, words) < PLACEHOLDER_PART_SHARE:
            break
        part = holder
    return part


# Cells of a table row, beyond any real table's width: trafilatura counts a row's cells again at each cell
# (an lxml len() walks the children), so a row of n cells costs n squared (40,000: 9 s; a million: hours)
MAX_ROW_CELLS = 1000
_ROW_PARTS = ("tr", "table", "thead", "tbody", "tfoot")  # what holds a row's cells (trafilatura strips the t*)


def split_long_rows(tree) -> None:
    """Cut a table row of more than MAX_ROW_CELLS cells into rows of that many (their text in order); cells
    directly in a table, in no row, are gathered into such rows when there are more than that many."""
    for holder in [el for el in tree.iter(*_ROW_PARTS) if len(el) > MAX_ROW_CELLS]:
        if holder.tag == "tr":
            cells, previous = list(holder), holder
            for start in range(MAX_ROW_CELLS, len(cells), MAX_ROW_CELLS):
                row = holder.makeelement("tr")
                row.extend(cells[start:start + MAX_ROW_CELLS])
                previous.addnext(row)
                previous = row
            continue
        run: list = []
        for child in [*holder, None]:  # (None: the end)
            if child is not None and child.tag in ("td", "th") and len(run) < MAX_ROW_CELLS:
                run.append(child)
                continue
            if run:
                row = holder.makeelement("tr")
                run[0].addprevious(row)
                row.extend(run)
            run = [child] if child is not None and child.tag in ("td", "th") else []


# An XML declaration naming an encoding, which lxml refuses at the start of a str (the page is decoded already)
_XML_ENCODING = re.compile(r"(<\?xml[^<>]{0,200}?)\s+encoding\s*=\s*[\"'][^\"'<>]{0,64}[\"']")


def without_encoding_declaration(page: str) -> str:
    """The page without the ``encoding`` of an XML declaration that opens it (an XHTML page)."""
    if page.startswith("<?xml"):
        m = _XML_ENCODING.match(page)
        if m:
            return m.group(1) + page[m.end():]
    return page


def document_root(tree):
    """The document's <html> element, every later step's root.  A parser can hand back another one (lxml
    the <svg> an SVG file's DOCTYPE names, trafilatura's fallback a fragment's <div>), and a step that
    removes such elements (htmldate drops <svg>, <object>, <math>) cannot remove a root."""
    root = tree.getroottree().getroot()
    if root.tag == "html":
        return root
    page = root.makeelement("html")
    etree.SubElement(page, "body").append(root)
    return page


MAX_ATTRIBUTES = 1000  # of one element: the parser checks each attribute against all the element's others
# A piece of a start tag, for a cheap first look: up to 64 characters of names, separators or an unquoted value;
# a quoted value (after "=", as the parser reads quotes); or one "=" or quote character.  An element of
# MAX_ATTRIBUTES attributes has at least 32 pieces (3,000 characters a name and a space each: 47 pieces).
_PIECE = r"""(?>[^>"'=]{1,64}|=\s*+"[^"]*+"|=\s*+'[^']*+'|[="'])"""
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
_NOT_TEXT = _SKIP_TAGS | frozenset(_RAW_TEXT)  # elements whose content is not the page's text
_HIDDEN_MARKUP = _SKIP_TAGS - frozenset(_RAW_TEXT)  # ... and that the parser reads as markup
# What the search stops at: a comment, an element whose content the parser reads as text (no tag in it), a
# start tag of 32 pieces or more.
_TAG_TO_READ = re.compile(r"<(?:(!--)|(?i:(%s))(?=[\s/>])|[A-Za-z][^\s/>]*+(?=%s{32}))" % ("|".join(_RAW_TEXT), _PIECE))
_LONG_TAG = re.compile(r"<[A-Za-z][^\s/>]*+(?=%s{32})" % _PIECE)  # ... anywhere, in a script or a comment too
# One attribute as HTML's tokenizer reads it: a name (any first character but a separator or ">"), maybe "="
# and a value, quoted or not, and separators.  (The separators before the first are read once, in front: a
# pattern that began each attribute with them would read a run of spaces again from each of its positions.)
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+[\s/]*+"""
_FIRST_ATTRIBUTES = re.compile(r"[\s/]*+(?:%s){0,%d}+" % (_ATTRIBUTE, MAX_ATTRIBUTES))
_MORE_ATTRIBUTES = re.compile(r"[\s/]*+(?:%s)*+" % _ATTRIBUTE)


def with_capped_attributes(page: str) -> str:
    """The page with no element of more than MAX_ATTRIBUTES attributes: the rest of such a start tag is cut
    (libxml2 takes time that grows with the square of an element's attributes: 20,000 take 1.5 s, a million
    would take an hour).  A long tag is found by a cheap look at its first pieces, then read attribute by
    attribute, past comments and the text of scripts and styles as the parser passes them; a page with none
    is not copied."""
    if _LONG_TAG.search(page) is None:  # (one search, cheaper than the read: most pages have no such tag)
        return page
    parts = []
    copied = pos = 0  # the end of what is in parts, and of what is read
    while m := _TAG_TO_READ.search(page, pos):
        if m.group(1):  # a comment, to its end
            end = page.find("-->", m.end())
            pos = len(page) if end < 0 else end + 3
            continue
        kept = _FIRST_ATTRIBUTES.match(page, m.end()).end()
        pos = _MORE_ATTRIBUTES.match(page, kept).end()
        if pos > kept:
            parts.append(page[copied:kept])
            copied = pos
        raw = m.group(2)
        if raw:  # its text, to its end tag
            end = re.compile(f"</{raw}", re.I).search(page, pos) if raw.lower() != "plaintext" else None
            pos = end.start() if end else len(page)
    if not parts:
        return page
    parts.append(page[copied:])
    return "".join(parts)


# The end tag of the page's body or of the page itself
_END_OF_PAGE = re.compile(r"</(?:body|html)\s*>", re.I)


def without_early_end_tags(page: str) -> str:
    """The page without its ``</body>`` and ``</html>`` end tags when more than those and spaces follow the first
    of them (a page that closes its frame, then sets its article after it, as a template's parts come).  A
    browser reads what follows into the body, where the elements still open stand (HTML's "after body" mode);
    the parser drops it on some pages.  A page that ends with them is not copied."""
    m = _END_OF_PAGE.search(page)
    if m is None:
        return page
    rest = _END_OF_PAGE.sub("", page[m.start():])
    return page if rest.isspace() or not rest else page[:m.start()] + rest


def read(page: str):
    """The page's tree and whether it was nested too deep (see ``parse_flat``), or None when nothing
    can parse it.  The tree is all the later steps need: the caller can let the page go."""
    page = with_capped_attributes(without_control_refs(without_early_end_tags(page)))
    try:
        return parse_flat(page)
    except Exception:  # lxml gives up on some garbage; trafilatura has its own tolerant path
        from trafilatura import load_html

        tree = load_html(page)
        return (document_root(tree), False) if tree is not None else None


def extract(parsed, opts: Options, rules: RuleBook) -> tuple[list[Block], PageMeta]:
    """Blocks and metadata of a page as ``read`` gives it.  The tree is emptied when they are read: the
    caller's hold on it would keep it through the rules (three times the page), and the memory it frees
    serves the steps after."""
    if parsed is None:
        return [], PageMeta(url=opts.url)
    try:
        if PLACEHOLDER not in opts.disabled_rules:  # before any step reads the tree
            drop_placeholders(parsed[0])
        links = page_links(parsed[0]) if opts.links else None  # before the extraction prunes the tree
        blocks, meta = _extract_page(*parsed, opts, rules)
        meta.links = links
        return blocks, meta
    finally:
        parsed[0].clear()


def _extract_page(tree, deep: bool, opts: Options, rules: RuleBook) -> tuple[list[Block], PageMeta]:
    """The page's blocks, labelled, and its metadata.  Where the model's gate is sure at a glance that the page
    is an article, trafilatura's extraction is the article and no block is weighed (unless the extraction holds
    a small part of the page's prose: ``_glanced_article``).  Else the learned scorer reads every block of the
    page and tells an article page from others.  On other pages (a shop's, a forum, a listing, a service's) it
    judges every block.  On an article page, or where the scorer keeps less than an article, trafilatura's
    extraction is the article, unless the scorer keeps several times more (``_beyond_extraction``); where the
    extraction holds less than an article too (or a huge page skipped it), the page's blocks go to the text
    heuristics (``meta.naive``).  With ``fast``, no scorer: every page is read as an article."""
    meta, large = read_meta(tree, opts)
    if opts.fast:
        return _plain_article(tree, deep, opts, meta), meta
    chosen = scorer.model_at(opts.html_model) if opts.html_model else scorer.model("html")
    signals = page_signals(tree)
    if not large and chosen.surely_article(glance_features(signals, opts.url, bool(meta.date), bool(meta.authors))):
        meta.article = True
        return _glanced_article(tree, deep, opts, rules, meta, signals, chosen), meta
    evidence = read_evidence(tree, deep, opts, rules, meta, signals, large)
    return _judged(tree, evidence, chosen, opts, rules, meta), meta


def _judged(tree, evidence: Evidence, chosen: scorer.Model, opts: Options, rules: RuleBook,
            meta: PageMeta) -> list[Block]:
    """The page's blocks as the scorer judges them (``_extract_page``); ``meta.article`` is its verdict."""
    rows, whole = page_features(evidence.blocks, evidence.signals, evidence.extracted, evidence.candidate,
                                chosen.class_table, rules.first_matching_rule, opts.url)
    first = chosen.first_stage(rows, whole)
    chars = [len(b.text) for b in evidence.blocks]
    meta.article = chosen.is_article(whole, first, chars)
    if not meta.article:
        blocks = _as_scored(evidence, chosen, rows, whole, first, chars, opts)
        if sum(len(b.text) for b in blocks if b.label != "bad") >= EXTRACTION_MIN_CHARS:
            return blocks
    elif BEYOND_EXTRACTION not in opts.disabled_rules and (
            _words(b.text for b in evidence.blocks) >= SCORED_OVER_EXTRACTION * _words(evidence.extraction_texts())):
        blocks = _as_scored(evidence, chosen, rows, whole, first, chars, opts)
        if _beyond_extraction(evidence, blocks):
            return blocks
    return _as_article(tree, evidence, meta, opts)


# The words the scorer keeps outside comment sections, over the extraction's: more means the extraction took one
# part of the content (the introduction of a list of places, the first of a page's sections), or the wrong one.
SCORED_OVER_EXTRACTION = 3
SCORED_MIN_WORDS = 100  # ... and at least this many words kept
GLANCE_PROSE_OVER_EXTRACTION = 2  # of a page judged at a glance: its paragraphs' text, over the extraction's


def _beyond_extraction(evidence: Evidence, scored: list[Block]) -> bool:
    """Whether the blocks the scorer keeps on an article page, outside the page's comment sections, hold
    SCORED_OVER_EXTRACTION times the words of trafilatura's extraction, and SCORED_MIN_WORDS words or more: then
    they are the article, not the extraction.  (Comment sections are left out of the count: trafilatura drops
    them on purpose, and an article's comments often outweigh it.)"""
    from . import trafilatura_steps as steps

    kept = sum(len(b.text.split()) for b, page in zip(scored, evidence.blocks)
               if b.label != "bad" and not any(map(steps.names_comments, page.classes)))
    return kept >= SCORED_MIN_WORDS and kept >= SCORED_OVER_EXTRACTION * _words(evidence.extraction_texts())


def _words(texts) -> int:
    return sum(len(text.split()) for text in texts)


def _glanced_article(tree, deep: bool, opts: Options, rules: RuleBook, meta: PageMeta, signals: PageSignals,
                     chosen: scorer.Model) -> list[Block]:
    """An article page by the gate's glance: trafilatura's extraction (``_plain_article``), unless the extraction
    holds less than 1 / GLANCE_PROSE_OVER_EXTRACTION of the text of the page's paragraphs (a guide whose places
    stand outside the container of its introduction, a thread whose replies stand outside the first post's).
    Then the scorer judges the page as it judges one the gate is unsure of (``_judged``), from the blocks of
    what the extraction's steps left of it (its comment sections pruned); the gate's verdict stands for the
    title."""
    extracted, page = _extraction(tree, deep, opts)
    if (BEYOND_EXTRACTION in opts.disabled_rules
            or sum(len(b.text) for b in extracted) * GLANCE_PROSE_OVER_EXTRACTION >= signals.paragraph_chars):
        return _plain_article(tree, deep, opts, meta, extracted, page)
    numbered: list = []
    page = page_blocks(tree, numbered)
    evidence = _evidence(page, signals, extracted, rules, meta, parts_set_apart(page, numbered, opts.disabled_rules))
    blocks = _judged(tree, evidence, chosen, opts, rules, meta)
    meta.article = True
    return blocks


def _extraction(tree, deep: bool, opts: Options) -> tuple[list[Block], list[PageBlock]]:
    """trafilatura's extraction, as blocks; and with ``explain`` the page's blocks, read before it prunes the
    tree."""
    page = page_blocks(tree) if opts.explain else []
    return list(extracted_blocks(_main_content(tree, opts, deep))), page


def _plain_article(tree, deep: bool, opts: Options, meta: PageMeta, extracted: list[Block] | None = None,
                   page: list[PageBlock] | None = None) -> list[Block]:
    """An article page read without the scorer: trafilatura's extraction (``extracted``, and ``page`` with
    ``explain``, when read already).  The page's blocks are read only for ``explain`` (what the extraction left
    out), or, where the extraction holds less than an article, from what its steps left of the page."""
    if extracted is None:
        extracted, page = _extraction(tree, deep, opts)
    if not page and sum(len(b.text) for b in extracted) < EXTRACTION_MIN_CHARS:
        page = page_blocks(tree)  # what the extraction's steps left of the page: enough for the text heuristics
    shares = covered(block_words(page), [b.text for b in extracted])
    return _as_article(tree, Evidence(page, None, shares, [], extracted), meta, opts)


def _as_article(tree, evidence: Evidence, meta: PageMeta, opts: Options) -> list[Block]:
    """The extraction's blocks when it holds an article; else the page's blocks, for the text heuristics."""
    if sum(len(b.text) for b in evidence.extraction) >= EXTRACTION_MIN_CHARS:
        return _as_extracted(tree, evidence, meta, opts)
    meta.naive = True
    blocks = [Block(b.text, kind_of(b.tag)) for b in evidence.blocks]
    meta.extracted = [b for b, share in zip(blocks, evidence.extracted) if share >= 0.5]
    return blocks


def _as_scored(evidence: Evidence, chosen: scorer.Model, rows: list[dict], whole: dict, first: list[float],
               chars: list[int], opts: Options) -> list[Block]:
    """The page's blocks, each labelled by the scorer's second stage (``model.boilerplate``, with ``explain``
    the features that weighed most against it)."""
    probabilities, second = chosen.second_stage(rows, whole, first, chars, [b.ancestors for b in evidence.blocks])
    threshold = chosen.threshold(article=False)
    blocks = []
    for b, p, row, around, removal in zip(evidence.blocks, probabilities, rows, second, evidence.apart):
        if removal:
            blocks.append(Block(b.text, kind_of(b.tag), "bad", removal))
        elif p >= threshold:
            blocks.append(Block(b.text, kind_of(b.tag), shape=_shape(b)))
        else:
            why = f"{MODEL_REMOVAL}: {chosen.why(row, around)}" if opts.explain else MODEL_REMOVAL
            blocks.append(Block(b.text, kind_of(b.tag), "bad", why))
    return blocks


APART_SHARE = 0.5  # of the page's words: a part set apart that holds more is the page (a wrapper so named)
_DIALOG_ROLES = ("dialog", "alertdialog")


def parts_set_apart(blocks: list[PageBlock], numbered: list, disabled: frozenset[str]) -> list[str | None]:
    """For each of the page's blocks (``page_blocks`` of the tree as it is, which gave ``numbered``), the removal
    that names the part of the page set apart from its content where it stands, if any: a dialog
    (``_names_dialog``: a window the page opens over itself when a reader acts), customers' reviews
    (``_names_reviews``), each holding less than APART_SHARE of the page's words.  The scorer, reading each
    block, may keep them (``_as_scored``)."""
    apart = _elements_set_apart(numbered, disabled)
    if not apart:
        return [None] * len(blocks)
    return [next((apart[n] for n in b.ancestors if n in apart), None) for b in blocks]


def _elements_set_apart(numbered: list, disabled: frozenset[str]) -> dict[int, str]:
    """The parts set apart (``parts_set_apart``), by their number in the walk of ``dom.page_blocks``
    (``numbered``: the body is 1, the elements follow in document order, scripts, styles and the like,
    ``dom.SKIPPED_TAGS``, not counted, nor what they hold)."""
    tests = [(name, test) for name, test in ((DIALOG, _names_dialog), (REVIEWS, _names_reviews))
             if name not in disabled]
    found: dict[int, str] = {}
    total = None
    inside = 0  # the numbers up to this one stand in a part found already: apart with it
    for number, el in enumerate(numbered, 1):
        if number <= inside:
            continue
        words = _attr_words(el)
        for name, test in tests:
            if test(el, words):
                break
        else:
            continue
        total = _words([numbered[0].text_content()]) if total is None else total
        if _words([el.text_content()]) < APART_SHARE * total:
            found[number] = name
            inside = number + sum(1 for _ in _counted(el)) - 1
    return found


def _counted(el):
    """The elements of ``el`` (itself first) that the walk of ``dom.page_blocks`` numbers."""
    yield el
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag and tag not in SKIPPED_TAGS:
            yield from _counted(child)


def _names_dialog(el, words: frozenset[str]) -> bool:
    """Whether an element (its class and id words ``words``) is a dialog: a ``<dialog>``, a role or
    ``aria-modal`` that says so, or a word of ``word_list("dialogs")``."""
    return (el.tag == "dialog" or el.get("role") in _DIALOG_ROLES or el.get("aria-modal") == "true"
            or not words.isdisjoint(word_list("dialogs")))


def _names_reviews(el, words: frozenset[str]) -> bool:
    """Whether a class or id word of an element (``words``) names customers' reviews
    (``word_list("reviews")``), and none of it, of its ancestors or of what it holds names testimonials
    (``word_list("testimonials")``: the quotes a site shows as its own words)."""
    if words.isdisjoint(word_list("reviews")):
        return False
    words = word_list("testimonials")
    return not any(_names_side_box(other, words) for other in (*el.iterancestors(), *el.iter()))


def _shape(block: PageBlock):
    """A scored block's shape (``blocks.shape_for``) from its element and ancestors.  Its table cells stay
    paragraphs: each is a block of its own here, and a row of one cell would say less than the text."""
    ancestors = [tag for tag in reversed(block.path) if tag not in TABLE_TAGS]
    return shape_for("p" if block.tag in TABLE_TAGS else block.tag, ancestors)


MODEL_REMOVAL = "model.boilerplate"
NOT_EXTRACTED = "html.not_extracted"
EXTRACTION_MIN_CHARS = 150  # characters: less than this from trafilatura is not an article (as pipeline's check)


def _as_extracted(tree, evidence: Evidence, meta: PageMeta, opts: Options) -> list[Block]:
    """The extraction's blocks, a paragraph that is one link elsewhere marked (``html.link_paragraph``), and,
    with ``explain``, the page's blocks it left out, marked too (``html.not_extracted``)."""
    blocks = evidence.extraction
    if LINK_PARAGRAPH not in opts.disabled_rules:  # disabled by its name, as the rules are
        _mark_link_paragraphs(tree, blocks, (meta.headlines[0] if meta.headlines else None, meta.title),
                              opts.url or meta.url)
    if REPEATED_RUN not in opts.disabled_rules:
        _mark_repeated_runs(blocks)
    if OUTSIDE_TAIL not in opts.disabled_rules or TEASER_CARD not in opts.disabled_rules:
        places = _placed(tree, blocks)
        if OUTSIDE_TAIL not in opts.disabled_rules:
            _mark_tail_outside_container(blocks, places)
        if TEASER_CARD not in opts.disabled_rules:
            _mark_teaser_cards(blocks, places, opts.url or meta.url)
    left_out = [Block(b.text, kind_of(b.tag), "bad", NOT_EXTRACTED)
                for b, share in zip(evidence.blocks, evidence.extracted) if share < 0.5] if opts.explain else []
    return left_out + blocks


class Evidence(Record):
    """What the scorer weighs of a page: its blocks, what the page says of itself, and for each block the share
    of its words that trafilatura's extraction holds, and that the candidate made of it holds; and the
    extraction's own blocks."""

    __slots__ = ("blocks", "signals", "extracted", "candidate", "extraction", "apart")

    def __init__(self, blocks: list[PageBlock], signals: PageSignals, extracted: list[float],
                 candidate: list[float], extraction: list[Block], apart: list[str | None] | None = None) -> None:
        self._set(blocks, signals, extracted, candidate, extraction, apart or [None] * len(blocks))

    def extraction_texts(self) -> list[str]:
        return [b.text for b in self.extraction]


def read_page(tree, deep: bool, opts: Options, rules: RuleBook) -> tuple[Evidence, PageMeta]:
    """The page's evidence and metadata, as the scorer weighs every page (``benchmarks/train.py``)."""
    meta, large = read_meta(tree, opts)
    return read_evidence(tree, deep, opts, rules, meta, page_signals(tree), large), meta


def read_meta(tree, opts: Options) -> tuple[PageMeta, bool]:
    """The page's metadata, and whether the page is too large for trafilatura's steps (``LARGE_PAGE``)."""
    headlines = tuple(islice(filter(None, (" ".join(el.text_content().split()) for el in tree.iter("h1"))),
                             MAX_HEADLINES))
    large = sum(1 for _ in tree.iter("p")) > LARGE_PAGE
    meta = _composed(_page_meta(tree, opts, headlines) if not large else
                     PageMeta(url=opts.url, headlines=headlines, title=_title_tag(tree),
                              language=_declared_language(tree)))
    return meta, large


def read_evidence(tree, deep: bool, opts: Options, rules: RuleBook, meta: PageMeta, signals: PageSignals,
                  large: bool) -> Evidence:
    """What the scorer weighs of the page; the tree is pruned on the way (trafilatura's extraction)."""
    numbered: list = []
    page = page_blocks(tree, numbered)  # before the extraction, which prunes the tree
    apart = parts_set_apart(page, numbered, opts.disabled_rules)
    extracted = list(extracted_blocks(None if large else _main_content(tree, opts, deep)))
    return _evidence(page, signals, extracted, rules, meta, apart)


def _evidence(page: list[PageBlock], signals: PageSignals, extracted: list[Block], rules: RuleBook,
              meta: PageMeta, apart: list[str | None]) -> Evidence:
    """The page's blocks with the share of each that the extraction holds, and that its candidate holds."""
    texts, candidate = [b.text for b in extracted], _candidate(extracted, rules, meta)
    words = block_words(page)
    shares = covered(words, texts)
    return Evidence(page, signals, shares, shares if candidate == texts else covered(words, candidate), extracted,
                    apart)


def _main_content(tree, opts: Options, deep: bool):
    """``main_content``, or None where trafilatura's steps give up on the page."""
    try:
        return main_content(tree, opts.url, opts.fast or deep, SIDE_BOX not in opts.disabled_rules,
                            DISCLOSURE not in opts.disabled_rules)
    except (TypeError, ValueError):
        return None


def _candidate(extracted: list[Block], rules: RuleBook, meta: PageMeta) -> list[str]:
    """What cleaner kept before it learned: trafilatura's extraction, less what a rule calls noise, from the
    headline on.  A candidate the scorer weighs, as it weighs the extraction itself."""
    kept = [b for b in extracted if rules.first_matching_rule(b.text, b.kind) is None]
    headline = headline_from_html(meta.title, meta.headlines, meta.site_name)
    return [b.text for b in from_headline(kept, headline, meta.description, [])]


def _page_meta(tree, opts: Options, headlines: tuple[str, ...]) -> PageMeta:
    """The page's metadata (trafilatura's reading of it, and the byline cleaner finds when it names nobody)."""
    from . import trafilatura_steps as steps

    try:
        doc = steps.page_metadata(tree, opts.url, date=False, byline=False)
    except (TypeError, ValueError):  # what trafilatura's bare_extraction gives up on
        return PageMeta(url=opts.url, headlines=headlines)
    from . import comments, metadata

    meta = PageMeta(url=doc.url or opts.url, headlines=headlines, title=doc.title or None,
                    site_name=doc.sitename or None, language=_declared_language(tree), page_title=_title_tag(tree),
                    **metadata.read(tree, opts.url, doc))
    meta.comments = comments.read(tree) if opts.comments else []  # before the prunes drop them
    if not meta.authors:
        meta.bylines = bylines_in_page(tree)
    return meta


def _composed(meta: PageMeta) -> PageMeta:
    """The metadata's text in composed Unicode (NFC), as the blocks' (the page is not normalised whole: a
    scan of every character of the page, for the few strings cleaner returns)."""
    meta.headlines = tuple(nfc(h) for h in meta.headlines)
    for name in ("title", "page_title", "site_name", "url", "description"):
        value = getattr(meta, name)
        if value:
            setattr(meta, name, nfc(value))
    meta.authors = [nfc(a) for a in meta.authors]
    meta.bylines = [nfc(b) for b in meta.bylines]
    return meta


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINK_PARAGRAPH_MIN_WORDS = 4  # a shorter link is a name (a product, a place) as often as a teaser


def _mark_link_paragraphs(tree, blocks: list[Block], titles: tuple = (), url: str | None = None) -> None:
    """A paragraph of the body that is, word for word, the text of one link to elsewhere is a teaser of
    another page ("CLICK HERE TO GET THE APP", a related story's headline) that the extraction kept: it is
    labelled bad (``html.link_paragraph``).  So is a paragraph that is nothing but two or more such links
    (a row of related headlines set apart by line breaks), and a heading that a link wraps whole
    (``<a><h2>``: a teaser card); a heading holding a link (``<h2><a>``, a post's own title) is not judged,
    nor are list items (a table of contents, a list of sources), in-page links (``#section``) and links of
    a few words.
    The page's own headline (``titles``: its <h1>, its metadata title) is not judged: a page often links
    its headline to itself, and the later steps find the article's start by it."""
    wanted = {b.text for b in blocks if b.kind in _LINK_KINDS and b.text.count(" ") >= LINK_PARAGRAPH_MIN_WORDS - 1}
    wanted.difference_update(" ".join(t.split()) for t in titles if t)
    if not wanted:
        return
    shortest = min(map(len, wanted))
    found = {}  # text -> whether a link wraps a heading of that text
    rows = {}  # element -> the texts of the links of LINK_PARAGRAPH_MIN_WORDS it holds, in order
    host = _host(url)
    for a in tree.iter("a"):
        text = a.text if len(a) == 0 else a.text_content()
        if text is None:
            continue
        long_enough, in_row = len(text) >= shortest, len(text.split()) >= LINK_PARAGRAPH_MIN_WORDS
        if not (long_enough or in_row) or not _is_internal(a.get("href"), host):
            continue
        if long_enough:
            whole = nfc(" ".join(text.split()))
            if whole in wanted:
                found[whole] = found.get(whole, False) or (len(a) > 0 and next(a.iter(*_HEADINGS), None) is not None)
        if in_row:
            rows.setdefault(a.getparent(), []).append(text)  # as the page has it: _only_links reads the page
    for parent, texts in rows.items():
        if len(texts) < 2 or parent is None:
            continue
        joined = nfc(" ".join(" ".join(texts).split()))
        if joined in wanted and _only_links(parent, texts):
            found.setdefault(joined, False)
    for b in blocks:
        if b.text in found and (b.kind == "p" or b.kind == "h" and found[b.text]):
            b.label, b.reason = "bad", LINK_PARAGRAPH


_LINK_KINDS = frozenset({"p", "h"})
REPEATED_RUN_BLOCKS = 2  # blocks in a row that repeat an earlier run, in order
# ... and the text they hold at least: a passage of a few paragraphs, not recurring labels ("Pros", "Cons") nor
# the rows a plan repeats from day to day (a meal plan's "Post-workout snack | Eat within 30 minutes | ...")
REPEATED_RUN_CHARS = 1000


def _mark_repeated_runs(blocks: list[Block]) -> None:
    """A page can hold its article twice or more (a copy for another layout that CSS hides, the same text
    under each tab), and the extraction then repeats it.  A run of blocks that repeats, block for block and in
    order, a run that came before is labelled bad (``html.repeated_run``): REPEATED_RUN_BLOCKS blocks or more,
    holding REPEATED_RUN_CHARS or more.  A lone repeat stays (an interview's recurring question, a pull quote: the
    rebuild drops the near ones)."""
    first: dict[str, int] = {}
    copies = []  # for each block, the index of the earlier block it repeats, or None
    for i, b in enumerate(blocks):
        j = first.setdefault(b.text, i)
        copies.append(j if j < i else None)
    i = 0
    while i < len(blocks):
        if copies[i] is None:
            i += 1
            continue
        end = i + 1  # the run: each block repeats the one after the block the one before it repeats
        while end < len(blocks) and copies[end] is not None and blocks[end].text == blocks[copies[end - 1] + 1].text:
            end += 1
        if end - i >= REPEATED_RUN_BLOCKS and sum(len(b.text) for b in blocks[i:end]) >= REPEATED_RUN_CHARS:
            for b in blocks[i:end]:
                if b.label != "bad":
                    b.label, b.reason = "bad", REPEATED_RUN
        i = end


CONTAINER_SHARE = 0.8  # of the extraction's words: the article's container holds at least this many
PLACED_SHARE = 0.8  # of the extraction's words: its blocks found in the page hold at least this many


def _mark_tail_outside_container(blocks: list[Block], places: list) -> None:
    """trafilatura's extraction can run past the article's end into what the page sets after it: a call to
    subscribe, a form, a company's note, the next stories.  The article's container is the innermost element of
    the page that holds CONTAINER_SHARE of the extraction's words (its blocks found in the page, ``places``:
    ``_placed``); the blocks at the extraction's end that stand outside it are labelled bad
    (``html.outside_tail``), back to the last one inside it, not found in the page, or set in a part that
    articles close with (``word_list("article_parts")``: a page's FAQ, which readers and references count as
    its text).
    The extraction's last blocks not found in the page (list items whose title and summary the page sets in
    elements of their own: a "Related content" list) go with the block outside the container before them, where
    the blocks found hold PLACED_SHARE of the extraction's words (else the container itself is a guess)."""
    words: dict = {}
    total = 0
    for b, el in zip(blocks, places):
        if el is not None:
            n = len(b.text.split())
            total += n
            for holder in (el, *el.iterancestors()):
                words[holder] = words.get(holder, 0) + n
    if not total:
        return
    # the elements holding the share are a chain of ancestors: the innermost is the deepest
    container = max((el for el, n in words.items() if n >= CONTAINER_SHARE * total),
                    key=lambda el: sum(1 for _ in el.iterancestors()))
    parts = word_list("article_parts")
    unplaced: list[Block] = []  # the extraction's last blocks, not found in the page
    trailing = total >= PLACED_SHARE * sum(len(b.text.split()) for b in blocks)
    for b, el in zip(reversed(blocks), reversed(places)):
        if el is None and trailing:
            unplaced.append(b)
            continue
        if el is None or _inside(el, container) or _in_part(el, parts):
            break
        trailing = False
        for outside in (*unplaced, b):
            if outside.label != "bad":
                outside.label, outside.reason = "bad", OUTSIDE_TAIL
        unplaced = []


def _inside(el, container) -> bool:
    return el is container or any(holder is container for holder in el.iterancestors())


def _in_part(el, words: frozenset[str]) -> bool:
    """Whether the element or one of its ancestors has a class or an id holding one of ``words``."""
    return any(_names_side_box(node, words) for node in (el, *el.iterancestors()))


_BLOCK_OWNERS = tuple(sorted(BLOCK_TAGS - {"br", "hr"}))  # the elements whose text is a block of its own
_HOLDS_A_BLOCK = frozenset(_BLOCK_OWNERS)  # a child that is a block of its own (a line break is not)


def _placed(tree, blocks: list[Block]) -> list:
    """For each of the extraction's blocks, the page's element that holds its text, in order (the first one not
    taken by an earlier block of the same text), or None.  A block element's text is a block, or, where it
    holds other blocks, each run of its text between them is (``_runs``): as ``dom.page_blocks`` reads the page,
    less the context the scorer weighs."""
    wanted = {b.text for b in blocks}
    where: dict[str, list] = {}
    owners = list(tree.iter(*_BLOCK_OWNERS))
    holders = {el.getparent() for el in owners}  # the elements that hold a block element
    for el in owners:
        for text in _runs(el, el in holders):
            text = " ".join(text.split())
            if text and (text in wanted or (text := nfc(text)) in wanted):
                where.setdefault(text, []).append(el)
    places = []
    for b in blocks:
        found = where.get(b.text)
        places.append(found.pop(0) if found else None)
    return places


def _runs(el, holds_blocks: bool) -> list[str]:
    """The element's text, or, where it holds block elements (``holds_blocks``: a child of it is one), the runs
    of its text before, between and after them (their own text is theirs)."""
    if not holds_blocks:
        return [el.text_content()]
    runs, run = [], [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _HOLDS_A_BLOCK:
            runs.append("".join(run))
            run = [child.tail or ""]
        else:
            run.append(child.text_content() if isinstance(child.tag, str) else "")
            run.append(child.tail or "")
    runs.append("".join(run))
    return runs


TEASER_CARDS = 3  # cards side by side, at least: a grid or a stream of other pages' teasers
TITLE_WORDS = 3  # a card's link to its page holds a title of this many words or more
TEASER_WORDS = 80  # a card's words outside its links, at most: a date, a label, a summary


def _mark_teaser_cards(blocks: list[Block], places: list, url: str | None) -> None:
    """The extraction can keep the summaries of a grid or a stream of teasers ("Related articles", "Latest
    news", the next stories) after or beside the article: their titles, links, often go, but the lines under
    them stay.  Teaser cards are elements side by side of one kind (their tag and first class word),
    TEASER_CARDS or more and TEASER_CARD_SHARE of them teasers: each holding a link to another page of the site
    (``_is_internal``) of TITLE_WORDS words or more, a date (a ``<time>`` or a date written out: another
    post's), and at most TEASER_WORDS words outside its links.  (Undated cards are as often the article's own:
    the schools of a ranking, a service page's case studies; one undated card among dated ones is an
    advertisement's.)  The extraction's paragraphs that are a card's text outside its links, and its headings
    that hold a card's link (``places``: ``_placed``), are labelled bad (``html.teaser_card``) when the
    extraction's text before the first of them holds more words than they do: an article, then the teasers.
    (A page whose teasers come first is a listing, a blog's front page, a forum's thread of dated posts: the
    teasers are what it says.)"""
    host = _host(url)
    judged: dict = {}  # (parent, kind) -> whether its children of that kind are teaser cards
    kept, teasers = [], []
    for b, el in zip(blocks, places):
        if b.label == "bad":
            continue
        kept.append(b)
        if b.kind in _TEASER_KINDS and el is not None and _in_teaser_card(el, host, judged):
            teasers.append(len(kept) - 1)
    if not teasers:
        return
    before = sum(len(b.text.split()) for b in kept[:teasers[0]])
    if before <= sum(len(kept[i].text.split()) for i in teasers):
        return
    for i in teasers:
        kept[i].label, kept[i].reason = "bad", TEASER_CARD


_TEASER_KINDS = frozenset({"p", "h"})
TEASER_CARD_SHARE = 2 / 3  # of the cards side by side: teasers (one may be an advertisement's, undated)
TEASER_DEPTH = 6  # levels above a summary where its card may be


def _in_teaser_card(el, host: str | None, judged: dict) -> bool:
    """Whether the element stands, outside any link, in one of TEASER_CARDS teaser cards or more side by side."""
    for level, card in enumerate((el, *el.iterancestors())):
        if card.tag == "a" or level > TEASER_DEPTH:
            return False
        parent = card.getparent()
        if parent is None or len(parent) < TEASER_CARDS:
            continue
        key = (parent, card.tag, _first_class(card))
        if key not in judged:
            judged[key] = _mostly_teasers([child for child in parent
                                           if child.tag == card.tag and _first_class(child) == key[2]], host)
        if judged[key]:
            return next(el.iterancestors("a"), None) is None
    return False


def _mostly_teasers(cards: list, host: str | None) -> bool:
    """Whether TEASER_CARDS of the cards or more, and TEASER_CARD_SHARE of them, are teaser cards (judged one by
    one until the answer is known)."""
    needed = max(TEASER_CARDS, TEASER_CARD_SHARE * len(cards))
    teasers, possible = 0, len(cards)
    for card in cards:
        if teasers >= needed or possible < needed:
            break
        if _is_teaser_card(card, host):
            teasers += 1
        else:
            possible -= 1
    return teasers >= needed


def _first_class(el) -> str | None:
    cls = el.get("class")
    return cls.split()[0] if cls and cls.strip() else None


def _is_teaser_card(card, host: str | None) -> bool:
    """A link to another page of the site, of a title's words; a date (the post's); and few words outside the
    card's links."""
    titled = False
    linked = 0
    for a in card.iter("a"):
        n = len(a.text_content().split())
        linked += n
        titled = titled or (n >= TITLE_WORDS and _is_internal(a.get("href"), host))
    if not titled:
        return False
    pieces, words = [], 0
    for piece in card.itertext():  # read until the words outside links are too many
        words += len(piece.split())
        if words - linked > TEASER_WORDS:
            return False
        pieces.append(piece)
    return next(card.iter("time"), None) is not None or next(dates_in(" ".join(pieces)), None) is not None


_HOST = re.compile(r"^[a-z][a-z0-9+.-]*:(?://([^/?#]*))?", re.I)


def _host(url: str | None) -> str | None:
    """The site of an address: its host's last two labels, three under a country's second level ("co.uk")."""
    m = _HOST.match(url or "")
    if not (m and m.group(1)):
        return None
    labels = m.group(1).lower().rpartition("@")[2].partition(":")[0].split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def _is_internal(href: str | None, host: str | None) -> bool:
    """A link to another page of the page's own site: a relative path, or an address on the page's site (its
    host or another host of its domain: "video.example.com" beside "www.example.com"), any address when the
    page's address is not known (an in-page anchor, a script's link or another site's page is not)."""
    if not href or href.startswith("#"):
        return False
    if href.startswith("//"):
        href = "http:" + href
    elif not _HOST.match(href):
        return True
    return _host(href) == host if host is not None else href.lower().startswith(("http:", "https:"))


def _only_links(parent, texts: list[str]) -> bool:
    """Whether the element's text is the links' texts and nothing else but separators."""
    rest = " ".join(parent.text_content().split())
    for text in texts:
        rest = rest.replace(" ".join(text.split()), " ", 1)
    return WORD.search(rest) is None


_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8}){0,4}")


def _declared_language(tree) -> str | None:
    """The page's own language, from ``<html lang="en-GB">`` (its primary subtag, lower-cased), if any."""
    m = _LANGUAGE_TAG.fullmatch((tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
                                 or "").strip())
    return m.group(1).lower() if m else None


def extracted_blocks(body):
    """trafilatura's body as blocks, in reading order.  Text can stand loose in the body, between
    elements (an element's ``tail``): it is a paragraph too.  A list item is its own text: the items of a
    list nested in it are blocks of their own, after it.  Each block carries its shape (``blocks``)."""
    if body is None:
        return
    pieces = []  # (kind, text, shape)
    if body.text and body.text.strip():
        pieces.append(("p", body.text, None))
    for number, el in enumerate(body.iterchildren()):
        if el.tag == "list":
            pieces.extend(("li", shape.text, shape) for _, shape in _list_items(el))
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = tuple(" ".join(" ".join(c.itertext()).split()) for c in row.iter("cell"))
                pieces.append(("tr", " | ".join(c for c in cells if c), shape_for("tr", cells=cells, table=number)))
        else:  # not el.tail: that comes next
            tag = trafilatura_tag(el.tag, el.get("rend"))
            pieces.append((_KINDS.get(el.tag, "p"), " ".join(el.itertext()),
                           shape_for(tag, text=_preformatted(el) if tag == "pre" else None)))
        if el.tail and el.tail.strip():
            pieces.append(("p", el.tail, None))
    for kind, text, shape in pieces:
        text = " ".join(nfc(text).split())
        if text:
            yield Block(text, kind=kind, shape=shape)


def _list_items(top):
    """The items of a list and of the lists nested in it, in order, each with its shape: its depth, whether
    its list is ordered, and its own text (without its nested lists' items, which come next)."""
    for item in top.iter("item"):
        lists = [trafilatura_tag("list", el.get("rend")) for el in item.iterancestors("list")]
        own = [item.text or ""]
        for child in item:
            if child.tag != "list":
                own.extend(child.itertext())
            own.append(child.tail or "")
        yield item, shape_for("li", lists, text=" ".join(nfc(" ".join(own)).split()))


def _preformatted(el) -> str:
    """A code block's text as the page sets it: line breaks and indentation kept, blank lines at either end
    dropped."""
    return nfc("".join(el.itertext())).strip("\n")


# --- The main content: trafilatura's steps, and cleaner's own between them ----------------------------------
def main_content(tree, url: str | None, fast: bool, side_boxes: bool = True, disclosures: bool = True):
    """The page's main content (trafilatura's XML body element), or None: trafilatura's steps in its order
    (``trafilatura_steps``), and cleaner's own: an article body split in two around an ad row is joined, a text
    in a block named an embed is kept (``_keep_embedded_text``) and boxes beside the article dropped
    (``_drop_side_boxes``) before the extraction, whose main pass reads the disclosure boxes open
    (``_extraction_with_disclosures_open``), and a short extraction is tried again with the headline's container
    unwrapped.  ``side_boxes`` and ``disclosures`` off leave those two steps out."""
    from . import trafilatura_steps as steps

    options = steps.extractor_options(url, fast)
    bodies: dict[str, list] = {}
    steps.prune_raw_tree(tree, steps.is_forum_page(tree), lambda el: _note_body_container(el, bodies),
                         _article_in_comments(tree))
    _join_split_body(tree, bodies)
    _keep_embedded_text(tree)
    if side_boxes:
        _drop_side_boxes(tree)
    if disclosures:
        body, text = _extraction_with_disclosures_open(tree, options, url)
    else:
        body, text = steps.main_extraction(tree, options, url)
    if len(text) < options.min_extracted_size and _unwrap_headline_container(tree):
        a_body, a_text = steps.main_extraction(tree, options, url)
        if len(a_text) > len(text):
            body, text = a_body, a_text
    body, text = steps.rescue_with_baseline(tree, body, text, options)
    body, text = steps.escalate_recall(tree, body, text, options, url, fast)
    return body if len(text) >= options.min_output_size else None


# a class or an id naming the container of an article's body ("postContent", "entry-content", "article__body")
_ARTICLE_BODY = re.compile(r"(?:post|entry|article)[-_]*(?:content|body|text)", re.I)
COMMENTS_TEXT_SHARE = 0.5  # of the words of the page's paragraphs


def _article_in_comments(tree):
    """A test of an element named a comment section, for trafilatura's prune of them: whether it is the
    article's frame, whose name misleads (a "commentOnSelection" feature that wraps the post, where a reader
    comments on a passage he selects).  Such an element holds a container named an article's body, and more than
    COMMENTS_TEXT_SHARE of the words of the page's paragraphs (a section of comments, however long, holds
    comments, and a page's comments seldom sit in a box named a post's content).  The page's paragraphs are
    counted once, when the first element named so is tested."""
    total = []

    def test(el) -> bool:
        if not any(_ARTICLE_BODY.search(f"{node.get('class') or ''} {node.get('id') or ''}")
                   for node in el.iterdescendants("div", "section", "article", "main")):
            return False
        if not total:
            total.append(_paragraph_words(tree))
        return _paragraph_words(el) > COMMENTS_TEXT_SHARE * total[0]
    return test


def _paragraph_words(el) -> int:
    return sum(len(p.text_content().split()) for p in el.iter("p"))


SIDE_BOX_SHARE = 0.3  # of the page's words: a box that holds more is the article's container, not a box beside it


def _drop_side_boxes(tree) -> None:
    """Drop the boxes a page sets beside or after its article that trafilatura's class patterns miss (a
    legal disclaimer or disclosure, a plugin's author box, an author's bio, a list of sources, citations or
    footnotes, a carousel): a div, a section or an aside whose class or id holds a word of
    ``word_list("side_boxes")``, and less than SIDE_BOX_SHARE of the page's words (a wrapper so named holds the
    article)."""
    words = word_list("side_boxes")
    boxes = [el for el in tree.iter("div", "section", "aside") if _names_side_box(el, words)]
    if not boxes:
        return
    body = tree.find(".//body")
    total = len((body if body is not None else tree).text_content().split())
    for el in boxes:
        if el.getparent() is not None and len(el.text_content().split()) < SIDE_BOX_SHARE * total:
            el.drop_tree()


def _attr_words(el) -> frozenset[str]:
    """The runs of letters of an element's class and id, lower-cased ("c-modal__body": c, modal, body)."""
    cls, ident = el.get("class"), el.get("id")
    return _attribute_word_set(cls, ident) if cls or ident else frozenset()


@lru_cache(maxsize=4096)
def _attribute_word_set(cls: str | None, ident: str | None) -> frozenset[str]:
    return frozenset(attribute_words(cls, ident))


def _names_side_box(el, words: frozenset[str]) -> bool:
    """Whether a word of the element's class or id is one of ``words``."""
    return not words.isdisjoint(_attr_words(el))


_EMBED = "embed"  # a class word trafilatura drops with the element it names (a social-media post, a video)
_TEXT_BLOCKS = ("p", "li", "tr", "h2", "h3", "h4", "dd")
EMBEDDED_TEXT_BLOCKS = 3  # blocks of text (paragraphs, items, rows) of EMBEDDED_TEXT_WORDS words ...
EMBEDDED_TEXT_WORDS = 3
EMBEDDED_TEXT_MIN_WORDS = 60  # ... and the words an embed holds at least to be a text of the page's own
EMBEDDED_PARAGRAPH_WORDS = 50  # or the words of one paragraph it holds (an entry of a listicle, set as a card)


def _keep_embedded_text(tree) -> None:
    """An element whose class names an embed (``w-embed``, ``profile embed``) is dropped whole by trafilatura,
    as a post from a social network or a player would be; but page builders put the article's own tables,
    lists and paragraphs in such blocks of custom markup.  One that holds EMBEDDED_TEXT_BLOCKS blocks of text
    and EMBEDDED_TEXT_MIN_WORDS words, or one paragraph of EMBEDDED_PARAGRAPH_WORDS words (a listicle's entry,
    a place or a product with its description), most of them outside links, loses the class words that name
    an embed: the extraction judges it as the rest of the page."""
    for el in tree.iter("div", "section"):
        cls = el.get("class")
        if not cls or _EMBED not in cls or not (_holds_text(el) or _holds_a_paragraph(el)):
            continue
        el.set("class", " ".join(word for word in cls.split() if _EMBED not in word))


def _holds_a_paragraph(el, link_share: float = 0.5) -> bool:
    """Whether the element holds a paragraph of EMBEDDED_PARAGRAPH_WORDS words, most of them outside links."""
    for p in el.iter("p"):
        words = len(p.text_content().split())
        if words >= EMBEDDED_PARAGRAPH_WORDS and _linked_words(p) < link_share * words:
            return True
    return False


def _holds_text(el, link_share: float = 0.5) -> bool:
    blocks = words = 0
    for block in el.iter(*_TEXT_BLOCKS):
        n = len(block.text_content().split())
        if n >= EMBEDDED_TEXT_WORDS:
            blocks += 1
            words += n
    if blocks < EMBEDDED_TEXT_BLOCKS or words < EMBEDDED_TEXT_MIN_WORDS:
        return False
    return _linked_words(el) < link_share * len(el.text_content().split())


def _linked_words(el) -> int:
    """The words of the links an element holds."""
    return sum(len(a.text_content().split()) for a in el.iter("a"))


def _extraction_with_disclosures_open(tree, options, url: str | None):
    """trafilatura's main extraction, with the page's disclosure boxes opened (``_open_disclosures``) when its
    main pass then finds an article; else they are closed again, and the extraction searches the page as it
    would have (its search for text outside the main pass, and the rescues after it, would find an opened
    box alone: an FAQ instead of the page).  (body, text)"""
    from . import trafilatura_steps as steps

    closed = _open_disclosures(tree, steps.discards)
    if closed:
        body, text = steps.main_extraction(tree, options, url, recover=False)
        if len(body) and len(text) >= options.min_extracted_size:
            return body, text
        for node, attributes in closed:
            node.attrib.clear()
            node.attrib.update(attributes)
    return steps.main_extraction(tree, options, url)


_DISCLOSURE_TAGS = ("div", "section", "details", "ul", "ol", "dl")
_HIDING = ("style", "hidden", "aria-hidden")  # attributes that hide an element (a style names display: none)


def _open_disclosures(tree, discards) -> list:
    """An accordion, a set of tabs, an expandable box or a listicle's slides (``<details>``, an element whose
    class or id holds a word of ``word_list("disclosures")``) shows its text a part at a time and keeps the rest
    hidden or collapsed until a reader opens it; trafilatura drops such a box with all it holds when a class
    word that names it names a toggle or a slide too ("expandable", "listicle-slides"), or when a style hides
    it.  One that holds a text (``_holds_text``, and at most DISCLOSED_LINK_SHARE of its words in links: a menu
    that folds is links), outside the page's navigation, header and footer and not named a carousel
    (``word_list("carousels")``: cards a reader flips through), is opened: the class words that name the
    disclosure and that trafilatura's prune deletes (``discards(attribute, value)``) go, from it and from what
    it holds, and so do the attributes and the class words (``word_list("hiding_classes")``) that hide its
    passages (``_holds_a_passage``).  (Other class words stay:
    a page builder's "widget" names every block of such a page, and trafilatura keeps them all when it would
    delete most of the page.)  Returns the elements changed, each with its attributes as they were."""
    words, carousels, hiding = word_list("disclosures"), word_list("carousels"), word_list("hiding_classes")
    opened = set()
    changed = []
    for el in tree.iter(*_DISCLOSURE_TAGS):
        if (el in opened or not (el.tag == "details" or _names_disclosure(el, words)) or _names_side_box(el, carousels)
                or next(el.iterancestors(*_FRAME_TAGS), None) is not None
                or not _holds_text(el, DISCLOSED_LINK_SHARE)):
            continue
        for node in el.iter():
            if not isinstance(node.tag, str):
                continue
            opened.add(node)
            before = dict(node.attrib)
            cls = node.get("class")
            passage = _holds_a_passage(node)
            kept = [w for w in cls.split() if not (_names_toggle(w, words, discards) or passage and w in hiding)
                    ] if cls else []
            if cls and len(kept) < len(cls.split()):
                node.set("class", " ".join(kept))
            if passage:
                for name in _HIDING:
                    node.attrib.pop(name, None)
            if len(node.attrib) != len(before) or cls != node.get("class"):
                changed.append((node, before))
    return changed


_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _names_disclosure(el, words: frozenset[str]) -> bool:
    """Whether a word of the element's class or id, or a part of one written in camelCase, is one of ``words``."""
    cls, ident = el.get("class"), el.get("id")
    return bool(cls or ident) and not words.isdisjoint(_camel_words(cls, ident))


@lru_cache(maxsize=4096)
def _camel_words(cls: str | None, ident: str | None) -> frozenset[str]:
    """The class and id words (``_attribute_word_set``) and the parts of those written in camelCase, lower-cased
    ("QaAccordionItem": qa, accordion, item)."""
    return _attribute_word_set(cls, ident).union(
        part.lower() for part in _CAMEL_PART.findall(f"{cls or ''} {ident or ''}"))


HIDDEN_PASSAGE_WORDS = 10  # an element hidden that holds fewer words and no block of text is an icon or a label


def _holds_a_passage(el) -> bool:
    """Whether an element is or holds a block of text (a paragraph, an item...), or HIDDEN_PASSAGE_WORDS words."""
    return (el.tag in _TEXT_BLOCKS or next(el.iter(*_TEXT_BLOCKS), None) is not None
            or len(el.text_content().split()) >= HIDDEN_PASSAGE_WORDS)


def _names_toggle(word: str, words: frozenset[str], discards) -> bool:
    """Whether a class word names the disclosure (a run of its letters is one of ``words``) and trafilatura's
    prune deletes what it names."""
    return not words.isdisjoint(_camel_words(word, None)) and discards("class", word)


DISCLOSED_LINK_SHARE = 0.25
_FRAME_TAGS = ("nav", "header", "footer", "aside")


_BODY_TAGS = frozenset({"div", "section"})
SPLIT_PART_CHARS = 200  # paragraph text a part of a split article body holds at least


def _note_body_container(el, bodies: dict[str, list]) -> None:
    """A div or a section whose class names a body goes in ``bodies``, under its class."""
    cls = el.get("class")
    if cls and el.tag in _BODY_TAGS and "body" in cls:
        bodies.setdefault(cls, []).append(el)


def _join_split_body(tree, bodies: dict[str, list]) -> None:
    """An article body cut in two around an advertisement row comes as two containers of the same
    class (``bodies``: the page's body containers by class), one after the other with no text between them;
    trafilatura takes the first container its patterns find, and so half the article.  Move the later
    parts' content into the first."""
    parts = None
    for els in bodies.values():
        if len(els) < 2:
            continue
        group = set(els)
        found = [el for el in els if not any(other in group for other in el.iterancestors())]
        found = [el for el in found if _holds_paragraphs(el) and el.getroottree().getroot() is tree]  # not pruned
        if len(found) >= 2 and (parts is None or len(found) > len(parts)):
            parts = found
    if parts is None or _apart(parts):
        return
    first = parts[0]
    for part in parts[1:]:
        if part.text and part.text.strip():
            last = first[-1] if len(first) else None
            if last is not None:
                last.tail = (last.tail or "") + " " + part.text
            else:
                first.text = (first.text or "") + " " + part.text
        for child in list(part):
            first.append(child)
        part.drop_tree()


def _holds_paragraphs(el) -> bool:
    """Whether the element holds SPLIT_PART_CHARS of paragraph text (counted until there is enough)."""
    total = 0
    for p in el.iter("p"):
        total += len(p.text_content())
        if total >= SPLIT_PART_CHARS:
            return True
    return False


def _apart(parts: list) -> bool:
    """Whether a heading or a paragraph stands between the containers, outside all of them: then they
    are separate posts, or the article runs through what lies between and trafilatura reads it whole."""
    common = parts[0].getparent()
    while common is not None and not all(common in p.iterancestors() for p in parts[1:]):
        common = common.getparent()
    if common is None:
        return True
    started, left = False, set(parts)
    walker = etree.iterwalk(common, events=("start",))
    for _, el in walker:
        if el in left:
            started = True
            left.discard(el)
            if not left:
                return False
            walker.skip_subtree()
        elif started and el.tag in _BETWEEN_TAGS and el.text_content().strip():
            return True
    return False


_BETWEEN_TAGS = frozenset({"h1", "h2", "h3", "p"})


# elements trafilatura deletes with all they hold, which a page can leave unclosed above its article
_SWALLOWING = ("aside", "nav", "menu", "footer", "noscript")


def _unwrap_headline_container(tree) -> bool:
    """An ``<aside>`` or ``<nav>`` (a menu, a footer, a ``<noscript>``) holding the page's headline
    holds the article: a sidebar or a menu left unclosed above it, which the parser makes the article's
    parent, or an aside misused as the article's frame.  trafilatura drops such elements with their
    content.  Unwrap them, keeping what they hold; True if there was one."""
    headline = next((el for el in tree.iter("h1") if el.text_content().strip()), None)
    if headline is None:
        return False
    found = list(headline.iterancestors(*_SWALLOWING))
    for el in found:
        el.drop_tag()
    return bool(found)
