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
