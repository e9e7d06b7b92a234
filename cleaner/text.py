"""Words and sentence ends: how every stage splits a text into words, and what ends a sentence.

Words: ``words_of`` (the lower-case ``WORD`` matches: the heuristics' features, the stop-word language, the
repeat keys of the rebuild) and ``phrase_words`` (``PHRASE_WORD``: the rules' phrase matching, where "related:"
with its colon is a label).

Sentence ends: tuples for ``str.endswith``.  The tests of a line ask for different ends on purpose (a block
that ends like a sentence, a line that cannot be a headline, ...); each set below says what it is for, and
tests/test_text.py pins how they differ.
"""
from __future__ import annotations

import re

# --- Words -------------------------------------------------------------------------------------------------
WORD = re.compile(r"\w+")
# Words as phrases see them: a colon right after a word is kept ("related:" is a label, "related" a word).
PHRASE_WORD = re.compile(r"\w+:?")
# Punctuation outside ASCII that news is full of (curly quotes, dashes, the ellipsis, the no-break space, the
# bullet), no word characters: once they are spaces, most texts are ASCII, which str.translate splits.
WIDE_PUNCTUATION = "’‘“”–—…«»\u00a0•"


def narrowed(text: str) -> str:
    """The text with its WIDE_PUNCTUATION as spaces."""
    for mark in WIDE_PUNCTUATION:
        text = text.replace(mark, " ")
    return text


# Each ASCII character that is not a word character (a letter, a digit, "_") mapped to a space, the others to
# themselves: in an ASCII text, translating and splitting at spaces finds WORD's words.
_ASCII_NON_WORD = str.maketrans({c: c if c.isalnum() or c == "_" else " " for c in map(chr, range(128))})


def words_of(text: str) -> list[str]:
    """The lower-case words of a text (``WORD`` matches)."""
    text = text.lower()
    if not text.isascii():
        text = narrowed(text)
    if text.isascii():
        return text.translate(_ASCII_NON_WORD).split()
    return WORD.findall(text)


# Every ASCII character that is neither a word character (a letter, a digit, "_") nor a colon mapped to a space,
# the others to themselves.
_ASCII_SEPARATORS = str.maketrans({c: c if c.isalnum() or c in "_:" else " " for c in map(chr, range(128))})


def phrase_words(norm: str) -> tuple[str, ...]:
    """``PHRASE_WORD.findall(norm)``; an ASCII text (the common case, once the wide punctuation is spaces) is
    split by translate and split instead."""
    if not norm.isascii():
        norm = narrowed(norm)
        if not norm.isascii():
            return tuple(PHRASE_WORD.findall(norm))
    text = norm.translate(_ASCII_SEPARATORS)  # words, colons and spaces only
    if ":" not in text:
        return tuple(text.split())
    text = text.replace(":", ": ")  # a colon stays with the word before it ("related:")...
    if " :" in text or text[0] == ":":  # ...and one after no word is dropped
        return tuple(w for w in text.split() if w != ":")
    return tuple(text.split())


# --- What ends a sentence ----------------------------------------------------------------------------------
SENTENCE_MARKS = (".", "!", "?", "…", "。", "！", "？")
"""The marks that end a sentence, in Latin and CJK scripts."""

DOUBLE_CLOSERS = ('"', "”", "»")
"""Double quotes and guillemets that close after a sentence's mark: 'He said: “No.”'"""

OTHER_CLOSERS = ("'", "’", ")", "」", "』")
"""A single quote (or an apostrophe), a bracket, CJK corner quotes: they close after a mark too, but a single
quote also ends a word ("the Smiths'")."""

TERMINAL = SENTENCE_MARKS + DOUBLE_CLOSERS + OTHER_CLOSERS
"""A block that ends like a sentence: a sentence's mark, or any closer after one (the heuristics' feature,
the end of a teaser's blurb, the first paragraph of the body, a dangling fragment at the article's end)."""

TERMINAL_DOUBLE_QUOTED = SENTENCE_MARKS + DOUBLE_CLOSERS
"""TERMINAL less OTHER_CLOSERS: a sentence's mark, or a double quote after one.  Whether a few short lines hold
a sentence at all (``pipeline.looks_like_article``) asks this stricter question."""

SCORED_ENDS = SENTENCE_MARKS + DOUBLE_CLOSERS + ("’", ")")
"""TERMINAL less the straight single quote and the CJK corner quotes: the HTML scorer's "ends like a sentence"
features (``features.py``), as its model was fitted (a change here needs a retrained ``models/html.json``)."""

QUOTE_CLOSERS = "'\"’”»"
"""The closing quotes ``unquoted`` strips from a line's end, to see the mark before them."""


def unquoted(text: str) -> str:
    """The text without the blanks and closing quotes at its end."""
    return text.rstrip().rstrip(QUOTE_CLOSERS)


FINAL_MARKS = (".", "!", "?")
"""A sentence closed for good: not an ellipsis, which trails off or introduces what follows (the article's last
block before a run of titles)."""

PROSE_ENDS = FINAL_MARKS + DOUBLE_CLOSERS
"""A line of some length that ends so is prose, not a byline ("By the end of the year, ... fall.")."""

SENTENCE_WORDS = 4
"""The fewest words of a sentence that says something on its own ("Back next week, promise.")."""


def says_something(text: str) -> bool:
    """A sentence of a few words, closed for good: not a teaser's cut-off ("I'm shopping for...", "그가 뜨..")."""
    text = text.rstrip()
    return (text.endswith(PROSE_ENDS) and not text.endswith("..")
            and len(words_of(text)) >= SENTENCE_WORDS)


CLAUSE_MARKS = (",", ";", ":")
"""Marks that end a clause; a colon also introduces a quote or a list."""

# The ends a line of each kind never has (title.py), each as strict as its use needs:
NOT_HEADLINE_ENDS = (".",) + CLAUSE_MARKS
"""A capitalised headline over a one-sentence blurb: no full stop, no clause mark (a question or an exclamation
may end it)."""

NOT_TITLE_ENDS = (".", ",", ";")
"""The headline of a text: no full stop, comma or semicolon (a colon may end it: "Live:"; an ellipsis too)."""

NOT_TEASER_TITLE_ENDS = (".", "!", "…") + CLAUSE_MARKS
"""A teaser title in a run of them, its closing quotes stripped: any sentence or clause end but a question's."""

NOT_SHORT_TITLE_ENDS = (".", "。", ":")
"""A headline under a "Related:" label: no full stop, Latin or CJK, and no colon."""

FULL_STOP = "."
"""A line of any case that may be a title over a date line: it does not end in a full stop (nothing else
is asked: the date line below it says the most)."""
