"""The learned line scorer of text input: the heuristic stage's verdicts, revised by a model fitted on data.

Scraped text (one block a line) goes through ``classify`` as before: first pass, context pass, article span.
Those verdicts become features of a line beside its own (length, words, stop words, sentence end, digits,
capitals, URL-like tokens, its place on the page, whether it repeats, which named rule calls it noise), its
neighbours', and its place against the heuristics' article (after it; in a stream of teaser-shaped lines).  Two
logistic regressions in a row (``cleaner.scorer.Linear``), as on HTML:

1. each line on its features and its page's: a probability that it is the article's;
2. each line again, on a few of its features plus the first probabilities around it (its neighbours, windows
   before and after it, the densest run of probable content on the page).

Two more decide per page whether the model speaks at all: the glance, before any line's features are computed
(``glance_features``: the page's shape and the heuristics' verdicts), and the gate, after the model has read the
page (``gate_features``); a page either leaves to the heuristics keeps their labels.  A line is kept when its
second probability reaches the model's threshold, else it goes as
``model.boilerplate`` (``explain``: the features that weighed most against it, and the heuristic's own
verdict).  The model lives in ``cleaner/models/text.json``, written by ``benchmarks/train_text.py``; it is read
on first use.  It is a trial, off unless asked for (``clean(..., text_model="shipped")`` or a model file's path):
on unseen sites it lifts the web text sets but not yet news-ptext's floor, and it costs more than 1.5x the text
path's time on some sets (docs/benchmarks.md).
"""
from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache

from .article import Block, Frozen
from .scorer import MODELS, NEAR, WINDOWS, Linear, added, around, prefix_sums, sigmoid
from .text import TERMINAL

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

MODEL_REMOVAL = "model.boilerplate"
RULE_FAMILIES = ("ads", "bylines", "captions", "consent", "counters", "fragments", "promos", "social")
FIRST_LABELS = ("good", "neargood", "short", "bad")
REASONS = ("link_like", "no_words", "copyright", "teaser", "repeated_on_page", "not_sentence_like", "short",
           "outside_article", "all_caps")
# the stage-1 features the second stage reads again
CARRIED = ("h_good", "h_span", "fp_good", "term", "len", "rule", "rep", "pos", "stop", "w3", "c150", "teasers", "cut",
           "after_art", "stream", "stream_after")
STREAM_PERIODS = (2, 3)  # lines between a teaser's title and the next one's (title, summary[, date])
SEPARATORS = frozenset("|•»·›/")
BULLETS = frozenset("•-–*·")
NEIGHBOUR_KEYS = {d: (f"len@{d}", f"h_good@{d}", f"term@{d}", f"rule@{d}", f"edge@{d}") for d in (-1, 1)}
HEAD = 200  # characters of a line whose capitals, letters and digits are counted (a long line is prose anyway)
_DIGIT = re.compile(r"\d")


class TextModel(Frozen):
    """The two stages, the threshold, the page gate (a third regression: whether the model's lines beat the
    heuristics' on this page, None for no gate) and its cut-off, the glance (a fourth, read before any line
    is: whether the model may beat the heuristics at all, from the page's shape and their verdicts; None for
    none) and its cut-off, and ``about`` (how the model was trained, what it scored)."""

    __slots__ = ("stage1", "stage2", "threshold", "gate", "gate_cut", "glance", "glance_cut", "about")

    def __init__(self, stage1: Linear, stage2: Linear, threshold: float, about: dict, gate: Linear | None = None,
                 gate_cut: float = 0.5, glance: Linear | None = None, glance_cut: float = 0.0) -> None:
        self._set(stage1, stage2, threshold, gate, gate_cut, glance, glance_cut, about)

    @classmethod
    def from_dict(cls, data: dict) -> TextModel:
        gate, glance = data.get("gate"), data.get("glance")
        return cls(Linear(data["stage1"]["intercept"], data["stage1"]["weights"]),
                   Linear(data["stage2"]["intercept"], data["stage2"]["weights"]),
                   float(data["threshold"]), data.get("about", {}),
                   Linear(gate["intercept"], gate["weights"]) if gate else None, float(data.get("gate_cut", 0.5)),
                   Linear(glance["intercept"], glance["weights"]) if glance else None,
                   float(data.get("glance_cut", 0.0)))

    def to_dict(self) -> dict:
        out = {"about": self.about, "threshold": self.threshold, "gate_cut": self.gate_cut,
               "glance_cut": self.glance_cut,
               "stage1": {"intercept": self.stage1.intercept, "weights": self.stage1.weights},
               "stage2": {"intercept": self.stage2.intercept, "weights": self.stage2.weights}}
        for name, part in (("gate", self.gate), ("glance", self.glance)):
            if part is not None:
                out[name] = {"intercept": part.intercept, "weights": part.weights}
        return out

    def worth_reading(self, glance: dict[str, float]) -> bool:
        """Whether the glance leaves the page to the model (``glance_features``): unless it gives the model
        less than ``glance_cut``, and no line's features need be computed."""
        return self.glance is None or self.glance.probability(glance) >= self.glance_cut

    def first_stage(self, rows: list[dict[str, float]], page: dict[str, float]) -> list[float]:
        """Each line's first probability (``stage1.probability``, the same sum of a feature's weight times its
        value, a feature the model does not weigh adding nothing)."""
        get = self.stage1.weights.get
        base = self.stage1.intercept + self.stage1.partial(page)
        return [sigmoid(base + added(get(k, 0.0) * v for k, v in r.items())) for r in rows]

    def second_fast(self, rows: list[dict[str, float]], page: dict[str, float], first: list[float],
                    chars: list[int]) -> list[float]:
        """The second stage's probabilities, summed a term at a time over all the lines without building each
        line's features (the same terms: ``context`` names them).  Away from the page's ends a window's terms
        are differences of running sums a fixed number of lines away (``_window_mix``), added for all those
        lines at once."""
        n = len(rows)
        weights = self.stage2.weights
        page_second, prefix, (run_from, run_to) = _page_second(page, first, chars)
        base = self.stage2.intercept + self.stage2.partial(page_second)
        w_p1 = weights.get("p1", 0.0)
        z = [base + w_p1 * p for p in first]
        for k in CARRIED:
            w = weights.get(k)
            if w:
                z = [zi + w * f[k] if k in f else zi for zi, f in zip(z, rows)]
        edge = max(map(abs, NEAR))
        padded = [-1.0] * edge + first + [-1.0] * edge
        for d in NEAR:
            w = weights.get(f"p1@{d}")
            if w:
                z = [zi + w * p for zi, p in zip(z, padded[edge + d:edge + d + n])]
        for w in WINDOWS:
            w_mean, w_before, w_after = (weights.get(f"p1{part}{w}", 0.0) for part in "wba")
            lo, hi = min(w, n), max(w, n - w)  # the lines in between have their windows of w inside the page
            for offset, c in _window_mix(w, w_mean, w_before, w_after):
                z[lo:hi] = [zi + c * s for zi, s in zip(z[lo:hi], prefix[lo + offset:hi + offset])]
            for i in (*range(lo), *range(hi, n)):
                a, b = max(0, i - w), min(n, i + w + 1)
                z[i] += w_mean * (prefix[b] - prefix[a]) / (b - a)
                z[i] += w_before * ((prefix[i] - prefix[a]) / (i - a) if i > a else -1.0)
                z[i] += w_after * ((prefix[b] - prefix[i + 1]) / (b - i - 1) if b > i + 1 else -1.0)
        w_in, w_dist = weights.get("in_run", 0.0), weights.get("run_dist", 0.0)
        for i in range(n):
            if run_from <= i <= run_to:
                z[i] += w_in
            else:
                z[i] += w_dist * math.log1p(run_from - i if i < run_from else i - run_to) / 5
        return list(map(sigmoid, z))

    def trusted(self, rows: list[dict[str, float]], page: dict[str, float], second: list[float],
                chars: list[int]) -> bool:
        """Whether the model's lines are taken on this page rather than the heuristics' (the gate)."""
        if self.gate is None:
            return True
        features = gate_features(rows, page, second, chars, self.threshold)
        return self.gate.probability(features) >= self.gate_cut

    def why(self, row: dict[str, float], second: dict[str, float]) -> str:
        names = self.stage1.against(row) if second["p1"] < 0.5 else self.stage2.against(second)
        return ", ".join(names)


def _window_mix(w: int, w_mean: float, w_before: float, w_after: float) -> tuple[tuple[int, float], ...]:
    """The terms of a window of w lines on each side of a line i inside the page, as weights of the running sums
    ``prefix[i + offset]``: the window's mean is (prefix[i+w+1] - prefix[i-w]) / (2w+1), before the line
    (prefix[i] - prefix[i-w]) / w, after it (prefix[i+w+1] - prefix[i+1]) / w."""
    mean, before, after = w_mean / (2 * w + 1), w_before / w, w_after / w
    return (w + 1, mean + after), (-w, -mean - before), (0, before), (1, -after)


def gate_features(rows: list[dict[str, float]], page: dict[str, float], second: list[float], chars: list[int],
                  threshold: float) -> dict[str, float]:
    """What tells a page where the model's verdicts beat the heuristics' from one where they do not: the page's
    own features, how much each keeps, how far they agree, and how much the model keeps outside the span."""
    total = sum(chars) or 1
    model_chars = heuristic_chars = both = outside = after = 0
    model_lines = heuristic_lines = 0
    for r, p, c in zip(rows, second, chars):
        kept = p >= threshold
        good = "h_good" in r
        if kept:
            model_chars += c
            model_lines += 1
            if good:
                both += c
            if "h_span" not in r:
                outside += c
                if "after" in r:
                    after += c
        if good:
            heuristic_chars += c
            heuristic_lines += 1
    either = model_chars + heuristic_chars - both
    n = len(rows) or 1
    g = dict(page)
    g.update({"g_model": model_chars / total, "g_heur": heuristic_chars / total,
              "g_agree": both / either if either else 1.0, "g_out": outside / total,
              "g_diff": (model_chars - heuristic_chars) / total,
              "g_mean": added(c * p for c, p in zip(chars, second)) / total,
              "g_lines_model": model_lines / n, "g_lines_heur": heuristic_lines / n,
              "g_after_art": after / total * page.get("pg_prose", 0.0)})
    return g


def glance_features(chars: list[int], good: list[bool], terminal: Callable[[int], bool],
                    span: tuple[int, int]) -> dict[str, float]:
    """What a page says before its lines are read: its size, its lines' length, and how the heuristics read it
    (the share of its characters they keep, and in their article span, before it and after it; how many long
    paragraphs that span holds, ``terminal`` telling whether line i ends a sentence)."""
    n = len(chars) or 1
    total = sum(chars) or 1
    start, end = span
    kept = sum(c for c, g in zip(chars, good) if g)
    inside = sum(chars[max(start, 0):end + 1])
    after = sum(chars[end + 1:]) if end >= start else 0
    paragraphs = sum(1 for i in range(max(start, 0), end + 1) if good[i] and chars[i] >= 150 and terminal(i))
    return {"gl_n": math.log1p(n) / 7, "gl_len": math.log1p(total / n) / 6, "gl_kept": kept / total,
            "gl_span": inside / total, "gl_after": after / total, "gl_before": (total - inside - after) / total,
            "gl_paragraphs": math.log1p(paragraphs) / 3, "gl_article": min(1.0, paragraphs / 4),
            "gl_short": sum(c < 50 for c in chars) / n}


def model(path: str | None = None) -> TextModel:
    """The shipped text model, or the one in a file written by ``benchmarks/train_text.py``."""
    return _model_at(path or os.path.join(MODELS, "text.json"))


@lru_cache(maxsize=8)
def _model_at(path: str) -> TextModel:
    with open(path, encoding="utf-8") as fh:
        return TextModel.from_dict(json.load(fh))


# --- Features -------------------------------------------------------------------------------------------------
def line_features(blocks: list[Block], first: list[tuple], span: tuple[int, int],
                  stopwords: frozenset[str], noise: Callable[[Block], str | None],
                  words_of: Callable[[str], list[str]]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """Each line's features and the page's.  ``first``: each line's (label, reason) after the first pass, its
    (words, stop-word share) where the pass computed them (else None), whether it stands in a list of teasers,
    and whether the article's early end cut it off (``classify``'s trace);
    ``blocks`` carry the stage's final labels and reasons; ``span``: the article span it found."""
    n = len(blocks)
    counts: dict[str, int] = {}
    for b in blocks:
        counts[b.text] = counts.get(b.text, 0) + 1
    chars = [len(b.text) for b in blocks]
    total = sum(chars) or 1
    start, end = span
    own = []
    shapes: list[int] = []  # each line's rough shape: its length class (up to 3 words, up to 8, shorter than 150
    # characters, longer), doubled, plus 1 if it ends a sentence (``_stream_and_after``)
    before = 0
    good_chars = span_chars = terminal_lines = short_lines = 0
    for i, b in enumerate(blocks):
        text = b.text
        length = chars[i]
        label, reason, measured, in_teasers, cut = first[i]
        if measured is not None:
            nw, stop = measured
        else:
            words = words_of(text)
            nw = len(words)
            stop = sum(map(stopwords.__contains__, words)) / nw if nw else 0.0
        stripped = text.rstrip()
        head = text[:HEAD]
        starts = [word[0] for word in head.split()]  # each word's first character
        terminal = stripped.endswith(TERMINAL)
        f = {"len": math.log1p(length) / 6, "words": math.log1p(nw) / 5, "pos": i / n, "pos_c": before / total,
             "fp_" + label: 1.0}
        if stop:
            f["stop"] = stop
        if starts:
            f["title"] = sum(map(str.isupper, starts)) / len(starts)
        digits = len(_DIGIT.findall(head))
        if digits:
            f["digit"] = digits / len(head)
        if nw <= 8:
            f["w8"] = 1.0
            size = 1
            if nw <= 3:
                f["w3"] = 1.0
                size = 0
                if nw <= 1:
                    f["w1"] = 1.0
        elif length >= 150:
            f["c150"] = 1.0
            size = 3
            if length >= 400:
                f["c400"] = 1.0
        else:
            size = 2
        shapes.append(2 * size + terminal)
        if terminal:
            f["term"] = 1.0
        if counts[text] > 1:
            f["rep"] = 1.0
            f["rep_n"] = math.log(counts[text])
        if b.label == "good":
            f["h_good"] = 1.0
        if start <= i <= end:
            f["h_span"] = 1.0
        else:
            f["dist"] = math.log1p(start - i if i < start else i - end) / 5
        # the named rule that calls the line noise: the stage's own verdict where it asked, else asked now of
        # the lines it would keep (the others' rule makes no difference and costs time)
        hit = ""
        if reason.startswith("heuristic."):
            f["fr_" + reason[10:]] = 1.0
        elif reason:
            hit = reason
        if b.reason.startswith("heuristic."):
            f["hr_" + b.reason[10:]] = 1.0
        elif b.reason and not hit:
            hit = b.reason
        if not hit and b.label == "good" and label not in ("good", "neargood"):  # the first pass asked the others
            hit = noise(b) or ""
        if hit:
            f["rule"] = 1.0
            f["r_" + hit.partition(".")[0]] = 1.0
        if in_teasers:
            f["teasers"] = 1.0
        if cut:
            f["cut"] = 1.0
        if stripped.endswith(":"):
            f["colon"] = 1.0
        elif stripped.endswith(("…", "...")):
            f["ellipsis"] = 1.0
        elif stripped.endswith("?"):
            f["question"] = 1.0
        if text.isupper():
            f["caps"] = 1.0
        if "@" in text or "http" in text or "www." in text:
            f["urlish"] = 1.0
        if not SEPARATORS.isdisjoint(head):
            f["sep"] = 1.0
        if text[:1] in BULLETS or text[:2].rstrip(".)").isdigit():
            f["bullet"] = 1.0
        if i == 0:
            f["first"] = 1.0
        if i == n - 1:
            f["last"] = 1.0
        own.append(f)
        before += length
        if b.label == "good":
            good_chars += length
        if start <= i <= end:
            span_chars += length
        terminal_lines += terminal
        short_lines += length < 50
    for d, (length_key, good_key, term_key, rule_key, edge_key) in NEIGHBOUR_KEYS.items():
        for i, f in enumerate(own):  # the neighbours' verdicts and shapes
            j = i + d
            if 0 <= j < n:
                g = own[j]
                f[length_key] = g["len"]
                if "h_good" in g:
                    f[good_key] = 1.0
                if "term" in g:
                    f[term_key] = 1.0
                if "rule" in g:
                    f[rule_key] = 1.0
            else:
                f[edge_key] = 1.0
    prose = _stream_and_after(own, shapes, span)
    page = {"pg_n": math.log1p(n) / 7, "pg_good": good_chars / total, "pg_span": span_chars / total,
            "pg_term": terminal_lines / n, "pg_short": short_lines / n, "pg_stop": 1.0 if stopwords else 0.0,
            "pg_len": math.log1p(total / n) / 6, "pg_prose": prose}
    return own, page


def _stream_and_after(own: list[dict[str, float]], shapes: list[int], span: tuple[int, int]) -> float:
    """Mark, in place, the lines after the heuristics' article span (``after``; ``after_art``: how much of an
    article that span holds, 0-1, by its long paragraphs), the lines of a stream of teasers (``stream``: a line
    whose shape comes back 2 and 4 or 3 and 6 lines away, or around it, while a neighbour's differs, as a title
    and its summary do; ``stream_after``: such a line after an article), and the share of the heuristics' kept
    lines in the five lines before and after each line (``hg_b``, ``hg_a``).  Return the article's strength."""
    n = len(own)
    start, end = span
    paragraphs = sum(1 for f in own[max(start, 0):end + 1] if "h_good" in f and "c150" in f and "term" in f)
    strength = min(1.0, paragraphs / 4)
    stream = [False] * n
    for p in STREAM_PERIODS:
        for i in range(n - 2 * p):
            s = shapes[i]
            if s == shapes[i + p] == shapes[i + 2 * p] and (shapes[i + 1] != s or shapes[i + p + 1] != s):
                stream[i] = stream[i + p] = stream[i + 2 * p] = True
    good = [0]
    for f in own:
        good.append(good[-1] + ("h_good" in f))
    for i, f in enumerate(own):
        if stream[i]:
            f["stream"] = 1.0
        if i > end:
            f["after"] = 1.0
            if strength:
                f["after_art"] = strength
                if stream[i]:
                    f["stream_after"] = strength
        lo, hi = max(0, i - 5), min(n, i + 6)
        if i > lo:
            f["hg_b"] = (good[i] - good[lo]) / (i - lo)
        if hi > i + 1:
            f["hg_a"] = (good[hi] - good[i + 1]) / (hi - i - 1)
    return strength


def context(rows: list[dict[str, float]], page: dict[str, float], first: list[float],
            chars: list[int]) -> tuple[list[dict[str, float]], dict[str, float]]:
    """The second stage's features: a few of each line's own, its first probability, its neighbours', the
    means over windows around it (and before it, and after it), whether it lies in the densest run of probable
    content; and the page's own features with the means of the first stage."""
    page_second, prefix, (run_from, run_to) = _page_second(page, first, chars)
    out = []
    for i, f in enumerate(rows):
        g = {k: f[k] for k in CARRIED if k in f}
        g.update(around(first, prefix, i))
        if run_from <= i <= run_to:
            g["in_run"] = 1.0
        else:
            g["run_dist"] = math.log1p(run_from - i if i < run_from else i - run_to) / 5
        out.append(g)
    return out, page_second


def _page_second(page: dict[str, float], first: list[float],
                 chars: list[int]) -> tuple[dict[str, float], list[float], tuple[int, int]]:
    """The page's second-stage features (its own, the means of the first stage, the densest run's share), the
    running sums of the first probabilities, and the densest run (``_densest_run``)."""
    total = sum(chars) or 1
    run_from, run_to = _densest_run(first, chars)
    run_chars = sum(chars[run_from:run_to + 1]) if run_to >= run_from else 0
    page_second = dict(page)
    page_second["page_mean"] = added(c * p for c, p in zip(chars, first)) / total
    page_second["page_kept"] = sum(c for c, p in zip(chars, first) if p >= 0.5) / total
    page_second["run_share"] = run_chars / total
    return page_second, prefix_sums(first), (run_from, run_to)


def _densest_run(first: list[float], chars: list[int]) -> tuple[int, int]:
    """The run of lines where probable content outweighs the rest most (each line weighs its characters, up to
    600, for or against by its first probability): Kadane's scan; (0, -1) when no line leans to content."""
    best, span = 0.0, (0, -1)
    run, start = 0.0, 0
    for i, (p, c) in enumerate(zip(first, chars)):
        if run <= 0:
            run, start = 0.0, i
        run += (p - 0.5) * (min(c, 600) + 20)
        if run > best:
            best, span = run, (start, i)
    return span


# --- At run time ----------------------------------------------------------------------------------------------
def score(blocks: list[Block], first: list[tuple], span: tuple[int, int], stopwords: frozenset[str],
          noise: Callable[[Block], str | None], words_of: Callable[[str], list[str]], chosen: TextModel,
          explain: bool = False) -> tuple[int, int]:
    """Relabel the lines in place by the model: good, or bad as ``model.boilerplate``; return the new span (the
    first and last good line; (0, -1) when none is good).  A text the glance or the gate leaves to the heuristics
    keeps their labels and span (and one the pipeline does not give the model: ``pipeline._for_the_model``)."""
    chars = [len(b.text) for b in blocks]
    good = [b.label == "good" for b in blocks]
    if not chosen.worth_reading(glance_features(chars, good, lambda i: blocks[i].text.rstrip().endswith(TERMINAL),
                                                span)):
        return span  # a page the heuristics read well (a long article and little else): they decide
    rows, page = line_features(blocks, first, span, stopwords, noise, words_of)
    p1 = chosen.first_stage(rows, page)
    p2 = chosen.second_fast(rows, page, p1, chars)
    if not chosen.trusted(rows, page, p2, chars):
        return span  # the heuristics' verdicts stand on this page
    threshold = chosen.threshold
    second = context(rows, page, p1, chars)[0] if explain else []
    lo, hi = len(blocks), -1
    for i, (b, p) in enumerate(zip(blocks, p2)):
        if p >= threshold:
            b.label, b.reason = "good", ""
            lo, hi = min(lo, i), i
        else:
            heuristic = b.reason if b.label != "good" else "kept"
            b.label = "bad"
            if explain:
                b.reason = f"{MODEL_REMOVAL}: {chosen.why(rows[i], second[i])} (heuristic: {heuristic})"
            else:
                b.reason = MODEL_REMOVAL
    return (lo, hi) if hi >= 0 else (0, -1)
