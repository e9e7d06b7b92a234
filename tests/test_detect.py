"""cleaner.detect: decoding, binary detection, kind detection, control stripping, and its speed."""
from __future__ import annotations

import codecs
import subprocess
import sys
import time

import pytest

from cleaner import clean, detect
from cleaner.errors import BinaryInputError, EmptyInputError, InputTooLargeError

EN = "The city council voted on Tuesday to approve a new budget for the public library system. "
RU = "Городской совет во вторник одобрил новый бюджет для системы публичных библиотек. "
JA = "東京都議会は火曜日、公立図書館の新しい予算を承認した。来月から全ての分館で開館時間が延長される。"
ZH = "北京市议会周二批准了公共图书馆系统的新预算，从下个月起所有分馆的开放时间都将延长。"
FR = "Le conseil municipal a approuvé mardi un nouveau budget pour les bibliothèques, déjà très fréquentées. "


def decode(data: bytes) -> str:
    """The text as ``run()`` decodes it (its control characters still in: they go in the next step)."""
    return detect.decode_checked(data, 1 << 30)[0]


PL = "Rada miasta zatwierdziła we wtorek nowy budżet dla bibliotek, który wydłuży godziny otwarcia. Żółć i gęślą jaźń. "


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_unicode_encodings_with_and_without_bom(encoding):
    text = "Grüße aus Köln\n" + EN * 3 + "\n" + RU + "\n"
    out = decode(text.encode(encoding))
    assert "Grüße aus Köln" in out and "публичных библиотек" in out and "\ufffd" not in out


@pytest.mark.parametrize("text,encoding", [
    (RU * 4, "koi8-r"), (RU * 4, "cp1251"), (JA * 4, "shift_jis"), (ZH * 4, "gb18030"), (JA * 4, "euc-jp"),
    (FR * 3, "cp1252"), (PL * 3, "cp1250"),
])
def test_undeclared_legacy_charsets_are_detected(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("text,declared,encoding", [
    (RU, "koi8-r", "koi8-r"), (JA, "Shift_JIS", "shift_jis"), (ZH, "gb2312", "gb18030"), (ZH, "GBK", "gb18030"),
    (FR, "iso-8859-1", "cp1252"), (FR + "“€”", "windows-1252", "cp1252"), (JA, "euc-jp", "euc-jp"),
])
def test_declared_charset_is_used(text, declared, encoding):
    page = f'<html><head><meta charset="{declared}"><title>t</title></head><body><p>{text}</p></body></html>'
    assert text in decode(page.encode(encoding))


def test_declared_charset_that_is_wrong_loses_to_the_bytes():
    cp1252 = f'<html><head><meta charset="utf-8"></head><body><p>{FR} “quoted” €5</p></body></html>'
    assert FR in decode(cp1252.encode("cp1252"))
    utf8 = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FR}</p></body></html>'
    assert FR in decode(utf8.encode("utf-8"))
    sjis_declared = f'<html><head><meta charset="shift_jis"></head><body><p>{RU}</p></body></html>'
    assert RU in decode(sjis_declared.encode("utf-8"))


def test_utf7_declaration_is_never_honoured():
    page = b'<html><head><meta charset="utf-7"></head><body>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</body></html>'
    assert "<script>" not in decode(page)


def test_utf8_with_stray_cp1252_bytes_keeps_both():
    data = ("Grüße aus Köln. " + EN).encode() + "Stray: café naïve. ".encode("cp1252")
    assert decode(data) == "Grüße aus Köln. " + EN + "Stray: café naïve. "


def test_truncated_multibyte_character_at_the_end():
    data = (JA * 3).encode("shift_jis")[:-1]
    page = b'<meta charset="shift_jis">' + data
    assert JA * 2 in decode(page)
    assert (RU * 3)[:-1] in decode((RU * 3).encode()[:-1])


def test_iso_2022_jp():
    assert decode((JA * 2).encode("iso2022_jp")) == JA * 2


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(200), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\x1f\x8b\x08\x00" + bytes(50),
    b"PK\x03\x04" + bytes(50), b"\xff\xd8\xff\xe0" + bytes(50), b"GIF89a" + bytes(50), b"\x7fELF" + bytes(50),
    b"\x00\x00\x00\x18ftypmp42" + bytes(50), b"SQLite format 3\x00" + bytes(50), bytes(1000),
    bytes(range(256)) * 20,
])
def test_binary_input_is_refused(data):
    with pytest.raises(BinaryInputError) as err:
        decode(data)
    assert "\n" not in str(err.value)


def test_random_bytes_are_refused():
    import random

    data = random.Random(5).randbytes(20_000)
    with pytest.raises(BinaryInputError):
        decode(data)


@pytest.mark.parametrize("data", [b"", "", b"   \n\t\r\n  ", "\n\n", b"\x1b[0m\n", "\u200b\ufeff "])
@pytest.mark.parametrize("kind", ["auto", "text", "html"])
def test_empty_input(data, kind):
    with pytest.raises(EmptyInputError):
        clean(data, kind=kind)


def test_too_large():
    with pytest.raises(InputTooLargeError):
        clean(b"x" * 101, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        clean("x" * 101, max_bytes=100)
    assert detect.decode_checked(b"x" * 100, 100)[0] == "x" * 100


def test_non_str_bytes_is_type_error():
    with pytest.raises(TypeError):
        detect.decode_checked(12, 100)  # type: ignore[arg-type]


def test_bytearray_and_memoryview():
    assert detect.decode_checked(bytearray(b"hello"), 100)[0] == "hello"
    assert detect.decode_checked(memoryview(b"hello"), 100)[0] == "hello"
    page = ("A headline for the day\n" + EN * 3 + "\n").encode()
    assert clean(bytearray(page)) == clean(memoryview(page)) == clean(page)


@pytest.mark.parametrize("dirty,clean", [
    ("a\x1b[31mred\x1b[0m b", "ared b"), ("a\x1b]0;title\x07b", "ab"), ("a\x1b]8;;http://x\x1b\\b", "ab"),
    ("a\x9b31mb", "a31mb"), ("a\x00b\x07c\x08d\x7fe", "abcde"), ("tab\there\nline", "tab\there\nline"),
    ("crlf\r\nline\rx", "crlf\nline\nx"), ("zero\u200bwidth\ufeff", "zerowidth"), ("lone\ud800surrogate", "lonesurrogate"),
    ("non\ufffechar\uffff", "nonchar"), ("C1\x85\x90\x9fend", "C1end"), ("curly “quotes” – Ünï", "curly “quotes” – Ünï"),
])
def test_strip_controls(dirty, clean):
    assert detect.strip_controls(dirty) == clean
    if "\r" not in dirty:  # CR is no control to strip: it becomes a line feed
        assert detect.has_controls(dirty) == (dirty != clean)


def test_strip_controls_on_large_input_strips_every_piece():
    text = ("Clean line of text.\n" * 50_000 + "\x1b[31mred\x1b[0m\n") * 4 + "x" * 2_000_000 + "\x07"
    out = detect.strip_controls(text)
    assert not detect.has_controls(out) and out.count("red") == 4 and out.endswith("x")


@pytest.mark.parametrize("text", [
    "A headline\nA text that mentions the <b> tag and <p> and <div> once, and that is all.\n",
    "How to write HTML\n" + "Use <p> for paragraphs, <br> for breaks, <a href='x'> for links. " * 3 + EN * 20,
    "5 < 6 and 7 > 3\n" + EN,
    "<3 this story\n" + EN,
    ("Line of prose about the <div> element.\n" + EN + "\n") * 30,
])
def test_text_that_mentions_tags_is_text(text):
    assert detect.detect_kind(text) == "text"


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><body><p>x</p></body></html>", "  \n<html lang=en><p>x", "<?xml version='1.0'?><html/>",
    "<!-- a -->\n<!-- b -->\n<!doctype html><p>x", "<body><p>x</p></body>",
    "<div><p>One</p><p>Two</p><p>Three</p></div>",
    "Some leading text\n" + "<p>para</p><div>block</div>\n" * 10,
])
def test_html_is_html(text):
    assert detect.detect_kind(text) == "html"


def test_many_comments_before_the_page_do_not_backtrack():
    for n in (30, 3000):
        text = "<!-- a -->" * n + "x"
        start = time.perf_counter()
        detect.detect_kind(text)
        assert time.perf_counter() - start < 0.5


def test_import_is_light():
    code = ("import sys, cleaner, cleaner.detect, cleaner.pipeline; "
            "heavy = [m for m in ('charset_normalizer', 'trafilatura', 'lxml') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_boms_table_is_ordered_utf32_before_utf16():
    names = [b for b, _ in detect._BOMS]
    assert names.index(codecs.BOM_UTF32_LE) < names.index(codecs.BOM_UTF16_LE)


@pytest.mark.parametrize("text", [
    "zero\u200bwidth " * 200_000 + "\ufeff",  # a few distinct characters: removed by str.replace
    "a\x85b\x1bc\x00d\x7fe\u2028f" * 10_000,  # more: the regular expression
    "x\x1b[31mred\x1b[0m\u200b" * 50_000,  # an escape sequence among them
    ("line\u200b\n" * 300_000) + "\x1b]0;title\x07",  # large, in pieces
])
def test_strip_controls_is_the_regular_expression_substitution(text):
    assert detect.strip_controls(text) == detect.CONTROL.sub("", text)


# ---- declared charsets: only the WHATWG labels, mapped as browsers map them ------------------------

def _declaring(label: str, body: bytes, where: str = "meta") -> bytes:
    head = {"meta": f'<meta charset="{label}">', "http-equiv":
            f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'}.get(where)
    prolog = f'<?xml version="1.0" encoding="{label}"?>' if where == "xml" else ""
    return (prolog + f"<html><head>{head or ''}<title>t</title></head><body><p>").encode() + body + b"</p></body></html>"


@pytest.mark.parametrize("label", ["undefined", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "cp500",
                                   "cp037", "rot13", "zlib", "base64", "hex", "utf_8", "latin-1", "mbcs", "x-junk"])
@pytest.mark.parametrize("where", ["meta", "http-equiv", "xml"])
def test_a_label_outside_the_standard_is_ignored(label, where):
    body = "Caf\u00e9 \\x3cscript\\x3e \u201cquoted\u201d ".encode("cp1252") + FR.encode("cp1252")
    text = decode(_declaring(label, body, where))  # no UnicodeError, no LookupError
    assert "Café" in text and "“quoted”" in text and FR in text
    assert "<script>" not in text  # unicode_escape would have made a real tag


@pytest.mark.parametrize("label, encoding, sample", [
    ("latin1", "cp1252", "“naïve” €5"), ("US-ASCII", "cp1252", "“quoted”"), (" ISO-8859-1 ", "cp1252", "“€”"),
    ("iso-8859-9", "cp1254", "İstanbul’da şehir"), ("tis-620", "cp874", "กรุงเทพ"), ("x-sjis", "cp932", JA),
    ("windows-31j", "cp932", JA), ("gb_2312-80", "gb18030", ZH), ("ks_c_5601-1987", "cp949", "서울시 의회"),
    ("x-mac-cyrillic", "mac_cyrillic", RU), ("koi8-u", "koi8_u", "Київ"), ("csisolatin2", "iso8859_2", PL),
    ("x-cp1251", "cp1251", RU), ("big5", "big5hkscs", "台北市議會"),
])
def test_a_standard_label_is_read_as_browsers_read_it(label, encoding, sample):
    assert sample in decode(_declaring(label, sample.encode(encoding)))


@pytest.mark.parametrize("label", ["iso-2022-kr", "hz-gb-2312", "replacement", "x-user-defined", "utf-16", "utf-16be"])
def test_labels_browsers_never_decode_with_are_ignored(label):
    body = FR.encode("cp1252") + "“quoted” é".encode("cp1252")
    assert FR + "“quoted” é" in decode(_declaring(label, body))


def test_the_label_table_is_well_formed():
    import os

    path = os.path.join(os.path.dirname(detect.__file__), "charsets.txt")
    seen = set()
    for line in open(path, encoding="ascii"):
        if line.strip() and not line.startswith("#"):
            name, codec, *labels = line.split()
            if codec != "-":
                codecs.lookup(codec)
            assert labels and all(label == label.lower() for label in labels)
            assert not seen & set(labels), seen & set(labels)
            seen.update(labels)
    assert len(seen) >= 220  # the standard has about 230 labels


# ---- shapes the byte patterns used to miss -----------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [JA * 6, ZH * 6, "見出し\n" + JA * 3 + "\n" + ZH * 3])
def test_utf16_without_bom_and_few_ascii_characters(encoding, text):
    assert decode(text.encode(encoding)) == text
    assert decode(text.encode(encoding)[:-1]).startswith(text[:-1])  # cut by a byte


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("cut", [1, 2, 3])
@pytest.mark.parametrize("text", [EN * 2, EN * 60, JA * 4])
def test_utf32_cut_short_is_still_utf32(encoding, cut, text):
    assert decode(text.encode(encoding)[:-cut]).startswith(text[:-1])


def test_cjk_utf16_shape_never_takes_random_bytes():
    import random

    for seed in range(20):
        data = random.Random(seed).randbytes(3000)
        with pytest.raises(BinaryInputError):
            decode(data)


@pytest.mark.parametrize("utf8", ["—", "é", "“ ”", "€", "ü ö"])
def test_a_windows_1252_page_with_a_few_utf8_characters(utf8):
    legacy = ("Les élèves de l’école ont présenté leur « projet » à la mairie, déjà très fréquentée. "
              "Müller’s café served crème brûlée. ") * 5
    data = legacy.encode("cp1252") + f" Pasted: {utf8} here. ".encode("utf-8") + legacy.encode("cp1252")
    assert decode(data) == legacy + f" Pasted: {utf8} here. " + legacy


@pytest.mark.parametrize("prolog", ["\n" * 5000, "\r\n" * 5000, " " * 150_000, "<!-- comment -->\n" * 8000,
                                    "\ufeff\n<!-- a -->" + "\t" * 120_000 + "<!---->"])
def test_html_is_found_past_a_long_prolog(prolog):
    page = prolog + "<html><head><title>t</title></head><body><p>" + EN + "</p></body></html>"
    text, utf8 = detect.decode_checked(page.encode(), 1 << 30)
    assert detect.detect_kind(text, detect.is_plain(text, utf8)) == "html"
    assert detect.detect_kind(detect.strip_controls(text)) == "html"


@pytest.mark.parametrize("dirty,kept", [
    ("Inter\u00adnational co\u00adoperation", "International cooperation"),  # soft hyphens
    ("word\u2060joined", "wordjoined"), ("zero\u200bwidth\ufeff", "zerowidth"),
    ("a\u200db \u200cc\u200d", "ab c"),  # joiners between letters that never join, and at an end
    ("\u200eHello\u200f world\u202a!\u202c\u2066x\u2069", "Hello world!x"),  # direction marks in a left-to-right text
    ("family \U0001f468\u200d\U0001f469\u200d\U0001f467", "family \U0001f468\u200d\U0001f469\u200d\U0001f467"),
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian ZWNJ
    ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),  # a Devanagari half form
    ("\u05e9\u05dc\u05d5\u05dd \u200fabc", "\u05e9\u05dc\u05d5\u05dd \u200fabc"),  # a mark in right-to-left text
])
def test_format_characters_go_where_they_do_not_belong(dirty, kept):
    assert detect.visible(dirty) == kept
    assert detect.nfc(dirty) == detect.nfc(kept)


def test_visible_keeps_every_printable_character():
    """``nfc`` asks ``visible`` only about a text that is not printable: a printable one has no format character."""
    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    assert detect.visible(printable) == printable


@pytest.mark.parametrize("kind", ["html", "text"])
def test_no_soft_hyphen_or_stray_joiner_reaches_the_article(kind):
    body = ("Inter&shy;national co\u00adoperation&#8203; is hard&zwj;, the min\u00adister said on Tuesday. " + EN)
    page = (f"<html><head><title>Co&shy;operation</title></head><body><article><h1>Co&shy;operation</h1>"
            f"<p>{body}</p><p>{EN}</p></article></body></html>") if kind == "html" else \
        "Co\u00adoperation\n" + body.replace("&shy;", "\u00ad").replace("&#8203;", "").replace("&zwj;", "\u200d") \
        + "\n" + EN + "\n"
    article = clean(page, kind=kind)
    assert "International cooperation is hard, the minister said" in article.text
    assert not any(c in article.text + (article.title or "") for c in "\u00ad\u200b\u200d")
