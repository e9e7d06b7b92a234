#!/usr/bin/env python3
"""Quality benchmark: cleaner and its peers on the benchmark sets.

Usage (from any directory):

    python benchmarks/bench.py [DATA_DIR] [--sets a,b] [--tools a,b] [--limit N]
                               [--show-worst N] [--json FILE] [--gate FLOORS]

DATA_DIR defaults to ``../shared/bench`` relative to the repository root.  The layout
of DATA_DIR and the metrics are described in the data's README.md; the metric
functions below follow it exactly and are unit-tested in tests/test_bench_metrics.py.

Only the standard library is imported at module level, so the metric functions can
be imported cheaply; tools (cleaner, trafilatura, ...) are imported when used.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"

NEWS_SETS = ("news-html", "news-ptext", "news-pagetext")
MULTI_SETS = ("multi-html", "multi-ptext")
ALL_SETS = ("news-html", "news-ptext", "news-pagetext", "multi-html", "multi-ptext")
HTML_SETS = ("news-html", "multi-html")

HTML_TOOLS = ("cleaner", "trafilatura", "readability", "justext", "resiliparse")
TEXT_TOOLS = ("cleaner", "input", "c4", "justext-p", "ceiling")
# tools whose ms/page is meaningless (identity, or built from the ground truth)
UNTIMED_TOOLS = ("input", "ceiling")


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


# --------------------------------------------------------------------------------------
# Data loading
# --------------------------------------------------------------------------------------

@dataclass
class Page:
    id: str
    url: Optional[str]
    data: object  # bytes for html sets, str for text sets
    truth: Optional[str] = None  # news sets: articleBody
    with_segs: list = field(default_factory=list)  # multi sets
    without_segs: list = field(default_factory=list)


def _url_or_none(u: Optional[str]) -> Optional[str]:
    return u if u and u.startswith(("http://", "https://")) else None


def load_set(data_dir: Path, name: str, limit: Optional[int] = None) -> tuple:
    """Pages of one set folder, in sorted id order; returns (pages, missing_file_count)."""
    folder = data_dir / name
    pages, missing = [], 0
    if name in NEWS_SETS:
        gt = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for pid in sorted(gt):
            rec = gt[pid]
            if name == "news-html":
                path = folder / "html" / (pid + ".html.gz")
            else:
                path = folder / "text" / (pid + ".txt")
            if not path.exists():
                missing += 1
                continue
            pages.append(Page(pid, _url_or_none(rec.get("url")), None, rec.get("articleBody") or ""))
            pages[-1].data = path
            if limit is not None and len(pages) >= limit:
                break
    else:
        ev = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
        for key in sorted(ev):
            rec = ev[key]
            if name == "multi-html":
                path = folder / "html" / (rec["file"] + ".gz")
            else:
                path = folder / "text" / (rec["file"] + ".txt")
            if not path.exists():
                missing += 1
                continue
            pages.append(Page(key, _url_or_none(key), path, None,
                              list(rec.get("with") or []), list(rec.get("without") or [])))
            if limit is not None and len(pages) >= limit:
                break
    for pg in pages:  # read everything up front so file reading is never timed
        path = pg.data
        if name in HTML_SETS:
            with gzip.open(path, "rb") as fh:
                pg.data = fh.read()
        else:
            pg.data = path.read_text(encoding="utf-8", errors="replace")
    return pages, missing


# --------------------------------------------------------------------------------------
# Tools: each factory returns a callable (page) -> (body text or None, title or None),
# or raises ImportError when the tool is not installed.
# --------------------------------------------------------------------------------------

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


def make_cleaner(kind: str):
    _ensure_repo_on_path()
    from cleaner import clean

    def run(page: Page):
        art = clean(page.data, url=page.url, kind=kind)
        return art.text, art.title
    return run


def make_trafilatura(_kind):
    import trafilatura

    def run(page: Page):
        return trafilatura.extract(page.data, url=page.url), None
    return run


def make_readability(_kind):
    from readability import Document
    import logging

    logging.getLogger("readability").setLevel(logging.ERROR)
    logging.getLogger("readability.readability").setLevel(logging.ERROR)

    def run(page: Page):
        return html_to_text(Document(_decode(page.data)).summary()), None
    return run


_STOPLIST_CACHE = {}


def _stoplist(multilingual: bool):
    import justext

    key = "all" if multilingual else "English"
    if key not in _STOPLIST_CACHE:
        if multilingual:  # like trafilatura's jusText fallback: every stoplist at once
            words = set()
            for lang in justext.get_stoplists():
                words |= justext.get_stoplist(lang)
            _STOPLIST_CACHE[key] = frozenset(words)
        else:
            _STOPLIST_CACHE[key] = justext.get_stoplist("English")
    return _STOPLIST_CACHE[key]


def _justext_on(setname: str, to_html):
    import justext

    stop = _stoplist(setname.startswith("multi"))

    def run(page: Page):
        paras = justext.justext(to_html(page.data), stop)
        return "\n\n".join(p.text for p in paras if not p.is_boilerplate), None
    return run


def make_justext(setname: str):
    """jusText on the page's HTML."""
    return _justext_on(setname, _decode)


def make_justext_p(setname: str):
    """jusText on text input, each line wrapped in <p>."""
    return _justext_on(setname, lines_as_html)


def make_resiliparse(_kind):
    from resiliparse.extract.html2text import extract_plain_text

    def run(page: Page):
        return extract_plain_text(_decode(page.data), main_content=True), None
    return run


def make_input(_kind):
    return lambda page: (page.data, None)


def make_c4(_kind):
    return lambda page: (c4_lines(page.data), None)


def make_ceiling(setname: str):
    if setname.startswith("news"):
        return lambda page: (ceiling_news(page.data, page.truth), None)
    return lambda page: (ceiling_multi(page.data, page.with_segs, page.without_segs), None)


def make_tool(tool: str, setname: str):
    kind = "html" if setname in HTML_SETS else "text"
    if tool == "cleaner":
        return make_cleaner(kind)
    factories = {
        "trafilatura": make_trafilatura, "readability": make_readability,
        "justext": make_justext, "resiliparse": make_resiliparse,
        "input": make_input, "c4": make_c4, "justext-p": make_justext_p,
        "ceiling": make_ceiling,
    }
    return factories[tool](setname)


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------

class PageTimeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise PageTimeout()


def call_tool(fn: Callable, page: Page, timeout: float) -> tuple:
    """(text, title, seconds, error) for one page; any exception becomes empty output."""
    use_alarm = timeout and timeout > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        text, title = fn(page)
        err = None
    except PageTimeout:
        text, title, err = None, None, "timeout after %gs" % timeout
    except Exception as exc:  # noqa: BLE001 - a page's failure must not stop the run
        text, title, err = None, None, "%s: %s" % (type(exc).__name__, str(exc)[:200])
    dt = time.perf_counter() - t0
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if text is not None and not isinstance(text, str):
        text = str(text)
    return text, title, dt, err


@dataclass
class ToolResult:
    set: str
    tool: str
    pages: int = 0
    errors: int = 0
    seconds: float = 0.0
    scores: dict = field(default_factory=dict)
    per_page: list = field(default_factory=list)  # (page, text, title, page score, detail)
    error_samples: list = field(default_factory=list)
    unavailable: Optional[str] = None

    def figures(self) -> dict:
        d = {"pages": self.pages, "errors": self.errors,
             "ms_per_page": (1000 * self.seconds / self.pages) if self.pages else None}
        d.update({k: v for k, v in self.scores.items()})
        if self.unavailable:
            d["unavailable"] = self.unavailable
        return d


def run_tool(setname: str, tool: str, pages: list, timeout: float, keep_pages: bool) -> ToolResult:
    res = ToolResult(setname, tool)
    try:
        fn = make_tool(tool, setname)
    except Exception as exc:  # ImportError mostly
        res.unavailable = "%s: %s" % (type(exc).__name__, exc)
        return res
    news = setname in NEWS_SETS
    counts, exact = [], 0
    for page in pages:
        text, title, dt, err = call_tool(fn, page, timeout)
        res.pages += 1
        res.seconds += dt
        if err:
            res.errors += 1
            if len(res.error_samples) < 5:
                res.error_samples.append((page.id, err))
            text = ""
        if news:
            c = shingle_counts(page.truth, text)
            counts.append(c)
            exact += tokens_equal(page.truth, text)
            score = page_f1(*c)
        else:
            c = segment_counts(text, page.with_segs, page.without_segs)
            counts.append(c)
            score = page_segment_f1(*c)
        if keep_pages:
            res.per_page.append((page, text or "", title, score, c))
    if news:
        res.scores = news_scores(counts)
        res.scores["accuracy"] = exact / len(pages) if pages else 0.0
    else:
        res.scores = multi_scores(counts)
    return res


# --------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------

def _fmt(v, spec="%.3f"):
    return "-" if v is None else spec % v


def print_table(results: list, out=sys.stdout):
    head = "%-14s %-12s %5s %6s %6s %6s %6s %8s %6s" % (
        "set", "tool", "pages", "F1", "P", "R", "acc", "ms/page", "errors")
    print(head, file=out)
    print("-" * len(head), file=out)
    prev = None
    for r in results:
        if prev is not None and r.set != prev:
            print("", file=out)
        prev = r.set
        if r.unavailable:
            print("%-14s %-12s  (not available: %s)" % (r.set, r.tool, r.unavailable[:80]), file=out)
            continue
        f = r.figures()
        ms = None if r.tool in UNTIMED_TOOLS else f["ms_per_page"]
        print("%-14s %-12s %5d %6s %6s %6s %6s %8s %6d" % (
            r.set, r.tool, r.pages, _fmt(f.get("f1")), _fmt(f.get("precision")),
            _fmt(f.get("recall")), _fmt(f.get("accuracy")), _fmt(ms, "%.1f"), r.errors), file=out)
    for r in results:
        for pid, err in r.error_samples:
            print("error %s/%s %s: %s" % (r.set, r.tool, pid[:40], err), file=out)


def _short(s: str, n: int = 110) -> str:
    s = s.replace("\t", " ")
    return s if len(s) <= n else s[:n - 3] + "..."


def show_worst(result: ToolResult, n: int, out=sys.stdout, max_diff_lines: int = 40):
    if not result.per_page:
        return
    worst = sorted(result.per_page, key=lambda x: x[3])[:n]
    print("\n== %d worst pages of %s on %s" % (len(worst), result.tool, result.set), file=out)
    for page, text, _title, score, c in worst:
        print("\n-- %s  (F1 %.3f)%s" % (page.id, score, "  url " + page.url if page.url else ""), file=out)
        if result.set in NEWS_SETS:
            exp = [ln.strip() for ln in page.truth.splitlines() if ln.strip()]
            got = [ln.strip() for ln in text.splitlines() if ln.strip()]
            diff = list(difflib.unified_diff(exp, got, "expected", "produced", n=0, lineterm=""))
            for ln in diff[2:2 + max_diff_lines]:
                print("   " + _short(ln), file=out)
            if len(diff) > 2 + max_diff_lines:
                print("   ... %d more diff lines" % (len(diff) - 2 - max_diff_lines), file=out)
        else:
            norm = collapse_ws(text)
            missed = [s for s in page.with_segs if collapse_ws(s) not in norm]
            found = [s for s in page.without_segs if collapse_ws(s) in norm]
            for s in missed:
                print("   missed with:    " + _short(collapse_ws(s)), file=out)
            for s in found:
                print("   found without:  " + _short(collapse_ws(s)), file=out)


def title_rates(data_dir: Path, results: dict) -> dict:
    """Exact-match rate of cleaner's titles on news-html and news-ptext against titles.json."""
    path = data_dir / "news-html" / "titles.json"
    if not path.exists():
        return {}
    titles = json.loads(path.read_text(encoding="utf-8"))
    rates = {}
    for setname in ("news-html", "news-ptext"):
        r = results.get((setname, "cleaner"))
        if r is None or r.unavailable or not r.per_page:
            continue
        n = ok = 0
        for page, _text, title, _s, _c in r.per_page:
            if page.id in titles:
                n += 1
                ok += title_matches(titles[page.id], title)
        if n:
            rates[setname] = {"rate": ok / n, "matched": ok, "pages": n}
    return rates


def check_floors(floors: dict, figures: dict, titles: dict, ran_sets: Sequence[str]) -> tuple:
    """Return (failures, notes): every cleaner figure below its floor, and skipped floors."""
    failures, notes = [], []
    for key, spec in floors.items():
        if key.startswith("_") or not isinstance(spec, dict):
            continue
        if key == "titles":
            for setname, floor in spec.items():
                if setname.startswith("_"):
                    continue
                if setname not in ran_sets:
                    notes.append("titles %s: set not run, floor not checked" % setname)
                    continue
                got = titles.get(setname, {}).get("rate")
                if got is None or got + 1e-9 < floor:
                    failures.append("titles %s: %s < floor %.3f" % (setname, _fmt(got), floor))
            continue
        if key not in ran_sets:
            notes.append("%s: set not run, floor not checked" % key)
            continue
        got_set = figures.get(key, {}).get("cleaner")
        for metric, floor in spec.items():
            if metric.startswith("_"):
                continue
            got = None if got_set is None else got_set.get(metric)
            if got is None or got + 1e-9 < floor:
                failures.append("%s %s: %s < floor %.3f" % (key, metric, _fmt(got), floor))
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
    ap.add_argument("--show-worst", type=int, default=0, metavar="N",
                    help="print cleaner's N worst pages per set with a diff")
    ap.add_argument("--json", default=None, metavar="FILE", help="write all figures to FILE")
    ap.add_argument("--gate", default=None, metavar="FLOORS",
                    help="compare cleaner's figures with FLOORS (json); exit 1 if any is below")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds per page and tool before it counts as an error (0: none)")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    data_dir = Path(args.data_dir)
    if not data_dir.is_dir():
        if args.gate:
            print("benchmark data not found at %s; quality gate skipped" % data_dir)
            return 0
        print("benchmark data not found at %s" % data_dir, file=sys.stderr)
        return 2

    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in sets if s not in ALL_SETS]
    if unknown:
        print("unknown set(s): %s (known: %s)" % (", ".join(unknown), ", ".join(ALL_SETS)),
              file=sys.stderr)
        return 2
    tools = None
    if args.tools:
        tools = [t.strip() for t in args.tools.split(",") if t.strip()]
        bad = [t for t in tools if t not in HTML_TOOLS + TEXT_TOOLS]
        if bad:
            print("unknown tool(s): %s" % ", ".join(bad), file=sys.stderr)
            return 2
        if args.gate and "cleaner" not in tools:
            tools.insert(0, "cleaner")

    results, order, ran_sets = {}, [], []
    for setname in sets:
        if not (data_dir / setname).is_dir():
            print("set %s not found in %s, skipped" % (setname, data_dir), file=sys.stderr)
            continue
        pages, missing = load_set(data_dir, setname, args.limit)
        if missing:
            print("set %s: %d page file(s) missing, skipped" % (setname, missing), file=sys.stderr)
        ran_sets.append(setname)
        set_tools = HTML_TOOLS if setname in HTML_SETS else TEXT_TOOLS
        for tool in set_tools:
            if tools is not None and tool not in tools:
                continue
            t0 = time.perf_counter()
            # cleaner keeps per-page output: titles and --show-worst need it
            r = run_tool(setname, tool, pages, args.timeout, tool == "cleaner")
            print("  %-14s %-12s %3d pages in %5.1fs" % (setname, tool, r.pages,
                                                        time.perf_counter() - t0),
                  file=sys.stderr, flush=True)
            results[(setname, tool)] = r
            order.append(r)

    print("data: %s%s" % (data_dir, "  (limit %d pages per set)" % args.limit if args.limit else ""))
    print_table(order)
    titles = title_rates(data_dir, results)
    if titles:
        print("")
        for setname, t in titles.items():
            print("titles %-14s %.3f  (%d/%d exact)" % (setname, t["rate"], t["matched"], t["pages"]))

    if args.show_worst:
        for r in order:
            if r.tool == "cleaner":
                show_worst(r, args.show_worst)

    figures = {}
    for r in order:
        figures.setdefault(r.set, {})[r.tool] = r.figures()
    if args.json:
        payload = {"data_dir": str(data_dir), "limit": args.limit, "sets": figures,
                   "titles": titles}
        Path(args.json).write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n",
                                   encoding="utf-8")

    if args.gate:
        floors = json.loads(Path(args.gate).read_text(encoding="utf-8"))
        cl = [r for r in order if r.tool == "cleaner"]
        failures, notes = check_floors(floors, figures, titles, ran_sets)
        for r in cl:
            if r.unavailable:
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
