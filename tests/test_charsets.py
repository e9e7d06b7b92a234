"""Legacy charsets: real-language samples (fixtures/charsets/) in every charset the README claims, undeclared,
declared by the page and given by the transport; and the precedence BOM > transport > page > detection.

Each sample is UTF-8 text (a headline, then paragraphs); the tests encode it and check that cleaning the bytes
gives what cleaning the text itself gives: the charset was found, whatever the heuristics then keep.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.detect import charset_labels, transport_codec

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "charsets"


def samples() -> list[tuple[str, str, str]]:
    """(file, language, charset label) for every sample and charset of samples.tsv."""
    rows = []
    for line in (HERE / "samples.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, language, charsets = line.split("\t")
            rows += [(name, language, label) for label in charsets.split()]
    return rows


SAMPLES = samples()


def page(text: str, declared: str | None = None) -> str:
    title, *paragraphs = text.splitlines()
    meta = f'<meta charset="{declared}">' if declared else ""
    return (f"<!doctype html><html><head>{meta}<title>{title}</title></head><body><nav>Home | News</nav><article>"
            f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")


def encoded(text: str, label: str) -> bytes:
    return text.encode(charset_labels()[label])


def fields(article) -> tuple:
    return article.title, article.paragraphs


def test_the_set_covers_every_script_the_readme_claims() -> None:
    languages = {language for _, language, _ in SAMPLES}
    assert {"Polish", "Czech", "Russian", "Greek", "Turkish", "Lithuanian", "Latvian", "Japanese", "Korean",
            "Chinese (simplified)", "Chinese (traditional)"} <= languages
    assert {"windows-1250", "iso-8859-2", "windows-1251", "koi8-r", "windows-1253", "iso-8859-7", "windows-1254",
            "windows-1257", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr"} <= {label for *_, label in SAMPLES}


@pytest.mark.parametrize("name, language, label", SAMPLES)
def test_an_undeclared_page_is_detected(name: str, language: str, label: str) -> None:
    text = (HERE / name).read_text(encoding="utf-8")
    html = page(text)
    got = clean(encoded(html, label), kind="html")
    assert fields(got) == fields(clean(html, kind="html"))
    assert got.paragraphs and got.paragraphs[0] == text.splitlines()[1]


@pytest.mark.parametrize("name, language, label", SAMPLES)
def test_an_undeclared_scraped_text_is_detected(name: str, language: str, label: str) -> None:
    text = (HERE / name).read_text(encoding="utf-8")
    assert fields(clean(encoded(text, label), kind="text")) == fields(clean(text, kind="text"))


@pytest.mark.parametrize("name, language, label", SAMPLES)
def test_a_declared_page_and_a_transport_charset_are_followed(name: str, language: str, label: str) -> None:
    text = (HERE / name).read_text(encoding="utf-8")
    expected = fields(clean(page(text), kind="html"))
    assert fields(clean(encoded(page(text, declared=label), label))) == expected
    # the transport wins over a page that declares another charset
    wrong = "windows-1252" if label != "windows-1252" else "iso-8859-2"
    data = encoded(page(text, declared=wrong), label)
    assert fields(clean(data, encoding=label)) == expected
    assert fields(clean(data, content_type=f"text/html; charset={label.upper()}")) == expected


def test_the_polish_case_of_the_issue() -> None:
    # windows-1250 without a declaration: the windows-1252 reading ("zatwierdzi³a w œrodê") is refused
    text = (HERE / "pl.txt").read_text(encoding="utf-8")
    got = clean(text.encode("cp1250"), kind="text")
    assert "zatwierdziła w środę" in got.title and "³" not in " ".join(got.paragraphs)


def test_precedence_bom_transport_page_detection() -> None:
    text = (HERE / "pl.txt").read_text(encoding="utf-8")
    expected = fields(clean(page(text)))
    # BOM beats the transport
    assert fields(clean(b"\xef\xbb\xbf" + page(text).encode("utf-8"), encoding="windows-1250")) == expected
    # the page's declaration beats detection: windows-1250 bytes declared ISO-8859-2 read as ISO-8859-2
    declared = clean(page(text, declared="iso-8859-2").encode("cp1250"))
    assert fields(declared) != expected and "ł" in declared.title  # (ł is the same byte in both)
    # valid UTF-8 is UTF-8, whatever the transport says (a UTF-8 page served as ISO-8859-1 is common)
    assert fields(clean(page(text).encode("utf-8"), content_type="text/html; charset=iso-8859-1")) == expected


@pytest.mark.parametrize("content_type, codec", [
    ("text/html; charset=ISO-8859-2", "iso8859_2"),
    ('text/html;charset="windows-1251"', "cp1251"),
    ("text/html; boundary=x; charset = utf-8", "utf-8"),
    ("text/html; charset=latin1", "cp1252"),  # as browsers map it
    ("text/html; charset=unicode_escape", None),  # not a WHATWG label: ignored
    ("text/html; charset=utf-16", None),  # bytes are UTF-16 by their BOM or shape, not by a label
    ("text/html", None),
    ("", None),
])
def test_transport_codec(content_type: str, codec: str | None) -> None:
    assert transport_codec(None, content_type) == codec


def test_a_wrong_encoding_argument_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="encoding must be a charset label"):
        clean(b"x", encoding="klingon")
    with pytest.raises(TypeError, match="content_type must be a str"):
        clean(b"x", content_type=b"text/html")
    text = (HERE / "de.txt").read_text(encoding="utf-8")
    assert fields(clean(text, encoding="WINDOWS-1250")) == fields(clean(text))  # any case; a str is not decoded


def test_the_command_detects_a_legacy_page(tmp_path: Path) -> None:
    text = (HERE / "cs.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(encoded(page(text), "iso-8859-2"))
    proc = subprocess.run([sys.executable, "-m", "cleaner", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").splitlines()[0] == text.splitlines()[0]
