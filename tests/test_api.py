"""The library API: Article, to_dict, kind detection, bytes decoding, errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner
from cleaner import Article, CleanerError, EmptyInputError, Options, Removal, clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = FIXTURES / "golden"

DOCUMENTED_FIELDS = {"title", "text", "paragraphs", "authors", "date_published", "site_name", "url", "language",
                     "word_count", "removed"}

from samples import ARTICLE, PARAS, TITLE  # noqa: E402


def _page(title: str, paragraphs: list[str], charset: str | None = "utf-8", lang: str = "en") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{title}</title></head>\n<body>\n'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n<article><h1>{title}</h1>\n{body}\n</article>\n'
            f"<footer><p>Contact us</p></footer></body></html>\n")


# ---- Article ----------------------------------------------------------------------------------

def test_article_is_frozen() -> None:
    article = clean(ARTICLE)
    assert isinstance(article, Article)
    with pytest.raises(AttributeError):
        article.title = "Another title"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        article.paragraphs = ()  # type: ignore[misc]
    assert isinstance(article.paragraphs, tuple)
    assert isinstance(article.authors, tuple)
    assert isinstance(article.removed, tuple)
    for r in article.removed:
        assert isinstance(r, Removal)
        with pytest.raises(AttributeError):
            r.rule = "x"  # type: ignore[misc]


def test_article_text_is_paragraphs_joined_without_title() -> None:
    article = clean(ARTICLE)
    assert article.title == TITLE
    assert list(article.paragraphs) == PARAS
    assert article.text == "\n\n".join(PARAS)
    assert TITLE not in article.text
    assert article.word_count == sum(len(p.split()) for p in PARAS)


def _golden_inputs() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if p.suffix in (".html", ".txt") and not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("path", _golden_inputs() + [FIXTURES / "scraped-article.txt"], ids=lambda p: p.stem)
def test_text_never_contains_the_title(path: Path) -> None:
    article = clean(path.read_bytes())
    assert article.text == "\n\n".join(article.paragraphs)
    if article.title:
        assert article.title not in article.text
        assert article.title not in article.paragraphs


def test_html_title_repeated_in_h1_is_not_in_body() -> None:
    article = clean(_page("Council approves new budget for schools", PARAS))
    assert article.kind == "html"
    assert article.title == TITLE
    assert list(article.paragraphs) == PARAS
    assert TITLE not in article.text


def test_empty_article_is_falsy_text() -> None:
    article = Article()
    assert article.text == "" and article.word_count == 0 and article.title is None


# ---- to_dict -------------------------------------------------------------------------------------

def test_to_dict_has_documented_fields() -> None:
    article = clean(ARTICLE, url="https://example.com/news/council-budget")
    data = article.to_dict()
    assert DOCUMENTED_FIELDS <= set(data)
    assert data["title"] == TITLE
    assert data["text"] == article.text
    assert data["paragraphs"] == PARAS
    assert data["authors"] == []
    assert data["url"] == "https://example.com/news/council-budget"
    assert data["word_count"] == article.word_count
    assert data["language"] == "en"
    assert {"text": "Advertisement", "stage": "rules", "rule": "ads.marker"} in data["removed"]
    json.dumps(data)  # JSON-ready


def test_to_dict_without_removed() -> None:
    data = clean(ARTICLE).to_dict(with_removed=False)
    assert "removed" not in data
    assert DOCUMENTED_FIELDS - {"removed"} <= set(data)


def test_authors_from_byline() -> None:
    text = f"{TITLE}\n\nBy Jane Doe\n\n" + "\n\n".join(PARAS) + "\n"
    article = clean(text)
    assert list(article.paragraphs) == PARAS
    assert article.authors == ("Jane Doe",)
    assert article.to_dict()["authors"] == ["Jane Doe"]


# ---- kind detection -------------------------------------------------------------------------------

def test_text_mentioning_a_tag_is_text() -> None:
    text = ARTICLE.replace(PARAS[1], "In HTML, the <b> tag makes text bold and <i> makes it italic, "
                           "the tutorial explained to the students.")
    article = clean(text)
    assert article.kind == "text"
    assert any("<b>" in p for p in article.paragraphs)


def test_html_page_is_html() -> None:
    assert clean(_page(TITLE, PARAS)).kind == "html"


def test_html_without_doctype_is_html() -> None:
    page = "<div class='story'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "<ul><li><a href='/'>Home</a></li>" \
           "<li><a href='/x'>News</a></li></ul><span>x</span><br><br></div>"
    assert clean(page).kind == "html"


def test_kind_can_be_forced() -> None:
    assert clean(ARTICLE, kind="text").kind == "text"
    assert clean(_page(TITLE, PARAS), kind="html").kind == "html"
    assert clean(_page(TITLE, PARAS), kind="HTML").kind == "html"  # any case


@pytest.mark.parametrize("kind", ["pdf", "", "htm", "auto "])
def test_an_unknown_kind_is_refused_never_read_as_text(kind: str) -> None:
    with pytest.raises(ValueError, match="kind must be one of auto, html, text"):
        clean(ARTICLE, kind=kind)


def test_str_and_utf8_bytes_give_the_same_article() -> None:
    assert clean(ARTICLE) == clean(ARTICLE.encode("utf-8"))


# ---- bytes decoding ----------------------------------------------------------------------------------

FR_TITLE = "Les vendanges commencent en août dans le Bordelais"
FR_PARAS = [
    "Les premières grappes de merlot ont été récoltées mercredi près de Saint-Émilion, "
    "avec près de trois semaines d’avance sur le calendrier habituel.",
    "Les vignerons expliquent cette précocité par un été très chaud et sec, qui a accéléré la maturation du raisin.",
    "« On n’a jamais vu ça », résume un viticulteur âgé de soixante-dix ans, installé depuis toujours à Pomerol.",
]
RU_TITLE = "В Москве открылась новая станция метро"
RU_PARAS = [
    "В субботу в Москве открылась новая станция метро, которая соединила северные районы города с центром.",
    "По словам мэра, поездка от конечной станции до Кремля теперь займёт не больше двадцати пяти минут.",
    "Жители района давно ждали открытия станции и говорят, что теперь им не придётся стоять в пробках каждое утро.",
]


def test_bytes_decoded_by_declared_latin1_charset() -> None:
    page = _page(FR_TITLE, FR_PARAS, charset="iso-8859-1", lang="fr").replace("’", "'")
    data = page.encode("iso-8859-1")
    article = clean(data)
    assert article.title == FR_TITLE
    assert list(article.paragraphs) == [p.replace("’", "'") for p in FR_PARAS]


def test_bytes_decoded_by_declared_windows_1251_charset() -> None:
    data = _page(RU_TITLE, RU_PARAS, charset="windows-1251", lang="ru").encode("cp1251")
    article = clean(data)
    assert article.title == RU_TITLE
    assert list(article.paragraphs) == RU_PARAS


def test_bytes_decoded_by_http_equiv_charset() -> None:
    page = _page(FR_TITLE, FR_PARAS, charset=None, lang="fr").replace("’", "'").replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    article = clean(page.encode("latin-1"))
    assert article.title == FR_TITLE
    assert article.paragraphs[0].startswith("Les premières grappes")


def test_bytes_with_utf8_bom() -> None:
    article = clean(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert article.title == TITLE
    assert list(article.paragraphs) == PARAS


def test_utf16_bytes_with_bom() -> None:
    article = clean(ARTICLE.encode("utf-16"))
    assert article.title == TITLE
    assert list(article.paragraphs) == PARAS


# ---- errors ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", "", "   \n\t  ", b"\n\n"], ids=["empty-bytes", "empty-str", "ws-str", "ws-bytes"])
def test_empty_input_raises(data) -> None:
    with pytest.raises(EmptyInputError) as info:
        clean(data)
    assert isinstance(info.value, CleanerError)
    assert "\n" not in str(info.value)


def test_binary_input_raises_cleaner_error() -> None:
    with pytest.raises(CleanerError) as info:
        clean(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert "PDF" in str(info.value)


def test_too_large_raises() -> None:
    with pytest.raises(cleaner.InputTooLargeError):
        clean(ARTICLE, max_bytes=10)


def test_cleaner_error_is_value_error() -> None:
    assert issubclass(CleanerError, ValueError)


@pytest.mark.parametrize("data", [12345, None, ["a page"], {"html": "x"}])
def test_wrong_type_of_data_is_a_type_error_naming_it(data) -> None:
    with pytest.raises(TypeError, match=f"data must be str or bytes, not {type(data).__name__}"):
        clean(data)  # type: ignore[arg-type]


def test_unknown_option_is_type_error() -> None:
    with pytest.raises(TypeError):
        clean(ARTICLE, no_such_option=True)


# ---- options ---------------------------------------------------------------------------------------------

def test_options_defaults() -> None:
    opts = Options()
    assert opts == Options.from_kwargs()
    assert (opts.kind, opts.url, opts.max_bytes, opts.rules, opts.disabled_rules) == (
        "auto", None, 64 * 1024 * 1024, True, frozenset())


@pytest.mark.parametrize("options,error,message", [
    ({"kind": 5}, TypeError, "kind must be a str, not int"),
    ({"kind": "pdf"}, ValueError, "kind must be one of auto, html, text, not 'pdf'"),
    ({"url": 5}, TypeError, "url must be a str or None, not int"),
    ({"url": ["https://x.org/"]}, TypeError, "url must be a str or None, not list"),
    ({"url": b"https://x.org/\xff"}, ValueError, "url must be text; these bytes are not UTF-8"),
    ({"max_bytes": 0}, ValueError, "max_bytes must be at least 1, not 0"),
    ({"max_bytes": "10"}, TypeError, "max_bytes must be an int, not str"),
    ({"max_bytes": True}, TypeError, "max_bytes must be an int, not bool"),
    ({"fast": "yes"}, TypeError, "fast must be True or False, not 'yes'"),
    ({"rules": 1}, TypeError, "rules must be True or False, not 1"),
    ({"dedupe": None}, TypeError, "dedupe must be True or False, not None"),
    ({"length_low": -1}, ValueError, "length_low must be at least 0, not -1"),
    ({"length_high": 1.5}, TypeError, "length_high must be an int, not float"),
    ({"stopwords_low": 1.5}, ValueError, "stopwords_low must be between 0 and 1, not 1.5"),
    ({"max_link_density": "0.5"}, TypeError, "max_link_density must be a number, not str"),
    ({"span_block_cost": -1}, ValueError, "span_block_cost must be 0 or more, not -1"),
    ({"span_char_cost": float("nan")}, ValueError, "span_char_cost must be 0 or more, not nan"),
    ({"disabled_rules": "ads.marker"}, TypeError, "disabled_rules must be a set of rule names, not str"),
    ({"disabled_rules": 3}, TypeError, "disabled_rules must be a set of rule names, not int"),
    ({"disabled_rules": {"ads.marker", 3}}, TypeError, "disabled_rules must hold rule names (str), not 3"),
    ({"disabled_rules": {"ads.markr"}}, ValueError, "unknown rule(s) in disabled_rules: 'ads.markr' (did you mean ads.marker"),
    ({"disabled_rules": {"no.such_rule"}}, ValueError, "unknown rule(s) in disabled_rules: 'no.such_rule'"),
    ({"colour": "red"}, TypeError, "unknown option(s): colour"),
])
def test_each_option_is_checked_with_a_clear_message(options: dict, error: type, message: str) -> None:
    for make in (Options.from_kwargs, lambda **kw: clean(ARTICLE, **kw)):
        with pytest.raises(error) as info:
            make(**options)
        assert str(info.value).startswith(message), str(info.value)


def test_options_accept_what_they_document() -> None:
    opts = Options(kind="Text", url=b"https://example.com/caf\xc3\xa9", disabled_rules=["ads.marker", "promos.teaser_list"],
                   stopwords_low=0, span_block_cost=40)
    assert (opts.kind, opts.url) == ("text", "https://example.com/café")
    assert opts.disabled_rules == frozenset({"ads.marker", "promos.teaser_list"})
    assert clean(ARTICLE, url=b"https://example.com/story").url == "https://example.com/story"


def test_with_url_is_a_checked_copy() -> None:
    opts = Options(kind="html", disabled_rules={"ads.marker"})
    other = opts.with_url("https://example.com/a")
    assert other.url == "https://example.com/a" and opts.url is None
    assert (other.kind, other.disabled_rules) == ("html", frozenset({"ads.marker"}))
    assert other.with_url(None) == opts
    with pytest.raises(TypeError, match="url must be a str or None, not int"):
        opts.with_url(5)  # type: ignore[arg-type]


def test_version() -> None:
    assert cleaner.__version__ == "1.0.0"


@pytest.mark.parametrize("data", [b"\x1b[0m\n", "\u200b\ufeff \n", "  \r\n\r\n ", "\x1b]0;title\x07\n\u2028"])
@pytest.mark.parametrize("kind", ["auto", "text", "html"])
def test_only_whitespace_and_controls_is_an_input_error(data, kind):
    with pytest.raises(CleanerError):
        clean(data, kind=kind)


def test_line_endings_and_controls_do_not_change_the_article():
    plain = clean(ARTICLE, kind="text")
    for variant in (ARTICLE.replace("\n", "\r\n"), ARTICLE.replace("\n", "\r"),
                    ARTICLE.replace("\n", "\x1b[0m\n\u200b")):
        again = clean(variant.encode("utf-8"), kind="auto")
        assert (again.title, again.paragraphs) == (plain.title, plain.paragraphs)
