"""Per-language word lists, kept as data in text files that open with a header of '#' comment lines:
``phrases/<lang>.txt`` for noise phrases (lists, each a ``[key]`` line and then one phrase a line) and
``stopwords/<lang>.txt`` (one word a line).

A noise phrase of any language counts on every page ("Anzeige" is noise on an English page too),
so the rules see the union of all phrase lists.  Stop words stay per language: the heuristic stage
uses the language whose stop words cover the text best.

Everything here is loaded once, on first use, into immutable structures.  Reading the files and preparing
the lists took 4-5 ms of a 33 ms `cleaner < page.txt` run, so their prepared form is kept beside the files,
as Python keeps its bytecode (``__pycache__/lexicon.<python>.marshal``), and used while the files, this
module and the interpreter are the ones it was made from.  Loading it costs less than half (the run: 31.5 ms).
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Mapping
from functools import lru_cache

from ..article import record

_HERE = os.path.dirname(os.path.abspath(__file__))

PHRASE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")

# The lists of the phrase files; every list is optional in a language file.
PHRASE_KEYS = ("share", "ads", "promo_prefix", "newsletter", "caption", "byline_prefix", "author_roles",
               "dateline", "consent", "counter_nouns", "months", "section_end", "reading_time", "follow_prefix",
               "social_networks", "caption_prefix", "affiliate", "credit_phrase", "figure_label",
               "enlarge_hint", "rights", "bio_roles", "about_prefix", "bio_label")


WORD = re.compile(r"\w+")
# Words as phrases see them: a colon right after a word is kept ("related:" is a label, "related" a word).
PHRASE_WORD = re.compile(r"\w+:?")
# Punctuation outside ASCII that news is full of (curly quotes, dashes, the ellipsis, the no-break space, the
# bullet), no word characters: once they are spaces, most text is ASCII, which str.translate splits faster than
# a regex finds WORD's words
WIDE_PUNCTUATION = "’‘“”–—…«»\u00a0•"


def narrowed(text: str) -> str:
    """The text with its WIDE_PUNCTUATION as spaces."""
    for mark in WIDE_PUNCTUATION:  # (a str.replace that finds nothing costs one scan, no copy)
        text = text.replace(mark, " ")
    return text


# Each ASCII character that is not a word character (a letter, a digit, "_") mapped to a space, the others to
# themselves (a character the table lacks costs translate a KeyError, once a call): in an ASCII text,
# translating and splitting at spaces finds WORD's words, in about three quarters of the time
_ASCII_NON_WORD = str.maketrans({c: c if c.isalnum() or c == "_" else " " for c in map(chr, range(128))})


def words_of(text: str) -> list[str]:
    """The lower-case words of a text (``WORD`` matches)."""
    text = text.lower()
    if not text.isascii():
        text = narrowed(text)
    if text.isascii():
        return text.translate(_ASCII_NON_WORD).split()
    return WORD.findall(text)


# Every ASCII character that is neither a word character (a letter, a digit, "_") nor a colon mapped to a space,
# the others to themselves (a character the table lacks costs translate a KeyError, once a call)
_ASCII_SEPARATORS = str.maketrans({c: c if c.isalnum() or c in "_:" else " " for c in map(chr, range(128))})


def phrase_words(norm: str) -> tuple[str, ...]:
    """``PHRASE_WORD.findall(norm)``: in an ASCII text (the common case, once the wide punctuation is spaces),
    by translate and split, about two thirds of the regex's cost."""
    if not norm.isascii():
        norm = narrowed(norm)
        if not norm.isascii():
            return tuple(PHRASE_WORD.findall(norm))
    text = norm.translate(_ASCII_SEPARATORS)  # words, colons and spaces only
    if ":" not in text:
        return tuple(text.split())
    text = text.replace(":", ": ")  # a colon stays with the word before it ("related:")...
    if " :" in text or text[0] == ":":  # ...and one after no word is dropped
        return tuple(w for w in text.split() if w != ":")
    return tuple(text.split())


class PhraseSet:
    """A phrase list as tuples of lower-case words, matched word by word (no regex to compile, linear time).

    ``"Sign up for"`` matches the words ``sign up for`` wherever they stand, a colon after them or not;
    ``"Related:"`` matches only with its colon.  Phrases with no word at all (``"©"``) match as substrings.
    Match against ``phrase_words(text)`` (``PHRASE_WORD.findall(text)``).
    """

    __slots__ = ("tuples", "wordless", "firsts")

    @classmethod
    def from_state(cls, state: tuple) -> "PhraseSet":
        """A set as ``state()`` gave it (from the cache: no phrase to split again)."""
        new = cls.__new__(cls)
        new.tuples, new.wordless, new.firsts = state
        return new

    def state(self) -> tuple:
        return self.tuples, self.wordless, self.firsts

    def __init__(self, phrases: frozenset[str]):
        tuples: set[tuple[str, ...]] = set()
        wordless = []
        for p in phrases:  # (built at every start: str.split for a phrase of plain words is the faster way)
            words = p.split() if p.replace(" ", "").isalnum() else PHRASE_WORD.findall(p)
            if words:
                tuples.add(tuple(words))
            else:
                wordless.append(p)
        self.wordless = tuple(wordless)
        self.tuples = frozenset(tuples)
        firsts: dict[str, set[int]] = {}
        for t in tuples:
            firsts.setdefault(t[0], set()).add(len(t))
            if len(t) == 1 and not t[0].endswith(":"):
                firsts.setdefault(t[0] + ":", set()).add(1)  # a one-word phrase may carry a colon
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


@record(frozen=True, eq=False)
class Lexicon:
    """All phrase lists of all languages, lower-cased, as frozensets, plus per-language stop words."""

    def __init__(self, phrases: dict[str, frozenset[str]], stopwords: dict[str, frozenset[str]]) -> None:
        self.__dict__.update(phrases=phrases, stopwords=stopwords, _sets={})  # _sets: the lists prepared so far

    def __getattr__(self, key: str) -> frozenset[str]:
        try:  # through __dict__: a copy or an unpickled object asks before its fields are set
            found = self.__dict__["phrases"][key]
        except KeyError:
            raise AttributeError(key) from None
        self.__dict__[key] = found  # the rules ask for a list on every block: next time, a plain attribute
        return found

    def words(self, key: str) -> PhraseSet:
        """One phrase list, prepared for word-by-word matching (once, on first use)."""
        sets = self.__dict__["_sets"]
        found = sets.get(key)
        if found is None:
            phrases = self.phrases[key]
            state = self.phrases.states.get(key) if isinstance(self.phrases, _CachedLists) else None
            found = sets[key] = PhraseSet.from_state(state) if state else PhraseSet(phrases)
        return found


def _read_text(name: str) -> str:
    with open(os.path.join(_HERE, name), "rb") as fh:  # bytes decoded at once: no text reader to set up for each file
        return fh.read().decode("utf-8")  # (line ends as they are: CRLF lines are read as lines too)


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    """The lexicon, from the cache when it is current, else read from the files (and the cache rewritten)."""
    stamp = _stamp()
    lex = _from_cache(stamp)
    if lex is None:
        lex = read_lexicon()
        _to_cache(lex, stamp)
    return lex


def read_lexicon() -> Lexicon:
    """The lexicon as the data files hold it (no cache)."""
    phrases: dict[str, set[str]] = {key: set() for key in PHRASE_KEYS}
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
            if key not in phrases:
                raise ValueError(f"lexicon {name}: unknown list [{key}]")
            if "\n#" in body:  # it would be a phrase
                raise ValueError(f"lexicon {name}: a '#' line in [{key}]: comments go in the header")
            phrases[key].update(filter(None, map(str.strip, body.splitlines())))  # filter(None, ...): no blank lines
    stopwords = {}
    for name in sorted(os.listdir(os.path.join(_HERE, "stopwords"))):
        if name.endswith(".txt"):
            stopwords[name[:-4]] = _word_list(_read_text(os.path.join("stopwords", name)))
    return Lexicon({k: frozenset(v) for k, v in phrases.items()}, stopwords)


def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A phrase file's header and its lists, as (key, the text of its phrases): a list starts at a line
    that is only "[key]" (trailing blanks allowed).  Cut at each line that starts with "[" (a split in C,
    not a regex: this runs at every start)."""
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
    """The words of a stop-word file: one a line, after the header; blank lines skipped.
    (Taken from the lines at once: a test per line costs ~1 ms for the 19 files, at every start.)"""
    lines = text.splitlines()
    header = 0
    while header < len(lines) and _is_header_line(lines[header]):
        header += 1
    return frozenset(filter(None, lines[header:]))


# --- The cache of the prepared lists ----------------------------------------------------------------------
# One file for each interpreter (marshal's format is the interpreter's own), rewritten whole when stale.  It is
# trusted as the bytecode beside it is: only who can write the package can write it.  A cache that cannot be
# read, or written (a read-only install), only costs the time it would have saved.
CACHE_FORMAT = 1  # raise it when the cached structures change shape


def _cache_path() -> str | None:
    tag = sys.implementation.cache_tag
    return os.path.join(_HERE, "__pycache__", f"lexicon.{tag}.marshal") if tag else None


def _stamp() -> tuple:
    """What the prepared lists were made from: each data file's name, size and time of change, and this
    module's (a change to how lists are prepared makes the cache stale too)."""
    files = []
    for folder in ("phrases", "stopwords"):
        for entry in os.scandir(os.path.join(_HERE, folder)):
            if entry.name.endswith(".txt"):
                st = entry.stat()
                files.append((folder, entry.name, st.st_size, st.st_mtime_ns))
    own = os.stat(__file__)
    return CACHE_FORMAT, own.st_size, own.st_mtime_ns, tuple(sorted(files))


def _from_cache(stamp: tuple) -> Lexicon | None:
    path = _cache_path()
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            saved, stopwords, lists = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, unreadable, or of another shape
        return None
    if saved != stamp or not isinstance(lists, dict):
        return None
    return Lexicon(_CachedLists(lists), stopwords)


class _CachedLists(Mapping):
    """The phrase lists of a cached lexicon, each decoded on first use: a run asks for half of them, and
    decoding them all costs more than the rest of the cache."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self._blobs = blobs  # list name -> marshal of (its phrases, its PhraseSet's state)
        self._open: dict[str, frozenset[str]] = {}
        self.states: dict[str, tuple] = {}

    def __getitem__(self, key: str) -> frozenset[str]:
        found = self._open.get(key)
        if found is None:
            found, self.states[key] = marshal.loads(self._blobs[key])
            self._open[key] = found
        return found

    def __iter__(self):
        return iter(self._blobs)

    def __len__(self) -> int:
        return len(self._blobs)


def _to_cache(lex: Lexicon, stamp: tuple) -> None:
    """Write the lexicon, every list prepared, beside the files: through a file of its own renamed into place (a
    parallel run reads the old cache or the new one, never half of one), and silently given up where the package
    cannot be written."""
    path = _cache_path()
    if path is None:
        return
    import tempfile  # only here: a write happens once for each install

    lists = {key: marshal.dumps((lex.phrases[key], lex.words(key).state())) for key in PHRASE_KEYS}
    data = marshal.dumps((stamp, lex.stopwords, lists))
    partial = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, partial = tempfile.mkstemp(prefix="lexicon.", suffix=".partial", dir=os.path.dirname(path))
        with open(fd, "wb") as fh:
            fh.write(data)
        os.replace(partial, path)
    except OSError:
        if partial is not None:
            try:
                os.unlink(partial)
            except OSError:
                pass
