"""Stage 3 for HTML, first step: the features of each page block, as the learned scorer weighs them.

Each block gets a dict of named numbers (most are 0 or 1, the rest scaled to about 0..1): what its text is
like (length, stop words, sentence ends, digits, capitals, links), where it stands (the element that holds
it, its ancestors, the class and id words around it, its position against the headline and against what
trafilatura extracted), what its containers hold (the share of the page's text, of link text, of
extracted text under each of its nearest ancestors), and what the page says of itself (its Open Graph and
schema.org types).  The names are the model's: ``cleaner/models/html.json`` holds a weight for each.
"""
from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from .classify import choose_stopwords
from .dom import REPEATS_KEPT, PageBlock, PageSignals, kind_of
from .lexicon import lexicon
from .scorer import CONTAINER_LEVELS, MODELS, added
from .text import SCORED_ENDS, WORD, words_of

_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-Z]")
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: fewer matches to make than letters
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")

_VOCABULARY = os.path.join(MODELS, "features.json")
with open(_VOCABULARY, encoding="utf-8") as _fh:
    _WORDS = json.load(_fh)
OWN_TAGS = frozenset(_WORDS["own_tags"])  # a block's own element, one feature each (others: tag_other)
_TAG_NAMES = {tag: "tag_" + tag for tag in OWN_TAGS}
ANCESTOR_TAGS = tuple(_WORDS["ancestor_tags"])  # the elements a block may stand in, one feature each
# Words of class and id attributes, in groups that mean the same to a reader of page templates.
CLASS_GROUPS = {name: re.compile(pattern) for name, pattern in _WORDS["class_groups"].items()}
LD_GROUPS = {name: frozenset(types) for name, types in _WORDS["ld_groups"].items()}  # schema.org types
NEIGHBOURS = (-2, -1, 1, 2)
NEIGHBOUR_KEYS = ("traf", "link", "log_words", "terminal", "stop")
_NEIGHBOUR_NAMES = tuple((d, tuple(f"{k}@{d}" for k in NEIGHBOUR_KEYS), f"edge@{d}") for d in NEIGHBOURS)
_REPEAT_NAMES = tuple(f"rep{k}" for k in range(REPEATS_KEPT))  # the nearest ancestor's first
_CONTAINER_NAMES = tuple((level, f"c{level}_blocks", f"c{level}_share", f"c{level}_traf", f"c{level}_link",
                          f"c{level}_term") for level in CONTAINER_LEVELS)
CLASS_TABLE_WORDS = 12  # the nearest class words the learned class table reads
LANGUAGE_BLOCKS = 200  # the longest blocks' words read to choose the stop-word language
RULE_MAX_WORDS = 60  # no rule reads a longer block

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable


def page_features(blocks: list[PageBlock], signals: PageSignals, extracted: list[float], candidate: list[float],
                  class_table: dict[str, float], rule_of: Callable[[str, str], str | None] | None = None,
                  url: str | None = None) -> tuple[list[dict[str, float]], dict[str, float]]:
    """The features of every block, and those of the page (the same for all its blocks).  ``extracted``: the
    share of each block's words that trafilatura's extraction holds; ``candidate``: the same of the candidate
    made of it (``html._candidate``); ``class_table``: the learned weight of class and id words (the model's); ``rule_of``:
    the name of the rule that calls a text of a kind noise, if any (``RuleBook.first_matching_rule``);
    ``url``: the page's address."""
    words = [words_of(b.text) for b in blocks]
    stopwords = choose_stopwords([w for w, b in zip(words, blocks) if len(b.text) > 40][:LANGUAGE_BLOCKS],
                                 lexicon())[1]
    rows = [_own(b, w, stopwords) for b, w in zip(blocks, words)]
    if rule_of is not None:
        for b, w, f in zip(blocks, words, rows):
            if len(w) <= RULE_MAX_WORDS:
                hit = rule_of(b.text, kind_of(b.tag))
                if hit is not None:
                    f["rule_" + hit.split(".")[0]] = 1.0
    _place(blocks, rows, extracted)
    for f, share in zip(rows, candidate):
        f["cand"] = share
        f["cand_kept"] = 1.0 if share >= 0.5 else 0.0
    _containers(blocks, rows, extracted)
    page = _page(blocks, signals, extracted, url)
    class_features(blocks, rows, class_table)
    _neighbours(rows)
    return rows, page


def _own(b: PageBlock, words: list[str], stopwords: frozenset[str]) -> dict[str, float]:
    """What the block's text is like, and the element that holds it."""
    text = b.text
    n, length = len(words), len(text)
    spaced = text.split()
    digits, upper, letters = _character_counts(text)
    f = {
        "log_chars": math.log1p(length),
        "log_words": math.log1p(n),
        "stop": sum(map(stopwords.__contains__, words)) / n if n else 0.0,
        "has_stop": 1.0 if stopwords else 0.0,
        "terminal": 1.0 if text.endswith(SCORED_ENDS) else 0.0,
        "sentences": len(_SENTENCE_END.findall(text)) / (n + 1),
        "digits": digits / length,
        "upper": upper / (letters or 1),
        "titlecase": sum(map(str.isupper, [w[0] for w in spaced])) / (len(spaced) or 1),
        "link": b.link_chars / length,
        "commas": text.count(",") / (n + 1),
        "short": 1.0 if n < 3 else 0.0,
        "pipe": 1.0 if ("|" in text or "•" in text or "·" in text) else 0.0,
        "copyright": 1.0 if ("©" in text or "copyright" in text.lower()) else 0.0,
        _TAG_NAMES.get(b.tag, "tag_other"): 1.0,
        "depth": len(b.path) / 30.0,
    }
    for name in _ancestor_names(b.path):
        f[name] = 1.0
    for name in _groups_of(b.classes):
        f[name] = 1.0
    repeats = b.repeats
    for name, r in zip(_REPEAT_NAMES, reversed(repeats)):
        f[name] = math.log1p(r - 1) / 3
    f["rep_max"] = math.log1p(max(repeats, default=1) - 1) / 3
    return f


_ASCII_DIGITS = b"0123456789"
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def _character_counts(text: str) -> tuple[int, int, int]:
    """The text's digits (``_DIGIT``), capitals (``_UPPER``) and letters (``_LETTERS``); an ASCII text's counted
    by deleting the others from its bytes (no match objects)."""
    if text.isascii():
        data = text.encode("ascii")
        return (len(data) - len(data.translate(None, _ASCII_DIGITS)),
                len(data) - len(data.translate(None, _ASCII_UPPER)), len(data.translate(None, _ASCII_NON_LETTERS)))
    return len(_DIGIT.findall(text)), len(_UPPER.findall(text)), len("".join(_LETTERS.findall(text)))


@lru_cache(maxsize=4096)
def _ancestor_names(path: tuple[str, ...]) -> tuple[str, ...]:
    """The features of the elements in ``ANCESTOR_TAGS`` that a block stands in, in that order."""
    tags = set(path)
    return tuple("in_" + tag for tag in ANCESTOR_TAGS if tag in tags)


@lru_cache(maxsize=4096)
def _groups_of(classes: tuple[str, ...]) -> tuple[str, ...]:
    """The class groups that any of these class and id words belongs to, sorted (a fixed order of additions)."""
    found: set[str] = set()
    for word in set(classes):
        found |= _word_groups(word)
    return tuple(sorted(found))


@lru_cache(maxsize=16384)
def _word_groups(word: str) -> frozenset[str]:
    return frozenset(name for name, pattern in CLASS_GROUPS.items() if pattern.search(word))


def _place(blocks: list[PageBlock], rows: list[dict], extracted: list[float]) -> None:
    """Where the block stands: in the page, against the first <h1>, against trafilatura's extraction."""
    n = len(blocks)
    counts = Counter(b.text for b in blocks)
    total = sum(len(b.text) for b in blocks) or 1
    first_h1 = next((i for i, b in enumerate(blocks) if b.tag == "h1"), None)
    kept = [i for i, share in enumerate(extracted) if share >= 0.5]
    first, last = (kept[0], kept[-1]) if kept else (None, None)
    done = 0
    for i, (b, f) in enumerate(zip(blocks, rows)):
        f["repeated"] = 1.0 if counts[b.text] > 1 else 0.0
        f["pos"] = i / n
        f["pos_chars"] = done / total
        done += len(b.text)
        if first_h1 is not None:
            f["after_h1"] = 1.0 if i > first_h1 else 0.0
            f["is_h1"] = 1.0 if i == first_h1 else 0.0
            f["h1_dist"] = min(abs(i - first_h1), 50) / 50.0
        f["traf"] = extracted[i]
        f["traf_kept"] = 1.0 if extracted[i] >= 0.5 else 0.0
        if first is None:
            f["no_traf"] = 1.0
        else:
            f["before_traf"] = 1.0 if i < first else 0.0
            f["after_traf"] = 1.0 if i > last else 0.0
            f["traf_dist"] = (min(first - i, 50) if i < first else min(i - last, 50) if i > last else 0) / 50.0


def _containers(blocks: list[PageBlock], rows: list[dict], extracted: list[float]) -> None:
    """What each of the block's nearest containers holds: blocks, share of the page's text, share of its own
    text that trafilatura extracted, that is link text, and of its blocks that end a sentence."""
    total = sum(len(b.text) for b in blocks) or 1
    sums = _container_sums(blocks, extracted)
    measured: dict[int, tuple[float, ...]] = {}  # each container's features, as many blocks share it
    for b, f in zip(blocks, rows):
        ancestors = b.ancestors
        for level, blocks_name, share_name, traf_name, link_name, term_name in _CONTAINER_NAMES:
            if len(ancestors) > level:
                a = ancestors[-1 - level]
                values = measured.get(a)
                if values is None:
                    count, chars, kept, links, ends = sums[a]
                    values = measured[a] = (math.log1p(count), chars / total, kept / (chars or 1),
                                            links / (chars or 1), ends / count)
                f[blocks_name], f[share_name], f[traf_name], f[link_name], f[term_name] = values


def _container_sums(blocks: list[PageBlock], extracted: list[float]) -> dict[int, list[int]]:
    """For each container (by number), what its blocks hold: blocks, characters, characters extracted, link
    characters, blocks that end a sentence.  Each block is added to its innermost container only, and each
    container's sums to its parent's, the innermost first (a container's number is larger than its parent's):
    once for each container, not once for each of a block's ancestors."""
    sums: dict[int, list[int]] = {}
    parents: dict[int, int] = {}
    for b, share in zip(blocks, extracted):
        path = b.ancestors
        if not path:
            continue
        chars = len(b.text)
        values = (1, chars, chars if share >= 0.5 else 0, b.link_chars, 1 if b.text.endswith(SCORED_ENDS) else 0)
        s = sums.get(path[-1])
        if s is None:
            sums[path[-1]] = list(values)
        else:
            for k, v in enumerate(values):
                s[k] += v
        for depth in range(len(path) - 1, 0, -1):  # the chain of parents, up to a container seen before
            if path[depth] in parents:
                break
            parents[path[depth]] = path[depth - 1]
    for a in sorted(parents, reverse=True):
        s = sums[a]
        above = sums.get(parents[a])
        if above is None:
            sums[parents[a]] = list(s)
        else:
            for k, v in enumerate(s):
                above[k] += v
    return sums


def _page(blocks: list[PageBlock], signals: PageSignals, extracted: list[float], url: str | None) -> dict[str, float]:
    """What the page says of itself (``_signals``), and its share of links and of extracted text."""
    total = sum(len(b.text) for b in blocks) or 1
    page = {
        "p_link": sum(b.link_chars for b in blocks) / total,
        "p_traf": sum(len(b.text) for b, share in zip(blocks, extracted) if share >= 0.5) / total,
        "p_blocks": math.log1p(len(blocks)) / 8,
    }
    page.update(_signals(signals, url))
    return page


def glance_features(signals: PageSignals, url: str | None, dated: bool, named: bool) -> dict[str, float]:
    """What tells an article page at a glance, before any block is read: what the page says of itself
    (``_signals``), whether its metadata gives a date (``dated``) and an author (``named``), and how its
    paragraphs and links read."""
    chars = signals.paragraph_chars + signals.link_chars or 1
    g = _signals(signals, url)
    g.update({
        "g_dated": 1.0 if dated else 0.0,
        "g_named": 1.0 if named else 0.0,
        "g_paragraphs": math.log1p(signals.paragraphs) / 6,
        "g_long": math.log1p(signals.long_paragraphs) / 5,
        "g_ended": signals.ended_paragraphs / (signals.long_paragraphs or 1),
        "g_prose": math.log1p(signals.paragraph_chars) / 12,
        "g_links": math.log1p(signals.links) / 7,
        "g_link_share": signals.link_chars / chars,
    })
    return g


def _signals(signals: PageSignals, url: str | None) -> dict[str, float]:
    """What the page says of itself: its types, a few counts, its address."""
    page = {
        "og_article": 1.0 if signals.og_type == "article" else 0.0,
        "og_product": 1.0 if "product" in signals.og_type else 0.0,
        "og_website": 1.0 if signals.og_type == "website" else 0.0,
        "p_articles": min(signals.articles, 20) / 20,
        "p_h2": min(signals.h2s, 40) / 40,
        "p_time": 1.0 if signals.has_time else 0.0,
        "p_img": min(signals.images, 100) / 100,
    }
    for name, types in LD_GROUPS.items():
        page[name] = 1.0 if signals.ld_types.intersection(types) else 0.0
    page.update(url_features(url))
    return page


_DATED_PATH = re.compile(r"/(?:19|20)\d\d(?:[/-]\d{1,2}){1,2}(?:/|-|$)")


def url_features(url: str | None) -> dict[str, float]:
    """The shape of the page's address: a date in its path, how deep the path is, how many words its last
    part has (an article's slug has many)."""
    if not url:
        return {"no_url": 1.0}
    path = urlsplit(url).path
    parts = [p for p in path.split("/") if p]
    last = parts[-1].rsplit(".", 1)[0] if parts else ""
    return {"url_dated": 1.0 if _DATED_PATH.search(path) else 0.0, "url_depth": min(len(parts), 8) / 8,
            "url_slug": min(len(re.split(r"[-_]+", last)) if last else 0, 16) / 16}


def class_features(blocks: list[PageBlock], rows: list[dict], table: dict[str, float]) -> None:
    """The learned weights of the class and id words around the block: their sum, extremes and count, and
    the sum over the nearest few."""
    weighed: dict[tuple[str, ...], tuple[float, ...]] = {}  # the blocks of a list or a grid share their words
    for b, f in zip(blocks, rows):
        found = weighed.get(b.classes)
        if found is None:
            values = [table[w] for w in sorted(set(b.classes[-CLASS_TABLE_WORDS:])) if w in table]
            near = [table[w] for w in sorted(set(b.classes[-4:])) if w in table]
            found = weighed[b.classes] = (added(values) / 5, max(values, default=0.0), min(values, default=0.0),
                                          len(values) / 10, added(near) / 3)
        f["cl_sum"], f["cl_max"], f["cl_min"], f["cl_n"], f["cl_near"] = found


def _neighbours(rows: list[dict]) -> None:
    """A few features of the two blocks before and after, and the extraction's share over a window."""
    n = len(rows)
    shown = [[f.get(k, 0.0) for k in NEIGHBOUR_KEYS] for f in rows]  # what a block shows its neighbours
    traf = [f["traf"] for f in rows]
    for i, f in enumerate(rows):
        for d, (traf_name, link_name, words_name, terminal_name, stop_name), edge in _NEIGHBOUR_NAMES:
            j = i + d
            if 0 <= j < n:
                f[traf_name], f[link_name], f[words_name], f[terminal_name], f[stop_name] = shown[j]
            else:
                f[edge] = 1.0
        lo, hi = max(0, i - 5), min(n, i + 6)
        f["traf_win5"] = added(traf[lo:hi]) / (hi - lo)


def covered(blocks_words: list[list[str]], extracted_texts: list[str]) -> list[float]:
    """For each block (its words, ``block_words``), the share of its words that the extracted texts hold in the
    same order (each run of three words found there; a block of one or two words found whole)."""
    if not blocks_words:
        return []  # an article page read without its blocks: the extraction's words are not needed
    tokens: list[str] = []
    for text in extracted_texts:
        tokens.extend(_lower_words(text))
    trigrams = set(zip(tokens, tokens[1:], tokens[2:]))
    pairs = set(zip(tokens, tokens[1:]))
    singles = set(tokens)
    shares = []
    for words in blocks_words:
        n = len(words)
        if n < 3:
            whole = n == 1 and words[0] in singles or n == 2 and (words[0], words[1]) in pairs
            shares.append(1.0 if whole else 0.0)
        else:
            shares.append(_share_in_runs(words, trigrams))
    return shares


def block_words(blocks: list[PageBlock]) -> list[list[str]]:
    """Each block's words as ``covered`` compares them, read once for the extraction and its candidate."""
    return [_lower_words(b.text) for b in blocks]


def _share_in_runs(words: list[str], trigrams: set[tuple[str, str, str]]) -> float:
    """The share of the words (three or more) that stand in a run of three found among the trigrams."""
    found = [run in trigrams for run in zip(words, words[1:], words[2:])]
    if not any(found):
        return 0.0
    # Word i stands in the runs that start at i - 2, i - 1 and i.
    hit = sum(map(any, zip([False, False] + found, [False] + found + [False], found + [False, False])))
    return hit / len(words)


def _lower_words(text: str) -> list[str]:
    """The text's ``WORD`` matches in lower case (``words_of``, where the text is ASCII: the same words, faster)."""
    return words_of(text) if text.isascii() else WORD.findall(text.lower())
