#!/usr/bin/env python3
"""Fit cleaner's learned line scorer for text input on the development corpus, and measure it on pages it never saw.

    pip install -e '.[train]'                    # scikit-learn and numpy, for fitting only
    python benchmarks/train_text.py              # k-fold report, then cleaner/models/text.json
    python benchmarks/train_text.py --folds 0    # no k-fold report: fit and write the model only

The steps, as ``train.py``'s for HTML (whose functions this script imports: ``align_labels``, ``segment_labels``,
``fit_linear``, ``cross_fitted``, ``domain``, ``stacked``):

1. ``page_rows``: every page of the text sets through cleaner's own text stage (``segment``, ``classify`` with
   its first-pass verdicts traced, ``textscore.line_features``), so the model is fitted on exactly the features
   it meets at run time; each line labelled by aligning the page's words with the reference text, or, on the
   multi set, by its with/without segments.
2. ``fit``: the first regression; the second on first-stage probabilities cross-fitted by domain (so that it
   learns how the first stage errs on unseen sites); the threshold that maximises the mean page F1 on the
   training pages; the gate (after the model has read a page) and the glance (``fit_glance``: before it reads
   one), each on whether the model beats the heuristics on a page.
3. ``kfold``: folds by domain over all the sets at once: web-ptext and web-pagetext are the same pages scraped
   twice (news-ptext and news-pagetext too), so a site's pages are held out of every set together.  The held-out
   pages of each fold are cleaned by the whole pipeline with that fold's model (``clean(text_model=...)``) and
   scored with bench.py's metrics, beside the heuristics alone (cleaner's default) on the same pages.
4. The model fitted on every page is written to ``cleaner/models/text.json`` with its k-fold figures.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import bench  # noqa: E402
import train  # noqa: E402
from train import align_labels, cross_fitted, domain, fit_linear, segment_labels, stacked  # noqa: E402

TEXT_SETS = ("web-ptext", "web-pagetext", "news-ptext", "news-pagetext", "multi-ptext")
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(21)]
# The gate's cut-off: a page keeps the heuristics' verdicts unless the gate gives the model at least this.  Set by
# hand, not fitted (0.3-0.6 were compared on the held-out figures of the first k-fold run).
GATE_CUT = 0.5
GLANCE_CUTS = [round(0.05 * i, 2) for i in range(13)]  # 0 (every page read) to 0.6
GLANCE_LOSS = 0.02  # the share of the model's gain on the training pages the glance may give up for speed


# --- 1. Pages -> labelled feature rows ------------------------------------------------------------------------
def page_rows(job: tuple) -> dict:
    """One page through cleaner's text stage up to the line features."""
    setname, page = job
    from cleaner import textscore
    from cleaner.classify import classify
    from cleaner.lexicon import lexicon
    from cleaner.options import Options
    from cleaner.rules import RuleBook
    from cleaner.segment import segment
    from cleaner.text import words_of

    blocks = segment(bench.read_page(setname, page))
    if not blocks:
        return {}
    opts = Options(url=page.url, kind="text")
    lex = lexicon()
    rules = RuleBook()

    def noise(b):
        return rules.first_matching_rule(b.text, b.kind)

    first: list = []
    language, span = classify(blocks, opts, lex, noise, first)
    stopwords = lex.stopwords[language] if language else frozenset()
    rows, whole = textscore.line_features(blocks, first, span, stopwords, noise, words_of)
    texts = [b.text for b in blocks]
    if page.truth is not None:
        labels = align_labels(texts, page.truth)
    else:
        labels = segment_labels(texts, page.with_segs, page.without_segs)
    return {"set": setname, "id": page.id, "type": page.page_type or "article", "domain": domain(page.url),
            "rows": rows, "page": whole, "chars": [len(t) for t in texts], "labels": labels}


# --- 2. Fitting -------------------------------------------------------------------------------------------------
def fit(pages: list[dict], about: dict | None = None):
    """The text model fitted on these pages."""
    from cleaner.scorer import Linear
    from cleaner.textscore import TextModel, context, gate_features

    rows_of = [p["rows"] for p in pages]
    wholes = [p["page"] for p in pages]
    first = Linear(*fit_linear(*stacked(pages, rows_of, wholes)))
    inner_first = cross_fitted(
        pages, lambda rest: Linear(*fit_linear(*stacked([pages[i] for i in rest], [rows_of[i] for i in rest],
                                                         [wholes[i] for i in rest]))),
        lambda model, i: [model.probability(r, model.partial(wholes[i])) for r in rows_of[i]])
    contexts = [context(rows, whole, p1, page["chars"])
                for page, rows, whole, p1 in zip(pages, rows_of, wholes, inner_first)]
    second = Linear(*fit_linear(*stacked(pages, [c[0] for c in contexts], [c[1] for c in contexts])))
    probabilities = [[second.probability(r, second.partial(whole)) for r in rows] for rows, whole in contexts]
    threshold = train.best_threshold(pages, probabilities, THRESHOLDS)
    # the page gate: on which pages the model's lines beat the heuristics' (by the labels' word F1), each page
    # weighing what the choice is worth on it
    gate_rows, gate_labels, gate_weights = [], [], []
    for page, rows, probs in zip(pages, rows_of, probabilities):
        model_f1 = train.page_f1(page, [p >= threshold for p in probs])
        heuristic_f1 = train.page_f1(page, ["h_good" in r for r in rows])
        if model_f1 is None or model_f1 == heuristic_f1:
            continue
        gate_rows.append(gate_features(rows, page["page"], probs, page["chars"], threshold))
        gate_labels.append(1.0 if model_f1 > heuristic_f1 else 0.0)
        gate_weights.append(train.SET_WEIGHTS.get(page["set"], 1.0) * abs(model_f1 - heuristic_f1))
    gate = Linear(*fit_linear(gate_rows, gate_labels, gate_weights)) if len(set(gate_labels)) == 2 else None
    glance, glance_cut = fit_glance(pages, rows_of, probabilities, threshold, gate)
    return TextModel(first, second, threshold, about or {}, gate, GATE_CUT, glance, glance_cut)


def page_glance(page: dict) -> dict[str, float]:
    """``textscore.glance_features`` of a page from its feature rows (the span: the lines marked ``h_span``)."""
    from cleaner.textscore import glance_features

    rows = page["rows"]
    inside = [i for i, r in enumerate(rows) if "h_span" in r]
    span = (inside[0], inside[-1]) if inside else (0, -1)
    return glance_features(page["chars"], ["h_good" in r for r in rows], lambda i: "term" in rows[i], span)


def fit_glance(pages: list[dict], rows_of: list, probabilities: list, threshold: float, gate):
    """The glance: a regression on ``page_glance`` of whether the model, its gate applied, beats the heuristics
    on a page (each page weighing what the choice is worth on it), and its cut-off: the highest of GLANCE_CUTS
    (the fewer pages read, the faster) at which leaving the pages below it to the heuristics keeps all but
    GLANCE_LOSS of the best gain on the training pages, the glance's probabilities cross-fitted by domain."""
    from cleaner.scorer import Linear
    from cleaner.textscore import gate_features

    glances, labels, weights, worth = [], [], [], []
    for page, rows, probs in zip(pages, rows_of, probabilities):
        model_f1 = train.page_f1(page, [p >= threshold for p in probs])
        heuristic_f1 = train.page_f1(page, ["h_good" in r for r in rows])
        trusted = gate is None or gate.probability(
            gate_features(rows, page["page"], probs, page["chars"], threshold)) >= GATE_CUT
        gain = ((model_f1 - heuristic_f1) * train.SET_WEIGHTS.get(page["set"], 1.0)
                if trusted and model_f1 is not None else 0.0)
        glances.append(page_glance(page))
        worth.append(gain)
        labels.append(1.0 if gain > 0 else 0.0)
        weights.append(abs(gain))
    if len(set(l for l, w in zip(labels, weights) if w)) < 2:
        return None, 0.0
    held = cross_fitted(pages, lambda rest: Linear(*fit_linear([glances[i] for i in rest], [labels[i] for i in rest],
                                                               [weights[i] for i in rest])),
                        lambda glance, i: glance.probability(glances[i]))
    gains = {cut: sum(g for g, p in zip(worth, held) if p >= cut) for cut in GLANCE_CUTS}
    best = max(gains.values())
    cut = max(c for c in GLANCE_CUTS if gains[c] >= best - GLANCE_LOSS * abs(best))
    skipped = sum(p < cut for p in held)
    print(f"    glance: cut {cut}, leaves {skipped}/{len(pages)} training pages to the heuristics "
          f"(gain {gains[cut]:.2f} against {gains[0.0]:.2f} reading every page)", file=sys.stderr, flush=True)
    return Linear(*fit_linear(glances, labels, weights)), cut


# --- 3. k-fold by domain, through the whole pipeline -------------------------------------------------------------
def _clean_page(job: tuple):
    setname, page, model_path = job
    from cleaner import CleanerError, clean

    data = bench.read_page(setname, page)
    out = []
    for options in ({"text_model": model_path}, {"text_model": None}):
        try:
            text = clean(data, url=page.url, kind="text", **options).text
        except CleanerError:
            text = ""
        score, detail, exact, snippets = bench.score_page(setname, page, text)
        out.append(bench.PageResult(page.id, page.page_type, score, detail, 0.0, None, exact, snippets))
    return out


def kfold(pages: list[dict], data_dir: Path, k: int, jobs: int, limit: int | None,
          keep: str | None = None) -> tuple[dict, dict]:
    """Each fold's model cleans its held-out pages; the figures per set (and page type), with the model and with
    the heuristics alone on the same pages."""
    originals = {}
    for setname in sorted({p["set"] for p in pages}):
        for page in bench.load_set(data_dir, setname, limit)[0]:
            originals[(setname, page.id)] = page
    with tempfile.TemporaryDirectory() as tmp:
        todo = train.fold_jobs(pages, originals, k, fit, keep or tmp, bool(keep), lambda m: f"threshold {m.threshold}")
        return held_out_figures(todo, data_dir, jobs, limit)


def held_out_figures(todo: list, data_dir: Path, jobs: int, limit: int | None) -> tuple[dict, dict]:
    """Each (set, page, model path) of ``todo`` cleaned with its model and by the heuristics alone; the figures of
    both per set (and page type)."""
    results: dict[str, dict] = defaultdict(dict)
    before: dict[str, dict] = defaultdict(dict)
    with ProcessPoolExecutor(jobs) as pool:
        for (setname, page, _), (result, heuristic) in zip(todo, pool.map(_clean_page, todo, chunksize=8)):
            results[setname][page.id] = result
            before[setname][page.id] = heuristic
    figures, figures_before = {}, {}
    for setname in results:
        order = [p.id for p in bench.load_set(data_dir, setname, limit)[0] if p.id in results[setname]]
        figures[setname] = bench.set_scores(setname, [results[setname][i] for i in order])
        figures_before[setname] = bench.set_scores(setname, [before[setname][i] for i in order])
    return figures, figures_before


def report(figures: dict, figures_before: dict) -> str:
    """One line a set: F1 with the model / by the heuristics alone, and per page type."""
    lines = []
    for setname in sorted(figures):
        now, was = figures[setname], figures_before[setname]
        line = f"{setname:14s} F1 {now['f1']:.4f} / {was['f1']:.4f}  P {now['precision']:.3f}  R {now['recall']:.3f}"
        if now.get("by_type"):
            line += "  " + "  ".join(f"{t} {v['f1']:.3f}/{was['by_type'][t]['f1']:.3f}"
                                     for t, v in sorted(now["by_type"].items()))
        lines.append(line)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(bench.DEFAULT_DATA))
    ap.add_argument("--sets", default=",".join(TEXT_SETS))
    ap.add_argument("--folds", type=int, default=5, help="k of the k-fold report (0: none)")
    ap.add_argument("--out", default=str(REPO / "cleaner" / "models" / "text.json"))
    ap.add_argument("--limit", type=int, default=None, help="pages per set (quick trials)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--weight", action="append", default=[], metavar="SET=W",
                    help="the pages of SET weigh W times as much as others in the fit (repeatable)")
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
        print(f"fold models of {args.kept_folds} on today's code, whole pipeline on held-out pages "
              "(model / heuristics alone):")
        print(report(*held_out_figures(train.kept_jobs(args.kept_folds, data_dir, args.limit), data_dir, args.jobs,
                                       args.limit)))
        return 0
    sets = [s for s in args.sets.split(",") if s]
    for spec in args.weight:
        name, _, value = spec.partition("=")
        train.SET_WEIGHTS[name] = float(value)
    started = time.perf_counter()
    pages = train.cached_pages(args.cache, lambda: train.load_pages(data_dir, sets, args.jobs, args.limit, page_rows, 8))
    print(f"{len(pages)} pages, {sum(len(p['rows']) for p in pages)} lines read in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    about = {"sets": sets, "pages": len(pages), "weights": train.SET_WEIGHTS, "script": "benchmarks/train_text.py"}
    if args.folds:
        figures, figures_before = kfold(pages, data_dir, args.folds, args.jobs, args.limit, args.keep_folds)
        print(f"{args.folds}-fold by domain, whole pipeline on held-out pages (model / heuristics alone):")
        print(report(figures, figures_before), flush=True)
        about["kfold"] = {s: {"f1": round(f["f1"], 4), "heuristics_f1": round(figures_before[s]["f1"], 4),
                              **({"by_type": {t: round(v["f1"], 4) for t, v in f["by_type"].items()}}
                                 if f.get("by_type") else {})}
                          for s, f in figures.items()}
    model = fit(pages, about)
    train.write_model(model, args.out)
    print(f"model written to {args.out} (threshold {model.threshold}; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
