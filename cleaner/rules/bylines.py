"""Stray bylines and datelines: "By Jane Doe", "Jane Doe | Reuters", "Updated 3:45 PM".

A byline removed here feeds ``Article.authors`` through ``authors_from_byline``.
"""
from __future__ import annotations

import re

from ..lazy_re import LazyPattern
from ..lexicon import Lexicon, lexicon
from ..text import PHRASE_WORD, PROSE_ENDS
from . import Target, rule
from ._patterns import holds_any, starts_with_phrase

_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]{0,30}"
_NAME_SEQ = LazyPattern(rf"^{_NAME}(?:\s{{1,3}}{_NAME}){{0,4}}$")
_SPLIT = LazyPattern(r"\s{0,3}(?:,|;|\||&|/|\band\b|\bund\b|\bet\b|\by\b|\bwith\b|•|·)\s{0,3}", re.I)
_SEPARATOR_WORDS = frozenset({"and", "und", "et", "y", "with"})  # the words and marks _SPLIT splits at
_SEPARATOR_CHARS = ",;|&/•·"
_EMAILISH = LazyPattern(r"[^\s@]{1,64}@[^\s@]{1,253}|@\w{1,64}|https?://\S{1,2000}")
_TIMEISH = LazyPattern(r"\d")


def _without_addresses(text: str) -> str:
    """The text less its e-mail addresses, handles and links."""
    if "@" not in text and "http" not in text:
        return text  # none can match (each holds one of these): no regex scan, which tries 64 characters at each
    return _EMAILISH.sub("", text)


def _looks_like_name(part: str) -> bool:
    return bool(_NAME_SEQ.match(part)) and 1 <= len(part.split()) <= 5


def _byline_body(text: str) -> str | None:
    """The part after "By"/"Von"/"Par", when the block starts with such a prefix and a name."""
    text = text.strip()
    head = text[:60].lower()
    first = PHRASE_WORD.search(head)
    if first is None or first.group() not in lexicon().words("byline_prefix").firsts:
        return None  # most texts: no prefix can start with their first word (no scan of the rest)
    spans = list(PHRASE_WORD.finditer(head))
    n = starts_with_phrase("byline_prefix", [m.group() for m in spans])
    if not n:
        return None
    rest = text[spans[n - 1].end():].lstrip(" :")
    return rest if rest[:1].isupper() else None


@rule("bylines.byline", max_words=14)
def byline(t: Target, lex: Lexicon) -> str | None:
    """A short "By Jane Doe" line, or "Jane Doe | Reuters" / "Jane Doe, Staff Writer"."""
    if t.text.rstrip().endswith(PROSE_ENDS) and t.words > 6:
        return None
    if t.tokens and t.tokens[0] in lex.words("byline_prefix").firsts and _byline_body(t.text):
        return "byline"
    if _SEPARATOR_WORDS.isdisjoint(t.tokens) and not holds_any(t.text, _SEPARATOR_CHARS):
        return None  # one part only: no "Name | Agency" to look at
    parts = [p for p in _SPLIT.split(_without_addresses(t.text).strip()) if p]
    if len(parts) >= 2 and _looks_like_name(parts[0]):
        rest = [p.lower() for p in parts[1:]]
        if all(_is_role(p, lex) or _looks_like_name(p) for p in rest) and any(_is_role(p, lex) for p in rest):
            return "byline with role or agency"
    return None


ROLE_MAX_WORDS = 4


def _is_role(part: str, lex: Lexicon, qualified: bool = True) -> bool:
    """A role or an agency ("staff writer", "Reuters"), or (``qualified``) one after a qualifier ("AP auto
    writer", "senior political correspondent"): the part ends in a role of the list and is short."""
    if part in lex.author_roles or part in lex.caption:
        return True
    if not qualified:
        return False
    words = part.split()
    return len(words) <= ROLE_MAX_WORDS and any(" ".join(words[-n:]) in lex.author_roles for n in (1, 2, 3))


@rule("bylines.dateline", max_words=12)
def dateline(t: Target, lex: Lexicon) -> str | None:
    """A line that is only a date or time, perhaps after "Updated"/"Published"."""
    if not _TIMEISH.search(t.text) and lex.months.isdisjoint(t.tokens):
        return None
    n = starts_with_phrase("dateline", t.tokens)
    rest = t.tokens[n:]
    if not rest:
        return "dateline" if n else None
    wordy = [w.rstrip(":") for w in rest if not w.rstrip(":").isdigit()]
    if not n and not wordy and len(rest) == 1 and len(rest[0].rstrip(":")) < 4:
        return None  # a lone number that is no year: a step of a recipe ("1."), a count, a page
    if all(w in lex.months or len(w) <= 2 for w in wordy) and (len(wordy) < len(rest) or n):
        return "date or time line"
    return None


_PLACE_WORDS = frozenset({"in", "from"})


def _is_credited_part(part: str) -> bool:
    """A name ("Koh Gui Qing"), perhaps with where the work was done ("Jane Doe in Washington"), or a place
    alone ("from Hong Kong")."""
    words = part.split()
    for i, w in enumerate(words):
        if w.lower() in _PLACE_WORDS:
            name, place = " ".join(words[:i]), " ".join(words[i + 1:])
            return (not name or _looks_like_name(name)) and _looks_like_name(place)
    return _looks_like_name(part)


@rule("bylines.credit_line", max_words=45)
def credit_line(t: Target, lex: Lexicon) -> str | None:
    """An agency or newsroom credit line: "(Reporting by Jane Doe; editing by John Roe)", "Jane Doe
    contributed reporting from Hong Kong." -- only credit phrases and names, nothing else."""
    phrases = lex.words("credit_phrase")
    if phrases.firsts.keys().isdisjoint(t.tokens):
        return None  # the common case, answered in C
    text = t.text.strip().strip("()[]").strip().rstrip(".").strip()
    spans = list(PHRASE_WORD.finditer(text.lower()))
    words = [m.group() for m in spans]
    parts, start, i, found = [], 0, 0, False
    while i < len(words):
        n = phrases.prefix(words[i:])
        if not n:
            i += 1
            continue
        parts.append(text[start:spans[i].start()])
        start, i, found = spans[i + n - 1].end(), i + n, True
    parts.append(text[start:])
    if not found:
        return None
    names = [p.strip(" .:") for part in parts for p in _SPLIT.split(part) if p.strip(" .:")]
    if names and all(_is_credited_part(p) for p in names):
        return "credit line"
    return None


def authors_from_byline(text: str) -> list[str]:
    """The names in a byline: "By Jane Doe and John Smith, Reuters" -> ["Jane Doe", "John Smith"]."""
    lex = lexicon()
    body = _byline_body(text) or text
    names = []
    for i, part in enumerate(_SPLIT.split(_without_addresses(body))):
        part = part.strip(" .:-–—")
        low = part.lower()
        # a later part may be a qualified role ("AP Auto Writer"); the first is the name ("Jane Doe Staff" too)
        role = _is_role(low, lex, qualified=i > 0)
        if part and not role and _looks_like_name(part):
            names.append(part)
    return names


def is_byline(text: str) -> bool:
    """Whether a short text is a "By Jane Doe" byline."""
    return _byline_body(text) is not None and len(text.split()) <= 8


# Separators of a metadata row: a bullet, a bar, a middle dot, or a dash between spaces.
_ROW_MARKS = "-|•·–—"
_ROW_SPLIT = LazyPattern(r"\s{0,3}[•|·]\s{0,3}|\s{1,3}[-–—]\s{1,3}")


@rule("bylines.meta_row", max_words=24)
def meta_row(t: Target, lex: Lexicon) -> str | None:
    """A row made only of bylines, dates and counters: "Nov 18, 2019 at 9:24 pm ET • 2 min read"."""
    if not holds_any(t.text, _ROW_MARKS):
        return None  # no separator: one part
    parts = [p for p in _ROW_SPLIT.split(t.text) if p.strip()]
    if len(parts) < 2:
        return None
    from .counters import counter, reading_time

    for part in parts:
        pt = Target.of(part)
        if not (byline(pt, lex) or dateline(pt, lex) or counter(pt, lex) or reading_time(pt, lex)):
            return None
    return "row of byline, date and counters"


# "Jane Doe is a staff writer covering ...": the author's note after the article.  The verb of a present-tense
# description, per language; past tenses ("Smith was a professor ...") end obituaries and stay.
_BIO_COPULAS = frozenset({"is", "ist", "est", "es"})
_BIO_LANGUAGES = ("en", "de", "fr", "es")  # of the copulas
# Words that start a capitalised phrase but no name: the short stop words of those languages (articles and
# prepositions: "The", "Das", "Im"; the longer ones hold names: "john", "carlos", "friedrich") and these.
_LONG_DETERMINERS = frozenset({"this", "that", "these", "those", "their", "eine", "einer", "diese", "dieser", "dieses",
                               "unser", "unsere", "cette", "notre", "este", "esta", "nuestro", "nuestra"})


def _is_name_word(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    if len(low) > 3:
        return low not in _LONG_DETERMINERS
    return not any(low in lex.stopwords.get(lang, ()) for lang in _BIO_LANGUAGES)


BIO_ROLE_WITHIN = 6  # words after the verb in which the role must stand ("is a general assignment reporter")


def bio_subject(text: str, lex: Lexicon) -> str | None:
    """The name a short biography starts with: 2 to 4 capitalised words that are no stop words, then "is"/"ist"/
    "est"/"es", then a role of the [bio_roles] list within a few words; else None."""
    words = text.split(None, 4 + BIO_ROLE_WITHIN + 1)
    for n in (2, 3, 4):
        if n < len(words) and words[n].lower() in _BIO_COPULAS and _looks_like_name(" ".join(words[:n])):
            break
    else:
        return None
    name = words[:n]
    if not all(_is_name_word(w, lex) for w in name):
        return None  # "The Times is ...", "Das Buch ist ein Roman der Autorin ..."
    window = PHRASE_WORD.findall(" ".join(words[n + 1:n + 1 + BIO_ROLE_WITHIN]).lower())
    if lex.words("bio_roles").find([w.rstrip(":") for w in window]) is None:
        return None
    return " ".join(name)


@rule("bylines.author_bio", where="tail", max_words=60)
def author_bio(t: Target, lex: Lexicon) -> str | None:
    """A short note on the author at the end: "Jane Doe is a staff writer covering housing.", "About the
    author: ...", "Die Autorin ist Redakteurin bei ..." """
    if t.kind in ("h", "li", "td") or not t.text[:1].isupper():
        return None
    n = lex.words("bio_label").prefix(t.tokens)
    if n and (t.tokens[n - 1].endswith(":") or n < len(t.tokens) and t.tokens[n] in _BIO_COPULAS
                                                and lex.words("bio_roles").find(t.tokens[n + 1:n + 1 + BIO_ROLE_WITHIN])):
        return "note on the author"
    return "author biography" if bio_subject(t.text, lex) else None


# "Über Moritz Bachmann" over the closing note on the author: a person's name, each word a capital and then
# small letters ("About my6sense", "About IBM" head a company's note, which press releases keep).
_PERSON_WORD = LazyPattern(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{1,30}$")
AUTHOR_BOX_MAX_WORDS = 120
AUTHOR_BOX = "bylines.author_box"  # not a rule of one block: the pipeline asks author_box_person of the article's end


def about_person(text: str, lex: Lexicon) -> str | None:
    """The name in a heading "About Jane Doe" / "Über ..." / "Sobre ..." / "À propos de ...", else None."""
    words = text.split()
    if len(words) > 6:
        return None
    n = lex.words("about_prefix").prefix([w.lower() for w in words])
    name = words[n:] if n else []
    if not 2 <= len(name) <= 3 or not all(map(_PERSON_WORD.match, name)):
        return None
    if not all(_is_name_word(w, lex) for w in name):
        return None  # "About The Author"
    return " ".join(name)


def author_box_person(heading: str, note: str, lex: Lexicon) -> str | None:
    """The person when two closing blocks are "About Jane Doe" and a short note that names her (the author's box
    of a blog or a magazine), else None.  (A press release's "About Acme" names Acme all through: the caller
    checks that the article does not name the person before.)"""
    name = about_person(heading, lex)
    return name if name is not None and name in note and len(note.split()) <= AUTHOR_BOX_MAX_WORDS else None
