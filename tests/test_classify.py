"""The heuristic stage on its own: labels from features and context."""
from cleaner import clean

ARTICLE = [
    "City council approves new budget for parks",
    "The city council voted on Tuesday to approve a budget that doubles the money spent on parks and playgrounds "
    "over the next two years, after a debate that ran late into the evening and drew a large crowd of residents.",
    "Opponents argued that the plan would delay repairs to roads and bridges.",
    "The mayor said the first new playground would open in the spring, in the north of the city, near the river, "
    "and that two more would follow before the end of next year if the weather allowed the work to go on.",
]


def test_footer_links_named_by_a_rule_do_not_join_a_later_sentence():
    # Short footer links sit between the article and a sentence-like footer line.  The links that a
    # rule calls noise are bad before the context pass, so the plain links between them are not
    # adopted by the good blocks on either side.
    footer = ["Subscribe to our newsletter", "Licensing & Reprints", "Careers", "Terms of Service",
              "Privacy Policy", "News Releases", "About Us",
              "Got a confidential news tip? We want to hear from you and we read every message."]
    article = clean("\n".join(ARTICLE + footer), kind="text")
    assert article.paragraphs[:3] == tuple(ARTICLE[1:])
    for line in ("Licensing & Reprints", "Careers", "News Releases", "About Us"):
        assert line not in article.paragraphs


def test_a_short_subheading_inside_the_article_stays():
    text = "\n".join(ARTICLE[:3] + ["What happens next"] + ARTICLE[3:])
    assert "What happens next" in clean(text, kind="text").paragraphs
