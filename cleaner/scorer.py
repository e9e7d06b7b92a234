"""Stage 3: the learned block scorer, a model read from a data file and evaluated in plain Python.

Two logistic regressions in a row, as in Web2Text's and Dragnet's studies of the task:

1. each block on its own features (``cleaner.features``): a probability that it is the page's content;
2. each block again, on a few of its own features plus the first probabilities of its neighbours (the
   blocks around it, the containers it stands in, the whole page): content comes in runs and in
   containers, boilerplate too.

A third tells an article page from others by the page's features and how the first probabilities spread
(``html`` keeps the extraction on article pages).  A fourth, the gate, reads only what the page says of itself
and how its paragraphs and links read (``features.glance_features``): where it is sure the third would call
the page an article, no block is read at all.  A block is kept when its second probability reaches the
model's threshold.  The weights, the thresholds and
the learned weights of class and id words live in ``cleaner/models/<name>.json``, written by
``benchmarks/train.py`` from the development corpus; each is a sum of named terms, so a removal can say
which features weighed most against the block (``explain``).
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from itertools import accumulate

from .article import Frozen

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
WINDOWS = (2, 5, 10, 25)  # blocks on each side whose first probabilities the second stage averages
NEAR = (-3, -2, -1, 1, 2, 3)
CONTAINER_LEVELS = (1, 2, 3, 4, 6)  # ancestors this many levels above a block whose content is measured
MAIN_SHARE = 0.7  # the main container holds this share of the page's probable content
# The names of the second stage's features, made once: a window's mean, and its means before and after the block
_NEAR_NAMES = tuple((d, f"p1@{d}") for d in NEAR)
_WINDOW_NAMES = tuple((w, f"p1w{w}", f"p1b{w}", f"p1a{w}") for w in WINDOWS)
_WIDEST = max(*WINDOWS, *map(abs, NEAR))  # a block this far from both ends has every neighbour and window
_CONTAINER_NAMES = tuple((level, f"cp{level}", f"cs{level}") for level in CONTAINER_LEVELS)


class Linear(Frozen):
    """A logistic regression: an intercept and a weight for each named feature (others weigh nothing)."""

    __slots__ = ("intercept", "weights")

    def __init__(self, intercept: float, weights: dict[str, float]) -> None:
        self._set(intercept, weights)

    def logit(self, features: dict[str, float], base: float = 0.0) -> float:
        """The score of these features; ``base``: what other features add (``partial`` of a page's)."""
        weight = self.weights.get
        total = 0.0
        for k, v in features.items():
            if v:
                w = weight(k)
                if w is not None:
                    total += w * v
        return self.intercept + base + total

    def partial(self, features: dict[str, float]) -> float:
        """What these features add to a score (the page's, the same for every block)."""
        return self.logit(features) - self.intercept

    def probability(self, features: dict[str, float], base: float = 0.0) -> float:
        return sigmoid(self.logit(features, base))

    def against(self, features: dict[str, float], n: int = 3) -> list[str]:
        """The names of the ``n`` features that pull the score down most."""
        terms = sorted((self.weights[k] * v, k) for k, v in features.items() if k in self.weights and v)
        return [k for value, k in terms[:n] if value < 0]


class Model(Frozen):
    """The two stages; a third regression that tells an article page from other pages (a shop's grid, a
    forum, a listing), and the gate that foresees it, each with its decision threshold; the stage-2 features
    carried from stage 1; the class-word table; ``about`` says how the model was trained and what it scored."""

    __slots__ = ("stage1", "stage2", "kind", "thresholds", "carried", "class_table", "about", "gate")

    def __init__(self, stage1: Linear, stage2: Linear, kind: Linear, thresholds: dict[str, float],
                 carried: tuple[str, ...], class_table: dict[str, float], about: dict,
                 gate: Linear | None = None) -> None:
        self._set(stage1, stage2, kind, thresholds, carried, class_table, about, gate)

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        return cls(Linear(data["stage1"]["intercept"], data["stage1"]["weights"]),
                   Linear(data["stage2"]["intercept"], data["stage2"]["weights"]),
                   Linear(data["kind"]["intercept"], data["kind"]["weights"]),
                   {k: float(v) for k, v in data["thresholds"].items()}, tuple(data["carried"]),
                   data.get("class_table", {}), data.get("about", {}),
                   Linear(data["gate"]["intercept"], data["gate"]["weights"]) if "gate" in data else None)

    def to_dict(self) -> dict:
        return {"about": self.about, "thresholds": self.thresholds, "carried": list(self.carried),
                "stage1": {"intercept": self.stage1.intercept, "weights": self.stage1.weights},
                "stage2": {"intercept": self.stage2.intercept, "weights": self.stage2.weights},
                "kind": {"intercept": self.kind.intercept, "weights": self.kind.weights},
                "class_table": self.class_table,
                **({"gate": {"intercept": self.gate.intercept, "weights": self.gate.weights}} if self.gate else {})}

    def surely_article(self, glance: dict[str, float]) -> bool:
        """Whether the gate is sure, from the page's ``features.glance_features`` alone, that the page-kind
        model would call it an article (``thresholds["gate"]``); a model without a gate never is."""
        return self.gate is not None and self.gate.probability(glance) >= self.thresholds["gate"]

    def first_stage(self, rows: list[dict[str, float]], page: dict[str, float]) -> list[float]:
        """Each block's probability of being content by its own features and the page's."""
        base = self.stage1.partial(page)
        return [self.stage1.probability(f, base) for f in rows]

    def is_article(self, page: dict[str, float], first: list[float], chars: list[int]) -> bool:
        """Whether the page is an article (not a shop's grid, a forum, a listing, a service's page): unless the
        model is sure enough that it is not (``thresholds["kind"]``)."""
        return self.kind.probability(page_kind_features(page, first, chars)) >= self.thresholds.get("kind", 0.5)

    def second_stage(self, rows: list[dict[str, float]], page: dict[str, float], first: list[float],
                     chars: list[int], ancestors: list[tuple[int, ...]]) -> tuple[list[float], list[dict]]:
        """Each block's probability of being content, read with the first stage's verdicts around it; and
        the features that reading gave (for ``why``)."""
        second, page_second = context(rows, page, first, chars, ancestors, self.carried)
        base = self.stage2.partial(page_second)
        return [self.stage2.probability(f, base) for f in second], second

    def threshold(self, article: bool) -> float:
        """The probability a block needs to be kept, on an article page or on another."""
        return self.thresholds["article" if article else "other"]

    def why(self, row: dict[str, float], second: dict[str, float]) -> str:
        """What weighed most against a block: its own features, or, when it looked like content on its
        own, what the second stage read around it."""
        names = self.stage1.against(row) if second["p1"] < 0.5 else self.stage2.against(second)
        return ", ".join(names)


def model(name: str) -> Model:
    """The model shipped in ``cleaner/models/<name>.json`` (read once, on first use)."""
    return model_at(os.path.join(MODELS, f"{name}.json"))


@lru_cache(maxsize=8)
def model_at(path: str) -> Model:
    """The model in a JSON file (read once a process)."""
    with open(path, encoding="utf-8") as fh:
        return Model.from_dict(json.load(fh))


def context(rows: list[dict[str, float]], page: dict[str, float], first: list[float], chars: list[int],
            ancestors: list[tuple[int, ...]], carried: tuple[str, ...]) -> tuple[list[dict[str, float]], dict]:
    """The second stage's features: the carried first-stage features, the block's own first probability,
    its neighbours', the mean over windows around it (and before it, and after it), the content share of
    its containers, whether it stands in the page's main container; and, for the whole page, its carried
    features and its means."""
    n = len(rows)
    total = sum(chars) or 1
    weighted_chars = [c * p for c, p in zip(chars, first)]
    sums = container_sums(weighted_chars, chars, ancestors)
    weighted = added(weighted_chars)
    main = _main_container(sums, weighted)
    page_second = {k: page[k] for k in carried if k in page}
    page_second["page_mean"] = weighted / total
    page_second["page_kept"] = sum(c for c, p in zip(chars, first) if p >= 0.5) / total
    page_second["log_n"] = math.log1p(n)
    own = [k for k in carried if k not in page]
    prefix = prefix_sums(first)
    out = []
    for i, f in enumerate(rows):
        g = {k: f[k] for k in own if k in f}
        g.update(around(first, prefix, i))
        path = ancestors[i]
        for level, share_name, size_name in _CONTAINER_NAMES:
            if len(path) > level:
                content, size = sums[path[-1 - level]]
                g[share_name] = content / (size or 1)
                g[size_name] = size / total
            else:
                g[share_name] = -1.0
                g[size_name] = 0.0
        g["in_main"] = 1.0 if main is not None and main in path else 0.0
        out.append(g)
    return out, page_second


def container_sums(weighted_chars: list[float], chars: list[int],
                   ancestors: list[tuple[int, ...]]) -> dict[int, list[float]]:
    """For each container (by number, in the order the blocks meet them): its blocks' characters weighted by
    their first probabilities, and their characters, each added up in the blocks' order."""
    sums: dict[int, list[float]] = {}
    for weighted, c, path in zip(weighted_chars, chars, ancestors):
        for a in path:
            s = sums.get(a)
            if s is None:
                sums[a] = [weighted, float(c)]
            else:
                s[0] += weighted
                s[1] += c
    return sums


def prefix_sums(first: list[float]) -> list[float]:
    """0, then the running sums of the first probabilities (a window's mean is a difference of two)."""
    return list(accumulate(first, initial=0.0))


def around(first: list[float], prefix: list[float], i: int) -> dict[str, float]:
    """A block's (or a line's) first probability, its neighbours' (``NEAR``), and their means over windows
    around it, before it and after it (``WINDOWS``); -1 where there is no such neighbour or window."""
    n = len(first)
    g = {"p1": first[i]}
    if _WIDEST <= i < n - _WIDEST:  # every neighbour and every window inside the page
        for d, name in _NEAR_NAMES:
            g[name] = first[i + d]
        for w, mean, before, after in _WINDOW_NAMES:
            g[mean] = (prefix[i + w + 1] - prefix[i - w]) / (2 * w + 1)
            g[before] = (prefix[i] - prefix[i - w]) / w
            g[after] = (prefix[i + w + 1] - prefix[i + 1]) / w
        return g
    for d, name in _NEAR_NAMES:
        j = i + d
        g[name] = first[j] if 0 <= j < n else -1.0
    for w, mean, before, after in _WINDOW_NAMES:
        lo, hi = max(0, i - w), min(n, i + w + 1)
        g[mean] = (prefix[hi] - prefix[lo]) / (hi - lo)
        g[before] = (prefix[i] - prefix[lo]) / (i - lo) if i > lo else -1.0
        g[after] = (prefix[hi] - prefix[i + 1]) / (hi - i - 1) if hi > i + 1 else -1.0
    return g


def page_kind_features(page: dict[str, float], first: list[float], chars: list[int]) -> dict[str, float]:
    """What tells an article page from others: what the page says of itself, and how its first-stage
    content is spread (its share, its longest run, its blocks)."""
    g = dict(page)
    total = sum(chars) or 1
    kept = [c for c, p in zip(chars, first) if p >= 0.5]
    run = best = 0
    for c, p in zip(chars, first):
        run = run + c if p >= 0.5 else 0
        best = max(best, run)
    g["k_share"] = sum(kept) / total
    g["k_run"] = best / total
    g["k_blocks"] = math.log1p(len(kept)) / 6
    g["k_mean"] = added(c * p for c, p in zip(chars, first)) / total
    g["k_long"] = sum(1 for c in kept if c >= 150) / (len(kept) or 1)
    return g


def _main_container(sums: dict[int, list[float]], weighted: float) -> int | None:
    """The smallest container holding MAIN_SHARE of the page's probable content (weighted characters)."""
    best = None
    best_size = math.inf
    for a, (content, size) in sums.items():
        if content >= MAIN_SHARE * weighted and size < best_size:
            best, best_size = a, size
    return best


def added(values) -> float:
    """The sum of these numbers, added one by one in their order: the same bits on every Python version (from
    3.12, ``sum()`` over floats compensates its rounding, so a score on a threshold could change sides)."""
    total = 0.0
    for v in values:
        total += v
    return total


def sigmoid(x: float) -> float:
    """The logistic function, without overflow for large negative scores."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
