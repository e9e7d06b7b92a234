"""The title of an HTML page: the visible headline on an article page, the metadata title elsewhere."""
from cleaner.title import page_headline, title_from_html


def test_an_article_page_takes_its_headline_over_the_seo_title():
    assert title_from_html("Best Cloud Stocks to Buy | The Fool", ("Investing in Cloud Computing Stocks",),
                           "The Fool", article=True) == "Investing in Cloud Computing Stocks"


def test_other_pages_keep_the_metadata_title_cut_of_its_site():
    assert title_from_html("Modern Sofas & Couches | Shop", ("Sofas & sectionals",), "Shop") == "Modern Sofas & Couches"


def test_of_several_headlines_the_one_the_metadata_title_names_and_never_the_sites_name():
    heads = ["Budget Travel With Gabby", "Budget Traveler’s Guide To Travel Insurance"]
    title = "Budget Traveler’s Guide To Travel Insurance - Budget Travel With Gabby"
    assert page_headline(heads, title, None) == "Budget Traveler’s Guide To Travel Insurance"
    assert page_headline(["Acme News"], "A story | Acme News", "Acme News") is None


def test_a_headline_that_shares_no_word_with_the_metadata_title_names_something_else():
    assert title_from_html("How meditation rewires brains", ("Subscribe today",), None,
                           article=True) == "How meditation rewires brains"


def test_without_a_metadata_title_the_first_headline():
    assert title_from_html(None, ("", "First headline", "Second"), None, article=True) == "First headline"
    assert title_from_html(None, (), None, article=True) is None
