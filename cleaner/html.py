"""Stage 2 for HTML: trafilatura finds the main content and the metadata; cleaner's own HTML heuristics
around it.

trafilatura's steps are called one by one from ``cleaner/trafilatura_steps.py``, imported only when a page
needs them (trafilatura costs ~250 ms to import; a very large page is read without it).  The page is parsed
once, without network or entity resolution, and deep nesting is kept (lxml's ``huge_tree``).  Cleaner's own
heuristics: control-character references dropped, deep wrappers unwrapped, a large page read block by block,
the page's byline and language, a body split around an ad row joined, an ``<aside>`` holding the headline
unwrapped, teaser links marked.
"""
from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from .article import Block, Record
from .authors import bylines_in_page
from . import scorer
from .blocks import shape_for, trafilatura_tag
from .detect import CONTROL, nfc
from .dom import PageBlock, PageSignals, kind_of, page_blocks, page_signals
from .features import covered, page_features
from .options import Options
from .rules import LINK_PARAGRAPH, RuleBook
from .text import WORD
from .title import from_headline, title_from_html

# trafilatura's XML element -> our block kind
_KINDS = {"p": "p", "head": "h", "item": "li", "quote": "quote", "code": "code", "cell": "td", "list": "list",
          "table": "table", "row": "tr"}


class PageMeta(Record):
    __slots__ = ("title", "authors", "date", "site_name", "url", "language",
                 "headlines",  # the texts of the page's <h1> elements (the first MAX_HEADLINES), in order
                 "article",  # the scorer's verdict: an article page (True), another kind (False), not judged (None)
                 "naive",  # an article page whose extraction missed: its blocks are for the text heuristics
                 "description",  # the page's summary (<meta name="description">, og:description, JSON-LD)
                 "bylines",  # "By ..." lines of the page, when the metadata names nobody
                 "date_modified", "image", "tags", "section", "canonical_url", "publisher",  # cleaner/metadata.py
                 "comments")  # reader comments, read when asked for (cleaner/comments.py)

    def __init__(self, title: str | None = None, authors: list[str] | None = None, date: str | None = None,
                 site_name: str | None = None, url: str | None = None, language: str | None = None,
                 headlines: tuple[str, ...] = (), article: bool | None = None, naive: bool = False,
                 description: str | None = None, bylines: list[str] | None = None, date_modified: str | None = None,
                 image: str | None = None, tags: list[str] | None = None, section: str | None = None,
                 canonical_url: str | None = None, publisher: str | None = None, comments: list | None = None) -> None:
        self._set(title, authors or [], date, site_name, url, language, headlines, article, naive, description,
                  bylines or [], date_modified, image, tags or [], section, canonical_url, publisher, comments or [])


# A numeric character reference, which lxml decodes after detect.py has stripped raw controls.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
MAX_DEPTH = 100  # below this, wrapper elements are unwrapped (trafilatura's fallbacks are quadratic in depth)
_WRAPPERS = frozenset({"div", "span", "section", "article", "font", "center", "main", "b", "i", "u", "em",
                       "strong", "small", "big", "blockquote", "aside", "header", "footer", "figure"})


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
    if "&#" not in page or not any(_is_control_ref(*ref) for ref in set(_CHAR_REF.findall(page))):
        return page
    return _CHAR_REF.sub(_drop_control_ref, page)


PARSER_DEPTH = 2000  # libxml2 stops building the tree near 2048 levels, even with huge_tree
# A long run of bare wrapper tags, opening or closing: what a page nested thousands deep is made of.
_TAG_RUN = re.compile(r"(?:<(div|span|section|font|b|i)(?:\s[^<>]{0,200})?>\s{0,20}){50,}"
                      r"|(?:</(?:div|span|section|font|b|i)>\s{0,20}){50,}", re.I)


# an element MAX_DEPTH levels below the root: one step a level, not an ancestor walk from every element
_DEEPER_THAN_MAX = "boolean(/" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")"


def deepest(tree) -> tuple[int, list]:
    """The depth of the tree, and its wrapper elements deeper than MAX_DEPTH."""
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
    if not tree.xpath(_DEEPER_THAN_MAX):  # (one XPath: no walk over the tree)
        return tree, False
    most, deep = deepest(tree)
    if most >= PARSER_DEPTH:
        tree = parse(_TAG_RUN.sub(lambda m: "<div>" if m.group(1) else "</div>", page))
        most, deep = deepest(tree)
    for el in reversed(deep):
        el.drop_tag()
    return tree, bool(deep) or most > MAX_DEPTH


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
    return lxml_html.document_fromstring(page, parser=parser)


def read(page: str):
    """The page's tree and whether it was nested too deep (see ``parse_flat``), or None when nothing
    can parse it.  The tree is all the later steps need: the caller can let the page go."""
    page = without_control_refs(page)
    try:
        return parse_flat(page)
    except Exception:  # lxml gives up on some garbage; trafilatura has its own tolerant path
        from trafilatura import load_html

        tree = load_html(page)
        return (tree, False) if tree is not None else None


def extract(parsed, opts: Options, rules: RuleBook) -> tuple[list[Block], PageMeta]:
    """Blocks and metadata of a page as ``read`` gives it.  The tree is emptied when they are read: the
    caller's hold on it would keep it through the rules (three times the page), and the memory it frees
    serves the steps after."""
    if parsed is None:
        return [], PageMeta(url=opts.url)
    try:
        return _extract_page(*parsed, opts, rules)
    finally:
        parsed[0].clear()


def _extract_page(tree, deep: bool, opts: Options, rules: RuleBook) -> tuple[list[Block], PageMeta]:
    """The page's blocks, labelled, and its metadata.  The learned scorer reads every block of the page and tells
    an article page from others.  On other pages (a shop's, a forum, a listing, a service's) it judges every
    block.  On an article page, or where the scorer keeps less than an article, trafilatura's extraction is the
    article; where that holds less than an article too (or a huge page skipped it), the page's blocks go to
    the text heuristics (``meta.naive``)."""
    evidence, meta = read_page(tree, deep, opts, rules)
    chosen = scorer.model_at(opts.html_model) if opts.html_model else scorer.model("html")
    rows, whole = page_features(evidence.blocks, evidence.signals, evidence.extracted, evidence.candidate,
                                chosen.class_table, rules.first_matching_rule, opts.url)
    first = chosen.first_stage(rows, whole)
    chars = [len(b.text) for b in evidence.blocks]
    meta.article = chosen.is_article(whole, first, chars)
    if not meta.article:
        blocks = _as_scored(evidence, chosen, rows, whole, first, opts)
        if sum(len(b.text) for b in blocks if b.label != "bad") >= EXTRACTION_MIN_CHARS:
            return blocks, meta
    if sum(len(b.text) for b in evidence.extraction) >= EXTRACTION_MIN_CHARS:
        return _as_extracted(tree, evidence, meta, opts), meta
    meta.naive = True
    return [Block(b.text, kind_of(b.tag)) for b in evidence.blocks], meta


def _as_scored(evidence: Evidence, chosen: scorer.Model, rows: list[dict], whole: dict, first: list[float],
               opts: Options) -> list[Block]:
    """The page's blocks, each labelled by the scorer's second stage (``model.boilerplate``, with ``explain``
    the features that weighed most against it)."""
    probabilities, second = chosen.second_stage(rows, whole, first, [len(b.text) for b in evidence.blocks],
                                                [b.ancestors for b in evidence.blocks])
    threshold = chosen.threshold(article=False)
    blocks = []
    for b, p, row, around in zip(evidence.blocks, probabilities, rows, second):
        if p >= threshold:
            blocks.append(Block(b.text, kind_of(b.tag)))
        else:
            why = f"{MODEL_REMOVAL}: {chosen.why(row, around)}" if opts.explain else MODEL_REMOVAL
            blocks.append(Block(b.text, kind_of(b.tag), "bad", why))
    return blocks


MODEL_REMOVAL = "model.boilerplate"
NOT_EXTRACTED = "html.not_extracted"
EXTRACTION_MIN_CHARS = 150  # characters: less than this from trafilatura is not an article (as pipeline's check)


def _as_extracted(tree, evidence: Evidence, meta: PageMeta, opts: Options) -> list[Block]:
    """The extraction's blocks, a paragraph that is one link elsewhere marked (``html.link_paragraph``), and
    the page's blocks it left out, marked too (``html.not_extracted``)."""
    blocks = evidence.extraction
    if LINK_PARAGRAPH not in opts.disabled_rules:  # disabled by its name, as the rules are
        _mark_link_paragraphs(tree, blocks, (meta.headlines[0] if meta.headlines else None, meta.title))
    left_out = [Block(b.text, kind_of(b.tag), "bad", NOT_EXTRACTED)
                for b, share in zip(evidence.blocks, evidence.extracted) if share < 0.5]
    return left_out + blocks


class Evidence(Record):
    """What the scorer weighs of a page: its blocks, what the page says of itself, and for each block the share
    of its words that trafilatura's extraction holds, and that the candidate made of it holds; and the
    extraction's own blocks."""

    __slots__ = ("blocks", "signals", "extracted", "candidate", "extraction")

    def __init__(self, blocks: list[PageBlock], signals: PageSignals, extracted: list[float],
                 candidate: list[float], extraction: list[Block]) -> None:
        self._set(blocks, signals, extracted, candidate, extraction)


def read_page(tree, deep: bool, opts: Options, rules: RuleBook) -> tuple[Evidence, PageMeta]:
    """The page's evidence and metadata; the tree is pruned on the way (trafilatura's extraction)."""
    headlines = tuple(islice(filter(None, (" ".join(el.text_content().split()) for el in tree.iter("h1"))),
                             MAX_HEADLINES))
    large = sum(1 for _ in tree.iter("p")) > LARGE_PAGE
    meta = _composed(_page_meta(tree, opts, headlines) if not large else
                     PageMeta(url=opts.url, headlines=headlines, title=_title_tag(tree),
                              language=_declared_language(tree)))
    page = page_blocks(tree)  # before the extraction, which prunes the tree
    signals = page_signals(tree)
    body = None
    if not large:
        try:
            body = main_content(tree, opts.url, opts.fast or deep)
        except (TypeError, ValueError):
            pass
    extracted = list(extracted_blocks(body))
    return Evidence(page, signals, covered(page, [b.text for b in extracted]),
                    covered(page, _candidate(extracted, rules, meta)), extracted), meta


def _candidate(extracted: list[Block], rules: RuleBook, meta: PageMeta) -> list[str]:
    """What cleaner kept before it learned: trafilatura's extraction, less what a rule calls noise, from the
    headline on.  A candidate the scorer weighs, as it weighs the extraction itself."""
    kept = [b for b in extracted if rules.first_matching_rule(b.text, b.kind) is None]
    title = title_from_html(meta.title, meta.headlines, meta.site_name)
    return [b.text for b in from_headline(kept, title, meta.description, [])]


def _page_meta(tree, opts: Options, headlines: tuple[str, ...]) -> PageMeta:
    """The page's metadata (trafilatura's reading of it, and the byline cleaner finds when it names nobody)."""
    from . import trafilatura_steps as steps

    try:
        doc = steps.page_metadata(tree, opts.url, date=False, byline=False)
    except (TypeError, ValueError):  # what trafilatura's bare_extraction gives up on
        return PageMeta(url=opts.url, headlines=headlines)
    from . import comments, metadata

    meta = PageMeta(url=doc.url or opts.url, headlines=headlines, title=doc.title or None,
                    site_name=doc.sitename or None, language=_declared_language(tree),
                    **metadata.read(tree, opts.url, doc))
    meta.comments = comments.read(tree) if opts.comments else []  # before the prunes drop them
    if not meta.authors:
        meta.bylines = bylines_in_page(tree)
    return meta


def _composed(meta: PageMeta) -> PageMeta:
    """The metadata's text in composed Unicode (NFC), as the blocks' (the page is not normalised whole: a
    scan of every character of the page, for the few strings cleaner returns)."""
    meta.headlines = tuple(nfc(h) for h in meta.headlines)
    for name in ("title", "site_name", "url", "description"):
        value = getattr(meta, name)
        if value:
            setattr(meta, name, nfc(value))
    meta.authors = [nfc(a) for a in meta.authors]
    meta.bylines = [nfc(b) for b in meta.bylines]
    return meta


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINK_PARAGRAPH_MIN_WORDS = 4  # a shorter link is a name (a product, a place) as often as a teaser


def _mark_link_paragraphs(tree, blocks: list[Block], titles: tuple = ()) -> None:
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
    for a in tree.iter("a"):
        text = a.text if len(a) == 0 else a.text_content()
        if text is None or (a.get("href") or "#").startswith("#"):
            continue
        if len(text) >= shortest:
            whole = nfc(" ".join(text.split()))
            if whole in wanted:
                found[whole] = found.get(whole, False) or (len(a) > 0 and next(a.iter(*_HEADINGS), None) is not None)
        if len(text.split()) >= LINK_PARAGRAPH_MIN_WORDS:
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
    elements (an element's ``tail``): it is a paragraph too.  Each block carries its shape (``blocks``)."""
    if body is None:
        return
    pieces = []  # (kind, text, shape)
    if body.text and body.text.strip():
        pieces.append(("p", body.text, None))
    for number, el in enumerate(body.iterchildren()):
        if el.tag == "list":
            pieces.extend(("li", " ".join(item.itertext()), shape) for item, shape in _list_items(el))
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
        text = " ".join(text.split())
        if text:
            yield Block(nfc(text), kind=kind, shape=shape)


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
        yield item, shape_for("li", lists, text=nfc(" ".join(" ".join(own).split())))


def _preformatted(el) -> str:
    """A code block's text as the page sets it: line breaks and indentation kept, blank lines at either end
    dropped."""
    return nfc("".join(el.itertext())).strip("\n")


# --- The main content: trafilatura's steps, and cleaner's own between them ----------------------------------
def main_content(tree, url: str | None, fast: bool):
    """The page's main content (trafilatura's XML body element), or None: trafilatura's steps in its order
    (``trafilatura_steps``), and two of cleaner's own: an article body split in two around an ad row is joined
    before the extraction, and a short extraction is tried again with the headline's container unwrapped."""
    from . import trafilatura_steps as steps

    options = steps.extractor_options(url, fast)
    bodies: dict[str, list] = {}
    steps.prune_raw_tree(tree, steps.is_forum_page(tree), lambda el: _note_body_container(el, bodies))
    _join_split_body(tree, bodies)
    body, text = steps.main_extraction(tree, options, url)
    if len(text) < options.min_extracted_size and _unwrap_headline_container(tree):
        a_body, a_text = steps.main_extraction(tree, options, url)
        if len(a_text) > len(text):
            body, text = a_body, a_text
    body, text = steps.rescue_with_baseline(tree, body, text, options)
    body, text = steps.escalate_recall(tree, body, text, options, url, fast)
    return body if len(text) >= options.min_output_size else None


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
