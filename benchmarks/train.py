#!/usr/bin/env python3
"""Fit cleaner's learned block scorer on the development corpus, and measure it on pages it never saw.

    pip install -e '.[train]'                    # scikit-learn and numpy, for fitting only
    python benchmarks/train.py                   # k-fold report, then cleaner/models/html.json
    python benchmarks/train.py --folds 0         # no k-fold report: fit and write the model only
    python benchmarks/train.py --out /tmp/m.json --sets web-html
    python benchmarks/train.py --kept-folds DIR  # the fold models --keep-folds kept, on today's code: no fitting

The steps, each a function below:

1. ``page_rows``: every page of the HTML sets through cleaner's own HTML stage (``cleaner.dom``, trafilatura's
   extraction, ``cleaner.features``), so the model is fitted on exactly the features it meets at run time;
   each block labelled by aligning the page's words with the reference text (``align_labels``), or, on the
   multi set, by its with/without segments.
2. ``fit``: the learned class-word table, then the two logistic regressions (``cleaner.scorer``), the second
   on first-stage probabilities cross-fitted by domain (so that it learns how the first stage errs on
   unseen sites), and the threshold that maximises the mean page F1 on the training pages.
3. ``kfold``: folds by domain (pages of one site share templates, so never split by page); the held-out
   pages of each fold are cleaned by the whole pipeline with that fold's model (``clean(html_model=...)``)
   and scored with bench.py's metrics.  These are the figures to quote.
4. The model fitted on every page is written to ``cleaner/models/html.json`` with its k-fold figures.

Every page weighs the same (the metrics are means over pages); inside a page a block weighs its words.
Fixed seeds and sorted inputs: the same data gives the same file.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import bench  # noqa: E402

TRAIN_SETS = ("web-html", "news-html", "multi-html")
MIN_RUN = 3  # words in a row that must match the reference for a block's words to count as content
GOOD = 0.5  # a block is content when at least this share of its words match
CLASS_MIN_DOMAINS = 8  # a class word enters the table only if that many sites use it
CLASS_PRIOR = 20.0  # pseudo-weight pulling a class word's log-odds towards zero
THRESHOLDS = [round(0.25 + 0.05 * i, 2) for i in range(11)]
INNER_FOLDS = 3
# A page is taken for an article unless the page-kind model gives it less than this: on an article page the
# extraction is the article, and its rules were checked on news pages for years; the scorer's own reading takes
# over where the model is fairly sure the page is something else.  Set by hand, not fitted: 0.5 and 0.3 were
# compared on the k-fold figures (docs/benchmarks.md), 0.3 kept multi-html at its floor for 0.003 of web-html.
KIND_CUTOFF = 0.3
# The gate (``scorer.Model.surely_article``) is a speed-up, not a judge: it may send at most this share of the
# pages the page-kind model would read block by block down the article path (out-of-fold, on the training pages).
GATE_MISS = 0.02
GATE_THRESHOLDS = [round(0.5 + 0.01 * i, 2) for i in range(50)]


# --- 1. Pages -> labelled feature rows ------------------------------------------------------------------------
def align_labels(texts: list[str], reference: str) -> list[tuple[float, int]]:
    """For each block: the share of its words that match the reference in order (runs of MIN_RUN words, or
    the whole of a shorter block), and its number of words."""
    ref = bench.word_tokens(reference)
    page, owner = [], []
    counts = []
    for i, text in enumerate(texts):
        words = bench.word_tokens(text)
        page.extend(words)
        owner.extend([i] * len(words))
        counts.append(len(words))
    matched = [0] * len(texts)
    for a, _b, size in SequenceMatcher(None, page, ref, autojunk=False).get_matching_blocks():
        if size >= MIN_RUN or (size and size == counts[owner[a]]):
            for k in range(a, a + size):
                matched[owner[k]] += 1
    return [(matched[i] / counts[i] if counts[i] else 0.0, counts[i]) for i in range(len(texts))]


def segment_labels(texts: list[str], with_segs: list[str], without_segs: list[str]) -> list[tuple[float, int]]:
    """Labels from the multi set's segments: content if a block holds (or lies in) a ``with`` segment,
    boilerplate if a ``without`` one, unknown (weight 0) otherwise."""
    good = [bench.collapse_ws(s) for s in with_segs if s.strip()]
    bad = [bench.collapse_ws(s) for s in without_segs if s.strip()]
    out = []
    for text in texts:
        t = bench.collapse_ws(text)
        n = len(bench.word_tokens(text))
        if any(s in t or (len(t) >= 10 and t in s) for s in good):
            out.append((1.0, n))
        elif any(s in t or (len(t) >= 10 and t in s) for s in bad):
            out.append((0.0, n))
        else:
            out.append((0.0, 0))  # no word of it counts
    return out


def page_rows(job: tuple) -> dict:
    """One page through cleaner's HTML stage up to the features (class-word features left at zero)."""
    setname, page = job
    from cleaner import detect, html
    from cleaner.features import glance_features, page_features
    from cleaner.options import Options
    from cleaner.rules import RuleBook

    data = bench.read_page(setname, page)
    text, utf8 = detect.decode_checked(data, 64 << 20)
    parsed = html.read(detect.without_controls(text, utf8 is not None and detect.is_plain(text, utf8)))
    if parsed is None:
        return {}
    rules = RuleBook(source="html")
    evidence, meta = html.read_page(*parsed, Options(url=page.url), rules)
    blocks = evidence.blocks
    glance = glance_features(evidence.signals, page.url, bool(meta.date), bool(meta.authors))
    rows, whole = page_features(blocks, evidence.signals, evidence.extracted, evidence.candidate, {},
                                rules.first_matching_rule, page.url)
    texts = [b.text for b in blocks]
    if page.truth is not None:
        labels = align_labels(texts, page.truth)
    else:
        labels = segment_labels(texts, page.with_segs, page.without_segs)
    return {"set": setname, "id": page.id, "type": page.page_type or "article", "domain": domain(page.url),
            "rows": rows, "page": whole, "classes": [b.classes for b in blocks], "chars": [len(t) for t in texts],
            "ancestors": [b.ancestors for b in blocks], "texts": texts, "labels": labels, "glance": glance}


def domain(url: str | None) -> str:
    """The site of a URL, as its last two host labels (good enough to keep one site's pages together)."""
    host = urlsplit(url or "").hostname or ""
    return ".".join(host.split(".")[-2:]) or "?"


def load_pages(data_dir: Path, sets: list[str], jobs: int, limit: int | None, rows=page_rows,
               chunksize: int = 4) -> list[dict]:
    """Every page of these sets through ``rows`` (``page_rows``, or train_text.py's), in worker processes."""
    todo = []
    for setname in sets:
        pages, _missing = bench.load_set(data_dir, setname, limit)
        todo += [(setname, p) for p in pages]
    with ProcessPoolExecutor(jobs) as pool:
        return [r for r in pool.map(rows, todo, chunksize=chunksize) if r]


def cached_pages(cache: str | None, load) -> list[dict]:
    """The pages' feature rows from ``cache`` when it exists; else ``load()``'s, sorted, and kept there."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    pages = load()
    pages.sort(key=lambda p: (p["set"], p["id"]))
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump(pages, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return pages


def without_features(pages: list[dict], parts: tuple[str, ...]) -> None:
    """Leave out, in place, every block and page feature whose name holds one of these parts."""
    def kept(features: dict) -> dict:
        return {k: v for k, v in features.items() if not any(p in k for p in parts)}

    for page in pages:
        page["rows"] = [kept(r) for r in page["rows"]]
        page["page"] = kept(page["page"])


# --- 2. Fitting -------------------------------------------------------------------------------------------------
SET_WEIGHTS: dict[str, float] = {}  # a set's pages weigh this much more than others (--weight); set once by main


def block_weights(page: dict) -> list[float]:
    """Each block's weight: its words (plus a little, so a one-word block counts), the page summing to its set's
    weight (1 unless --weight says otherwise)."""
    raw = [(n + 0.5) if n else 0.0 for _share, n in page["labels"]]
    total = sum(raw) or 1.0
    weight = SET_WEIGHTS.get(page["set"], 1.0)
    return [weight * w / total for w in raw]


def class_table(pages: list[dict]) -> dict[str, float]:
    """Each class or id word's log-odds of standing around content rather than boilerplate (weighted as the
    blocks are), pulled towards zero, for the words that enough sites use."""
    from cleaner.features import CLASS_TABLE_WORDS

    good, bad, sites = defaultdict(float), defaultdict(float), defaultdict(set)
    total_good = total_bad = 0.0
    for page in pages:
        for classes, (share, _n), w in zip(page["classes"], page["labels"], block_weights(page)):
            if not w:
                continue
            content = share >= GOOD
            for word in set(classes[-CLASS_TABLE_WORDS:]):
                (good if content else bad)[word] += w
                sites[word].add(page["domain"])
            if content:
                total_good += w
            else:
                total_bad += w
    prior_good = CLASS_PRIOR * total_good / (total_good + total_bad)
    prior_bad = CLASS_PRIOR * total_bad / (total_good + total_bad)
    base = math.log(total_good / total_bad)
    return {word: round(math.log((good[word] + prior_good) / (bad[word] + prior_bad)) - base, 4)
            for word in sorted(sites) if len(sites[word]) >= CLASS_MIN_DOMAINS}


def with_classes(pages: list[dict], table: dict[str, float]) -> list[list[dict]]:
    """The pages' feature rows with the class-word features of this table."""
    from cleaner.dom import PageBlock
    from cleaner.features import class_features

    out = []
    for page in pages:
        rows = [dict(r) for r in page["rows"]]
        blocks = [PageBlock("", "", (), tuple(c), 0, (), ()) for c in page["classes"]]
        class_features(blocks, rows, table)
        out.append(rows)
    return out


def fit_linear(rows: list[dict], labels: list[float], weights: list[float]):
    """A logistic regression on standardised features, returned as (intercept, {feature: weight}) on the
    raw features."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for r in rows for k in r})
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            x[i, index[k]] = v
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=1.0, max_iter=5000, random_state=0)
    lr.fit((x - mean) / scale, np.array(labels), sample_weight=np.array(weights))
    coef = lr.coef_[0] / scale
    intercept = float(lr.intercept_[0] - (coef * mean).sum())
    return intercept, {k: round(float(c), 6) for k, c in zip(names, coef) if c != 0}


def stacked(pages: list[dict], rows_of: list[list[dict]], wholes: list[dict]):
    """Flatten pages into (rows, labels, weights), each row with its page's features, skipping blocks that
    weigh nothing."""
    rows, labels, weights = [], [], []
    for page, page_rows_, whole in zip(pages, rows_of, wholes):
        for r, (share, _n), w in zip(page_rows_, page["labels"], block_weights(page)):
            if w:
                rows.append({**whole, **r})
                labels.append(1.0 if share >= GOOD else 0.0)
                weights.append(w * len(pages))
    return rows, labels, weights


def linear(fitted):
    from cleaner.scorer import Linear

    return Linear(*fitted)


def by_domain(pages: list[dict], k: int) -> list[list[int]]:
    """k folds of page indexes, each domain in one fold (domains dealt by size, largest first)."""
    sizes = Counter(p["domain"] for p in pages)
    load = [0] * k
    fold_of = {}
    for dom, n in sorted(sizes.items(), key=lambda x: (-x[1], x[0])):
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of[dom] = f
        load[f] += n
    return [[i for i, p in enumerate(pages) if fold_of[p["domain"]] == f] for f in range(k)]


def cross_fitted(pages: list[dict], fit_on: Callable[[list[int]], object],
                 predict: Callable[[object, int], object], k: int = INNER_FOLDS) -> list:
    """For each page, what a model fitted on the pages of the other folds (by domain) says of it: how a fitted
    step will meet sites it never saw.  ``fit_on``: the model of these page indexes; ``predict``: what a model
    says of page i."""
    held: list = [None] * len(pages)
    for fold in by_domain(pages, k):
        fold_set = set(fold)
        model = fit_on([i for i in range(len(pages)) if i not in fold_set])
        for i in fold:
            held[i] = predict(model, i)
    return held


CARRIED = ("traf", "link", "log_words", "terminal", "tag_h1", "tag_h2", "tag_h3", "tag_li", "tag_p", "stop", "pos",
           "og_article", "og_product", "og_website", "p_articles", "p_h2", "p_time", "p_link", "p_traf", "p_blocks",
           "ld_article", "ld_product", "ld_list", "ld_forum", "ld_faq", "ld_service", "rep_max", "rep0", "rep1")


def fit(pages: list[dict], about: dict | None = None):
    """The model fitted on these pages."""
    from cleaner.scorer import Model, context, page_kind_features

    table = class_table(pages)
    rows_of = with_classes(pages, table)
    wholes = [p["page"] for p in pages]
    first = linear(fit_linear(*stacked(pages, rows_of, wholes)))
    # the second stage and the page kinds learn from first-stage probabilities on sites the first stage did
    # not see, as they will meet them
    inner_first = cross_fitted(
        pages, lambda rest: linear(fit_linear(*stacked([pages[i] for i in rest], [rows_of[i] for i in rest],
                                                        [wholes[i] for i in rest]))),
        lambda model, i: [model.probability(r, model.partial(wholes[i])) for r in rows_of[i]])
    contexts = [context(rows, page["page"], p1, page["chars"], page["ancestors"], CARRIED)
                for page, rows, p1 in zip(pages, rows_of, inner_first)]
    second = linear(fit_linear(*stacked(pages, [c[0] for c in contexts], [c[1] for c in contexts])))
    kind_rows = [page_kind_features(page["page"], p1, page["chars"]) for page, p1 in zip(pages, inner_first)]
    kinds = [1.0 if p["type"] == "article" else 0.0 for p in pages]
    if len(set(kinds)) == 2:
        kind = linear(fit_linear(kind_rows, kinds, [1.0] * len(pages)))
    else:  # pages of one kind only (a small trial): every page is of that kind
        kind = linear((10.0 if kinds[0] else -10.0, {}))
    is_article = [kind.probability(r) >= KIND_CUTOFF for r in kind_rows]
    probabilities = [[second.probability(r, second.partial(whole)) for r in rows] for rows, whole in contexts]
    thresholds = {"kind": KIND_CUTOFF}
    for name, wanted in (("article", True), ("other", False)):
        picked = [i for i, a in enumerate(is_article) if a == wanted]
        thresholds[name] = best_threshold([pages[i] for i in picked], [probabilities[i] for i in picked])
    gate, thresholds["gate"] = fit_gate(pages, is_article)
    return Model(first, second, kind, thresholds, CARRIED, table, about or {}, gate)


def fit_gate(pages: list[dict], is_article: list[bool]):
    """The gate: a regression on the pages' glance features that foresees the page-kind model's verdict, and the
    lowest threshold at which it lets through at most GATE_MISS of the pages that model reads block by block
    (its probabilities cross-fitted by domain, as it will meet unseen sites)."""
    labels = [1.0 if a else 0.0 for a in is_article]
    glances = [p["glance"] for p in pages]
    if len(set(labels)) < 2:
        return linear((-10.0, {})), 1.0  # pages of one kind only (a small trial): no gate
    held = cross_fitted(pages, lambda rest: _fit_or_constant([glances[i] for i in rest], [labels[i] for i in rest]),
                        lambda gate, i: gate.probability(glances[i]))
    others = [p for p, a in zip(held, is_article) if not a]
    threshold = next((t for t in GATE_THRESHOLDS if sum(p >= t for p in others) <= GATE_MISS * len(others)), 1.0)
    return _fit_or_constant(glances, labels), threshold


def _fit_or_constant(rows: list[dict], labels: list[float]):
    """A regression on these rows; where they are all of one class, a model sure of that class."""
    if len(set(labels)) < 2:
        return linear((10.0 if labels and labels[0] else -10.0, {}))
    return linear(fit_linear(rows, labels, [1.0] * len(rows)))


def best_threshold(pages: list[dict], probabilities: list[list[float]], thresholds: list[float] = THRESHOLDS) -> float:
    """The threshold whose kept blocks give the best mean page F1 (``page_f1``); the multi sets' pages, labelled
    by segments, sit out; 0.5 for no page."""
    scores = {t: 0.0 for t in thresholds}
    for page, probs in zip(pages, probabilities):
        weight = SET_WEIGHTS.get(page["set"], 1.0)
        for t in thresholds:
            counts = word_counts(page, [p >= t for p in probs])
            if counts is None:
                break  # a page labelled by segments, or with no matched word
            tp, out, matched = counts
            scores[t] += weight * 2 * tp / (out + matched)
    return max(thresholds, key=lambda t: (scores[t], -abs(t - 0.5)))


def page_f1(page: dict, kept: list[bool]) -> float | None:
    """The word F1 of these kept blocks against the labels' reference; None where ``word_counts`` is."""
    counts = word_counts(page, kept)
    if counts is None:
        return None
    tp, out, matched = counts
    return 2 * tp / (out + matched)


def word_counts(page: dict, kept: list[bool]) -> tuple[int, int, int] | None:
    """The kept blocks' words that are content, the kept blocks' words, and the reference's words (a block's
    matched words are content, the rest not); None for a page labelled by segments (the multi sets) or with no
    matched word."""
    if page["set"].startswith("multi"):
        return None
    matched = sum(round(share * n) for share, n in page["labels"])
    if not matched:
        return None
    tp = sum(round(share * n) for (share, n), k in zip(page["labels"], kept) if k)
    out = sum(n for (_share, n), k in zip(page["labels"], kept) if k)
    return tp, out, matched


# --- 3. k-fold by domain, through the whole pipeline -------------------------------------------------------------
def _clean_page(job: tuple):
    setname, page, model_path = job
    from cleaner import CleanerError, clean

    data = bench.read_page(setname, page)
    try:
        text = clean(data, url=page.url, kind="html", html_model=model_path).text
    except CleanerError:
        text = ""
    score, detail, exact, snippets = bench.score_page(setname, page, text)
    return bench.PageResult(page.id, page.page_type, score, detail, 0.0, None, exact, snippets)


def kfold(pages: list[dict], data_dir: Path, k: int, jobs: int, limit: int | None, keep: str | None = None) -> dict:
    """Each fold's model cleans its held-out pages; the figures per set (and page type).  ``keep``: a folder
    where the fold models and the list of each one's held-out pages stay (for trials of the decision, and
    ``kept_folds``)."""
    originals = _originals(data_dir, sorted({p["set"] for p in pages}), limit)
    with tempfile.TemporaryDirectory() as tmp:
        todo = fold_jobs(pages, originals, k, fit, keep or tmp, bool(keep), lambda m: f"thresholds {m.thresholds}")
        return held_out_figures(todo, data_dir, jobs, limit)


def kept_folds(folder: str, data_dir: Path, jobs: int, limit: int | None = None) -> dict:
    """The k-fold figures of the fold models ``--keep-folds`` kept in ``folder``, on today's code: each held-out
    page cleaned by its fold's model, nothing fitted (a change to the extraction or the rules measured on
    pages the models never saw, without the 15 minutes of a refit)."""
    return held_out_figures(kept_jobs(folder, data_dir, limit), data_dir, jobs, limit)


def kept_jobs(folder: str, data_dir: Path, limit: int | None = None) -> list:
    """The (set, page, its fold's model path) of every held-out page of the fold models kept in ``folder``."""
    held = []  # (set, page id, its fold's model)
    f = 0
    while os.path.exists(os.path.join(folder, f"fold{f}.json")):
        with open(os.path.join(folder, f"fold{f}.pages.json"), encoding="utf-8") as fh:
            held += [(setname, pid, os.path.join(folder, f"fold{f}.json")) for setname, pid in json.load(fh)]
        f += 1
    if not held:
        raise SystemExit(f"{Path(sys.argv[0]).name}: no fold models in {folder} (write them with --keep-folds)")
    originals = _originals(data_dir, sorted({s for s, _, _ in held}), limit)
    return [(s, originals[(s, pid)], path) for s, pid, path in held if (s, pid) in originals]


def _originals(data_dir: Path, sets: list[str], limit: int | None) -> dict:
    return {(setname, page.id): page for setname in sets for page in bench.load_set(data_dir, setname, limit)[0]}


def held_out_figures(todo: list, data_dir: Path, jobs: int, limit: int | None) -> dict:
    """Each (set, page, model path) of ``todo`` cleaned with its model; the figures per set (and page type)."""
    results: dict[str, dict] = defaultdict(dict)
    with ProcessPoolExecutor(jobs) as pool:
        for (setname, page, _), result in zip(todo, pool.map(_clean_page, todo, chunksize=4)):
            results[setname][page.id] = result
    figures = {}
    for setname, by_id in results.items():
        ordered = [by_id[p.id] for p in bench.load_set(data_dir, setname, limit)[0] if p.id in by_id]
        figures[setname] = bench.set_scores(setname, ordered)
    return figures


def fold_jobs(pages: list[dict], originals: dict, k: int, fit_pages, folder: str, keep: bool, describe) -> list:
    """For each of k folds by domain, the model ``fit_pages`` fits on the other folds' pages, written to
    ``folder`` (with, when ``keep``, the list of the fold's held-out pages); the (set, page, model path) of
    every held-out page, for cleaning.  ``describe``: what the progress line says of a fold's model."""
    os.makedirs(folder, exist_ok=True)
    todo = []
    for f, held in enumerate(by_domain(pages, k)):
        held_set = set(held)
        started = time.perf_counter()
        model = fit_pages([p for i, p in enumerate(pages) if i not in held_set])
        path = os.path.join(folder, f"fold{f}.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(model.to_dict(), fh)
        print(f"  fold {f + 1}/{k}: {len(held)} held-out pages, {describe(model)}, "
              f"fitted in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        todo += [(pages[i]["set"], originals[(pages[i]["set"], pages[i]["id"])], path) for i in held]
        if keep:
            with open(os.path.join(folder, f"fold{f}.pages.json"), "w", encoding="utf-8") as fh:
                json.dump([[pages[i]["set"], pages[i]["id"]] for i in held], fh)
    return todo


def write_model(model, out: str) -> None:
    """The model's JSON file (sorted keys, so the same model gives the same file)."""
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(model.to_dict(), fh, indent=0, sort_keys=True)
        fh.write("\n")


def report(figures: dict) -> str:
    lines = []
    for setname, fig in sorted(figures.items()):
        line = f"{setname:12s} F1 {fig['f1']:.3f}  P {fig['precision']:.3f}  R {fig['recall']:.3f}"
        if fig.get("by_type"):
            line += "  " + "  ".join(f"{t} {v['f1']:.3f}" for t, v in sorted(fig["by_type"].items()))
        lines.append(line)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(bench.DEFAULT_DATA))
    ap.add_argument("--sets", default=",".join(TRAIN_SETS))
    ap.add_argument("--folds", type=int, default=5, help="k of the k-fold report (0: none)")
    ap.add_argument("--out", default=str(REPO / "cleaner" / "models" / "html.json"))
    ap.add_argument("--limit", type=int, default=None, help="pages per set (quick trials)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--weight", action="append", default=[], metavar="SET=W",
                    help="the pages of SET weigh W times as much as others in the fit (repeatable)")
    ap.add_argument("--drop", action="append", default=[], metavar="PART",
                    help="leave out every feature whose name holds PART (repeatable): a trial of a leaner model; "
                         "the pipeline computes what the model does not weigh until the code drops it too")
    ap.add_argument("--keep-folds", default=None, metavar="DIR",
                    help="keep the k-fold models and their held-out pages in DIR")
    ap.add_argument("--cache", default=None, metavar="FILE",
                    help="keep the pages' feature rows in FILE and read them from there next time (for trials: "
                         "a change to the features needs a fresh file)")
    ap.add_argument("--kept-folds", default=None, metavar="DIR",
                    help="fit nothing: the k-fold figures of the fold models --keep-folds kept in DIR, on today's code")
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir)
    if args.kept_folds:
        print(f"fold models of {args.kept_folds} on today's code, whole pipeline on held-out pages:")
        print(report(kept_folds(args.kept_folds, data_dir, args.jobs, args.limit)))
        return 0
    sets = [s for s in args.sets.split(",") if s]
    for spec in args.weight:
        name, _, value = spec.partition("=")
        SET_WEIGHTS[name] = float(value)
    started = time.perf_counter()
    pages = cached_pages(args.cache, lambda: load_pages(data_dir, sets, args.jobs, args.limit))
    if args.drop:
        without_features(pages, tuple(args.drop))
    print(f"{len(pages)} pages, {sum(len(p['rows']) for p in pages)} blocks read in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    about = {"sets": sets, "pages": len(pages), "weights": SET_WEIGHTS, "script": "benchmarks/train.py",
             **({"dropped": args.drop} if args.drop else {})}
    if args.folds:
        figures = kfold(pages, data_dir, args.folds, args.jobs, args.limit, args.keep_folds)
        print(f"{args.folds}-fold by domain, whole pipeline on held-out pages:")
        print(report(figures))
        about["kfold"] = {s: {"f1": round(f["f1"], 4), **({"by_type": {t: round(v["f1"], 4) for t, v in
                                                                          f["by_type"].items()}}
                                                              if f.get("by_type") else {})}
                          for s, f in figures.items()}
    model = fit(pages, about)
    write_model(model, args.out)
    print(f"model written to {args.out} (thresholds {model.thresholds}; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
