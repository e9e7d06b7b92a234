#!/usr/bin/env python3
"""Quality benchmark: cleaner and its peers on the benchmark sets.

Usage (from any directory):

    python benchmarks/bench.py [DATA_DIR] [--sets a,b] [--tools a,b] [--limit N] [-j N]
                               [--show-worst N] [--json FILE] [--per-page FILE]
                               [--gate FLOORS] [--ablate [NAME,NAME]]

DATA_DIR defaults to ``../shared/bench`` relative to the repository root.  The layout
of DATA_DIR and the metrics are described in the data's README.md; the metric
functions below follow it exactly and are unit-tested in tests/test_bench_metrics.py.

Only the standard library is imported at module level, so the metric functions can
be imported cheaply; tools (cleaner, trafilatura, ...) are imported when used, in the
worker processes that run them.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import signal
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"

NEWS_SETS = ("news-html", "news-ptext", "news-pagetext")
MULTI_SETS = ("multi-html", "multi-ptext")
WEB_SETS = ("web-html", "web-ptext", "web-pagetext")
ALL_SETS = NEWS_SETS + MULTI_SETS + WEB_SETS
HTML_SETS = ("news-html", "multi-html", "web-html")
# the page types of the web sets, in the order the tables show them
PAGE_TYPES = ("article", "service", "product", "collection", "forum", "listing", "documentation")

HTML_TOOLS = ("cleaner", "trafilatura", "readability", "justext", "resiliparse")
TEXT_TOOLS = ("cleaner", "input", "c4", "justext-p", "ceiling")
# tools whose ms/page is meaningless (identity, or built from the ground truth)
UNTIMED_TOOLS = ("input", "ceiling")


def family(setname: str) -> str:
    """The metric family of a set: news (shingle F1), multi (segment F1) or web (word-bag F1)."""
    return setname.split("-", 1)[0]


# --------------------------------------------------------------------------------------
# Metrics (pure functions)
# --------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"\w+")  # str patterns are Unicode-aware in Python 3


def tokenize(text: Optional[str]) -> list:
    """Tokens of a text: the matches of ``\\w+`` (Unicode)."""
    return TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = 4) -> Counter:
    """Token n-grams of a document as a multiset.

    A document shorter than ``n`` tokens has one shingle made of all its tokens; a
    document with no token has no shingle (so an empty prediction adds nothing to
    tp+fp and is left out of the precision mean, as the data README says).
    """
    tokens = list(tokens)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(true_text: Optional[str], pred_text: Optional[str], n: int = 4) -> tuple:
    """Per-page (tp, fp, fn) over shingles, divided by their sum (each page weighs the same)."""
    t = shingles(tokenize(true_text), n)
    p = shingles(tokenize(pred_text), n)
    tp = fp = fn = 0
    for s in t.keys() | p.keys():
        tc, pc = t.get(s, 0), p.get(s, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def f1_of(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if (p + r) > 0 else 0.0


def page_f1(tp: float, fp: float, fn: float) -> float:
    return f1_of(page_precision(tp, fp, fn), page_recall(tp, fp, fn))


def news_scores(counts: Iterable[tuple]) -> dict:
    """Aggregate per-page normalised (tp, fp, fn) into precision, recall and F1.

    Precision is the mean of per-page precision over pages with tp+fp > 0, recall the
    mean of per-page recall over pages with tp+fn > 0, F1 the harmonic mean of the two
    means.  A mean over no page is 0.0.
    """
    precisions, recalls = [], []
    for tp, fp, fn in counts:
        if tp + fp > 0:
            precisions.append(page_precision(tp, fp, fn))
        if tp + fn > 0:
            recalls.append(page_recall(tp, fp, fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": f1_of(p, r)}


def tokens_equal(true_text: Optional[str], pred_text: Optional[str]) -> bool:
    """Accuracy criterion: the predicted token list equals the ground truth's exactly."""
    return tokenize(true_text) == tokenize(pred_text)


def collapse_ws(text: Optional[str]) -> str:
    """Every run of whitespace becomes one space; leading/trailing whitespace goes."""
    return " ".join((text or "").split())


def segment_counts(output: Optional[str], with_segs: Sequence[str],
                   without_segs: Sequence[str]) -> tuple:
    """(tp, fn, fp, tn) of one page: `with` segments found / missed, `without` found / absent.

    Whitespace is collapsed in the output and in each segment before the substring test.
    """
    out = collapse_ws(output)
    tp = fn = fp = tn = 0
    for seg in with_segs:
        if collapse_ws(seg) in out:
            tp += 1
        else:
            fn += 1
    for seg in without_segs:
        if collapse_ws(seg) in out:
            fp += 1
        else:
            tn += 1
    return (tp, fn, fp, tn)


def multi_scores(counts: Iterable[tuple]) -> dict:
    """Sum (tp, fn, fp, tn) over pages; F1 = 2tp/(2tp+fp+fn)."""
    tp = fn = fp = tn = 0
    for a, b, c, d in counts:
        tp += a
        fn += b
        fp += c
        tn += d
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if (2 * tp + fp + fn) else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fn": fn, "fp": fp, "tn": tn}


def page_segment_f1(tp: int, fn: int, fp: int, tn: int) -> float:
    d = 2 * tp + fp + fn
    return 2 * tp / d if d else 1.0


def title_matches(expected: Optional[str], got: Optional[str]) -> bool:
    """Titles match exactly after collapsing whitespace (a missing title never matches)."""
    if got is None or expected is None:
        return False
    return collapse_ws(expected) == collapse_ws(got)


def word_tokens(text: Optional[str]) -> list:
    """Tokens of the web sets' metric: the matches of ``\\w+`` in the lower-cased text."""
    return TOKEN_RE.findall((text or "").lower())


def word_bag_scores(reference: Optional[str], prediction: Optional[str]) -> tuple:
    """(precision, recall, F1) of one page over multisets of word tokens (WCXB's metric).

    overlap = size of the multiset intersection; P = overlap/|p|, R = overlap/|r|.  An empty
    reference scores 1.0 for an empty prediction, else 0.0; an empty prediction against a
    non-empty reference scores 0.0 (P and R follow F1 in both cases).
    """
    ref, pred = word_tokens(reference), word_tokens(prediction)
    if not ref:
        return (0.0, 0.0, 0.0) if pred else (1.0, 1.0, 1.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(ref) & Counter(pred)).values())
    p, r = overlap / len(pred), overlap / len(ref)
    return (p, r, f1_of(p, r))


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def web_scores(per_page: Iterable[tuple]) -> dict:
    """Means over pages of per-page (precision, recall, F1): F1 is the mean of page F1s, not 2PR/(P+R)."""
    rows = list(per_page)
    return {"precision": mean([r[0] for r in rows]), "recall": mean([r[1] for r in rows]),
            "f1": mean([r[2] for r in rows]), "pages": len(rows)}


def snippet_counts(output: Optional[str], with_snips: Sequence[str], without_snips: Sequence[str]) -> tuple:
    """(with found, with total, without found, without total): case-insensitive substrings of the output."""
    out = (output or "").lower()
    return (sum(s.lower() in out for s in with_snips), len(with_snips),
            sum(s.lower() in out for s in without_snips), len(without_snips))


def snippet_rates(counts: Iterable[tuple]) -> dict:
    """Shares of all `with` snippets found (higher is better) and of all `without` found (lower is better)."""
    wf = wn = of = on = 0
    for a, b, c, d in counts:
        wf, wn, of, on = wf + a, wn + b, of + c, on + d
    return {"with_found": wf / wn if wn else None, "without_found": of / on if on else None}


# Metadata (web sets): titles, authors, dates.  One normalisation for all three fields.
_META_CHARS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    **{chr(c): "-" for c in range(0x2010, 0x2016)},
})


def norm_meta(text: Optional[str]) -> str:
    """Whitespace collapsed, curly quotes straight, dashes U+2010-U+2015 to '-', case folded."""
    return collapse_ws((text or "").translate(_META_CHARS)).casefold()


def web_title_matches(expected: Optional[str], got: Optional[str]) -> bool:
    """A web set's title is right when equal to the gold one after ``norm_meta`` (a missing one never is)."""
    return bool(expected) and bool(got) and norm_meta(expected) == norm_meta(got)


def author_matches(gold: Optional[str], names: Sequence[str]) -> bool:
    """Right when the gold name equals one of the returned names (after ``norm_meta``)."""
    return bool(gold) and any(norm_meta(gold) == norm_meta(n) for n in names if n)


def date_matches(gold: Optional[str], got: Optional[str]) -> bool:
    """Right when the first 10 characters (YYYY-MM-DD) are equal."""
    return bool(gold) and bool(got) and gold[:10] == got[:10]


def split_authors(value) -> list:
    """A tool's authors as a list of names: trafilatura gives one ``;``-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split(";") if a.strip()]
    return [a for a in value if a]


def field_rates(pairs: Iterable[tuple]) -> dict:
    """(right, has value) per page with a gold value -> accuracy and coverage over those pages."""
    rows = list(pairs)
    n = len(rows)
    return {"accuracy": sum(r for r, _ in rows) / n if n else None,
            "coverage": sum(bool(v) for _, v in rows) / n if n else None, "pages": n}


# --------------------------------------------------------------------------------------
# Text-set baselines and ceilings (pure functions)
# --------------------------------------------------------------------------------------

C4_TERMINAL = (".", "?", "!", '"', "'", "\u201d", "\u2019", "\u201c", "\u2018")


def input_lines(text: str) -> list:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def c4_lines(text: str) -> str:
    """C4's line rule: keep lines with >= 3 words that end in terminal punctuation."""
    keep = [ln for ln in input_lines(text)
            if len(ln.split()) >= 3 and ln.endswith(C4_TERMINAL)]
    return "\n\n".join(keep)


def ceiling_news(text: str, body: str) -> str:
    """Best line selection for news text sets: keep the lines that are substrings of the body."""
    return "\n\n".join(ln for ln in input_lines(text) if ln in body)


def ceiling_multi(text: str, with_segs: Sequence[str], without_segs: Sequence[str]) -> str:
    """Approximate best line selection for multi text sets.

    A line is kept when it contains, or is contained in, a `with` segment, and neither
    contains nor is contained in any `without` segment (whitespace collapsed).  It is an
    approximation: a line that merely is a substring of a `with` segment counts as right
    even if it is boilerplate that happens to repeat words of the body.
    """
    w = [collapse_ws(s) for s in with_segs if collapse_ws(s)]
    wo = [collapse_ws(s) for s in without_segs if collapse_ws(s)]
    keep = []
    for ln in input_lines(text):
        c = collapse_ws(ln)
        if not any(s in c or c in s for s in w):
            continue
        if any(s in c or c in s for s in wo):
            continue
        keep.append(ln)
    return "\n\n".join(keep)


_BLOCK_TAGS = frozenset((
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "header",
    "footer", "figure", "figcaption", "aside", "nav", "main", "hr", "caption", "address",
))


def html_to_text(fragment) -> str:
    """Text of an HTML fragment with one line per block element (used for readability)."""
    import lxml.html

    if fragment is None or not str(fragment).strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = [collapse_ws(ln) for ln in root.text_content().split("\n")]
    return "\n".join(ln for ln in lines if ln)


def lines_as_html(text: str) -> str:
    """The lines of a text, each wrapped in <p>, as an HTML page (for jusText on text sets)."""
    from html import escape

    body = "".join("<p>%s</p>\n" % escape(ln) for ln in input_lines(text))
    return "<html><head><meta charset=\"utf-8\"></head><body>\n%s</body></html>" % body


def ceiling_web(text: str, body: str) -> str:
    """Best line selection for web text sets: keep exactly the input lines whose tokens occur in the reference.

    A line is kept when its run of word tokens (``word_tokens``) occurs, contiguous and in
    order, in the reference's run of tokens; lines without a token are left out (they do
    not count in the metric).
    """
    ref = " %s " % " ".join(word_tokens(body))
    keep = []
    for ln in input_lines(text):
        toks = word_tokens(ln)
        if toks and (" %s " % " ".join(toks)) in ref:
            keep.append(ln)
    return "\n\n".join(keep)


# --------------------------------------------------------------------------------------
# Data loading
# --------------------------------------------------------------------------------------

@dataclass
class Page:
    """One benchmark page and its ground truth; its input is read by the worker that runs a tool on it."""
    id: str
    url: Optional[str]
    path: Path
    truth: Optional[str] = None  # news and web sets: articleBody
    with_segs: list = field(default_factory=list)  # multi sets: segments; web sets: snippets
    without_segs: list = field(default_factory=list)
    page_type: Optional[str] = None  # web sets: page_type and the gold title, author, date
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None


def _url_or_none(u: Optional[str]) -> Optional[str]:
    return u if u and u.startswith(("http://", "https://")) else None


def _page_path(folder: Path, setname: str, name: str) -> Path:
    """Where a page's input lives: html/<name>.gz (news and web ids add .html) or text/<name>.txt."""
    if setname in HTML_SETS:
        return folder / "html" / (name + (".gz" if family(setname) == "multi" else ".html.gz"))
    return folder / "text" / (name + ".txt")


def _page_of(setname: str, key: str, rec: dict, path: Path) -> Page:
    fam = family(setname)
    if fam == "news":
        return Page(key, _url_or_none(rec.get("url")), path, rec.get("articleBody") or "")
    if fam == "multi":
        return Page(key, _url_or_none(key), path, None, list(rec.get("with") or []),
                    list(rec.get("without") or []))
    return Page(key, _url_or_none(rec.get("url")), path, rec.get("articleBody") or "",
                list(rec.get("with") or []), list(rec.get("without") or []),
                rec.get("page_type"), rec.get("title"), rec.get("author"), rec.get("publish_date"))


def load_set(data_dir: Path, name: str, limit: Optional[int] = None) -> tuple:
    """Pages of one set folder, in sorted id order; returns (pages, missing_file_count)."""
    folder = data_dir / name
    truth_file = "evaldata.json" if family(name) == "multi" else "ground-truth.json"
    truth = json.loads((folder / truth_file).read_text(encoding="utf-8"))
    pages, missing = [], 0
    for key in sorted(truth):
        rec = truth[key]
        path = _page_path(folder, name, rec["file"] if family(name) == "multi" else key)
        if not path.exists():
            missing += 1
            continue
        pages.append(_page_of(name, key, rec, path))
        if limit is not None and len(pages) >= limit:
            break
    return pages, missing


def read_page(setname: str, page: Page):
    """The page's input: the raw bytes of an html set (gunzipped), the text of a text set."""
    if setname in HTML_SETS:
        with gzip.open(page.path, "rb") as fh:
            return fh.read()
    return page.path.read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------------------
# Tools: each factory returns a callable (page, data) -> Output, or raises ImportError
# when the tool is not installed.
# --------------------------------------------------------------------------------------

class Output(NamedTuple):
    text: Optional[str]
    title: Optional[str] = None
    authors: tuple = ()
    date: Optional[str] = None


def _decode(data) -> str:
    """Decode page bytes the way trafilatura does (for peers that want a str)."""
    if isinstance(data, str):
        return data
    from trafilatura.utils import decode_file

    return decode_file(data)


def _ensure_repo_on_path():
    # measure the working tree's cleaner even when it is not pip-installed
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


def make_cleaner(setname: str, disabled: frozenset = frozenset()):
    """cleaner's ``clean()`` (``disabled_rules`` set for an ablation run)."""
    _ensure_repo_on_path()
    from cleaner import clean

    kind = "html" if setname in HTML_SETS else "text"
    options = {"disabled_rules": disabled} if disabled else {}

    def run(page: Page, data):
        art = clean(data, url=page.url, kind=kind, **options)
        return Output(art.text, art.title, tuple(art.authors), art.date_published)
    return run


def make_trafilatura(setname: str):
    """web sets: ``bare_extraction(with_metadata=True, include_comments=False)`` (text and metadata);
    news and multi sets: ``extract()`` with its defaults (the data README's reference figures)."""
    import trafilatura

    if family(setname) != "web":
        return lambda page, data: Output(trafilatura.extract(data, url=page.url))

    def run(page: Page, data):
        doc = trafilatura.bare_extraction(data, url=page.url, with_metadata=True, include_comments=False)
        if doc is None:
            return Output("")
        return Output(doc.text, doc.title, tuple(split_authors(doc.author)), doc.date)
    return run


def make_readability(_setname):
    from readability import Document
    import logging

    logging.getLogger("readability").setLevel(logging.ERROR)
    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    return lambda page, data: Output(html_to_text(Document(_decode(data)).summary()))


@lru_cache(maxsize=None)
def _stoplist(multilingual: bool):
    import justext

    if not multilingual:
        return justext.get_stoplist("English")
    words = set()  # like trafilatura's jusText fallback: every stoplist at once
    for lang in justext.get_stoplists():
        words |= justext.get_stoplist(lang)
    return frozenset(words)


def _justext_on(setname: str, to_html):
    import justext

    stop = _stoplist(family(setname) != "news")  # multi and web sets hold many languages

    def run(page: Page, data):
        paras = justext.justext(to_html(data), stop)
        return Output("\n\n".join(p.text for p in paras if not p.is_boilerplate))
    return run


def make_justext(setname: str):
    """jusText on the page's HTML."""
    return _justext_on(setname, _decode)


def make_justext_p(setname: str):
    """jusText on text input, each line wrapped in <p>."""
    return _justext_on(setname, lines_as_html)


def make_resiliparse(_setname):
    from resiliparse.extract.html2text import extract_plain_text

    return lambda page, data: Output(extract_plain_text(_decode(data), main_content=True))


def make_input(_setname):
    return lambda page, data: Output(data)


def make_c4(_setname):
    return lambda page, data: Output(c4_lines(data))


def make_ceiling(setname: str):
    fam = family(setname)
    if fam == "news":
        return lambda page, data: Output(ceiling_news(data, page.truth))
    if fam == "web":
        return lambda page, data: Output(ceiling_web(data, page.truth))
    return lambda page, data: Output(ceiling_multi(data, page.with_segs, page.without_segs))


_FACTORIES = {
    "trafilatura": make_trafilatura, "readability": make_readability,
    "justext": make_justext, "resiliparse": make_resiliparse,
    "input": make_input, "c4": make_c4, "justext-p": make_justext_p,
    "ceiling": make_ceiling,
}
# the module each peer needs, to tell before running whether it is installed
_PEER_MODULES = {"trafilatura": "trafilatura", "readability": "readability", "justext": "justext",
                 "justext-p": "justext", "resiliparse": "resiliparse"}


@lru_cache(maxsize=None)
def make_tool(tool: str, setname: str, disabled: frozenset = frozenset()):
    """The tool's callable, built once per process (its imports and stoplists are costly)."""
    if tool == "cleaner":
        return make_cleaner(setname, disabled)
    return _FACTORIES[tool](setname)


def tool_missing(tool: str) -> Optional[str]:
    """Why a peer cannot run here (its module is not installed), else None."""
    from importlib.util import find_spec

    module = _PEER_MODULES.get(tool)
    if module and find_spec(module) is None:
        return "ModuleNotFoundError: no module named %r (pip install -e '.[bench]')" % module
    return None


def ablation_names() -> list:
    """Every name ``clean(..., disabled_rules={name})`` honours (cleaner's ``rule_names()``), rules first in
    their order, then the removals made outside the rule functions."""
    _ensure_repo_on_path()
    from cleaner.rules import all_rules, rule_names

    names = [r.name for r in all_rules()]
    return names + sorted(rule_names() - set(names))


# --------------------------------------------------------------------------------------
# Running: every (set, tool, disabled rules) is a Job; its pages go in chunks to a process pool
# --------------------------------------------------------------------------------------

class Job(NamedTuple):
    setname: str
    tool: str
    disabled: frozenset = frozenset()  # cleaner's disabled_rules (ablation)
    keep_text: bool = False  # keep each page's output (for --show-worst)


@dataclass
class PageResult:
    id: str
    page_type: Optional[str]
    score: float  # the page's F1 in its set's metric
    detail: tuple  # news: (tp, fp, fn); multi: (tp, fn, fp, tn); web: (P, R, F1)
    seconds: float
    error: Optional[str] = None
    exact: bool = False  # news: the token list equals the truth's
    snippets: tuple = ()  # web: snippet_counts
    title: Optional[str] = None
    authors: tuple = ()
    date: Optional[str] = None
    text: Optional[str] = None  # only when the job keeps text


class PageTimeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise PageTimeout()


def call_tool(fn: Callable, page: Page, data, timeout: float) -> tuple:
    """(Output, seconds, error) for one page; any exception becomes empty output."""
    use_alarm = timeout and timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        out, err = fn(page, data), None
    except PageTimeout:
        out, err = Output(None), "timeout after %gs" % timeout
    except Exception as exc:  # noqa: BLE001 - a page's failure must not stop the run
        out, err = Output(None), "%s: %s" % (type(exc).__name__, str(exc)[:200])
    dt = time.perf_counter() - t0
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if out.text is not None and not isinstance(out.text, str):
        out = out._replace(text=str(out.text))
    return out, dt, err


def score_page(setname: str, page: Page, text: str) -> tuple:
    """(page F1, detail, exact, snippets) of one output in its set's metric."""
    fam = family(setname)
    if fam == "news":
        c = shingle_counts(page.truth, text)
        return page_f1(*c), c, tokens_equal(page.truth, text), ()
    if fam == "multi":
        c = segment_counts(text, page.with_segs, page.without_segs)
        return page_segment_f1(*c), c, False, ()
    prf = word_bag_scores(page.truth, text)
    return prf[2], prf, False, snippet_counts(text, page.with_segs, page.without_segs)


def run_chunk(job: Job, pages: list, timeout: float) -> list:
    """Run one job's tool on some pages (in a worker process); the timing is of the tool call alone."""
    fn = make_tool(job.tool, job.setname, job.disabled)
    results = []
    for page in pages:
        data = read_page(job.setname, page)
        out, dt, err = call_tool(fn, page, data, timeout)
        text = "" if err else (out.text or "")
        score, detail, exact, snippets = score_page(job.setname, page, text)
        results.append(PageResult(page.id, page.page_type, score, detail, dt, err, exact, snippets,
                                  out.title, tuple(out.authors or ()), out.date,
                                  text if job.keep_text else None))
    return results


@dataclass
class ToolResult:
    set: str
    tool: str
    pages: list = field(default_factory=list)  # PageResult, in the set's page order
    unavailable: Optional[str] = None

    @property
    def errors(self) -> list:
        return [(r.id, r.error) for r in self.pages if r.error]

    def figures(self) -> dict:
        if self.unavailable:
            return {"unavailable": self.unavailable}
        n = len(self.pages)
        seconds = sum(r.seconds for r in self.pages)
        d = {"pages": n, "errors": len(self.errors),
             "ms_per_page": None if self.tool in UNTIMED_TOOLS or not n else 1000 * seconds / n}
        d.update(set_scores(self.set, self.pages))
        return d


def set_scores(setname: str, rows: Sequence[PageResult]) -> dict:
    """A set's figures from its pages' results, as the data README aggregates them."""
    fam = family(setname)
    if fam == "news":
        s = news_scores(r.detail for r in rows)
        s["accuracy"] = mean([r.exact for r in rows])
        return s
    if fam == "multi":
        return multi_scores(r.detail for r in rows)
    s = web_scores(r.detail for r in rows)
    s.update(snippet_rates(r.snippets for r in rows))
    s["by_type"] = {t: web_scores(r.detail for r in rows if r.page_type == t)
                    for t in PAGE_TYPES if any(r.page_type == t for r in rows)}
    return s


def set_f1(setname: str, rows: Sequence[PageResult]) -> float:
    """A set's F1 alone (as ``set_scores`` gives it)."""
    fam = family(setname)
    if fam == "news":
        return news_scores(r.detail for r in rows)["f1"]
    if fam == "multi":
        return multi_scores(r.detail for r in rows)["f1"]
    return mean([r.score for r in rows])


def _chunks(items: list, size: int) -> list:
    return [items[i:i + size] for i in range(0, len(items), size)]


def run_jobs(jobs: Sequence[Job], pages_of: dict, timeout: float, workers: int,
             chunk: int = 8, progress: bool = True) -> dict:
    """Run every job on its set's pages with `workers` processes; {job: ToolResult}.

    All chunks of all jobs go to one pool at once (so no core idles between jobs); a job
    whose tool is not installed, or fails to load, is marked unavailable.
    """
    results = {j: ToolResult(j.setname, j.tool) for j in jobs}
    parts = {j: [] for j in jobs}
    todo = {}
    for j in jobs:
        missing = tool_missing(j.tool)
        if missing:
            results[j].unavailable = missing
            continue
        todo[j] = _chunks(pages_of[j.setname], chunk)
        parts[j] = [None] * len(todo[j])

    def done(job, index, rows):
        parts[job][index] = rows
        if all(p is not None for p in parts[job]):
            results[job].pages = [r for p in parts[job] for r in p]
            if progress:
                secs = sum(r.seconds for r in results[job].pages)
                label = job.tool + ("" if not job.disabled else " -" + ",".join(sorted(job.disabled)))
                print("  %-14s %-12s %5d pages, %6.1f s in the tool" % (
                    job.setname, label, len(results[job].pages), secs), file=sys.stderr, flush=True)

    def failed(job, exc):
        results[job].unavailable = "%s: %s" % (type(exc).__name__, str(exc)[:200])
        todo.pop(job, None)

    if workers <= 1:
        for job, chunks in list(todo.items()):
            try:
                for i, c in enumerate(chunks):
                    done(job, i, run_chunk(job, c, timeout))
            except Exception as exc:  # noqa: BLE001 - a tool that cannot load (ImportError mostly)
                failed(job, exc)
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [(job, i, pool.submit(run_chunk, job, c, timeout))
                   for job, chunks in todo.items() for i, c in enumerate(chunks)]
        for job, i, fut in futures:
            if results[job].unavailable:
                fut.cancel()
                continue
            try:
                done(job, i, fut.result())
            except Exception as exc:  # noqa: BLE001
                failed(job, exc)
    return results


# --------------------------------------------------------------------------------------
# Titles and metadata
# --------------------------------------------------------------------------------------

def _rate(pairs: Iterable[tuple]) -> dict:
    """(right, has value) pairs -> {rate, matched, pages, coverage}."""
    rows = list(pairs)
    f = field_rates(rows)
    return {"rate": f["accuracy"], "matched": sum(r for r, _ in rows), "pages": f["pages"],
            "coverage": f["coverage"]}


def title_rates(data_dir: Path, results: dict, pages_of: dict) -> dict:
    """cleaner's title exact-match rates: news-html and news-ptext against titles.json; every web
    set against its gold titles, on articles and on all pages with a gold title."""
    rates = {}
    path = data_dir / "news-html" / "titles.json"
    titles = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for setname in ("news-html", "news-ptext"):
        r = results.get((setname, "cleaner"))
        if titles and r is not None and r.pages:
            pairs = [(title_matches(titles[p.id], p.title), bool(p.title)) for p in r.pages if p.id in titles]
            if pairs:
                rates[setname] = _rate(pairs)
    for setname in WEB_SETS:
        r = results.get((setname, "cleaner"))
        if r is None or not r.pages:
            continue
        for scope in ("articles", "all"):
            pairs = [(web_title_matches(pg.title, res.title), bool(res.title))
                     for pg, res in zip(pages_of[setname], r.pages)
                     if pg.title and (scope == "all" or pg.page_type == "article")]
            if pairs:
                rates["%s %s" % (setname, scope)] = _rate(pairs)
    return rates


META_FIELDS = ("title", "author", "date")
# pages whose gold has no date: "accuracy" is the share left undated, "coverage" the share given a false date
META_ROWS = META_FIELDS + ("no date",)


def page_meta(page: Page, res: PageResult) -> dict:
    """(right, has value) of each metadata field of one page, for the fields it has a gold value of."""
    out = {}
    if page.title:
        out["title"] = (web_title_matches(page.title, res.title), bool(res.title))
    if page.author:
        out["author"] = (author_matches(page.author, res.authors), bool(res.authors))
    if page.date:
        out["date"] = (date_matches(page.date, res.date), bool(res.date))
    elif page.page_type:  # a web page the gold gives no date: any date given is a false one
        out["no date"] = (not res.date, bool(res.date))
    return out


def metadata_rates(pages: Sequence[Page], results: dict, setname: str = "web-html",
                   tools: Sequence[str] = ("cleaner", "trafilatura")) -> dict:
    """{tool: {scope: {field: field_rates}}} on a web set, for articles and for all pages."""
    table = {}
    for tool in tools:
        r = results.get((setname, tool))
        if r is None or r.unavailable or not r.pages:
            continue
        rows = [page_meta(pg, res) for pg, res in zip(pages, r.pages)]
        for scope in ("articles", "all"):
            picked = [m for m, pg in zip(rows, pages) if scope == "all" or pg.page_type == "article"]
            table.setdefault(tool, {})[scope] = {
                f: field_rates(m[f] for m in picked if f in m) for f in META_ROWS}
    return table


# --------------------------------------------------------------------------------------
# Ablation: the net effect of each rule, as F1 with it minus F1 without it
# --------------------------------------------------------------------------------------

CHANGE_EPS = 1e-9


def groups_of(setname: str, rows: Sequence[PageResult]) -> dict:
    """The page groups a set reports: "all", and on web sets each page type present."""
    groups = {"all": list(range(len(rows)))}
    if family(setname) == "web":
        for t in PAGE_TYPES:
            idx = [i for i, r in enumerate(rows) if r.page_type == t]
            if idx:
                groups[t] = idx
    return groups


def rule_effect(setname: str, base: Sequence[PageResult], off: Sequence[PageResult]) -> dict:
    """Per group: effect = F1 of the baseline - F1 with the rule off (> 0: the rule helps), and the
    pages it helps (their F1 drops without it) and hurts (their F1 rises without it)."""
    out = {}
    for group, idx in groups_of(setname, base).items():
        b = [base[i] for i in idx]
        o = [off[i] for i in idx]
        out[group] = {
            "effect": set_f1(setname, b) - set_f1(setname, o),
            "helped": sum(x.score > y.score + CHANGE_EPS for x, y in zip(b, o)),
            "hurt": sum(x.score + CHANGE_EPS < y.score for x, y in zip(b, o)),
            "pages": len(idx),
        }
    return out


def ablation_table(names: Sequence[str], sets: Sequence[str], results: dict) -> dict:
    """{name: {set: rule_effect}} from the baseline job and one job per disabled name."""
    table = {}
    for name in names:
        for setname in sets:
            base = results.get(Job(setname, "cleaner"))
            off = results.get(Job(setname, "cleaner", frozenset([name])))
            if base is None or off is None or base.unavailable or off.unavailable:
                continue
            table.setdefault(name, {})[setname] = rule_effect(setname, base.pages, off.pages)
    return table


def effect_cell(e: Optional[dict]) -> str:
    """`+0.0012 5/2` (effect, pages helped / hurt), or `·` when no page changes."""
    if e is None:
        return "-"
    if not e["helped"] and not e["hurt"] and abs(e["effect"]) < CHANGE_EPS:
        return "·"
    return "%+.4f %d/%d" % (e["effect"], e["helped"], e["hurt"])


def ablation_markdown(table: dict, sets: Sequence[str], baseline: dict) -> str:
    """The ablation as Markdown tables: one over every set (all pages), one per web set by page type."""
    lines = ["Effect of each rule = F1 with it - F1 without it (positive: the rule helps), then the pages",
             "it helps / hurts (their F1 falls / rises when it is off); `·`: no page changes.", ""]

    def md_table(columns, cell_of, base_of):
        out = ["| rule | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|",
               "| (baseline F1) | " + " | ".join(base_of(c) for c in columns) + " |"]
        for name in table:
            out.append("| `%s` | " % name + " | ".join(cell_of(name, c) for c in columns) + " |")
        return out

    def base_all(s):
        f = baseline.get(s, {}).get("f1")
        return _fmt(f, "%.4f")

    lines += md_table(list(sets), lambda n, s: effect_cell(table[n].get(s, {}).get("all")), base_all)
    for s in sets:
        if family(s) != "web":
            continue
        types = [t for t in ("all",) + PAGE_TYPES if t == "all" or t in baseline.get(s, {}).get("by_type", {})]
        lines += ["", "%s, by page type:" % s, ""]

        def base_type(t, s=s):
            if t == "all":
                return base_all(s)
            return _fmt(baseline[s]["by_type"][t]["f1"], "%.4f")
        lines += md_table(types, lambda n, t, s=s: effect_cell(table[n].get(s, {}).get(t)), base_type)
    silent = [n for n in table if all(effect_cell(g) == "·" for st in table[n].values() for g in st.values())]
    if silent:
        lines += ["", "No page changes on any set with these off: " + ", ".join("`%s`" % n for n in silent)]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------

def _fmt(v, spec="%.3f"):
    return "-" if v is None else spec % v


def _table_rows(results: list, head: str, set_width: int, out):
    """Print a table's head and rule, then give each result a tool produced, with its figures: a blank line
    between sets, a line for a tool that was not available."""
    print(head, file=out)
    print("-" * len(head), file=out)
    prev = None
    for r in results:
        if prev is not None and r.set != prev:
            print("", file=out)
        prev = r.set
        if r.unavailable:
            print("%-*s %-12s  (not available: %s)" % (set_width, r.set, r.tool, r.unavailable[:80]), file=out)
            continue
        yield r, r.figures()


def print_table(results: list, out=None):
    """news and multi sets: one row per set and tool."""
    out = out or sys.stdout
    head = "%-14s %-12s %5s %6s %6s %6s %6s %8s %6s" % (
        "set", "tool", "pages", "F1", "P", "R", "acc", "ms/page", "errors")
    for r, f in _table_rows(results, head, 14, out):
        print("%-14s %-12s %5d %6s %6s %6s %6s %8s %6d" % (
            r.set, r.tool, f["pages"], _fmt(f.get("f1")), _fmt(f.get("precision")),
            _fmt(f.get("recall")), _fmt(f.get("accuracy")), _fmt(f["ms_per_page"], "%.1f"), f["errors"]),
            file=out)


TYPE_ABBREV = {"article": "article", "service": "service", "product": "product", "collection": "collect",
               "forum": "forum", "listing": "listing", "documentation": "docs"}


def print_web_table(results: list, out=None):
    """web sets: per tool, mean F1 on all pages and per page type side by side, then P, R (all pages),
    the snippet rates (with found, higher is better; without found, lower is better), ms/page, errors."""
    out = out or sys.stdout
    cols = ["all"] + [TYPE_ABBREV[t] for t in PAGE_TYPES]
    head = "%-13s %-12s %5s " % ("set", "tool", "pages") + " ".join("%7s" % c for c in cols) + \
        " %6s %6s %6s %6s %8s %6s" % ("P", "R", "with", "w/out", "ms/page", "errors")
    for r, f in _table_rows(results, head, 13, out):
        by = f.get("by_type", {})
        cells = [_fmt(f["f1"])] + [_fmt(by[t]["f1"]) if t in by else "-" for t in PAGE_TYPES]
        print("%-13s %-12s %5d " % (r.set, r.tool, f["pages"]) + " ".join("%7s" % c for c in cells) +
              " %6s %6s %6s %6s %8s %6d" % (_fmt(f["precision"]), _fmt(f["recall"]), _fmt(f["with_found"]),
                                             _fmt(f["without_found"]), _fmt(f["ms_per_page"], "%.1f"),
                                             f["errors"]), file=out)
    pages = next((r.figures()["by_type"] for r in results if not r.unavailable), {})
    if pages:
        print("pages per type: " + ", ".join("%s %d" % (t, v["pages"]) for t, v in pages.items()), file=out)


def print_errors(results: list, out=None, per_tool: int = 5):
    out = out or sys.stdout
    for r in results:
        for pid, err in r.errors[:per_tool]:
            print("error %s/%s %s: %s" % (r.set, r.tool, pid[:40], err), file=out)


def print_metadata(meta: dict, out=None, setname: str = "web-html"):
    """Accuracy (coverage) of each field on a web set, per tool, articles and all pages."""
    out = out or sys.stdout
    tools = list(meta)
    if not tools:
        return
    print("\nmetadata on %s: accuracy (coverage) over the pages with a gold value; 'no date': the pages"
          " whose gold has no date, the share left undated (the share given one)" % setname, file=out)
    print("%-8s %-9s %6s  " % ("field", "scope", "pages") + "  ".join("%-15s" % t for t in tools), file=out)
    for scope in ("articles", "all"):
        for f in META_ROWS:
            first = meta[tools[0]][scope][f]
            cells = ["%s (%s)" % (_fmt(meta[t][scope][f]["accuracy"]), _fmt(meta[t][scope][f]["coverage"], "%.2f"))
                     for t in tools]
            print("%-8s %-9s %6d  " % (f, scope, first["pages"]) + "  ".join("%-15s" % c for c in cells), file=out)


def _short(s: str, n: int = 110) -> str:
    s = s.replace("\t", " ")
    return s if len(s) <= n else s[:n - 3] + "..."


def _print_diff(expected: str, got: str, out, max_lines: int):
    exp = [ln.strip() for ln in expected.splitlines() if ln.strip()]
    prod = [ln.strip() for ln in got.splitlines() if ln.strip()]
    diff = list(difflib.unified_diff(exp, prod, "expected", "produced", n=0, lineterm=""))
    for ln in diff[2:2 + max_lines]:
        print("   " + _short(ln), file=out)
    if len(diff) > 2 + max_lines:
        print("   ... %d more diff lines" % (len(diff) - 2 - max_lines), file=out)


def show_worst(result: ToolResult, pages: Sequence[Page], n: int, out=None, max_diff_lines: int = 40):
    """The tool's n worst pages of a set (lowest page F1), each with a diff or the segments it got wrong."""
    out = out or sys.stdout
    if not result.pages:
        return
    fam = family(result.set)
    worst = sorted(zip(pages, result.pages), key=lambda x: x[1].score)[:n]
    print("\n== %d worst pages of %s on %s" % (len(worst), result.tool, result.set), file=out)
    for page, res in worst:
        extra = ""
        if fam == "web":
            extra = "  P %.3f R %.3f  %s" % (res.detail[0], res.detail[1], page.page_type)
        print("\n-- %s  (F1 %.3f)%s%s" % (page.id, res.score, extra, "  url " + page.url if page.url else ""),
              file=out)
        text = res.text or ""
        if fam in ("news", "web"):
            _print_diff(page.truth, text, out, max_diff_lines)
        if fam in ("multi", "web"):
            low = text.lower() if fam == "web" else collapse_ws(text)
            key = (lambda s: s.lower()) if fam == "web" else collapse_ws
            for s in page.with_segs:
                if key(s) not in low:
                    print("   missed with:    " + _short(collapse_ws(s)), file=out)
            for s in page.without_segs:
                if key(s) in low:
                    print("   found without:  " + _short(collapse_ws(s)), file=out)


def page_prf(setname: str, detail: tuple) -> tuple:
    """(precision, recall, F1) of one page in its set's metric."""
    fam = family(setname)
    if fam == "news":
        return page_precision(*detail), page_recall(*detail), page_f1(*detail)
    if fam == "multi":
        tp, fn, fp, _tn = detail
        return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0,
                page_segment_f1(*detail))
    return detail


def per_page_rows(setname: str, result: ToolResult) -> list:
    """One record per page for --per-page: set, id, page_type, f1, precision, recall, ms, error."""
    rows = []
    for r in result.pages:
        p, rc, f = page_prf(setname, r.detail)
        rows.append({"set": setname, "id": r.id, "page_type": r.page_type, "f1": round(f, 6),
                     "precision": round(p, 6), "recall": round(rc, 6), "ms": round(1000 * r.seconds, 2),
                     "error": r.error})
    return rows


# --------------------------------------------------------------------------------------
# The gate
# --------------------------------------------------------------------------------------

def lookup(fig: Optional[dict], metric: str):
    """A figure by its floor name: "f1", or "TYPE.f1" for a page type of a web set."""
    if fig is None:
        return None
    if "." in metric:
        ptype, m = metric.split(".", 1)
        return fig.get("by_type", {}).get(ptype, {}).get(m)
    return fig.get(metric)


def check_floors(floors: dict, figures: dict, titles: dict, ran_sets: Sequence[str],
                 metadata: Optional[dict] = None) -> tuple:
    """Return (failures, notes): every cleaner figure below its floor, and skipped floors.

    Keys: a set name ({metric: floor}, with "TYPE.metric" for the page types of a web set),
    "titles" ({"news-html": .., "web-html articles": .., ...}: the set is the first word) and
    "metadata" ({"author articles": .., "date all": ..}: cleaner's accuracy on web-html).
    """
    failures, notes = [], []

    def check(label, got, floor):
        if got is None or got + 1e-9 < floor:
            failures.append("%s: %s < floor %.3f" % (label, _fmt(got), floor))

    for key, spec in floors.items():
        if key.startswith("_") or not isinstance(spec, dict):
            continue
        if key == "titles":
            for name, floor in spec.items():
                if name.startswith("_"):
                    continue
                if name.split()[0] not in ran_sets:
                    notes.append("titles %s: set not run, floor not checked" % name)
                    continue
                check("titles %s" % name, titles.get(name, {}).get("rate"), floor)
            continue
        if key == "metadata":
            for name, floor in spec.items():
                if name.startswith("_"):
                    continue
                if "web-html" not in ran_sets:
                    notes.append("metadata %s: web-html not run, floor not checked" % name)
                    continue
                fname, scope = name.split()
                got = (metadata or {}).get("cleaner", {}).get(scope, {}).get(fname, {}).get("accuracy")
                check("metadata %s" % name, got, floor)
            continue
        if key not in ran_sets:
            notes.append("%s: set not run, floor not checked" % key)
            continue
        for metric, floor in spec.items():
            if not metric.startswith("_"):
                check("%s %s" % (key, metric), lookup(figures.get(key, {}).get("cleaner"), metric), floor)
    return failures, notes


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------

def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA),
                    help="benchmark data folder (default: %(default)s)")
    ap.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated set folders")
    ap.add_argument("--tools", default=None,
                    help="comma-separated tools (html sets: %s; text sets: %s)"
                    % (",".join(HTML_TOOLS), ",".join(TEXT_TOOLS)))
    ap.add_argument("--limit", type=int, default=None, help="pages per set (quick runs)")
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="worker processes (default: %(default)s; 1 runs in this process)")
    ap.add_argument("--show-worst", type=int, default=0, metavar="N",
                    help="print cleaner's N worst pages per set with a diff")
    ap.add_argument("--json", default=None, metavar="FILE", help="write all figures to FILE")
    ap.add_argument("--per-page", default=None, metavar="FILE",
                    help="write cleaner's per-page figures to FILE (JSON Lines: set, id, page_type, f1, ...)")
    ap.add_argument("--gate", default=None, metavar="FLOORS",
                    help="compare cleaner's figures with FLOORS (json); exit 1 if any is below")
    ap.add_argument("--ablate", nargs="?", const="all", default=None, metavar="NAME[,NAME]",
                    help="run cleaner again with each rule (or named step) disabled in turn and print "
                         "its effect; default: every name")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds per page and tool before it counts as an error (0: none)")
    return ap.parse_args(argv)


def _names(value: str) -> list:
    return [s.strip() for s in value.split(",") if s.strip()]


def choose_tools(tools: Optional[list], setname: str, gate: bool) -> list:
    set_tools = HTML_TOOLS if setname in HTML_SETS else TEXT_TOOLS
    if tools is None:
        return list(set_tools)
    return [t for t in set_tools if t in tools or (gate and t == "cleaner")]


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    data_dir = Path(args.data_dir)
    if not data_dir.is_dir():
        if args.gate:
            print("benchmark data not found at %s; quality gate skipped" % data_dir)
            return 0
        print("benchmark data not found at %s" % data_dir, file=sys.stderr)
        return 2

    sets = _names(args.sets)
    unknown = [s for s in sets if s not in ALL_SETS]
    if unknown:
        print("unknown set(s): %s (known: %s)" % (", ".join(unknown), ", ".join(ALL_SETS)),
              file=sys.stderr)
        return 2
    tools = _names(args.tools) if args.tools else None
    if tools:
        bad = [t for t in tools if t not in HTML_TOOLS + TEXT_TOOLS]
        if bad:
            print("unknown tool(s): %s" % ", ".join(bad), file=sys.stderr)
            return 2
    ablate = []
    if args.ablate:
        known = ablation_names()
        ablate = known if args.ablate == "all" else _names(args.ablate)
        bad = [n for n in ablate if n not in known]
        if bad:  # clean() would take an unknown name silently and change nothing
            print("unknown rule name(s): %s (known: %s)" % (", ".join(bad), ", ".join(known)),
                  file=sys.stderr)
            return 2

    pages_of, ran_sets, jobs = {}, [], []
    for setname in sets:
        if not (data_dir / setname).is_dir():
            print("set %s not found in %s, skipped" % (setname, data_dir), file=sys.stderr)
            continue
        pages, missing = load_set(data_dir, setname, args.limit)
        if missing:
            print("set %s: %d page file(s) missing, skipped" % (setname, missing), file=sys.stderr)
        pages_of[setname] = pages
        ran_sets.append(setname)
        set_tools = choose_tools(tools, setname, bool(args.gate))
        if ablate and "cleaner" not in set_tools:
            set_tools.insert(0, "cleaner")
        jobs += [Job(setname, t, keep_text=bool(args.show_worst) and t == "cleaner") for t in set_tools]
    jobs += [Job(s, "cleaner", frozenset([n])) for n in ablate for s in ran_sets]

    ran = run_jobs(jobs, pages_of, args.timeout, args.jobs)
    results = {(j.setname, j.tool): r for j, r in ran.items() if not j.disabled}
    order = [r for j, r in ran.items() if not j.disabled]

    print("data: %s%s" % (data_dir, "  (limit %d pages per set)" % args.limit if args.limit else ""))
    classic = [r for r in order if family(r.set) != "web"]
    web = [r for r in order if family(r.set) == "web"]
    if classic:
        print_table(classic)
    if web:
        print("\nweb sets (WCXB word-bag F1, mean over pages; all pages and per page type):")
        print_web_table(web)
    print_errors(order)
    titles = title_rates(data_dir, results, pages_of)
    if titles:
        print("")
        for name, t in titles.items():
            print("titles %-20s %.3f  (%d/%d exact)" % (name, t["rate"], t["matched"], t["pages"]))
    metadata = metadata_rates(pages_of["web-html"], results) if "web-html" in pages_of else {}
    print_metadata(metadata)
    text_metadata = {name: metadata_rates(pages_of[name], results, name, ("cleaner",))
                     for name in ("web-ptext", "web-pagetext") if name in pages_of}  # the same pages as text
    for name, meta in text_metadata.items():
        print_metadata(meta, setname=name)

    figures = {}
    for r in order:
        figures.setdefault(r.set, {})[r.tool] = r.figures()
    ablation = {}
    if ablate:
        ablation = ablation_table(ablate, ran_sets, ran)
        baseline = {s: figures.get(s, {}).get("cleaner", {}) for s in ran_sets}
        print("\nablation (cleaner, %d name(s)):\n" % len(ablate))
        print(ablation_markdown(ablation, ran_sets, baseline))

    if args.show_worst:
        for r in order:
            if r.tool == "cleaner":
                show_worst(r, pages_of[r.set], args.show_worst)

    wall = time.perf_counter() - started
    print("\nwall time %.1f s (%d worker process%s)" % (wall, args.jobs, "" if args.jobs == 1 else "es"))
    if args.json:
        payload = {"data_dir": str(data_dir), "limit": args.limit, "sets": figures, "titles": titles,
                   "metadata": metadata, "text_metadata": text_metadata, "ablation": ablation, "wall_seconds": wall, "jobs": args.jobs}
        Path(args.json).write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.per_page:
        with open(args.per_page, "w", encoding="utf-8") as fh:
            for r in order:
                if r.tool == "cleaner":
                    for row in per_page_rows(r.set, r):
                        fh.write(json.dumps(row, sort_keys=True) + "\n")

    if args.gate:
        floors = json.loads(Path(args.gate).read_text(encoding="utf-8"))
        failures, notes = check_floors(floors, figures, titles, ran_sets, metadata)
        for r in order:
            if r.tool == "cleaner" and r.unavailable:
                failures.insert(0, "cleaner could not be loaded: %s" % r.unavailable)
                break
        print("")
        for n in notes:
            print("gate note: " + n)
        if args.limit:
            print("gate note: --limit %d in effect, figures are from a subset" % args.limit)
        if failures:
            print("QUALITY GATE FAILED: %d figure(s) below their floor in %s" % (len(failures), args.gate))
            for f in failures:
                print("  " + f)
            return 1
        print("quality gate passed (%s)" % args.gate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
