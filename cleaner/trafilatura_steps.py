"""trafilatura's own steps, copied or called one by one: the main content and the metadata of a page.

This is the one module that reaches into trafilatura's internals (and htmldate's).  Each function here gives
what the trafilatura 2.3.1 function it follows gives (htmldate 1.11), checked by tests/test_trafilatura_steps.py
against that function; setup.cfg pins trafilatura to 2.3.x for this reason.  ``cleaner/html.py`` runs the steps
in trafilatura's order and adds cleaner's own HTML heuristics between them.  The module is imported only when
HTML arrives (trafilatura takes ~250 ms to import).

Main content (``trafilatura.core.trafilatura_sequence`` and what it calls):

* ``prune_raw_tree``: its two raw-tree prunes, ``prune_unwanted_nodes`` with ``RAW_TREE_PRUNE_XPATH`` and, unless
  the page is a forum thread, ``REMOVE_COMMENTS_AND_LISTS_XPATH`` (``trafilatura.xpaths``), tested in Python on
  the few tags they concern, not by XPath over the page;
* ``main_extraction``: ``core._prepare_tree`` then ``main_extractor.extract_content``, without the deep copy of
  the cleaned tree that ``extract_content`` takes of every page though only a short extraction reads it (such
  an extraction gets the same cleaning of the same page anew: ``extract_content_without_backup``), whose
  search for text outside the main pass (``recover_wild_text``) takes lists and headings too (trafilatura's takes
  lists in its recall mode only);
* ``rescue_with_baseline``: its baseline rescue (``baseline.baseline`` on the whole page);
* ``escalate_recall``: its recall escalation (``core._recall_retry`` and ``external.justext_rescue``), where
  ``page_text_length`` measures the page as ``baseline.html2txt`` does, in one pass and without a copy (and
  ``page_text_bound`` first, cheaper, an upper bound of it), and ``justext_rescue`` revises jusText's classes
  by their neighbours in linear time (``revise_classification``, as ``justext.core`` 3.0 revises them).

Left out: readability's and jusText's comparison with the main extractor (``core.compare_extraction``): on the
development sets it changed few pages and made them worse on balance, for a fifth of the time.  The tree is not
copied before the prunes: the caller reads the metadata and the bylines first.

Metadata (``trafilatura.metadata.extract_metadata``, only the fields cleaner returns: title, author, URL, date,
site name; no categories, tags or license):

* ``page_metadata``: its steps for those fields, in its order;
* ``page_author``: ``metadata.extract_author``, as one pass over the page that selects what its
  ``AUTHOR_XPATHS`` select and reads the text its copy pruned by ``AUTHOR_DISCARD_XPATHS`` would give;
* ``normalize_json``: ``json_metadata.normalize_json``, lone surrogates removed by one substitution (a JSON-LD
  block can hold a whole article); ``_meta_json`` is ``metadata.extract_meta_json`` with it;
* ``htmldate_params``: ``htmldate.find_date``'s parameters, without its extensive search (it falls back to
  dateparser over ~200 locales, which costs seconds in a fresh process and finds little on news pages);
* ``page_date``: htmldate's search with those parameters, for a page whose date cleaner's own reading
  (``cleaner/metadata.py``) did not find.
"""
from __future__ import annotations

import json
import re
from copy import copy
from datetime import date
from functools import lru_cache
from html import unescape

from htmldate import find_date
from lxml import etree
from lxml.etree import Element, SubElement, strip_elements, strip_tags
from trafilatura.baseline import _BLOCK_ELEMS, baseline
from trafilatura.core import (ESCALATION_ACCEPT_RATIO, ESCALATION_JUSTEXT_RATIO, ESCALATION_MAX_LENGTH,
                              ESCALATION_PAGE_SHARE, _forum_thread_page)
from justext.core import ParagraphMaker, classify_paragraphs
from justext.utils import get_stoplist
from trafilatura import external
from trafilatura.baseline import basic_cleaning
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.json_metadata import (JSON_UNICODE_REPLACE, extract_json, extract_json_parse_error,
                                       normalize_authors)
from trafilatura.main_extractor import (MIN_DUPLICATE_LENGTH, _elem_text, handle_textelem,
                                        prune_unwanted_sections)
from trafilatura.main_extractor import _extract as _main_pass
from trafilatura.metadata import (JSON_MINIFY, META_URL, examine_meta, extract_author, extract_sitename,
                                  extract_title, extract_url)
from trafilatura.settings import DEDUPE_SCAN_CAP, JUSTEXT_LANGUAGES, TAG_CATALOG, Extractor
from trafilatura.utils import HTML_STRIP_TAGS, SPACING_PROTECTED, text_chars_test, trim
from trafilatura.xml import delete_element
from trafilatura.xpaths import OVERALL_DISCARD_XPATH

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable


def extractor_options(url: str | None, fast: bool) -> Extractor:
    """trafilatura's settings for cleaner: no comments, images or links; tables; no deduplication."""
    return Extractor(output_format="python", fast=fast, comments=False, tables=True, images=False, links=False,
                     dedup=False, url=url)


def is_forum_page(tree) -> bool:
    return _forum_thread_page(tree)


# --- The raw-tree prunes ------------------------------------------------------------------------------------
_PRUNE_RAW_TAGS = ("div", "section", "aside")
_INFINITE = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENTS_TAGS = ("div", "list", "section", "details", "ol", "ul")
_PRUNE_TAGS = tuple(sorted(set(_PRUNE_RAW_TAGS + _COMMENTS_TAGS)))
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def _test(pattern: re.Pattern, value: str | None) -> bool:
    """EXSLT's re:test on an attribute: a missing attribute is the empty string."""
    return pattern.search(value or "") is not None


def prune_raw_tree(tree, forum: bool, visit: Callable[[object], None] | None = None,
                   spare: Callable[[object], bool] | None = None) -> None:
    """RAW_TREE_PRUNE_XPATH and, unless the page is a forum thread, REMOVE_COMMENTS_AND_LISTS_XPATH:
    infinite-scroll containers of follow-up articles, share buttons, comment sections.  Each is deleted with
    its content; its tail text stays.  ``visit``, if given, is called with each element the prunes look at (a
    div, section, aside or list with an id or a class), before any is deleted: a caller's own search of
    those elements rides on this pass over the page.  A comment section for which ``spare``, if given, is
    true stays (the caller's judgement that the name misleads)."""
    infinite, share, comments = [], [], []
    for el in tree.iter(*_PRUNE_TAGS):
        ident, cls = el.get("id"), el.get("class")
        if ident is None and cls is None or el is tree:
            continue
        if visit is not None:
            visit(el)
        if el.tag in _PRUNE_RAW_TAGS:
            if (_test(_INFINITE, ident) or _test(_INFINITE, cls)) and (
                    el.find(".//h1") is None or _test(_APPENDED, ident) or _test(_APPENDED, cls)):
                infinite.append(el)
            if cls and "elementor-share-buttons" in cls:
                share.append(el)
        if not forum and el.tag in _COMMENTS_TAGS and (_test(_COMMENTS_ID, ident) or _test(_COMMENTS_CLASS, cls)) and (
                el.tag not in ("ol", "ul") or _test(_COMMENTS_LIST_ID, ident) or _test(_COMMENTS_CLASS, cls)):
            comments.append(el)
    if spare is not None:
        comments = [el for el in comments if not spare(el)]
    for found in (infinite, share, comments):  # in trafilatura's order
        for el in found:
            delete_element(el)


def names_comments(word: str) -> bool:
    """Whether a class word (lower case) names a comment section as the comments prune's class pattern does."""
    return _COMMENTS_CLASS.match(word) is not None


@lru_cache(maxsize=4096)
def discards(attribute: str, value: str) -> bool:
    """Whether the main extractor's first prune (``OVERALL_DISCARD_XPATH``) deletes a div whose only attribute
    is this one ("class" "expandable", "style" "overflow: hidden")."""
    holder = Element("body")
    SubElement(holder, "div", {attribute: value})
    return any(expression(holder) for expression in OVERALL_DISCARD_XPATH)


# --- The main extractor -------------------------------------------------------------------------------------
def main_extraction(tree, options: Extractor, url: str | None, recover: bool = True):
    """trafilatura's main extractor on a cleaned copy of the tree: (body, text); without ``recover``, its main
    pass alone (no search for text outside it when that comes out short)."""
    return extract_content_without_backup(cleaned_copy(tree, options, url), options,
                                          lambda: cleaned_copy(tree, options, url), recover)


def cleaned_copy(tree, options: Extractor, url: str | None):
    """A copy of the tree as trafilatura's main extractor reads it (the same elements each time)."""
    return convert_tags(tree_cleaning(copy(tree), options), options, url)


def extract_content_without_backup(cleaned, options: Extractor, cleaned_again, recover: bool = True):
    """``main_extractor.extract_content``, without its backup: a short extraction gets the cleaned tree it
    recovers text from from ``cleaned_again``, the same cleaning of the same page, element for element (unless
    ``recover`` is off)."""
    order = list(cleaned.iter())  # the elements in source order, before the main pass moves some
    result_body, temp_text, potential_tags = _main_pass(cleaned, options)
    if recover and (len(result_body) == 0 or len(temp_text) < options.min_extracted_size):
        backup = cleaned_again()
        consumed = {twin for elem, twin in zip(order, backup.iter(), strict=True) if elem.tag == "done"}
        result_body = recover_wild_text(backup, result_body, options, potential_tags, consumed)
        temp_text = " ".join(result_body.itertext()).strip()
    # from here on as trafilatura
    previous = None
    for el in list(result_body):
        current = _elem_text(el)
        if current and current == previous and len(current) > MIN_DUPLICATE_LENGTH:
            delete_element(el, keep_tail=False)
        else:
            previous = current
    strip_elements(result_body, "done")
    strip_tags(result_body, "div")
    for linebreak in result_body.iter("lb"):
        if (linebreak.tail and not text_chars_test(linebreak.tail)
                and not any(anc.tag in SPACING_PROTECTED for anc in linebreak.iterancestors())):
            linebreak.tail = None
    return result_body, temp_text


# trafilatura's wild-text search (``recover_wild_text``), with lists and headings: in its balanced mode it searches
# paragraphs, quotes, code and tables only, and a page whose article is in no container its patterns know
# comes back without the lists between its paragraphs and without its headings (its recall mode searches lists,
# divs and line breaks).  In balanced mode a list is taken when a paragraph or a heading stands next to it
# (``_by_a_paragraph``): a menu or a row of icons taken too would lengthen the extraction and keep the later
# rescues from the page; a heading is taken when a paragraph or a list follows it (``_heads_a_text``): a
# section's title, not a widget's.
WILD_SEARCH = ".//code|.//p|.//quote|.//table|.//div[contains(@class, 'w3-code')]|.//list|.//head"


def recover_wild_text(tree, result_body, options: Extractor, potential_tags: set[str] | None = None,
                      consumed: set | None = None):
    """``main_extractor.recover_wild_text`` (trafilatura 2.3.1), searching ``WILD_SEARCH`` in balanced mode (a
    list next to a paragraph or a heading, a heading before a paragraph or a list): the elements of the cleaned
    page that the main pass did not take, appended in order, unless their text is there already."""
    potential_tags = set(TAG_CATALOG if potential_tags is None else potential_tags)
    search_expr = WILD_SEARCH
    if options.focus == "recall":
        potential_tags.update(["div", "lb"])
        search_expr += "|.//div|.//lb"
    search_tree = prune_unwanted_sections(tree, potential_tags, options, keep_teasers=options.fast)
    subelems = search_tree.xpath(search_expr)
    if options.focus != "recall":  # (before the loop, which moves the paragraphs it takes)
        subelems = [el for el in subelems if el.tag not in _WILD_ALONE or _WILD_ALONE[el.tag](el)]
    else:  # its own search: divs, which hold the headings
        subelems = [el for el in subelems if el.tag != "head"]
    elem_texts = [_elem_text(el) for el in result_body]
    existing = "\n".join(filter(None, elem_texts))
    existing_elems = set(elem_texts)
    handled: set = set()  # elements emitted or deduplicated whole: their descendants are covered
    for subelem in subelems:
        if (consumed and subelem in consumed) or any(a in handled for a in subelem.iterancestors()):
            continue
        processed = handle_textelem(subelem, potential_tags, options)
        if processed is None:
            continue
        if processed is subelem:
            handled.add(subelem)
        text = _elem_text(processed)
        images = {img.get("src") for img in processed.iter("graphic")}
        if not text and images and images <= {g.get("src") for g in result_body.iter("graphic")}:
            continue
        under_cap = len(existing) <= DEDUPE_SCAN_CAP
        fragment = trim(text + (processed.tail or "")) if text_chars_test(processed.tail) else ""
        if text and (text in existing_elems or (under_cap and (
                (len(text) > MIN_DUPLICATE_LENGTH and text in existing) or (fragment and fragment in existing)))):
            continue
        result_body.append(processed)
        if under_cap:
            existing += "\n" + (fragment or text)
        existing_elems.add(text)
    return result_body


_TEXT_TAGS = frozenset({"p", "head"})  # a paragraph, a heading (as trafilatura's conversion names them)


def _by_a_paragraph(el) -> bool:
    """Whether the element stands next to a paragraph or a heading of text, before it or after it: a list
    that is part of a text, not a menu or a row of icons.  An element alone in its parent stands where its
    parent does (a wrapper); a neighbour that wraps text ends (before it) or starts (after it) with it."""
    while el.getprevious() is None and el.getnext() is None and el.getparent() is not None:
        el = el.getparent()
    return _is_text(_edge(el.getprevious(), -1)) or _is_text(_edge(el.getnext(), 0))


def _heads_a_text(el, depth: int = 0) -> bool:
    """Whether the next paragraph, list or heading with text in reading order (wherever the page's wrappers set
    it) is a paragraph or a list, or a heading that heads one (a section's title, then its first subsection's:
    up to HEADINGS_IN_A_ROW in a row)."""
    following = next((node for node in _after(el) if node.tag in _TEXT_OR_LIST and text_chars_test(
        node.text_content())), None)
    if following is None:
        return False
    if following.tag == "head":
        return depth + 1 < HEADINGS_IN_A_ROW and _heads_a_text(following, depth + 1)
    return True


_TEXT_OR_LIST = frozenset({"p", "list", "head"})


def _after(el):
    """The elements after this one in reading order (not those it holds), walked as far as the caller reads:
    an XPath ``following::`` axis would gather them all, for each heading of the page."""
    node = el
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


HEADINGS_IN_A_ROW = 3


_WILD_ALONE = {"list": _by_a_paragraph, "head": _heads_a_text}  # what the balanced search takes only in a text


def _edge(el, end: int):
    """The element, or its first (0) or last (-1) child when it is a wrapper."""
    return el[end] if el is not None and el.tag not in _TEXT_TAGS and len(el) else el


def _is_text(el) -> bool:
    return el is not None and el.tag in _TEXT_TAGS and text_chars_test(el.text_content())


# --- The rescues: trafilatura's baseline, and recall escalation ---------------------------------------------
def rescue_with_baseline(tree, body, text: str, options: Extractor):
    """A short extraction gives way to trafilatura's baseline on the whole page when that finds more."""
    if len(text) >= options.min_extracted_size:
        return body, text
    b_body, b_text, b_len = baseline(tree)
    return (b_body, b_text) if b_len > len(text) else (body, text)


def escalate_recall(tree, body, text: str, options: Extractor, url: str | None, fast: bool):
    """A short extraction covering little of the page is retried in recall mode, and jusText beside it
    (unless ``fast``); the larger wins when it is clearly larger."""
    if not (0 < len(text) < ESCALATION_MAX_LENGTH and len(text) < ESCALATION_PAGE_SHARE * page_text_bound(tree)
            and len(text) < ESCALATION_PAGE_SHARE * page_text_length(tree)):
        return body, text
    r_options = copy(options)
    r_options.focus = "recall"
    r_text = j_text = ""
    try:  # guarded as trafilatura guards them
        r_body, r_text = main_extraction(tree, r_options, url)
    except Exception:
        pass
    if not fast:
        try:
            j_body, j_text = justext_rescue(copy(tree), options)
        except Exception:
            pass
    if len(j_text) > len(r_text) and len(j_text) > ESCALATION_JUSTEXT_RATIO * len(text):
        return j_body, j_text
    if len(r_text) >= options.min_extracted_size and len(r_text) > ESCALATION_ACCEPT_RATIO * len(text):
        return r_body, r_text
    return body, text


def justext_rescue(tree, options: Extractor):
    """``external.justext_rescue`` (its ``try_justext``), with jusText's revision of the classes by their
    neighbours in linear time (``revise_classification``), and nothing logged."""
    body = Element("body")
    if options.lang in JUSTEXT_LANGUAGES:
        stoplist = get_stoplist(JUSTEXT_LANGUAGES[options.lang])
    else:
        stoplist = external.JT_STOPLIST or external.jt_stoplist_init()
    try:
        paragraphs = ParagraphMaker.make_paragraphs(basic_cleaning(tree))
        classify_paragraphs(paragraphs, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
        revise_classification(paragraphs, 150)
    except Exception:  # as trafilatura guards it
        pass
    else:
        for paragraph in paragraphs:
            if not paragraph.is_boilerplate:
                SubElement(body, "p").text = paragraph.text
    return body, trim(" ".join(body.itertext()))


def revise_classification(paragraphs: list, max_heading_distance: int) -> None:
    """``justext.core.revise_paragraph_classification``, class for class, in time linear in the paragraphs:
    jusText walks from each short paragraph to the nearest good or bad one on each side, which over a page of
    thousands of short ones in a row costs their number squared (20,000 headings: 46 s).  Here each walk is
    one lookup in a table of the nearest such paragraph, and each heading's walk over the next 150 characters
    one difference of running sums."""
    texts = [len(p.text) for p in paragraphs]  # (a property that joins the text again at each call)
    before = [p.class_type for p in paragraphs]  # jusText's first pass reads these for the paragraphs after
    for p in paragraphs:
        p.class_type = p.cf_class
    for i in _headings_near_good(paragraphs, before, texts, max_heading_distance, lambda p, c: c == "short"):
        paragraphs[i].class_type = "neargood"
    classes = [p.class_type for p in paragraphs]  # short ones are judged all on these (jusText defers the change)
    prev_gb, next_gb = _nearest(classes, ("good", "bad"))
    prev_any, next_any = _nearest(classes, ("good", "bad", "neargood"))
    for i, c in enumerate(classes):
        if c != "short":
            continue
        prev, nxt = prev_gb[i], next_gb[i]
        if prev == "good" and nxt == "good":
            paragraphs[i].class_type = "good"
        elif prev == "bad" and nxt == "bad":
            paragraphs[i].class_type = "bad"
        elif prev == "bad" and prev_any[i] == "neargood" or nxt == "bad" and next_any[i] == "neargood":
            paragraphs[i].class_type = "good"
        else:
            paragraphs[i].class_type = "bad"
    # near-good ones, in order: those before one are decided by then, those after it not yet
    next_gb = _nearest([p.class_type for p in paragraphs], ("good", "bad"))[1]
    prev = "bad"
    for i, p in enumerate(paragraphs):
        if p.class_type == "neargood":
            p.class_type = "bad" if (prev, next_gb[i]) == ("bad", "bad") else "good"
        if p.class_type in ("good", "bad"):
            prev = p.class_type
    classes = [p.class_type for p in paragraphs]
    for i in _headings_near_good(paragraphs, classes, texts, max_heading_distance,
                                 lambda p, c: c == "bad" and p.cf_class != "bad"):
        paragraphs[i].class_type = "good"


def _nearest(classes: list[str], wanted: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """For each paragraph, the class of the nearest one before it and after it whose class is ``wanted``
    ("bad" past either end)."""
    prev, last = [], "bad"
    for c in classes:
        prev.append(last)
        if c in wanted:
            last = c
    nxt, last = [], "bad"
    for c in reversed(classes):
        nxt.append(last)
        if c in wanted:
            last = c
    nxt.reverse()
    return prev, nxt


def _headings_near_good(paragraphs: list, classes: list[str], lengths: list[int], distance: int, judged) -> list[int]:
    """The headings (``judged(paragraph, its class)``) followed by a good paragraph (by ``classes``) within
    ``distance`` characters of the paragraphs between them, as jusText's walk finds them."""
    good_after = [None] * (len(classes) + 1)  # the first good paragraph at or after each index
    for i in range(len(classes) - 1, -1, -1):
        good_after[i] = i if classes[i] == "good" else good_after[i + 1]
    before = [0]  # the length of the paragraphs before each index
    for n in lengths:
        before.append(before[-1] + n)
    found = []
    for i, p in enumerate(paragraphs):
        if p.heading and judged(p, p.class_type):
            j = good_after[i + 1]
            if j is not None and before[j] - before[i + 1] <= distance:
                found.append(i)
    return found


# trafilatura.settings.BASIC_CLEAN_XPATH, which trafilatura's page measure prunes
_NOT_TEXT = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})
_CONSENT = re.compile(r"cookie[-_]?(?:banner|bar|consent|law|notice|policy|description)|notice[-_]{0,2}cookie"
                      r"|consent[-_]?(?:banner|manager|sdk)|borlabs|cookiebot|cmplz|onetrust|moove[-_]?gdpr", re.I)
_SPACED = frozenset(_BLOCK_ELEMS)  # the block elements trafilatura's page measure puts a space around


def page_text_length(tree) -> int:
    """The length of the page's text as trafilatura's ``html2txt`` measures it (without asides, footers,
    scripts, styles, cookie notices; block boundaries spaced), in one pass and without a copy."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    parts: list[str] = []
    pruned = set()
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not body and tag and _pruned_in_page_text(el):
                pruned.add(el)
                walker.skip_subtree()
                continue
            if tag in _SPACED:
                parts.append(" ")
            if tag and el.text:
                parts.append(el.text)
        elif el is not body:
            if tag in _SPACED and el not in pruned:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
    return len(" ".join("".join(parts).split()))


def page_text_bound(tree) -> int:
    """At least page_text_length(tree), cheaply: all the text of the body, whitespace collapsed, plus the
    two spaces each element may add, less the scripts and styles (one character less each: taking one out
    may join two words)."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    length = len(" ".join(body.text_content().split())) + 2 * int(body.xpath("count(descendant-or-self::*)"))
    for el in body.iter("script", "style"):
        if el.text:
            length -= len(" ".join(el.text.split())) - 1
    return length


def _pruned_in_page_text(el) -> bool:
    tag = el.tag
    if tag in _NOT_TEXT:
        return True
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return False
    if tag == "div":
        first = next((v for k, v in el.items() if k in ("class", "id")), None)  # XPath: the first in the page
        if first and "footer" in first:
            return True
    return bool((cls and _CONSENT.search(cls)) or (ident and _CONSENT.search(ident)))


# --- Metadata -----------------------------------------------------------------------------------------------
def htmldate_params() -> dict:
    """htmldate without its extensive search."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def page_metadata(tree, default_url: str | None, date: bool = True, byline: bool = True):
    """A trafilatura ``Document`` with title, author, url, date and sitename filled as
    ``trafilatura.metadata.extract_metadata`` fills them (other fields may be left empty); without the date
    when ``date`` is False, and without the byline search of the page (``page_author``) when ``byline`` is False
    (cleaner reads them first itself, and asks for these only when it finds none: ``cleaner/metadata.py``)."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = _meta_json(tree, metadata)
    except Exception:  # bugs in trafilatura's JSON-LD reading, as it guards them
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author and byline:
        metadata.author = page_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, default_url)
    if date:
        metadata.date = find_date(tree, url=metadata.url, **htmldate_params())
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


def page_date(tree, url: str | None) -> str | None:
    """htmldate's search of the page for its date, without its extensive one (``htmldate_params``)."""
    return find_date(tree, url=url, **htmldate_params())


def _meta_json(tree, metadata):
    """``metadata.extract_meta_json``: the metadata in the page's JSON-LD, its text normalised by
    ``normalize_json``."""
    for elem in tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]'):
        if not elem.text:
            continue
        element_text = normalize_json(JSON_MINIFY.sub(_string_or_nothing, elem.text))
        try:
            metadata = extract_json(json.loads(element_text, strict=False), metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(element_text, metadata)
    return metadata


def _string_or_nothing(match) -> str:
    """JSON_MINIFY's replacement: a JSON string stays, the whitespace between goes (as its template, a
    reference to the first group, does)."""
    return match[1] or ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_json(string: str) -> str:
    """``trafilatura.json_metadata.normalize_json``, the same result."""
    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = _SURROGATE.sub("", string)
        string = unescape(string)
    return trim(HTML_STRIP_TAGS.sub("", string))


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


def page_author(tree) -> str | None:
    """trafilatura's ``extract_author``: the first short text among the elements its author expressions
    select, by priority then page order, on the page without comments, sidebars, dates and figures."""
    if tree.find(".//rel") is not None:  # a <rel> element: trafilatura's own expression tests its text
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
