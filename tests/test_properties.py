"""Property tests (hypothesis), bounded to run in well under 20 seconds.

1. No invented words: every word of the output (title and paragraphs) is a word of the input,
   after NFC normalisation (and, for HTML, after character references are resolved).  The one
   exception is a word rejoined across an end-of-line hyphen: ``w`` is accepted when it is
   ``a + b`` and the input has ``a-`` at the end of a line and ``b`` at the start of the next.
2. Idempotence, stated exactly: for an article the cleaner found (a title and at least one
   paragraph), cleaning its text-format output (``cleaner.formats.to_text``: title, blank line,
   paragraphs separated by blank lines) gives the same title and the same paragraphs.  This is
   checked on realistic generated articles (prose sentences mixed with noise lines) and on every
   hand-written expected output in fixtures/ (a clean article is a fixed point).
   It is not claimed for arbitrary text: word salad with no article in it has no stable title; nor for an
   article whose every line is short to the heuristics (``Options.length_low``), such as a one-line post:
   as text, such a line is a teaser as often as a post, while the HTML path reads the page's markup.
3. Totality: any ``str`` or ``bytes`` returns an ``Article`` or raises ``cleaner.CleanerError``;
   never any other exception.
Also, on realistic articles: the output keeps the input's paragraph order and no pure noise line
(Share, Advertisement, menus, counters, promos) survives as a paragraph.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from cleaner import Article, CleanerError, clean
from cleaner.formats import to_text
from cleaner.options import Options

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WORD = re.compile(r"\w+")
HYPHEN_BREAK = re.compile(r"(\w)-[^\S\n]*\n[^\S\n]*(\w)")

# Bounded: a fixed seed, a few dozen examples, and no shrinking (a failure prints the example as
# found; shrinking HTML through trafilatura can take minutes).
FAST = settings(max_examples=40, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HTML = settings(FAST, max_examples=25)

# ---- realistic generators ------------------------------------------------------------------------

# Real sentences of news prose (written for these tests); paragraphs are drawn from them, so even a
# shrunk example stays realistic prose.
SENTENCES = [
    "The city council voted on Tuesday to build a tram line linking the central station with the harbour.",
    "Construction is due to begin next spring and should take about three years.",
    "Opponents warned that the cost would squeeze spending on schools and road repairs.",
    "“This is the most important decision the city has made in a generation,” the mayor said.",
    "Police said two men had been arrested in connection with the robbery and were being questioned.",
    "The company said it would cut 300 jobs, mostly in its regional printing division.",
    "Share prices fell sharply on Monday after the bank warned that its profit would be lower than expected.",
    "Advertising revenue at the group rose only 1 percent in the first half of the year.",
    "Farmers in the south have begun pulling up olive trees that have produced almost nothing for three seasons.",
    "Reservoirs in the province were at 19 percent of capacity last week, according to the water authority.",
    "The minister said the government would publish its plans for the railway before the summer.",
    "Teachers’ unions welcomed the decision but said class sizes were still far too large.",
    "Hospital waiting lists fell by 80,000 in the three months to June, the first fall since 2019.",
    "By the end of the year, inflation is expected to be close to 2.5 percent.",
    "Residents of the village had complained for years about lorries using the narrow main street.",
    "The court ruled that the landlord had broken the law by refusing to return the deposit.",
    "More than 3,000 people were ordered to leave their homes as the fire spread through the hills.",
    "Officials said no deaths had been reported, but six people were treated for smoke inhalation.",
    "Temperatures above 40C had made the region especially vulnerable, the weather service said.",
    "The interior minister said police were investigating whether the fire had been started deliberately.",
    "Ferries between the mainland and the islands will start running again on Friday.",
    "Shop owners said the strike had cost them a large part of the summer season.",
    "The regulator fined the retailer 2.1 million euros for tracking visitors without asking them.",
    "Astronomers have detected water vapour in the atmosphere of a rocky planet about 40 light years away.",
    "The measurements were made over four nights by comparing starlight that passed through the atmosphere.",
    "Why did it take so long?",
    "Nobody expected the vote to be this close.",
    "Sales of electric cars rose by a third last year, but they still make up only one in six new cars sold.",
    "The library reopened on Saturday after a two-year restoration that uncovered a painted ceiling.",
    "Opening hours have been extended to eight in the evening on weekdays.",
    "He added that the talks would continue in Geneva next week.",
    "The report found that one in four patients waited more than four hours to be seen.",
]
HEADLINES = [
    "City council approves tram line to the harbour",
    "Drought forces farmers to abandon olive groves",
    "Hospital waiting lists fall for the first time in five years",
    "Wildfire forces thousands to leave homes west of the capital",
    "Central bank holds rates but signals cut in the autumn",
    "Island ferry service to resume after six-week strike",
    "Regulator fines retailer over tracking on its website",
    "Library reopens after two-year restoration",
]
NOISE = ["Share", "Advertisement", "Home", "News", "Sport", "Menu", "Sign in", "Subscribe", "Tweet",
         "Facebook Twitter Email", "12 comments", "3 min read", "1.2K shares", "Photo: AP", "(Getty Images)",
         "Read more: Council approves new budget", "Sign up for our newsletter", "Anzeige", "Teilen",
         "Publicité", "Partager", "Most popular", "Related stories", "Privacy policy", "© 2024 Example Media"]


def sentence():
    return st.sampled_from(SENTENCES)


@st.composite
def paragraph(draw) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=3, unique=True)))


def headline():
    return st.sampled_from(HEADLINES)


@st.composite
def scraped_article(draw, title: str | None = None) -> tuple[str, list[str]]:
    """(scraped text, the real paragraphs in order): menu lines, a headline, paragraphs with noise
    lines between them, footer lines."""
    paras = draw(st.lists(paragraph(), min_size=3, max_size=8, unique=True))
    lines = draw(st.lists(st.sampled_from(NOISE), max_size=5))
    lines.append(title or draw(headline()))
    for p in paras:
        lines.append(p)
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(NOISE)))
    lines += draw(st.lists(st.sampled_from(NOISE), max_size=5))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return sep.join(lines) + "\n", paras


@st.composite
def scraped_article_with_title(draw) -> tuple[str, str, list[str]]:
    title = draw(headline())
    data, paras = draw(scraped_article(title=title))
    return data, title, paras


@st.composite
def html_article(draw) -> tuple[str, list[str]]:
    paras = draw(st.lists(paragraph(), min_size=3, max_size=6, unique=True))
    title = draw(headline())
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paras)
    noise = "".join(f"<div>{html.escape(n)}</div>" for n in draw(st.lists(st.sampled_from(NOISE), max_size=4)))
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body><nav>{noise}</nav><article><h1>{html.escape(title)}</h1>\n{body}</article>"
            f"<footer>{noise}</footer></body></html>")
    return page, paras


# Text without control and format characters (the cleaner strips those, which may join words).
_CLEAN_CHARS = st.characters(blacklist_categories=("Cc", "Cf", "Cs"), blacklist_characters="\u2028\u2029") | \
    st.sampled_from("\n\n\n  -.,")
ARBITRARY_TEXT = st.text(_CLEAN_CHARS, max_size=600)


@st.composite
def wrapped_text(draw) -> str:
    """Prose hard-wrapped at a fixed width, some words broken at the line end with a hyphen."""
    width = draw(st.integers(50, 80))
    out = []
    for p in draw(st.lists(paragraph(), min_size=2, max_size=5)):
        line = ""
        for word in p.split():
            if line and len(line) + 1 + len(word) > width:
                if len(word) > 6 and draw(st.booleans()) and len(line) + 4 <= width:
                    cut = draw(st.integers(2, len(word) - 3))
                    out.append(f"{line} {word[:cut]}-")
                    line = word[cut:]
                    continue
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
        out.append("")
    return "\n".join(out)


# ---- property 1: no invented words ----------------------------------------------------------------

def input_words(data: str, kind: str) -> set[str]:
    text = unicodedata.normalize("NFC", data.replace("\r\n", "\n").replace("\r", "\n"))
    if kind == "html":
        text = html.unescape(text)
    words = set(WORD.findall(text))
    # a word broken at a line-end hyphen: the two pieces joined
    words |= set(WORD.findall(HYPHEN_BREAK.sub(r"\1\2", text)))
    return words


def assert_no_invented_words(data: str, article: Article) -> None:
    allowed = input_words(data, article.kind)
    out = [article.title or "", *article.paragraphs]
    invented = {w for part in out for w in WORD.findall(unicodedata.normalize("NFC", part))} - allowed
    assert not invented, f"words not in the input: {sorted(invented)[:10]}"


@FAST
@given(scraped_article())
def test_no_invented_words_scraped(case: tuple[str, list[str]]) -> None:
    data, _ = case
    assert_no_invented_words(data, clean(data))


@FAST
@given(wrapped_text())
def test_no_invented_words_hard_wrapped(data: str) -> None:
    assert_no_invented_words(data, clean(data))


@HTML
@given(html_article())
def test_no_invented_words_html(case: tuple[str, list[str]]) -> None:
    page, _ = case
    assert_no_invented_words(page, clean(page))


@FAST
@given(ARBITRARY_TEXT)
def test_no_invented_words_arbitrary(data: str) -> None:
    try:
        article = clean(data, kind="text")
    except CleanerError:
        return
    assert_no_invented_words(data, article)


# ---- property 2: idempotence ---------------------------------------------------------------------------

def assert_fixed_point(article: Article) -> None:
    again = clean(to_text(article))
    assert again.title == article.title
    assert again.paragraphs == article.paragraphs


@FAST
@given(scraped_article())
def test_idempotent_on_realistic_articles(case: tuple[str, list[str]]) -> None:
    data, _ = case
    article = clean(data)
    if article.title and article.paragraphs:
        assert_fixed_point(article)


@HTML
@given(html_article())
def test_idempotent_on_html_articles(case: tuple[str, list[str]]) -> None:
    page, _ = case
    article = clean(page)
    if article.title and article.paragraphs:
        assert_fixed_point(article)


def _only_short_lines(path: Path) -> bool:
    """An expected article whose every paragraph the text heuristics call short (see 2. above)."""
    return all(len(p) < Options().length_low for p in path.read_text(encoding="utf-8").split("\n\n")[1:])


EXPECTED_FILES = [path for path in sorted((FIXTURES / "golden").glob("*.expected.txt"))
                  + [FIXTURES / "scraped-article.expected.txt"] if not _only_short_lines(path)]


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=lambda p: p.name.replace(".expected.txt", ""))
def test_clean_output_is_a_fixed_point(path: Path) -> None:
    """A hand-written clean article goes through the cleaner unchanged."""
    text = path.read_text(encoding="utf-8")
    title, *paragraphs = text.rstrip("\n").split("\n\n")
    article = clean(text)
    assert article.title == title
    assert list(article.paragraphs) == paragraphs
    assert to_text(article) == text


# ---- realistic articles: order kept, noise gone -----------------------------------------------------------

@FAST
@given(scraped_article())
def test_paragraph_order_kept_and_noise_removed(case: tuple[str, list[str]]) -> None:
    data, paras = case
    article = clean(data)
    kept = [p for p in article.paragraphs if p in paras]
    assert kept == [p for p in paras if p in kept], "paragraphs out of order"
    for p in article.paragraphs:
        assert p not in NOISE, f"noise line kept: {p!r}"
    assert article.title not in NOISE


@FAST
@given(scraped_article_with_title())
@example((  # a lede that is a short question right after the headline
    "Home\n\nNews\n\nRegulator fines retailer over tracking on its website\n\nWhy did it take so long?\n\n"
    + SENTENCES[7] + "\n\n" + SENTENCES[28] + "\n\n" + SENTENCES[15] + "\n",
    "Regulator fines retailer over tracking on its website",
    ["Why did it take so long?", SENTENCES[7], SENTENCES[28], SENTENCES[15]],
))
def test_title_is_the_headline(case: tuple[str, str, list[str]]) -> None:
    data, title, paras = case
    article = clean(data)
    assert article.title == title
    assert title not in article.paragraphs


# ---- property 3: totality --------------------------------------------------------------------------------

def assert_total(data, **kwargs) -> None:
    try:
        result = clean(data, **kwargs)
    except CleanerError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(result, Article)
    assert all(isinstance(p, str) and p for p in result.paragraphs)


KINDS = st.sampled_from(["auto", "html", "text"])


@FAST
@given(st.text(max_size=800), KINDS)
def test_any_str_is_article_or_cleaner_error(data: str, kind: str) -> None:
    assert_total(data, kind=kind)


@FAST
@given(st.binary(max_size=800), KINDS)
def test_any_bytes_is_article_or_cleaner_error(data: bytes, kind: str) -> None:
    assert_total(data, kind=kind)


TAGS = ["<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<br>",
        "<!DOCTYPE html>", "<meta charset='utf-8'>", "<meta charset='nope'>", "<title>", "</title>",
        "<h1>", "</h1>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "<?xml version='1.0'?>",
        "<a href='x'>", "</a>", "<table><tr><td>", "<ul><li>", "\x00", "\ufeff", "\x1b[31m", "\r\n"]


@FAST
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(NOISE), sentence(), st.text(max_size=20)),
                max_size=40), KINDS, st.booleans())
def test_html_like_soup_is_article_or_cleaner_error(parts: list[str], kind: str, as_bytes: bool) -> None:
    data = "".join(parts)
    assert_total(data.encode("utf-8", "surrogatepass") if as_bytes else data, kind=kind)


@FAST
@given(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "koi8-r", "shift_jis", "gb18030"]),
       scraped_article())
def test_encoded_articles_are_article_or_cleaner_error(encoding: str, case: tuple[str, list[str]]) -> None:
    data, _ = case
    assert_total(data.encode(encoding, "replace"))


# ---- property 4: no control character reaches an output field, whatever way it takes -------------------

_CONTROL_CODES = [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_FORBIDDEN = {*map(chr, _CONTROL_CODES), "\u2028", "\u2029", "\ufffe", "\uffff"}
# Ways a control character can be written in a page: raw, as a decimal or hexadecimal reference (with or without
# the semicolon, padded with zeros), as a reference cut in two around another one that the cleaner drops
# ("&#x&#27;1b;"), as an escape in a JSON-LD string, in an attribute the metadata reads.
_CONTROL = st.sampled_from(_CONTROL_CODES)
_WRITTEN = st.one_of(
    _CONTROL.map(chr), _CONTROL.map(lambda c: f"&#{c};"), _CONTROL.map(lambda c: f"&#x{c:x};"),
    _CONTROL.map(lambda c: f"&#{c:08d}"), _CONTROL.map(lambda c: f"&#X{c:X}"),
    st.tuples(_CONTROL, _CONTROL).map(lambda cc: f"&#x&#{cc[0]};{cc[1]:x};"),
    st.tuples(_CONTROL, _CONTROL).map(lambda cc: f"&#&#x{cc[0]:x};{cc[1]};"),
    st.sampled_from(["&#x", "&#", "&", "#", "1b;", ";", "\x1b[2J", "\x1b]0;t\x07", "&#8203;", "&#xfeff;"]))


@st.composite
def text_with_controls(draw) -> str:
    words = draw(st.lists(st.one_of(sentence(), _WRITTEN, st.sampled_from(NOISE)), min_size=1, max_size=20))
    return draw(st.sampled_from([" ", "", "\n"])).join(words)


@st.composite
def page_with_controls(draw) -> str:
    text = text_with_controls()
    title, author, body = draw(text), draw(text), [draw(text) for _ in range(draw(st.integers(1, 4)))]
    as_json = json.dumps(draw(text))  # a JSON escape (\u001b) in the page's JSON-LD
    ld = f'{{"@type": "NewsArticle", "headline": {as_json}, "author": {{"@type": "Person", "name": {json.dumps(author)}}}}}'
    return (f"<html><head><title>{title}</title><meta name='author' content='{author}'>"
            f"<meta property='og:site_name' content='{draw(text)}'><script type='application/ld+json'>{ld}</script>"
            f"</head><body><article><h1>{title}</h1><p class='byline'>By {author}</p>"
            + "".join(f"<p>{SENTENCES[0]} {b} {SENTENCES[1]}</p>" for b in body) + "</article></body></html>")


def assert_no_controls(article: Article) -> None:
    texts = [article.title, article.date_published, article.site_name, article.url, article.language,
             *article.paragraphs, *article.authors, *(r.text for r in article.removed)]
    bad = {hex(ord(c)) for t in texts if t for c in t if c in _FORBIDDEN}
    assert not bad, (bad, article)


@HTML
@given(page_with_controls(), st.booleans())
def test_no_control_character_reaches_an_html_field(page: str, as_bytes: bool) -> None:
    assert_no_controls(clean(page.encode("utf-8", "surrogatepass") if as_bytes else page, kind="html"))


@FAST
@given(st.lists(text_with_controls(), min_size=1, max_size=8), st.sampled_from([None, "https://example.com/\x1b[2Ja"]))
def test_no_control_character_reaches_a_text_field(lines: list[str], url: str | None) -> None:
    try:
        article = clean("\n".join(lines), kind="text", url=url)
    except CleanerError:
        return
    assert_no_controls(article)


# ---- linear rewrites give what the code they replace gives ------------------------------------------------

class _Paragraph:
    """What jusText's revision reads of a paragraph."""

    def __init__(self, cf_class: str, heading: bool, text: str, class_type: str) -> None:
        self.cf_class, self.heading, self.text, self.class_type = cf_class, heading, text, class_type


_PARAGRAPHS = st.lists(st.tuples(st.sampled_from(["short", "good", "bad", "neargood"]), st.booleans(),
                                 st.sampled_from(["", "x", "a few words", "y" * 80, "z" * 160]),
                                 st.sampled_from(["", "good", "short"])), max_size=14)


@settings(FAST, max_examples=300)
@given(_PARAGRAPHS, st.sampled_from([0, 50, 150]))
def test_justext_revision_in_linear_time_gives_justexts_classes(spec, distance: int) -> None:
    from justext.core import revise_paragraph_classification

    from cleaner.trafilatura_steps import revise_classification

    theirs, ours = [_Paragraph(*p) for p in spec], [_Paragraph(*p) for p in spec]
    revise_paragraph_classification(theirs, distance)
    revise_classification(ours, distance)
    assert [p.class_type for p in ours] == [p.class_type for p in theirs]


def _join_by_concatenation(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = out + " " + line
    return out


@settings(FAST, max_examples=300)
@given(st.lists(st.text(st.sampled_from("aB-é1 "), max_size=4), min_size=1, max_size=6))
def test_joining_wrapped_lines_in_one_pass_gives_what_concatenation_gave(lines: list[str]) -> None:
    from cleaner.segment import join_wrapped

    assert join_wrapped(lines) == _join_by_concatenation(lines)


def test_wrap_width_decides_on_lines_with_words() -> None:
    # wrap_width gives up at once on a line longer than any wrap allows; a blank line that long does not count.
    from cleaner.segment import wrap_width

    lines = ["word " * 11 + "word"] * 30  # 59 columns
    assert wrap_width(lines) == 59
    assert wrap_width(lines + [" " * 200]) == 59
    assert wrap_width(lines + ["x" * 200]) is None
