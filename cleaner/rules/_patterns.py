"""Regular expressions built from the lexicon, compiled once per process.

Each pattern is anchored and built from literal alternations with bounded repetition, so it runs
in linear time whatever the input (tests/test_regex_safety.py checks this).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, lexicon


@lru_cache(maxsize=None)
def compiled(key: str) -> re.Pattern[str]:
    lex: Lexicon = lexicon()
    alt = lex.alternation
    if key == "promo_prefix":
        return re.compile(rf"^(?:{alt('promo_prefix')})(?:\W|$)", re.I)
    if key == "newsletter":
        return re.compile(rf"(?<!\w)(?:{alt('newsletter')})(?!\w)", re.I)
    if key == "consent":
        return re.compile(rf"(?<!\w)(?:{alt('consent')})(?!\w)", re.I)
    if key == "counter":
        return re.compile(rf"^\W{{0,3}}\d[\d.,\s]{{0,12}}[kmb]?\+?\s{{0,3}}(?:{alt('counter_nouns')})\W{{0,3}}$", re.I)
    if key == "caption_credit":
        words = alt("caption")
        return re.compile(
            rf"(?:^|[\s(\[|/])(?:{words})\s{{0,3}}(?:[:/©|]|by\b|credit\b|courtesy\b)"  # "Photo: AP", "Foto: dpa"
            rf"|[(\[]\s{{0,3}}(?:[\w .'&-]{{0,40}}/)?\s{{0,3}}(?:{words})(?:\s{{0,3}}/[\w .'&-]{{0,40}})?\s{{0,3}}[)\]]\W{{0,3}}$"
            rf"|(?:©|\(c\)\s|\bcredits?\s{{0,2}}(?::|\.\.\.|…))\s{{0,3}}\S"  # "© Reuters", "Credit...Doug Mills"
            rf"|/\s{{0,3}}(?:{words})\W{{0,3}}$",  # "... / Getty Images"
            re.I,
        )
    if key == "byline":
        return re.compile(rf"^(?:{alt('byline_prefix')})\s{{1,3}}(?=\S)", re.I)
    if key == "dateline":
        return re.compile(rf"^(?:{alt('dateline')})\b\W{{0,3}}", re.I)
    raise KeyError(key)


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=None)
def _first_words(key: str) -> tuple[frozenset[str], bool]:
    """The first word of every phrase of a list, and whether some phrase has no word at all."""
    firsts, wordless = set(), False
    for phrase in lexicon().phrases[key]:
        m = _WORD.search(phrase)
        if m:
            firsts.add(m.group())
        else:
            wordless = True
    return frozenset(firsts), wordless


def find_phrase(key: str, norm: str) -> str | None:
    """The phrase of the list that the normalised text holds, if any.

    A set look-up of first words spares most regex searches."""
    firsts, wordless = _first_words(key)
    if not wordless and firsts.isdisjoint(_WORD.findall(norm)):
        return None
    m = compiled(key).search(norm)
    return m.group() if m else None


# A lone keyword ("newsletter", "cookies") marks noise only in a short block; in a long one it is news.
LONE_KEYWORD_MAX_WORDS = 8


def holds_noise_phrase(key: str, norm: str, words: int) -> bool:
    phrase = find_phrase(key, norm)
    return phrase is not None and (" " in phrase.strip() or words <= LONE_KEYWORD_MAX_WORDS)


_CREDIT_HINT = re.compile(r"[:/©|(\[…]|\.\.\.|\b(?:by|credit|courtesy)\b", re.I)


def has_credit(text: str) -> bool:
    """Whether the text carries a photo credit ("Photo: AP", "(Getty Images)", "© Reuters")."""
    return _CREDIT_HINT.search(text) is not None and compiled("caption_credit").search(text) is not None
