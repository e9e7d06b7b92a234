"""Per-language word lists, kept as data in text files that open with a header of '#' comment lines:
``phrases/<lang>.txt`` for noise phrases (lists, each a ``[key]`` line and then one phrase a line) and
``stopwords/<lang>.txt`` (one word a line).

A noise phrase of any language counts on every page ("Anzeige" is noise on an English page too),
so the rules see the union of all phrase lists.  Stop words stay per language: the heuristic stage
uses the language whose stop words cover the text best.

Everything here is read from the files once, on first use, into immutable structures; each list is made
when a run first asks for it.  Nothing is ever written.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from ..text import PHRASE_WORD

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

_HERE = os.path.dirname(os.path.abspath(__file__))

PHRASE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

# The lists of the phrase files; every list is optional in a language file.
PHRASE_KEYS = ("share", "ads", "promo_prefix", "newsletter", "caption", "byline_prefix", "author_roles",
               "dateline", "consent", "counter_nouns", "months", "section_end", "reading_time", "follow_prefix",
               "social_networks", "caption_prefix", "affiliate", "credit_phrase", "figure_label",
               "enlarge_hint", "rights", "bio_roles", "about_prefix", "bio_label", "call_to_action", "support_call",
               "source_heading", "disclaimer", "promo_verb", "newsletter_short", "person_pronouns", "share_prefix",
               "box_heading", "reader_call", "consent_terms", "form_notice")


class PhraseSet:
    """A phrase list as tuples of lower-case words, matched word by word (no regex to compile, linear time).

    ``"Sign up for"`` matches the words ``sign up for`` wherever they stand, a colon after them or not;
    ``"Related:"`` matches only with its colon.  Phrases with no word at all (``"©"``) match as substrings.
    Match against ``phrase_words(text)`` (``PHRASE_WORD.findall(text)``).
    """

    __slots__ = ("tuples", "wordless", "firsts")

    def __init__(self, phrases: frozenset[str]):
        tuples: set[tuple[str, ...]] = set()
        wordless = []
        for p in phrases:  # a phrase of plain words is split at its spaces
            words = p.split() if p.replace(" ", "").isalnum() else PHRASE_WORD.findall(p)
            if words:
                tuples.add(tuple(words))
            else:
                wordless.append(p)
        self.wordless = tuple(wordless)
        self.tuples = frozenset(tuples)
        firsts: defaultdict[str, set[int]] = defaultdict(set)  # first word -> the lengths of its phrases
        for t in tuples:
            firsts[t[0]].add(len(t))
            if len(t) == 1 and not t[0].endswith(":"):
                firsts[t[0] + ":"].add(1)  # a one-word phrase may carry a colon
        self.firsts = {w: tuple(sorted(n)) for w, n in firsts.items()}

    def _is_phrase(self, words: tuple[str, ...]) -> bool:
        if words in self.tuples:
            return True
        last = words[-1]
        return last.endswith(":") and words[:-1] + (last[:-1],) in self.tuples

    def prefix(self, words: list[str] | tuple[str, ...]) -> int:
        """How many leading words form a phrase (the longest), else 0."""
        lengths = self.firsts.get(words[0]) if words else None
        for n in reversed(lengths or ()):
            if n <= len(words) and self._is_phrase(tuple(words[:n])):
                return n
        return 0

    def find(self, words: list[str] | tuple[str, ...], min_words: int = 1) -> tuple[int, int] | None:
        """(start, length) of the first phrase of at least ``min_words`` words among the words, else None."""
        firsts = self.firsts
        for i, word in enumerate(words):
            lengths = firsts.get(word)
            if lengths is None:
                continue
            for n in lengths:
                if n < min_words:
                    continue
                if i + n > len(words):
                    break
                if self._is_phrase(tuple(words[i:i + n])):
                    return i, n
        return None

    def in_text(self, text: str) -> bool:
        return any(p in text for p in self.wordless)


class Lexicon:
    """All phrase lists of all languages, lower-cased, as frozensets (``lex.ads``, ``lex.phrases["ads"]``), plus
    per-language stop words (``lex.stopwords["en"]``)."""

    def __init__(self, phrases: Mapping[str, frozenset[str]], stopwords: Mapping[str, frozenset[str]]) -> None:
        self.phrases = phrases
        self.stopwords = stopwords
        self._sets: dict[str, PhraseSet] = {}  # the lists prepared for word-by-word matching so far

    def __getattr__(self, key: str) -> frozenset[str]:
        if key.startswith("_"):  # (asked by copy and pickle before __init__ has run)
            raise AttributeError(key)
        try:
            found = self.phrases[key]
        except KeyError:
            raise AttributeError(key) from None
        setattr(self, key, found)  # the rules ask for a list on every block: next time, a plain attribute
        return found

    def words(self, key: str) -> PhraseSet:
        """One phrase list, prepared for word-by-word matching (once, on first use)."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = PhraseSet(self.phrases[key])
        return found


class OnFirstUse(Mapping):
    """A read-only mapping whose values are made from their sources the first time they are asked for: a run
    needs about half of the phrase lists, and a page that declares its language no stop words."""

    def __init__(self, sources: dict[str, object], make: Callable[[object], frozenset[str]]) -> None:
        self._sources = sources
        self._make = make
        self._made: dict[str, frozenset[str]] = {}

    def __getitem__(self, key: str) -> frozenset[str]:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._make(self._sources[key])
        return found

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of ``lexicon/<name>.txt``: one a line, lower case; a line that starts with '#' is a comment.  Most
    are class and id words (``side_boxes``, ``dialogs``, ``reviews``, ...), which the HTML stage matches against
    the runs of letters of an element's class and id; ``placeholders`` holds the words of a template's filler."""
    lines = (line.strip() for line in _read_text(f"{name}.txt").splitlines())
    return frozenset(word for word in lines if word and not word.startswith("#"))


def _read_text(name: str) -> str:
    with open(os.path.join(_HERE, name), "rb") as fh:
        return fh.read().decode("utf-8")  # line ends as they are: CRLF lines are read as lines too


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    """The lexicon of the data files, read once, on first use."""
    return read_lexicon()


def read_lexicon() -> Lexicon:
    """The lexicon as the data files hold it.  The phrase files are read and checked now (each holds a part of
    every list); each list is made on first use, and so are the stop words of each language."""
    bodies: dict[str, list[str]] = {key: [] for key in PHRASE_KEYS}
    for lang in PHRASE_LANGUAGES:
        name = os.path.join("phrases", f"{lang}.txt")
        try:
            text = _read_text(name)
        except FileNotFoundError:
            continue
        header, lists = _sections(text.lower())
        if not all(map(_is_header_line, header.splitlines())):
            raise ValueError(f"lexicon {name}: a line before the first [list] that is not a '#' comment")
        for key, body in lists:
            if key not in bodies:
                raise ValueError(f"lexicon {name}: unknown list [{key}]")
            if "\n#" in body:  # it would be a phrase
                raise ValueError(f"lexicon {name}: a '#' line in [{key}]: comments go in the header")
            bodies[key].append(body)
    stopwords = {name[:-4]: os.path.join("stopwords", name)
                 for name in sorted(os.listdir(os.path.join(_HERE, "stopwords"))) if name.endswith(".txt")}
    return Lexicon(OnFirstUse(bodies, _phrase_list), OnFirstUse(stopwords, _stopword_file))


def _phrase_list(bodies: list[str]) -> frozenset[str]:
    """The phrases of one list, from its part in each phrase file: one a line, blank lines skipped."""
    return frozenset(filter(None, (line.strip() for body in bodies for line in body.splitlines())))


def _stopword_file(name: str) -> frozenset[str]:
    return _word_list(_read_text(name))


def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A phrase file's header and its lists, as (key, the text of its phrases): a list starts at a line
    that is only "[key]" (trailing blanks allowed), so the text is cut at each line that starts with "["."""
    header, *parts = ("\n" + text).split("\n[")
    lists: list[tuple[str, str]] = []
    for part in parts:
        head, _, body = part.partition("\n")
        key = head.rstrip(" \t\r")[:-1] if head.rstrip(" \t\r").endswith("]") else ""
        if key.replace("_", "a").isalnum():  # a word: letters, digits, underscores
            lists.append((key, "\n" + body))
        elif lists:  # a line that starts with "[" and is no list's head belongs to the list before it
            lists[-1] = (lists[-1][0], lists[-1][1] + "\n[" + part)
        else:
            header += "\n[" + part
    return header, lists


def _is_header_line(line: str) -> bool:
    """A line of a data file's header: a '#' comment, or blank."""
    return line.strip()[:1] in ("", "#")


def _word_list(text: str) -> frozenset[str]:
    """The words of a stop-word file: one a line, after the header; blank lines skipped."""
    lines = text.splitlines()
    header = 0
    while header < len(lines) and _is_header_line(lines[header]):
        header += 1
    return frozenset(filter(None, lines[header:]))
