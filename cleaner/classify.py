"""Stage 3: heuristic classification of blocks as content or boilerplate.

Two passes, in the manner of jusText, then a third that finds the article:

1. ``first_pass``: each block on its own features (length, words, terminal punctuation,
   stop-word density, share of digits and link-like tokens) -> good / neargood / short / bad.
   Before it, a block repeated on the page or part of a teaser list is bad at once (but the first copy of a
   long paragraph whose later copy a reply follows is a quoted post's own, judged after all, and so is the first
   copy of a line or of a card that the page prints twice in a row: ``doubled_lines``, ``doubled_groups``); after it, a
   content-like block that a rule calls noise (a long cookie notice) is bad too, and so is a short
   line a rule names ("Privacy Policy") when it stands near a good block.
2. ``context_pass``: short and near-good blocks take the class of their decided neighbours
   (a short subheading between two good paragraphs stays; a short line among menus goes).
3. ``article_span``: the article is the densest run of good blocks (starting after its headline when
   the URL names it: ``headline_anchor``), stretched over the lists that cut it short (``across_lists``: a
   review's pros and cons, a plan's prices), ended early by a heading that opens the after-article
   sections ("Related stories"), by a list of teasers (``headline_pairs``) or by a run of teaser titles
   at its tail (``cut_trailing_titles``); everything outside it is dropped, whatever it looks like
   (teasers, comments, footers), unless the run is no article and more good text stands outside it (a
   list page: ``is_no_article``; then every good line is content).  Between its good blocks, a short line that
   only its length or shape put out is a list's item and stays (``_keep_items``).  Inside it, a text repeated only there
   is the article's own (``_restore_inner_repeats``), and so is a heading that its table of contents repeats, where
   one copy stands above a paragraph (``_restore_headings``), and its lead right above it that the page repeats
   elsewhere (``repeated_lead``); a long line in capitals is a banner and goes (``_is_banner``).

Every block that ends up bad carries a rule name in ``block.reason`` for ``--explain``.  The module reads in
this order: ``classify``, which runs the steps, then each step under its own header; last, ``first_paragraph``, which
the pipeline asks once the stage is done.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from .article import Block, Record
from .authors import is_person_name
from .dates import dates_in
from .lazy_re import LazyPattern
from .lexicon import Lexicon, PhraseSet
from .options import Options
from .text import FINAL_MARKS, PHRASE_WORD, SENTENCE_WORDS, TERMINAL, unquoted, words_of
from .title import is_any_case_title, is_capitalised_headline, is_teaser_title, slug_match, url_slug_tokens

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_URLISH = LazyPattern(r"(?:https?://|www\.)\S{1,2000}|[^\s@]{1,64}@[^\s@]{1,253}\.\w+", re.I)
_COPYRIGHT = LazyPattern(r"\(c\)|copyright\b.{0,40}\d{4}", re.I)
_DIGIT = re.compile(r"\d")

# Kana, CJK ideographs and Hangul: a few milliseconds to compile, and a text in ASCII never needs it
_CJK = LazyPattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


# The reasons the stage gives (``block.reason``, and ``--explain``); a rule's name where a rule called it noise.
REPEATED_ON_PAGE = "heuristic.repeated_on_page"
DOUBLED_LINE = "heuristic.doubled_line"  # the second copy of a line printed twice in a row
BOILERPLATE = "heuristic.boilerplate"
TEASER = "heuristic.teaser"  # a line of a teaser list (``teaser_runs``) or a teaser's link glued to its title


def is_heuristic(reason: str) -> bool:
    """Whether a reason is this stage's own, not the name of a rule it asked."""
    return reason.startswith("heuristic.")


# --- The stage: the steps below, in the order they run ------------------------------------------------------
LANGUAGE_SAMPLE = 40_000  # characters of content-like lines read to choose the stop-word language


def classify(blocks: list[Block], opts: Options, lex: Lexicon,
             noise: Callable[[Block], str | None] = lambda block: None,
             trace: list[tuple] | None = None) -> tuple[str | None, tuple[int, int]]:
    """Label every block in place; return the detected stop-word language (ISO 639-1) or None, and the
    article's span (first and last index; every good block lies in it).

    ``noise`` names the rule that calls a block noise; it is asked about the blocks that look like
    content, so that a long cookie notice or promo does not stretch the article's span.  ``trace``, when given,
    receives each block's (label, reason, (words, stop-word share) or None) after the first pass, and whether it
    stands in a list of teasers and after an early end of the article (the learned line scorer reads them)."""
    repeated = {text for text, n in Counter([b.text for b in blocks]).items() if n > 1}
    twice = printed_twice(blocks, repeated, opts) if repeated else set()
    doubled = {**doubled_lines(blocks, repeated), **{k: first for k, first in doubled_groups(blocks, repeated).items()
                                                     if first not in twice}} if repeated else {}
    own = twice.union(doubled.values())
    teasers = teaser_runs(blocks)
    candidates = []  # (block, its words or None): the blocks that need their features
    sample = 0  # characters whose words are kept for the language choice (bounded: memory)
    for i, b in enumerate(blocks):
        if i in doubled:
            b.label, b.reason = "bad", DOUBLED_LINE
            continue
        if b.text in repeated and i not in own:  # teasers, menus and widgets repeat on a page; an article's
            b.label, b.reason = "bad", REPEATED_ON_PAGE  # paragraphs do not
            continue
        if i in teasers or _says_twice(b.text):
            b.label, b.reason = "bad", TEASER
        elif is_markup(b.text):
            b.label, b.reason = "bad", MARKUP
        elif len(b.text) < opts.length_low and (b.text.isascii() or not _CJK.search(b.text, 0, 20)):
            b.label, b.reason = "short", "heuristic.short"  # most menu lines end here
        elif sample < LANGUAGE_SAMPLE:
            sample += len(b.text)
            candidates.append((b, words_of(b.text)))
        else:
            candidates.append((b, None))
    # the language, from the words of content-like lines (menus say little of it)
    lang, stopwords = choose_stopwords([words for _, words in candidates if words is not None], lex)
    measured = {}  # id(block) -> (words, stop-word share), for the trace
    for b, words in candidates:
        words = words_of(b.text) if words is None else words
        f = features(b.text, words, stopwords)
        b.label, b.reason = first_pass(b, f, opts, bool(stopwords))
        if trace is not None:
            measured[id(b)] = (f.words, f.stop_density)
        if b.label in ("good", "neargood"):
            hit = noise(b)
            if hit:
                b.label, b.reason = "bad", hit
    if repeated:
        _restore_quoted_posts(blocks, repeated, opts, stopwords, noise)
    for k, first in doubled.items():  # a copy goes as its line goes, until the end
        blocks[k].label, blocks[k].reason = blocks[first].label, blocks[first].reason
    _short_noise(blocks, noise)
    if trace is not None:
        trace.extend((b.label, b.reason, measured.get(id(b))) for b in blocks)
    context_pass(blocks)
    for k, first in doubled.items():  # the copies of a kept line have done their part (a bad line's stay bad)
        if blocks[first].label == "good":
            blocks[k].label, blocks[k].reason = "bad", DOUBLED_LINE
    anchor = headline_anchor(blocks, opts.url)
    gains = [_gain(b, opts) for b in blocks]  # the labels hold until the span has reached across the lists
    start, end = article_span(gains, anchor)
    core = start, end  # the densest run, before it reaches across lists: is_no_article weighs it alone
    after_headline = anchor is not None and anchor < start <= anchor + ANCHOR_REACH
    start, end = across_lists(blocks, gains, start, end, opts, anchor + 1 if after_headline else 0)
    pairs = headline_pairs(blocks, noise)
    span_end = end
    end = cut_at_terminator(blocks, start, end, lex, pairs, opts.length_high)
    end = cut_trailing_titles(blocks, start, end)
    in_lists = {k for i, j in pairs.items() for k in range(i, j)}
    end = resume_after_box(blocks, end, opts, lex, in_lists)
    span_end = max(span_end, end)
    if trace is not None:  # and where the article's end was cut, and the teaser lists
        for k in range(len(blocks)):
            trace[k] += (k in in_lists, end < k <= span_end)
    _restore_inner_repeats(blocks, start, end, opts, stopwords)
    start = repeated_lead(blocks, start, opts, stopwords)
    anchored = anchor is not None and anchor < start <= anchor + ANCHOR_REACH  # the article after its headline
    thread = first_post(blocks)  # a thread that numbers its posts: its posts are the content
    if thread is not None or ((not anchored) and end == span_end
            and is_no_article(blocks, max(start, core[0]), min(end, core[1]), in_lists, opts)):
        start, end = min(start, thread or 0), len(blocks) - 1 if thread is None else thread_end(blocks, thread, opts)
        _keep_items(blocks, start, end, in_lists, ITEM_MIN_WORDS)
    else:
        _keep_items(blocks, start, end, in_lists, LIST_ITEM_MIN_WORDS, is_list_item)
        _keep_table_rows(blocks, start, end, in_lists)
    _restore_headings(blocks, start, end, noise)
    for i, b in enumerate(blocks):
        if b.label == "good" and _is_banner(b.text):
            b.label, b.reason = "bad", "heuristic.all_caps"
        elif b.label == "good" and not start <= i <= end:
            b.label, b.reason = "bad", "heuristic.outside_article"
        elif b.label != "good" and not b.reason:
            b.reason = BOILERPLATE
        elif b.label == "good":
            b.reason = ""
    return lang, (start, end)


# --- 1. First pass: each block on its own features ----------------------------------------------------------
class Features(Record):
    __slots__ = ("chars", "words", "stop_density", "terminal", "digit_share", "link_share", "cjk")

    def __init__(self, chars: int, words: int, stop_density: float, terminal: bool, digit_share: float,
                 link_share: float, cjk: bool) -> None:
        self.chars = chars
        self.words = words
        self.stop_density = stop_density
        self.terminal = terminal
        self.digit_share = digit_share
        self.link_share = link_share
        self.cjk = cjk


INTRO_MIN_WORDS = 6


def features(text: str, words: list[str], stopwords: frozenset[str]) -> Features:
    """The features of a block, from its text and its lower-cased words."""
    n = len(words)
    length = len(text)
    cjk = not text.isascii() and len(_CJK.findall(text, 0, 400)) > 0.3 * min(length, 400)
    stop = sum(map(stopwords.__contains__, words)) / n if n else 0.0
    digits = len(_DIGIT.findall(text)) / length if length else 0.0
    links = sum(map(len, _URLISH.findall(text))) / length if "/" in text or "@" in text or "www" in text else 0.0
    end = text.rstrip()
    # a colon ends a sentence that opens a quote or a list ("The statement read:"), not a label ("Share this:")
    terminal = end.endswith(TERMINAL) or (end.endswith(":") and n >= INTRO_MIN_WORDS)
    return Features(length, n, stop, terminal, digits, links, cjk)


def choose_stopwords(word_lists: list[list[str]], lex: Lexicon) -> tuple[str | None, frozenset[str]]:
    """The language whose stop words cover the words best (lower-cased, as lists), and its stop words."""
    sample = Counter(chain.from_iterable(word_lists))
    total = sum(sample.values())
    if not total:
        return None, frozenset()
    hits = dict.fromkeys(lex.stopwords, 0)
    languages = _stopword_languages(lex)
    for word in languages.keys() & sample.keys():
        for lang in languages[word]:
            hits[lang] += sample[word]
    best, best_hits = None, 0
    for lang, n in hits.items():  # in the lexicon's order: the first of equals wins
        if n > best_hits:
            best, best_hits = lang, n
    if best is None or best_hits < 0.08 * total:
        return None, frozenset()
    return best, lex.stopwords[best]


@lru_cache(maxsize=4)
def _stopword_languages(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each stop word -> the languages whose list holds it."""
    languages: dict[str, list[str]] = {}
    for lang, words in lex.stopwords.items():
        for word in words:
            languages.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in languages.items()}


def first_pass(block: Block, f: Features, opts: Options, has_stopwords: bool) -> tuple[str, str]:
    """Class and reason of one block from its own features."""
    if f.link_share > opts.max_link_density:
        return "bad", "heuristic.link_like"
    if f.words == 0 or f.digit_share > 0.5:
        return "bad", "heuristic.no_words"
    if "©" in block.text or (block.text[:9].lower().startswith(("(c)", "copyright")) and _COPYRIGHT.match(block.text)):
        return "bad", "heuristic.copyright"
    if f.cjk:  # no spaces, no stop-word lists: length and sentence punctuation decide
        if f.chars >= 60 and f.terminal:
            return "good", ""
        return ("short", "heuristic.short") if f.chars < 40 else ("neargood", "heuristic.not_sentence_like")
    if f.chars < opts.length_low:
        return "short", "heuristic.short"
    stop_ok = f.stop_density >= opts.stopwords_low or not has_stopwords
    if f.chars >= opts.length_high and stop_ok and (f.terminal or f.words >= 30):
        return "good", ""
    if f.terminal and stop_ok and f.words >= 8:
        return "good", ""
    if f.terminal and f.words >= 15 and f.stop_density >= opts.stopwords_low / 2:
        return "good", ""  # a long sentence dense with names (news prose) has few stop words
    if f.stop_density >= opts.stopwords_high or (not has_stopwords and f.terminal):
        return "neargood", "heuristic.not_sentence_like"
    return "bad", "heuristic.not_sentence_like"


# --- Before the first pass: a repeat or a teaser list is bad at once ----------------------------------------
DUPLICATE_RUN = 3  # long paragraphs repeated in the same order that make a passage printed twice
ONCE_SHARE = 3  # a passage printed twice holds this many times the long text that stands once on the page


def printed_twice(blocks: list[Block], repeated: set[str], opts: Options) -> set[int]:
    """Where the page prints a passage twice over (a print view beside the page, a second or third
    rendering of the article for another screen): the indices of its first copy, whose lines are judged on
    their features after all.  A passage is at least DUPLICATE_RUN long paragraphs that repeat in the same
    order, and holds more long text than the long paragraphs that stand once on the page (an author's box);
    every repeated line between its first and last paragraph's first copies is the passage's (its headings and
    list items repeat with it).  Where more long text stands once, repeated texts are widgets' (a teaser
    carousel shown twice) and go."""
    where: dict[str, list[int]] = {}
    once = 0  # characters of the long paragraphs that stand once
    for i, b in enumerate(blocks):
        if len(b.text) >= opts.length_high:
            if b.text in repeated:
                where.setdefault(b.text, []).append(i)
            else:
                once += len(b.text)
    pairs = sorted((at[0], at[1]) for at in where.values())  # (first, second) copy
    found: set[int] = set()
    run: list[tuple[int, int]] = []
    for first, second in pairs + [(len(blocks), len(blocks))]:  # a sentinel ends the last run
        if run and run[-1][1] < second and first < run[-1][1]:  # the same order, the first copy not done
            run.append((first, second))
            continue
        if len(run) >= DUPLICATE_RUN and sum(len(blocks[i].text) for i, _ in run) >= ONCE_SHARE * once:
            found.update(k for k in range(run[0][0], run[-1][0] + 1) if blocks[k].text in repeated)
        run = [(first, second)]
    return found


REPLY_REACH = 3  # blocks after a quote where the reply's first paragraph stands (a user name, a date between)


def _restore_quoted_posts(blocks: list[Block], repeated: set[str], opts: Options, stopwords: frozenset[str],
                          noise: Callable[[Block], str | None]) -> None:
    """A long paragraph whose later copy is followed by new prose (a forum post quoted in a reply, the reply
    right after the quote) is the post's own: its first copy is judged on its features after all.  A teaser
    printed twice is followed by more teasers, by a footer's lines or by nothing."""
    first: dict[str, int] = {}
    for i, b in enumerate(blocks):
        if b.reason != REPEATED_ON_PAGE or len(b.text) < opts.length_high:
            continue
        if b.text not in first:
            first[b.text] = i
        elif _reply_after(blocks, first[b.text], i, repeated, opts):
            post = blocks[first.pop(b.text)]
            post.label, post.reason = first_pass(post, features(post.text, words_of(post.text), stopwords), opts,
                                                 bool(stopwords))
            if post.label != "bad":
                hit = noise(post)
                if hit:
                    post.label, post.reason = "bad", hit


def _reply_after(blocks: list[Block], first: int, copy: int, repeated: set[str], opts: Options) -> bool:
    """Whether the quote that holds a later copy ends in new prose: past the lines that follow both copies
    alike (the rest of the quoted post), the next line that is not short stands once on the page and is
    good on its own features.  A quote under an attribution line, or that opens with one, needs no long reply
    after it."""
    before = blocks[first - 1].text if first else None
    if before == blocks[copy - 1].text and len(before) < opts.length_high:
        return False  # a name or a headline printed with it each time: a testimonial, a teaser
    header = blocks[copy - 1].text
    if len(header) < opts.length_low and header.endswith(":") and _is_attribution(header[:-1]):
        return True  # "anna_k said:" above the quote
    head, colon, _ = blocks[copy].text.partition(": ")
    if colon and _is_attribution(head):
        return True  # "anna_k said: I bought the same model ...": the attribution on the quote's own line
    k = 1
    while copy + k < len(blocks) and first + k < copy and blocks[first + k].text == blocks[copy + k].text:
        k += 1
    for after in range(copy + k, min(len(blocks), copy + k + REPLY_REACH)):
        if len(blocks[after].text) >= opts.length_low:
            return blocks[after].text not in repeated and blocks[after].label == "good"
    return False


ATTRIBUTION_WORDS = (2, 4)  # words of a quote's attribution before its colon: a name and a verb


def _is_attribution(head: str) -> bool:
    """Whether the words before a colon attribute a quote: a user name and a lower-case verb ("anna_k said",
    "Tom Berg wrote"), in the characters of names.  A label ("Download the Paper") has its words capitalised,
    a dateline ("NEW DELHI") too, and markup ('style="display') has other characters."""
    words = head.split()
    return (ATTRIBUTION_WORDS[0] <= len(words) <= ATTRIBUTION_WORDS[1] and words[-1][:1].islower()
            and all(ch.isalnum() or ch in "@._- " for ch in head))


def doubled_lines(blocks: list[Block], repeated: set[str]) -> dict[int, int]:
    """Lines printed twice (or more) in a row and nowhere else on the page (a text drawn again for a hover
    effect or another screen size): each copy after the first -> the index of its first.  The first is judged
    on its features as a line that stands once; each copy takes its class through the context pass, then a
    copy of a good line goes as DOUBLED_LINE, which neither adds to the article's span nor breaks it."""
    runs: dict[str, list[tuple[int, int]]] = {}  # text -> its runs of consecutive copies (start, end)
    for i, b in enumerate(blocks):
        if b.text in repeated:
            spans = runs.setdefault(b.text, [])
            if spans and spans[-1][1] == i - 1:
                spans[-1] = (spans[-1][0], i)
            else:
                spans.append((i, i))
    return {k: start for spans in runs.values() if len(spans) == 1
            for start, end in spans for k in range(start + 1, end + 1)}


GROUP_REACH = 8  # lines of a group printed twice in a row


def doubled_groups(blocks: list[Block], repeated: set[str]) -> dict[int, int]:
    """Runs of two to GROUP_REACH lines printed again right after themselves and nowhere else on the page (a
    card's title and text drawn twice for a slider or another screen size): each line of the second copy -> the
    index of its first, as ``doubled_lines`` gives them.  A teaser printed twice with a label between its copies
    is no such run (``_reply_after``)."""
    where: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.text in repeated:
            where.setdefault(b.text, []).append(i)
    twice = {at[0]: at[1] - at[0] for at in where.values() if len(at) == 2 and 2 <= at[1] - at[0] <= GROUP_REACH}
    found: dict[int, int] = {}
    free = 0  # the first line not in a run found
    for i in sorted(twice):
        size = twice[i]
        if i >= free and all(twice.get(i + k) == size for k in range(size)):
            found.update((i + k + size, i + k) for k in range(size))
            free = i + size
    return found


TEASER_RUN = 3  # consecutive blocks under one section label that make a teaser list


def teaser_runs(blocks: list[Block]) -> set[int]:
    """Indices of runs of blocks that all open with the same two capitalised words, a section label
    glued to each teaser ("Company Town Paramount shakes up ...", "Company Town Fox News signs ...")."""
    found: set[int] = set()
    run: list[int] = []
    label = None
    for i, b in enumerate(blocks):
        words = b.text.split(None, 2)
        key = ((words[0], words[1]) if len(words) == 3 and words[0][0].isupper() and words[1][0].isupper()
               and not _defines_a_term(b.text) else None)
        if key is not None and key == label:
            run.append(i)
        else:
            if len(run) >= TEASER_RUN:
                found.update(run)
            run, label = ([i], key) if key else ([], None)
    if len(run) >= TEASER_RUN:
        found.update(run)
    return found


TERM_WORDS = 6  # words of the term a definition list's item defines before its colon


def _defines_a_term(text: str) -> bool:
    """An item of a definition list: a term of up to TERM_WORDS words, a colon, and a sentence that explains it
    ("Principle Of Prudence: This principle aims to show the reality as it is.").  Items that open with the
    same words are an article's list, not teasers under one section label."""
    term, colon, rest = text.partition(":")
    return (bool(colon) and len(term.split()) <= TERM_WORDS and rest.rstrip().endswith(TERMINAL)
            and len(rest.split()) >= SENTENCE_WORDS)


MARKUP = "heuristic.markup"  # a page's markup scraped as a line of text (``is_markup``)
MARKUP_CHARS = 2000  # a line of markup that holds an article is longer
MARKUP_PARAGRAPHS = 5  # paragraph tags in it
_PARAGRAPH_TAG = LazyPattern(r"<p[\s>]", re.I)


def is_markup(text: str) -> bool:
    """A line of HTML markup that holds a whole article, which the scraper read as text: a "Republish this
    story" box that offers the article's code to copy ("<h1>Title</h1> <p>..."), MARKUP_CHARS long or more,
    with MARKUP_PARAGRAPHS paragraph tags.  (A snippet of HTML that a tutorial prints is shorter.)"""
    if len(text) < MARKUP_CHARS or not text.lstrip().startswith("<"):
        return False
    found = _PARAGRAPH_TAG.finditer(text)
    return sum(1 for _ in zip(range(MARKUP_PARAGRAPHS), found)) == MARKUP_PARAGRAPHS


def _says_twice(text: str) -> bool:
    """A block whose second half repeats its first: a teaser's link text glued to its own title."""
    if len(text) > 400:  # teasers are short; a long text that repeats itself is something else
        return False
    if len(text) < 15:  # no room for the 8 words it takes
        return False
    words = text.split()
    half = len(words) // 2
    return half >= 4 and words[:half] == words[half:2 * half]


# --- After the first pass: a short line a rule names, next to a good block ----------------------------------
def _short_noise(blocks: list[Block], noise: Callable[[Block], str | None]) -> None:
    """A short block that a rule calls noise ("Subscribe", "Privacy Policy") is bad before the context
    pass, so that a run of footer links after the article does not take the class of a good block
    beyond it.  Only shorts next to a good block (through other shorts) are asked: between two bad
    blocks a short ends bad anyway."""
    nxt, prev = _following(blocks, ("good", "bad")), "bad"
    for i, b in enumerate(blocks):
        if b.label == "short" and "good" in (prev, nxt[i]):
            hit = noise(b)
            if hit:
                b.label, b.reason = "bad", hit
        if b.label in ("good", "bad"):
            prev = b.label


# --- 2. Context pass ----------------------------------------------------------------------------------------
def context_pass(blocks: list[Block]) -> None:
    """jusText's revision: short and near-good blocks follow their decided neighbours.

    A short block between two good blocks is good, between two bad ones bad; the first sweep leaves the
    others short (jusText's "short edge": a good block on one side, a bad one on the other), and the second
    decides them.  Each sweep goes left to right, so a block's left neighbour may be one this sweep just
    decided."""
    decided, decided_or_near = ("good", "bad"), ("good", "bad", "neargood")
    nxt, prev = _following(blocks, decided), "bad"
    for i, b in enumerate(blocks):
        if b.label == "short":
            if prev == nxt[i] == "good":
                b.label = "good"
            elif prev == nxt[i] == "bad":
                b.label = "bad"
        if b.label in decided:
            prev = b.label
    nxt, prev = _following(blocks, decided_or_near), "bad"
    for i, b in enumerate(blocks):
        if b.label == "short":  # a short edge
            near_good = "good" in (prev, nxt[i])
            b.label = "good" if near_good and _short_heading_before_good(blocks, i) else "bad"
        if b.label in decided_or_near:
            prev = b.label
    nxt, prev = _following(blocks, decided), "bad"
    for i, b in enumerate(blocks):
        if b.label == "neargood":
            b.label = "bad" if prev == nxt[i] == "bad" else "good"
        if b.label in decided:
            prev = b.label


def _following(blocks: list[Block], accept: tuple[str, ...]) -> list[str]:
    """For each block, the label of the nearest block after it whose label is one of ``accept``
    ("bad" past the end)."""
    out = []
    last = "bad"
    for b in reversed(blocks):
        out.append(last)
        if b.label in accept:
            last = b.label
    out.reverse()
    return out


def _short_heading_before_good(blocks: list[Block], i: int) -> bool:
    """A short block right before a good one is a subheading (kept); right after one, a tail (dropped)."""
    return i + 1 < len(blocks) and blocks[i + 1].label == "good"


# --- 3. The article's span: the densest run of good blocks, after the headline ------------------------------
ANCHOR_MATCH = 0.6  # the least F1 of a line's words against the URL slug's for it to be the headline


def headline_anchor(blocks: list[Block], url: str | None) -> int | None:
    """The last of the lines that best repeat the headline in the page's URL ("/us-sport-corona-100.html"
    -> "US-Sport in Zeiten von Corona"), when one matches well; else None."""
    slug = url_slug_tokens(url)
    if len(slug) < 2:
        return None
    best, best_at = ANCHOR_MATCH, None
    for i, b in enumerate(blocks):
        if len(b.text) <= 250:
            score = slug_match(b.text, slug)
            if score >= best:
                best, best_at = score, i
    return best_at


ANCHOR_REACH = 8  # blocks after the headline where the article may start
ANCHOR_SHARE = 0.3  # the content the run after the headline needs, against the best run


def article_span(gains: Sequence[float], anchor: int | None = None) -> tuple[int, int]:
    """The run of blocks with the most content, from what each adds to a run (``_gain``): a maximum-sum
    segment where good text counts for itself and every block of boilerplate costs a little (so one menu line
    does not split an article, but a long menu or a footer does).

    An article follows its headline: when the ``anchor`` (the line that repeats the headline in
    the page's URL) is known, the best run starting just after it wins unless another run holds
    far more content (a login dialog or a comment thread outweighs a short article on its own)."""
    best, best_span = _best_run(gains, range(len(gains)))
    if anchor is not None:
        near, near_span = _best_run(gains, range(anchor + 1, min(len(gains), anchor + 1 + ANCHOR_REACH)))
        after_headline = best_span[0] <= anchor + ANCHOR_REACH and best_span[1] > anchor
        if not after_headline and near >= ANCHOR_SHARE * best:
            return near_span
    return best_span


def _gain(block: Block, opts: Options) -> float:
    """What a block adds to a run: a good block its length (up to 600 characters); any other costs the price of
    a block and a little for each character (up to 400).  A short line the page repeats costs its characters
    alone: such labels interleave content (a forum's "Reply" and "Quote" under every post, a gallery's counters,
    "Share" under each section), and at a block's price each would split it."""
    if block.label == "good":
        return min(len(block.text), 600)
    if block.reason == DOUBLED_LINE:
        return 0.0  # a copy of the line before it: it neither adds nor breaks
    if block.reason == REPEATED_ON_PAGE and len(block.text) < opts.length_low:
        return -opts.span_char_cost * len(block.text)  # a label the page repeats (Reply, Share, 1, 2): its characters
    return -(opts.span_block_cost + opts.span_char_cost * min(len(block.text), 400))


def _best_run(gains: Sequence[float], starts: range) -> tuple[float, tuple[int, int]]:
    """The maximum-sum run of gains that starts at one of ``starts`` (all starts: Kadane's scan)."""
    best, best_span = 0.0, (0, -1)
    if len(starts) == len(gains):
        run, start = 0.0, 0
        for i, gain in enumerate(gains):
            if run <= 0:
                run, start = 0.0, i
            run += gain
            if run > best:
                best, best_span = run, (start, i)
        return best, best_span
    for start in starts:
        run = 0.0
        for i in range(start, len(gains)):
            run += gains[i]
            if run > best:
                best, best_span = run, (start, i)
    return best, best_span


# --- The span reaches across the article's lists ------------------------------------------------------------
SPAN_ITEM_WORDS = 4  # words of a list's item that the span reaches across (a menu's line has fewer)


def across_lists(blocks: list[Block], gains: Sequence[float], start: int, end: int, opts: Options,
                 first: int = 0) -> tuple[int, int]:
    """The article's span, stretched over the lists that cut it short: a list of items (a review's pros and cons,
    a plan's prices, a course's topics) is a run of short lines that are no sentence, and at a block's price each
    item ends the densest run before the article does.  Past either end, a list's item (``_is_span_item``, next to
    another) costs its characters alone, any other block its ``gains``; the span grows to the farthest block where
    what it gains beyond the lists outweighs what they and the rest cost (the densest run's own rule, from its end
    outwards); its start not before ``first`` (past the headline)."""
    if end < start:
        return start, end
    # False past the end, and before the start ([-1]); the walks read none inside the span
    item = [not start < i < end and _is_span_item(b, opts) for i, b in enumerate(blocks)] + [False]

    def gain(i: int) -> float:
        if item[i] and (item[i - 1] or item[i + 1]):
            return -opts.span_char_cost * len(blocks[i].text)
        return gains[i]

    return _farthest(gain, range(start - 1, first - 1, -1), start), _farthest(gain, range(end + 1, len(blocks)), end)


def _farthest(gain: Callable[[int], float], indices: range, at: int) -> int:
    """The index among ``indices`` (walked in order) where the sum of gains since the first peaks above 0; ``at``
    when it never does."""
    run = best = 0.0
    for i in indices:
        run += gain(i)
        if run > best:
            best, at = run, i
    return at


def _is_span_item(block: Block, opts: Options) -> bool:
    """A line that may be a list's item in the article: put out by its length or shape alone, shorter than a
    paragraph, of SPAN_ITEM_WORDS words or more, not a sentence (a teaser's blurb ends like one) and not a date
    or a count (``is_list_item``)."""
    text = block.text
    return (block.label != "good" and block.reason in ITEM_REASONS and len(text) < opts.length_high
            and not text.endswith(TERMINAL)
            and len(text.split()) >= SPAN_ITEM_WORDS and is_list_item(text))


# --- Where the article ends early: a section heading, a teaser list, a run of titles ------------------------
NOISE_RUN = 3  # blocks in a row that named rules call noise, which end the article (two: a photo's credit and caption)
LIST_AFTER = 0.8  # the share of the article's text that stands before a teaser list that ends it
ITEM_LABELS = 3  # lines of the span one section heading's phrase heads, each naming an item: a list's labels


def cut_at_terminator(blocks: list[Block], start: int, end: int, lex: Lexicon,
                      teaser_lists: dict[int, int] | None = None, paragraph_chars: int = 150) -> int:
    """End the article at a heading that opens the page's after-article sections ("Related stories",
    "Most popular", "Comments"), or at a list of teasers (``teaser_lists``: where each begins -> where it
    ends), once most of the article's text has been seen (boilerpipe's terminating blocks): half of it before a
    heading, LIST_AFTER of it before a list (subheadings over one short paragraph each read as a list of
    teasers: in a how-to or an essay they are sections of the article, and such sections start early; and
    sections are what a list is that a paragraph of ``paragraph_chars`` or more, a sentence, closes: "So there
    you have it! ...", where a list of teasers ends at the page's footer or a call to sign up).  NOISE_RUN
    blocks in a row that named rules call noise end it too (``_named_noise_run``), after half its text; the first
    comment's header too ("Jenny says:", ``is_comment_header``), whatever class the context pass
    gave it between the comments' paragraphs, unless one stands before the span (``_headed_posts``).  A heading
    ends it earlier where what follows reads as the page's sections (``_early_end``)."""
    teaser_lists = teaser_lists or {}
    in_lists = {k for i, j in teaser_lists.items() for k in range(i, j)}
    # the teasers' own text is not the article's: a long list after a short article must not hide it
    total = sum(len(blocks[i].text) for i in range(start, end + 1) if blocks[i].label == "good" and i not in in_lists)
    seen = 0
    for i in range(start, end + 1):
        b = blocks[i]
        if seen >= 0.5 * total and _named_noise_run(blocks, i, end):
            return i - 1
        if seen >= LIST_AFTER * total and i in teaser_lists and not _closed_by_paragraph(
                blocks, teaser_lists[i], end, paragraph_chars):
            return i - 1
        header = is_comment_header(b.text, lex)
        if seen >= 0.5 * total and ((header and not _headed_posts(blocks, paragraph_chars, lex))
                                    or is_author_box(blocks, i, lex) or opens_form(blocks, i)):
            return i - 1  # whatever class the context pass gave it
        if b.label == "good" and not header:
            seen += len(b.text)
        elif (seen >= EARLY_SHARE * total and _is_section_heading(b.text, lex)
              and (seen >= 0.5 * total or _early_end(blocks, start, i, end, paragraph_chars))
              and not _is_item_label(blocks, i, start, end, lex)):
            return i - 1
    return end


FIELD_LABEL_WORDS = 4  # words of a form's field label ("First Name *", "Email Address*")
FORM_REACH = 3  # lines from a form's first required field within which the next one stands


def opens_form(blocks: list[Block], i: int) -> bool:
    """Whether the line at ``i`` is the first of a form's required fields ("First Name *"), with the next one
    within FORM_REACH lines ("Last Name *", "Email *"): a sign-up, contact or comment form, no article's text."""
    return _is_required_field(blocks[i].text) and any(
        _is_required_field(b.text) for b in blocks[i + 1:i + FORM_REACH + 1])


def _is_required_field(text: str) -> bool:
    """A form's label of a field one must fill: a few words and the one asterisk that marks it ("Email *"); not
    a value with a footnote's mark ("Illnesses: 15 days*") nor a name masked in a review ("– Ali***")."""
    if not text.endswith("*") or text.endswith("**") or len(text) > 40 or not text[0].isalpha():
        return False
    label = text[:-1]
    return ":" not in label and not any(c.isdigit() for c in label) and len(label.split()) <= FIELD_LABEL_WORDS


EARLY_SHARE = 0.4  # the share of the article's text before a section heading that may end it before half of it


def _early_end(blocks: list[Block], start: int, i: int, end: int, paragraph_chars: int) -> bool:
    """Whether a section heading at ``i``, with EARLY_SHARE of the article's text before it but less than half,
    ends the article: a comment thread or a list of teasers under it holds more text than a short article does
    (each comment, each teaser's summary a paragraph).  It does when the span reads as an article before it
    (ARTICLE_PARAGRAPHS paragraphs of ``paragraph_chars`` or more), the page prints it once (a label it repeats
    is a button or a menu's: "Read More"), and no two such paragraphs stand in a row under it in the span:
    comments and teasers stand apart, between names, dates, titles and buttons; an article goes on in
    paragraphs after a box of links."""
    if blocks[i].reason == REPEATED_ON_PAGE:
        return False
    long = [b.label == "good" and len(b.text) >= paragraph_chars for b in blocks[start:end + 1]]
    head, rest = long[:i - start], long[i - start + 1:]
    return sum(head) >= ARTICLE_PARAGRAPHS and not any(a and b for a, b in zip(rest, rest[1:]))


def _headed_posts(blocks: list[Block], paragraph_chars: int, lex: Lexicon) -> bool:
    """Whether a comment's header stands before the page's first long paragraph (``paragraph_chars``, kept by
    the first pass): the page is a thread whose posts its headers head, the first one too ("Pepper Pot Jun 7,
    2017 at 8:28 pm" over the question), not a post's comments under it."""
    for b in blocks:
        if is_comment_header(b.text, lex):
            return True
        if b.label == "good" and len(b.text) >= paragraph_chars:
            return False
    return False


def _named_noise_run(blocks: list[Block], i: int, end: int) -> bool:
    """Whether NOISE_RUN blocks in a row from ``i`` (inside the span) are each one that a named rule calls noise:
    a newsletter's call, the share buttons and a follow line ("Join my newsletter", "Subscribe", "Follow me on
    Twitter"), where the page's own sections begin."""
    return i + NOISE_RUN <= end + 1 and all(_is_named_noise(blocks[k]) for k in range(i, i + NOISE_RUN))


def _is_named_noise(block: Block) -> bool:
    """A block a named rule calls noise, not one of the byline rules: inside an article they read a timeline's
    dates and a table's scores ("4.50/5") as often."""
    reason = block.reason
    return block.label != "good" and bool(reason) and not is_heuristic(reason) and not reason.startswith("bylines.")


def _closed_by_paragraph(blocks: list[Block], after: int, end: int, paragraph_chars: int) -> bool:
    """Whether the line right after a list (``after``), inside the span, is a paragraph that closes it: kept by
    the first pass, ``paragraph_chars`` long or more, ending in a sentence mark."""
    if after > end:
        return False
    b = blocks[after]
    return b.label == "good" and len(b.text) >= paragraph_chars and b.text.rstrip().endswith(TERMINAL)


BOX_LINES = 7  # lines of a box of links inside an article: its heading and three headlines, each under its label
BOX_HEADLINE_WORDS = 4  # words of a headline in such a box (half its lines at least; a label has fewer)
RESUME_PARAGRAPHS = 2  # long paragraphs in a row after such a box that carry the article on


def resume_after_box(blocks: list[Block], end: int, opts: Options, lex: Lexicon, in_lists: set[int]) -> int:
    """Where the article ends once a box of links inside it is stepped over: right after the span's end, a
    heading that announces links ("You May Also Like", "Related Articles", ``box_heading``) over up to
    BOX_LINES - 1 lines of headlines and their labels (short, no sentence mark at the end; half of them
    BOX_HEADLINE_WORDS words or more, where a menu's labels are shorter), then RESUME_PARAGRAPHS long
    paragraphs the first pass kept (``length_high``), not a teaser's blurb: the article goes on under the
    box, to the end of the run of kept lines that follows it (and over the next box, if another stands so); the
    box's headlines go as teasers."""
    n = len(blocks)
    while end + 1 < n and _is_box_heading(blocks[end + 1].text, lex):
        j = end + 2
        while j < n and j - end <= BOX_LINES and _is_box_line(blocks[j], opts):
            j += 1
        if 2 * sum(len(b.text.split()) >= BOX_HEADLINE_WORDS for b in blocks[end + 2:j]) < j - end - 2:
            break  # a menu's labels ("AppleCare", "Apple Music"), not headlines with their labels
        k = j
        while k < n and blocks[k].label == "good" and len(blocks[k].text) >= opts.length_high and k not in in_lists:
            k += 1
        if k - j < RESUME_PARAGRAPHS:
            break
        for b in blocks[end + 2:j]:  # the box's headlines are no part of the article (nor a list of it)
            b.label, b.reason = "bad", TEASER
        while k < n and blocks[k].label == "good" and k not in in_lists:
            k += 1
        end = k - 1
    return end


def _is_box_heading(text: str, lex: Lexicon) -> bool:
    """A short line that announces links: "Related Articles", "You may also like:"."""
    return len(text) <= HEADING_MAX_CHARS and lex.words("box_heading").prefix(PHRASE_WORD.findall(text.lower())) > 0 \
        and len(text.split()) <= 5


def _is_box_line(block: Block, opts: Options) -> bool:
    """A headline in a box of links: shorter than a paragraph, no sentence mark at its end."""
    return len(block.text) < opts.length_high and not block.text.rstrip().endswith(TERMINAL)


BOX_REACH = 3  # blocks after an author's name where the box's role or note stands
BOX_NAME_WORDS = (2, 4)  # words of the name that heads an author's box
BOX_NOTE_NAMED = 3  # words at the head of the box's note among which the name's first word stands
BOX_NOTE_ROLE = 16  # words at the head of the box's note among which the person's role stands
BOX_ROLE_WORDS = 3  # words of a line that gives the person's role alone ("Contributing Writer")


def is_author_box(blocks: list[Block], i: int, lex: Lexicon) -> bool:
    """The head of an author's box after the article, where the page's own sections begin (related posts, sign-up
    forms, comments): a line of a person's name alone, and within BOX_REACH blocks a note that names her (by her
    first name, as written): under a line of her role alone ("Contributing Writer", "WCI Columnist"), or naming
    her at its head with her role ("Jane Doe is the founder of ...", "Dr. Jane Doe is a physician ...").  A section's title-case heading over a paragraph on its subject
    ("Power BI" / "Power BI is a tool ...") names no role; a customer's quote under her name and role ("Jane Doe"
    / "CEO at Acme" / "We doubled ...") does not name her.  The name may follow "About" ("About Jane Doe", the
    ``about_prefix`` list) over such a note."""
    text = blocks[i].text.strip()
    about = lex.words("about_prefix")
    most = BOX_NAME_WORDS[1] + max(map(len, about.tuples), default=0)  # a name's words after the longest prefix
    if len(text.split(None, most)) > most:
        return False  # a paragraph: no need to split it all
    following = blocks[i + 1:i + 1 + BOX_REACH]
    words = text.split()
    words = words[about.prefix(text.lower().split()):]  # "About Jane Doe"
    roles = lex.words("bio_roles")
    if not (BOX_NAME_WORDS[0] <= len(words) <= BOX_NAME_WORDS[1] and is_person_name(words, lex)
            and roles.find([w.lower() for w in words]) is None):
        return False  # a person's name; not a role ("Blockchain Engineer"), a button ("LEARN MORE"), a model
    first, role_line = words[0], False
    for k, b in enumerate(following):
        tokens = PHRASE_WORD.findall(b.text)
        if len(b.text) > 2 * len(text) and first in tokens:  # a note that names the person
            head = [t.lower() for t in tokens[:BOX_NOTE_ROLE]]
            return role_line or (_names_at_head(tokens, first) and roles.find(head) is not None)
        role_line = role_line or (k == 0 and len(tokens) <= BOX_ROLE_WORDS and not b.text.rstrip().endswith(":")
                                  and _ends_in_role([t.lower() for t in tokens], roles))
    return False


def _names_at_head(tokens: list[str], first: str) -> bool:
    """Whether a note starts with the name's first word, a title before it at most ("Dr. Jane ...")."""
    head = tokens[:BOX_NOTE_NAMED]
    return first in head and all(t.isalpha() and t[0].isupper() and len(t) <= 4 for t in head[:head.index(first)])


def _ends_in_role(tokens: list[str], roles: PhraseSet) -> bool:
    """Whether a line's last words are a role of the [bio_roles] list."""
    return any(roles.find(tokens[k:]) == (0, len(tokens) - k) for k in range(len(tokens)))


COMMENTER_WORDS = 4  # words of a commenter's name in a comment's header
COMMENT_THREAD = 3  # comment headers on a page that make a thread of comments under its article
COMMENT_THREAD_REASON = "heuristic.comment_thread"


def end_at_comment_thread(blocks: list[Block], opts: Options, lex: Lexicon) -> None:
    """Drop the kept blocks from the first comment's header on ("Jenny says:", ``is_comment_header``) where the
    page holds COMMENT_THREAD of them or more, or from the heading of the thread ("59 Comments on “Title”",
    ``is_thread_heading``) if it comes first: a blog's thread of comments under its article, which the learned
    line scorer may keep as prose (the article span ends at the first header already, ``cut_at_terminator``, but
    the scorer revises its verdicts).  Only under an article: kept text of two long paragraphs (``length_high``)
    stands before the first header; a thread whose posts are the page's content starts with a header."""
    heads = [i for i, b in enumerate(blocks) if is_comment_header(b.text, lex)]
    thread = next((i for i, b in enumerate(blocks) if is_thread_heading(b.text)), None)
    if len(heads) < COMMENT_THREAD and thread is None:
        return
    first = thread if thread is not None and (len(heads) < COMMENT_THREAD or thread < heads[0]) else heads[0]
    if sum(len(b.text) for b in blocks[:first] if b.label == "good") < 2 * opts.length_high:
        return
    for b in blocks[first:]:
        if b.label == "good":
            b.label, b.reason = "bad", COMMENT_THREAD_REASON


# the heading a blog prints over the comments on a post: "59 Comments on “Title”", "6 thoughts on “Title”",
# "2 responses to “Title”", "One reply to “Title”" (the post's title quoted)
_THREAD_HEADING = LazyPattern(r"^(?:\d[\d,.]{0,8}|one) (?:comments?|thoughts?|responses?|repl(?:y|ies)) (?:on|to) [“\"‘'«„]",
                              re.I)


THREAD_HEADING_CHARS = 300  # a thread's heading is no longer (a post's title is quoted in it)


def is_thread_heading(text: str) -> bool:
    """A line that heads the thread of comments under a blog's post and quotes its title (``_THREAD_HEADING``)."""
    return len(text) <= THREAD_HEADING_CHARS and _THREAD_HEADING.match(text) is not None


def is_comment_header(text: str, lex: Lexicon) -> bool:
    """A line that heads a comment under a post, as blogs print it: a name of up to COMMENTER_WORDS words and
    "says" ("Sheri says", "Karl Fleischmann says:"), or the name and when it was posted ("Amy September 11, 2008
    at 2:06 PM", ``is_dated_comment_header``)."""
    if len(text) > DATED_HEADER_CHARS:
        return False
    if not text.rstrip().endswith(("says", "says:")):
        return is_dated_comment_header(text, lex)
    words = text.split()
    return len(text) <= 60 and 2 <= len(words) <= COMMENTER_WORDS + 1 and words[-1] in ("says", "says:")


DATED_HEADER_CHARS = 80  # a comment's dated header is no longer (a name, a date and a time)
# the time a comment was posted, at the end of its header, on a 12-hour clock: "at 2:06 PM", "@ 10:15am" (a
# question-and-answer site stamps its comments on a 24-hour one: "Commented Oct 17, 2010 at 23:10")
_POSTED_AT = LazyPattern(r"(?<![\s,])[\s,]+(?:at|@)\s+\d{1,2}:\d\d\s?[ap]\.?m\.?$", re.I)
NAME_SEPARATORS = " \t,|-–—"  # between a comment's writer and its date


def is_dated_comment_header(text: str, lex: Lexicon) -> bool:
    """A comment's header that names its writer (up to COMMENTER_WORDS capitalised words) and when it was
    posted, a date and a time: "Amy September 11, 2008 at 2:06 PM", "Jon Smith on 3/12/2021 at 1:48am" (a
    dateline, "Updated March 3, 2020 at 5:01 pm", is none)."""
    if ":" not in text or text.rstrip()[-1:] not in "mM.":  # no time on a 12-hour clock at its end
        return False
    at = _POSTED_AT.search(text)
    if at is None:
        return False
    head = text[:at.start()]
    found = next(dates_in(head), None)
    if found is None or found[1] != len(head):
        return False
    name = head[:found[0]].rstrip(NAME_SEPARATORS).split()
    if name and name[-1] in ("says", "says:", "on"):  # "Jenny says: March 3, ...", "Jon Smith on 3/12/2021 ..."
        name.pop()
    return 1 <= len(name) <= COMMENTER_WORDS and all(w[0].isupper() for w in name) \
        and not lex.words("dateline").prefix(PHRASE_WORD.findall(" ".join(name).lower()))


def _is_section_heading(text: str, lex: Lexicon) -> bool:
    """A short line without a sentence end that starts like "More from ...", "Related stories", "Comments"."""
    return _section_phrase(text, lex) is not None


def _section_phrase(text: str, lex: Lexicon) -> tuple[tuple[str, ...], bool] | None:
    """The phrase a section heading (``_is_section_heading``) starts with, and whether more words follow it (a
    name: "More on Foetus"); None for a line that is no such heading."""
    if len(text) > 60 or text.rstrip().endswith(TERMINAL):
        return None
    words = PHRASE_WORD.findall(text.lower())
    n = lex.words("section_end").prefix(words) if len(words) <= 6 else 0
    return (tuple(w.rstrip(":") for w in words[:n]), n < len(words)) if n else None


def _is_item_label(blocks: list[Block], i: int, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the section heading at ``i`` is one of a list's item labels, not the heading of the sections after
    the article: its phrase names something after it ("More on Foetus", "Read More: X Review") and heads
    ITEM_LABELS lines or more of the span, one under each item of a list article."""
    phrase, named = _section_phrase(blocks[i].text, lex)
    if not named:
        return False
    count = 0
    for k in range(start, end + 1):
        other = _section_phrase(blocks[k].text, lex)
        if other is not None and other[0] == phrase and other[1]:
            count += 1
            if count >= ITEM_LABELS:
                return True
    return False


TEASER_PAIRS = 3  # headline + blurb pairs in a row that make a teaser list


def headline_pairs(blocks: list[Block], noise: Callable[[Block], str | None] = lambda block: None) -> dict[int, int]:
    """Where runs of (headline, one-sentence blurb) pairs begin, and where each ends (exclusive): a list of
    teasers for other stories ("What Being Asexual Tells Us About Romance" / "What is it like to feel love ...?").
    A teaser may carry a date line between its title and its blurb ("Mai 21 2019, 14:34 | Medien, Politik")."""
    n = len(blocks)
    ends_sentence = [len(b.text) <= 300 and b.text.rstrip().endswith(TERMINAL) for b in blocks]
    headline: dict[int, bool] = {}

    def is_headline(k: int) -> bool:
        if k not in headline:
            headline[k] = is_capitalised_headline(blocks[k].text)
        return headline[k]

    def teaser_at(k: int) -> int:
        """How many blocks the teaser at k holds (headline, blurb; or title, date line, blurb); 0: none."""
        if ends_sentence[k + 1]:
            if not is_headline(k) or is_headline(k + 1):
                return 0
            size = 2
        elif (k + 2 < n and ends_sentence[k + 2] and _is_date_line(blocks[k + 1].text)
              and is_any_case_title(blocks[k].text) and not is_headline(k + 2)):
            size = 3  # the date line marks a title of any case (German nouns, French sentence case)
        else:
            return 0
        return 0 if noise(blocks[k]) else size

    found: dict[int, int] = {}
    i = 0
    while i < n - 1:
        if not (ends_sentence[i + 1] or i + 2 < n and ends_sentence[i + 2]):
            i += 1  # neither of the next two blocks ends a sentence: no teaser here
            continue
        j, count = i, 0
        while j + 1 < n:
            step = teaser_at(j)
            if not step:
                break
            j, count = j + step, count + 1
        if count >= TEASER_PAIRS:
            found[i] = j
            i = j
        else:
            i += 1
    return found


_DATE = LazyPattern(r"\b(?:19|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")


def _is_date_line(text: str) -> bool:
    """A short line of a teaser's date and section ("Mai 21 2019, 14:34 | Medien, Politik")."""
    return len(text) <= 60 and not text.endswith(TERMINAL) and _DATE.search(text) is not None


TRAILING_TITLES = 3  # teaser titles in a row at the article's tail that make a list of links


def cut_trailing_titles(blocks: list[Block], start: int, end: int) -> int:
    """End the article before a run of teaser titles at its tail, links to other stories without a label
    above them ("Orders for Boeing's 737 Max pick up at Dubai Air Show" / "Will hyperloop threaten aviation?"
    / ...): the context pass keeps them when a good block stands on either side.  Only a run that at most
    one other good block follows (a publisher's blurb), once half of the article's text is behind it."""
    run, others = 0, 0
    for i in range(end, start - 1, -1):
        b = blocks[i]
        if b.label == "good" and is_teaser_title(b.text):
            run += 1
            continue
        if run >= TRAILING_TITLES:
            return i if _closes_article(blocks, start, end, i) else end
        run = 0
        if b.label == "good":
            others += 1
            if others > 1:
                return end
    return end


def _closes_article(blocks: list[Block], start: int, end: int, last: int) -> bool:
    """Whether the article may end at ``last``: half of its text lies up to there, and its last good block
    closes a sentence (a list of titles that a line ending in ":" or "…" introduces is the article's own)."""
    goods = [b for b in blocks[start:last + 1] if b.label == "good"]
    seen = sum(len(b.text) for b in goods)
    total = seen + sum(len(b.text) for b in blocks[last + 1:end + 1] if b.label == "good")
    return bool(goods) and seen >= 0.5 * total and unquoted(goods[-1].text).endswith(FINAL_MARKS)


# --- A page without an article: its content is every good line -------------------------------------------
ARTICLE_PARAGRAPHS = 3  # long paragraphs (length_high) in the span that make it an article
OUTSIDE_SHARE = 0.75  # good text outside a span that is no article, against the span's, that makes a list page


def is_no_article(blocks: list[Block], start: int, end: int, in_lists: set[int], opts: Options) -> bool:
    """Whether the page is a list of items rather than an article (a forum thread, a listing, a service page of
    many short sections): its densest run holds fewer than ARTICLE_PARAGRAPHS long paragraphs, and good text
    outside it comes to OUTSIDE_SHARE of the text inside or more, not counting the lines of teaser lists
    (``in_lists``).  Then no run is the content; every good line is.  ``classify`` does not ask where the page
    says which run is the article: a run after the URL's headline, or one ended early by a terminator; nor where
    it numbers its posts (``first_post``): a thread's posts are its content whatever its densest run holds (an
    opening post of three long paragraphs is a run of its own, the members' boxes between the replies split
    them off), up to the end of its last post (``thread_end``)."""
    inside = long = 0
    for b in blocks[start:end + 1]:
        if b.label == "good":
            inside += len(b.text)
            long += len(b.text) >= opts.length_high
    if long >= ARTICLE_PARAGRAPHS:
        return False
    outside = sum(len(b.text) for i, b in enumerate(blocks)
                  if b.label == "good" and not start <= i <= end and i not in in_lists)
    return outside > 0 and outside >= OUTSIDE_SHARE * inside


THREAD_POSTS = 3  # numbered posts ("#1", "#2", "#3") that make a page a thread


def first_post(blocks: list[Block]) -> int | None:
    """Where a thread that numbers its posts starts (XenForo, vBulletin: a line "#1" above the first post,
    "#2" above the reply): THREAD_POSTS lines or more that are a post's number, rising.  The index of the
    first of them, or None.  The page's content runs from there, not from its top (menus, the forum's
    notices)."""
    last, count, first = 0, 0, None
    for i, b in enumerate(blocks):
        t = b.text
        if _is_post_number(t) and int(t[1:]) > last:
            last, count = int(t[1:]), count + 1
            first = i if first is None else first
            if count >= THREAD_POSTS:
                return first
    return None


def _is_post_number(text: str) -> bool:
    return len(text) <= 6 and text[:1] == "#" and text[1:].isdigit()


def thread_end(blocks: list[Block], first: int, opts: Options) -> int:
    """Where a numbered thread (``first_post``) ends: the densest run of blocks that starts right under its last
    post's number (that post, its poster's box, its labels), not the reply box, the similar threads and the
    footer after it; the last post's number itself when no such run gains."""
    last, number = first, 0
    for i in range(first, len(blocks)):
        t = blocks[i].text
        if _is_post_number(t) and int(t[1:]) > number:
            last, number = i, int(t[1:])
    gains = [_gain(b, opts) for b in blocks]
    _, (_, end) = _best_run(gains, range(last + 1, min(last + 2, len(blocks))))
    return max(end, last)


ITEM_MIN_WORDS = 3  # words of an item's name on a list page (a shorter line is a label: "Book", "Read more")
LIST_ITEM_MIN_WORDS = 2  # words of a list's item inside an article ("Layout design", "Slow upload speeds")
ITEM_MAX_DIGITS = 0.2  # the share of digits above which a line is a count or a score, not a list's item
ITEM_REASONS = ("heuristic.short", "heuristic.not_sentence_like", "")  # lines judged by length and shape alone


def _keep_items(blocks: list[Block], start: int, end: int, in_lists: set[int], min_words: int,
                is_item: Callable[[str], bool] = lambda text: True) -> None:
    """Keep the lines of ``min_words`` words or more between the first and last good line of blocks[start:end + 1]
    that only their length or shape put out, not a rule, a repeat or a teaser list (``in_lists``), and that
    ``is_item`` accepts.  On a list page (``is_no_article``, the whole page, ITEM_MIN_WORDS): the items' names
    (a product's, a thread's, a service's), which stand between links and prices.  Inside an article's span
    (LIST_ITEM_MIN_WORDS, ``is_list_item``): the items of its lists (a how-to's steps, a review's pros and cons,
    a course's topics), short lines that the context pass drops when a label or a repeated heading stands
    before them rather than a good paragraph."""
    good = [i for i in range(start, end + 1) if blocks[i].label == "good"]
    for i in range(good[0], good[-1] + 1) if good else ():
        b = blocks[i]
        if (b.label != "good" and b.reason in ITEM_REASONS and i not in in_lists
                and len(b.text.split()) >= min_words and is_item(b.text)):
            b.label, b.reason = "good", ""


TABLE_RUN = 3  # rows in a row that make a table in the article
TABLE_ROW_WORDS = 3  # words of a table's row (a name and its figures)


def _keep_table_rows(blocks: list[Block], start: int, end: int, in_lists: set[int]) -> None:
    """Keep the rows of a table inside the article, between its first and last good line: TABLE_RUN lines or more
    in a row that only their length or shape put out, each of TABLE_ROW_WORDS words or more with a figure among
    them and no date ("40 Country Financial 3,516,750 14.6", "Porridge oats 80g 160g 320g"), which
    ``is_list_item`` leaves out for their digits."""
    good = [i for i in range(start, end + 1) if blocks[i].label == "good"]
    run: list[Block] = []
    for i in range(good[0], good[-1] + 2) if good else ():
        b = blocks[i] if i <= good[-1] else None
        if (b is not None and b.label != "good" and b.reason in ITEM_REASONS and i not in in_lists
                and len(b.text.split()) >= TABLE_ROW_WORDS and _DIGIT.search(b.text) and not _is_date_line(b.text)):
            run.append(b)
            continue
        if len(run) >= TABLE_RUN:
            for row in run:
                row.label, row.reason = "good", ""
        run = []


def is_list_item(text: str) -> bool:
    """A line that may be a list's item in an article: not a date line ("answered Oct 16, 2010 at 21:58") and
    not mostly digits (a score, a badge count: "59.6k 44 44 gold badges")."""
    return not _is_date_line(text) and len(_DIGIT.findall(text)) < ITEM_MAX_DIGITS * len(text)


# --- Inside and around the span: restores, and banners ------------------------------------------------------
def _restore_inner_repeats(blocks: list[Block], start: int, end: int, opts: Options,
                           stopwords: frozenset[str]) -> None:
    """A text repeated only inside the article (a recipe's recurring line, an interview's recurring
    question) is the article's own: judge each copy on its features after all."""
    repeats = {b.text for b in blocks[start:end + 1] if b.reason == REPEATED_ON_PAGE}
    if not repeats:
        return
    outside = {b.text for i, b in enumerate(blocks) if b.text in repeats and not start <= i <= end}
    for b in blocks[start:end + 1]:
        if b.text in repeats and b.text not in outside and len(b.text) >= opts.length_low:
            if _own_label(b, opts, stopwords) in ("good", "neargood"):
                b.label, b.reason = "good", ""


HEADING_MAX_CHARS = 80  # a section's heading is shorter than this; the paragraph under it at least as long
HEADING_MIN_WORDS = 2  # words of a heading worth the restore (one word: a menu's label as often as a heading)


def _restore_headings(blocks: list[Block], start: int, end: int, noise: Callable[[Block], str | None]) -> None:
    """A short line the page repeats (its table of contents, a menu of its sections) is a section's heading
    where one copy inside the article stands right above a paragraph: that copy is the article's own, and
    stays.  Not when more than one copy stands so (a label over each of several posts: "Reply", "Share") nor
    when a rule names it."""
    where: dict[str, list[int]] = {}
    for i in range(start, min(end, len(blocks) - 2) + 1):
        b, below = blocks[i], blocks[i + 1]
        if (b.reason == REPEATED_ON_PAGE and len(b.text) < HEADING_MAX_CHARS and below.label == "good"
                and len(below.text) >= HEADING_MAX_CHARS and len(b.text.split()) >= HEADING_MIN_WORDS):
            where.setdefault(b.text, []).append(i)
    for at in where.values():
        if len(at) == 1 and noise(blocks[at[0]]) is None:
            blocks[at[0]].label, blocks[at[0]].reason = "good", ""


def _own_label(b: Block, opts: Options, stopwords: frozenset[str]) -> str:
    """The class the first pass gives a block on its own features: for a block set aside before the pass
    (a repeat) and judged after all."""
    return first_pass(b, features(b.text, words_of(b.text), stopwords), opts, bool(stopwords))[0]


LEAD_REACH = 2  # blocks before the span where its lead may stand (a photo credit, a permalink between)


def repeated_lead(blocks: list[Block], start: int, opts: Options, stopwords: frozenset[str]) -> int:
    """The article's start, moved back to its lead: a long paragraph just before the span that the page
    repeats elsewhere (in a teaser of this very article, in its share box, printed twice in a row) went
    as a repeat, but the copy right above the body is the article's own first paragraph."""
    for k in range(start - 1, max(-1, start - 1 - LEAD_REACH), -1):
        b = blocks[k]
        if len(b.text) < opts.length_low:
            continue  # a credit, a date or a short repeated label between the lead and the body
        if b.reason == REPEATED_ON_PAGE and _is_repeated_lead(blocks, k, opts, stopwords):
            b.label, b.reason = "good", ""
            return k
        return start
    return start


def _is_repeated_lead(blocks: list[Block], k: int, opts: Options, stopwords: frozenset[str]) -> bool:
    """A paragraph of some length that reads as content and does not end a repeated list: a long repeat
    right before it (another text) makes it the last teaser of a list the page shows twice."""
    b = blocks[k]
    if len(b.text) < opts.length_high:
        return False  # a one-line standfirst repeated under the headline is not the body's
    before = blocks[k - 1] if k else None
    if (before is not None and before.text != b.text and before.reason == REPEATED_ON_PAGE
            and len(before.text) >= opts.length_low):
        return False
    return _own_label(b, opts, stopwords) == "good"


BANNER_WORDS = 8  # a line this long in capitals is a banner or a link ("GET THE APP BY CLICKING HERE")


def _is_banner(text: str) -> bool:
    """A line of many words all in capitals: a link to another story or a call to action, not prose
    (a subheading in capitals is short).  Asked after the span is found: the banner goes, the span it
    sits in stays whole."""
    return (text.isupper() and text.count(" ") >= BANNER_WORDS - 1
            and sum(map(str.isupper, text)) >= 0.6 * len(text))  # a script without case is no banner


# --- After the stage: where the body's prose starts (pipeline) -------------------------------------------
def first_paragraph(blocks: list[Block], span: tuple[int, int],
                    is_noise: Callable[[str], bool] = lambda text: False) -> int:
    """Index of the article's first real paragraph in its span: a good block that reads as a sentence of some
    length and that no rule calls noise (a cookie notice is a long sentence too), unless more than 8 blocks
    follow the first good one; else the first good block; len(blocks) when there is none.  The title is sought
    above it: the span itself may open with the headline, a kicker or a date line, which are good blocks too."""
    first_good = None
    for i in range(span[0], span[1] + 1):
        b = blocks[i]
        if b.label != "good" or is_noise(b.text):
            continue
        if first_good is None:
            first_good = i
        if len(b.text) >= 80 and b.text.rstrip().endswith(TERMINAL):
            return i if i - first_good <= 8 else first_good
    return first_good if first_good is not None else len(blocks)
