"""Hostile input: any bytes in, an Article with correctly decoded text or a one-line CleanerError out.

Large inputs are generated at run time (never committed).  The full-size checks (50 MB page, 10 MB
line, 100,000 nested elements, 1,000,000 tiny paragraphs, a giant table) run only with
CLEANER_SLOW=1; the unit tests use scaled-down versions, each in a child process with a time limit
so that a regression fails fast instead of hanging the suite.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import cleaner
from cleaner import CleanerError, InputTooLargeError

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
SLOW = pytest.mark.skipif(os.environ.get("CLEANER_SLOW") != "1", reason="full-size check: set CLEANER_SLOW=1")
_BAD = {*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)}

EN = ("The city council voted on Tuesday to approve a new budget for the public library system, "
      "which will extend opening hours across all branches from next month. ")


def fields(article: cleaner.Article) -> list[str]:
    return [x for x in (article.title, article.date_published, article.site_name, article.url, article.language)
            if x] + list(article.paragraphs) + list(article.authors) + [r.text for r in article.removed]


def controls_in(article: cleaner.Article) -> list[str]:
    return [hex(ord(c)) for text in fields(article) for c in text if ord(c) in _BAD]


def everything(article: cleaner.Article) -> str:
    return "\n".join(fields(article))


# fixture -> (kind, words that must be in the title or paragraphs, words that must not be anywhere)
FIXTURES = {
    "xxe.html": ("html", ["Library hours extended", "city council"], ["root:", "/bin/", "nologin"]),
    "external-dtd.html": ("html", ["Library hours extended", "city council"], ["root:", "/bin/"]),
    "ansi.txt": ("text", ["Library hours extended", "city council", "Library officials"], ["pwned", "evil.example"]),
    "utf16-nobom.txt": ("text", ["Library hours extended", "Grüße, café", "Library officials"], []),
    "utf16be-nobom.txt": ("text", ["Library hours extended", "Grüße, café", "Library officials"], []),
    "utf32-bom.txt": ("text", ["Library hours extended", "Library officials"], []),
    "cp1252-declared-wrong.html": ("html", ["Café owners", "café’s owner", "“a great day”", "€500", "Déjà vu",
                                            "naïve"], ["\ufffd", "Ã"]),
    "utf8-declared-latin1.html": ("html", ["Café owners", "Grüße from the café’s owner"], ["Ã", "\ufffd"]),
    "cp1252-declared.html": ("html", ["Café owners", "“thanks”"], ["\ufffd"]),
    "shift_jis.html": ("html", ["図書館の開館時間を延長", "公立図書館の新しい予算を承認した"], ["\ufffd"]),
    "shift_jis.txt": ("text", ["公立図書館の新しい予算を承認した"], ["\ufffd"]),
    "iso2022jp.txt": ("text", ["公立図書館の新しい予算を承認した"], ["\ufffd"]),
    "gb18030.html": ("html", ["图书馆延长开放时间", "公共图书馆系统的新预算"], ["\ufffd"]),
    "koi8r.html": ("html", ["Библиотеки будут работать дольше", "публичных библиотек"], ["\ufffd"]),
    "koi8r.txt": ("text", ["Библиотеки будут работать дольше", "публичных библиотек"], ["\ufffd"]),
    "cp1250.txt": ("text", ["Biblioteki będą dłużej otwarte", "zatwierdziła", "Żółć i gęślą jaźń"], ["\ufffd"]),
    "nul-bytes.txt": ("text", ["Library hours extended", "approve a new budget", "Library officials"], []),
    "mixed-utf8-cp1252.txt": ("text", ["Grüße from the café", "caf\u00e9 and na\u00efve"], ["\ufffd"]),
    "truncated-utf8.html": ("html", ["Grüße aus dem Café", "city council"], []),
    "html-comments-prolog.html": ("html", ["Library hours extended", "city council"], []),
    "mentions-tags.txt": ("text", ["How to write HTML", "starts with <p> and a line break is <br>"], []),
    "charset-undefined.html": ("html", ["Café owners", "café’s owner", "\\x3cscript\\x3e “thanks”"], ["\ufffd"]),
    "charset-unicode-escape.xhtml": ("html", ["Café owners", "\\x3cscript\\x3e café"], ["\ufffd"]),
    "blank-prolog.html": ("html", ["Library hours extended", "city council"], ["<p>", "<nav>"]),
    "utf16le-ja-nobom.txt": ("text", ["図書館の開館時間を延長", "公立図書館の新しい予算を承認した"], ["\ufffd"]),
    "utf32-cut.txt": ("text", ["Library hours extended", "city council"], []),
    "mixed-cp1252-few-utf8.html": ("html", ["Café owners", "l’école ont présenté", "Müller’s café served crème brûlée"],
                                   ["\ufffd", "Ă", "ĺ"]),
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_hostile_fixture_decodes(name):
    kind, present, absent = FIXTURES[name]
    article = cleaner.clean((HOSTILE / name).read_bytes())
    assert article.kind == kind
    assert article.paragraphs
    shown = everything(article)  # decoding is the point here: a removed fragment counts too
    for words in present:
        assert words in shown, (words, shown[:300])
    for words in absent:
        assert words not in everything(article)
    assert not controls_in(article)


def test_every_hostile_fixture_is_covered():
    covered = set(FIXTURES) | {"only-controls.txt", "entity-controls.html", "deep-nesting.html", "deep-unclosed.html",
                               "svg-doctype.svg", "entity-joined-controls.html"}
    assert {p.name for p in HOSTILE.iterdir()} <= covered


def test_only_control_characters_is_an_input_error():
    with pytest.raises(CleanerError) as err:
        cleaner.clean((HOSTILE / "only-controls.txt").read_bytes())
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("data", [b"", b" \n\t ", b"\x89PNG\r\n\x1a\n" + bytes(100), b"%PDF-1.4\n",
                                  b"\x1f\x8b\x08\x00" + bytes(40), bytes(500), bytes(range(256)) * 8])
def test_bad_input_raises_one_line_cleaner_error(data):
    with pytest.raises(CleanerError) as err:
        cleaner.clean(data)
    assert str(err.value) and "\n" not in str(err.value)


def test_max_bytes():
    with pytest.raises(InputTooLargeError):
        cleaner.clean(b"a" * 1001, max_bytes=1000)
    with pytest.raises(InputTooLargeError):
        cleaner.clean("a" * 1001, max_bytes=1000)
    big = b"a" * (64 * 1024 * 1024 + 1)  # the default limit, 64 MiB
    with pytest.raises(InputTooLargeError) as err:
        cleaner.clean(big)
    assert "67,108,864" in str(err.value)
    assert issubclass(InputTooLargeError, CleanerError)


# --- the CLI, through a child process -------------------------------------------------------------

def run_cli(*args: str, data: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess:
    code = "import sys; from cleaner.cli import main; sys.argv[0] = 'cleaner'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], input=data, capture_output=True, timeout=timeout)


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x89PNG\r\n\x1a\n" + bytes(64), b"%PDF-1.5\n" + bytes(64),
                                  b"\x1f\x8b\x08\x00" + bytes(64), bytes(range(256)) * 4])
def test_cli_input_error_exits_2_with_one_line(data):
    proc = run_cli(data=data)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert err.startswith("cleaner: ") and err.count("\n") == 1 and "Traceback" not in err
    assert proc.stdout == b""


def test_cli_max_bytes_exits_2():
    proc = run_cli("--max-bytes", "100", data=b"x" * 101)
    assert proc.returncode == 2 and proc.stderr.decode().startswith("cleaner: ") and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("name", ["ansi.txt", "koi8r.txt", "cp1252-declared-wrong.html", "nul-bytes.txt"])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_cli_output_is_decoded_and_terminal_safe(name, fmt):
    proc = run_cli("--format", fmt, str(HOSTILE / name))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert not [c for c in out if ord(c) in _BAD], repr(out[:200])
    assert b"\x1b" not in proc.stderr


# --- no network, no file access driven by input ---------------------------------------------------

@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield calls
    assert not calls


XXE_PAYLOADS = [
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><article>'
    f"<h1>Library hours</h1><p>{EN}&e;</p><p>{EN}</p></article></body></html>",
    '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p; <!ENTITY e SYSTEM "file:///etc/passwd">]>'
    f"<html><body><p>{EN}&e;</p><p>&e;</p></body></html>",
    '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd"><html><body>'
    f'<p>{EN}</p><img src="file:///etc/passwd"><iframe src="http://127.0.0.1:9/"></iframe></body></html>',
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    f"<html><body><p>{EN}&d;&d;&d;&d;&d;&d;</p></body></html>",  # billion laughs, small
    '<html><body><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
    f"<p>{EN}</p></body></html>",
]


@pytest.mark.parametrize("payload", XXE_PAYLOADS)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_no_external_entities_dtds_or_network(no_network, payload, as_bytes):
    article = cleaner.clean(payload.encode() if as_bytes else payload, kind="html")
    text = everything(article)
    assert "root:" not in text and "/bin/" not in text and "nologin" not in text
    assert "aaaaaaaaaa" * 100 not in text  # entities are not expanded


@pytest.mark.parametrize("name", ["xxe.html", "external-dtd.html"])
def test_parser_never_resolves_entities(no_network, name):
    from cleaner import html

    tree = html.parse((HOSTILE / name).read_text())
    assert "root:" not in tree.text_content()


# --- terminal safety -------------------------------------------------------------------------------

def test_ansi_text_input_has_no_controls_left():
    article = cleaner.clean((HOSTILE / "ansi.txt").read_bytes())
    assert not controls_in(article)
    assert "Tab separated values stay" in article.text or "Tab\tseparated\tvalues stay" in article.text


@pytest.mark.parametrize("dirty", ["\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\x07", "\x00", "\x7f", "\x85",
                                   "\x1bP1$r\x1b\\", "\u2028", "\ufeff"])
def test_raw_controls_never_reach_output(dirty):
    text = f"Library hours{dirty} extended\n{EN}{dirty}\nLibrary officials said the{dirty} extra hours were paid for.\n"
    for data in (text, text.encode(), text.encode("utf-16")):
        assert not controls_in(cleaner.clean(data))
    page = f"<html><head><title>Library{dirty} hours</title></head><body><article><h1>Library{dirty} hours</h1>" \
           f"<p>{EN}{dirty}</p><p>{EN}</p></article></body></html>"
    assert not controls_in(cleaner.clean(page))


def test_entity_controls_never_reach_output():
    article = cleaner.clean((HOSTILE / "entity-controls.html").read_bytes())
    assert not controls_in(article)
    assert article.paragraphs and "city council" in article.text  # the article is not lost either


@pytest.mark.parametrize("entity", ["&#7;", "&#27;", "&#xfffe;"])
def test_one_control_entity_does_not_lose_the_article(entity):
    page = (f"<html><head><title>Library hours</title></head><body><article><h1>Library hours</h1>"
            f"<p>{EN}{entity}</p><p>Library officials said the extra hours were paid for by savings elsewhere.</p>"
            "</article></body></html>")
    assert len(cleaner.clean(page).paragraphs) == 2


def test_control_references_are_dropped_and_the_others_kept_as_written():
    from cleaner.html import without_control_refs

    page = "<p>It&#39;s &#x2019;here&#8217; &#27;[31m&#x9b; &#9999999999;</p>"
    assert without_control_refs(page) == "<p>It&#39;s &#x2019;here&#8217; [31m </p>"
    plain = "<p>It&#39;s &#x2019;here&#8217; &amp; there</p>"
    assert without_control_refs(plain) is plain  # no reference to a control: the page is not copied


def test_a_reference_joined_around_a_dropped_one_gives_no_control():
    article = cleaner.clean((HOSTILE / "entity-joined-controls.html").read_bytes())
    assert not controls_in(article)
    assert "city council" in article.text and "[2J" in article.text  # the text around them stays
    from cleaner.html import without_control_refs

    assert without_control_refs("a&#x&#27;1b;b &#&#x1b;27;c &#39;") == "a b  c &#39;"  # the joined ones too


@pytest.mark.parametrize("written", ["\\u001b[2J", "\\u009b31m", "\\u0007", "\\u2028"])
def test_controls_escaped_in_json_ld_never_reach_the_metadata(written):
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Library '
            f'{written}hours extended", "datePublished": "2024-01-02", "author": {{"@type": "Person", "name": '
            f'"Jane {written}Doe"}}, "publisher": {{"@type": "Organization", "name": "The {written}Daily"}}}}'
            f'</script></head><body><article><p>{EN}</p><p>{EN}</p></article></body></html>')
    article = cleaner.clean(page)
    assert not controls_in(article) and article.paragraphs


def test_a_url_with_controls_is_stored_without_them():
    article = cleaner.clean(f"Library hours extended\n{EN}\n", url="https://example.com/\x1b[2Ja\x9b")
    assert article.url == "https://example.com/a"  # the escape sequence goes whole


def test_del_entity_is_stripped():
    page = f"<html><body><article><p>{EN}&#127;&#x85;</p><p>{EN}</p></article></body></html>"
    assert not controls_in(cleaner.clean(page))


# --- a document whose root is not <html> ------------------------------------------------------------

@pytest.mark.parametrize("root", ["svg", "object", "video", "math", "audio", "iframe", "template", "noscript"])
@pytest.mark.parametrize("prolog", ['<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="utf-8"?>',
                                    '<!DOCTYPE {root}>', '<?xml version="1.0"?><!DOCTYPE {root} PUBLIC "-//W3C//DTD x//EN"'
                                    ' "http://127.0.0.1:9/x.dtd">', ""])
def test_a_non_html_root_is_an_article_or_nothing(no_network, root, prolog):
    page = (prolog.format(root=root) + f'<{root} xmlns="http://www.w3.org/2000/svg"><title>Council approves budget'
            f'</title><p>Published 2024-01-02. {EN}</p></{root}>')
    for data in (page, page.encode()):
        for kind in ("auto", "html"):
            article = cleaner.clean(data, kind=kind)
            assert article.kind == (kind if kind == "html" else article.kind) and not controls_in(article)


@pytest.mark.parametrize("depth", [50, 300, 1500])
def test_an_xhtml_prolog_takes_the_same_parser_as_any_page(depth):
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html><body>' + "<div>" * depth + f"<p>DEEPCONTENT {EN}</p>"
            + "</div>" * depth + "</body></html>")
    assert "DEEPCONTENT" in cleaner.clean(page).text
    assert "DEEPCONTENT" in cleaner.clean(page.encode()).text


def test_an_svg_file_is_an_article_or_nothing():
    article = cleaner.clean((HOSTILE / "svg-doctype.svg").read_bytes())
    assert article.kind == "html"
    proc = run_cli(str(HOSTILE / "svg-doctype.svg"))
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr and b"bug" not in proc.stderr


def test_the_tree_is_rooted_at_html_whatever_the_parser_hands_back():
    from lxml import html as lxml_html

    from cleaner import html

    tree, _ = html.read((HOSTILE / "svg-doctype.svg").read_text())
    assert tree.tag == "html" and tree.getparent() is None
    fragment = html.document_root(lxml_html.fragment_fromstring("<div><p>x</p></div>"))
    assert [el.tag for el in fragment.iter()] == ["html", "body", "div", "p"]


# --- arguments ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, error, message", [(123, TypeError, "url must be a str or None, not int"),
                                                 (b"https://example.com/\xff", ValueError, "url must be text"),
                                                 (["https://example.com/"], TypeError, "url must be a str")])
def test_a_wrong_url_is_a_clear_error_naming_it(url, error, message):
    with pytest.raises(error, match=message):
        cleaner.clean(f"Library hours extended\n{EN}\n", url=url)


def test_a_bytes_url_is_decoded_and_a_kind_taken_in_any_case():
    article = cleaner.clean(f"Library hours extended\n{EN}\n", url=b"https://example.com/caf\xc3\xa9", kind="TEXT")
    assert article.url == "https://example.com/café" and article.kind == "text"
    with pytest.raises(ValueError, match="kind must be one of auto, html, text"):
        cleaner.clean(EN, kind="xml")


# --- size and shape (scaled down; each in a child process with a time limit) ------------------------

WARM = "cleaner.clean(f'<html><body><p>{EN}</p></body></html>'); cleaner.clean(f'Title\\n{EN}\\n')"


def run_limited(make: str, timeout: float, warm: bool = False) -> dict:
    """Build an input with the Python expression ``make`` in a child, clean it, report time and memory
    (``warm``: the time leaves out the first call's imports and set-up)."""
    code = textwrap.dedent(f"""
        import json, resource, sys, time
        import cleaner
        EN = {EN!r}
        {WARM if warm else ""}
        data = {make}
        start = time.perf_counter()
        article = cleaner.clean(data)
        took = time.perf_counter() - start
        print(json.dumps({{"seconds": took, "paragraphs": len(article.paragraphs), "text": article.text[:2000],
                          "deep": "DEEPCONTENT" in article.text, "kind": article.kind, "bytes": len(data),
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}}))
    """)
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"took more than {timeout} s: {make[:80]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def assert_linear(make: str, n: int, timeout: float = 60) -> dict:
    """The input ``make`` builds (a Python expression of ``n``) at n and 4n: the larger takes at most 8 times
    as long (twice the factor of a linear cost, for a noisy machine), give or take half a second."""
    small = run_limited(make.format(n=n), timeout, warm=True)
    big = run_limited(make.format(n=4 * n), timeout, warm=True)
    assert big["seconds"] < 8 * small["seconds"] + 0.5, (small["seconds"], big["seconds"])
    return big


def test_hard_wrapped_lines_are_joined_in_linear_time():
    # one paragraph of 200,000 words hard-wrapped at 60 columns: 26,000 lines joined into one block
    assert_linear("'\\n'.join(__import__('textwrap').wrap(' '.join(f'word{{i}}' for i in range({n})), 60)).encode()",
                  50_000)


def test_a_long_run_of_author_notes_is_linear():
    big = assert_linear("(f'Library hours extended\\n{{EN * 3}}\\n' + ''.join(f'Jane Doe{{i}} is a staff writer "
                        "covering city hall.\\n' for i in range({n}))).encode()", 4000)
    assert big["paragraphs"] > 1000  # a page of notes is no closing note: they stay


def test_many_short_headings_are_linear():
    # jusText's revision through the recall retry walked over every short block from each one
    assert_linear("(f'<html><body><article><p>{{EN}}</p></article>' + ''.join(f'<h2>Heading {{i}} of the day</h2>"
                  "<div>Paragraph {{i}} with words.</div>' for i in range({n})) + '</body></html>').encode()", 1000)


def test_an_element_with_many_attributes_is_linear():
    big = assert_linear("('<html><body><div ' + ' '.join(f'a{{i}}=1' for i in range({n})) + '>' + f'<p>DEEPCONTENT {{EN}}"
                        "</p></div></body></html>').encode()", 5000)
    assert big["deep"]


@pytest.mark.parametrize("attribute", ["a{i}=1", 'a{i}="1"', "a{i}", 'a{i}=">"', "a{i}<", "a{i}='<b c'", "/a{i}",
                                       'x{i}="1"y{i}'])
@pytest.mark.parametrize("tag", ["div", "script", "DIV"])
def test_no_element_keeps_more_than_max_attributes(attribute, tag):
    from cleaner import html

    page = (f"<html><body><{tag} " + " ".join(attribute.format(i=i) for i in range(3000)) + f">x</{tag}>"
            f"<p>DEEPCONTENT {EN}</p></body></html>")
    tree, _ = html.read(page)
    assert max(len(el.attrib) for el in tree.iter()) <= html.MAX_ATTRIBUTES
    assert "DEEPCONTENT" in tree.text_content()


def test_attributes_are_capped_only_where_the_parser_reads_a_tag():
    from cleaner.html import with_capped_attributes

    many = " ".join(f"a{i}" for i in range(3000))
    for page in (f"<script>if (x <y {many}) go();</script>", f"<!-- <div {many}> -->", f"<textarea><b {many}></textarea>",
                 f"<p title='x'>1 < b and {many}</p>", "<p>" * 100):
        assert with_capped_attributes(page) is page


def test_long_line_without_newline_is_linear():
    small = run_limited("(EN * 3000).encode()", timeout=60)  # 0.5 MB
    big = run_limited("(EN * 12000).encode()", timeout=60)  # 2 MB, one line
    assert big["kind"] == "text"  # one sentence repeated: whether it is kept is the heuristics' call
    assert big["seconds"] < 8 * small["seconds"] + 1.0, (small["seconds"], big["seconds"])
    assert big["rss_mb"] < 1000


def test_text_with_many_lines_finishes():
    out = run_limited("''.join(f'Line {i}: {EN}\\n' for i in range(1500)).encode()", timeout=60)
    assert out["kind"] == "text" and out["paragraphs"] > 100


def test_long_run_of_spaces_in_a_text_line():
    run_limited("('Library hours\\n' + 'a' + ' ' * 20000 + 'b\\n' + EN + '\\n').encode()", timeout=4)


def test_long_token_in_a_text_line():
    run_limited("('Library hours\\n' + 'a' * 100000 + '\\n' + EN + '\\n').encode()", timeout=4)


def test_deep_nesting_keeps_content_quickly():
    out = run_limited("('<html><body>' + '<div>' * 3000 + f'<p>DEEPCONTENT {EN}</p>' + '</div>' * 3000"
                      " + '</body></html>').encode()", timeout=8)
    assert out["deep"] and out["seconds"] < 5


DEEP_KINDS = {  # how a page nests: the start and end of one level, with or without text between
    **{tag: (f"<{tag}>", f"</{tag}>") for tag in ("em", "blockquote", "strong", "article", "ul", "ol", "dl", "q", "code",
                                                  "pre", "details", "figure", "table", "div", "span", "sup", "label")},
    "li": ("<li>", "</li>"), "ul/li": ("<ul><li>", "</li></ul>"), "table/tr/td": ("<table><tr><td>", "</td></tr></table>"),
    "em with text": ("<em>word ", "</em>"), "unclosed font": ("<font size=2>word ", ""),
    "mixed": ("<div class='x'><span><b>", "</b></span></div>"), "a with comments": ("<a href='#'><!-- <div> -->", "</a>"),
}


def _deep_page(kind: str, depth: int) -> str:
    start, end = DEEP_KINDS[kind]
    return "<html><body>" + start * depth + f"<p>DEEPCONTENT {EN}</p>" + end * depth + "</body></html>"


@pytest.mark.parametrize("kind", sorted(DEEP_KINDS))
@pytest.mark.parametrize("prolog", ["", '<?xml version="1.0" encoding="utf-8"?>\n'])
def test_deep_nesting_of_any_element_keeps_the_text(kind, prolog):
    article = cleaner.clean(prolog + _deep_page(kind, 2100))
    assert "DEEPCONTENT" in everything(article)  # (in a heading it may be the title)


def test_a_page_nested_too_deep_is_flattened_below_the_parser_limit():
    from cleaner import html

    for kind in DEEP_KINDS:
        tree, _ = html.read(_deep_page(kind, 5000))
        assert html.deepest(tree)[0] <= html.MAX_DEPTH + 10, kind
        assert "DEEPCONTENT" in tree.text_content()
    page = "<p>x<script>" + "<div>" * 3000 + "</script><!--" + "<div>" * 3000 + "-->" + "<li>" * 3000
    assert html.flattened(page, 1000) is page  # what the parser does not nest is left alone


@pytest.mark.parametrize("depth", [300, 2100])
def test_what_is_not_text_stays_out_of_a_deeply_nested_page(depth):
    hidden = "<script>var SCRIPTTEXT = 1;</script><noscript><div><p>NOSCRIPTTEXT</p></div></noscript>"
    article = cleaner.clean("<html><body>" + "<div>" * depth + hidden + f"<p>DEEPCONTENT {EN}</p>"
                            + "</div>" * depth + "</body></html>")
    text = everything(article)
    assert "DEEPCONTENT" in text and "SCRIPTTEXT" not in text and "NOSCRIPTTEXT" not in text


def test_deeply_nested_tables_are_linear():
    assert_linear("('<html><body>' + '<table>' * {n} + f'<p>DEEPCONTENT {{EN}}</p>' + '</table>' * {n} + '</body></html>')"
                  ".encode()", 300)


@pytest.mark.parametrize("name", ["deep-nesting.html", "deep-unclosed.html"])
def test_deep_nesting_fixture_keeps_content(name):
    out = run_limited(f"open({str(HOSTILE / name)!r}, 'rb').read()", timeout=60)
    assert out["deep"]


def test_many_tiny_paragraphs_are_linear():
    # a page of 20,000 one-letter paragraphs before its only real one: the real one is found, in linear time
    out = assert_linear("('<html><body><article>' + '<p>x</p>' * {n} + f'<p>DEEPCONTENT {{EN}}</p>'"
                        " + '</article></body></html>').encode()", 5000)
    assert out["deep"]


def test_giant_table():
    small = run_limited("('<html><body><table>' + ''.join(f'<tr><td>{i}</td><td>cell {i} text</td></tr>'"
                        " for i in range(1000)) + '</table></body></html>').encode()", timeout=30)
    big = run_limited("('<html><body><table>' + ''.join(f'<tr><td>{i}</td><td>cell {i} text</td></tr>'"
                      " for i in range(4000)) + '</table></body></html>').encode()", timeout=30)
    assert big["paragraphs"] > 1000
    assert big["seconds"] < 8 * small["seconds"] + 1.0, (small["seconds"], big["seconds"])


@pytest.mark.parametrize("row", ["<tr>", ""])  # cells in a row, or directly in the table
def test_a_table_row_of_many_cells_is_linear(row):
    big = assert_linear(f"('<html><body><p>' + EN + '</p><table>{row}' + ''.join(f'<td>cell {{{{i}}}} word</td>'"
                        " for i in range({n})) + '</table></body></html>').encode()", 10_000)
    assert "cell 39999 word" in big["text"] or big["paragraphs"] > 1


def test_a_long_row_is_cut_into_rows_of_its_cells_in_order():
    from cleaner import html

    cells = "".join(f"<td>{i}</td>" for i in range(2 * html.MAX_ROW_CELLS + 5))
    tree = html.parse(f"<html><body><table><tr>{cells}</tr><tr><td>last</td></tr></table>"
                      f"<table>{cells}<tr><td>last</td></tr></table></body></html>")
    for table in tree.iter("table"):
        rows = list(table)
        assert [len(r) for r in rows] == [html.MAX_ROW_CELLS, html.MAX_ROW_CELLS, 5, 1]
        assert {r.tag for r in rows} == {"tr"}
        assert [td.text for td in table.iter("td")] == [str(i) for i in range(2 * html.MAX_ROW_CELLS + 5)] + ["last"]
    short = html.parse(f"<table><tr>{cells[:200]}</tr></table><table><td>a</td><td>b</td></table>")
    assert [len(r) for r in short.iter("tr")] == [len(cells[:200].split("</td>")) - 1]  # a real row is left alone
    assert not any(td.getparent().tag == "tr" for td in short.xpath("//table[2]/td"))


def test_what_cannot_be_article_content_is_dropped_when_parsed():
    from cleaner import html

    small_ld = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Roe"}}'
    huge_ld = '{"@type": "NewsArticle", "about": [' + ",".join(['{"name": "x"}'] * 100_000) + "]}"
    tree = html.parse(f'<html><head><script type="application/ld+json">{small_ld}</script>'
                      f'<script type="application/ld+json">{huge_ld}</script></head><body>'
                      "<p>one" + "<br>\n" * 50 + "two<br><br>three</p><select><option>MENU</option></select>"
                      "<datalist><option>LIST</option></datalist><ul>" + "<li></li>" * 30 + "<li>item</li></ul>"
                      "<table><tr>" + "<td></td>" * 30 + "<td>cell</td></tr></table></body></html>")
    assert [len(s.text) for s in tree.iter("script")] == [len(small_ld)]
    assert [o.text for o in tree.iter("option")] == ["MENU", "LIST"]  # a page's menus, past their first 1,000 choices
    many = html.parse("<select>" + "<option>x</option>" * 5000 + "</select><p>x</p>")
    assert len(list(many.iter("option"))) == html.MAX_MENU_OPTIONS
    # the 50th <br> holds "two" after it: a run of 49 empty ones, then it, then two
    assert len(list(tree.iter("br"))) == html.MAX_EMPTY_RUN + 3 and len(list(tree.iter("li"))) == html.MAX_EMPTY_RUN + 1
    assert len(list(tree.iter("td"))) == 31  # an empty cell holds its column
    metas = "".join(f'<meta property="og:x{i}" content="y">' for i in range(30))
    assert len(list(html.parse(f"<html><head>{metas}</head><body><p>x</p></body></html>").iter("meta"))) == 30
    assert " ".join(tree.itertext()).split()[-7:] == ["one", "two", "three", "MENU", "LIST", "item", "cell"]


def test_form_menus_and_huge_json_ld_never_reach_the_article():
    small_ld = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Roe"}}'
    page = (f'<html><head><script type="application/ld+json">{small_ld}</script></head><body><article>'
            f"<h1>Library hours extended</h1><p>{EN}</p><select><option>MENUOPTION one</option></select>"
            f"<p>{EN}</p></article></body></html>")
    article = cleaner.clean(page)
    kept = "\n".join([article.title or "", *article.paragraphs, *article.authors])  # (removed, it may be listed)
    assert "MENUOPTION" not in kept and article.paragraphs
    huge = page.replace("</head>", '<script type="application/ld+json">{"a": "' + "x" * 1_100_000 + '"}</script></head>')
    assert cleaner.clean(huge).paragraphs == article.paragraphs


# full size: CLEANER_SLOW=1 ------------------------------------------------------------------------

@SLOW
def test_slow_50_mb_page():
    out = run_limited("('<html><body><article>' + ''.join(f'<p>{i} {EN}</p>' for i in range(300000))"
                      " + '</article></body></html>').encode()", timeout=600)
    assert out["bytes"] > 50e6 and out["paragraphs"] > 1000 and out["rss_mb"] < 8000


@SLOW
def test_slow_50_mb_text():
    out = run_limited("''.join(f'Line {i}: {EN}\\n' for i in range(300000)).encode()", timeout=600)
    assert out["bytes"] > 50e6 and out["paragraphs"] > 1000


@SLOW
def test_slow_10_mb_line():
    out = run_limited("(EN * 60000).encode()", timeout=120)
    assert out["bytes"] > 9e6 and out["kind"] == "text"


@SLOW
def test_slow_100000_nested_elements():
    out = run_limited("('<html><body>' + '<div>' * 100000 + f'<p>DEEPCONTENT {EN}</p>' + '</div>' * 100000"
                      " + '</body></html>').encode()", timeout=300)
    assert out["deep"]


@SLOW
@pytest.mark.parametrize("kind", ["em", "table/tr/td", "ul/li", "em with text", "unclosed font"])
def test_slow_100000_nested_elements_of_any_kind(kind):
    start, end = DEEP_KINDS[kind]
    out = run_limited(f"('<html><body>' + {start!r} * 100000 + f'<p>DEEPCONTENT {{EN}}</p>' + {end!r} * 100000"
                      " + '</body></html>').encode()", timeout=300)
    assert out["deep"] or "DEEPCONTENT" in out["text"]


@SLOW
def test_slow_1000000_tiny_paragraphs():
    out = run_limited("('<html><body><article>' + '<p>x</p>' * 1000000 + f'<p>DEEPCONTENT {EN}</p>'"
                      " + '</article></body></html>').encode()", timeout=600)
    assert out["deep"]


@SLOW
def test_slow_a_row_of_a_million_cells():
    out = run_limited("('<html><body><p>' + EN + '</p><table><tr>' + '<td>x</td>' * 1000000"
                      " + '</tr></table></body></html>').encode()", timeout=300)
    assert out["seconds"] < 120


@SLOW
def test_slow_giant_table():
    out = run_limited("('<html><body><table>' + ''.join(f'<tr><td>{i}</td><td>cell {i} text</td></tr>'"
                      " for i in range(200000)) + '</table></body></html>').encode()", timeout=600)
    assert out["paragraphs"] > 1000
