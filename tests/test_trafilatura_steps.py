"""cleaner/trafilatura_steps.py: each step gives what the trafilatura function it follows gives."""
from copy import deepcopy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner import clean, html
from cleaner import trafilatura_steps as steps

from test_html import ARTICLE, PAGE  # noqa: E402


def _serialise(tree):
    return etree.tostring(tree, encoding="unicode")


def test_metadata_same_as_trafilatura():
    from trafilatura.metadata import extract_metadata

    tree = html.parse(PAGE)
    ours = steps.page_metadata(tree, "https://example.com/x")
    theirs = extract_metadata(tree, "https://example.com/x", steps.htmldate_params(), True, set())
    for name in ("title", "author", "url", "date", "sitename"):
        assert getattr(ours, name) == getattr(theirs, name), name


@pytest.mark.parametrize("snippet", [
    '<div class="byline">By <span class="author">Jane Doe</span></div>',
    '<p class="meta">Posted by <a rel="author" href="/jd">Jane Doe</a></p>',
    '<div class="sidebar"><span class="author">Not Me</span></div><span class="writer">Anna Smith</span>',
    '<div id="comments"><span class="author-name">Commenter</span></div><div class="author">Jo Bloggs</div>',
    '<span itemprop="author">Max <time>today</time>Mustermann</span>',
    '<div class="post-author">Ann Lee <figure>photo credit</figure> and Bob Roe</div>',
    '<author>Hans Huber</author>',
    '<div data-component="Byline">Li Wei</div>',
    '<h3 id="author-box">Short</h3><p class="AuthorName">Kim Park</p>',
    '<p>No author here at all.</p>',
    '<span class="author">' + "x" * 130 + '</span><span class="author">Real Name</span>',
])
def test_author_same_as_trafilatura(snippet):
    from trafilatura.metadata import extract_author

    tree = html.parse(f"<html><body><article><p>{ARTICLE}</p>{snippet}</article></body></html>")
    assert steps.page_author(tree) == extract_author(tree)


@pytest.mark.parametrize("forum", [False, True])
def test_raw_prune_same_as_trafilatura(forum):
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    page = f"""<html><body><article><h1>Title</h1><p>{ARTICLE}</p>
    <div class="infinite-scroll"><h2>Next story</h2><p>More</p></div>tail one
    <section id="infinitescroll"><h1>Real headline</h1><p>kept: it holds the h1</p></section>
    <div class="mvp-post-add-box"><h1>Appended</h1></div>
    <div class="elementor-share-buttons">Share</div>tail two
    <ul class="comment-list"><li>a comment</li></ul><ol id="comments"><li>another</li></ol>
    <ul id="disqus_thread"><li>kept: a list with a disqus id</li></ul>
    <div id="disqus_thread">gone</div><div class="commentary">kept: commentary</div>
    <section class="post-comments">gone</section><div class="Comments-area">gone</div>
    </article></body></html>"""
    ours, theirs = html.parse(page), html.parse(page)
    steps.prune_raw_tree(ours, forum)
    prune_unwanted_nodes(theirs, RAW_TREE_PRUNE_XPATH)
    if not forum:
        prune_unwanted_nodes(theirs, REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert _serialise(ours) == _serialise(theirs)


def test_page_text_length_as_trafilatura_measures_it():
    from trafilatura.baseline import html2txt

    page = f"""<html><head><title>t</title><script>var x = 1;</script></head><body>
    <div>one<div>two</div>three</div><span>in</span><b>line</b>
    <aside>aside text</aside>after aside<div class="site-footer">footer text</div>
    <div id="CookieBanner">We use cookies</div><footer>foot</footer><p>{ARTICLE}</p>
    <script>ignored()</script><style>p {{}}</style><ul><li>a</li><li>b</li></ul></body></html>"""
    tree = html.parse(page)
    assert steps.page_text_length(tree) == len(html2txt(tree))
    assert steps.page_text_bound(tree) >= steps.page_text_length(tree)


@pytest.mark.parametrize("page", ["<p>a</p>", "<div>a<span>b</span>c</div><p>d<br>e</p>", "<ul><li>x</li><li>y</li></ul>",
                                  "  <div>  </div>  ", "<div><div><div>deep</div>er</div></div>",
                                  "a<script>var x = 1;</script>b <style> </style> c<script>  </script>d",
                                  "<p>one<script>f()</script>two</p><aside><script>g()</script>x</aside>y"])
def test_page_text_bound_is_an_upper_bound(page):
    tree = html.parse(f"<html><body>{page}</body></html>")
    assert steps.page_text_bound(tree) >= steps.page_text_length(tree)


def test_page_text_length_on_a_deep_page():
    page = "<html><body>" + "<li>x" * 5000 + "</body></html>"
    assert steps.page_text_length(html.parse(page)) > 0


# The main extractor takes the <article> (a teaser), which holds under a fifth of the page's text.
TEASER = "A short teaser about the council and its budget, with a few more words to make it longer. " * 2
SHORT_EXTRACTION = (f"<html><body><article><p>{TEASER}</p><p>{TEASER}</p></article><div class='wrap'>"
                    + "".join(f"<div><p>{ARTICLE} Part {i}.</p></div>" for i in range(12)) + "</div></body></html>")


def test_short_extraction_covering_little_of_the_page_is_retried():
    """trafilatura's recall escalation is kept: here jusText, tried beside the recall retry, finds the article."""
    art = clean(SHORT_EXTRACTION, kind="html")
    assert "Part 0." in art.text and "Part 11." in art.text


def test_fast_option_skips_the_jusText_candidate(monkeypatch):
    calls = []
    justext_rescue = steps.justext_rescue
    monkeypatch.setattr(steps, "justext_rescue", lambda *args: calls.append(1) or justext_rescue(*args))
    clean(SHORT_EXTRACTION, kind="html")
    assert calls
    calls.clear()
    assert "Part 11." not in clean(SHORT_EXTRACTION, kind="html", fast=True).text
    assert not calls


@pytest.mark.parametrize("page", [SHORT_EXTRACTION, PAGE,
                                  "<html><body>" + "".join(f"<h2>Heading {i}</h2><div>Part {i} with words.</div>"
                                                           f"<p>{ARTICLE if i % 7 == 3 else TEASER}</p>"
                                                           for i in range(40)) + "</body></html>"])
@pytest.mark.parametrize("lang", [None, "de"])
def test_justext_rescue_same_as_trafilatura(page, lang):
    from trafilatura.external import justext_rescue

    options = steps.extractor_options(None, False)
    options.lang = lang
    ours, theirs = steps.justext_rescue(html.parse(page), options), justext_rescue(html.parse(page), options)
    assert ours[1] == theirs[1] and _serialise(ours[0]) == _serialise(theirs[0])


def test_a_failing_fallback_costs_only_the_fallback(monkeypatch):
    def broken(*args):
        raise RuntimeError("jusText failed")

    monkeypatch.setattr(steps, "justext_rescue", broken)
    assert clean(SHORT_EXTRACTION, kind="html").text  # (the scorer reads the page's blocks beside the extraction)
    body = html.main_content(html.parse(SHORT_EXTRACTION), None, False)
    assert TEASER.strip() in " ".join(" ".join(body.itertext()).split())  # the extraction as it was


def test_tree_is_not_copied_but_metadata_comes_first():
    tree = html.parse(PAGE)
    before = deepcopy(tree)
    doc = steps.page_metadata(tree, None)
    assert _serialise(tree) == _serialise(before)  # the metadata steps leave the page as it is
    assert doc.author == "Jane Doe"


# the main pass finds only the lead in the <article>: the rest is recovered from outside it
SHORT_MAIN_PASS = ("<html><body><article><h1>Budget</h1><p>A short lead about the budget.</p></article>"
                   f"<div class='more'><p>{ARTICLE}</p><p>{ARTICLE} Again.</p></div></body></html>")


@pytest.mark.parametrize("page,short", [(SHORT_MAIN_PASS, True), (PAGE, False)])
def test_main_extractor_without_its_backup_gives_what_trafilatura_gives(page, short):
    """The cleaned tree a short extraction recovers text from is made anew, not copied for every page:
    the result is trafilatura's ``extract_content`` on its backup copy, element for element."""
    from trafilatura.main_extractor import extract_content

    tree = html.parse(page)
    options = steps.extractor_options(None, False)
    expected_body, expected_text = extract_content(steps.cleaned_copy(tree, options, None), options)
    made = []
    body, text = steps.extract_content_without_backup(steps.cleaned_copy(tree, options, None), options,
                                       lambda: made.append(1) or steps.cleaned_copy(tree, options, None))
    assert bool(made) is short
    assert (etree.tostring(body), text) == (etree.tostring(expected_body), expected_text)
    assert len(text) > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['a', ' ', '\\', 'n', 'u', '0', '4', '1', 'e', '\ud83d', '\ude00', '<', '>', '&amp;',
                                 '"', 'é', '\n', '😀']), max_size=40).map("".join))
def test_json_ld_text_is_normalised_as_trafilatura_does(text):
    """steps.normalize_json drops lone surrogates with one regex; the result is trafilatura's."""
    from trafilatura.json_metadata import normalize_json

    assert steps.normalize_json(text) == normalize_json(text)


@pytest.mark.parametrize("focus", ["balanced", "recall"])
def test_wild_text_search_is_trafilatura_s_with_lists_and_headings(focus):
    """steps.recover_wild_text searches what trafilatura's searches, and in balanced mode lists and headings too
    (its recall mode searches lists already, and the divs that hold headings): on a page without them, or in
    recall mode, the same body."""
    from copy import copy
    from lxml.etree import Element
    from trafilatura.main_extractor import recover_wild_text

    options = copy(steps.extractor_options(None, False))
    options.focus = focus
    plain = SHORT_MAIN_PASS.replace("<h1>Budget</h1>", "")
    listed = plain.replace("</div>", "<ul><li>The first of the reasons</li><li>The second</li></ul></div>")
    alone = plain.replace("</body>", "<div class='icons'><ul><li>The first of the icons</li></ul>"
                          "<ul><li>The second of the icons</li></ul></div></body>")  # lists by lists
    headed = (plain.replace("<div class='more'>", "<div class='more'><h2>What the budget holds</h2><h3>Schools</h3>")
              .replace("</div>", "<h3>A heading that heads nothing</h3></div>"))
    wrapped = plain.replace("<div class='more'>", "<div class='more'><div><h2>How the money is spent</h2></div>"
                            "<div><section><div>").replace("</div></body>", "</div></section></div></div></body>")
    # (the heading and its text each in wrappers of their own)
    for page in (plain, listed, alone, headed, wrapped):
        tree = html.parse(page)
        ours = steps.recover_wild_text(steps.cleaned_copy(tree, options, None), Element("body"), options)
        theirs = recover_wild_text(steps.cleaned_copy(tree, options, None), Element("body"), options)
        if page is listed and focus == "balanced":  # a list next to a paragraph
            assert "The second" in " ".join(ours.itertext()) and "The second" not in " ".join(theirs.itertext())
        elif page is headed and focus == "balanced":  # a heading before a paragraph; not one before nothing
            found = " ".join(ours.itertext())
            assert "What the budget holds" in found and "What the budget" not in " ".join(theirs.itertext())
            assert "Schools" in found  # a section's title, then its first subsection's
        elif page is wrapped and focus == "balanced":
            assert "How the money" in " ".join(ours.itertext()) and "How the money" not in " ".join(theirs.itertext())
            assert "heads nothing" not in found
        else:  # a list by no paragraph is left as trafilatura leaves it
            assert _serialise(ours) == _serialise(theirs)
        if page is alone:
            assert ("The first of the icons" in " ".join(ours.itertext())) is (focus == "recall")


def test_main_pass_alone_does_not_search_the_page_for_text():
    """Without ``recover``, a short main pass comes back as it is: no search for text outside it."""
    tree = html.parse(SHORT_MAIN_PASS)
    options = steps.extractor_options(None, False)
    made = []
    body, text = steps.extract_content_without_backup(steps.cleaned_copy(tree, options, None), options,
                                                      lambda: made.append(1), recover=False)
    assert not made and len(text) < options.min_extracted_size
    assert len(steps.main_extraction(tree, options, None)[1]) > len(text)


BOXED = "Parents had gathered outside the town hall since the early afternoon, holding up their banners."


@pytest.mark.parametrize("attribute,value,deleted", [
    ("class", "expandable", True), ("class", "listicle-slides", True), ("class", "kt-accordion-icon", True),
    ("style", "display: none", True), ("style", "overflow: hidden", True),
    ("class", "accordion", False), ("class", "entry-content", False), ("style", "color: red", False)])
def test_discards_tells_what_the_main_extractor_prunes(attribute, value, deleted):
    """``discards`` is the main extractor's first prune asked of one attribute; the page agrees with it."""
    assert steps.discards(attribute, value) is deleted
    text = " ".join([BOXED] * 3)
    page = (f"<html><body><article><h1>Council approves school budget</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>"
            f"<div {attribute}='{value}'><p>{text}</p></div><p>{ARTICLE}</p></article></body></html>")
    options = steps.extractor_options(None, False)
    assert (BOXED not in steps.main_extraction(html.parse(page), options, None)[1]) is deleted
