"""The HTML stage: cleaner's own heuristics around trafilatura's steps (those: tests/test_trafilatura_steps.py)."""
import pytest
from lxml import etree

from cleaner import clean, html, trafilatura_steps

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


def test_depth_check_finds_the_100th_level():
    for depth, deep in ((98, False), (99, True), (150, True)):  # plus <html> and <body>
        tree = html.parse("<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>")
        assert bool(tree.xpath(html._DEEPER_THAN_MAX)) is deep


def test_page_with_encoding_declaration_in_a_str():
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE
    art = clean(page, kind="html")
    assert art.title == "Council approves school budget"
    assert ARTICLE in art.text


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
    trafilatura_steps.prune_raw_tree(tree, False, lambda el: html._note_body_container(el, bodies))
    parts = [el for group in bodies.values() for el in group]
    assert len(parts) == 2
    html._join_split_body(tree, bodies)
    assert all(el.getroottree().getroot() is tree for el in parts)  # nothing moved
    assert len(parts[1]) == 1


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


def test_when_trafilatura_finds_no_article_the_text_heuristics_read_the_page(monkeypatch):
    # trafilatura comes back with a slogan (or nothing) on an article page: the page's own blocks go through the
    # heuristic stage, which finds the article among them and leaves the menu.
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
    monkeypatch.setattr(html, "main_content", lambda tree, url, fast: slogan)
    article = clean(page, kind="html")
    assert article.paragraphs == tuple(paragraphs)
    assert article.title == "Council doubles parks budget"


SHORT_POST = ("<html><head><title>Back soon</title></head><body><nav><a href='/'>Home</a> <a href='/about'>About</a>"
              "</nav><main><h1>Back soon</h1><p>{post}</p></main><footer><p>Blog of a walker</p></footer></body></html>")


def test_a_short_post_the_heuristics_find_nothing_in_is_what_the_extraction_holds():
    # Too short for an article by length, and every line of the page short to the heuristics: the post is all
    # the page has, so the sentence the extraction held of it is the article (not the menu around it).
    article = clean(SHORT_POST.format(post="Back from the hills, posting again next week, promise."), kind="html")
    assert article.paragraphs == ("Back from the hills, posting again next week, promise.",)
    assert not any(r.rule == "heuristic.no_article" for r in article.removed)


@pytest.mark.parametrize("post", ["I'm packing for the...", "Walking", "Back soon"])
def test_a_short_extraction_without_a_sentence_stays_no_article(post):
    # A teaser's cut-off, a lone word, or the headline again: not a post that says something.
    assert clean(SHORT_POST.format(post=post), kind="html").paragraphs == ()


@pytest.mark.parametrize("body,kept", [
    ("<ul><li>Pack the tent and the maps before the long drive north</li></ul>",  # a one-item list
     "Pack the tent and the maps before the long drive north"),
    ("<img src='a.jpg'><h2>Taken from the pier at the end of the day</h2><img src='b.jpg'>",  # a line under a photo
     "Taken from the pier at the end of the day"),
])
def test_a_short_post_without_a_sentence_keeps_its_lines_that_read_as_language(body, kept):
    page = SHORT_POST.replace("<p>{post}</p>", body)
    assert clean(page, kind="html").paragraphs == (kept,)


@pytest.mark.parametrize("body", ["<p>esk8 calc shop donate now</p>",  # menu words, one stop word
                                  "<p>I'm shopping for a new tent and a...</p>"])  # a teaser's cut-off
def test_a_short_post_without_a_sentence_is_not_menu_words_or_a_cut_off(body):
    assert clean(SHORT_POST.replace("<p>{post}</p>", body), kind="html").paragraphs == ()


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
    # the page's own site known: a link to the same host is a teaser, a link to another site is the article's
    # (a shop the story names, a source it cites); without the page's address every link could be a teaser
    art = clean(_page_with_header(body), kind="html", url="https://www.example.com/news/council-budget")
    assert teaser not in art.text and related not in art.text
    art = clean(_page_with_header(body), kind="html", url="https://example.org/news/council-budget")
    assert teaser not in art.text and related in art.text
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


def test_the_article_given_twice_comes_out_once():
    """A page holding its text twice (a copy for another layout) repeats a run of blocks in its extraction:
    the run that repeats, block for block and in order, is dropped (``html.repeated_run``)."""
    texts = ["What the budget means", *FILLERS, f"{ARTICLE} {FILLERS[0]}", f"{FILLERS[1]} {ARTICLE}"]
    copy = f"<h2>{texts[0]}</h2>" + "".join(f"<p>{t}</p>" for t in texts[1:])
    page = _page_with_header(f"<h1>Council approves school budget</h1><div class='wide'>{copy}</div>"
                             f"<div class='narrow'>{copy}</div>")
    art = clean(page, kind="html")
    assert list(art.paragraphs) == [*texts, ARTICLE]
    assert [r.text for r in art.removed if r.rule == "html.repeated_run"] == texts
    art = clean(page, kind="html", disabled_rules={"html.repeated_run"})
    assert art.text.count(FILLERS[2]) == 2


def test_lone_repeats_and_short_runs_stay():
    from cleaner.article import Block

    question, answer = "What does the budget mean for the schools of the city?", FILLERS
    day = [Block("Breakfast"), Block(f"Eat within an hour of waking. {answer[0]}"), Block(answer[1])]  # a plan's rows
    blocks = [Block(question), Block(answer[0]), Block(question), Block(answer[1]),  # a recurring question
              Block("Pros"), Block("Cons"), Block(answer[2]), Block("Pros"), Block("Cons"),  # labels
              *day, Block(answer[3]), *[Block(b.text) for b in day],  # the rows a plan repeats each day
              Block(ARTICLE), Block(answer[2])]  # a lone repeat
    html._mark_repeated_runs(blocks)
    assert [b.label for b in blocks] == ["good"] * len(blocks)
    passage = [Block(f"{ARTICLE} {a}") for a in answer]
    blocks += [*passage, Block(answer[0]), *[Block(b.text) for b in passage]]  # a passage again: it goes
    html._mark_repeated_runs(blocks)
    assert [b.label for b in blocks] == ["good"] * (len(blocks) - 4) + ["bad"] * 4
    assert blocks[-1].reason == "html.repeated_run"


def test_lists_between_paragraphs_come_back_when_no_container_is_known():
    """A page whose article stands in no container trafilatura's patterns know is read by its wild-text
    search; cleaner's searches lists too, where the article's paragraphs stand."""
    items = ["Two new classrooms for the primary school", "Music lessons again in every school",
             "A new roof for the gym"]
    page = ("<html><head><title>Council approves school budget</title></head><body><div class='wrap'>"
            f"<h1>Council approves school budget</h1><p>{FILLERS[0]} {FILLERS[1]}</p>"
            "<p>The budget pays for three things:</p><ul>" + "".join(f"<li>{i}</li>" for i in items) +
            f"</ul><p>{FILLERS[2]} {FILLERS[3]}</p></div></body></html>")
    art = clean(page, kind="html")
    assert list(art.paragraphs) == [f"{FILLERS[0]} {FILLERS[1]}", "The budget pays for three things:", *items,
                                    f"{FILLERS[2]} {FILLERS[3]}"]


def test_a_table_in_a_block_of_custom_markup_is_the_article_s():
    """Page builders put the article's own tables and lists in blocks of custom markup whose class names an
    embed (``w-embed``), a word trafilatura drops with a post from a social network: one that holds a text
    is read as the rest of the page; a post embedded stays out."""
    rows = [("Full service restaurant", "20 percent of the bill before tax"),
            ("Quick service restaurant", "15 percent or so, more for a large order"),
            ("Coffee shop at the corner", "one or two dollars in the jar"),
            ("Food delivery to the door", "two to five dollars, more in bad weather"),
            ("Takeout or pickup at the counter", "10 percent of the bill"),
            ("Valet parking at the restaurant", "two to five dollars when the car comes back")]
    table = ("<div class='w-embed'><style>table { width: 100%; }</style><div class='responsive-table'><table>"
             + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table></div></div>")
    post = ("<div class='social-embed'><blockquote><p>What a night at the council, the budget passed at last!"
            "</p><a href='https://example.social/p/1'>March 5, 2024</a></blockquote></div>")
    page = _page_with_header(f"<h1>Council approves school budget</h1><p>{FILLERS[0]}</p>{table}"
                             f"<p>{FILLERS[1]}</p>{post}<p>{FILLERS[2]}</p>")
    art = clean(page, kind="html")
    assert all(a in art.text and b in art.text for a, b in rows)
    assert "What a night" not in art.text and FILLERS[2] in art.text
    from cleaner import html as stage
    from cleaner.lexicon import word_list

    tree = html.parse(page)
    stage._keep_embedded_text(tree)
    assert [el.get("class") for el in tree.iter("div")] == ["", "responsive-table", "social-embed"]


def test_a_nested_list_s_items_come_once():
    """An item holding a list is its own text; the nested items follow it, each once."""
    items = ("<ul><li>Schools get three things from the budget<ul><li>Two new classrooms for the primary school"
             "</li><li>Music lessons again</li></ul></li><li>The gym gets a new roof this year</li></ul>")
    art = clean(_page_with_header(f"<h1>Council approves school budget</h1><p>{FILLERS[0]}</p>{items}"
                                  f"<p>{FILLERS[1]}</p>"), kind="html")
    assert list(art.paragraphs[1:5]) == ["Schools get three things from the budget",
                                         "Two new classrooms for the primary school", "Music lessons again",
                                         "The gym gets a new roof this year"]
    assert art.text.count("Music lessons again") == 1
    assert [(b.text, b.depth) for b in art.blocks[1:4]] == [("Schools get three things from the budget", 0),
                                                           ("Two new classrooms for the primary school", 1),
                                                           ("Music lessons again", 1)]


def test_a_box_whose_class_names_a_disclaimer_or_an_author_box_goes():
    """Boxes set after the article that trafilatura's class patterns miss go before the extraction; a
    wrapper so named that holds the article stays, and the rule can be disabled by its name."""
    disclaimer = ("Nothing on this page is advice of any kind: speak to a professional about your own situation "
                  "before you act on what you read here.")
    profile = ("Jane writes about the schools and the roads of the region and has covered the town hall for ten "
               "years, after starting out at the local radio station.")
    plugin = ("She lives by the river with two cats and a very old bicycle, and she answers every letter that "
              "the readers send her.")
    body = (f"<h1>Council approves school budget</h1><p>{FILLERS[0]}</p><p>{FILLERS[1]}</p>"
            f"<div class='cmp-text--disclaimer'><p>{disclaimer}</p></div>"
            f"<section class='profile-bio'><p>{profile}</p></section>"
            f"<div class='saboxplugin-wrap'><p>{plugin}</p></div>")
    page = _page_with_header(body)
    art = clean(page, kind="html")
    assert ARTICLE in art.text and FILLERS[1] in art.text
    assert disclaimer not in art.text and profile not in art.text and plugin not in art.text
    kept = clean(page, kind="html", disabled_rules={"html.side_box"})
    assert disclaimer in kept.text and profile in kept.text and plugin in kept.text
    wrapped = page.replace("<article>", "<article><div class='post-disclaimer-wrap'>").replace(
        "</article>", "</div></article>")
    assert ARTICLE in clean(wrapped, kind="html").text  # the wrapper holds the article: it stays
    from cleaner import html as stage
    from cleaner.lexicon import word_list

    words = word_list("side_boxes")
    named = [stage._names_side_box(html.parse(f"<div {attr}>x</div>").find(".//div"), words)
             for attr in ("class='author-bio'", "id='disclosures'", "class='biography'", "class='Bio'", "")]
    assert named == [True, True, False, True, False]  # a whole word of the class or the id, any case


def test_an_accordion_s_hidden_answers_are_the_article_s():
    """A box that shows its text a part at a time (an accordion, ``<details>``, tabs) is opened when it holds a
    text: its hidden answers come out with the article.  A menu that folds (links), a carousel of cards and a
    box in the page's footer stay closed; what was opened can be closed again (the extraction does, where its
    main pass finds nothing with the boxes open)."""
    answers = [f"{FILLERS[i]} {FILLERS[(i + 1) % 4]}" for i in range(4)]
    panes = "".join(f"<div class='faq-pane'><h3>Question {i}?</h3><div class='faq-answer' style='display: none'>"
                    f"<p>{a}</p></div></div>" for i, a in enumerate(answers))
    menu = ("<div class='nav-collapse expandable'>" + "".join(
        f"<p><a href='/s/{i}'>Section number {i} of the site with a long name</a></p>" for i in range(8)) + "</div>")
    cards = ("<div class='carousel expandable'>" + "".join(f"<div class='card'><p>{FILLERS[i]}</p></div>"
                                                            for i in range(4)) + "</div>")
    footer = ("<footer><div class='accordion'>" + "".join(f"<div style='display: none'><p>{FILLERS[i]}</p></div>"
                                                          for i in range(4)) + "</div></footer>")
    page = _page_with_header(f"<h1>Council approves school budget</h1><p>{ARTICLE}</p>"
                             f"<div class='accordion expandable'>{panes}</div>{menu}{cards}").replace(
        "</body>", footer + "</body>")
    art = clean(page, kind="html")
    assert all(a in art.text for a in answers)
    assert "Section number" not in art.text
    # (the extraction alone: the scorer reads hidden text too, and keeps the answers where they outweigh it)
    assert not any(a in clean(page, kind="html", fast=True, disabled_rules={"html.disclosure"}).text
                   for a in answers)
    unnamed = page.replace("accordion expandable", "box folded").replace("faq-", "qa-")  # names no disclosure
    closed = clean(unnamed, kind="html", fast=True)
    assert not any(a in closed.text for a in answers)
    details = page.replace("<div class='accordion expandable'>", "<details class='expandable'>").replace(
        "</div>" * 1 + menu, "</details>" + menu, 1)
    assert all(a in clean(details, kind="html").text for a in answers)
    from cleaner import html as stage
    from cleaner.lexicon import word_list
    from cleaner import trafilatura_steps as steps

    opened, shut = (" ".join(stage.main_content(html.parse(page), None, False, disclosures=d).itertext())
                    for d in (True, False))
    assert all(a in opened for a in answers) and not any(a in shut for a in answers)
    tree = html.parse(page)
    before = [dict(el.attrib) for el in tree.iter()]
    changed = stage._open_disclosures(tree, steps.discards)
    assert {el.get("class") for el, _ in changed} == {"accordion", "faq-answer"}
    assert all("style" not in el.attrib for el in tree.iter("div") if el.get("class") == "faq-answer")
    for el, attributes in changed:
        el.attrib.clear()
        el.attrib.update(attributes)
    assert [dict(el.attrib) for el in tree.iter()] == before


def test_the_extraction_s_end_outside_the_article_s_container_goes():
    """The blocks at the end of the extraction that stand outside the element holding most of its words (a call
    to subscribe set after the article) are labelled bad; a block inside the container stops the walk back, and
    a block the page does not hold as such (trafilatura joined it) too."""
    from cleaner.article import Block

    call = "Is your event coming up soon? Our team plans it with you from the first call to the last guest."
    form = "Fields marked with a star are required."
    again = ARTICLE.replace("Tuesday", "Monday")
    page = (f"<html><body><div class='entry-content'><div class='text'><p>{ARTICLE}</p><p>{again}</p><p>{FILLERS[0]}</p>"
            f"<p>{FILLERS[1]}</p></div><div class='cta'><p>{call}</p><p>{form}</p></div></div></body></html>")
    blocks = [Block(t) for t in (ARTICLE, again, FILLERS[0], FILLERS[1], call, form)]
    html._mark_tail_outside_container(blocks, html._placed(html.parse(page), blocks))
    assert [b.label for b in blocks] == ["good"] * 4 + ["bad"] * 2
    assert blocks[-1].reason == "html.outside_tail"
    inside = [Block(t) for t in (ARTICLE, again, call, FILLERS[1])]  # the article's last block stops the walk
    html._mark_tail_outside_container(inside, html._placed(html.parse(page), inside))
    assert [b.label for b in inside] == ["good"] * 4
    joined = [Block(t) for t in (ARTICLE, again, FILLERS[0], FILLERS[1], f"{call} {form}")]
    html._mark_tail_outside_container(joined, html._placed(html.parse(page), joined))
    assert [b.label for b in joined] == ["good"] * 5
    art = clean(page, kind="html")  # the extraction runs on into the call: the rule takes it out
    assert FILLERS[1] in art.text and call not in art.text
    assert [r.rule for r in art.removed if r.text in (call, form)] == ["html.outside_tail"] * 2


def test_the_unplaced_items_at_the_extraction_s_end_go_with_the_block_outside_before_them():
    """A "Related content" list after the article: its heading stands outside the article's container, and its
    items, whose title and summary the page sets in elements of their own, are blocks the page does not hold as
    such.  They go with the heading; where the blocks found hold too little of the extraction, nothing goes."""
    from cleaner.article import Block

    related = [f"Another story about the council, part {i}" for i in range(3)]
    items = "".join(f"<li><h4>{t}</h4><p>A summary.</p></li>" for t in related)
    body = (ARTICLE, ARTICLE.upper(), *FILLERS)
    page = (f"<html><body><div class='entry-content'>{''.join(f'<p>{t}</p>' for t in body)}</div>"
            f"<div class='more'><h5>Related content</h5><ul>{items}</ul></div></body></html>")
    texts = (*body, "Related content", *(f"{t} A summary." for t in related))
    blocks = [Block(t) for t in texts]
    html._mark_tail_outside_container(blocks, html._placed(html.parse(page), blocks))
    assert [b.label for b in blocks] == ["good"] * 6 + ["bad"] * 4
    few_found = [Block(t) for t in (ARTICLE, "Related content", *texts[7:] * 3)]
    html._mark_tail_outside_container(few_found, html._placed(html.parse(page), few_found))
    assert {b.label for b in few_found} == {"good"}


def test_the_walk_back_stops_at_a_part_named_an_faq():
    """A page's questions and answers set apart from the article's body after it are the article's text: the
    walk back from the extraction's end stops at a block in an element whose class names an FAQ."""
    from cleaner.article import Block

    question = "How long does the council take to approve a school budget in a normal year?"
    answer = "It takes about three months, from the first draft to the vote on the final version of it."
    body = [ARTICLE, ARTICLE.upper(), *FILLERS]
    page = (f"<html><body><div class='post'><div class='entry'>{''.join(f'<p>{t}</p>' for t in body)}</div>"
            f"<section class='post-faq'><h2>{question}</h2><p>{answer}</p></section></div></body></html>")
    blocks = [Block(t) for t in (*body, question, answer)]
    html._mark_tail_outside_container(blocks, html._placed(html.parse(page), blocks))
    assert [b.label for b in blocks] == ["good"] * 8
    named_otherwise = page.replace("post-faq", "post-more")
    blocks = [Block(t) for t in (*body, question, answer)]
    html._mark_tail_outside_container(blocks, html._placed(html.parse(named_otherwise), blocks))
    assert [b.label for b in blocks] == ["good"] * 6 + ["bad"] * 2


def _teasers(cards: int, href: str = "/news/story-{}", summary: str = "A short summary of the story number {}.") -> str:
    return "".join(f"<div class='card c{i}'><h3><a href='{href.format(i)}'>The headline of another story {i}</a></h3>"
                   f"<span>5 March 2024</span><p>{summary.format(i)}</p></div>" for i in range(cards))


def test_the_summaries_of_a_grid_of_teasers_go():
    """The lines under the linked, dated titles of three cards or more side by side (a "Related articles" grid)
    are labelled bad; two cards, undated cards, cards whose links lead to another site, and cards that say more
    than a summary are not teasers; nor are cards that come before most of the extraction (a listing's)."""
    from cleaner.article import Block

    def marked(grid: str, url: str | None = "https://example.com/news/council-budget", article=(ARTICLE,) * 3,
               first: bool = False):
        page = f"<html><body><article><p>{'</p><p>'.join(article)}</p></article><section>{grid}</section></body></html>"
        summaries = [f"A short summary of the story number {i}." for i in range(4)]
        blocks = [Block(t) for t in ((*summaries, *article) if first else (*article, *summaries))]
        html._mark_teaser_cards(blocks, html._placed(html.parse(page), blocks), url)
        return [b.reason for b in blocks if b.label == "bad"]

    assert marked(_teasers(3)) == ["html.teaser_card"] * 3
    assert marked(_teasers(3, "https://www.example.com/news/story-{}")) == ["html.teaser_card"] * 3
    assert marked(_teasers(3, "//video.example.com/story-{}")) == ["html.teaser_card"] * 3  # the site's own host
    uk = "https://news.example.co.uk/a"
    assert marked(_teasers(3, "https://www.example.co.uk/story-{}"), url=uk) == ["html.teaser_card"] * 3
    assert marked(_teasers(3, "https://www.other.co.uk/story-{}"), url=uk) == []
    assert marked(_teasers(2)) == []
    assert marked(_teasers(3).replace("5 March 2024", "Read more")) == []  # undated: the article's own cards
    assert marked(_teasers(3, "https://shop.example.org/item-{}")) == []
    assert marked(_teasers(3, "https://shop.example.org/item-{}"), url=None) == ["html.teaser_card"] * 3  # unknown
    assert marked(_teasers(3, "javascript:void(0)")) == []
    assert marked(_teasers(3, summary=FILLERS[0] * 6 + " {}")) == []
    assert marked(_teasers(3), article=(FILLERS[0],)) == []  # the teasers hold most of the extraction
    assert marked(_teasers(3), first=True) == []  # teasers, then a text: a listing's
    summary = "The mayor said on Monday that the works on the old bridge would take two more years, and cost more {}."
    body = "".join(f"<p>{t}</p>" for t in (ARTICLE, ARTICLE.upper(), *FILLERS))
    page = (f"<html><body><div class='main'><h1>Council approves school budget</h1>{body}<h2>More news</h2>"
            f"{_teasers(4, summary=summary)}</div></body></html>")
    art = clean(page, kind="html", url="https://example.com/news/council-budget")
    assert FILLERS[-1] in art.text and "old bridge" not in art.text
    assert [r.rule for r in art.removed if "old bridge" in r.text] == ["html.teaser_card"] * 4


STREAMED = """<html><body><main><h1>Standing desk</h1>
<!--$?--><template id="B:0"></template>Loading...<!--/$--><p>After the part.</p></main>
<div hidden id="S:0"><div class="description"><p>The first paragraph of the streamed description.</p>
<template id="P:1"></template></div></div>
<div hidden id="S:1"><p>A segment streamed later still.</p></div>
<div hidden id="S:7"><p>A part whose place is not on the page.</p></div>
<script>$RC("B:0","S:0")</script></body></html>"""


def test_streamed_parts_are_moved_into_their_places():
    tree = html.parse(STREAMED)
    main = tree.find(".//main")
    assert [p.text for p in main.iter("p")] == ["The first paragraph of the streamed description.",
                                                "A segment streamed later still.", "After the part."]
    assert "Loading" not in main.text_content()
    assert tree.find(".//template") is None
    left = [el.get("id") for el in tree.iter("div") if el.get("hidden") is not None]
    assert left == ["S:7"]  # no place for it: it stays, hidden


def test_a_streamed_article_is_read_in_its_place():
    body = " ".join(["The description of the desk that the page streams after its frame, as React renders it."] * 4)
    more = " ".join(["A segment that the page streams later still, in the description's own place."] * 3)
    after = " ".join(["The paragraph that the page sets after the streamed part, in its frame."] * 3)
    page = (STREAMED.replace("The first paragraph of the streamed description.", body)
            .replace("A segment streamed later still.", more).replace("After the part.", after))
    text = clean(page, kind="html").text
    assert body in text and "Loading" not in text
    assert text.index(body) < text.index(more) < text.index(after)


def _post_in(frame: str, comments: str = "") -> str:
    body = " ".join(["The study followed the volunteers for a year and measured their sleep every night."] * 5)
    return (f"<html><body><h1>A year of sleep</h1>{frame.format(f'<p>{body}</p><p>{body}</p>')}"
            f"{comments}<footer><p>Copyright</p></footer></body></html>"), body


def test_a_frame_named_for_comments_that_wraps_the_post_is_kept():
    page, body = _post_in('<div class="commentOnSelection"><div id="postContent">{}</div></div>')
    assert body in clean(page, kind="html").text


def test_a_long_comment_section_still_goes():
    reply = " ".join(["I disagree with the whole premise of this piece and here is why, at some length."] * 6)
    comments = (f'<div class="comments-area" id="comments"><ol class="comment-list">'
                f'<li><div class="comment-content"><p>{reply}</p></div></li>' * 3 + "</ol></div>")
    page, body = _post_in('<div class="entry-content">{}</div>', comments)
    text = clean(page, kind="html").text
    assert body in text and "I disagree" not in text


def test_a_grid_of_teasers_goes_with_its_titles_and_an_undated_card():
    """An advertisement's card among the teasers, undated, does not keep the grid; the titles the extraction
    kept (a heading that holds the link) go with the summaries.  Two dated cards of four are not a grid of
    teasers."""
    from cleaner.article import Block

    def marked(grid: str) -> list[str]:
        article = f"<article><p>{ARTICLE}</p><p>{ARTICLE.upper()}</p></article>"
        page = f"<html><body>{article}<section>{grid}</section></body></html>"
        titles = [f"The headline of another story {i}" for i in range(4)]
        summaries = [f"A short summary of the story number {i}." for i in range(4)]
        blocks = [Block(ARTICLE), Block(ARTICLE.upper()), *(Block(t, kind="h") for t in titles),
                  *(Block(t) for t in summaries)]
        html._mark_teaser_cards(blocks, html._placed(html.parse(page), blocks), "https://example.com/news/a")
        return [b.text for b in blocks if b.label == "bad"]

    grid = _teasers(4)
    one_undated = grid.replace("5 March 2024", "Sponsored", 1)
    assert len(marked(one_undated)) == 8
    assert marked(grid.replace("5 March 2024", "Sponsored", 2)) == []


def test_a_block_inherits_the_context_of_its_open_elements_only():
    """``dom.page_blocks``: a block's path, class words and ancestors are those of the elements still open
    around it (the nearest CLASS_WORDS_KEPT class words); a script adds nothing to its tail's."""
    from cleaner.dom import CLASS_WORDS_KEPT, page_blocks

    nest = "".join(f'<div class="w{chr(97 + i // 26)}{chr(97 + i % 26)} x">' for i in range(30))
    tree = html.parse(f'<html><body>{nest}<p>deep</p>{"</div>" * 30}'
                      '<section id="aside"><span>before</span> <script>x</script>after</section></body></html>')
    deep, tail = page_blocks(tree)
    assert deep.path == ("body",) + ("div",) * 30 + ("p",) and deep.tag == "p"
    assert len(deep.classes) == CLASS_WORDS_KEPT and deep.classes[-2:] == ("wbd", "x")
    assert len(set(deep.ancestors)) == 32
    assert tail.text == "before after" and tail.path == ("body", "section") and tail.classes == ("aside",)
    assert tail.tag == "section" and len(tail.ancestors) == 2 and tail.ancestors[0] == deep.ancestors[0]


# --- an article page whose extraction took one part of it: the scorer's blocks -------------------------------
_INTRO = ("<p>The city's guide names the places that earned a star this year, from the new tasting counters "
          "downtown to the old family kitchens across the river, and tells what each of them serves best.</p>"
          "<p>The inspectors visited every one of them twice, once at lunch and once at dinner, and paid their "
          "bills like any other guest of the house.</p><p>Prices run from a modest lunch menu to long evenings "
          "of twelve courses, and most of the rooms take bookings a month ahead.</p>")
_PLACE = ("<div class='place'><h3>{0} Kitchen</h3><p>{0} Kitchen serves a short menu of grilled fish and "
          "vegetables from the market, with a long list of natural wines, in a small room by the harbour.</p></div>")
_OG_ARTICLE = '<meta property="og:type" content="article">'


def _guide(places: int, holder: str = "places", head: str = "") -> str:
    """A guide whose introduction stands in a container named a post's content, which trafilatura takes alone,
    and its places in a box beside it."""
    names = "North South East West Harbour Market River Hill Bridge Garden".split()[:places]
    return (f"<html><head>{head}</head><body><h1>The starred places of the year</h1>"
            f"<div class='post-content'>{_INTRO}</div><div class='{holder}'>"
            + "".join(_PLACE.format(name) for name in names) + "</div></body></html>")


def _article_model(tmp_path, gate=None) -> str:
    """A model that calls every page an article and keeps every block that is not a link; with ``gate``, sure
    at a glance of a page whose og:type is article."""
    import json

    from cleaner.scorer import Linear, Model

    made = Model(Linear(-50.0, {"log_chars": 20.0, "link": -100.0}), Linear(-50.0, {"p1": 100.0}),
                 Linear(50.0, {}), {"article": 0.5, "other": 0.5, "gate": 0.9}, (), {}, {},
                 gate=Linear(0.0, {"og_article": 50.0}) if gate else None)
    path = tmp_path / f"article{'-gated' if gate else ''}.json"
    path.write_text(json.dumps(made.to_dict()), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("head, gated", [("", False), (_OG_ARTICLE, True)])
def test_an_article_page_whose_extraction_took_a_part_of_it_keeps_the_scorer_s_blocks(tmp_path, head, gated):
    """Where the scorer keeps SCORED_OVER_EXTRACTION times the words of the extraction, its blocks are the
    article; a page the gate calls an article at a glance is read so when the extraction holds less than half
    the text of its paragraphs."""
    model = _article_model(tmp_path, gated)
    text = clean(_guide(10, head=head), kind="html", html_model=model).text
    assert "The inspectors visited" in text and "Garden Kitchen serves" in text and "North Kitchen" in text
    short = clean(_guide(4, head=head), kind="html", html_model=model).text  # kept: not three times the extraction
    assert "The inspectors visited" in short and "Kitchen" not in short
    alone = clean(_guide(10, head=head), kind="html", html_model=model, disabled_rules={"html.beyond_extraction"})
    assert "The inspectors visited" in alone.text and "Kitchen" not in alone.text  # disabled by its name


@pytest.mark.parametrize("head, gated", [("", False), (_OG_ARTICLE, True)])
def test_an_article_s_comment_section_does_not_count_as_content_the_extraction_missed(tmp_path, head, gated):
    text = clean(_guide(10, "comments", head), kind="html", html_model=_article_model(tmp_path, gated)).text
    assert "The inspectors visited" in text and "Kitchen" not in text


def test_a_word_of_a_class_names_a_comment_section_as_trafilatura_s_prune_does():
    assert trafilatura_steps.names_comments("comments") and trafilatura_steps.names_comments("commentlist")
    assert not trafilatura_steps.names_comments("commentary") and not trafilatura_steps.names_comments("nocomment")


def test_an_article_set_after_the_page_s_end_tags_is_read_as_a_browser_reads_it():
    """A template can close the page (``</body></html>``) before its article; a browser reads what follows into
    the body, the parser dropped it.  A page that ends with its end tags is not copied."""
    page = (f"<!DOCTYPE html><html><head><title>Budget</title></head><body><header><nav><a href='/'>Home</a>"
            f"</nav></header>\n</body>\n</html>\n<div class='post'><h1>Council approves school budget</h1>"
            f"<p>{ARTICLE}</p><p>{ARTICLE}</p></div>\n</body></html>\n")
    assert ARTICLE in clean(page, kind="html").text
    assert html.without_early_end_tags(page).count("</body>") == 0 and "<p>" in html.without_early_end_tags(page)
    ended = f"<html><body><p>{ARTICLE}</p></body>\n</HTML >  \n"
    assert html.without_early_end_tags(ended) is ended and html.without_early_end_tags("<p>x</p>") == "<p>x</p>"


def _apart(body: str, disabled=frozenset()) -> dict:
    from cleaner.dom import page_blocks

    tree = html.parse(f"<html><body>{body}</body></html>")
    numbered: list = []
    blocks = page_blocks(tree, numbered)
    return dict(zip((b.text for b in blocks), html.parts_set_apart(blocks, numbered, frozenset(disabled))))


def test_a_dialog_and_customers_reviews_are_set_apart_on_a_judged_page():
    """On a page the scorer judges block by block, a dialog (a class or id names a dialog, a modal, a lightbox;
    or its role, or ``<dialog>``) and a part named for reviews are set apart, however deep their blocks stand,
    unless testimonials name the part (a site's chosen quotes), or it holds half the page's words or more (a
    wrapper so named)."""
    product = " ".join(["This kettle boils a litre of water in three minutes and keeps it warm for an hour."] * 3)
    review = "I bought this kettle last month and it broke after two weeks of use, very disappointed."
    notice = "Your session has expired after a period of inactivity. Please sign in again."
    alert = "Sign up for price alerts on this kettle."
    quote = "They fixed our roof in a day and left the garden cleaner than they found it."
    deep = "<div class='a b c d e f g h i j k'>" * 6
    body = (f"<h1>Steel kettle</h1><script>var x = '<div>';</script><!-- a note --><p>{product}</p>"
            f"<div class='pdp-reviews'>{deep}<p>{review}</p>{'</div>' * 6}</div>"
            f"<div id='session-modal'><p>{notice}</p></div><div role='dialog'><p>{alert}</p></div>"
            f"<section class='reviews'><div class='testimonial'><p>{quote}</p></div></section>")
    apart = _apart(body)
    assert apart[product] is None and apart["Steel kettle"] is None and apart[quote] is None
    assert apart[review] == "html.reviews" and apart[notice] == apart[alert] == "html.dialog"
    kept = _apart(body, {"html.reviews"})
    assert kept[review] is None and kept[notice] == "html.dialog"
    wrapped = _apart(f"<div class='dialog-off-canvas-main-canvas'><h1>Steel kettle</h1><p>{product}</p>"
                     f"<div class='modal'><p>{notice}</p></div></div>")
    assert wrapped[product] is None and wrapped[notice] == "html.dialog"  # the wrapper so named is the page


LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Quis ipsum suspendisse ultrices gravida.")


def test_a_template_s_placeholder_text_goes_with_its_labels():
    """A template's placeholder text ("Lorem ipsum ...") is never the page's content: its blocks go, with the
    part around them that is mostly such text (its "Head Line 1" labels); a sentence that names it stays, and
    the article's container, whose words are mostly the article's, is not that part."""
    template = (f"<section class='four-col'><h3>Lorem Ipsum</h3><p>{LOREM}</p>"
                f"<div><h5>Head Line 1</h5><p><span>{LOREM}</span></p><p>Lorem ipsum 1</p></div></section>")
    named = "The designer left the words Lorem ipsum dolor sit amet in the mock-up, and nobody noticed it."
    body = f"<h1>Council approves school budget</h1><p>{FILLERS[0]}</p><p>{named}</p>{template}"
    text = clean(_page_with_header(body), kind="html").text
    assert ARTICLE in text and FILLERS[0] in text and named in text
    assert "consectetur" not in text and "Head Line" not in text
    kept = clean(_page_with_header(body), kind="html", disabled_rules={"html.placeholder"}).text
    assert "consectetur" in kept  # the step has a rule's name: --disable-rule and --ablate turn it off
    tree = html.parse(f"<html><body><article><p>{ARTICLE}</p><p>{LOREM}</p></article></body></html>")
    html.drop_placeholders(tree)
    assert [" ".join(p.text_content().split()) for p in tree.iter("p")] == [ARTICLE]


def test_a_box_of_sources_citations_or_footnotes_after_the_article_goes():
    """The box of sources, citations or footnotes a page sets after its article goes with the boxes beside it
    (``side_boxes.txt``): the references leave it out of the article's text."""
    sources = ("Smith J, Jones K. A study of the budgets of rural schools. Journal of Public Finance, volume 12, "
               "pages 40 to 58, published in the spring of the year.")
    note = ("The figures are those of the regional office for the year before, as published in its annual report "
            "to the assembly.")
    body = (f"<h1>Council approves school budget</h1><p>{FILLERS[0]}</p><p>{FILLERS[1]}</p>"
            f"<div class='article-sources'><h3>Sources</h3><p>{sources}</p></div>"
            f"<section class='footnotes'><p>{note}</p></section>")
    page = _page_with_header(body)
    art = clean(page, kind="html")
    assert ARTICLE in art.text and FILLERS[1] in art.text
    assert sources not in art.text and note not in art.text
    kept = clean(page, kind="html", disabled_rules={"html.side_box"})
    assert sources in kept.text and note in kept.text


def test_a_listicle_s_entry_set_as_an_embed_card_is_the_article_s():
    """A listicle's entry set as a card whose class names an embed (a place: its name, three short labels, one
    paragraph of description) is the article's: a paragraph of EMBEDDED_PARAGRAPH_WORDS words, mostly outside
    links, is enough; a short post embedded stays out."""
    from cleaner import html as stage

    description = ("This Chinese restaurant opened its second location in the old market hall, where modern and "
                   "traditional techniques produce dishes to share, including dim sum, dumplings and house "
                   "specialties like roasted duck and spiced chicken. Pair its noodles, fried rice and seafood "
                   "with a drink from the long list of teas, or a cocktail from the bar at the back of the room.")
    card = ("<div class='ck-block ck-block--embed'><header><h2>Golden Hall</h2><ul><li>Chinese</li><li>Old "
            f"Market</li><li><a href='https://golden.example'>golden.example</a></li></ul></header><p>{description}"
            "</p></div>")
    post = ("<div class='social-embed'><blockquote><p>What a night at the council, the budget passed at last!"
            "</p><a href='https://example.social/p/1'>March 5, 2024</a></blockquote></div>")
    tree = html.parse(_page_with_header(f"<h1>New restaurants in town</h1><p>{FILLERS[0]}</p>{card}{post}"))
    stage._keep_embedded_text(tree)
    assert [el.get("class") for el in tree.iter("div")] == ["ck-block", "social-embed"]
    assert len(description.split()) >= stage.EMBEDDED_PARAGRAPH_WORDS


def test_an_accordion_s_answers_hidden_by_a_class_word_are_opened():
    """An accordion whose answers a class word hides until a script shows them (Tailwind's ``hidden``, which
    trafilatura's prune deletes with the answer) is opened: the answers lose that word (``hiding_classes.txt``);
    an element outside an opened box keeps it."""
    from cleaner import html as stage
    from cleaner import trafilatura_steps as steps

    answers = [f"{FILLERS[i]} {FILLERS[(i + 1) % 4]}" for i in range(4)]
    panes = "".join(f"<div class='qa-title'><h3>Question {i}?</h3></div><div class='qa-content pl-2 hidden'>"
                    f"<p>{a}</p></div>" for i, a in enumerate(answers))
    page = _page_with_header(f"<h1>Council approves school budget</h1><p>{ARTICLE}</p>"
                             f"<div class='ss-accordion my-4'>{panes}</div>"
                             f"<div class='menu hidden'><p>{FILLERS[0]}</p></div>")
    art = clean(page, kind="html")
    assert all(a in art.text for a in answers)
    tree = html.parse(page)
    stage._open_disclosures(tree, steps.discards)
    assert [el.get("class") for el in tree.iter("div") if "qa-content" in el.get("class", "")] == ["qa-content pl-2"] * 4
    assert [el.get("class") for el in tree.iter("div") if "menu" in el.get("class", "")] == ["menu hidden"]
    shut = clean(page, kind="html", fast=True, disabled_rules={"html.disclosure"})
    assert not any(a in shut.text for a in answers)


def test_an_accordion_named_in_camel_case_is_opened():
    """A class written in camelCase ("FaqAccordionItem") names an accordion as "faq-accordion-item" does: its
    hidden answers are opened; a camelCase word that names none ("FaqAccordionless" is no split of one) is not."""
    from cleaner import html as stage
    from cleaner.lexicon import word_list

    words = word_list("disclosures")
    named = [stage._names_disclosure(html.parse(f"<div {attr}>x</div>").find(".//div"), words)
             for attr in ("class='FaqAccordionItem'", "id='mainAccordion'", "class='QaTabsWrapper'",
                          "class='Accordionless'", "class='Marvellous'", "")]
    assert named == [True, True, True, False, False, False]
    answers = [f"{FILLERS[i]} {FILLERS[(i + 1) % 4]}" for i in range(4)]
    panes = "".join(f"<div class='FaqAccordionItem'><h3>Question {i}?</h3><div style='display: none'>"
                    f"<p>{a}</p></div></div>" for i, a in enumerate(answers))
    page = _page_with_header(f"<h1>Council approves school budget</h1><p>{ARTICLE}</p>"
                             f"<div class='AccordionWrapper'>{panes}</div>")
    assert all(a in clean(page, kind="html").text for a in answers)
    assert not any(a in clean(page, kind="html", fast=True, disabled_rules={"html.disclosure"}).text
                   for a in answers)


def test_a_carousel_beside_the_article_goes():
    """A carousel of cards (offers a promotion bar flips through) goes with the boxes beside or after the
    article, before the extraction (``side_boxes.txt``)."""
    offers = [f"Free standard shipping on orders of {n} dollars or more." for n in (40, 60, 80)]
    body = (f"<h1>Council approves school budget</h1>{''.join(f'<p>{f}</p>' for f in FILLERS)}"
            f"<div class='offers-carousel'>{''.join(f'<p>{o}</p>' for o in offers)}</div>")
    page = _page_with_header(body)
    art = clean(page, kind="html")
    assert ARTICLE in art.text and FILLERS[1] in art.text
    assert not any(o in art.text for o in offers)
    assert any(o in clean(page, kind="html", disabled_rules={"html.side_box"}).text for o in offers)
