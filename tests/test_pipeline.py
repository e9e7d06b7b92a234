"""The text pipeline's fallbacks: what a text gives when the heuristics keep none of its lines, or only a list's intro."""
from __future__ import annotations

from cleaner import clean
from cleaner.text import says_something

SHOP = """Home
Shop
Cart
Linen Shirt
$45.00
Cotton Tote
$20.00
Every piece is made by hand in our studio.
Wool Scarf
$35.00
Stoneware Mug
$18.00
"""

TEASERS = """Home
News
Sport
‘스탠딩 업’, 고루했던 KBS 예능국의 아..
‘아침마당’마저 접수한 유재석, 그가 뜨..
Top stories are here for you today and more...
Contact
"""


def test_a_page_of_short_items_with_a_sentence_keeps_its_lines() -> None:
    """A shop's text: no line is an article's paragraph, but one says something; its items are its content."""
    article = clean(SHOP, kind="text", text_model=None)
    assert "Every piece is made by hand in our studio." in article.paragraphs
    assert {"Linen Shirt", "Cotton Tote"} <= set(article.paragraphs)


def test_the_named_noise_of_such_a_page_still_goes() -> None:
    article = clean(SHOP, kind="text", text_model=None)
    assert "Home" not in article.paragraphs
    assert any(r.text == "Home" and r.stage == "rules" for r in article.removed)


def test_a_page_of_menus_and_cut_off_teasers_stays_empty() -> None:
    article = clean(TEASERS, kind="text")
    assert article.paragraphs == ()
    assert {r.text for r in article.removed} >= {"Home", "Contact"}


def test_a_line_cut_off_by_two_dots_says_nothing() -> None:
    assert not says_something("‘아침마당’마저 접수한 유재석, 그가 뜨..")
    assert not says_something("The minister said on Monday that the plan would..")
    assert says_something("The minister said on Monday that the plan would work.")


def test_a_shop_banner_is_no_sentence_that_opens_the_page() -> None:
    """A line shaped like a sentence but without the language's small words is a banner, not content."""
    banner = SHOP.replace("Every piece is made by hand in our studio.", "Winter Sale – Huge Savings On Every Desk!")
    assert clean(banner, kind="text", text_model=None).paragraphs == ()


BOOKS = [f"{title} by {author}" for title in ("The house of quiet harbours", "A map of the winter sky",
                                              "Salt and iron in the hills", "The glass orchard at dusk",
                                              "Under the kite in the park")
         for author in ("Ann Reyes", "Tom Hale", "Mia Lund", "Joe Park")]  # 20 item lines


def ranking(intro_paragraphs: int = 1) -> str:
    """A ranking's text: a menu, a heading, an intro, then each book's title, its rating and a button."""
    intro = ["Our readers voted for the books they loved most this year, and these are the twenty that came out "
             "on top of more than forty thousand ballots cast over the autumn months."] * intro_paragraphs
    intro = [f"{line} ({n})" for n, line in enumerate(intro, 1)]  # each paragraph once on the page
    lines = ["Home", "Books", "Lists", "Sign in", "Readers' Choice 2025"] + intro
    for n, book in enumerate(BOOKS, 1):
        lines += [str(n), book, f"{3 + n % 2}.{n % 10} avg rating", "Want to Read"]
    return "\n".join(lines + ["About us", "Careers", "Terms", "Privacy"])


def test_the_list_under_a_short_intro_is_the_content() -> None:
    """A ranking, a listing, a shop's category: the heuristics keep its intro; its items are what it lists."""
    article = clean(ranking(), kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in BOOKS] == BOOKS
    assert not {"Home", "Sign in", "Want to Read", "Careers"} & set(article.paragraphs)


def test_an_article_is_more_than_an_intro_and_keeps_no_list() -> None:
    """Two long paragraphs make an article: the list beside it stays out (a shop's widget, a site's index)."""
    article = clean(ranking(intro_paragraphs=2), kind="text", text_model=None)
    assert not set(BOOKS) & set(article.paragraphs)


def test_a_list_far_from_the_intro_is_a_footer_and_stays_out() -> None:
    """The short article of a paywalled page, and far below it, past the site's menus, a footer of links."""
    menus = ["Subscribe", "Sign in", "World", "Business", "Markets", "Opinion", "Life & Arts"]
    text = ranking().replace("Readers' Choice 2025\n", "").split("\n1\n")[0] + "\n" + "\n".join(
        menus + [line for book in BOOKS for line in (book, "Follow")])
    article = clean(text, kind="text", text_model=None)
    assert not set(BOOKS) & set(article.paragraphs)


TAIL_ARTICLE = """Cities rethink their bus networks

Transit agencies in a dozen mid-sized cities have redrawn their bus maps this year, trading many winding routes for fewer lines that run every ten minutes.

Riders in the first cities to make the change waited less at their stops, and the agencies said the number of trips taken rose by a tenth within a year.

Planners warned that the gains depend on keeping the buses out of traffic, which means painted lanes and signals that give them priority at busy crossings.

{box}
The exhibition of the new maps stays open at the central library until the end of the month, free of charge.
"""


def test_an_author_box_before_the_page_s_last_lines_goes_with_them() -> None:
    """A note on the author that a line of the page follows: the rules that peel the article's last blocks one
    at a time stop at that line; the box and what follows it go all the same."""
    note = "Lauren Vetter is a staff writer covering transport and cities for the magazine."
    article = clean(TAIL_ARTICLE.format(box=f"{note}\n"), kind="text", text_model=None)
    assert note not in article.paragraphs
    assert "bylines.author_box" in {r.rule for r in article.removed}
    assert note in clean(TAIL_ARTICLE.format(box=f"{note}\n"), kind="text", text_model=None,
                         disabled_rules={"bylines.author_box"}).paragraphs


def test_a_name_over_a_note_on_a_person_is_an_author_box() -> None:
    """A name line over a note that names her and speaks of a person goes, whatever her role's words."""
    note = ("Lauren has spent a decade in growth marketing for software firms. She writes on the economics of "
            "the places people live in.")
    article = clean(TAIL_ARTICLE.format(box=f"Lauren Vetter\n{note}\n"), kind="text", text_model=None)
    assert note not in article.paragraphs


def test_a_section_heading_over_its_paragraph_or_a_source_s_note_stays() -> None:
    """A title-case heading over a paragraph on its subject speaks of no person; a note on a person the article
    quotes is a source's."""
    section = "Digital Tools\nDigital tools let riders see when the next bus comes and pay for a trip by phone.\n"
    assert "Digital Tools" in clean(TAIL_ARTICLE.format(box=section), kind="text", text_model=None).paragraphs
    quoted = TAIL_ARTICLE.replace("the agencies said", "Lauren Vetter said")
    note = "Lauren Vetter is a staff writer covering transport and cities for the magazine."
    assert note in clean(quoted.format(box=f"{note}\n"), kind="text", text_model=None).paragraphs


COMMENTED_POST = """My garden spray recipe

I mix onion, garlic and a spoon of cayenne in a blender with a quart of water, then let it steep overnight before I strain it into a spray bottle.

Spray it on the leaves in the evening, once or twice a week, and again after a heavy rain; it keeps the beetles off the beans and the cabbages for me.

{comments}"""

COMMENTS = """Sharon says
Goodness, is that your cabbage in the picture? It is the most beautiful cabbage I have seen all summer long, and mine were eaten to lace.
Amy says
Mine too: the cabbage and the cauliflower are enormous this year, and I did nothing different from last year except water them more often.
Doris Adams says
Self-rising flour dusted on the beans will keep the bugs away as well, my grandmother swore by it for her whole garden every single season.
Tammy says
Thank you for the recipe, I will try it this weekend on my roses and the tomatoes, which the aphids love more than anything else I grow.
"""


def test_a_thread_of_comments_under_a_post_is_no_part_of_the_article() -> None:
    """Comments longer than the post: the article span does not end at the first comment's header (half of its
    text lies after it), but a thread of COMMENT_THREAD headers under an article ends it there."""
    for model in (None, "shipped"):
        article = clean(COMMENTED_POST.format(comments=COMMENTS), kind="text", text_model=model)
        assert any(p.startswith("I mix onion") for p in article.paragraphs)
        assert not any(p.startswith(("Goodness", "Mine too")) for p in article.paragraphs), model
    assert "heuristic.comment_thread" in {r.rule for r in clean(COMMENTED_POST.format(comments=COMMENTS),
                                                                 kind="text", text_model=None).removed}


def test_a_thread_whose_posts_are_the_page_keeps_them() -> None:
    """A page that starts with a post's header: its posts are its content, not comments under an article."""
    article = clean("Forum: garden pests\n" + COMMENTS, kind="text", text_model=None)
    assert any(p.startswith("Goodness") for p in article.paragraphs)


def _scored(lines: list[tuple[str, str, str]]):
    """Blocks as the line scorer leaves them: (text, the heuristics' reason or "" for kept, kept by the model?)."""
    from cleaner.article import Block

    blocks = [Block(text, label="good" if kept else "bad", reason="" if kept else "model.boilerplate")
              for text, _, kept in lines]
    before = [reason for _, reason, _ in lines]
    first = [("good", "", None, False, False)] * len(lines)
    return blocks, before, first


def test_a_list_the_line_scorer_dropped_inside_its_span_stays() -> None:
    """A checklist's steps between two kept paragraphs: each a list's item by the heuristics' measure, dropped by
    the scorer alone, and of some words: they stay; a run of a menu's two-word labels, or of two items, goes."""
    from cleaner.pipeline import _restore_dropped_lists

    para = "Start planning a year ahead, and keep the list below at hand as the day comes closer."
    steps = ["Book the photographer for the day", "Send the invitations to all the guests",
             "Order the wedding cake from the baker"]
    menu = ["Apply Now", "Our Team", "Contact Us"]
    for items, stays in ((steps, True), (menu, False), (steps[:2], False)):
        lines = [(para, "", True), *((t, "heuristic.short", False) for t in items), (para, "", True)]
        blocks, before, first = _scored(lines)
        _restore_dropped_lists(blocks, before, first, (0, len(blocks) - 1), lambda b: None)
        assert all((b.label == "good") == stays for b in blocks[1:-1]), items
    # a line a rule or a repeat put out is no list's item; nor is a line outside the span
    lines = [(para, "", True), (steps[0], "heuristic.repeated_on_page", False), *((t, "heuristic.short", False)
                                                                                  for t in steps[1:]), (para, "", True)]
    blocks, before, first = _scored(lines)
    _restore_dropped_lists(blocks, before, first, (0, len(blocks) - 1), lambda b: None)
    assert not any(b.label == "good" for b in blocks[1:-1])
    blocks, before, first = _scored([(para, "", True), *((t, "heuristic.short", False) for t in steps)])
    _restore_dropped_lists(blocks, before, first, (0, 0), lambda b: None)
    assert not any(b.label == "good" for b in blocks[1:])
