"""The pipeline: input -> blocks -> heuristic stage -> rules -> title and paragraphs -> Article.

This is the one place that applies rules and records what was removed, and why.
"""
from __future__ import annotations

from . import detect
from .authors import (AUTHOR_BOX, HEADER_ZONE, authors_from_byline, bio_subject, drop_closing_notes, harvest,
                      is_person_name, named_earlier)
from .article import Article, Block, Removal
from .blocks import typed_blocks
from .classify import (BOILERPLATE, DOUBLED_LINE, ITEM_MIN_WORDS, ITEM_REASONS, LIST_ITEM_MIN_WORDS, REPEATED_ON_PAGE,
                       TEASER, choose_stopwords, classify, end_at_comment_thread, first_paragraph, is_heuristic,
                       is_list_item)
from .errors import EmptyInputError
from .lexicon import lexicon
from .options import Options
from .rebuild import dedupe_key, normalise_text, paragraphs
from .rules import TEASER_LIST, RuleBook
from .segment import segment
from .text import PHRASE_WORD, SENTENCE_WORDS, TERMINAL_DOUBLE_QUOTED, says_something, words_of
from .title import from_headline, headline_from_html, is_short_title, text_headings, title_from_html

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

DATELINE = "bylines.dateline"  # the rule whose removals at the article's top give a text its date


def clean(data: str | bytes, *, url: str | None = None, kind: str = "auto", **options: object) -> Article:
    """Clean one page or scraped text; raise ``CleanerError`` for input that cannot be cleaned (and
    ``TypeError`` or ``ValueError`` for a wrong argument or option).  Bytes that came with a charset (an HTTP
    header) take it as ``encoding="iso-8859-2"`` or ``content_type="text/html; charset=iso-8859-2"``."""
    return run(data, Options.from_kwargs(url=url, kind=kind, **options))


def run(data: str | bytes, opts: Options) -> Article:
    """Clean one page with options already made (the stream workers, Spark and Scrapy call this)."""
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    text, utf8 = detect.decode_checked(data, opts.max_bytes, detect.transport_codec(opts.encoding, opts.content_type))
    plain = utf8 is not None and detect.is_plain(text, utf8)  # cheap from the UTF-8 bytes; else unknown
    if opts.kind != "auto":
        kind = opts.kind
    else:  # detect_kind reads the head of the text, past its prolog, as it will be cleaned
        kind = detect.detect_kind(text, plain)
    if kind == "html":
        from . import html

        page = detect.without_controls(text, plain)  # composed (NFC) block by block: html.py
        del text  # when controls were stripped, the text as decoded goes now
        parsed = html.read(page)
        del page  # the tree holds the page from here on: no copy of it lives through the extraction
        return _from_html(parsed, opts)
    blocks = segment(text)  # controls stripped and NFC line by line: no copy of a large text
    del text  # the blocks hold all that is needed (a text decoded from bytes goes now)
    if not blocks:
        raise EmptyInputError("input is only whitespace or control characters")
    return _from_text(blocks, opts)


def _from_text(blocks: list[Block], opts: Options) -> Article:
    """The article in the blocks of a text; the list is consumed."""
    lex = lexicon()
    rules = RuleBook(opts.disabled_rules, opts.rules, opts.user_rules)
    noise = lambda b: rules.first_matching_rule(b.text, b.kind)  # noqa: E731
    first: list[tuple] | None = [] if opts.text_model and not opts.fast else None
    language, span = classify(blocks, opts, lex, noise, first)
    if first is not None and _for_the_model(blocks, span, opts, noise):  # the learned line scorer revises the verdicts
        from . import textscore

        chosen = textscore.model(None if opts.text_model == "shipped" else opts.text_model)
        stopwords = lex.stopwords[language] if language else frozenset()
        before = [b.reason if b.label != "good" else "" for b in blocks]
        span = textscore.score(blocks, first, span, stopwords, noise, words_of, chosen, opts.explain)
        _restore_dropped_lists(blocks, before, first, span, noise)
    end_at_comment_thread(blocks, opts, lex)
    removed: list[Removal] = []
    is_noise = lambda text: rules.first_matching_rule(text) is not None  # noqa: E731
    start = first_paragraph(blocks, span, is_noise)
    title_at, title = text_headings(blocks, start, opts.url, is_noise)  # the article's header starts at title_at
    headline = normalise_text(blocks[title_at].text) if title_at is not None else None
    kept: list[Block] = []
    authors: list[str] = []
    datelines: list[str] = []  # the header zone's date lines, for the article's date
    header_from = title_at if title_at is not None else start - HEADER_ZONE
    around_title = _around_title(blocks, title_at, start)
    if not any(b.label == "good" for b in blocks):
        _whole_page(blocks, noise)
    else:
        _list_under_intro(blocks, opts)
    blocks.reverse()  # consumed from here on: a removed block lives on only as its Removal (the two side by
    for i in range(len(blocks)):  # side were the peak of memory on a large text)
        b = blocks.pop()
        if i == title_at:
            continue
        if b.label == "good":
            kept.append(b)
            continue
        if header_from < i < start:  # the header zone: name the rule, and keep the byline's names
            hit = rules.first_matching_rule(b.text)
            if hit is not None:
                b.reason = hit
                harvest(hit, b.text, authors)
                if hit == DATELINE:
                    datelines.append(b.text)
        removed.append(_removal(b))
    for b in kept[:HEADER_ZONE]:  # the article's top: the lines a rule removes before its first paragraph
        hit = rules.first_matching_rule(b.text, b.kind)
        if hit is None:
            break
        if hit == DATELINE:
            datelines.append(b.text)
    kept, byline_authors = _apply_rules(kept, rules, removed)
    if rules.enabled and AUTHOR_BOX not in rules.disabled:
        _drop_author_tail(kept, removed, lex)
    authors.extend(a for a in byline_authors if a not in authors)
    if not authors and any(around_title):
        from .metadata import shown_authors

        authors = shown_authors(*around_title)
    return _article(kept, removed, opts, title=title, headline=headline, authors=authors, language=language,
                    kind="text", date=_text_date(opts.url, datelines, around_title))


LIST_RUN = 3  # item lines in a row that make a list the line scorer dropped
LIST_RUN_WORDS = 4  # the least mean words of those lines (a menu's labels are fewer: "Loans & Scholarships")


def _restore_dropped_lists(blocks: list[Block], before: list[str], first: list[tuple], span: tuple[int, int],
                           noise: Callable[[Block], str | None]) -> None:
    """Inside the learned line scorer's span, a run of LIST_RUN lines or more that it dropped, each a list's item
    as the heuristics see one inside an article (LIST_ITEM_MIN_WORDS words, ``is_list_item``, put out by its length
    or shape alone: ``before`` holds the heuristics' reasons, "" for a kept line; not in a teaser list, no rule
    names it), of LIST_RUN_WORDS words a line on average: a checklist's steps, a directory's entries, a list's
    products.  They stay, as ``classify._keep_items`` keeps such lines in the heuristics' span."""
    def is_item(i: int) -> bool:
        b = blocks[i]
        return (b.label != "good" and b.reason.startswith(MODEL_PREFIX) and before[i] in ITEM_REASONS
                and not first[i][3] and len(b.text.split()) >= LIST_ITEM_MIN_WORDS and is_list_item(b.text)
                and noise(b) is None)

    i, end = span[0], span[1]
    while i <= end:
        if not is_item(i):
            i += 1
            continue
        j = i
        while j < end and is_item(j + 1):
            j += 1
        run = blocks[i:j + 1]
        if len(run) >= LIST_RUN and sum(len(b.text.split()) for b in run) >= LIST_RUN_WORDS * len(run):
            for b in run:
                b.label, b.reason = "good", ""
        i = j + 1


AUTHOR_TAIL = 5  # the article's last kept blocks where an author's box may start
AUTHOR_TAIL_SHARE = 0.5  # the share of the article's text that stands before an author's box
NAME_LINE_CHARS = 60  # a line of a person's name alone (above her note) is shorter
NOTE_REACH = 2  # blocks under a person's name where her note stands
NOTE_NAMED_WORDS = 4  # words at the head of the note among which her first name stands
NOTE_PRONOUN_WORDS = 50  # words of the note among which a personal pronoun stands ("she", "his", "I")


def _drop_author_tail(kept: list[Block], removed: list[Removal], lex) -> None:
    """A text's author box, where the rules that peel the article's last blocks one at a time stop short of it
    (a "Share" row, a sign-up call, a list of posts after it): among the last AUTHOR_TAIL kept blocks, once
    AUTHOR_TAIL_SHARE of the article's text is seen, a note on the author (``authors.bio_subject``: "Jane Doe is
    a staff writer ...", under her name alone perhaps) or a line of a person's name over a note that names her
    and speaks of a person ("Lauren Vetter" / "Lauren Vetter is a growth-focused marketer. She ..."); it goes
    with everything after it.  A note on someone the article names before is a source's: it stays."""
    total = sum(len(b.text) for b in kept)
    first = max(1, len(kept) - AUTHOR_TAIL)
    seen = sum(len(b.text) for b in kept[:first])
    for j in range(first, len(kept)):
        if seen >= AUTHOR_TAIL_SHARE * total:
            start = _author_box_at(kept, j, lex)
            if start is not None:
                removed.extend(Removal(b.text, "rules", AUTHOR_BOX) for b in kept[start:])
                del kept[start:]
                return
        seen += len(kept[j].text)


def _author_box_at(kept: list[Block], j: int, lex) -> int | None:
    """Where an author's box starts if kept[j] begins one (its note, or her name over it), else None."""
    text = kept[j].text
    name = bio_subject(text, lex)
    if name is not None:
        above = kept[j - 1].text
        start = j - 1 if len(above) <= NAME_LINE_CHARS and name in above else j
    else:
        words = text.split()
        if not (2 <= len(words) <= 4 and is_person_name(words, lex) and _person_note_below(kept, j, words[0], lex)):
            return None
        name, start = text, j
    return None if named_earlier(name, kept, start) else start


def _person_note_below(kept: list[Block], j: int, first_name: str, lex) -> bool:
    """Whether, within NOTE_REACH blocks under a name line, a note names the person at its head and speaks of
    a person (a personal pronoun of the [person_pronouns] list): not a section's heading over its paragraph
    ("Digital Tools" / "Digital health tools continue ...", "Bluff Creek Ranch" / "Bluff Creek Ranch, also
    known as ...")."""
    pronouns = lex.words("person_pronouns")
    for b in kept[j + 1:j + 1 + NOTE_REACH]:
        tokens = PHRASE_WORD.findall(b.text)
        if len(b.text) > 2 * len(kept[j].text) and first_name in tokens[:NOTE_NAMED_WORDS]:
            return any(pronouns.prefix([t.lower()]) for t in tokens[:NOTE_PRONOUN_WORDS])
    return False


def _whole_page(blocks: list[Block], noise: Callable[[Block], str | None]) -> None:
    """A text in which the heuristics keep no line, though a line of it says something (a shop's page, a list of
    items' names, a thread of short posts): its lines are its content, less those a named rule calls noise.  Better
    than no output, which scores nothing against such a page's text (docs/benchmarks.md).  A text of menu rows and
    teasers stays empty: the sentence must read as the language (``is_prose``) and no named rule may call it noise."""
    dropped = [b for b in blocks if is_heuristic(b.reason or BOILERPLATE)]
    stopwords = choose_stopwords([words_of(b.text) for b in dropped], lexicon())[1]
    if any(says_something(b.text) and is_prose(b.text, stopwords) and noise(b) is None for b in dropped):
        for b in dropped:
            b.label = "good"


INTRO_PARAGRAPHS = 2  # long paragraphs (length_high) that make more than a list's intro
LIST_ITEMS = 20  # item lines (``_is_item_line``) that make the list a short intro stands over
ITEM_GAP = 3  # lines between two items of one list (a price, a rating, a button)


def _list_under_intro(blocks: list[Block], opts: Options) -> None:
    """A text whose kept lines are a short intro, fewer than INTRO_PARAGRAPHS long paragraphs (a listing's, a
    shop's or a ranking's few sentences), next to a list of LIST_ITEMS item lines or more (the products', the
    titles', the places' names; ``_item_runs``) that starts or ends within ITEM_GAP lines of a kept one: the
    items are the page's content, which the intro only introduces.  A menu or a footer's links far from the
    article are no such list."""
    if sum(b.label == "good" and len(b.text) >= opts.length_high for b in blocks) >= INTRO_PARAGRAPHS:
        return
    good = [i for i, b in enumerate(blocks) if b.label == "good"]
    for run in _item_runs(blocks):
        if len(run) >= LIST_ITEMS and any(run[0] - ITEM_GAP - 1 <= i <= run[-1] + ITEM_GAP + 1 for i in good):
            for i in run:
                blocks[i].label = "good"


def _item_runs(blocks: list[Block]) -> list[list[int]]:
    """The runs of item lines (``_is_item_line``) at most ITEM_GAP other lines apart: the indices of each."""
    runs: list[list[int]] = []
    for i, b in enumerate(blocks):
        if b.label != "good" and _is_item_line(b):
            if runs and i - runs[-1][-1] <= ITEM_GAP + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    return runs


_NOT_ITEMS = frozenset({REPEATED_ON_PAGE, DOUBLED_LINE, TEASER})  # a menu's, a widget's or a teaser list's lines


def _is_item_line(block: Block) -> bool:
    """A line a list may hold as an item: put out by the heuristics or the line scorer alone (not a rule),
    standing once on the page, of ITEM_MIN_WORDS words or more, not a date line or a count (``is_list_item``)
    and not a teaser's cut-off ("Ohne Registrierung, Gebühren o..")."""
    reason = block.reason or BOILERPLATE
    return ((is_heuristic(reason) or reason.startswith(MODEL_PREFIX)) and reason not in _NOT_ITEMS
            and len(block.text.split()) >= ITEM_MIN_WORDS and not block.text.rstrip().endswith(_CUT_OFF)
            and is_list_item(block.text))


_CUT_OFF = ("..", "\u2026")  # the end of a teaser cut short


def _text_date(url: str | None, datelines: list[str], around_title: tuple[list[str], list[str]]) -> str | None:
    """A text's date: the one in its URL (``/2019/11/19/``), else the date its lines show by its title, as a
    page's by its headline (``metadata.shown_date``: "By Jane Doe | March 3, 2024" under it), else the first
    date line at its top."""
    from .dates import parse_date, url_date

    found = url_date(url)
    if not found and any(around_title):
        from .metadata import shown_date

        found = shown_date(*around_title)
    return found or next((d for d in map(parse_date, datelines) if d), None)


TITLE_ZONE = 3  # lines before a text's title, and after it before its first paragraph, where its date may stand


def _around_title(blocks: list[Block], title_at: int | None, start: int) -> tuple[list[str], list[str]]:
    """The lines just before a text's title and those between it and the article's first paragraph (at most
    TITLE_ZONE each); none when no title was found."""
    if title_at is None:
        return [], []
    return ([b.text for b in blocks[max(0, title_at - TITLE_ZONE):title_at]],
            [b.text for b in blocks[title_at + 1:min(start, title_at + 1 + TITLE_ZONE)]])


def _from_html(parsed, opts: Options) -> Article:
    from . import html

    rules = RuleBook(opts.disabled_rules, opts.rules, opts.user_rules, source="html")
    blocks, meta = html.extract(parsed, opts, rules)
    removed: list[Removal] = []
    by_heuristics = meta.naive
    if meta.naive:  # an article page the extraction missed: the page's blocks go through the text heuristics
        classify(blocks, opts, lexicon(), lambda b: rules.first_matching_rule(b.text, b.kind))
        good = [b for b in blocks if b.label == "good"]
        if not good:  # a short post may be all there is: what the extraction held of it that says something
            good = [b for b in meta.extracted if says_something(b.text)] or _short_post(meta.extracted)
            by_heuristics = not good
        said = {b.text for b in good}
        removed.extend(_removal(b) for b in blocks if b.label != "good" and b.text not in said)
        blocks = good
    else:
        removed.extend(Removal(b.text, "html", *b.reason.partition(": ")[::2]) for b in blocks if b.label == "bad")
        blocks = [b for b in blocks if b.label != "bad"]
    headline = headline_from_html(meta.title, meta.headlines, meta.site_name, article=bool(meta.article))
    blocks = from_headline(blocks, headline, meta.description, removed)
    title = title_from_html(meta.title, meta.headlines, meta.site_name, article=bool(meta.article),
                            page_title=meta.page_title)
    kept, authors = _apply_rules(blocks, rules, removed)
    meta_authors = meta.authors or [name for b in meta.bylines for name in authors_from_byline(b)]
    language = meta.language or _stopword_language(kept)
    return _article(kept, removed, opts, title=title, headline=headline, authors=meta_authors or authors,
                    language=language, kind="html", date=meta.date, site_name=meta.site_name, url=meta.url,
                    fields={"description": meta.description, "image": meta.image, "tags": tuple(meta.tags),
                            "section": meta.section, "canonical_url": meta.canonical_url,
                            "publisher": meta.publisher, "date_modified": meta.date_modified,
                            "comments": tuple(meta.comments)},
                    links=meta.links, page_url=opts.url or meta.url, by_heuristics=by_heuristics)


def _short_post(extracted: list[Block]) -> list[Block]:
    """What the extraction held of a page without a sentence: its lines of a few words that read as language
    (a one-item list, a line under a photo): two of its words or more are the language's stop words.  Not a
    teaser's cut-off, not a row of menu words."""
    stopwords = choose_stopwords([words_of(b.text) for b in extracted], lexicon())[1]
    return [b for b in extracted if not b.text.rstrip().endswith(("...", "\u2026"))
            and len(words_of(b.text)) >= SENTENCE_WORDS and is_prose(b.text, stopwords)]


PROSE_STOPWORDS = 2  # stop words that make a few words read as the language, not as a row of names


def is_prose(text: str, stopwords: frozenset[str]) -> bool:
    """Whether a line reads as the language: PROSE_STOPWORDS of its words or more are its stop words ("Every
    piece is made by hand"; not "E7 Pro Standing Desk – Rare Holiday Pricing!")."""
    return sum(w in stopwords for w in words_of(text)) >= PROSE_STOPWORDS


def _stopword_language(blocks: list[Block]) -> str | None:
    """The language of the article's text by its stop words, for a page that does not declare one."""
    return choose_stopwords([words_of(b.text) for b in blocks[:50]], lexicon())[0]


MODEL_PREFIX = "model."  # the learned line scorer's removals (textscore.MODEL_REMOVAL)


def _removal(block: Block) -> Removal:
    reason = block.reason or BOILERPLATE
    if reason.startswith(MODEL_PREFIX):  # the learned line scorer's, with what weighed against the line
        return Removal(block.text, "model", *reason.partition(": ")[::2])
    return Removal(block.text, "heuristic" if is_heuristic(reason) else "rules", reason)


MIN_ARTICLE_CHARS = 150
MODEL_MIN_LINES = 20  # a shorter text is too little page for the windows the line scorer reads (1-2% of texts)
MODEL_ARTICLE_LONG = 4
"""Long paragraphs (``length_high``) in the text heuristics' span that leave the page to them alone: an article
they read well, where the line scorer costs the news pages more than it gains (docs/benchmarks.md)."""


def _for_the_model(blocks: list[Block], span: tuple[int, int], opts: Options,
                   noise: Callable[[Block], str | None]) -> bool:
    """Whether the learned line scorer reads a text: one of MODEL_MIN_LINES lines or more, whose heuristics' span
    holds less than an article they read well (MODEL_ARTICLE_LONG long paragraphs) but a line that says something
    and no named rule calls noise (where they keep no such line, the page is no article to them, and no output
    beats the scorer's guess)."""
    if len(blocks) < MODEL_MIN_LINES:
        return False
    start, end = span
    good = [b for b in blocks[start:end + 1] if b.label == "good"]
    if sum(len(b.text) >= opts.length_high for b in good) >= MODEL_ARTICLE_LONG:
        return False
    return any(says_something(b.text) and noise(b) is None for b in good)


def looks_like_article(kept: list[Block]) -> bool:
    """A few short lines with no sentence among them (a lone teaser left where the scraper lost the
    body) are no article: better no output than a wrong one.  Asked of the lines the text heuristics
    chose; what a page's markup holds as its content may be short (a one-line post)."""
    return sum(len(b.text) for b in kept) >= MIN_ARTICLE_CHARS or any(
        b.text.rstrip().endswith(TERMINAL_DOUBLE_QUOTED) for b in kept)


# After the last "Related:"/"You may also like" label, a run of headlines to the end is the list it labels.
_TEASER_LABELS = frozenset({"promos.read_more", "promos.section_heading"})


def _apply_rules(blocks: list[Block], rules: RuleBook, removed: list[Removal]) -> tuple[list[Block], list[str]]:
    """Drop the blocks a rule matches, recording each; bylines feed the authors.  Then the article's end:
    a list of headlines under the last teaser label, dangling fragments, the author's note or box."""
    kept: list[Block] = []
    authors: list[str] = []
    teasers_from = None  # where the kept blocks stood when the last teaser label ("You may also like") went
    for b in blocks:
        hit = rules.first_matching_rule(b.text, b.kind)
        if hit is None:
            kept.append(b)
            continue
        removed.append(Removal(b.text, "rules", hit))
        harvest(hit, b.text, authors)
        if hit in _TEASER_LABELS:
            teasers_from = len(kept)
    if (teasers_from and teasers_from < len(kept) and TEASER_LIST not in rules.disabled
            and all(is_short_title(b.text) for b in kept[teasers_from:])):
        removed.extend(Removal(b.text, "rules", TEASER_LIST) for b in kept[teasers_from:])
        del kept[teasers_from:]
    drop_closing_notes(kept, removed, lambda b: rules.first_matching_rule(b.text, b.kind, "tail"),
                       author_box=rules.enabled and AUTHOR_BOX not in rules.disabled)
    return kept, authors


def _article(kept: list[Block], removed: list[Removal], opts: Options, *, title: str | None, headline: str | None,
             authors: list[str], language: str | None, kind: str, date: str | None = None,
             site_name: str | None = None, url: str | None = None, fields: dict | None = None, links=None,
             page_url: str | None = None, by_heuristics: bool = True) -> Article:
    """The article of the kept blocks (``by_heuristics``: chosen by the text heuristics, not by the page's
    markup); with ``links`` (``links.PageLinks``: the page's, when asked for), its blocks carry the links
    inside them, resolved against ``page_url``."""
    if by_heuristics and not looks_like_article(kept):
        removed.extend(Removal(b.text, "heuristic", "heuristic.no_article") for b in kept)
        kept = []
    paras, sources, repeats = paragraphs(kept, opts.dedupe)
    removed.extend(Removal(r, "rebuild", "rebuild.repeated_paragraph") for r in repeats)
    if headline and paras and dedupe_key(paras[0]) == dedupe_key(headline):  # the headline the article starts at
        removed.append(Removal(paras[0], "rebuild", "rebuild.title_in_body"))
        paras, sources = paras[1:], sources[1:]
    # a text's lines lost their control characters as it was cut into blocks (segment.text_lines); a page's
    # text may hold one its markup wrote as a character reference
    if kind != "text" and (_any_controls(paras) or _any_controls(r.text for r in removed)):
        stripped = [(p, source) for p, source in zip(map(detect.strip_controls, paras), sources) if p.strip()]
        paras, sources = [p for p, _ in stripped], [source for _, source in stripped]
        removed = [Removal(detect.strip_controls(r.text), r.stage, r.rule, r.detail) for r in removed]
    text = _printable
    fields = {name: text(value) if isinstance(value, str) else value for name, value in (fields or {}).items()}
    blocks = typed_blocks(paras, sources)
    if links is not None:
        from .links import linked_blocks

        blocks = linked_blocks(blocks, links, page_url)
    return Article(title=text(title), paragraphs=tuple(paras), authors=tuple(a for a in map(text, authors) if a),
                   date_published=text(date), site_name=text(site_name), url=text(url or opts.url),
                   language=text(language), kind=kind, removed=tuple(removed), blocks=blocks, **fields)


# --- No control character in any field, whatever way one came (a character reference that the text around a
# dropped one completes, an escape in the page's JSON-LD, the caller's URL): the input's own went before it
# was read, this is the last check.
def _printable(text: str | None) -> str | None:
    return detect.strip_controls(text) if text else text


_BATCH = 1 << 16  # characters of text checked at a time


def _any_controls(texts) -> bool:
    """Whether any of the texts holds a control character: checked a batch at a time (one call, not one a
    text; and never the whole text of a large input joined)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size > _BATCH:
            if detect.has_controls("".join(batch)):
                return True
            batch, size = [], 0
    return bool(batch) and detect.has_controls("".join(batch))


__all__ = ["clean", "run"]
