"""Property-based fuzzing of clean(): random and mutated HTML/text in, an Article or a CleanerError out.

Bounded so the whole file runs in well under 30 s; fuzz/fuzz_clean.py is the long run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import CleanerError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fuzz"))
import contracts  # noqa: E402 - the contracts the long fuzzer checks too

SEEDS = sorted(p.read_bytes() for p in (ROOT / "fixtures" / "hostile").iterdir() if p.stat().st_size < 8000)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None)

TOKENS = [b"<", b">", b"</", b"<div>", b"</div>", b"<p>", b"</p>", b"<br>", b"<!--", b"-->", b"<![CDATA[", b"\x00",
          b"\xff", b"\xc3", b"\xe2\x80", b"\x1b[31m", b"\x1b]0;x\x07", b"\r\n", b"\t", b"&amp;", b"&#x9b;", b"&e;",
          b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"<meta charset='shift_jis'>",
          b"<meta charset='utf-7'>", b"+ADw-", b"<script>x</script>", b"<table><tr><td>", b"\xef\xbb\xbf",
          b"By Jane Doe\n", b"Share\n", b"Advertisement\n", b"Photo: AP\n", b"     ", b"a" * 200]


def check(data, kind="auto"):
    problem = contracts.check_clean(data, kind)
    assert problem is None, problem


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.integers(0, 6))
        pos = draw(st.integers(0, len(data)))
        if op == 0:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == 1:
            del data[pos:pos + draw(st.integers(1, 64))]
        elif op == 2 and data:
            data[min(pos, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == 3:
            data[pos:pos] = draw(st.sampled_from(TOKENS)) * draw(st.integers(1, 20))
        elif op == 4:
            data = data[:pos]
        elif op == 5:
            depth = draw(st.integers(1, 300))
            data = bytearray(b"<div>" * depth) + data + bytearray(b"</div>" * draw(st.integers(0, depth)))
        else:
            other = draw(st.sampled_from(SEEDS))
            data = data[:pos] + bytearray(other[draw(st.integers(0, len(other))):])
    return bytes(data[:12_000])


@FAST
@given(mutated(), st.sampled_from(["auto", "html", "text"]), st.booleans())
def test_mutated_fixtures(data, kind, as_str):
    check(data.decode("utf-8", errors="replace") if as_str else data, kind)


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FAST
@given(st.text(max_size=3000))
def test_random_text(text):
    check(text)


_html = st.recursive(
    st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=80),
    lambda inner: st.builds(lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>",
                            st.sampled_from(["div", "p", "span", "article", "section", "table", "tr", "td", "ul",
                                             "li", "h1", "b", "a", "script", "nav", "footer"]),
                            st.lists(inner, max_size=5)),
    max_leaves=40,
)


@FAST
@given(_html)
def test_random_html_trees(html):
    check("<html><body>" + html + "</body></html>", "html")
    check(html)


@FAST
@given(st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=40),
       st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "koi8-r", "shift_jis", "gb18030"]))
def test_lines_in_any_encoding(lines, encoding):
    text = "\n".join(lines)
    check(text.encode(encoding, errors="replace"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "koi8-r", "shift_jis"])
@FAST
@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs")), min_size=40, max_size=400))
def test_words_survive_decoding(encoding, words):
    """Whatever the letters, a text that the encoding can hold comes back with the same words."""
    try:
        data = words.encode(encoding)
    except UnicodeEncodeError:
        return
    from cleaner import detect

    try:
        text = detect.decode_checked(data, 1 << 30)[0]  # as run() decodes it
    except CleanerError:
        return
    if encoding in ("utf-8", "utf-16"):
        assert text.split() == words.split()


# ---- JSON Lines records and WARC files: the stream entry points -------------------------------------

PAGES = [p for p in SEEDS if 0 < len(p) < 6000][:12]
JSONL_SEEDS = contracts.jsonl_seeds(PAGES)
JSON_TOKENS = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\\u", b"\\ud800", b"1e400", b"-0", b"NaN",
               b"Infinity", b"null", b"true", b"9" * 50, b"\x00", b"\x1b", b"\xc2\x9b", b"\xff", b" ", b"\n",
               b'"cleaned": ', b'"error": ', b'"html": ', b"[" * 50, b"]" * 50]


def _mutate(draw, data: bytes, tokens: list[bytes]) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.integers(0, 3))
        pos = draw(st.integers(0, len(data)))
        if op == 0:
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif op == 1:
            del data[pos:pos + draw(st.integers(1, 64))]
        elif op == 2:
            data[pos:pos] = draw(st.sampled_from(tokens)) * draw(st.integers(1, 5))
        else:
            data = data[:pos]
    return bytes(data)


@st.composite
def jsonl_records(draw):
    return _mutate(draw, draw(st.sampled_from(JSONL_SEEDS)), JSON_TOKENS)


@FAST
@given(jsonl_records())
def test_jsonl_records(raw):
    problem = contracts.check_jsonl(raw)
    assert problem is None, problem


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(max_size=20), lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20),
       st.sampled_from(["html", "text", "content", "other"]))
def test_jsonl_any_json_value_passes_through(value, field):
    import json

    raw = json.dumps({"v": value, "cleaned": value, field: "Headline\nThe council voted on the budget today."})
    problem = contracts.check_jsonl(raw.encode())
    assert problem is None, problem


try:
    import warcio  # noqa: F401 - the 'warc' extra
except ImportError:  # pragma: no cover
    WARC_SEEDS = [b""]
else:
    WARC_SEEDS = [contracts.warc_seed(PAGES[i:i + 3], gzipped=gz) for i in range(0, len(PAGES), 3)
                  for gz in (False, True)]
WARC_TOKENS = [b"WARC/1.0\r\n", b"\r\n", b"\r\n\r\n", b"Content-Length: 99999999999999999999\r\n",
               b"Content-Length: 5\r\n", b"Content-Encoding: br\r\n", b"Transfer-Encoding: chunked\r\n",
               b"\x1f\x8b\x08\x00", b"\x1b]0;x\x07", b"HTTP/1.1 200 OK\r\n", b"WARC-Target-URI: a b\r\n", b"ffff\r\n"]


@st.composite
def warc_files(draw):
    return _mutate(draw, draw(st.sampled_from(WARC_SEEDS)), WARC_TOKENS)


@pytest.mark.skipif(WARC_SEEDS == [b""], reason="needs the 'warc' extra")
@FAST
@given(warc_files())
def test_warc_files(data):
    problem = contracts.check_warc(data)
    assert problem is None, problem
