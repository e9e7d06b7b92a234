"""Matching helpers shared by the rules: phrase lists matched word by word, and a few small patterns.

Phrase lists are never turned into regex alternations: a set look-up per word window is linear in the
block's length and costs nothing to set up (a 250-phrase alternation takes ~50 ms to compile, paid by
every `cleaner < file` process).  The few regular expressions here are small, anchored and bounded
(tests/test_regex_safety.py checks them against adversarial input).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lazy_re import LazyPattern
from ..lexicon import PhraseSet, lexicon
from ..text import WORD, words_of

# A lone keyword ("newsletter", "cookies") marks noise only in a short block; in a long one it is news.
LONE_KEYWORD_MAX_WORDS = 8

# "12 comments", "1.2K shares", "3 min read": a number, then the counted thing
_COUNTER = LazyPattern(r"^\W{0,3}\d[\d.,]{0,12}(?:[kmb]\b)?\+?\s{0,3}(?P<noun>[^\W\d][^\W\d ]{0,20}(?: [^\W\d]{1,20}){0,2})\W{0,3}$",
                       re.I)


def holds_any(text: str, marks: str) -> bool:
    """Whether one of the marks stands in the text."""
    for mark in marks:
        if mark in text:
            return True
    return False


@lru_cache(maxsize=None)
def phrase_set(key: str) -> PhraseSet:
    """The lexicon's phrase list ``key``, prepared for word-by-word matching."""
    return lexicon().words(key)


def starts_with_phrase(key: str, words: list[str]) -> int:
    """How many leading words form a phrase of the list (0 when none)."""
    return phrase_set(key).prefix(words)


def holds_noise_phrase(key: str, norm: str, words: list[str] | tuple[str, ...]) -> bool:
    """A phrase of several words anywhere, or a lone keyword in a short block."""
    phrases = phrase_set(key)
    if phrases.wordless and phrases.in_text(norm):
        return True
    if phrases.firsts.keys().isdisjoint(words):  # no phrase can start among the words
        return False
    keywords, openings = _keywords_and_openings(key)
    if len(words) <= LONE_KEYWORD_MAX_WORDS and not keywords.isdisjoint(words):
        return True
    # a phrase of several words opens with two words side by side (most blocks hold none: no search)
    return not openings.isdisjoint(zip(words, words[1:])) and phrases.find(words, min_words=2) is not None


@lru_cache(maxsize=None)
def _keywords_and_openings(key: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The words that are a phrase of the list on their own (``PhraseSet.firsts``: with a colon or not), and the
    first two words of its longer phrases (the second with a colon too: it may end a phrase)."""
    phrases = phrase_set(key)
    keywords = frozenset(word for word, lengths in phrases.firsts.items() if lengths[0] == 1)
    openings = frozenset(pair for words in phrases.tuples if len(words) > 1
                         for pair in (words[:2], (words[0], words[1] + ":")))
    return keywords, openings


def is_counter(text: str) -> bool:
    text = text.strip()
    if not any(map(str.isdecimal, text[:4])):  # the number comes first
        return False
    m = _COUNTER.match(text)
    return m is not None and m.group("noun").lower() in lexicon().counter_nouns


_CREDIT_FOLLOWERS = frozenset({"by", "credit", "courtesy"})
# the marks every photo credit carries (else one of _CREDIT_FOLLOWERS as a word)
_CREDIT_MARKS = ":/|([…"


def has_credit(text: str) -> bool:
    """Whether the text carries a photo credit: "Photo: AP", "(Getty Images)", "AP Photo/Evan Vucci",
    "... / Reuters", "© Reuters", "Credit...Doug Mills"."""
    if "©" in text:
        return True
    low = text.lower()
    marked = holds_any(text, _CREDIT_MARKS) or "..." in text  # cheap string tests before any word list
    if not marked and "by" not in low and "credit" not in low and "courtesy" not in low:
        return False
    all_words = words_of(low)
    if not marked and _CREDIT_FOLLOWERS.isdisjoint(all_words):
        return False  # no credit mark, and "by", "credit", "courtesy" only inside other words
    captions = phrase_set("caption")
    if captions.firsts.keys().isdisjoint(all_words) and "credit" not in low:
        return False  # no credit word at all
    if "credit" in low:
        for m in WORD.finditer(low):
            if (m.group() in ("credit", "credits") and low[m.end():m.end() + 4].lstrip().startswith((":", "...", "…"))
                    and _names_follow(text, low, m.end())):
                return True
    words = all_words
    firsts = captions.firsts  # a phrase's first word -> the lengths of its phrases, shortest first
    spans = None  # where each word stands in low, once a credit word is found
    read_to = 0  # the words before this one belong to a credit word read already
    for i in [k for k, w in enumerate(words) if w in firsts]:
        n = captions.prefix(words[i:i + firsts[words[i]][-1]]) if i >= read_to else 0
        if not n:
            continue
        if spans is None:
            spans = [m.span() for m in WORD.finditer(low)]
        start, end = spans[i][0], spans[i + n - 1][1]
        after = low[end:end + 4].lstrip()
        if after[:1] in (":", "/", "|") and _names_follow(text, low, end):
            return True
        if i + n < len(words) and words[i + n] in _CREDIT_FOLLOWERS:
            return True
        rest = words[i + n:]
        at_end = all(w in lexicon().caption for w in rest) and not low[end:].strip(" )].").count(" ") > 3
        if at_end and low[:start].rstrip().endswith(("/", "(", "[", "|")) and _credit_opens(text, low, start):
            return True
        read_to = i + n
    return False


_INNER_CAPITAL = LazyPattern(r"^[a-z]{1,3}[A-Z]")  # "iStock", "iFixit", "eBay": a name that opens in small letters


def _names_follow(text: str, low: str, end: int) -> bool:
    """Whether, after a credit word and its mark (":", "/", "|", "..."), a name follows: "Photo: AP", "AP
    Photo/Evan Vucci", "Photo: iStock" (a brand's capital inside its word).  A price, a number, a word in small
    letters or nothing is no credit: "video: $3,999", "image: nginx:1.14", "the configuration file:", "YouTube |
    $0.10 per view"."""
    rest = (text if len(text) == len(low) else low)[end:].lstrip(" :/|.…\u2026")
    if rest[:1].isupper() or rest.startswith(("©", "(", "@", "http", "www.")):  # a name, a handle, an address
        return True
    if len(text) == len(low) and _INNER_CAPITAL.match(rest):
        return True
    first = WORD.match(rest.lower())
    return first is not None and first.group() in lexicon().caption  # "Foto: dpa"


def _credit_opens(text: str, low: str, start: int) -> bool:
    """Whether the mark before the credit word at ``start`` opens a credit: it stands after a space ("(jdoe /
    iStock.com)") or the word has a capital ("Jane Doe/Reuters"), unlike a word of a path or of code ("/etc/file",
    "Middleware[source]")."""
    before = low[:start].rstrip()
    return len(before) == 1 or before[-2].isspace() or len(text) != len(low) or text[start:start + 1].isupper()

