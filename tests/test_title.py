"""Titles: of an HTML page (its headline as readers see it) and of a scraped text (its headline line)."""
from cleaner.article import Block
from cleaner.title import (_kept_run, headline_from_html, headline_from_text, page_headline, text_headings,
                           text_title, title_from_html, title_from_text, unmarked)


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


def test_of_a_title_s_parts_the_one_a_headline_says_is_the_page_s_and_the_other_the_site_s():
    # the longest part is the site's here: the <h1> tells which part is the headline
    assert title_from_html("Coffee - University of Wisconsin-Stevens Point", ("Coffee",), None,
                           article=True) == "Coffee"
    assert title_from_html("Coffee - University of Wisconsin-Stevens Point", (), None,
                           article=True) == "University of Wisconsin-Stevens Point"
    # ... unless the part the <h1> says is the site's name
    assert title_from_html("A brief intro to git • Jo Writer", ("Jo Writer",), "Jo Writer",
                           article=True) == "A brief intro to git"


def test_a_metadata_title_read_from_a_site_s_banner_gives_way_to_the_page_s_title_tag():
    assert title_from_html("Jo's Blog", ("Jo's Blog",), None, article=True,
                           page_title="Parser notes: progress report #39") == "Parser notes: progress report #39"
    # a <h1> that shares a word with the <title> is the page's headline; so is one as long
    assert title_from_html("Parser notes", ("Parser notes",), None, article=True,
                           page_title="Parser notes: progress report #39") == "Parser notes"
    assert title_from_html("Jo writes here", ("Jo writes here",), None, article=True,
                           page_title="Progress report 39") == "Jo writes here"
    # a <title> of only "| Site" names no page
    assert title_from_html("Electronic Gadgets", ("Electronic Gadgets",), None, article=True,
                           page_title="| Nuts & Bolts Magazine") == "Electronic Gadgets"


def test_a_headline_of_two_sentences_is_a_lede_and_the_metadata_title_is_the_page_s():
    lede = "Learn which renovations pay back best. Get expert tips on how to plan yours."
    assert title_from_html("The 10 Best Renovation Projects | Renos", (lede,), None,
                           article=True) == "The 10 Best Renovation Projects"
    # an abbreviation is no sentence's end
    assert title_from_html("Hot markets | Homes", ("The Hottest Real Estate Markets in the U.S. Today",), None,
                           article=True) == "The Hottest Real Estate Markets in the U.S. Today"


def test_a_headline_with_the_page_s_furniture_around_it_gives_the_metadata_title():
    title = "Preparing a transition in Debusine | Colin's blog"
    for head in ("Dec 18 2025 Preparing a transition in Debusine", "Blog: Preparing a transition in Debusine",
                 "Preparing a transition in Debusine Posted on July 1, 2024 by colin",
                 "Preparing a transition in Debusine (example.com) 87",
                 "Preparing a transition in Debusine | Colin's blog"):
        assert title_from_html(title, (head,), None, article=True) == "Preparing a transition in Debusine", head
    # a headline that says more than the title is the headline
    head = "Preparing a transition in Debusine: what changes in 2026"
    assert title_from_html(title, (head,), None, article=True) == head


def test_a_heading_s_permalink_mark_is_no_part_of_the_title():
    assert title_from_html("Quickstart¶", ("Quickstart¶",), None, article=True) == "Quickstart"
    assert title_from_html("Models | Docs", ("Models ¶",), None) == "Models"


def test_the_article_starts_at_the_headline_the_metadata_title_points_at():
    # the headline the body is cut at is the <h1> as the page shows it, whatever title is returned
    assert headline_from_html("Quickstart¶", ("Quickstart¶",), None, article=True) == "Quickstart¶"
    assert headline_from_html("Blog: Notes | Site", ("Blog: Notes",), None, article=True) == "Blog: Notes"


def _lines(*texts):
    return [Block(t) for t in texts]


BODY = "This is the first paragraph of the article, a sentence long enough to be read as one."


def test_a_text_s_title_is_not_an_entry_of_the_table_of_contents_below_it():
    blocks = _lines("Home", "Blog", "How to Grow Tomatoes on a Balcony", "Contents", "Choosing the Right Pots",
                    "Feeding and Watering Plants", "Harvesting Your First Crop", BODY, "Choosing the Right Pots", BODY,
                    "Feeding and Watering Plants", BODY, "Harvesting Your First Crop", BODY)
    assert title_from_text(blocks, 7, None) == 2
    # without the sections coming again below, the headline-like line nearest the article is the title
    assert title_from_text(blocks[:8], 7, None) == 6


def test_a_text_s_title_says_its_url_s_words_and_may_say_more():
    url = "https://example.com/reviews/best-camping-hammocks"
    blocks = _lines("Best Camping Hammocks", "Reviews", "Tents", "Sleeping Bags", "Stoves", "Lanterns",
                    "Best Camping Hammocks of 2026", BODY)
    assert title_from_text(blocks, 7, url) == 6


def test_a_text_s_title_that_says_all_its_url_s_words_and_more_beats_a_crumb_that_says_them_alone():
    url = "https://example.com/academy/cleaning/cleaning-industry-trends/"
    blocks = _lines("Home", "Cleaning Industry Trends", "Articles", "Cleaning Industry Trends to Know", BODY)
    assert title_from_text(blocks, 4, url) == 3
    assert headline_from_text(blocks, 4, url) == 1  # the header zone is found as before
    assert text_headings(blocks, 4, url) == (1, "Cleaning Industry Trends to Know")  # both, the lines scored once


def test_a_line_a_text_says_twice_in_a_row_is_likelier_its_headline():
    # a page shows its headline twice (for a small screen and a large one); a capitalised standfirst follows it
    blocks = _lines("Home", "Tax 101: Understanding the basics", "Tax 101: Understanding the basics",
                    "A Guide To The Taxes Americans Pay", BODY)
    assert title_from_text(blocks, 4, None) == 2
    blocks[1] = Block("Personal investors")
    assert title_from_text(blocks, 4, None) == 3


def test_a_heading_kept_with_the_article_above_its_first_paragraph_is_likelier_its_headline():
    url = "https://example.com/article/582896/best-streaming-service.html"
    headline = "Best live TV streaming service: The top 5 picks for entertainment, sports, and more"
    blocks = [Block("Home", label="bad"), Block("Best Picks", label="bad"),
              Block("Streaming Best Picks", label="bad"), Block(headline), Block(BODY)]
    assert title_from_text(blocks, 4, url) == 3
    # a line the heuristics rejected is not the article's own heading, nor one in capitals (a button's)
    assert _kept_run(blocks, 4) == 3
    blocks[3].label = "bad"
    assert title_from_text(blocks, 4, url) == 2
    blocks[2] = Block("Best Streaming Picks Guide", label="bad")
    blocks[3] = Block(headline)
    assert title_from_text(blocks, 4, url) == 3
    blocks[3] = Block(headline.upper())
    assert title_from_text(blocks, 4, url) == 2
    # nor is the article's first line that asks a question
    blocks = [Block("City council approves tram line to the harbour", label="bad"), Block("Why did it take so long?"),
              Block(BODY)]
    assert title_from_text(blocks, 2, None) == 0


def test_a_text_s_headline_may_stand_a_few_lines_below_a_promo_the_article_was_found_to_start_at():
    url = "https://example.com/blog/data-analytics-trends/"
    promo = "Getting Started With Our Series: build interactive onboarding and make more of your users successful."
    blocks = _lines("Product", promo, "Free Trial", "Customers", "Please wait..", "Log in", "Get a Demo",
                    "Future-Proof Your SaaS: 15 Top Data Analytics Trends for 2025 and Beyond", BODY)
    assert title_from_text(blocks, 1, url) == 7


def test_a_text_s_title_loses_a_heading_s_permalink_mark():
    assert unmarked("Logging HOWTO ¶") == "Logging HOWTO"
    assert unmarked("¶") == "¶"


def test_a_page_of_many_h1s_uses_them_for_its_sections_and_its_metadata_title_names_it():
    heads = ("Yoga Co", "Menu", "Travel Insurance For Yoga Retreats", "Post navigation", "Blog Updates")
    title = "Best Yoga Retreat Travel Insurance Options | Yoga Co"
    assert title_from_html(title, heads, "Yoga Co", article=True) == "Best Yoga Retreat Travel Insurance Options"
    assert title_from_html(title, heads[:4], "Yoga Co", article=True) == "Travel Insurance For Yoga Retreats"
    # ... unless one of them is the metadata title itself
    assert title_from_html("Blog Updates", heads, None, article=True) == "Blog Updates"


def test_the_line_a_text_s_article_was_found_to_start_at_may_be_its_headline():
    question = "What Are the Latest Scientific Trends in Psychiatry and How Will They Impact Care?"
    blocks = _lines("Home", "Print", question, "Psychiatry is changing fast, and the trends are many.", BODY)
    assert title_from_text(blocks, 2, None) == 2
    assert headline_from_text(blocks, 2, None) is None  # the header zone is found as before
    assert text_headings(blocks, 2, None) == (None, question)


def test_a_text_that_opens_with_its_page_s_title_takes_the_headline_from_it():
    # a page's text copied whole starts with its <title>; the line that says the URL's slug is a menu's label
    blocks = _lines("7 days of healthy meals on a budget - Heart Matters magazine", "Eat well", "Recipes",
                    "7 days of healthy meals on a budget", BODY)
    url = "https://example.com/eat-well"
    assert title_from_text(blocks, 4, url) == 1
    assert text_title(blocks, 4, url) == "7 days of healthy meals on a budget"
    # the headline line's "| Site" goes when the first line says it is the site's
    blocks = _lines("Notes on parsing | Jo's Blog", "Home", "Notes on parsing | Jo's Blog", BODY)
    assert text_title(blocks, 3, None) == "Notes on parsing"


def test_a_text_s_headline_line_that_is_a_short_form_of_its_opening_title_gives_way_to_it():
    url = "https://example.com/investing/cloud-stocks/"
    blocks = _lines("Best Cloud Computing Stocks of 2025 | The Fool", "Home", "Investing", "Cloud Stocks", BODY)
    assert title_from_text(blocks, 4, url) == 3
    assert text_title(blocks, 4, url) == "Best Cloud Computing Stocks of 2025"
    # a headline line in words of its own is the page's headline, as a <h1> is
    blocks[3] = Block("Investing in Cloud Computing Stocks")
    assert text_title(blocks, 4, url) == "Investing in Cloud Computing Stocks"


def test_a_text_s_first_line_that_names_another_thing_is_no_page_title():
    # a promotion over the page ("Offer | Free shipping") shares no word with the headline, nor is its headline a line
    blocks = _lines("Get 30% off | Free shipping on orders over $40", "Shop", "Zero-Waste Living: A Guide for Beginners",
                    BODY)
    assert text_title(blocks, 3, None) == "Zero-Waste Living: A Guide for Beginners"


def test_a_text_s_headline_is_the_line_its_opening_page_title_names():
    # a page's text copied whole: its <title>, the menu (one label says the URL's words), the <h1>, a subheading
    url = "https://example.com/guides/event-management-process"
    blocks = _lines("Event Management Process: 7 Steps To Planning An Event | Acme", "Home", "Event Management",
                    "Resources", "Event Management Process: 7 Steps To Planning An Event", "Table of contents",
                    "What is an Event Management Process", BODY)
    assert title_from_text(blocks, 7, url) == 4
    assert text_title(blocks, 7, url) == "Event Management Process: 7 Steps To Planning An Event"
    # without the opening title, the line that says the slug best and stands nearest the article is taken
    assert title_from_text(blocks[1:], 6, url) == 5


def test_a_text_s_first_line_of_one_part_names_its_headline_less_surely():
    # a first line without "| Site" may be a menu's label that the page's menu says again
    url = "https://example.com/blog/vegetable-gardening-for-beginners"
    blocks = _lines("Gardening: Tips and Advice for Every Garden", "Home", "Gardening: Tips and Advice for Every Garden",
                    "Vegetable Gardening for Beginners: The Complete Guide", BODY)
    assert text_title(blocks, 4, url) == "Vegetable Gardening for Beginners: The Complete Guide"
    # ... but when it is a title, the line that says it again is the headline over a nearer subheading
    blocks = _lines("Comparing the 8 Best Social Media Platforms in 2026", "Menu", "Social Media",
                    "Comparing the 8 Best Social Media Platforms in 2026", "Social Media Platforms Compared", BODY)
    assert text_title(blocks, 5, None) == "Comparing the 8 Best Social Media Platforms in 2026"
    assert text_title(blocks[1:], 4, None) == "Social Media Platforms Compared"


def test_a_breadcrumb_trail_or_a_title_cut_short_is_no_text_s_headline():
    question = "What Are the Latest Scientific Trends in Psychiatry and How Will They Impact Care?"
    blocks = _lines("Home", "What Are the Latest Scientific Trends...", "Print", question, BODY)
    assert text_title(blocks, 3, None) == question
    blocks = _lines("Home » Resources » Marketing » How To Price Plumbing Jobs", "Plumbing Pricing Guide 2025", BODY)
    assert text_title(blocks, 2, None) == "Plumbing Pricing Guide 2025"
    # an ellipsis of the headline's own, which no line says whole, stays
    blocks = _lines("Home", "Blog", "Everything new comes with May…", BODY)
    assert text_title(blocks, 3, None) == "Everything new comes with May…"
    # one slash is a headline's own ("Movers / Moving Companies")
    blocks = _lines("Home", "21 Best Movers / Moving Companies in San Francisco", BODY)
    assert text_title(blocks, 2, None) == "21 Best Movers / Moving Companies in San Francisco"


def test_a_text_s_headline_line_goes_without_the_short_label_after_its_last_separator():
    for label in (" | Opinion", " – Artlyst", " - Part 1", " / Dec 2025"):
        blocks = _lines("Home", "How meditation rewires brains and improves health" + label, BODY)
        assert text_title(blocks, 2, None) == "How meditation rewires brains and improves health"
    # a longer tail is the headline's own, and so is a tail of figures or one beside a short headline
    for whole in ("Transitioning to a plant-based diet – tips and tricks for beginners",
                  "Tech conferences in Americas 2026 / 2027", "Best Bread Machines – My Favorites!",
                  "Zero Waste - Guide", "Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (只能想念你 - 蕭敬騰)"):
        assert text_title(_lines("Home", whole, BODY), 2, None) == whole


def test_a_text_s_headline_line_goes_without_the_date_before_it():
    blocks = _lines("Home", "Dec 18 2025 Preparing a transition in Debusine", BODY)
    assert text_title(blocks, 2, None) == "Preparing a transition in Debusine"
    # a date that starts a sentence, or with few words after it, stays; so does a date that is none (Feb 30) or
    # that stands further in
    for whole in ("May 4 2025 was the day we shipped", "March 3, 2026 Updates",
                  "Feb 30 2025 Preparing a transition in Debusine", "Preparing for Dec 18 2025 in Debusine"):
        assert text_title(_lines("Home", whole, BODY), 2, None) == whole


def test_a_line_that_says_the_url_s_slug_is_the_headline_though_a_rule_calls_it_a_promo():
    url = "https://example.com/p/recommended-noteworthy-newsletters"
    blocks = _lines("Data Weekly", "Recommended: 10 Noteworthy Newsletters on Data", BODY)
    promo = lambda text: text.startswith("Recommended:")  # noqa: E731
    assert text_title(blocks, 2, url, promo) == "Recommended: 10 Noteworthy Newsletters on Data"
    # without the URL saying so, the rule's word stands
    assert text_title(blocks, 2, None, promo) == "Data Weekly"


def test_a_metadata_title_that_names_something_else_than_the_page_gives_way_to_its_title_tag():
    heads = ("Best Mattress For Side Sleepers", "Best Firm Mattress", "Best Soft Mattress")
    tag = "Best Mattress For Side Sleepers – mattressnap.com"
    assert title_from_html("Mattressnap", heads, None, article=True, page_title=tag) == heads[0]
    heads = ("Paid Time-Off Policies: Best Practices and Benefits",)
    tag = "Paid Time Off (PTO) Policies: Best Practices & Benefits | Acme Blog"
    assert title_from_html("Blog post >> Visit our blog to learn more", heads, None, article=True,
                           page_title=tag) == heads[0]
    # a <h1> that shares a few words with the <title> is no sign: the metadata title is one of the page's <h1>s
    heads = ("Tax 101: Understanding the basics", "A guide to the taxes we pay and why")
    assert title_from_html(heads[0], heads, None, article=True,
                           page_title="What are Taxes and Why Do We Pay Them? | Acme") == heads[0]


def test_a_headline_s_site_name_after_a_separator_is_no_part_of_the_title():
    heads = ("Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst",)
    meta = "Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst"
    assert title_from_html(meta, heads, "Artlyst", article=True) == "Critics’ Choice: Best UK Art Exhibitions 2025"
    # a part that is not the site's name stays ("... – Part 1")
    heads = ("Building a UI Pipeline – Part 1",)
    assert title_from_html(heads[0], heads, "Artlyst", article=True) == "Building a UI Pipeline – Part 1"


def test_a_text_s_headline_may_stand_just_below_a_notice_read_as_its_first_paragraph():
    url = "https://example.com/what-is-digital-marketing/"
    notice = "We noticed that you are using an old browser that is not supported any longer. Please update it."
    blocks = _lines("Events", "Marketing News", "Journals", notice, "What is Digital Marketing?", BODY, BODY)
    assert title_from_text(blocks, 3, url) == 4
    # a heading below the start that says the slug is a section's when the headline above says the slug already
    blocks = _lines("Home", "Digital Marketing: What It Is and How It Works", BODY, "What is Digital Marketing?",
                    BODY)
    assert title_from_text(blocks, 2, url) == 1
    # ... and so is one that does not say it
    blocks = _lines("Events", "Marketing News", notice, "Our Newsletter", BODY)
    assert title_from_text(blocks, 2, url) == 1


def test_a_headline_whose_words_ran_together_or_lost_characters_gives_way_to_the_metadata_s_spelling():
    assert title_from_html("Weekend Coding Agent | Labs", ("WEEKENDCODING AGENT",), "Labs",
                           article=True) == "Weekend Coding Agent"
    assert title_from_html("The Basics Of Event Planning: Beginner's Guide",
                           ("The Basics Of Event Planning? Beginner? Guide",), None,
                           article=True) == "The Basics Of Event Planning: Beginner's Guide"
    assert title_from_html("News Product Management Certification — News Alliance",
                           ("News ProductManagement Certification",), None) == "News Product Management Certification"
    # the <h1> keeps its own question mark, and its spaces where the metadata lost them
    assert title_from_html("Is a standing desk worth it? | Desks", ("Is a Standing Desk Worth It?",), "Desks",
                           article=True) == "Is a Standing Desk Worth It?"
    assert title_from_html('KALLAX shelf unit, 301/8x575/8"', ('KALLAX Shelf unit, 30 1/8x57 5/8 "',), None,
                           article=True) == 'KALLAX Shelf unit, 30 1/8x57 5/8 "'


def test_an_article_s_headline_is_not_the_site_s_name():
    # an <h1> that shares with the title only the site's words names the site ("Return to Acme Website")
    title = "Concerns Around the Smart Home – Acme Marketing Group"
    assert title_from_html(title, ("Contact Us", "Return to Acme Website"), "Acme Marketing Group",
                           article=True) == "Concerns Around the Smart Home"
    # of a title's parts, the one the site's name says is not the headline, though it is the longest
    assert title_from_html("Website Design Portfolio | Thrive Internet Marketing", ("Web Designs",),
                           "Thrive Internet Marketing Agency", article=True) == "Website Design Portfolio"
    # a "site's name" that says all the title's words is the page's title put there: no site's name
    title = "Electrician in Ponchatoula - Costs 2025 - homeyou"
    head = "How Much Does it Cost to Get Electrical Services in Ponchatoula?"
    assert title_from_html(title, (head,), title, article=True) == head


def test_an_article_s_headline_keeps_the_count_or_the_year_its_h1_left_out():
    assert title_from_html("8 Recent Trends in Photography - Flatworld", ("Recent Trends in Photography",),
                           "Flatworld", article=True) == "8 Recent Trends in Photography"
    assert title_from_html("Best Travel Insurance for Seniors in 2025", ("Best Travel Insurance for Seniors",),
                           None, article=True) == "Best Travel Insurance for Seniors in 2025"
    # words beside the figures are more than the <h1> left out: its headline stands
    assert title_from_html("Best Camping Hammocks of 2026, Tested & Reviewed | Site",
                           ("Best Camping Hammocks of 2026",), "Site", article=True) == "Best Camping Hammocks of 2026"


def _labelled(*lines: tuple[str, str]) -> list[Block]:
    """Blocks of (label, text) pairs: the heuristics' verdicts ("good", "bad") on a text's lines."""
    return [Block(text, label=label) for label, text in lines]


BLURBS = (("good", "Plan your promotions with workflows that bring the whole team along, from draft to launch."),
          ("good", "Bring our tools into the stack you already use, and scale access through single sign-on."))
MENU = (("bad", "Blog"), ("bad", "Pricing"), ("bad", "Careers"))


def test_a_text_s_headline_stands_above_its_own_paragraphs_when_a_menu_s_blurbs_were_taken_for_its_start():
    url = "https://example.com/blog/health-and-nutrition-trends"
    blocks = _labelled(*BLURBS, *MENU, ("bad", "Top 10 Health and Nutrition Trends to Watch"), ("good", BODY),
                       ("good", BODY))
    assert title_from_text(blocks, 0, url) == 5
    assert text_title(blocks, 0, None) == "Top 10 Health and Nutrition Trends to Watch"  # none stands above the blurbs
    # fewer rejected lines do not part the article's lines: the blurbs may be its own
    blocks = _labelled(*BLURBS, *MENU[:1], ("bad", "Top 10 Health and Nutrition Trends to Watch"), ("good", BODY))
    assert text_title(blocks, 0, None) is None


def test_a_headline_above_a_later_run_of_the_article_must_say_the_url_s_slug_much_better():
    blocks = _labelled(("bad", "Home"), ("bad", "Digital Marketing: What It Is and How It Works"), ("good", BODY),
                       *MENU, ("bad", "Newsletter"), ("bad", "Contact"), ("bad", "Ten Email Tips for Small Shops"),
                       ("good", BODY))
    assert title_from_text(blocks, 2, None) == 1  # a section's heading further down scores no more
    assert title_from_text(blocks, 2, "https://example.com/what-is-digital-marketing") == 1
    assert title_from_text(blocks, 2, "https://example.com/blog/ten-email-tips-for-small-shops") == 8


def test_a_heading_of_the_article_above_the_rejected_run_is_not_the_headline_of_its_later_start():
    # the first line, a page's title, names its first part; a section's heading says that part again
    url = "https://example.com/loans/leasing-or-financing"
    blocks = _labelled(("bad", "Leasing or Financing – which pays more?"), ("good", BODY),
                       ("good", "Leasing or Financing"), ("good", BODY), *MENU, ("good", BODY))
    assert title_from_text(blocks, 1, url) == 0


def test_a_metadata_title_that_is_the_site_s_name_ending_the_title_tag_gives_way_to_the_page_s_part():
    # a forum's thread: og:title and the logo's <h1> name the site, the <title> names the thread before it
    thread = "Investment Strategy Review Request, 2024 Version"
    assert title_from_html("Bogleheads.org", ("Bogleheads.org",), "Bogleheads.org",
                           page_title=thread + " - Bogleheads.org") == thread
    assert title_from_html("Playful Tones", ("Playful Tones",), None, article=True,
                           page_title="Building a UI Pipeline in JUCE - Part 1 | Playful Tones") \
        == "Building a UI Pipeline in JUCE"
    # a site's name that leads the <title>, or a part as short as the metadata title, names no page
    assert title_from_html("Advent of Code week 2", (), None, article=True,
                           page_title="RogerBW's Blog | Advent of Code week 2") == "Advent of Code week 2"
    assert title_from_html("The Rust Programming Language", (), None,
                           page_title="What is Ownership? - The Rust Programming Language") \
        == "The Rust Programming Language"


def test_a_page_that_is_no_article_passes_over_a_headline_that_names_the_site():
    assert title_from_html("Get Free Tax Help | United Way of King County",
                           ("United Way of King County", "Get Free Tax Help"), None) == "Get Free Tax Help"


def test_a_text_s_headline_below_a_note_the_article_was_found_to_start_at_says_its_url_s_words():
    url = "https://example.com/home-remodeling/online-interior-design/"
    note = "Every item on this page was chosen by an editor. We may earn commission on some of the items you buy."
    blocks = _lines("Subscribe", "Design + Decorate", note, "Remodel + Renovate",
                    "The Best Online Interior Design Services for Every Budget", BODY)
    assert title_from_text(blocks, 2, url) == 4
    # a line below that says few of the slug's words is no headline of this page
    blocks[4] = Block("Our Favourite Services for Every Budget")
    assert title_from_text(blocks, 2, url) == 1


def test_a_headline_that_runs_two_elements_texts_together_gives_way_to_the_metadata_title():
    title = "Top MBA Programs of 2025: Business School Rankings & Guides"
    glued = "Top MBA Programs of 2025 (US)Your Guide to the Best Business Schools"
    assert title_from_html(title, (glued,), None, article=True) == title
    assert title_from_html("Remote Full-Stack Programming Jobs", ("RemoteFull Stack Programming Jobs",),
                           None) == "Remote Full-Stack Programming Jobs"
    # a name spelt so that the metadata title says too is no such join
    assert title_from_html("Pricing changes for GitHub Actions | The GitHub Blog",
                           ("Pricing changes for GitHub Actions in 2026",), None,
                           article=True) == "Pricing changes for GitHub Actions in 2026"
