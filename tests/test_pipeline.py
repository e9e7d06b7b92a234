"""The text pipeline's fallbacks: what a text gives when the heuristics keep none of its lines."""
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
