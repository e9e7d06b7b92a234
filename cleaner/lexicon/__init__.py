"""Per-language word lists, kept as data: ``<lang>.json`` for noise phrases, ``stopwords/<lang>.txt``.

A noise phrase of any language counts on every page ("Anzeige" is noise on an English page too),
so the rules see the union of all phrase lists.  Stop words stay per language: the heuristic stage
uses the language whose stop words cover the text best.

Everything here is loaded once, on first use, into immutable structures.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PHRASE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

# Keys of the phrase files; every key is optional in a language file.
PHRASE_KEYS = ("share", "ads", "promo_prefix", "newsletter", "caption", "byline_prefix", "author_roles",
               "dateline", "consent", "counter_nouns", "months", "section_end")


@dataclass(frozen=True)
class Lexicon:
    """All phrase lists of all languages, lower-cased, as frozensets, plus per-language stop words."""

    phrases: dict[str, frozenset[str]]
    stopwords: dict[str, frozenset[str]]

    def __getattr__(self, key: str) -> frozenset[str]:
        try:
            return self.phrases[key]
        except KeyError:
            raise AttributeError(key) from None

    def alternation(self, key: str) -> str:
        """A regex alternation of one phrase list, longest phrases first, each escaped."""
        return "|".join(re.escape(p) for p in sorted(self.phrases[key], key=len, reverse=True))


def _read_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    phrases: dict[str, set[str]] = {key: set() for key in PHRASE_KEYS}
    for lang in PHRASE_LANGUAGES:
        try:
            data = json.loads(_read_text(f"{lang}.json"))
        except FileNotFoundError:
            continue
        for key, values in data.items():
            if key not in phrases:
                raise ValueError(f"lexicon {lang}.json: unknown key {key!r}")
            phrases[key].update(v.lower() for v in values)
    stopwords = {}
    for entry in resources.files(__package__).joinpath("stopwords").iterdir():
        if entry.name.endswith(".txt"):
            words = [w for w in entry.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
            stopwords[entry.name[:-4]] = frozenset(words)
    return Lexicon({k: frozenset(v) for k, v in phrases.items()}, stopwords)
