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
