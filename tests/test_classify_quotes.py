"""A forum post quoted in a reply is the post's own text; a teaser or a notice printed twice is not."""
from cleaner import clean
from cleaner.classify import REPEATED_ON_PAGE, classify
from cleaner.lexicon import lexicon
from cleaner.options import Options
from cleaner.segment import segment

POST = ("I bought the same model last spring and the battery started to swell after about eight months of daily "
        "use, so I took it back to the shop and they replaced it without asking any questions at all.")
REPLY = ("That is good to hear, because mine is just out of warranty now and I was worried that the shop would "
         "refuse to look at it, so I will take it in this week and ask them to check the battery.")
MORE = ("The shop said that it was a known fault with one batch of cells and that anyone with the same "
        "model should bring it in for a free check, even when the battery still looks normal.")
LATER = ("Mine has been fine for two years, but I never leave it on the charger overnight and I think that makes "
         "a real difference to how long the battery lasts in the end.")


def thread(quote_header: str) -> list[str]:
    return ["Forums", "Laptops", "Battery swelling after a few months", "#1", "marta_k", "Jan 3, 2025", POST,
            MORE, "Reply", "#2", "tom_w", "Jan 4, 2025", quote_header, POST, REPLY, "Reply", "#3", "lee", "Jan 5, 2025",
            LATER, "Reply", "About us", "Contact"]


def test_a_post_quoted_in_a_reply_stays_once_with_the_reply():
    article = clean("\n".join(thread("marta_k said:")), kind="text")
    assert article.paragraphs.count(POST) == 1
    assert article.paragraphs.index(POST) < article.paragraphs.index(MORE) < article.paragraphs.index(REPLY)
    assert LATER in article.paragraphs


def first_copy_reason(lines: list[str], text: str) -> str:
    """The reason the first pass gives the first copy of a text (empty: it is good), before the context pass
    and the article's span (which restore a text repeated only inside the span)."""
    blocks = segment("\n".join(lines))
    trace: list[tuple] = []
    classify(blocks, Options.from_kwargs(kind="text"), lexicon(), trace=trace)
    return trace[[b.text for b in blocks].index(text)][1]


def test_the_first_copy_of_a_quoted_post_is_judged_on_its_own_features():
    assert first_copy_reason(thread("marta_k said:"), POST) == ""


def test_a_post_quoted_under_an_attribution_line_is_judged_on_its_own_features_without_a_long_reply():
    # "marta_k said:" introduces the quote; the reply is one short line, so no new prose follows the quote.
    lines = thread("marta_k said:")
    at = lines.index(REPLY)
    lines[at:at + 1] = ["Click to expand...", "Same here, thanks."]
    assert first_copy_reason(lines, POST) == ""


def test_a_post_quoted_with_its_attribution_on_the_same_line_is_judged_on_its_own_features():
    # A scrape that lost the posts' own text keeps the quotes: "marta_k said: ..." in two replies, each
    # followed by the replier's name and no prose.
    quote = "marta_k said: " + POST
    lines = ["Forums", "Laptops", "Battery swelling after a few months", "#2", quote, "tom_w", "New member",
             "Jan 4, 2025", "#3", quote, "lee", "Senior member", "Jan 5, 2025", "About us"]
    assert first_copy_reason(lines, quote) == ""


def test_a_dateline_or_markup_before_a_colon_is_no_attribution():
    for opening in ("NEW DELHI: ", '<span style="display: '):
        teaser = opening + POST
        lines = ["Home", "Perspective", teaser, "Court clears the way for the river rail line", REPLY, LATER,
                 "Download Media Kit", teaser, "Loading..."]
        assert first_copy_reason(lines, teaser) == REPEATED_ON_PAGE


def test_a_label_with_a_colon_before_a_repeated_line_is_no_attribution():
    lines = thread("Download the Paper:")
    at = lines.index(REPLY)
    lines[at:at + 1] = ["View PDF", "Same here, thanks."]
    assert first_copy_reason(lines, POST) == REPEATED_ON_PAGE


def test_a_teaser_printed_twice_with_its_headline_still_goes():
    # After the article, a teaser list shows the same headline and blurb twice (a carousel and its copy); new
    # prose follows the second copy (the next teaser's blurb stands once), yet the headline before both copies
    # makes them one teaser.
    headline = "Why farmers may want to paint their cows with stripes"
    blurb = ("Some people thought the stripy cattle in a pasture were a practical joke, but the science behind "
             "the idea is sound, say the researchers who studied the herds for a whole season of grazing.")
    other = ("A new study of coastal towns finds that the sea is rising faster than the models had said it would, "
             "and the authors warn that planning rules will have to change within the next ten years.")
    text = "\n".join(["Home", "Science", "Court clears the way for the river rail line", POST, REPLY, LATER,
                      "More stories", headline, blurb, "Science", headline, blurb, other, "Contact"])
    assert blurb not in clean(text, kind="text").paragraphs
    assert first_copy_reason(text.split("\n"), blurb) == REPEATED_ON_PAGE


def test_a_long_notice_printed_twice_before_more_repeated_lines_still_goes():
    # A footer printed twice (for two screen sizes): after the notice's second copy comes the footer's next
    # line, which the page prints twice as well: no reply, no new prose.
    notice = ("This material may not be published, broadcast, rewritten or redistributed in any form without the "
              "written permission of the publisher, and quotes are delayed by at least fifteen minutes.")
    pitch = ("Sign up for our morning newsletter and get the day's most important business stories delivered to "
             "your inbox before the markets open, every weekday, free of charge.")
    text = "\n".join(["Home", "Markets", "Court clears the way for the river rail line", POST, REPLY, LATER,
                      notice, "Share", pitch, "Email", notice, pitch])
    assert notice not in clean(text, kind="text").paragraphs
    assert first_copy_reason(text.split("\n"), notice) == REPEATED_ON_PAGE
