"""One immutable options object that flows through every stage.

Make a variant with ``dataclasses.replace(options, field=value)``; never mutate one.
"""
from __future__ import annotations

from .article import record


@record(frozen=True)
class Options:
    """The options of one ``clean()`` call (a frozen dataclass; see ``clean()`` and the README)."""

    def __init__(
        self,
        # input
        kind: str = "auto",  # auto | html | text
        url: str | None = None,
        max_bytes: int = 64 * 1024 * 1024,
        # HTML stage: skip the jusText candidate of trafilatura's recall retry
        fast: bool = False,
        # heuristic stage (text input); the defaults were tuned on the development benchmark
        length_low: int = 50,  # characters: below this a block is "short"
        length_high: int = 150,  # characters: a long block with enough stop words is good at once
        stopwords_low: float = 0.15,
        stopwords_high: float = 0.25,
        max_link_density: float = 0.5,
        span_block_cost: float = 40.0,  # what one boilerplate block costs the article span (see classify.article_span)
        span_char_cost: float = 0.5,  # ... and each of its characters
        # rules
        rules: bool = True,  # run the rule stage
        disabled_rules: frozenset[str] = frozenset(),
        # rebuild
        dedupe: bool = True,
    ) -> None:
        self.__dict__.update(
            kind=kind, url=url, max_bytes=max_bytes, fast=fast, length_low=length_low, length_high=length_high,
            stopwords_low=stopwords_low, stopwords_high=stopwords_high, max_link_density=max_link_density,
            span_block_cost=span_block_cost, span_char_cost=span_char_cost, rules=rules,
            disabled_rules=disabled_rules, dedupe=dedupe)

    @classmethod
    def from_kwargs(cls, **kwargs: object) -> "Options":
        """Build options from ``clean(**options)``; unknown names are a clear error."""
        unknown = sorted(set(kwargs) - set(cls.__match_args__))  # __match_args__: the field names
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        if "disabled_rules" in kwargs:
            kwargs["disabled_rules"] = frozenset(kwargs["disabled_rules"])  # type: ignore[arg-type]
        return cls(**kwargs)  # type: ignore[arg-type]
