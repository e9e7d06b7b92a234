"""Headlines: what looks like one, the title, and the article's start at its headline.

* Does a line look like a headline?  ``headline_score`` (the title of a text) and the tests of a teaser's
  title that the heuristic stage and the pipeline ask (``is_capitalised_headline``, ...).
* The title: for text, a leading headline-like line (``title_from_text``); for HTML, on an article page its
  visible headline, the <h1> that matches the metadata title, elsewhere the metadata title checked against
  the page's own headline (``title_from_html``).  The title never stays in the body.
* On HTML, the article starts at its headline (``from_headline``): the <h1> as the page shows it that the
  metadata title points at (``headline_from_html``), which the title returned may trim or pass over.
"""
from __future__ import annotations

import re

from .article import Block, Removal
from .lazy_re import LazyPattern
from .rebuild import dedupe_key, normalise_text
from .text import (FULL_STOP, NOT_HEADLINE_ENDS, NOT_SHORT_TITLE_ENDS, NOT_TEASER_TITLE_ENDS, NOT_TITLE_ENDS, TERMINAL,
                   WORD, unquoted)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

_SEPARATORS = "|–—•·:-"
_SITE_SEP = LazyPattern(r"\s{1,3}[%s]\s{1,3}" % _SEPARATORS)
_SENTENCE_INSIDE = LazyPattern(r"[^\W\d_]{3}\.\s+[^\W\d_]")  # "... basics. A guide": not "U.S. in", "Dr. Ames"
# The page's furniture beside a headline in its <h1>: before it a label or a date ("Blog:", "Dec 18 2025"); after
# it a title's suffix, a byline or a date, a source and a count ("| Top 19 Picks", "Posted on ...", "(example.com) 87")
_FURNITURE_BEFORE = LazyPattern(r"\A(?:[^\W\d_]+:|[^\W\d_]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [^\W\d_]{3,9},? \d{4})\Z")
_FURNITURE_AFTER = LazyPattern(r"(?i)\A(?:\|\s|(?:by|posted|published|updated)\s|\(\S+\)\s*\d*\Z)")
_PERMALINK_MARKS = "¶§#🔗"
_URL_SITE = LazyPattern(r"^[a-z]+://[^/]+")
_SLUG_WORD = LazyPattern(r"[^\W\d_]{3,}")
LOOKBACK = 150  # how many blocks before the article a headline may stand
LOOKAHEAD = 500  # how many blocks of the article are read for the headings its table of contents lists


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _words(text: str) -> int:
    """How many words a text has (a separator, a bullet is no word)."""
    return sum(1 for w in text.split() if any(map(str.isalnum, w)))


def headline_score(block: Block) -> float:
    """How much a block looks like a headline by its own shape; 0 when it cannot be one.  A line that says the
    URL's slug scores more (``_best_headline``)."""
    text = block.text
    if len(text) > 250 or (text.endswith(NOT_TITLE_ENDS) and not text.endswith("...")):
        return 0.0
    words = text.split()
    if not 2 <= len(words) <= 30:
        return 0.0
    score = 1.0
    if text.endswith(("?", "!")):
        score -= 0.75  # a question or exclamation under the headline is a lede more often than a headline
    score += capitalised(words) / len(words)
    if 4 <= len(words) <= 20:
        score += 1.0
    return score


def headline_lines(blocks: list[Block], start: int, since: int = 0) -> list[tuple[int, float]]:
    """(index, ``headline_score``) of each line that may be the headline of an article found to start at
    ``start``: of the LOOKBACK lines above it (from line ``since`` on) and that line itself."""
    lines = range(max(since, start - LOOKBACK), min(len(blocks), start + 1))
    return [(i, score) for i in lines if (score := headline_score(blocks[i]))]


def _slug_words(text: str) -> set[str]:
    """A text's words as a slug's are counted (letters, three or more): "Best Hammocks of 2026" says all of
    "best-hammocks" and no more."""
    return {w.lower() for w in _SLUG_WORD.findall(text)}


SLUG_RECALL = 2.0  # a text's headline line says the slug's words and more ("2025 Cleaning Industry Trends to
# Know" over ".../cleaning-industry-trends"), a crumb or a menu's label some of them and no more: the slug's words
# said weigh twice the line's words that are not the slug's (F-beta, beta 2)


def slug_match(text: str, slug: set[str], tokens: set[str] | None = None, beta: float = 1.0) -> float:
    """F-beta (F1 by default) of the text's words (``tokens``, else all its words) against the words of a URL's
    slug (0 to 1): recall weighs ``beta`` times precision."""
    tokens = _tokens(text) if tokens is None else tokens
    common = len(tokens & slug)
    if not common:
        return 0.0
    precision, recall = common / len(tokens), common / len(slug)
    return (1 + beta * beta) * precision * recall / (beta * beta * precision + recall)


def url_slug_tokens(url: str | None) -> set[str]:
    """The words of the URL's slug: the part of its path with the most words ("/entertainment-arts/business/
    story/2019-11-19/disney-plus-glitches" -> the last part: section names are not the headline's words)."""
    if not url:
        return set()
    path = _URL_SITE.sub("", url)
    parts = [_SLUG_WORD.findall(part) for part in path.split("/")]
    words = max(reversed(parts), key=len, default=[])  # the last of the longest
    tokens = {w.lower() for w in words}
    return tokens - {"html", "htm", "php", "www", "article", "articles", "news", "story", "index", "amp"}


def title_from_text(blocks: list[Block], start: int, url: str | None,
                    is_noise: Callable[[str], bool] = lambda text: False,
                    lines: list[tuple[int, float]] | None = None) -> int | None:
    """Index of the headline among the blocks before the article starts at ``start``; ``is_noise``
    tells a menu label or a promo, which is never the headline (unless it says the URL's slug: the page's own
    name), and so is an entry of a table of contents (``_contents_entries``).  A line says the URL's slug in
    words of three letters or more ("Best Hammocks of 2026" says all of ".../best-hammocks").  The line the
    article starts at may be the headline itself (a headline ending in "?" or a parenthesis reads as a
    paragraph's start); when the line found says less than half the slug's words, a line just below the
    article's start that says the slug is the headline (``_headline_below``).  The article's own paragraphs
    may start further down, past a run of rejected lines (``_later_start``): the headline in or below that
    run is the title when it scores LATER_START_COST more than the one above ``start``.  ``lines``: the
    ``headline_lines`` of ``start``, when they are scored already."""
    slug = url_slug_tokens(url)
    says_slug = lambda text: (bool(slug)  # noqa: E731
                              and slug_match(text, slug, _slug_words(text), SLUG_RECALL) >= SAYS_SLUG)
    not_headline = lambda text: is_noise(text) and not says_slug(text)  # noqa: E731
    named = _named_by_opening(blocks)
    best = None  # (score less cost, index, upto)
    starts = [(0.0, start, headline_lines(blocks, start) if lines is None else lines)]  # (cost, start, its lines)
    later = _later_start(blocks, start, is_noise)
    if later is not None:  # the headline stands from the run of rejected lines on
        since, at = later
        starts.append((LATER_START_COST, at, headline_lines(blocks, at, since)))
    for cost, at_start, candidates in starts:
        upto = min(len(blocks), at_start + 1)  # the line the article was found to start at may be its headline
        skipped = _contents_entries(blocks, at_start) | _trails_and_teasers(blocks, at_start)
        found = _best_headline(blocks, candidates, at_start, slug, not_headline, _slug_words, skipped, named,
                               SLUG_RECALL, TWICE_BONUS, KEPT_BONUS)
        if found is not None and (best is None or found[0] - cost > best[0]):
            best = (found[0] - cost, found[1], upto)
    at, upto = (best[1], best[2]) if best is not None else (None, min(len(blocks), start + 1))
    if at is None or len(_slug_words(blocks[at].text) & slug) < WEAK_SLUG * len(slug):
        below = _headline_below(blocks, upto, slug)
        return at if below is None else below
    return at


TWICE_BONUS = 0.75  # a line a text says twice in a row, as a page shows its headline for a small screen and for a
# large one: a tie-breaker between headline-like lines (a line the opening <title> names scores NAMED_BONUS)
KEPT_BONUS = 1.0  # a headline-like line the heuristics kept with the article, leading into its first paragraph
SAYS_SLUG = 0.8  # F-beta of a line's words against the URL's slug (or share of the slug's words said, below the
# article's start) over which the line names the page
WEAK_SLUG = 0.5  # share of the slug's words under which a headline found above the article is in doubt
AFTER_START = 8  # lines below the article's start where its headline may stand
RUNS_APART = 3  # rejected lines in a row that set two runs of an article's lines apart
LATER_START_COST = 4.0  # score a headline above a later start pays: half what saying the URL's slug whole adds
PROSE = 80  # characters of a line ending as a sentence ends that make a paragraph, as ``first_paragraph`` reads it


def _later_start(blocks: list[Block], start: int, is_noise: Callable[[str], bool]) -> tuple[int, int] | None:
    """Where the article's own paragraphs may start below ``start``: the first paragraph that reads as prose
    after the first run of RUNS_APART rejected lines or more, and where that run starts (the headline stands
    in it or below it).  The heuristics may take in a menu's blurbs, a list of teasers or a promo above the
    article with it, and its first sentence for the article's first paragraph."""
    rejected, apart = 0, None
    for i in range(start + 1, len(blocks)):
        b = blocks[i]
        if b.label != "good":
            rejected += 1
            continue
        if apart is None and rejected >= RUNS_APART:
            apart = i - rejected
        rejected = 0
        if apart is not None and len(b.text) >= PROSE and b.text.rstrip().endswith(TERMINAL) and not is_noise(b.text):
            return apart, i
    return None


def _headline_below(blocks: list[Block], upto: int, slug: set[str]) -> int | None:
    """A headline-like line among the AFTER_START lines from ``upto`` that says SAYS_SLUG of the URL's slug's
    words or more: the article was found to start at a paragraph above its headline (a notice, a promo's blurb:
    "We noticed that you are using Internet Explorer ...", an editor's note)."""
    says = lambda text: bool(slug) and len(_slug_words(text) & slug) >= SAYS_SLUG * len(slug)  # noqa: E731
    return next((i for i in range(upto, min(len(blocks), upto + AFTER_START))
                 if headline_score(blocks[i]) and says(blocks[i].text)), None)


_TRAIL = LazyPattern(r"\S\s+[»›>/]\s+\S.*\s[»›>/]\s+\S")  # "Home » Guides » Costs": two or more crumbs' marks
_CUT_SHORT = ("...", "…")


def _trails_and_teasers(blocks: list[Block], start: int) -> set[int]:
    """The lines before the article that are no headline though they read as one: a breadcrumb trail ("Home »
    Guides » Costs"), and a title cut short that a line nearby says whole ("What Are the Latest Trends...": a
    teaser's, or a trail's last crumb; a title that ends in an ellipsis of its own stays: "Alles Neue macht
    der Mai…")."""
    window = range(max(0, start - LOOKBACK), min(len(blocks), start + 1 + AFTER_START))
    above = window[:start + 1 - window.start]
    found = {i for i in above if _is_trail(blocks[i].text)}
    cut = [i for i in above if i not in found and blocks[i].text.rstrip().endswith(_CUT_SHORT)]
    if cut:
        texts = [" ".join(blocks[i].text.split()).casefold() for i in window]
        found.update(i for i in cut if _cut_short_of(texts[i - window.start], texts))
    return found


def _is_trail(text: str) -> bool:
    """Whether a line is a breadcrumb trail (``_TRAIL``): none can be without a crumb's mark."""
    return ("»" in text or "›" in text or ">" in text or "/" in text) and _TRAIL.search(text) is not None


def _cut_short_of(text: str, texts: list[str]) -> bool:
    """Whether the text ends in an ellipsis and another of the texts starts with what comes before it."""
    stem = text.removesuffix("...").removesuffix("…").rstrip()
    return stem != text and bool(stem) and any(t != text and t.startswith(stem) for t in texts)


NAMED_BONUS = 5.0  # a line the text's opening <title> names: as much as most of the slug's words said
NAMED_WHOLE_BONUS = 2.0  # ... by the whole of a first line without a "| Site": that may be a menu's label too
OPENING_TITLE_WORDS = 3  # fewer words on a text's first line are a menu's label, not a page's title


def _named_by_opening(blocks: list[Block]) -> tuple[str | None, float]:
    """What the text's first line names as its headline, when the text opens with its page's <title> (a page's
    text copied whole does): the parts of a "Headline | Site" title, or a first line of three words or more
    (lower case, whitespace collapsed).  The line below that says one of them again is the page's <h1>, as
    on an HTML page the <h1> that matches the metadata title is the headline."""
    first = " ".join(blocks[0].text.split()) if blocks else ""
    _parts, headline = _title_parts(first)
    if headline is not None:
        return headline.casefold(), NAMED_BONUS
    if _words(first) >= OPENING_TITLE_WORDS:
        return first.casefold(), NAMED_WHOLE_BONUS
    return None, 0.0


def text_headings(blocks: list[Block], start: int, url: str | None,
                  is_noise: Callable[[str], bool] = lambda text: False) -> tuple[int | None, str | None]:
    """The line the header of the article found to start at ``start`` starts at (``headline_from_text``) and the
    text's title (``text_title``), the lines that may be its headline scored once for both (``headline_lines``)."""
    lines = headline_lines(blocks, start)
    return headline_from_text(blocks, start, url, is_noise, lines), text_title(blocks, start, url, is_noise, lines)


def text_title(blocks: list[Block], start: int, url: str | None,
               is_noise: Callable[[str], bool] = lambda text: False,
               lines: list[tuple[int, float]] | None = None) -> str | None:
    """The title of a text: its headline line (``title_from_text``), unless the text opens with a page's title
    ("Headline | Site": a page's text copied whole starts with its <title>) that names this page: its headline
    is a line of the text's top, or it shares a word with the headline line.  Then the title is read from
    both as an article page's is from its <title> and <h1> (``title_from_html``), the line taken for the <h1>
    unless it is a short form of the <title>'s headline (``_short_form``).  ``lines``: the ``headline_lines`` of
    ``start``, when they are scored already."""
    at = title_from_text(blocks, start, url, is_noise, lines)
    line = headline_of_line(normalise_text(blocks[at].text)) if at is not None else None
    first = " ".join(blocks[0].text.split()) if blocks else ""
    parts, headline = _title_parts(first)
    if not parts:
        return line
    if (line and _tokens(first) & _tokens(line)) or _said_on_top(headline, blocks, start):
        shown = (line,) if line and not _short_form(line, headline) else ()
        return title_from_html(first, shown, None, article=True)
    return line


def _said_on_top(headline: str, blocks: list[Block], start: int) -> bool:
    """Whether a line of the text's top (after its first, to the article's start) says the headline."""
    said = headline.casefold()
    return any(" ".join(b.text.split()).casefold() == said for b in blocks[max(1, start - LOOKBACK):start + 1])


SHORT_FORM = 0.5  # share of a title's words under which a line that says only some of them is a label of it


def _short_form(line: str, headline: str) -> bool:
    """Whether a text's headline line is a short form of the headline its opening <title> says: all its words
    are the title's, and it has SHORT_FORM of their number or fewer ("Cloud Stocks" beside "Best Cloud
    Computing Stocks of 2025"): a crumb's or a menu's label, which a text's line found for its headline may
    be where a page's <h1> is not."""
    return _words(line) <= SHORT_FORM * _words(headline) and _tokens(line) <= _tokens(headline)


_TAIL_SEP = LazyPattern(r"\s{1,3}[|–—•·/-]\s{1,3}")
LABEL_WORDS = 3  # words after a headline's last separator that make a label beside it, not a part of it


def headline_of_line(line: str) -> str:
    """The headline a text's headline line says, without what the page shows beside it on the line: a
    heading's permalink mark (``unmarked``), a date before it ("Dec 18 2025 Preparing a transition", as on
    an HTML page's <h1>), a label after it (``without_label_after``)."""
    return without_label_after(without_date_before(unmarked(line)))


_DATE_SEPARATORS = " ,|-–—:·•"


def without_date_before(line: str) -> str:
    """A headline line without the date it starts with, when three words or more follow it and the first
    is capitalised (a headline's start, not a sentence's: "May 4 2025 was ...")."""
    from .dates import date_at_start

    found = date_at_start(line)
    if found is None:
        return line
    rest = line[found[0]:].lstrip(_DATE_SEPARATORS)
    return rest if _words(rest) >= 3 and rest[:1].isupper() else line


def without_label_after(line: str) -> str:
    """A headline line without the short label after its last separator ("... | Opinion", "... – Artlyst",
    "... - Part 1", "... / Dec 2025"): the name of a site, a section or a series that a page's text shows on
    the headline's line, as a <title> does.  A tail of figures alone ("2026 / 2027") is the headline's own; so
    is a tail inside brackets ("Song - Singer (歌 - 歌手)"), and any tail beside a short headline (fewer than
    three words, or than three words for each of the tail's less one)."""
    last = None
    for last in _TAIL_SEP.finditer(line):
        pass
    if last is None:
        return line
    head, tail = line[:last.start()], line[last.end():]
    if head.count("(") > head.count(")") or head.count("[") > head.count("]"):
        return line
    said, label = _words(head), _words(tail)
    if label <= LABEL_WORDS and any(c.isalpha() for c in tail) and said >= max(3, 3 * label - 1):
        return head
    return line


def headline_from_text(blocks: list[Block], start: int, url: str | None,
                       is_noise: Callable[[str], bool] = lambda text: False,
                       lines: list[tuple[int, float]] | None = None) -> int | None:
    """Index of the line the article's header starts at (the pipeline reads its byline and date below it):
    the headline-like line nearest the article, as the title was found before ``title_from_text`` learned
    of slugs' words and tables of contents (the text kept is the same).  ``lines``: the ``headline_lines`` of
    ``start``, when they are scored already."""
    lines = headline_lines(blocks, start) if lines is None else lines
    above = [(i, score) for i, score in lines if i < start]
    found = _best_headline(blocks, above, start, url_slug_tokens(url), is_noise, None, set())
    return found[1] if found is not None else None


def _best_headline(blocks: list[Block], lines: list[tuple[int, float]], start: int, slug: set[str],
                   is_noise: Callable[[str], bool], words_of: Callable[[str], set[str]] | None, skipped: set[int],
                   named: tuple[str | None, float] = (None, 0.0), beta: float = 1.0, twice: float = 0.0,
                   kept: float = 0.0) -> tuple[float, int] | None:
    """The score and index of the best headline of ``lines`` (``headline_lines``) that is neither noise nor
    ``skipped``: its ``headline_score``, 8 more for a line that says the URL's slug whole (``slug_match`` of
    ``words_of`` its text, all its words by default, the slug's words weighed by ``beta``), less its distance
    from ``start``.  A line (after the first) that says ``named[0]`` (lower case) scores ``named[1]`` more; a
    line the text says twice in a row ``twice`` more, one of the article's own lines above its first paragraph
    (``_kept_run``) ``kept`` more, unless it shouts or asks (``_shouts_or_asks``)."""
    scored = []
    kept_from = _kept_run(blocks, start) if kept else start
    for i, score in lines:
        if i in skipped:
            continue
        text = blocks[i].text
        if slug:
            score += 8 * slug_match(text, slug, words_of(text) if words_of else None, beta)
        if i and named[0] is not None and " ".join(text.split()).casefold() == named[0]:
            score += named[1]
        if twice and _said_twice(blocks, i):
            score += twice
        if kept_from <= i < start and not _shouts_or_asks(text):
            score += kept
        scored.append((score - 0.03 * abs(i - start), i))  # nearer to the article is likelier
    for score, i in sorted(scored, reverse=True):
        if not is_noise(blocks[i].text):
            return score, i
    return None


def _shouts_or_asks(text: str) -> bool:
    """Whether a line is in capitals (a button's or a label's: "CLICK FOR FULL RESULTS") or ends in a question
    or an exclamation (the article's first line: "Why did it take so long?")."""
    return text.isupper() or text.rstrip().endswith(("?", "!"))


def _kept_run(blocks: list[Block], start: int) -> int:
    """Where the run of lines the heuristics kept that leads into the article's first paragraph at ``start``
    begins (the article's own heading stands in it), at most LOOKBACK lines up."""
    at = start
    while at > max(0, start - LOOKBACK) and blocks[at - 1].label == "good":
        at -= 1
    return at


def _said_twice(blocks: list[Block], i: int) -> bool:
    """Whether the line before or after line ``i`` says the same."""
    text = blocks[i].text
    return (i > 0 and blocks[i - 1].text == text) or (i + 1 < len(blocks) and blocks[i + 1].text == text)


MANY_HEADS = 4  # <h1>s: more are a page's section headings, and its metadata names the page
TOC_RUN = 3  # lines: a shorter run that comes again in order is a coincidence as often as a list


def _contents_entries(blocks: list[Block], start: int) -> set[int]:
    """The lines before the article that a table of contents lists: a run of lines each of which comes again
    in the article (its section headings), in the same order."""
    later = {}
    for j in range(start, min(len(blocks), start + LOOKAHEAD)):
        later.setdefault(blocks[j].text, j)
    entries: set[int] = set()
    run: list[int] = []
    for i in range(max(0, start - LOOKBACK), start + 1):
        at = later.get(blocks[i].text) if i < start else None
        if at is not None and (not run or at > later[blocks[run[-1]].text]):
            run.append(i)
            continue
        if len(run) >= TOC_RUN:
            entries.update(run)
        run = [i] if at is not None else []
    return entries


def title_from_html(meta_title: str | None, headlines: tuple[str, ...], site_name: str | None,
                    article: bool = False, page_title: str | None = None) -> str | None:
    """The title of an HTML page, as readers see it.  On an article page, its headline (``page_headline``) of
    the <h1>s that read as one (``_reads_as_headline``).  Elsewhere (a shop's page, a service's), or when no
    headline fits, the metadata title cut of a "| Site" suffix; the first <h1> when it says the same in fewer
    words.  The metadata title is the page's <title> (``page_title``) when the metadata has none of its own but
    a site's banner (``_own_title``), or when it is the site's name that ends the <title> (``_site_banner``); of
    a title's parts, the headline's is the one a <h1> says."""
    banner = _site_banner(_spaced([meta_title or ""])[:1], _spaced([page_title or ""])[:1])
    if banner is not None:  # the metadata names the site: the page's <title> names the page
        meta_title, site_name = page_title, banner
    heads = _without_site(_unmarked(_spaced(headlines)), site_name)
    titles = _own_title(_unmarked(_spaced([meta_title or ""])[:1]), _spaced([page_title or ""])[:1], heads)
    title = titles[0] if titles else None
    if article:
        if title is not None and len(heads) > MANY_HEADS and title.casefold() not in {h.casefold() for h in heads}:
            heads = []
        shown = [h for h in heads if title is None or _reads_as_headline(h, title)]
        head = page_headline(shown, title, site_name, heads)
        said = _not_the_site(_metadata_title(title, None, site_name, heads), title, site_name)
        return said if head is None or said is not None and _says_it_better(said, head, title, site_name) else head
    sites = _site_names(title, site_name, heads)
    first = next((h for h in heads if h.casefold() not in sites), None)
    chosen = _metadata_title(title, first, site_name, heads)
    said = _metadata_title(title, None, site_name, heads)
    return said if chosen and said and (_spelt_worse(chosen, said) or _run_together(chosen, title)) else chosen


def _site_banner(metadata: list[str], tag: list[str]) -> str | None:
    """The metadata title when it is the site's name that ends the page's <title>, beside a part of more words
    ("Discuss the VirtualBox 7.1.0 release here - virtualbox.org" over the metadata's "virtualbox.org"); a site's
    name before the headline is as often the other way round ("Frommers | The 10 Best ..." over the headline)."""
    if not metadata or not tag:
        return None
    parts = [p.strip() for p in _SITE_SEP.split(tag[0])]
    said = metadata[0]
    if len(parts) < 2 or parts[-1].casefold() != said.casefold():
        return None
    return said if any(_words(p) > _words(said) for p in parts[:-1]) else None


def _says_it_better(said: str, head: str, title: str, site_name: str | None) -> bool:
    """Whether the metadata's headline is an article's title rather than the <h1> picked for it: the <h1> names
    the site (``_names_the_site``), says the headline as the page lost it (``_spelt_worse``, ``_run_together``)
    or without its figures (``_cut_of_figures``)."""
    return (_names_the_site(head, title, site_name) or _spelt_worse(head, said) or _run_together(head, title)
            or _cut_of_figures(head, said))


def _names_the_site(head: str, title: str | None, site_name: str | None) -> bool:
    """Whether the words a <h1> shares with the metadata title are all the site's name's ("Return to Acme
    Website" beside "Headline – Acme Group"): it names the site, not the story."""
    site = _own_site_name(title, site_name)
    shared = _tokens(head) & _tokens(title or "")
    return site is not None and bool(shared) and shared <= _tokens(site)


def _not_the_site(said: str | None, title: str | None, site_name: str | None) -> str | None:
    """The headline's part of a "Headline | Site" title, not the part that the site's name says
    ("Thrive Internet Marketing" of the site "Thrive Internet Marketing Agency")."""
    site = _own_site_name(title, site_name)
    parts, _longest = _title_parts(title)
    if not said or site is None or not parts or said.casefold() not in site.casefold():
        return said
    others = [p for p in parts if p.casefold() not in site.casefold()]
    return max(others, key=len) if others else said


def _own_site_name(title: str | None, site_name: str | None) -> str | None:
    """The site's name as the metadata gives it, unless that says all the title's words (a page without a
    site's name of its own gets its title there)."""
    if not site_name or not title or _tokens(title) <= _tokens(site_name):
        return None
    return site_name


def _cut_of_figures(head: str, said: str) -> bool:
    """Whether a <h1> is the metadata's headline cut of its figures: a count or a year ("8 Recent Trends in
    Photography", "Best Travel Insurance for Seniors in 2025" over the <h1> without them)."""
    at = said.casefold().find(head.casefold())
    if at < 0 or len(head) == len(said):
        return False
    rest = (said[:at] + " " + said[at + len(head):]).split()
    return (any(w.isdigit() for w in rest)
            and all(w.isdigit() or (w.islower() and w.isalpha() and len(w) <= 3) for w in rest))


def _spelt_worse(head: str, said: str) -> bool:
    """Whether a <h1> says the metadata's headline as the page lost it: its words run together where lines
    met ("WEEKENDCODING AGENT"), or characters lost to "?" ("Event Planning? Beginner? Guide")."""
    if head == said:
        return False
    if len(head.split()) < len(said.split()) and "".join(head.split()).casefold() == "".join(said.split()).casefold():
        return True
    if "?" not in head or head.endswith("?") and head.count("?") == 1:
        return False
    pieces = [re.escape(p) for p in head.split("?")]
    return re.fullmatch(".{1,2}".join(pieces), said, re.IGNORECASE | re.DOTALL) is not None


_JOINED = LazyPattern(r"[a-z)\]][A-Z][a-z]")  # "EditionComplete", "(US)Your", and names: "iPhone", "GitHub"


def _run_together(head: str, title: str | None) -> bool:
    """Whether a <h1> runs two of its elements' texts together where the metadata title does not: a word of
    it in which a lower-case letter or a bracket meets a capital ("Top MBA Programs of 2025 (US)Your Guide
    to ...") that the title does not say (a name spelt so, "GitHub", it says too)."""
    return bool(title) and bool(_joined_words(head) - _joined_words(title))


def _joined_words(text: str) -> set[str]:
    return {w for w in text.split() if _JOINED.search(w)}


def headline_from_html(meta_title: str | None, headlines: tuple[str, ...], site_name: str | None,
                       article: bool = False) -> str | None:
    """The headline the article starts at (``from_headline`` looks for it among the first blocks): the <h1>
    the metadata title points at, else the metadata title cut of its longest part's company."""
    title = " ".join((meta_title or "").split()) or None
    heads = _spaced(headlines)
    if article:
        return page_headline(heads, title, site_name) or _metadata_title(title, None, site_name)
    return _metadata_title(title, heads[0] if heads else None, site_name)


def _spaced(texts) -> list[str]:
    """The texts with their whitespace collapsed, the empty ones left out."""
    return [t for t in (" ".join(t.split()) for t in texts) if t]


def _without_site(texts: list[str], site_name: str | None) -> list[str]:
    """The headings without the site's name after a separator at their end ("Catering Tips | Cookshack")."""
    return [_site_cut(t, site_name.casefold()) for t in texts] if site_name else texts


def _site_cut(text: str, site: str) -> str:
    last = None
    for last in _SITE_SEP.finditer(text):
        pass
    return text[:last.start()] if last is not None and text[last.end():].casefold() == site else text


def _unmarked(texts: list[str]) -> list[str]:
    """The texts without a heading's permalink mark at their end ("Quickstart¶": documentation pages)."""
    return [unmarked(t) for t in texts]


def unmarked(title: str) -> str:
    """A title without a heading's permalink mark at its end ("Quickstart ¶": documentation pages)."""
    return title.rstrip(_PERMALINK_MARKS).rstrip() or title


def _reads_as_headline(head: str, title: str) -> bool:
    """Whether a <h1> reads as the page's headline beside its metadata title: not two sentences (a lede, "Learn
    which ... pays best. Get tips ..."), nor the title's headline with the page's furniture around it: a date,
    a count or a byline after it, a date or a label before it ("Blog: ...", "Dec 18 2025 ...")."""
    if _SENTENCE_INSIDE.search(head):
        return False
    _parts, headline = _title_parts(title)
    said = (headline or title).casefold()
    at = head.casefold().find(said)
    if at < 0 or len(said) == len(head):
        return True
    before, after = head[:at].strip(), head[at + len(said):].strip()
    return not ((not before or _FURNITURE_BEFORE.fullmatch(before)) and (not after or _FURNITURE_AFTER.match(after)))


def _own_title(metadata: list[str], tag: list[str], heads: list[str]) -> list[str]:
    """The page's title as its metadata gives it, unless that is the site's banner: read from the page's one <h1>
    (a page without og:title, as trafilatura reads it) and sharing no word with the page's <title>, whose
    headline says half as many words again ("Jane's Blog" over "Notes on parsing | Jane's Blog"); or unless it
    names something else than the page's <title> and <h1> do (``_names_another``)."""
    if not tag or not metadata:
        return metadata or tag
    meta_title, page_title = metadata[0], tag[0]
    if _names_another(meta_title, page_title, heads):
        return tag
    if len(heads) != 1 or meta_title.casefold() != heads[0].casefold() or page_title[0] in _SEPARATORS:
        return metadata  # not read from the one <h1>, or a <title> of only "| Site"
    _parts, headline = _title_parts(page_title)
    if _tokens(meta_title) & _tokens(page_title) or 2 * _words(headline or page_title) < 3 * _words(meta_title):
        return metadata
    return tag


def _names_another(meta_title: str, page_title: str, heads: list[str]) -> bool:
    """Whether the metadata title names something else than the page does: it shares no word with the
    headline of the page's <title>, two thirds of whose words or more a <h1> of the page says (og:title "Blog post
    >> Visit our blog" or "Mattressnap" over <title> "Best Mattress For Side Sleepers – mattressnap.com")."""
    _parts, headline = _title_parts(page_title)
    said = _tokens(headline or page_title)
    return (bool(said) and not said & _tokens(meta_title)
            and any(3 * len(said & _tokens(h)) >= 2 * len(said) for h in heads))


def page_headline(heads: list[str], title: str | None, site_name: str | None, naming: list[str] = ()) -> str | None:
    """Of the page's <h1> texts that are not the site's name, the one that shares the largest part of its words
    with the metadata title (the first of equals; the first at all when there is no metadata title), unless
    it shares none: then the page's <h1> names something else (a section, a promotion).  ``naming``: the
    headings that tell which part of a "Headline | Site" title is the headline (else the longest is)."""
    sites = _site_names(title, site_name, naming)
    heads = [h for h in heads if h.lower() not in sites]
    if not heads or title is None:
        return heads[0] if heads else None
    said = _tokens(title)

    def shared(head: str) -> float:
        words = _tokens(head)
        return len(words & said) / len(words) if words else 0.0

    best = max(heads, key=shared)
    return best if shared(best) > 0 else None


def _site_names(title: str | None, site_name: str | None, heads: list[str] = ()) -> set[str]:
    """The site's name as the page gives it (lower case): its metadata, and the parts of the title beside the
    headline's ("Headline | Site")."""
    names = {site_name.lower()} if site_name else set()
    parts, longest = _title_parts(title, heads, site_name)
    names.update(p.lower() for p in parts if p != longest)
    return names


def _title_parts(title: str | None, heads: list[str] = (),
                 site_name: str | None = None) -> tuple[list[str], str | None]:
    """The parts of a title set apart by a site separator (" | ", " - ", ...), and the headline's among them:
    the one a <h1> of the page says ("Coffee - University of ..."), unless that is the site's name, else the
    longest; no parts for a title of one part."""
    parts = [p.strip() for p in _SITE_SEP.split(title)] if title else []
    if len(parts) < 2:
        return [], None
    said = {h.casefold() for h in heads} - {(site_name or "").casefold()}
    return parts, next((p for p in parts if p.casefold() in said), max(parts, key=len))


def _metadata_title(title: str | None, headline: str | None, site_name: str | None,
                    naming: list[str] = ()) -> str | None:
    """The metadata title, cut of a "| Site" suffix; the page's <h1> when they share the words."""
    if headline:
        if title is None:
            return headline
        if headline == title:
            return title
        ht, tt = _tokens(headline), _tokens(title)
        if ht and len(ht & tt) >= 0.6 * len(ht) and len(headline) <= len(title):
            return headline
    _parts, longest = _title_parts(title, naming, site_name)
    if longest is not None and (site_name is None or site_name.lower() not in longest.lower()
                                or len(longest.split()) > 3):
        return longest
    return title


# --- Does a line look like a teaser's title? -------------------------------------------------------------
# Four tests of a teaser's title, each as strict as its company needs: the less the lines around it say "a list
# of teasers stands here", the more the line itself must look like a headline.
#   is_capitalised_headline  over a one-sentence blurb (classify.headline_pairs): most of its words capitalised
#   is_teaser_title          three or more in a row at the article's tail (classify.cut_trailing_titles)
#   is_short_title           under a "Related:" label that a rule removed (pipeline)
#   is_any_case_title        over a date line (classify.headline_pairs): German nouns, French sentence case
# And a fifth, of a headline's fragment left at the article's end (rules.fragments): is_capitalised_fragment.


def capitalised(words: list[str]) -> int:
    """How many of the words start with a capital letter."""
    return len([w for w in words if w[:1].isupper()])


def is_capitalised_headline(text: str) -> bool:
    """3 to 20 words, most of them capitalised, not ending in ".", ",", ";" or ":" (a question may)."""
    if text.endswith(NOT_HEADLINE_ENDS):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    if not 3 <= len(words) <= 20 or text.split(None, 1)[0].endswith(":"):
        return False  # a label first ("A: Bob Marley, Bruno Mars") is an answer or a caption, not a headline
    return capitalised(words) >= 0.7 * len(words)


def is_teaser_title(text: str) -> bool:
    """A line of a headline's length without a sentence end (a question mark and closing quotes allowed)."""
    if len(text) > 150 or unquoted(text).endswith(NOT_TEASER_TITLE_ENDS):
        return False
    words = sum(1 for w in text.split() if any(map(str.isalnum, w)))  # a dash or a bullet is no word
    return 4 <= words <= 20


TEASER_TITLE_WORDS = 15


def is_short_title(text: str) -> bool:
    """A headline, not a sentence of the article: short, and not ending in a full stop or a colon."""
    return len(text.split()) <= TEASER_TITLE_WORDS and not text.rstrip().endswith(NOT_SHORT_TITLE_ENDS)


def is_any_case_title(text: str) -> bool:
    """A line that may be a title of any case: a few words, no full stop at its end."""
    return 2 <= len(text.split()) <= 20 and not text.endswith(FULL_STOP)


def is_capitalised_fragment(text: str) -> bool:
    """A phrase without a sentence's end whose words are at least half capitalised: a caption's name or a
    headline's piece ("US President Barack Obama")."""
    if text.rstrip().endswith(TERMINAL):
        return False
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and capitalised(words) >= 0.5 * len(words)


# --- The article starts at its headline (HTML) ------------------------------------------------------------
TITLE_WITHIN = 5  # blocks: how near the top the headline must stand for what precedes it to go
TITLE_MIN_WORDS = 3


def from_headline(blocks: list[Block], title: str | None, description: str | None,
                   removed: list[Removal]) -> list[Block]:
    """The article starts at its headline: blocks the extraction took from above it (a teaser of another
    story, a section label, a date) go.  The headings right below it are the headline's company: one
    that repeats the page's summary word for word is the standfirst, which is not the body."""
    if not blocks:
        return blocks
    title_key = dedupe_key(title) if title else ""
    if title_key.count(" ") >= TITLE_MIN_WORDS - 1:  # a one-word title ("Home") may be a menu's word too
        at = next((i for i, b in enumerate(blocks[:TITLE_WITHIN + 1]) if dedupe_key(b.text) == title_key), 0)
        removed.extend(Removal(b.text, "rebuild", "rebuild.before_title") for b in blocks[:at])
        blocks = blocks[at:]
    summary_key = dedupe_key(description) if description else ""
    if summary_key and summary_key != title_key:
        for i, b in enumerate(blocks[:TITLE_WITHIN]):
            if b.kind != "h":
                break
            if dedupe_key(b.text) == summary_key:
                removed.append(Removal(b.text, "rebuild", "rebuild.standfirst"))
                return blocks[:i] + blocks[i + 1:]
    return blocks
