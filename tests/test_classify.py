"""The heuristic stage on its own: labels from features and context."""
import pytest

from cleaner import clean
from cleaner.article import Block
from cleaner.classify import choose_stopwords, is_author_box, is_comment_header, is_list_item, is_thread_heading
from cleaner.lexicon import lexicon

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


SHORT_ARTICLE_THEN_DIALOG = [
    "Home", "News", "Weather", "Sport",
    "Storm closes mountain pass for the winter",
    "The mountain pass between the two valleys closed on Friday after the first heavy snow of the season, "
    "and the road authority said it would stay closed until the spring thaw, as it does in most years.",
    "Share", "Most read", "Contact", "Sign in", "Local", "Business", "Culture", "Opinion", "Travel", "Podcasts",
    "Newsletters", "Jobs", "Events", "Archive",
    "Resetting your password did not work this time. Please click the link in the e-mail again to retry.",
    "Your password has been changed. You can now sign in with your new password on every device you use.",
    "Welcome! We have sent you an e-mail. Please confirm the link in that e-mail to activate your account.",
    "We ask for a moment of patience while the activation of your new account is completed for you.",
    "Registration failed this time. Please clear your history and your cookies and then click again here.",
    "Imprint", "Privacy",
]


def test_the_article_follows_the_headline_named_by_the_url():
    text = "\n".join(SHORT_ARTICLE_THEN_DIALOG)
    paragraph = SHORT_ARTICLE_THEN_DIALOG[5]
    assert paragraph.startswith("The mountain pass")
    # Without a URL the longer run of sentences (a login dialog) is taken for the article ...
    assert paragraph not in clean(text, kind="text", text_model=None).paragraphs
    # ... with one, the line that repeats the URL's headline anchors the article after it.
    article = clean(text, kind="text", url="https://example.com/news/storm-closes-mountain-pass-winter-123.html",
                    text_model=None)
    assert article.paragraphs == (paragraph,)
    assert article.title == "Storm closes mountain pass for the winter"


def test_a_list_of_teasers_after_the_article_ends_it():
    teasers = [
        "Why Movies Went From Fifteen Minutes To Two Hours Long", "Thanks to one film from Italy, it seems.",
        "Berlin Wants To Freeze Rents For Five Years", "Can it really do that, and what happens next?",
        "Watching This Koala Get Rescued Is Heart-Wrenching", "Dozens of fires are spreading across the land.",
    ]
    article = clean("\n".join(ARTICLE + teasers), kind="text")
    assert article.paragraphs == tuple(ARTICLE[1:])


def test_a_list_of_dated_teasers_in_sentence_case_after_the_article_ends_it():
    # A blog's "more posts": title, date line, blurb.  The date line marks the titles, which need not be
    # in title case.
    teasers = [
        "Who is behind the video that shook the government?", "May 21 2019, 14:34 | Media, Politics",
        "There is still no claim of responsibility, and the newspapers do not name their source.",
        "Copyright reform: censorship is not the point", "Mar 25 2019, 19:02 | Culture, Politics",
        "It is not the censorship of content but the duty to license that is at the heart of the reform.",
        "The newspaper after its longtime editor", "Jan 7 2019, 16:05 | Culture, Media",
        "On Twitter the paper was mocked a lot lately, but it defends its line against all of that.",
    ]
    paragraphs = clean("\n".join(ARTICLE + teasers), kind="text").paragraphs
    assert paragraphs == tuple(ARTICLE[1:])


def test_lines_between_titles_and_sentences_that_are_no_dates_do_not_make_a_teaser_list():
    from cleaner.classify import headline_pairs
    from cleaner.article import Block

    items = ["Ein Museum zum Lachen", "Lage: Breitengrad 53.36671, Längengrad 9.95",
             "Ein Museum, in dem man lachen kann.",
             "Das alte Hafenbecken", "Lage: Breitengrad 53.54321, Längengrad 9.97",
             "Hier legten früher die Segler an.",
             "Der Leuchtturm am Deich", "Lage: Breitengrad 53.87654, Längengrad 8.71",
             "Von oben sieht man bis zur Insel."]
    assert headline_pairs([Block(t) for t in items]) == {}
    dated = [t if not t.startswith("Lage") else "Juni 2019 | Ausflüge" for t in items]
    assert headline_pairs([Block(t) for t in dated]) == {0: 9}


def test_headline_and_blurb_pairs_early_in_the_article_stay():
    # A list that starts before most of the article's text is the article's own (a product round-up).
    items = ["Apple AirPods Pro Noise Cancelling Earbuds", "The best choice for most iPhone owners, we think.",
             "Sony WH-1000XM3 Wireless Headphones", "They cost more but sound better than anything else.",
             "Bose QuietComfort 35 Headphones", "Older, yet still comfortable on a long flight home."]
    text = "\n".join(ARTICLE[:2] + items + ARTICLE[2:])
    paragraphs = clean(text, kind="text").paragraphs
    assert all(item in paragraphs for item in items)


def test_sections_of_one_short_paragraph_each_in_the_second_half_of_an_essay_stay():
    # Subheadings over one short paragraph each read like headline + blurb teasers; where less than most of the
    # article stands before them (LIST_AFTER), they are the article's own sections.
    sections = ["Laugh At The Absurdity Of It All", "A bathroom sink is no place to wash the dishes, but it will do.",
                "Lean On Your Practice When You Can", "Ten minutes on the mat is better than none at all, I find.",
                "Remember That It Is Only Temporary", "The builders will leave one day, and the kitchen will be back."]
    closing = ("So if your own life is a building site right now, be kind to yourself, breathe out slowly, and "
               "know that the mess will not last for ever, even if it feels that way this week.")
    paragraphs = clean("\n".join(ARTICLE + sections + [closing]), kind="text").paragraphs
    assert all(line in paragraphs for line in sections[1::2])


def test_a_list_of_teasers_longer_than_the_article_still_ends_it():
    # The teasers' own text does not count as the article's: after a short article, a long list of
    # headline + blurb pairs must not push the point where "most of the article" is seen past its start.
    blurb = " and the people who live there say it has changed their days, their work and their plans for next year."
    teasers = []
    for headline in ("Why Movies Went From Fifteen Minutes To Two Hours Long", "Berlin Wants To Freeze Rents For Five Years",
                     "Watching This Koala Get Rescued Is Heart-Wrenching", "A Massive Sinkhole Opens On A Road In Russia",
                     "The Most Remote Places In The World, Visualized", "Scientists Create A Detailed Model Of The Universe"):
        teasers += [headline, "A story about " + headline.lower() + blurb]
    article = clean("\n".join(ARTICLE + teasers), kind="text")
    assert article.paragraphs == tuple(ARTICLE[1:])


def test_the_url_slug_is_its_longest_part_not_the_section_names():
    # "/entertainment-arts/business/story/..." names sections; the headline's words are in the slug proper,
    # so a menu line that repeats the section names is not taken for the headline.
    from cleaner.title import url_slug_tokens

    url = "https://example.com/entertainment-arts/business/story/2019-11-19/disney-plus-launch-glitches-issues"
    assert url_slug_tokens(url) == {"disney", "plus", "launch", "glitches", "issues"}
    lines = ["Entertainment & Arts", "Business", "Sports",
             "Disney Plus launch hit by glitches and sign-in issues", *ARTICLE[1:]]
    article = clean("\n".join(lines), kind="text", url=url)
    assert article.title == "Disney Plus launch hit by glitches and sign-in issues"
    assert url_slug_tokens("https://example.com/news/us-sport-corona-100.html") == {"sport", "corona"}


LONG = [
    "The regional court ruled on Monday that the new rail line may be built along the river, ending a dispute "
    "that had lasted for almost ten years and had stopped work on the bridges at both ends of the valley.",
    "Residents who had brought the case said they were disappointed and would read the judgment carefully "
    "before deciding whether to take it to the country's highest court, which could take another two years.",
    "The rail company said that the first trains could run within four years if the building work started "
    "in the spring, and that the line would cut the journey to the capital by more than half an hour.",
]


def test_an_article_the_page_holds_twice_is_kept_once():
    # A print view beside the page: every long paragraph stands twice, in the same order.
    text = "\n".join(["Home", "News", "Court clears the way for the river rail line"] + LONG
                     + ["Print this page", "Share"] + LONG + ["Contact us"])
    article = clean(text, kind="text")
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert sum(r.rule == "heuristic.repeated_on_page" for r in article.removed) == len(LONG)


def test_a_widget_shown_twice_beside_an_article_still_goes():
    # The same teasers above and below an article that stands once: the repeats are the widget's.
    teasers = [p.replace("The ", "Earlier: the ", 1) for p in LONG]
    text = "\n".join(teasers + ARTICLE + teasers)
    paragraphs = clean(text, kind="text").paragraphs
    assert paragraphs == tuple(ARTICLE[1:])


def test_an_article_printed_three_times_beside_an_author_box_is_kept_once_with_its_headings():
    # Three renderings of one article (for three screen sizes), its subheadings repeated with it, and an author's
    # box that stands once: the first rendering is the article.
    heading = "What the court decided"
    body = LONG[:1] + [heading] + LONG[1:]
    box = ("Anna Berg covers transport and the courts for the paper and has written about the river rail line "
           "since the first plans for it were shown to the public ten years ago.")
    text = "\n".join(["Home", "News", "Court clears the way for the river rail line"] + body + ["Share"] + body
                     + ["Share"] + body + [box, "Contact us"])
    article = clean(text, kind="text")
    assert [p for p in article.paragraphs if p in body] == body


def test_a_repeated_passage_beside_more_text_that_stands_once_still_goes():
    # Teasers shown twice cannot pass for a printed article when the page holds more long text once.
    teasers = [p.replace("The ", "Earlier: the ", 1) for p in LONG]
    text = "\n".join(teasers + ARTICLE[1:] + LONG + ARTICLE[1:] + teasers)
    assert not set(clean(text, kind="text").paragraphs) & set(teasers)


def test_lines_printed_twice_in_a_row_are_kept_once_and_a_menu_still_goes():
    menu = ["Home", "Work", "Contact"]
    lines = ["Court clears the way for the river rail line"] + ARTICLE[1:]
    text = "\n".join(menu + [line for line in lines for _ in (1, 2)] + menu)
    article = clean(text, kind="text")
    assert list(article.paragraphs) == ARTICLE[1:]
    assert sum(r.rule == "heuristic.doubled_line" for r in article.removed) == len(ARTICLE[1:])
    assert {r.text for r in article.removed if r.rule == "heuristic.repeated_on_page"} == set(menu)


def test_short_labels_the_page_repeats_between_posts_do_not_split_the_thread():
    # A forum thread: each post followed by the same few labels.  At a block's price each, three labels
    # outweigh a post of one sentence and the thread fell apart into its longest post.
    posts = ["I had the same problem with my old boiler and it turned out to be the pressure valve in the end.",
             "Thanks, that was it. The engineer came round this morning and replaced the valve for us.",
             "Good to hear it was something simple. Those valves do wear out after a few winters of use.",
             "Worth having the whole system checked once a year, it saves a lot of trouble later on too."]
    labels = ["Reply", "Quote", "Report"]
    text = "\n".join(["Forum", "Heating", "Boiler keeps losing pressure"] + [line for post in posts
                                                                               for line in [post] + labels])
    assert clean(text, kind="text").paragraphs == tuple(posts)


def test_on_a_list_page_every_item_that_reads_as_content_stays():
    # Items of one sentence each, far apart: no run of them is an article, so all of them are the content.
    items = ["Our plumbers fix leaking taps and burst pipes on the same day, at any hour of the day or night.",
             "We fit new boilers and service old ones, and every job comes with a written guarantee of a year.",
             "Our electricians rewire old houses safely and tidily, and we leave the place as clean as we found it.",
             "We clear blocked drains with a camera survey first, so that you know what the problem was."]
    links = [f"https://example.com/services/{i}/{part}" for i in range(4) for part in ("book", "prices")]
    text = "\n".join(["Home Services"] + [line for i, item in enumerate(items)
                                          for line in [item] + links[2 * i:2 * i + 2]])
    assert clean(text, kind="text").paragraphs == tuple(items)


def test_on_a_list_page_the_names_between_its_items_stay_and_its_menu_does_not():
    # A listing: each item a name of a few words between links, over a one-sentence blurb.  On a page with no
    # article the names are the items' own; alone between two links each would go.
    names = ["Emergency Plumbing Repairs", "Boiler Fitting and Servicing", "Safe Electrical Rewiring",
             "Drain Clearing with Cameras"]
    items = ["Our plumbers fix leaking taps and burst pipes on the same day, at any hour of the day or night.",
             "We fit new boilers and service old ones, and every job comes with a written guarantee of a year.",
             "Our electricians rewire old houses safely and tidily, and we leave the place as clean as we found it.",
             "We clear blocked drains with a camera survey first, so that you know what the problem was."]
    links = [f"https://example.com/services/{i}/{part}" for i in range(4) for part in ("book", "prices")]
    text = "\n".join(["Home", "Services"] + [line for i, (name, item) in enumerate(zip(names, items))
                                            for line in [links[2 * i], name, links[2 * i + 1], item]])
    article = clean(text, kind="text")
    assert article.title == names[0]  # the first name heads the page
    assert article.paragraphs == tuple(line for pair in zip(names, items) for line in pair)[1:]  # not the menu


def test_an_article_keeps_its_span_beside_much_text_that_reads_as_content():
    # Three long paragraphs make an article: the teasers' sentences around it go, however much they hold.
    teasers = ["Earlier: " + p for p in LONG]
    links = [f"https://example.com/more/{i}" for i in range(20)]
    text = "\n".join(["Menu", "Court clears the way for the river rail line"] + LONG + links + teasers)
    assert clean(text, kind="text", text_model=None).paragraphs == tuple(LONG)


def test_a_long_line_without_a_sentence_or_stop_words_takes_its_neighbours_class():
    # A list item of names between the article's paragraphs stays; the same kind of line among menus goes.
    item = "Organic Cotton, Linen, Hemp, Recycled Polyester, Tencel Lyocell Fabrics"
    menu = "Women Men Kids Home Beauty Gifts Brands Sale Stores Careers Help"
    text = "\n".join(["Shop", menu, "Sign in"] + ARTICLE[:2] + [item] + ARTICLE[2:] + ["Cart", menu + " Blog", "Help"])
    paragraphs = clean(text, kind="text").paragraphs
    assert item in paragraphs
    assert not any(p.startswith("Women Men") for p in paragraphs)


def test_a_sentence_that_opens_a_quote_with_a_colon_stays_and_a_label_does_not():
    intro = "Rail Minister Anna Berg told reporters outside the Parliament building on Monday:"  # few stop words
    text = "\n".join([LONG[0], intro, LONG[1], LONG[2], "Share this:", "Facebook", "Twitter"])
    paragraphs = clean(text, kind="text").paragraphs
    assert intro in paragraphs
    assert "Share this:" not in paragraphs


LEAD = ("The rail company will start building the new line along the river in the spring, after the regional court "
        "cleared the way on Monday in a dispute that had stopped work for almost ten years.")


def test_a_lead_the_page_repeats_in_a_teaser_stays_above_the_body():
    # The lead stands right above the body (a photo credit between) and again in a teaser further down:
    # the copy next to the body is the article's.
    text = "\n".join(["Home", "News", "Court clears the way for the river rail line", LEAD, "Photo: dpa"] + LONG
                     + ["Share", "Most read", "Court clears the way for the river rail line", LEAD, "Contact us"])
    paragraphs = clean(text, kind="text").paragraphs
    assert paragraphs == (LEAD, *LONG)


def test_the_last_teaser_of_a_list_shown_twice_does_not_join_the_body():
    teasers = [p.replace("The ", "Earlier: the ", 1) for p in LONG] + [LEAD]
    text = "\n".join(["Home", "News"] + teasers + ARTICLE + ["Most read"] + teasers)
    paragraphs = clean(text, kind="text").paragraphs
    assert LEAD not in paragraphs


def test_a_short_standfirst_repeated_in_a_teaser_still_goes():
    standfirst = "The ruling ends a dispute that had stopped all work on the line for almost ten years."
    text = "\n".join(["Home", "News", "Court clears the way", standfirst] + LONG
                     + ["Most read", "Court clears the way", standfirst, "Contact us"])
    assert standfirst not in clean(text, kind="text").paragraphs


def test_a_long_line_in_capitals_inside_the_article_goes_and_a_short_one_stays():
    banner = "MAYOR SAYS THE CITY WILL OPEN TWO MORE PARKS BY THE END OF THE YEAR"  # a link to another story
    subheading = "WHAT HAPPENS NEXT"
    text = "\n".join(ARTICLE[:3] + [banner, subheading] + ARTICLE[3:] + LONG)
    article = clean(text, kind="text")
    assert banner not in article.paragraphs
    assert subheading in article.paragraphs
    assert [p for p in article.paragraphs if p in LONG] == LONG  # the article goes on past the banner


def test_a_line_in_a_script_without_case_is_no_banner():
    from cleaner.classify import _is_banner

    assert not _is_banner("[KBS=기자] 서울시는 오늘 새 예산안을 발표했다 시민들의 반응은 엇갈렸다 A B")
    assert _is_banner("'DANCING WITH THE STARS' JUDGE OPENS UP ABOUT HER SERIOUS HEALTH CONDITION")


TRAILING_TITLES = ["Orders for the new jet pick up at the air show",
                   "Will the train threaten air travel? 'Not in my lifetime,' says an executive",
                   "The plan to make the batteries of drones last longer"]
PUBLISHER = ("The Daily Example is where the news of the city is told. It is the source of information and ideas "
             "that make sense of a world in constant change, for the readers who live in it.")


def test_a_run_of_teaser_titles_at_the_articles_tail_ends_it():
    # Links to other stories without a label above them, then a publisher's blurb: the context pass
    # keeps the titles between two good blocks, the article ends before them.
    paragraphs = clean("\n".join(ARTICLE + TRAILING_TITLES + [PUBLISHER]), kind="text").paragraphs
    assert paragraphs == tuple(ARTICLE[1:])


def test_titles_that_a_line_ending_in_a_colon_introduces_stay():
    intro = "These are the three projects that the council will fund first:"
    paragraphs = clean("\n".join(ARTICLE + [intro] + TRAILING_TITLES + [PUBLISHER]), kind="text").paragraphs
    assert all(title in paragraphs for title in TRAILING_TITLES)


def test_titles_that_more_of_the_article_follows_stay():
    more = ["The council will meet again in the spring to decide on the roads and the bridges that need repairs.",
            "Residents may send their comments to the council by letter or by e-mail until the end of the month."]
    paragraphs = clean("\n".join(ARTICLE + TRAILING_TITLES + more), kind="text").paragraphs
    assert all(title in paragraphs for title in TRAILING_TITLES)


def test_short_lines_and_sentences_make_no_run_of_titles():
    from cleaner.title import is_teaser_title

    assert is_teaser_title("Will the train threaten air travel? 'Not in my lifetime,' says an executive")
    assert is_teaser_title("Apollo 11 First Moon Landing Receives Royal Treatment in 'The Crown'")
    for line in ("– Dia**** Co** Ga****", "The show was really great.", "Here is what we found:", "Sign in"):
        assert not is_teaser_title(line)


def test_a_list_after_a_repeated_label_inside_the_article_stays():
    # A review: under each product the same label ("What we like:") opens a list of short items.  The label
    # repeats, so it goes; the items after it, short lines with no good paragraph right before them, went
    # with it in the context pass, though they stand between the article's paragraphs.
    pros = [["Quiet even at full speed", "Easy to clean by hand"], ["Folds flat for storage", "Long battery life"]]
    parts = []
    for para, items in zip((ARTICLE[1], ARTICLE[3]), pros):
        parts += [para, "What we like:"] + items
    text = "\n".join(["Reviews", "Best fans of the year"] + parts + [ARTICLE[2]] + ["Privacy", "Contact"])
    article = clean(text, kind="text")
    for item in pros[0] + pros[1]:
        assert item in article.paragraphs
    assert "What we like:" not in article.paragraphs
    assert "Contact" not in article.paragraphs and "Privacy" not in article.paragraphs


def test_dates_and_counts_between_the_paragraphs_do_not_become_items():
    # Inside the article, a short line between two labels stays as a list's item ("Works along the river"); a
    # date line or a line mostly of digits does not.
    meta = [[f"updated Oct {day}, 2010 at 21:58", f"3,48{day} 6 6 views 31 31", f"Works along the {name}"]
            for day, name in ((16, "river"), (17, "valley"))]
    text = "\n".join(["News", "Court clears the way for the river rail line", LONG[0], "Reply"] + meta[0]
                     + ["Share", LONG[1], "Reply"] + meta[1] + ["Share", LONG[2]])
    article = clean(text, kind="text")
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert "Works along the river" in article.paragraphs and "Works along the valley" in article.paragraphs
    for date, count, _ in meta:
        assert date not in article.paragraphs and count not in article.paragraphs


def test_a_list_item_is_neither_a_date_line_nor_mostly_digits():
    assert is_list_item("Slow upload speeds") and is_list_item("Up to 25 users")
    assert not is_list_item("answered Oct 16, 2010 at 21:58")
    assert not is_list_item("59.6k 44 44 gold badges 151 151")


TABLE = ["Porridge oats 80g 160g 320g", "Split red lentils 18g 36g 72g", "Vegetable oil 48ml 96ml 192ml",
         "Tinned tomatoes 1 tin 2 tins 4 tins"]


def test_the_rows_of_a_table_inside_the_article_stay():
    """A table's rows are mostly figures, which a list's item is not (``is_list_item``): three in a row or more,
    each a name and its figures, inside the article, stay."""
    # its heading and the button under it stand in the page's menu too: the rows lie between two bad lines
    text = "\n".join(["Shopping list", "Print"] + ARTICLE[:3] + LONG[:2] + ["Shopping list"] + TABLE + ["Print"]
                     + LONG[2:] + ARTICLE[3:] + ["Privacy Policy"])
    article = clean(text, kind="text", text_model=None)
    for row in TABLE:
        assert row in article.paragraphs
    after = clean("\n".join(ARTICLE + ["Privacy Policy"] + TABLE), kind="text", text_model=None)
    assert TABLE[0] not in after.paragraphs  # a table after the article is not its own


PLANS = ["Starter plan for one user", "Team plan for up to five users", "Business plan for up to twenty users",
         "Enterprise plan with a dedicated manager", "Free trial for fourteen days", "Discount for yearly billing",
         "Priority support on every paid plan", "Data export in every plan"]


def test_the_article_reaches_across_a_long_list_of_items():
    # A review whose lists of plans and features, short lines that are no sentence under labels the page repeats
    # in its menu, stand between its paragraphs: at a block's price each, the lists cut the densest run in two,
    # and the closing paragraph after them went.  The span reaches across the lists, and their items stay.
    text = "\n".join(["Home", "Reviews", "The best project tools of the year"] + LONG + ["Plans"] + PLANS[:4]
                     + ["Features"] + PLANS[4:] + [ARTICLE[3], "Privacy Policy", "Plans", "Features"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG and ARTICLE[3] in article.paragraphs
    for plan in PLANS:
        assert plan in article.paragraphs
    assert "Plans" not in article.paragraphs and "Privacy Policy" not in article.paragraphs


def test_a_menu_of_short_links_still_ends_the_article():
    # A menu's lines are shorter than a list's items (fewer than four words): after them, a sidebar's text
    # does not join the article.
    menu = ["World", "Business", "Sport news", "Culture and arts", "Travel", "Science", "Weather today",
            "Opinion", "Video", "Podcasts", "Newsletters", "Jobs"]
    sidebar = ("Our newsroom is funded by readers like you, and every contribution, however big or small, helps us "
               "keep our journalism free to read for everyone in the country and abroad.")
    text = "\n".join(["News", "Court clears the way for the river rail line"] + LONG + menu + [sidebar])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert sidebar not in article.paragraphs


def test_a_teaser_list_of_sentences_does_not_stretch_the_article():
    # Teasers whose blurbs end like sentences are no list's items: the span does not reach across them (and an
    # advertisement) to the text beyond.
    teasers = ["Beyond the river: the valley's new farms.", "Why the bridge took ten years to build.",
               "The last ferry across the lake.", "Old mills find new owners at last."]
    sidebar = ("Our newsroom is funded by readers like you, and every contribution, however big or small, helps us "
               "keep our journalism free to read for everyone in the country and abroad.")
    text = "\n".join(["News", "Court clears the way for the river rail line"] + LONG + teasers
                     + ["Advertisement", sidebar])
    article = clean(text, kind="text", text_model=None)
    assert sidebar not in article.paragraphs


def test_a_heading_the_table_of_contents_repeats_stays_above_its_section():
    # The page lists its sections at the top (a table of contents, outside the article); inside the article each
    # heading stands again above its paragraph.  The repeat went as a menu's line; the copy above the paragraph
    # is the article's own, and stays once.
    headings = ["Why the court ruled for the line", "What the residents will do next", "When the first trains run"]
    text = "\n".join(["News", "Contents"] + headings + ["Court clears the way for the river rail line", ARTICLE[1]]
                     + [line for pair in zip(headings, LONG) for line in pair] + ["Privacy Policy", "Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    for heading in headings:
        assert article.paragraphs.count(heading) == 1
        assert article.paragraphs.index(heading) + 1 == article.paragraphs.index(LONG[headings.index(heading)])


def test_a_label_the_page_repeats_above_several_paragraphs_still_goes():
    # A label over every post ("Posted by the editors") stands above more than one paragraph: it is no heading.
    text = "\n".join(["News", "Court clears the way for the river rail line"]
                     + [line for para in LONG for line in ("Posted by the editors", para)] + ["Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert "Posted by the editors" not in article.paragraphs


def test_a_card_printed_twice_in_a_row_is_kept_once():
    # A feature's title and its text, drawn a second time right after the first (for a slider, another screen
    # size): the card stands twice, so both copies went as repeats; the first copy is judged as a text that
    # stands once, and the second goes.
    card = ["Built to last for a lifetime", "Every frame is welded by hand and tested under twice the load it is "
            "rated for, so that it keeps its shape after years of daily use."]
    text = "\n".join(["Shop", "Cart", "The oak standing desk"] + LONG[:2] + card + card + [LONG[2], "Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    for line in card:
        assert article.paragraphs.count(line) == 1


def test_lines_that_repeat_far_apart_are_no_card_printed_twice():
    # The same two lines at the top and at the bottom of the page (a banner, a footer) are no card drawn twice.
    menu = ["Our shops are open every day of the week from nine in the morning until late.",
            "Delivery is free on every order over fifty pounds, all through the year."]
    text = "\n".join(menu + ["Court clears the way for the river rail line"] + LONG + ARTICLE[1:] + menu)
    article = clean(text, kind="text", text_model=None)
    for line in menu:
        assert line not in article.paragraphs


NAMED_NOISE = ["Sign up for our newsletter and get the week's best stories in your inbox every Friday.",
               "Share on Facebook", "Share on LinkedIn"]
OTHER_STORIES = [
    "Earlier this month the county opened a new library in the east of the city, with a reading room for children "
    "and a garden that the neighbours had planted themselves over two long summers.",
    "The school board will meet next week to decide on the new timetable, which parents say starts far too early "
    "in the morning for the youngest pupils and leaves little time for breakfast at home.",
    "A local baker won the regional prize for the third year running, with a rye loaf that the judges called the "
    "best they had tasted in a decade of judging the contest in the market hall."]


def test_three_lines_in_a_row_that_rules_call_noise_end_the_article():
    """A call to sign up and the share buttons after most of the article: the page's own sections begin, and the
    prose under them (other stories' summaries) is not the article's."""
    article = clean("\n".join(ARTICLE + LONG + NAMED_NOISE + OTHER_STORIES), kind="text", text_model=None)
    assert article.paragraphs == tuple(ARTICLE[1:] + LONG)
    two = clean("\n".join(ARTICLE + LONG + NAMED_NOISE[1:] + OTHER_STORIES), kind="text", text_model=None)
    assert OTHER_STORIES[0] in two.paragraphs  # two such lines are a photo's credit and caption as often
    scores = ["4.50/5", "4.20/5", "4.10/5"]  # read as datelines by the byline rules: a table's scores
    table = clean("\n".join(ARTICLE + LONG + scores + OTHER_STORIES), kind="text", text_model=None)
    assert OTHER_STORIES[0] in table.paragraphs


COMMENTS = ["Sheri says", "Thanks for sharing this, I tried the recipe last night and it came out just as you said.",
            "Reply", "Karl Fleischmann says:", "Great post. I would add a pinch of salt to the dough before it rests."]


def test_the_first_comments_header_ends_the_article():
    """A blog prints "Name says" over each comment: the comments' short paragraphs join the article's run,
    and the first header ends it."""
    article = clean("\n".join(ARTICLE + COMMENTS), kind="text", text_model=None)
    assert article.paragraphs == tuple(ARTICLE[1:])


THREAD = ["12 thoughts on “Court clears the way for the river rail line”",
          "I have waited twenty years for this line, and I am glad the judges finally saw sense in the matter.",
          "The tram will cost far more than the council says, and the fares will rise to pay for it, mark my words.",
          "My street lies on the route, and nobody from the council has yet come to ask us what we think of it."]


@pytest.mark.parametrize("model", [None, "shipped"])
def test_the_heading_of_a_blogs_thread_of_comments_ends_the_article(model):
    """A blog heads the comments under a post "12 thoughts on “Title”": the comments (prose, as long as the
    article's paragraphs) go from the heading on, whichever stage judges the lines."""
    article = clean("\n".join(ARTICLE + THREAD), kind="text", text_model=model)
    assert article.paragraphs == tuple(ARTICLE[1:])


def test_a_thread_heading_counts_comments_on_a_quoted_title():
    assert is_thread_heading("59 Comments on “The December Comfort Watches 2025, Day Eighteen”")
    assert is_thread_heading("One reply to \"A guide to low light houseplants\"")
    assert not is_thread_heading("20 replies to this topic")
    assert not is_thread_heading("3 thoughts on the budget from the mayor's office")


def test_a_comments_header_is_a_name_and_says():
    assert is_comment_header("Sheri says", lexicon())
    assert is_comment_header("Karl Fleischmann says:", lexicon())
    assert not is_comment_header("Nobody in the council really knows what the mayor says", lexicon())
    assert not is_comment_header("He says the plan will work.", lexicon())


def test_a_comments_header_may_be_a_name_and_when_it_was_posted():
    assert is_comment_header("Amy September 11, 2008 at 2:06 PM", lexicon())
    assert is_comment_header("Abdul Majeed 3/12/2021 at 1:48am", lexicon())
    assert is_comment_header("Jenny says: March 3, 2020 at 5:01 pm", lexicon())
    assert not is_comment_header("Updated March 3, 2020 at 5:01 pm", lexicon())  # a dateline
    assert not is_comment_header("Commented Oct 17, 2010 at 23:10", lexicon())  # a Q&A site's stamp, 24-hour clock
    assert not is_comment_header("The vote was held on March 3, 2020 at 5:01 pm", lexicon())


DATED_COMMENTS = ["Amy September 11, 2008 at 2:06 PM",
                  "Thanks for sharing this, I tried the recipe last night and it came out just as you said.",
                  "Editor September 15, 2008 at 9:19 PM",
                  "Great post. I would add a pinch of salt to the dough before it rests overnight."]


def test_a_dated_comments_header_ends_the_article():
    article = clean("\n".join(ARTICLE + DATED_COMMENTS), kind="text", text_model=None)
    assert article.paragraphs == tuple(ARTICLE[1:])


def test_headers_over_every_post_of_a_thread_do_not_end_it():
    """A forum heads its first post too: the headers are its posts', and the replies stay."""
    posts = ["Pepper Pot Jun 7, 2017 at 8:28 pm"] + ARTICLE[1:] + DATED_COMMENTS
    article = clean("\n".join(["Starting projects of an absolute beginner"] + posts), kind="text", text_model=None)
    assert DATED_COMMENTS[1] in article.paragraphs and DATED_COMMENTS[3] in article.paragraphs


AUTHOR_BOX = ["Jane Holloway",
              "Jane Holloway is a staff writer covering city hall, the county's budget and local elections.",
              "Recent Posts",
              "The old bridge on Mill Street will close for repairs over the summer, the county engineer said today.",
              "A new bakery has opened in the market square, and the queue on its first morning went round the block."]


def test_an_author_box_after_the_article_ends_it():
    """The box on the author (her name alone, then a note that names her with her role) closes the article:
    the page's own sections under it (recent posts, sign-up forms) go with it, however sentence-like."""
    article = clean("\n".join(ARTICLE + AUTHOR_BOX), kind="text", text_model=None)
    assert article.paragraphs == tuple(ARTICLE[1:])


def _box(*lines: str) -> bool:
    return is_author_box([Block(text=line) for line in lines], 0, lexicon())


def test_an_author_box_is_a_name_over_a_note_that_names_the_person():
    assert _box(*AUTHOR_BOX[:2])
    assert _box("Jane Holloway", "Contributing Writer", "A transplant from the coast, Jane has covered the city for ten years.")
    assert _box("Jane Holloway", "Dr. Jane Holloway is a physician and columnist who writes on public health.")
    assert _box("About Jane Holloway", AUTHOR_BOX[1])  # her name under "About"
    assert not _box("About Power Tools", "Power tools are the quickest way to cut, drill and sand at home.")


def test_a_heading_a_role_or_a_customers_quote_is_no_author_box():
    assert not _box("Power Tools", "Power tools are the quickest way to cut, drill and sand in a small workshop at home.")
    assert not _box("Jane Holloway", "CEO at Acme", "We doubled our sales in a year, and the support team was great.")
    assert not _box("Blockchain Engineer", "Blockchain Engineer is a role for developers who build the ledgers.")
    assert not _box("LEARN MORE", "LEARN MORE about the writer and editor who run this site and what they do.")


class _TwoLanguages:
    """A lexicon of two stop-word lists that share a word (hashable, as the real one is)."""

    def __init__(self) -> None:
        self.stopwords = {"aa": frozenset({"the", "of", "le"}), "bb": frozenset({"le", "de", "la"})}


def test_choose_stopwords_counts_each_word_as_often_as_it_stands():
    lex = _TwoLanguages()
    # "le" counts for both lists; "de" twice tips it to bb
    assert choose_stopwords([["le", "de", "x"], ["de", "the"]], lex) == ("bb", lex.stopwords["bb"])
    assert choose_stopwords([["the", "of", "le"], ["de"]], lex) == ("aa", lex.stopwords["aa"])


def test_choose_stopwords_gives_a_tie_to_the_first_language_and_needs_enough_stop_words():
    lex = _TwoLanguages()
    assert choose_stopwords([["le", "x"]], lex) == ("aa", lex.stopwords["aa"])  # both count 1: the first wins
    assert choose_stopwords([["le"] + ["x"] * 20], lex) == (None, frozenset())  # under 8% of the words
    assert choose_stopwords([[], []], lex) == (None, frozenset())


TERMS = ["Principle Of Regularity: Regularity means that the books follow the rules and laws in force.",
         "Principle Of Consistency: The same methods are applied from one period to the next one.",
         "Principle Of Prudence: The accounts show the business as it is, not as one hopes it to be."]


def test_the_items_of_a_definition_list_that_open_alike_are_no_teasers():
    """Items that open with the same two capitalised words look like teasers under one section label
    ("Company Town Paramount shakes up ..."); a term, a colon and a sentence that explains it make them a
    definition list of the article."""
    text = "\n".join(LONG[:2] + ["The rules are these:"] + TERMS + LONG[2:])
    article = clean(text, kind="text", text_model=None)
    for line in TERMS:
        assert line in article.paragraphs


BOX = ["You May Also Like", "A walk after eating changes how the body responds to food",
       "What doctors want coffee drinkers to know", "Eggs and cholesterol: what you were told is wrong"]
GOES_ON = ["The judges also ordered the rail company to plant new trees along the river for every tree that it cuts "
           "down, and to keep the paths along the water open to walkers while the building work goes on.",
           "Farmers whose fields lie along the route will be paid for the land, at prices that an independent "
           "panel is to set before the end of the year, after it has heard from both sides of the dispute."]


def test_the_article_goes_on_under_a_box_of_links_inside_it():
    """A "You May Also Like" box of headlines inside the article ends its span; long paragraphs under the box
    carry it on: they stay, and the box's headlines go."""
    text = "\n".join(["Shop", "Court clears the way for the river rail line"] + LONG + BOX + GOES_ON + ["Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG + GOES_ON] == LONG + GOES_ON
    assert not set(BOX) & set(article.paragraphs)


def test_a_box_of_links_after_the_article_still_ends_it():
    """Under the box, teasers that pair a headline with a blurb are no article going on."""
    teasers = [line for pair in zip(BOX[1:], GOES_ON + ["Short trips by train are back in fashion this year, "
                                                        "and the operators have added seats on the busiest lines."])
               for line in pair]
    text = "\n".join(["Shop", "Court clears the way for the river rail line"] + LONG + BOX[:1] + teasers + ["Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert not set(GOES_ON) & set(article.paragraphs)


def test_a_line_of_markup_that_holds_the_article_goes():
    """A "Republish this story" box offers the article's HTML to copy; scraped as text it is one huge line
    that would draw the article's span to itself.  It goes; the article stays."""
    markup = "<h1>Court clears the way for the river rail line</h1> " + " ".join(
        f"<p>{p}</p>" for p in LONG + GOES_ON + LONG + GOES_ON + LONG)
    text = "\n".join(["Shop", "Court clears the way for the river rail line"] + LONG + GOES_ON
                     + ["Republish this story", markup, "Contact"])
    article = clean(text, kind="text", text_model=None)
    assert len(markup) >= 2000
    assert [p for p in article.paragraphs if p in LONG + GOES_ON] == LONG + GOES_ON
    assert not any(p.startswith("<") for p in article.paragraphs)


SECTIONS = ["Supplement Natural Light", "Full-spectrum grow lights are an easy way to give your plants the light "
            "that a dark room lacks, and some look good enough to keep on all day.",
            "Rotate Plants Regularly", "Give indoor plants a quarter turn about once a month so that every side of "
            "them gets its share of the light.",
            "Rotate Plants Between Rooms", "In very dark rooms, keep two of the same plant and swap them every week "
            "or two between the dark room and a bright one."]
CLOSING = ("The best way to find the right light for your plants is to try a few of these ideas, watch how the "
           "plants respond over a few weeks, and keep what works in your own home.")


def test_sections_that_a_closing_paragraph_ends_are_no_list_of_teasers():
    """Sections of a heading over one short paragraph each, late in an article, read as a list of teasers for
    other stories; a closing paragraph after them makes them the article's own."""
    text = "\n".join(["Shop", "How to keep plants in a dark flat"] + LONG + GOES_ON + SECTIONS + [CLOSING, "Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in SECTIONS + [CLOSING]] == SECTIONS + [CLOSING]


def test_a_list_of_teasers_at_the_article_end_still_ends_it():
    text = "\n".join(["Shop", "How to keep plants in a dark flat"] + LONG + GOES_ON + SECTIONS + ["Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG + GOES_ON] == LONG + GOES_ON
    assert not set(SECTIONS) & set(article.paragraphs)


def test_the_article_goes_on_under_a_box_whose_headlines_carry_labels():
    """A scraper of all visible text gives each headline of the box its section label ("HEALTH")."""
    box = [BOX[0]] + [line for headline in BOX[1:] for line in ("HEALTH", headline)]
    text = "\n".join(["Shop", "Court clears the way for the river rail line"] + LONG + box + GOES_ON + ["Contact"])
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG + GOES_ON] == LONG + GOES_ON


def test_a_menu_under_a_more_from_heading_is_no_box_inside_the_article():
    """A site's menu under "More from AirPods" ("AppleCare", "Apple Music") and the legal notes below it."""
    menu = ["More from AirPods", "AirPods Support", "AppleCare", "Hearing Health", "Apple Music", "Apple Footer"]
    text = "\n".join(["Shop", "Court clears the way for the river rail line"] + LONG + menu + GOES_ON)
    article = clean(text, kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in LONG] == LONG
    assert not set(GOES_ON) & set(article.paragraphs)


REVIEWS = [
    ("Golden Toad", "the solo project of a former co-creator of an indie band, who has also made music for films and "
                    "for the stage, and whose new record is the warmest thing he has put his name to in years."),
    ("Halt", "the last record of a project that began in the early eighties, and it closes not in a hail of noise but "
             "with an elegy for the people who were there at the start and are no longer around to hear it."),
    ("Goblin Band", "a live record made over two nights at a small club in the east of the city, where the band played "
                    "old songs of the sea and the fields to a room that sang every chorus back at them."),
    ("Lonely City", "yet another melancholy and beautiful record from a singer who has not made a bad one in twenty "
                    "years, and whose voice has only grown deeper and warmer as the songs have grown quieter."),
]


def test_a_section_phrase_that_labels_every_item_of_a_list_article_does_not_end_it():
    # "More on <name>" under each review of a round-up is the item's link, not the page's "More on" section.
    lines = ["The best albums of the month"]
    for name, body in REVIEWS:
        lines += [name, f"{name} is {body}", "Patrick Clarke", f"More on {name}"]
    lines += ["Related stories", "Ten songs to hear this week", "The festival line-up in full",
              "A new venue opens in the old market"]
    kept = clean("\n".join(lines), kind="text", text_model=None).paragraphs  # the heuristics' span alone
    for name, body in REVIEWS:
        assert f"{name} is {body}" in kept
    assert "Ten songs to hear this week" not in kept


def test_a_section_phrase_is_an_item_label_only_where_it_names_three_items_or_more():
    from cleaner.classify import _is_item_label

    def label_at(lines, i):
        return _is_item_label([Block(t) for t in lines], i, 0, len(lines) - 1, lexicon())

    three = ["More on Golden Toad", "A review.", "More on Halt", "A review.", "More on Goblin Band"]
    assert label_at(three, 4)
    assert not label_at(three[2:], 2)  # two: a list's labels, or an article's link and its last section
    assert not label_at(["Related", "A review.", "Related", "A review.", "Related"], 4)  # no item named


STORY = [  # six paragraphs of an article, each over 150 characters
    f"The {day} meeting of the council went on past midnight, as members argued over the cost of the new line, "
    f"the route it should take through the old town, and who would pay for the bridges it needs." for day in
    ("first", "second", "third", "fourth", "fifth", "sixth")]
READERS = [(name, f"{opening}, and I would like the council to say how long the works on the river bridge will "
                  f"close the road, since half the town drives over it every single morning to get to work.")
           for name, opening in (("Mary Stone", "I live by the station"), ("Tom Reed", "My children take the bus"),
                                 ("Ann Hale", "We have waited for years"), ("Bill Ford", "The old tram ran here"),
                                 ("Joan Pike", "I sold my car last year"), ("Ray Dunn", "The shops will suffer"),
                                 ("Sue Lamb", "This is good news at last"), ("Dan Holt", "I cycle to work daily"))]


def test_a_section_heading_over_a_thread_longer_than_the_article_ends_it():
    """Comments under a short article hold more text than it: "Comments" stands before half of the span's text,
    but what follows it reads as the page's sections (names, dates and buttons between single paragraphs), not
    as the article going on."""
    thread = [line for k, (name, comment) in enumerate(READERS)
              for line in (name, f"March {k + 3}, 2024", comment, "Reply", "Report")]
    article = clean("\n".join(["Council backs the new tram line"] + STORY + ["Comments"] + thread), kind="text",
                    text_model=None)
    assert article.paragraphs == tuple(STORY)


def test_a_section_heading_before_half_the_article_that_paragraphs_follow_does_not_end_it():
    """A "Related stories" box early in the article: paragraphs in a row under it carry the article on."""
    box = ["Related stories", "Bus fares to rise in the spring", "New cycle lanes for the ring road"]
    rest = [comment for _, comment in READERS[:6]]
    article = clean("\n".join(["Council backs the new tram line"] + STORY + box + rest + ["Contact us"]),
                    kind="text", text_model=None)
    assert [p for p in article.paragraphs if p in rest] == rest


def test_a_section_label_the_page_repeats_does_not_end_the_article_early():
    """A button the page prints under every item ("Read more") is no heading of the page's own sections."""
    thread = [line for k, (name, comment) in enumerate(READERS)
              for line in (name, f"March {k + 3}, 2024", comment, "Reply", "Report")]
    lines = ["Council backs the new tram line"] + STORY[:3] + ["Read more"] + STORY[3:] + ["Read more"] + thread
    kept = clean("\n".join(lines), kind="text", text_model=None).paragraphs
    assert READERS[0][1] in kept


def test_a_form_after_the_article_ends_it():
    """A sign-up form's required fields ("First Name *", "Email *") and what the form prints between them (a
    select's options) are no part of the article before them."""
    form = ["Join our investor club", "First Name *", "Last Name *",
            "Are you an accredited investor? You have an annual income greater than two hundred thousand dollars, "
            "or a net worth greater than one million dollars, excluding your primary residence, alone or together.",
            "Email *", "Password *"]
    article = clean("\n".join(["Council backs the new tram line"] + STORY + form), kind="text", text_model=None)
    assert article.paragraphs == tuple(STORY)


def test_a_required_field_is_a_short_label_with_one_asterisk():
    from cleaner.classify import _is_required_field

    for label in ("First Name *", "Email*", "Your Preferred Community*", "Business Email *"):
        assert _is_required_field(label)
    for line in ("Illnesses: 15 days*", "– Ali***", "Jo** Al****", "Top 10 Cities Score*",
                 "The price is what it is, and that is all there is to it, they say *"):
        assert not _is_required_field(line)
