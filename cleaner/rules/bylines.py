"""Stray bylines and datelines: "By Jane Doe", "Jane Doe | Reuters", "Updated 3:45 PM"; credit lines; the
author's note at the article's end.

The tests of names and roles these rules ask live in ``cleaner/authors.py``; a byline removed here feeds
``Article.authors`` (``authors.harvest``).
"""
from __future__ import annotations

import re

from ..authors import (BIO_COPULAS, BIO_ROLE_WITHIN, NAME_SPLIT, NOTE_OPENERS, SEPARATOR_CHARS, SEPARATOR_WORDS,
                       bio_subject, byline_body, is_credited_part, is_role, looks_like_name, without_addresses)
from ..lazy_re import LazyPattern
from ..lexicon import Lexicon
from ..text import PHRASE_WORD, PROSE_ENDS
from . import Target, rule
from ._patterns import holds_any, starts_with_phrase
from .counters import counter, reading_time

# A date or a time written in digits: a year, a clock time ("4:14", "10h30", "9 pm"), a numeric date ("12.05.2019")
_DATE_OR_TIME = LazyPattern(r"\b(?:1[89]|20)\d\d\b|\b(?:[01]?\d|2[0-3])[:.h][0-5]\d\b|\b\d{1,2}\s?[ap]\.?m\b|"
                            r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I)
_DIGIT = LazyPattern(r"\d")  # each of _DATE_OR_TIME's forms holds one
_MONEY = LazyPattern(r"[$€£¥₹₽₩₺₴₦]")  # a price ("$20.00", "19.99 €") is no clock time


@rule("bylines.byline", max_words=14)
def byline(t: Target, lex: Lexicon) -> str | None:
    """A short "By Jane Doe" line, or "Jane Doe | Reuters" / "Jane Doe, Staff Writer"."""
    if t.text.rstrip().endswith(PROSE_ENDS) and t.words > 6:
        return None
    if t.tokens and t.tokens[0] in lex.words("byline_prefix").firsts and byline_body(t.text):
        return "byline"
    if SEPARATOR_WORDS.isdisjoint(t.tokens) and not holds_any(t.text, SEPARATOR_CHARS):
        return None  # one part only: no "Name | Agency" to look at
    parts = [p for p in NAME_SPLIT.split(without_addresses(t.text).strip()) if p]
    if len(parts) >= 2 and looks_like_name(parts[0]):
        rest = [p.lower() for p in parts[1:]]
        if all(is_role(p, lex) or looks_like_name(p) for p in rest) and any(is_role(p, lex) for p in rest):
            return "byline with role or agency"
    return None


@rule("bylines.dateline", max_words=12, inputs=("text",))
def dateline(t: Target, lex: Lexicon) -> str | None:
    """A line that is only a date or time, perhaps after "Updated"/"Published".

    It must name a month or hold a year, a clock time or a date in digits: an amount with its unit ("125 ml",
    "Wi-Fi 6") is none, and so is a price ("$45.00", "19.99").
    Text input only: a scraper's text keeps the page's header and byline zone, where such lines stand alone;
    trafilatura's extraction leaves those out, and a date line it keeps is the article's (an event's, a
    timeline's), so on HTML the rule cost every set (README, the ablation table)."""
    if not (_DIGIT.search(t.text) and _DATE_OR_TIME.search(t.text)) and lex.months.isdisjoint(t.tokens):
        return None
    if _MONEY.search(t.text):
        return None
    n = starts_with_phrase("dateline", t.tokens)
    rest = t.tokens[n:]
    if not rest:
        return "dateline" if n else None
    numbers = 0
    for word in rest:
        word = word.rstrip(":")
        if word.isdigit():
            numbers += 1
        elif word not in lex.months and len(word) > 2:
            return None  # a word that is neither a month nor a short one ("am", "h", "de")
    if not n and numbers == len(rest) == 1 and len(rest[0].rstrip(":")) < 4:
        return None  # a lone number that is no year: a step of a recipe ("1."), a count, a page
    return "date or time line" if numbers or n else None


@rule("bylines.credit_line", max_words=45)
def credit_line(t: Target, lex: Lexicon) -> str | None:
    """An agency or newsroom credit line: "(Reporting by Jane Doe; editing by John Roe)", "Jane Doe
    contributed reporting from Hong Kong." -- only credit phrases and names, nothing else."""
    phrases = lex.words("credit_phrase")
    if phrases.firsts.keys().isdisjoint(t.tokens):
        return None  # no credit phrase can start among the words
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
    names = [p.strip(" .:") for part in parts for p in NAME_SPLIT.split(part) if p.strip(" .:")]
    if names and all(is_credited_part(p) for p in names):
        return "credit line"
    return None


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
    for part in parts:
        pt = Target.of(part)
        if not (byline(pt, lex) or dateline(pt, lex) or counter(pt, lex) or reading_time(pt, lex)):
            return None
    return "row of byline, date and counters"


@rule("bylines.author_bio", where="tail", max_words=120)
def author_bio(t: Target, lex: Lexicon) -> str | None:
    """A short note on the author at the end: "Jane Doe is a staff writer covering housing.", "About the
    author: ...", "Die Autorin ist Redakteurin bei ..." """
    if t.kind in ("h", "li", "td") or not t.text.lstrip(NOTE_OPENERS)[:1].isupper():
        return None
    n = lex.words("bio_label").prefix(t.tokens)
    if n and (t.tokens[n - 1].endswith(":") or n < len(t.tokens) and t.tokens[n] in BIO_COPULAS
                                                and lex.words("bio_roles").find(t.tokens[n + 1:n + 1 + BIO_ROLE_WITHIN])):
        return "note on the author"
    return "author biography" if bio_subject(t.text, lex) else None
