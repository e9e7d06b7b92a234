"""The article's links (issue 15): ``clean(..., links=True)`` and ``--links``.

The golden case is ``fixtures/links/en-html-links.html`` with ``.blocks.json`` (the ``blocks`` field of the
JSON output, written by hand: the texts and each link's text and URL; the offsets found in the hand-written
text) and ``.expected.md`` (``--format markdown --links``, written by hand).  The Markdown is also read back
with a real CommonMark parser (markdown-it-py): every link comes back with its text and URL.  The property that
matters most: the text is the same with links and without (``text``, ``paragraphs``, the blocks' texts).
"""
from __future__ import annotations

import html
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cleaner import clean
from cleaner.article import Link, TypedBlock
from cleaner.cli import cli
from cleaner.formats import to_markdown
from cleaner.links import resolve
from cleaner.options import Options

LINKS = Path(__file__).resolve().parent.parent / "fixtures" / "links"
PAGE = LINKS / "en-html-links.html"
CLEANER = Path(sys.executable).with_name("cleaner")
SITE = "https://www.harbour-gazette.example"


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def links_read_back(markdown: str) -> list[tuple[str, str]]:
    """(text, href) of every link a CommonMark parser finds in the Markdown, in order."""
    found = []
    for token in _parser().parse(markdown):
        children = token.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                text = []
                for inner in children[i + 1:]:
                    if inner.type == "link_close":
                        break
                    text.append(inner.content)
                found.append(("".join(text), child.attrs["href"]))
    return found


def links_of(article) -> list[tuple[str, str]]:
    """(text, url) of every link of the article's blocks, from the spans, in order."""
    return [(b.text[link.start:link.end], link.url) for b in article.blocks for link in b.links]


def assert_links_read_back(article) -> None:
    normalize = _parser().normalizeLink
    wanted = [(" ".join(text.split()), normalize(url)) for text, url in links_of(article)]
    assert links_read_back(to_markdown(article)) == wanted


# ---- golden case ----------------------------------------------------------------------------------

def test_golden_blocks_with_links() -> None:
    article = clean(PAGE.read_bytes(), links=True)
    expected = json.loads(PAGE.with_name("en-html-links.blocks.json").read_text(encoding="utf-8"))
    assert article.to_dict()["blocks"] == expected


def test_golden_markdown_with_links() -> None:
    article = clean(PAGE.read_bytes(), links=True)
    assert to_markdown(article) == PAGE.with_name("en-html-links.expected.md").read_text(encoding="utf-8")
    assert_links_read_back(article)
    assert len(links_of(article)) == 9


def test_golden_links_are_what_the_page_links() -> None:
    # in-page (#notes), javascript: and mailto: links are left out; a code block has none; the menu's and the
    # footer's links went with them
    found = dict(links_of(clean(PAGE.read_bytes(), links=True)))
    assert found["vote"] == f"{SITE}/news/2021/tram-vote.html"  # ../ against the page's og:url
    assert found["market"] == "https://maps.example/market"  # protocol-relative: the page's scheme
    assert found["[new] ticket machines"] == f"{SITE}/tickets"
    assert "[1]" not in found and "share this story" not in found and "write to the desk" not in found
    assert "2.50" not in found and "Home" not in found and "About us" not in found


def test_golden_through_a_real_pipe() -> None:
    proc = subprocess.run(f"cat '{PAGE}' | '{CLEANER}' --links --format markdown", shell=True, capture_output=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == PAGE.with_name("en-html-links.expected.md").read_text(encoding="utf-8")


# ---- the command ----------------------------------------------------------------------------------

def test_cli_links_flag_json_and_markdown() -> None:
    runner = CliRunner()
    on = runner.invoke(cli, ["--links", "--format", "json", str(PAGE)])
    off = runner.invoke(cli, ["--format", "json", str(PAGE)])
    assert on.exit_code == off.exit_code == 0, on.output + off.output
    with_links, without = json.loads(on.stdout), json.loads(off.stdout)
    assert with_links["text"] == without["text"] and with_links["paragraphs"] == without["paragraphs"]
    assert [b["text"] for b in with_links["blocks"]] == [b["text"] for b in without["blocks"]]
    assert not any("links" in b for b in without["blocks"])
    first = with_links["blocks"][0]
    assert [first["text"][s["start"]:s["end"]] for s in first["links"]] == [
        "central station", "three years after the council's vote"]
    markdown = runner.invoke(cli, ["--links", "--format", "markdown", str(PAGE)])
    plain = runner.invoke(cli, ["--format", "markdown", str(PAGE)])
    assert f"[central station]({SITE}/places/central-station)" in markdown.stdout
    assert "](" not in plain.stdout and "central station" in plain.stdout


def test_cli_url_is_the_base_of_relative_links() -> None:
    result = CliRunner().invoke(cli, ["--links", "--format", "json", "--url", "https://mirror.example/a/b/c.html",
                                      str(PAGE)])
    assert result.exit_code == 0, result.output
    urls = [s["url"] for b in json.loads(result.stdout)["blocks"] for s in b.get("links", ())]
    assert "https://mirror.example/places/central-station" in urls
    assert "https://mirror.example/a/2021/tram-vote.html" in urls


def test_cli_stream_records_get_links_against_their_own_url(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    records.write_text(json.dumps({"url": "https://mirror.example/x/y.html", "html": PAGE.read_text()}) + "\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["--jsonl", "--links", "-q", "-j", "1", str(records)])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout.splitlines()[0])["cleaned"]["blocks"][0]
    assert first["links"][0] == {"start": 39, "end": 54, "url": "https://mirror.example/places/central-station"}


def test_cli_text_output_is_unchanged_by_links() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--links", str(PAGE)]).stdout == runner.invoke(cli, [str(PAGE)]).stdout


# ---- the library ----------------------------------------------------------------------------------

def test_links_are_off_by_default() -> None:
    article = clean(PAGE.read_bytes())
    assert all(b.links == () for b in article.blocks)
    assert Options().links is False


def test_links_option_is_checked() -> None:
    with pytest.raises(TypeError, match="links must be True or False"):
        clean(PAGE.read_bytes(), links="yes")


def test_text_input_has_no_links() -> None:
    text = ("Council backs the harbour tram\n\nThe council voted to build the line, see https://example.com/tram "
            "for the plan, which the mayor called the best news for the harbour in fifty years.\n")
    article = clean(text, links=True)
    assert article.kind == "text" and article.paragraphs and all(not b.links for b in article.blocks)


def test_base_element_is_the_base_of_relative_links() -> None:
    page = ("<html><head><base href='https://static.example/archive/'></head><body><article><h1>Tram</h1>"
            "<p>The council voted on Tuesday to build the <a href='tram.html'>tram line</a> to the harbour, "
            "ending a debate of more than a decade in the town hall of the old city.</p></article></body></html>")
    article = clean(page, url="https://www.example.com/news/tram", links=True)
    assert links_of(article) == [("tram line", "https://static.example/archive/tram.html")]


def test_relative_links_without_a_page_url_are_left_out() -> None:
    page = ("<html><body><article><h1>Tram</h1><p>The council voted on Tuesday to build the <a href='/tram'>tram "
            "line</a> to the harbour, as <a href='https://example.org/report'>the report</a> advised after a "
            "debate of more than a decade in the town hall.</p></article></body></html>")
    article = clean(page, links=True)
    assert links_of(article) == [("the report", "https://example.org/report")]


def test_link_across_two_blocks_is_cut_to_each() -> None:
    page = ("<html><body><article><h1>Tram</h1><a href='https://example.org/story'><h2>The tram line opens</h2>"
            "<p>The council voted on Tuesday to build the tram line to the harbour, ending a debate of more than a "
            "decade.</p></a><p>The first trams run next year, and the line will reach the beach by 2027, the "
            "council's planners said in their report.</p></article></body></html>")
    article = clean(page, links=True)
    linked = [b for b in article.blocks if b.links]
    assert linked and all(b.links == (Link(0, len(b.text), "https://example.org/story"),) for b in linked)


@pytest.mark.parametrize("href, base, url", [
    ("/a", "https://example.com/x/y", "https://example.com/a"),
    ("b.html", "https://example.com/x/y", "https://example.com/x/b.html"),
    ("//cdn.example/p", "https://example.com/", "https://cdn.example/p"),
    ("  https://example.org/p?q=1#top \n", None, "https://example.org/p?q=1#top"),
    ("https://exa\nmple.org/\tp", None, "https://example.org/p"),
    ("HTTP://Example.org/", None, "HTTP://Example.org/"),
    ("#notes", "https://example.com/x", None),
    ("", "https://example.com/x", None),
    ("javascript:void(0)", "https://example.com/x", None),
    ("JavaScript:alert(1)", None, None),
    ("mailto:desk@example.com", "https://example.com/x", None),
    ("ftp://example.com/file", None, None),
    ("/relative", None, None),
    ("http://[::1", None, None),
    ("https://", None, None),
])
def test_resolve(href: str, base: str | None, url: str | None) -> None:
    assert resolve(href, base) == url


# ---- Markdown: what a URL or a link's text can hold ---------------------------------------------

@pytest.mark.parametrize("url", [
    "https://example.com/a_(b)_c",
    "https://example.com/a b",
    "https://example.com/q?a=1&copy;=2&b=<x>",
    "https://example.com/caf\u00e9",
    "https://example.com/pipe|here",
    "https://example.com/back\\slash",
    "https://example.com/*star*_under_`tick`",
])
@pytest.mark.parametrize("kind", ["paragraph", "heading", "list_item", "quote", "caption", "table"])
def test_markdown_links_read_back(url: str, kind: str) -> None:
    text = "See [the] *report* <b> & more"
    link = Link(4, 18, url)  # "[the] *report*"
    extra = {"level": 2} if kind == "heading" else {"depth": 0, "ordered": False} if kind == "list_item" else {}
    if kind == "table":
        block = TypedBlock("table", "Stop | " + text, rows=(("Stop", text),), links=(Link(11, 25, url),))
    else:
        block = TypedBlock(kind, text, links=(link,), **extra)
    from cleaner.article import Article

    article = Article(paragraphs=(block.text,), blocks=(block,))
    markdown = to_markdown(article)
    assert links_read_back(markdown) == [("[the] *report*", _parser().normalizeLink(url))], markdown


def test_markdown_link_at_a_line_start_and_heading_end() -> None:
    from cleaner.article import Article

    blocks = (TypedBlock("paragraph", "1. Council", links=(Link(0, 2, "https://example.com/1"),)),
              TypedBlock("heading", "Tram #", level=2, links=(Link(0, 4, "https://example.com/t"),)),
              TypedBlock("list_item", "- item", depth=0, ordered=False, links=(Link(2, 6, "https://example.com/i"),)))
    markdown = to_markdown(Article(paragraphs=tuple(b.text for b in blocks), blocks=blocks))
    tokens = [t for t in _parser().parse(markdown) if t.type in ("paragraph_open", "heading_open", "list_item_open",
                                                                  "bullet_list_open", "ordered_list_open")]
    assert [t.type for t in tokens] == ["paragraph_open", "heading_open", "bullet_list_open", "list_item_open",
                                        "paragraph_open"]
    assert links_read_back(markdown) == [("1.", "https://example.com/1"), ("Tram", "https://example.com/t"),
                                         ("item", "https://example.com/i")]
    assert "Tram](https://example.com/t) \\#" in markdown  # the closing # stays text


def test_blocks_with_links_pickle() -> None:
    article = clean(PAGE.read_bytes(), links=True)
    assert pickle.loads(pickle.dumps(article)).blocks == article.blocks


# ---- property: links never change the text -------------------------------------------------------

WORDS = ("council harbour tram line station market vote mayor city report plan year night ferry depot route "
         "stop ticket board residents debate decade budget school road bridge").split()
HREFS = ["/news/{w}", "{w}.html", "../{w}/", "https://example.org/{w}?a=1&b=2", "//cdn.example/{w}", "#{w}",
         "javascript:void('{w}')", "mailto:{w}@example.com", "https://example.org/{w}_(x)", " /{w} ",
         "https://example.org/caf\u00e9/{w}", "?q={w}", ""]
PROPERTY = settings(max_examples=20, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def linked_text(draw, words: int) -> tuple[str, list[tuple[str, str]]]:
    """A run of words, some of them in links (maybe with markup inside), as HTML; and (text, href) of each."""
    out, links = [], []
    chosen = draw(st.lists(st.sampled_from(WORDS), min_size=words, max_size=words))
    i = 0
    while i < len(chosen):
        if draw(st.integers(0, 4)) == 0:
            n = draw(st.integers(1, 3))
            anchor = " ".join(chosen[i:i + n])
            href = draw(st.sampled_from(HREFS)).format(w=chosen[i])
            inner = html.escape(anchor) if draw(st.booleans()) else f"<b>{html.escape(anchor)}</b>"
            out.append(f'<a href="{html.escape(href)}">{inner}</a>')
            links.append((anchor, href))
            i += n
        else:
            out.append(chosen[i])
            i += 1
    return " ".join(out), links


@st.composite
def page_with_links(draw) -> tuple[str, list[tuple[str, str]]]:
    parts, links = [], []
    for _ in range(draw(st.integers(3, 6))):
        kind = draw(st.sampled_from(["p", "p", "h2", "li", "blockquote"]))
        text, found = draw(linked_text(8 if kind == "h2" else 30))
        links += found
        text = text[0].upper() + text[1:] if text[0] != "<" else text
        parts.append(f"<ul><li>{text}</li></ul>" if kind == "li" else f"<{kind}>{text}.</{kind}>")
    nav = "".join(f'<a href="/{w}">{w}</a> ' for w in draw(st.lists(st.sampled_from(WORDS), max_size=5)))
    page = (f"<!DOCTYPE html><html><head><title>Harbour news</title></head><body><nav>{nav}</nav>"
            f"<article><h1>Harbour tram opens</h1>{''.join(parts)}</article></body></html>")
    return page, links


@PROPERTY
@given(page_with_links())
def test_links_never_change_the_text(case: tuple[str, list[tuple[str, str]]]) -> None:
    page, generated = case
    url = "https://www.example.com/news/today.html"
    plain, linked = clean(page, url=url), clean(page, url=url, links=True)
    assert linked.text == plain.text and linked.paragraphs == plain.paragraphs and linked.title == plain.title
    assert [(b.kind, b.text, b.level, b.depth, b.ordered, b.rows) for b in linked.blocks] == \
           [(b.kind, b.text, b.level, b.depth, b.ordered, b.rows) for b in plain.blocks]
    assert all(not b.links for b in plain.blocks)
    wanted = {(anchor, resolve(href, url)) for anchor, href in generated}
    for b in linked.blocks:
        ends = [0]
        for link in b.links:
            assert ends[-1] <= link.start < link.end <= len(b.text)
            assert not b.text[link.start].isspace() and not b.text[link.end - 1].isspace()
            assert link.url.startswith(("http://", "https://"))
            ends.append(link.end)
    assert set(links_of(linked)) <= wanted
    assert_links_read_back(linked)
