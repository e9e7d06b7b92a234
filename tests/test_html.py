"""The HTML stage: cleaner's own steps around trafilatura give what trafilatura's own steps give."""
from copy import deepcopy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cleaner import clean, html, metadata

ARTICLE = " ".join(["The council approved the new budget for the city's schools on Tuesday evening."] * 4)

PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves school budget | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.com/news/council-budget">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Council approves school budget</h1>
<div class="byline"><span class="author-name">Jane Doe</span> <time>5 March 2024</time></div>
<p>{ARTICLE}</p><p>{ARTICLE}</p><p>{ARTICLE}</p>
</article>
<div id="comments"><p class="author">Troll McTroll</p><p>First! This comment is not part of the article.</p></div>
<footer><p>Copyright The Daily Example</p></footer>
</body></html>"""


def test_metadata_fields_still_filled():
    art = clean(PAGE, kind="html")
    assert art.title == "Council approves school budget"
    assert list(art.authors) == ["Jane Doe"]
    assert art.date_published == "2024-03-05"
    assert art.site_name == "The Daily Example"
    assert art.url == "https://example.com/news/council-budget"
    assert ARTICLE in art.text
    assert "Troll" not in art.text and "First!" not in art.text


def test_metadata_same_as_trafilatura():
    from trafilatura.metadata import extract_metadata

    tree = html.parse(PAGE)
    ours = metadata.extract(tree, "https://example.com/x")
    theirs = extract_metadata(tree, "https://example.com/x", metadata.date_params(), True, set())
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
    assert metadata.author(tree) == extract_author(tree)


def _serialise(tree):
    return etree.tostring(tree, encoding="unicode")


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
    html._prune_raw(ours, forum)
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
    assert html.page_text_length(tree) == len(html2txt(tree))
    assert html._page_text_bound(tree) >= html.page_text_length(tree)


@pytest.mark.parametrize("page", ["<p>a</p>", "<div>a<span>b</span>c</div><p>d<br>e</p>", "<ul><li>x</li><li>y</li></ul>",
                                  "  <div>  </div>  ", "<div><div><div>deep</div>er</div></div>",
                                  "a<script>var x = 1;</script>b <style> </style> c<script>  </script>d",
                                  "<p>one<script>f()</script>two</p><aside><script>g()</script>x</aside>y"])
def test_page_text_bound_is_an_upper_bound(page):
    tree = html.parse(f"<html><body>{page}</body></html>")
    assert html._page_text_bound(tree) >= html.page_text_length(tree)


def test_depth_check_finds_the_100th_level():
    for depth, deep in ((98, False), (99, True), (150, True)):  # plus <html> and <body>
        tree = html.parse("<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>")
        assert bool(tree.xpath(html._DEEPER_THAN_MAX)) is deep


def test_page_text_length_on_a_deep_page():
    page = "<html><body>" + "<li>x" * 5000 + "</body></html>"
    assert html.page_text_length(html.parse(page)) > 0


# The main extractor takes the <article> (a teaser), which holds under a fifth of the page's text.
TEASER = "A short teaser about the council and its budget, with a few more words to make it longer. " * 2
SHORT_EXTRACTION = (f"<html><body><article><p>{TEASER}</p><p>{TEASER}</p></article><div class='wrap'>"
                    + "".join(f"<div><p>{ARTICLE} Part {i}.</p></div>" for i in range(12)) + "</div></body></html>")


def test_short_extraction_covering_little_of_the_page_is_retried():
    """trafilatura's recall escalation is kept: here jusText, tried beside the recall retry, finds the article."""
    art = clean(SHORT_EXTRACTION, kind="html")
    assert "Part 0." in art.text and "Part 11." in art.text


def test_fast_option_skips_the_jusText_candidate(monkeypatch):
    import trafilatura.external as external

    calls = []
    justext_rescue = external.justext_rescue
    monkeypatch.setattr(external, "justext_rescue", lambda *args: calls.append(1) or justext_rescue(*args))
    clean(SHORT_EXTRACTION, kind="html")
    assert calls
    calls.clear()
    assert "Part 11." not in clean(SHORT_EXTRACTION, kind="html", fast=True).text
    assert not calls


def test_a_failing_fallback_costs_only_the_fallback(monkeypatch):
    import trafilatura.external as external

    def broken(*args):
        raise RuntimeError("jusText failed")

    monkeypatch.setattr(external, "justext_rescue", broken)
    assert TEASER.strip() in clean(SHORT_EXTRACTION, kind="html").text


def test_page_with_encoding_declaration_in_a_str():
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE
    art = clean(page, kind="html")
    assert art.title == "Council approves school budget"
    assert ARTICLE in art.text


def test_tree_is_not_copied_but_metadata_comes_first():
    tree = html.parse(PAGE)
    before = deepcopy(tree)
    doc = metadata.extract(tree, None)
    assert _serialise(tree) == _serialise(before)  # the metadata steps leave the page as it is
    assert doc.author == "Jane Doe"


def test_language_from_the_page_declaration_else_from_the_text():
    german = ("<html lang='de-DE'><body><article><p>Der Stadtrat hat am Dienstag den Haushalt für Schulen und "
              "Straßen beschlossen, wie der Bürgermeister am Abend mitteilte.</p></article></body></html>")
    assert clean(german, kind="html").language == "de"
    undeclared = ("<html><body><article><p>The city council voted on Tuesday to approve the budget for the schools "
                  "and the roads of the region.</p><p>The mayor said that the work would begin in the spring and "
                  "end before the winter.</p></article></body></html>")
    assert clean(undeclared, kind="html").language == "en"
    assert clean(undeclared.replace("<html>", "<html lang='not a tag!'>"), kind="html").language == "en"


def _page_with_header(header: str, description: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (f"<html><head><title>Council approves school budget</title>{meta}</head><body><article>{header}"
            f"<p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>")


def test_blocks_above_the_headline_are_not_the_article():
    teaser = ("Night mode is a setting which takes advantage of the new camera of another product, "
              "a story of its own.")
    art = clean(_page_with_header(f"<p>{teaser}</p><h2>Now Available</h2><h1>Council approves school budget</h1>"),
                kind="html")
    assert art.title == "Council approves school budget"
    assert "Night mode" not in art.text and "Now Available" not in art.text
    assert art.text.startswith(ARTICLE[:40])
    assert {r.rule for r in art.removed} >= {"rebuild.before_title"}
    # a one-word title can be any menu's word: what precedes a block equal to it stays
    lead = "The city council met on Tuesday to vote on the budget of the schools for next year."
    page = (f"<html><head><title>Budget</title></head><body><article><p>{lead}</p><p>{ARTICLE}</p>"
            f"<h2>Budget</h2><p>{ARTICLE[:120]} And more words about it.</p></article></body></html>")
    assert lead in clean(page, kind="html").text


def test_a_heading_repeating_the_page_summary_is_the_standfirst():
    summary = "The board spent two hours on the figures before a vote that surprised nobody in the room."
    art = clean(_page_with_header(f"<h1>Council approves school budget</h1><h2>{summary}</h2>", summary),
                kind="html")
    assert "surprised nobody" not in art.text
    assert any(r.rule == "rebuild.standfirst" for r in art.removed)
    # the summary copied into the first paragraph is the article's own first paragraph: it stays
    art = clean(_page_with_header("<h1>Council approves school budget</h1>", ARTICLE[:60]), kind="html")
    assert art.text.startswith(ARTICLE[:40])
    # a heading that does not repeat the summary stays
    art = clean(_page_with_header(f"<h1>Council approves school budget</h1><h2>{summary}</h2>",
                                  "Another summary of the story."), kind="html")
    assert "surprised nobody" in art.text


def test_article_inside_an_aside_is_found():
    # a sidebar left open above the article: the parser puts the whole article inside the <aside>
    page = (f"<html><head><title>Council approves school budget</title></head><body><div class='wrap'>"
            f"<aside class='sidebar'><ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li></ul>"
            f"<div class='main'><article><h1>Council approves school budget</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>"
            f"</article></div></aside></div></body></html>")
    art = clean(page, kind="html")
    assert ARTICLE in art.text
    # an aside beside the article is still left out
    beside = (f"<html><body><article><h1>Council approves school budget</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>"
              f"</article><aside><h1>Most read</h1><p>Another story that everyone is reading today, about "
              f"something else entirely, with enough words to count.</p></aside></body></html>")
    assert "Another story" not in clean(beside, kind="html").text


MENU_SECOND = "The mayor said that work on the new classrooms would begin in the spring and end before winter."


def test_article_inside_an_unclosed_menu_is_found():
    # a menu whose list item is left open: the parser puts the article inside the <nav>, which
    # trafilatura drops with all it holds
    page = (f"<html><head><title>Council approves school budget</title></head><body><header><nav><ul>"
            f"<li><a href='/a'>Home</a></li><li><a href='/b'>News</a><div class='sub-menu'><ul><li><a href='/c'>"
            f"Local</a></li></ul><main><article><h1>Council approves school budget</h1><p>{ARTICLE}</p>"
            f"<p>{MENU_SECOND}</p></article></main></div></li></ul></nav></header></body></html>")
    art = clean(page, kind="html")
    assert art.paragraphs == (ARTICLE, MENU_SECOND)  # not the whole <article> glued in one block (a fallback's)
    # a menu beside the article is still left out, headline or not
    beside = (f"<html><body><nav><h1>Site menu</h1><ul><li><a href='/a'>Home of the county news</a></li></ul>"
              f"<p>Subscribe to our newsletter for the latest stories every single morning.</p></nav><article>"
              f"<h1>Council approves school budget</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>")
    text = clean(beside, kind="html").text
    assert ARTICLE in text and "newsletter" not in text

def test_headlines_after_a_teaser_label_at_the_end_go_with_it():
    related = "<p>You may also like...</p><p>Who will make the Hall of Fame in 2020?</p><p>Band takes over fan vote</p>"
    art = clean(_page_with_header("<h1>Council approves school budget</h1>").replace(
        "</article>", related + "</article>"), kind="html")
    assert "Hall of Fame" not in art.text and "fan vote" not in art.text
    assert ARTICLE in art.text
    assert {r.rule for r in art.removed} >= {"promos.teaser_list"}
    kept = clean(_page_with_header("<h1>Council approves school budget</h1>").replace(
        "</article>", related + "</article>"), kind="html", disabled_rules={"promos.teaser_list"})
    assert "fan vote" in kept.text  # the name turns it off, as a rule's does
    # sentences after the label are the article going on: they stay
    going_on = "The mayor said the work on the new classrooms would begin in the spring and end before winter."
    more = f"<p>Read more: the budget in figures</p><p>{going_on}</p>"
    art = clean(_page_with_header("<h1>Council approves school budget</h1>").replace(
        "</article>", more + "</article>"), kind="html")
    assert going_on in art.text


SECOND_HALF = " ".join(["After the vote, parents gathered outside the town hall to talk about the new classrooms."] * 4)


def test_article_body_cut_in_two_by_an_ad_row_is_read_whole():
    page = (f"<html><head><title>Council approves school budget</title></head><body><article>"
            f"<h1>Council approves school budget</h1>"
            f"<div class='grid'><div class='article__body'><p>{ARTICLE}</p><p>{ARTICLE[:200]}</p></div>"
            f"<div class='rail'><div class='ad'></div></div></div>"
            f"<div class='row ad-row'><span>Advertisement</span></div>"
            f"<div class='grid'><div class='article__body'><p>{SECOND_HALF}</p></div></div>"
            f"</article></body></html>")
    art = clean(page, kind="html")
    assert ARTICLE in art.text and SECOND_HALF in art.text
    assert art.text.index(ARTICLE) < art.text.index(SECOND_HALF)


def test_body_containers_with_text_between_them_stay_apart():
    between = "<p>Meanwhile the opposition said the plan came far too late for this school year.</p>"
    page = (f"<html><body><article><h1>Council approves school budget</h1>"
            f"<div class='post-body'><p>{ARTICLE}</p></div>{between}"
            f"<div class='post-body'><p>{SECOND_HALF}</p></div></article></body></html>")
    tree = html.parse(page)
    bodies: dict = {}
    html._prune_raw(tree, False, bodies)
    parts = [el for group in bodies.values() for el in group]
    assert len(parts) == 2
    html._join_split_body(tree, bodies)
    assert all(el.getroottree().getroot() is tree for el in parts)  # nothing moved
    assert len(parts[1]) == 1


def test_when_trafilatura_finds_no_article_the_text_heuristics_read_the_page(monkeypatch):
    # trafilatura comes back with a slogan (or nothing): the page's own blocks go through the heuristic
    # stage, which finds the article among them and leaves the menu.
    paragraphs = [
        "The city council voted on Tuesday to approve a budget that doubles the money spent on parks and "
        "playgrounds over the next two years, after a debate that ran late into the evening.",
        "Opponents argued that the plan would delay repairs to roads and bridges across the northern districts "
        "of the city, and asked for a second vote in the spring.",
        "The mayor said the first new playground would open in the spring, near the river, and that two more "
        "would follow before the end of next year if the weather allowed the work to go on.",
    ]
    page = ("<html><head><title>Council doubles parks budget</title></head><body><ul><li>Home</li><li>News</li>"
            "<li>Sport</li></ul><h1>Council doubles parks budget</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    slogan = etree.fromstring("<body><p>Your daily news.</p></body>")
    monkeypatch.setattr(html, "_main_content", lambda tree, url, fast: slogan)
    article = clean(page, kind="html")
    assert article.paragraphs == tuple(paragraphs)
    assert article.title == "Council doubles parks budget"


FILLERS = ["Teachers welcomed the decision, which restores the music lessons cut three years ago.",
           "Parents had gathered outside the town hall since the early afternoon, holding up their banners.",
           "The opposition said the sums did not add up and promised to raise the matter again in spring.",
           "Work on the two new classrooms is to start in the summer holidays and end before October."]


def test_a_paragraph_that_is_one_link_elsewhere_is_a_teaser():
    teaser = "CLICK HERE TO GET THE EXAMPLE NEWS APP"
    related = "Mayor opens the new bridge after two years of works"
    body = (f"<h1>Council approves school budget</h1><p>{ARTICLE}</p><p><a href='/app'>{teaser}</a></p>"
            f"<p>{ARTICLE[:150]} More words.</p><p><a href='https://example.com/bridge'><b>{related}</b></a></p>")
    art = clean(_page_with_header(body), kind="html")
    assert teaser not in art.text and related not in art.text
    assert ARTICLE in art.text and "More words." in art.text
    assert [r.rule for r in art.removed if r.stage == "html"] == ["html.link_paragraph"] * 2
    art = clean(_page_with_header(body), kind="html", disabled_rules={"html.link_paragraph"})
    assert related in art.text and not any(r.stage == "html" for r in art.removed)
    # kept: a link inside a sentence, a heading that is a link
    kept = ["<p>The mayor called <a href='/r'>the report of the auditors</a> a fair account of the years ahead.</p>",
            "<h2><a href='/s'>What the budget means for schools</a></h2>"]
    body = "<h1>Council approves school budget</h1>" + "".join(k + f"<p>{f}</p>" for k, f in zip(kept, FILLERS))
    art = clean(_page_with_header(body), kind="html")
    assert "the report of the auditors" in art.text and "What the budget means for schools" in art.text
    assert not any(r.stage == "html" for r in art.removed)
    # and a short link (a name: a product, a place), an in-page link, a list item
    from cleaner.article import Block

    tree = html.parse("<html><body><a href='/p'>Example Phone Pro</a><a href='#more'>More about the budget "
                      "below</a><a href='/l'>Sources of the budget figures online</a></body></html>")
    blocks = [Block("Example Phone Pro"), Block("More about the budget below"),
              Block("Sources of the budget figures online", kind="li")]
    html._mark_link_paragraphs(tree, blocks)
    assert [b.label for b in blocks] == ["good"] * 3


def test_a_paragraph_of_links_alone_is_a_row_of_teasers():
    first, second = "Why the new bridge took two years", "Five things to know about the school budget"
    row = f"<p><a href='/bridge'>{first}</a><br><br><a href='https://example.com/budget'>{second}</a></p>"
    body = f"<h1>Council approves school budget</h1><p>{ARTICLE}</p>{row}<p>{FILLERS[0]}</p>"
    art = clean(_page_with_header(body), kind="html")
    assert first not in art.text and second not in art.text
    assert ARTICLE in art.text and FILLERS[0] in art.text
    assert [r.rule for r in art.removed if r.stage == "html"] == ["html.link_paragraph"]
    # kept: words of the paragraph's own around the links, links of a few words (names), in-page links
    kept = [f"<p>Read <a href='/bridge'>{first}</a> and <a href='/budget'>{second}</a></p>",
            "<p><a href='/a'>Example Phone Pro</a> | <a href='/b'>Example Tablet Air</a></p>",
            f"<p><a href='#bridge'>{first}</a><br><a href='#budget'>{second}</a></p>"]
    body = "<h1>Council approves school budget</h1>" + "".join(k + f"<p>{f}</p>" for k, f in zip(kept, FILLERS))
    art = clean(_page_with_header(body), kind="html")
    assert not any(r.stage == "html" for r in art.removed)
    assert "Read Why the new bridge" in art.text and "Example Tablet Air" in art.text


def test_a_heading_that_a_link_wraps_whole_is_a_teaser_card():
    card = "Mayor opens the new bridge after two years of works"
    body = (f"<h1><a href='/news/council-budget'>Council approves school budget</a></h1><p>{FILLERS[0]}</p>"
            f"<h2>What the budget means for schools</h2><p>{FILLERS[1]}</p><p>{ARTICLE}</p>"
            f"<a href='https://example.com/bridge'><h2>{card}</h2></a><p>{FILLERS[2]}</p>")
    art = clean(_page_with_header(body), kind="html")
    assert card not in art.text
    assert "What the budget means for schools" in art.text and FILLERS[2] in art.text
    assert art.title == "Council approves school budget"
    assert [r.text for r in art.removed if r.rule == "html.link_paragraph"] == [card]
    # the page's own headline, linked to itself, is not a teaser
    from cleaner.article import Block

    tree = html.parse(f"<html><body><a href='/x'><h1>{card}</h1></a></body></html>")
    blocks = [Block(card, kind="h")]
    html._mark_link_paragraphs(tree, blocks, (card, None))
    assert blocks[0].label == "good"
    html._mark_link_paragraphs(tree, blocks)
    assert blocks[0].label == "bad"


def test_text_and_metadata_come_out_composed():
    # The page is not normalised whole: each block and each metadata string is (NFC), as the text path's lines.
    decomposed = "Cafe\u0301 owners in Mu\u0308nster"
    page = (f"<html><head><title>{decomposed} protest</title><meta name='author' content='Jose\u0301 Garci\u0301a'>"
            f"</head><body><article><h1>{decomposed} protest</h1><p>{decomposed} protested on Monday against the "
            f"new rules, which they say will cost them customers, and asked the city council for a delay.</p>"
            f"<p>{ARTICLE}</p></article></body></html>")
    art = clean(page, kind="html")
    assert art.title == "Café owners in Münster protest"
    assert art.paragraphs[0].startswith("Café owners in Münster protested")
    assert art.authors == ("José García",)


# the main pass finds only the lead in the <article>: the rest is recovered from outside it
SHORT_MAIN_PASS = ("<html><body><article><h1>Budget</h1><p>A short lead about the budget.</p></article>"
                   f"<div class='more'><p>{ARTICLE}</p><p>{ARTICLE} Again.</p></div></body></html>")


@pytest.mark.parametrize("page,short", [(SHORT_MAIN_PASS, True), (PAGE, False)])
def test_main_extractor_without_its_backup_gives_what_trafilatura_gives(page, short):
    """The cleaned tree a short extraction recovers text from is made anew, not copied for every page:
    the result is trafilatura's ``extract_content`` on its backup copy, element for element."""
    from trafilatura.main_extractor import extract_content

    tree = html.parse(page)
    options = html._options(None, False)
    expected_body, expected_text = extract_content(html._cleaned(tree, options, None), options)
    made = []
    body, text = html._extract_content(html._cleaned(tree, options, None), options,
                                       lambda: made.append(1) or html._cleaned(tree, options, None))
    assert bool(made) is short
    assert (etree.tostring(body), text) == (etree.tostring(expected_body), expected_text)
    assert len(text) > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['a', ' ', '\\', 'n', 'u', '0', '4', '1', 'e', '\ud83d', '\ude00', '<', '>', '&amp;',
                                 '"', 'é', '\n', '😀']), max_size=40).map("".join))
def test_json_ld_text_is_normalised_as_trafilatura_does(text):
    """metadata._normalize_json drops lone surrogates with one regex; the result is trafilatura's."""
    from trafilatura.json_metadata import normalize_json

    assert metadata._normalize_json(text) == normalize_json(text)
