"""A thread that numbers its posts ("#1", "#2", ...) is a list of posts, even after the URL's headline."""
from cleaner import clean
from cleaner.classify import first_post
from cleaner.segment import segment

URL = "https://forum.example.com/threads/do-forums-still-matter-in-the-age-of-social-media.4521/"
HEADLINE = "Do forums still matter in the age of social media"
MENU = ["Forums", "New posts", "Search forums", "What's new", "Log in", "Register"]
POSTS = ["Social networks took over the role forums used to play, but I still find the best answers to "
         "technical questions in old threads that someone wrote ten years ago.",
         "Forums are still a good place to learn, and the niche ones are more active than people think.",
         "Reddit killed most of them, which is a real loss for anyone who liked long discussions.",
         "I think they matter more than ever, because a thread can be found again years later.",
         "The small forums I read every day are as busy as they were before social media came along."]


def member(name: str, n: int) -> list[str]:
    """The lines a thread prints around a post: the poster's name, title, counts and the date."""
    return [name, "Member", "Joined", f"Mar {n}, 2019", "Messages", str(40 + n), "Reaction score", str(n),
            "Points", "18", f"May {10 + n}, 2024"]


def thread_page() -> str:
    lines = MENU + [HEADLINE, "Share", "Discussion in 'Social Networks' started by anna_k, May 11, 2024."]
    for n, post in enumerate(POSTS, 1):
        lines += [f"#{n}", post] + member(f"user{n}", n)
    return "\n".join(lines + ["You must log in or register to reply here.", "Share:", "Contact us", "Terms"])


def test_every_post_of_a_numbered_thread_after_its_headline_stays():
    article = clean(thread_page(), kind="text", url=URL)
    assert [p for p in article.paragraphs if p in POSTS] == POSTS
    assert not set(article.paragraphs) & set(MENU)


def test_a_thread_starts_at_its_first_numbered_post():
    blocks = segment(thread_page())
    assert blocks[first_post(blocks)].text == "#1"


def test_numbers_that_do_not_rise_or_are_too_few_are_no_thread():
    assert first_post(segment("\n".join(["#1", "a post", "#2", "a reply"]))) is None
    assert first_post(segment("\n".join(["#3", "x", "#2", "y", "#1", "z"]))) is None
    assert first_post(segment("\n".join(["#1 Best seller", "x", "#2 Best seller", "y", "#3 Best seller"]))) is None


LONG_POSTS = ["I have used this forum for twelve years and it taught me most of what I know about restoring old "
              "bicycles, from truing wheels to rebuilding a hub. I would be sorry to see it go quiet, and I still "
              "check the new posts every morning before work. | Most of what I learned came from the members who "
              "answered my first questions, patiently and at length, when I had no idea what a cotter pin was or "
              "why my brakes squealed. | So my question to the old hands is simple: do you still read the forum "
              "every week, and do you think it will still be here in ten years, or has it had its day?",
              "The old threads are the real value here: whenever I search for a problem with a three-speed hub the "
              "answer is in a post from 2009, with photos, written by someone who fixed it himself and took the "
              "time to explain every step of the job.",
              "Social media is fine for showing off a finished bike, but nobody there answers a question about a "
              "seized bottom bracket in the detail that people here still write down, and the answers vanish from "
              "the feed after a day or two.",
              "I agree with everyone above, and I would add that the classifieds section alone has saved me a lot "
              "of money over the years, since the parts sold here are described honestly and in full by people who "
              "ride them."]


def long_thread_page() -> str:
    """A thread of long posts, whose members' boxes between them (names, counts, dates) split the densest run:
    the first post, of three paragraphs, is an article on its own."""
    lines = MENU + ["Is this forum still worth it", "Share"]
    for n, post in enumerate(LONG_POSTS, 1):
        lines += [f"#{n}"] + (post.split(" | ") if n == 1 else [post]) + member(f"user{n}", n) + [f"Location: Town {n}", f"Rides: {n} bikes",
                                                            f"Last seen: {n} hours ago", f"Likes given: {9 * n}",
                                                            f"Badges: {n + 2}", f"Trophies: {n + 5}"]
    return "\n".join(lines + ["You must log in or register to reply here.", "Share:", "Contact us", "Terms"])


def test_every_long_post_of_a_numbered_thread_stays_though_the_members_boxes_split_them():
    for url in (None, URL):  # the heuristics alone (the line scorer may restore some posts on its own)
        article = clean(long_thread_page(), kind="text", url=url, text_model=None)
        posts = LONG_POSTS[0].split(" | ") + LONG_POSTS[1:]
        assert [p for p in article.paragraphs if p in posts] == posts
        assert not set(article.paragraphs) & set(MENU)


SIMILAR = ["Best tyres for a touring bike in the rain", "Started by anna_k in Touring and Travel",
           "Rebuilding a three-speed hub from scratch", "Started by old_tom in Repairs and Restoration",
           "Which saddle for a long ride across Spain", "Started by mia_l in Touring and Travel"]


def test_a_numbered_thread_ends_with_its_last_post_not_with_the_similar_threads_under_it():
    about = ("Cycle Talk is a community of riders who have shared what they know about bicycles, touring and "
             "repairs since the spring of 2004, and it is run by volunteers.")
    text = long_thread_page().replace("You must log in", "\n".join(["Similar threads"] + SIMILAR + [about])
                                      + "\nYou must log in")
    article = clean(text, kind="text", text_model=None)
    assert article.paragraphs[-1] == LONG_POSTS[-1]
    assert not (set(SIMILAR) | {about}) & set(article.paragraphs)
