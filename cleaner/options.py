"""One immutable options object that flows through every stage.

Make a variant with ``dataclasses.replace(options, field=value)``; never mutate one.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Options:
    # input
    kind: str = "auto"  # auto | html | text
    url: str | None = None
    max_bytes: int = 64 * 1024 * 1024
    # HTML stage: skip trafilatura's fallback extractors (readability, jusText)
    fast: bool = False
    # heuristic stage (text input); the defaults were tuned on the development benchmark
    length_low: int = 50  # characters: below this a block is "short"
    length_high: int = 150  # characters: a long block with enough stop words is good at once
    stopwords_low: float = 0.15
    stopwords_high: float = 0.25
    max_link_density: float = 0.5
    span_block_cost: float = 40.0  # what one boilerplate block costs the article span (see classify.article_span)
    span_char_cost: float = 0.5  # ... and each of its characters
    # rules
    rules: bool = True  # run the rule stage
    disabled_rules: frozenset[str] = frozenset()
    # rebuild
    dedupe: bool = True

    @classmethod
    def from_kwargs(cls, **kwargs: object) -> "Options":
        """Build options from ``clean(**options)``; unknown names are a clear error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        if "disabled_rules" in kwargs:
            kwargs["disabled_rules"] = frozenset(kwargs["disabled_rules"])  # type: ignore[arg-type]
        return cls(**kwargs)  # type: ignore[arg-type]
