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
