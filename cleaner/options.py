"""One immutable options object that flows through every stage, and checks its own fields.

Make a variant with ``options.with_url(url)`` (or ``options.replace(field=value)``); an ``Options`` never changes.
"""
from __future__ import annotations

from .article import Frozen

KINDS = ("auto", "html", "text")


class Options(Frozen):
    """The options of one ``clean()`` call (see ``clean()`` and the README).  Every field is checked here: a
    wrong type is a ``TypeError`` and a wrong value a ``ValueError``, each naming the option."""

    __slots__ = (
        # input
        "kind",  # auto | html | text (any case)
        "url",  # str or None; bytes are decoded as UTF-8
        "max_bytes",  # refuse larger inputs
        "encoding",  # the transport's charset label (WHATWG), or None
        "content_type",  # the transport's Content-Type header value (its charset= is used), or None
        # HTML stage
        "fast",  # no learned scorer (every page read as an article) and no jusText candidate in trafilatura's retry
        "html_model",  # None (the shipped model) or the path of a model file written by benchmarks/train.py
        "text_model",  # "shipped" (text: the learned line scorer in models/text.json revises the heuristics on
        # pages they do not read as an article), None (the heuristics alone) or a model file from train_text.py
        # heuristic stage (text input); the defaults were tuned on the development benchmark
        "length_low",  # characters: below this a block is "short"
        "length_high",  # characters: a long block with enough stop words is good at once
        "stopwords_low",
        "stopwords_high",  # a line that is not a sentence is near-good from this stop-word share (its neighbours
        # decide), bad below it; 0 (the default): near-good whatever its stop words (0.25 before session 9)
        "max_link_density",
        "span_block_cost",  # what one boilerplate block costs the article span (see classify.article_span)
        "span_char_cost",  # ... and each of its characters
        # rules
        "rules",  # run the rule stage
        "user_rules",  # the user's phrases and patterns (config.UserRules), or None
        "disabled_rules",  # names of rules not to run (a family name stands for its rules)
        # rebuild
        "dedupe",
        # output
        "explain",  # removals also say what weighed most against them (the learned scorer's features)
        "comments",  # read the page's reader comments into Article.comments (HTML input)
        "links",  # keep the article's links as spans of its blocks (TypedBlock.links; HTML input)
    )

    def __init__(self, *, kind: str = "auto", url: str | bytes | None = None, max_bytes: int = 64 * 1024 * 1024,
                 encoding: str | None = None, content_type: str | None = None, fast: bool = False,
                 html_model: str | None = None, text_model: str | None = "shipped", length_low: int = 50,
                 length_high: int = 150,
                 stopwords_low: float = 0.15, stopwords_high: float = 0.0, max_link_density: float = 0.5,
                 span_block_cost: float = 40.0, span_char_cost: float = 0.5, rules: bool = True,
                 user_rules: object = None, disabled_rules: object = frozenset(), dedupe: bool = True,
                 explain: bool = False, comments: bool = False, links: bool = False) -> None:
        user_rules = _user_rules(user_rules)
        self._set(_kind(kind), _url(url), _count("max_bytes", max_bytes, least=1), _encoding(encoding),
                  _text_or_none("content_type", content_type), _flag("fast", fast), _path("html_model", html_model),
                  _path("text_model", text_model),
                  _count("length_low", length_low), _count("length_high", length_high),
                  _share("stopwords_low", stopwords_low), _share("stopwords_high", stopwords_high),
                  _share("max_link_density", max_link_density), _cost("span_block_cost", span_block_cost),
                  _cost("span_char_cost", span_char_cost), _flag("rules", rules), user_rules,
                  _rule_names(disabled_rules, user_rules),
                  _flag("dedupe", dedupe), _flag("explain", explain), _flag("comments", comments),
                  _flag("links", links))

    @classmethod
    def from_kwargs(cls, **kwargs: object) -> Options:
        """Options from ``clean(**options)``; unknown names are a clear error."""
        unknown = sorted(set(kwargs) - set(cls.__slots__))
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)}")
        return cls(**kwargs)  # type: ignore[arg-type]

    def with_url(self, url: str | bytes | None) -> Options:
        """A copy of these options with another page URL."""
        return self.replace(url=url)

    def replace(self, **changes: object) -> Options:
        """A copy of these options with some fields changed (and checked); ``with_url`` is the usual one."""
        return Options.from_kwargs(**{**dict(zip(self.__slots__, self._values())), **changes})


# --- The checks, one a kind of field ---------------------------------------------------------------------------
def _kind(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"kind must be a str, not {type(value).__name__}")
    if value.lower() not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {value!r}")
    return value.lower()


def _url(value: object) -> str | None:
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("url must be text; these bytes are not UTF-8") from None
    if value is not None and not isinstance(value, str):
        raise TypeError(f"url must be a str or None, not {type(value).__name__}")
    return value


def _encoding(value: object) -> str | None:
    _text_or_none("encoding", value)
    if value is not None:
        from .detect import is_charset_label

        if not is_charset_label(value):  # type: ignore[arg-type]
            raise ValueError(f"encoding must be a charset label of the WHATWG Encoding Standard (utf-8, windows-1250, "
                             f"iso-8859-2, shift_jis, ...), not {value!r}")
        return value.strip().lower()  # type: ignore[union-attr]
    return None


def _text_or_none(name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return value


def _number(name: str, value: object, kinds: tuple[type, ...], what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be {what}, not {type(value).__name__}")


def _count(name: str, value: object, least: int = 0) -> int:
    _number(name, value, (int,), "an int")
    if value < least:  # type: ignore[operator]
        raise ValueError(f"{name} must be at least {least}, not {value}")
    return value  # type: ignore[return-value]


def _share(name: str, value: object) -> float:
    _number(name, value, (int, float), "a number")
    if not 0 <= value <= 1:  # type: ignore[operator]
        raise ValueError(f"{name} must be between 0 and 1, not {value}")
    return value  # type: ignore[return-value]


def _cost(name: str, value: object) -> float:
    _number(name, value, (int, float), "a number")
    if not 0 <= value < float("inf"):  # type: ignore[operator]
        raise ValueError(f"{name} must be 0 or more, not {value}")
    return value  # type: ignore[return-value]


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")
    return value


def _user_rules(value: object) -> object:
    if value is None:
        return None
    from .config import UserRules

    if not isinstance(value, UserRules):
        raise TypeError(f"user_rules must be a cleaner.config.UserRules or None, not {type(value).__name__}")
    return value or None


def _rule_names(value: object, user_rules: object = None) -> frozenset[str]:
    """The disabled rules: a set (or any collection) of rule names, each a name the rules or the pipeline use
    (or the user's, ``user.<name>``); a family name (``promos``, ``user``) stands for all its rules."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"disabled_rules must be a set of rule names, not {type(value).__name__}")
    names = frozenset(value)  # type: ignore[arg-type]
    if not names:
        return names
    wrong = sorted(repr(n) for n in names if not isinstance(n, str))
    if wrong:
        raise TypeError(f"disabled_rules must hold rule names (str), not {', '.join(wrong)}")
    from .rules import expand_families, rule_names  # only here: the rule modules load with the rule stage

    known = rule_names() | (user_rules.names if user_rules else frozenset())
    names = expand_families(names, known)
    unknown = sorted(names - known)
    if unknown:
        raise ValueError(f"unknown rule(s) in disabled_rules: {'; '.join(_with_close_names(n, known) for n in unknown)}")
    return names


def _with_close_names(name: str, known: frozenset[str]) -> str:
    from difflib import get_close_matches  # only for the message

    close = get_close_matches(name, sorted(known | {n.split(".")[0] for n in known}), n=3)
    return f"{name!r}" + (f" (did you mean {', '.join(close)}?)" if close else "")


def _path(name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str (a file path) or None, not {type(value).__name__}")
    return value
