"""Typed blocks (issue 15): ``Article.blocks``, the kinds HTML and text give, and the CommonMark output.

The golden cases are ``fixtures/blocks/<name>.<html|txt>`` with, beside each, ``<name>.blocks.json`` (the
``blocks`` field of the JSON output) and ``<name>.expected.md`` (``--format markdown``), written by hand.
The Markdown is read back with a real CommonMark parser (markdown-it-py, pipe tables on), never compared by
eye alone: headings, lists (nesting, order), tables, quotes, code and the text of every block round-trip.
"""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cleaner import clean
from cleaner.article import Article, Block, TypedBlock
from cleaner.blocks import line_shapes, shape_for, trafilatura_tag, typed_blocks
from cleaner.cli import cli
from cleaner.formats import to_markdown, to_text
from cleaner.rebuild import normalise_text
from cleaner.segment import segment

BLOCKS = Path(__file__).resolve().parent.parent / "fixtures" / "blocks"
CASES = sorted(p for p in BLOCKS.iterdir() if p.suffix in (".html", ".txt"))
CLEANER = Path(sys.executable).with_name("cleaner")


# ---- reading Markdown back --------------------------------------------------------------------------

def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline_text(token) -> str:
    """The text an inline token renders; any markup other than emphasis shows as <type> (a test failure)."""
    out = []
    for child in token.children or ():
        if child.type in ("text", "text_special"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type not in ("em_open", "em_close"):
            out.append(f"<{child.type}>")
    return "".join(out)


def read_back(markdown: str) -> list[tuple]:
    """The blocks a CommonMark parser finds: (kind, text, extra) with extra the heading's level, the list
    item's (depth, ordered), the table's rows; an emphasised paragraph is ("emphasis", text, None)."""
    tokens = _parser().parse(markdown)
    out: list[tuple] = []
    lists: list[str] = []
    quote = 0
    row: list[str] | None = None
    rows: list[list[str]] = []
    pending = None  # the block the next inline token is the text of
    for t in tokens:
        if t.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(t.type)
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t.type == "list_item_open":
            pending = ("list_item", (len(lists) - 1, lists[-1] == "ordered_list_open"))
        elif t.type == "heading_open":
            pending = ("heading", int(t.tag[1]))
        elif t.type == "blockquote_open":
            quote += 1
        elif t.type == "blockquote_close":
            quote -= 1
        elif t.type == "paragraph_open" and pending is None:
            pending = ("quote" if quote else "paragraph", None)
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "table_close":
            out.append(("table", None, rows))
            rows = []
        elif t.type == "fence":
            out.append(("code", t.content[:-1], None))
        elif t.type == "inline":
            if row is not None and pending is None:
                row.append(_inline_text(t))
                continue
            kind, extra = pending
            children = [c.type for c in t.children]
            if kind == "paragraph" and children[:1] == ["em_open"] and children[-1:] == ["em_close"] \
                    and children.count("em_open") == 1:
                kind = "emphasis"
            out.append((kind, _inline_text(t), extra))
            pending = None
        elif t.type in ("table_open",):
            row = None
        elif t.type not in ("paragraph_close", "heading_close", "list_item_close", "thead_open", "thead_close",
                            "tbody_open", "tbody_close", "th_open", "th_close", "td_open", "td_close",
                            "paragraph_open"):
            out.append(("unexpected", t.type, None))
    return out


def expected_read_back(article: Article) -> list[tuple]:
    """What reading the Markdown of an article must give: the title, the byline, then each block (a list
    item nests at most one level below the item before it)."""
    out: list[tuple] = []
    if article.title:
        out.append(("heading", " ".join(article.title.split()), 1))
    if article.authors or article.date_published or article.site_name:
        out.append(("emphasis", None, None))  # the byline: its text is checked apart
    depth = -1
    for b in article.blocks:
        if b.kind == "list_item":
            depth = min(b.depth, depth + 1)
            out.append(("list_item", " ".join(b.text.split()), (depth, b.ordered)))
            continue
        depth = -1
        if b.kind == "heading":
            out.append(("heading", b.text, b.level))
        elif b.kind == "table":
            width = max(map(len, b.rows))
            out.append(("table", None, [list(r) + [""] * (width - len(r)) for r in b.rows]))
        elif b.kind == "caption":
            out.append(("emphasis", b.text, None))
        else:
            out.append((b.kind, b.text, None))
    return out


def assert_round_trip(article: Article) -> None:
    found = read_back(to_markdown(article))
    wanted = expected_read_back(article)
    found = [(k, None, None) if w[0] == "emphasis" and w[1] is None else (k, t, e)
             for (k, t, e), w in zip(found, wanted)] + found[len(wanted):]
    assert found == wanted


# ---- golden cases ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_blocks(path: Path) -> None:
    article = clean(path.read_bytes())
    expected = json.loads(path.with_name(path.stem + ".blocks.json").read_text(encoding="utf-8"))
    assert article.to_dict()["blocks"] == expected


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_markdown_through_a_real_pipe(path: Path) -> None:
    proc = subprocess.run(f"cat '{path}' | '{CLEANER}' --format markdown", shell=True, capture_output=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    expected = path.with_name(path.stem + ".expected.md").read_text(encoding="utf-8")
    assert proc.stdout.decode("utf-8") == expected
    assert_round_trip(clean(path.read_bytes()))


def test_golden_cases_cover_every_kind_the_inputs_give() -> None:
    kinds = {p.suffix: {b["kind"] for b in json.loads(p.with_name(p.stem + ".blocks.json").read_text())}
             for p in CASES}
    assert kinds[".html"] >= {"heading", "paragraph", "list_item", "table", "quote", "code"}
    assert kinds[".txt"] >= {"heading", "paragraph", "list_item", "table"}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_blocks_change_no_paragraph(path: Path) -> None:
    # the text output is the paragraphs as before, a line keeping its bullet, but for a nested list in HTML:
    # its parent item's paragraph is the parent's own text, the nested items follow (issue 14: each once);
    # the blocks hold each item once, without its marker
    article = clean(path.read_bytes())
    assert to_text(article) == "\n\n".join([article.title, *article.paragraphs]) + "\n"
    items = [b.text for b in article.blocks if b.kind == "list_item"]
    assert len(items) == len(set(items)) == 7
    if path.suffix == ".html":
        at = article.paragraphs.index("Trams every ten minutes during the day")
        assert article.paragraphs[at + 1:at + 3] == ("Every five minutes at rush hour", "Every twenty minutes at night")
    else:
        assert "- Six new stops along the route to the harbour" in article.paragraphs


def test_json_output_has_the_blocks() -> None:
    path = BLOCKS / "en-html-all-kinds.html"
    result = CliRunner().invoke(cli, ["--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [b["kind"] for b in data["blocks"]].count("table") == 1
    assert data["text"] == "\n\n".join(data["paragraphs"])


# ---- HTML: tag and ancestors -> kind -----------------------------------------------------------------

@pytest.mark.parametrize("tag, ancestors, kind, fields", [
    ("h1", [], "heading", {"level": 1}),
    ("h4", ["section", "div"], "heading", {"level": 4}),
    ("p", [], "paragraph", {}),
    ("div", ["body"], "paragraph", {}),
    ("li", ["ul", "div"], "list_item", {"depth": 0, "ordered": False}),
    ("li", ["ol"], "list_item", {"depth": 0, "ordered": True}),
    ("li", ["ul", "li", "ol"], "list_item", {"depth": 1, "ordered": False}),
    ("li", ["ol", "li", "ul", "li", "ul"], "list_item", {"depth": 2, "ordered": True}),
    ("p", ["li", "ol"], "list_item", {"depth": 0, "ordered": True}),
    ("tr", ["tbody", "table"], "table", {}),
    ("p", ["td", "tr", "table"], "table", {}),
    ("blockquote", [], "quote", {}),
    ("p", ["blockquote", "article"], "quote", {}),
    ("pre", [], "code", {}),
    ("code", ["pre"], "code", {}),
    ("figcaption", ["figure"], "caption", {}),
    ("p", ["figcaption", "figure"], "caption", {}),
    ("caption", ["table"], "caption", {}),
])
def test_shape_for_html(tag: str, ancestors: list[str], kind: str, fields: dict) -> None:
    shape = shape_for(tag, ancestors)
    assert shape.kind == kind
    for name, value in fields.items():
        assert getattr(shape, name) == value


@pytest.mark.parametrize("tag, rend, html", [
    ("head", "h3", "h3"), ("head", None, "h2"), ("list", "ol", "ol"), ("list", "weird", "ul"), ("item", None, "li"),
    ("quote", None, "blockquote"), ("code", None, "pre"), ("row", None, "tr"), ("hi", "#b", "p"),
])
def test_trafilatura_tags(tag: str, rend: str | None, html: str) -> None:
    assert trafilatura_tag(tag, rend) == html


def test_a_caption_kept_from_html_is_a_caption() -> None:
    # trafilatura's path drops figures; a path that keeps a figcaption gives its tag
    texts = ["A tram on the test track near the harbour.", "The first paragraph."]
    sources = [Block(texts[0], shape=shape_for("figcaption", ["figure"])), Block(texts[1])]
    assert [b.kind for b in typed_blocks(texts, sources)] == ["caption", "paragraph"]
    article = Article(title="T", paragraphs=tuple(texts), blocks=typed_blocks(texts, sources))
    assert to_markdown(article).split("\n\n")[1] == "*A tram on the test track near the harbour.*"
    assert_round_trip(article)


def test_two_tables_in_a_row_stay_two() -> None:
    rows = [("a", "b"), ("c", "d"), ("e",)]
    sources = [Block(" | ".join(r), kind="tr", shape=shape_for("tr", cells=r, table=n))
               for r, n in zip(rows, (1, 1, 2))]
    tables = typed_blocks([" | ".join(r) for r in rows], sources)
    assert [t.rows for t in tables] == [(("a", "b"), ("c", "d")), (("e",),)]


def test_a_naive_block_takes_its_kind_from_the_extraction() -> None:
    sources = [Block("A heading", kind="h"), Block("An item", kind="li"), Block("A cell", kind="td")]
    kinds = [b.kind for b in typed_blocks([s.text for s in sources], sources)]
    assert kinds == ["heading", "list_item", "paragraph"]


# ---- text: what a line looks like -> kind ------------------------------------------------------------

PROSE = "The council voted on Tuesday to build the line, which will run along the old railway for miles."


def kinds_of(text: str) -> list[tuple]:
    return [(b.shape.kind if b.shape else "paragraph", b.shape and (b.shape.depth, b.shape.ordered))
            for b in segment(text)]


@pytest.mark.parametrize("lines, expected", [
    (["- one", "- two"], [("list_item", (0, False))] * 2),
    (["• one", "• two", "  • two and a half", "• three"], [("list_item", (0, False))] * 2
     + [("list_item", (1, False)), ("list_item", (0, False))]),
    (["1. one", "2. two", "3) three"], [("list_item", (0, True))] * 2 + [("paragraph", None)]),  # one delimiter
    (["1. one", "2. two", "3. three"], [("list_item", (0, True))] * 3),
    (["1. one", "3. three"], [("paragraph", None)] * 2),  # numbers that skip: not a list
    (["- one"], [("paragraph", None)]),  # a lone dash: a dialogue, an aside
    (["10. März 2020 in Berlin"], [("paragraph", None)]),  # a date opening a line
    (["* * *", "* * *"], [("paragraph", None)] * 2),  # section breaks
    (["- one", "* two"], [("paragraph", None)] * 2),  # two markers at one level
    (["  - one", "- two"], [("paragraph", None)] * 2),  # an item left of the first
])
def test_list_lines(lines: list[str], expected: list) -> None:
    assert kinds_of("\n".join(lines)) == expected


def test_a_list_item_keeps_its_marker_in_the_text_and_not_in_the_block() -> None:
    blocks = segment("- one\n- two\n")
    assert [b.text for b in blocks] == ["- one", "- two"]
    assert [b.shape.text for b in blocks] == ["one", "two"]


@pytest.mark.parametrize("text, kinds", [
    (f"Range And Charging\n{PROSE}", ["heading", "paragraph"]),
    (f"Range and charging times\n{PROSE}", ["paragraph", "paragraph"]),  # not title-cased
    (f"Range And Charging\nToo short.", ["paragraph", "paragraph"]),  # no prose after it
    (f"Range And Charging.\n{PROSE}", ["paragraph", "paragraph"]),  # ends as a sentence
    (f"Range And Charging\nNew Models Coming\n{PROSE}", ["paragraph", "paragraph", "paragraph"]),  # a run
    (f"{PROSE}\nRange And Charging", ["paragraph", "paragraph"]),  # last line
    ("a | b | c\nd | e | f\n", ["table", "table"]),
    ("a | b | c\nd | e\n", ["paragraph", "paragraph"]),  # cells that do not line up
    ("Either this | or that\n", ["paragraph"]),
])
def test_heading_and_table_lines(text: str, kinds: list[str]) -> None:
    assert [k for k, _ in kinds_of(text)] == kinds


def test_line_shapes_leave_text_alone() -> None:
    blocks = [Block(t) for t in ("- a", "- b", "x | y", "z | w")]
    line_shapes(blocks, [0, 0, 0, 0])
    assert [b.text for b in blocks] == ["- a", "- b", "x | y", "z | w"]
    assert [b.shape.cells for b in blocks[2:]] == [("x", "y"), ("z", "w")]


# ---- the typed value --------------------------------------------------------------------------------

def test_typed_block_is_an_immutable_record() -> None:
    b, same = TypedBlock("heading", "A heading", level=2), TypedBlock("heading", "A heading", level=2)
    assert b == same and hash(b) == hash(same) and b != TypedBlock("heading", "A heading", level=3)
    with pytest.raises(AttributeError):
        b.text = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(b)) == b
    assert b.to_dict() == {"kind": "heading", "text": "A heading", "level": 2}
    with pytest.raises(ValueError, match="kind must be one of"):
        TypedBlock("aside", "x")


def test_an_article_without_blocks_writes_its_paragraphs() -> None:
    article = Article(title="T", paragraphs=("# not a heading", "Two."))
    assert to_markdown(article) == "# T\n\n\\# not a heading\n\nTwo.\n"


# ---- Markdown: every text reads back as itself ----------------------------------------------------------

# text as it reaches a block: normalised (one space between words, no space at the ends), any characters
TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(normalise_text) \
    .filter(bool)
MARKUP = st.text(st.sampled_from(list("#>-+=|:*_`~[]()!<>&;\\1. aZ\t")), min_size=1, max_size=20) \
    .map(normalise_text).filter(bool)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(TEXTS, MARKUP), kind=st.sampled_from(["paragraph", "heading", "quote", "caption",
                                                             "list_item", "table"]))
def test_any_text_reads_back_as_itself(text: str, kind: str) -> None:
    if kind == "table":
        block = TypedBlock("table", text, rows=((text, "x"), ("y", text)))
    else:
        block = TypedBlock(kind, text, level=3 if kind == "heading" else None,
                           depth=0 if kind == "list_item" else None, ordered=False if kind == "list_item" else None)
    assert_round_trip(Article(title="A title", paragraphs=(text,), blocks=(block,)))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=12))
def test_any_list_nests_as_its_depths_say(items: list[tuple[int, bool]]) -> None:
    blocks = tuple(TypedBlock("list_item", f"item {i}", depth=d, ordered=o) for i, (d, o) in enumerate(items))
    assert_round_trip(Article(title="A title", paragraphs=("x",), blocks=blocks))


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(list("`~ a\n\t")), min_size=1, max_size=30).filter(str.strip))
def test_code_keeps_its_whitespace(code: str) -> None:
    code = code.strip("\n")
    assert_round_trip(Article(title="A title", paragraphs=("x",), blocks=(TypedBlock("code", code),)))
