"""Stage 4: named rules for the noise that heuristics miss.

A rule is a small function registered once with ``@rule(name)``.  It looks at one block and
returns a short reason when the block is noise, else None.  The pipeline, not the rule, drops the
block and records ``Removal(text, stage="rules", rule=name)`` for ``--explain``.

``where="tail"`` rules look only at the last kept blocks of the article (dangling fragments).  A rule made for
one kind of input (``inputs=("text",)``) is not asked about the other's blocks.
Three removals are made outside the rule functions under rule-like names (which ``disabled_rules`` turns off
as it does a rule): ``promos.teaser_list``, the headlines after the last "Related:" label (the pipeline);
``bylines.author_box``, an "About Jane Doe" heading with its note (``authors``); ``html.link_paragraph``, a
paragraph of an extracted article that is one link to another page (``html``).
Adding a rule: write it in the family module that fits, decorate it, add a test case.
"""
from __future__ import annotations

from functools import lru_cache

from ..article import Record
from ..authors import AUTHOR_BOX
from ..lexicon import Lexicon, lexicon
from ..text import phrase_words

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

# The removals made outside the rule functions, under rule-like names, and what each removes (--list-rules)
TEASER_LIST = "promos.teaser_list"
LINK_PARAGRAPH = "html.link_paragraph"
REPEATED_RUN = "html.repeated_run"
SIDE_BOX = "html.side_box"
DISCLOSURE = "html.disclosure"
OUTSIDE_TAIL = "html.outside_tail"
TEASER_CARD = "html.teaser_card"
BEYOND_EXTRACTION = "html.beyond_extraction"
DIALOG = "html.dialog"
REVIEWS = "html.reviews"
PLACEHOLDER = "html.placeholder"
NOT_RULE_FUNCTIONS = (TEASER_LIST, AUTHOR_BOX, LINK_PARAGRAPH, REPEATED_RUN, SIDE_BOX, DISCLOSURE, OUTSIDE_TAIL,
                      TEASER_CARD, BEYOND_EXTRACTION, DIALOG, REVIEWS, PLACEHOLDER)
NOT_RULE_DOCS = {TEASER_LIST: "The headlines listed after the last \"Related:\" label, to the article's end.",
                 AUTHOR_BOX: "An \"About Jane Doe\" heading at the article's end, with its note on the author.",
                 LINK_PARAGRAPH: "On HTML, a paragraph that is word for word one link to another page (a teaser).",
                 REPEATED_RUN: "On HTML, a run of paragraphs that repeats, in order, a run the extraction held before "
                               "(the article given twice, for another layout).",
                 SIDE_BOX: "On HTML, a box beside or after the article whose class or id names a disclaimer, an "
                           "author's box, a list of sources, citations or footnotes, or a carousel (before the "
                           "extraction).",
                 DISCLOSURE: "On HTML, an accordion, tab or expandable box that holds prose is read open by the "
                             "extraction (disabled: the extraction prunes it, hidden text and all).",
                 OUTSIDE_TAIL: "On HTML, the extraction's last blocks outside the element that holds most of its words "
                               "(a stream or a box after the article; an FAQ part stays).",
                 TEASER_CARD: "On HTML, after an article, the summaries in a row of three or more dated teaser cards "
                              "that link to other pages of the site.",
                 BEYOND_EXTRACTION: "On HTML, an article page whose extraction took one part of it (a guide's "
                                    "introduction, a thread's first post) is the blocks the scorer keeps, where "
                                    "those hold three times its words (disabled: the extraction alone).",
                 DIALOG: "On HTML, on a page the scorer judges block by block, the blocks of a dialog (a class or id "
                         "names a dialog, a modal, a lightbox) that holds less than half the page's words.",
                 REVIEWS: "On HTML, on a page the scorer judges block by block, the blocks of a part whose class or id "
                          "names reviews (customers' reviews of a product) that holds less than half the page's words.",
                 PLACEHOLDER: "On HTML, a template's placeholder text (\"Lorem ipsum dolor sit amet ...\"), with the part "
                              "of the page around it that is mostly such text (before the extraction)."}


class Target(Record):
    """What a rule sees of a block: its text, a normalised form and its words, and its kind."""

    __slots__ = ("text",
                 "norm",  # lower-cased, whitespace collapsed, punctuation stripped at both ends
                 "words",  # how many
                 "tokens",  # the words of norm as phrases see them (text.PHRASE_WORD)
                 "kind")  # p, h, li, quote, ... (HTML) or p (text)

    def __init__(self, text: str, norm: str, words: int, tokens: tuple[str, ...], kind: str) -> None:
        self.text = text
        self.norm = norm
        self.words = words
        self.tokens = tokens
        self.kind = kind

    @classmethod
    def of(cls, text: str, kind: str = "p") -> "Target":
        words = text.split()
        norm = _bare(" ".join(words).lower()) if len(words) <= _longest("any") else ""  # no rule reads a long block
        return cls(text, norm, len(words), phrase_words(norm), kind)


def _bare(text: str) -> str:
    """The text without the punctuation at either end."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():  # str.isalnum is re's \w, less the underscore
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end].strip() if start or end < len(text) else text


if TYPE_CHECKING:
    RuleFunc = Callable[[Target, Lexicon], "str | None"]


INPUTS = ("html", "text")  # the kinds of input a rule may judge


class Rule(Record):
    __slots__ = ("name", "func",
                 "where",  # any | tail
                 "max_words",  # blocks longer than this are never this rule's business
                 "inputs")  # the kinds of input ("html", "text") whose blocks it judges

    def __init__(self, name: str, func: RuleFunc, where: str = "any", max_words: int = 60,
                 inputs: tuple[str, ...] = INPUTS) -> None:
        self.name = name
        self.func = func
        self.where = where
        self.max_words = max_words
        self.inputs = inputs

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().split("\n")[0]


_REGISTRY: dict[str, Rule] = {}


def rule(name: str, where: str = "any", max_words: int = 60,
         inputs: tuple[str, ...] = INPUTS) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule under ``family.name``; the registry is filled once, at import."""
    def register(func: RuleFunc) -> RuleFunc:
        if name in _REGISTRY:
            raise ValueError(f"rule {name!r} registered twice")
        _REGISTRY[name] = Rule(name, func, where, max_words, inputs)
        return func
    return register


# The families in the order their rules are asked.  The first rule that matches a block names its removal (what
# --explain prints, and what a user disables to keep the block, after which the next rule may match).  Bylines
# first: a removed byline feeds the article's authors only when bylines.byline names it.  Within a family, its
# rules run in the order its module defines them.
FAMILIES = ("bylines", "ads", "captions", "consent", "counters", "fragments", "promos", "social")


@lru_cache(maxsize=None)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, family by family in the order of FAMILIES (whichever module was imported first)."""
    from . import ads, bylines, captions, consent, counters, fragments, promos, social  # noqa: F401
    return tuple(sorted(_REGISTRY.values(), key=lambda r: FAMILIES.index(r.name.split(".")[0])))


@lru_cache(maxsize=None)
def _longest(where: str) -> int:
    return max((r.max_words for r in all_rules() if r.where == where), default=0)


def first_match(target: Target, lex: Lexicon, disabled: frozenset[str], where: str = "any") -> Rule | None:
    for r in _rules_for(where, target.words, disabled):
        if r.func(target, lex):
            return r
    return None


@lru_cache(maxsize=1024)
def _rules_for(where: str, words: int, disabled: frozenset[str]) -> tuple[Rule, ...]:
    """The rules that look at a block of this many words, in the order of all_rules()."""
    return tuple(r for r in all_rules() if r.where == where and words <= r.max_words and r.name not in disabled)


def rule_names() -> frozenset[str]:
    """Every name ``disabled_rules`` may hold: the rules', and those of the removals made outside them."""
    return frozenset(r.name for r in all_rules()) | frozenset(NOT_RULE_FUNCTIONS)


def expand_families(names, known: frozenset[str]) -> frozenset[str]:
    """Rule names, each family name (``promos``, ``user``) standing for every known rule of that family."""
    out = set()
    for name in names:
        family = [n for n in known if n.split(".")[0] == name] if "." not in name else []
        out.update(family or (name,))
    return frozenset(out)


class RuleBook:
    """The rules as one ``clean()`` call asks them (``enabled``, less the ``disabled`` names and the rules made for
    another kind of input than ``source``), cleaner's own first, then the user's (``user``: ``config.UserRules``):
    each distinct (text, kind, where) is judged once."""

    def __init__(self, disabled: frozenset[str] = frozenset(), enabled: bool = True, user=None,
                 source: str = "text"):
        self.lex = lexicon()
        self.disabled = disabled | frozenset(r.name for r in all_rules() if source not in r.inputs)
        self.enabled = enabled
        self.user = tuple(r for r in user.rules() if r.name not in disabled) if user else ()
        self._seen: dict[tuple[str, str, str], str | None] = {}

    def first_matching_rule(self, text: str, kind: str = "p", where: str = "any") -> str | None:
        """The name of the first rule that calls this block noise, else None."""
        if not self.enabled:
            return None
        key = (text, kind, where)
        if key not in self._seen:
            target = Target.of(text, kind)
            hit = first_match(target, self.lex, self.disabled, where)
            if hit is None and self.user:
                hit = next((r for r in self.user if r.where == where and target.words <= r.max_words
                            and r.func(target, self.lex)), None)
            self._seen[key] = hit.name if hit else None
        return self._seen[key]
