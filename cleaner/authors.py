"""Authors: names in bylines, the byline of a page, and the notes on the author that close an article.

* Names: what a byline's parts look like (``looks_like_name``, ``is_role``, ``byline_body``), and the names
  a byline holds (``authors_from_byline``).  The byline rules (``rules/bylines.py``) ask the same tests.
* Where bylines are found: a removed "By Jane Doe" line of a text feeds the article's authors
  (``harvest``), in the header zone above the body too; an HTML page whose metadata names nobody is searched
  for a "By ..." text (``bylines_in_page``).
* The article's end: tail rules strip its closing notes one block at a time, and an "About Jane Doe" box
  goes with its note, unless the article names that person (``drop_closing_notes``).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from itertools import islice

from .article import Block, Removal
from .lazy_re import LazyPattern
from .lexicon import Lexicon, lexicon
from .text import PHRASE_WORD

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (start-up time)
if TYPE_CHECKING:
    from collections.abc import Callable

BYLINE = "bylines.byline"  # the rule whose removals feed the authors
AUTHOR_BIO = "bylines.author_bio"
AUTHOR_BOX = "bylines.author_box"  # not a rule of one block: drop_closing_notes asks author_box_person

# --- Names ---------------------------------------------------------------------------------------------------
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]{0,30}"
_NAME_SEQ = LazyPattern(rf"^{_NAME}(?:\s{{1,3}}{_NAME}){{0,4}}$")
# What separates the parts of a byline ("Jane Doe, Reuters", "Jane Doe and John Roe"): split at it
_SEPARATOR = r"\s{0,3}(?:[,;|&/•·]|\b(?:and|und|et|y|with)\b)\s{0,3}"
NAME_SPLIT = LazyPattern(_SEPARATOR, re.I)
_NAME_SPLIT_KEPT = LazyPattern(f"({_SEPARATOR})", re.I)  # the same, keeping the separators
SEPARATOR_WORDS = frozenset({"and", "und", "et", "y", "with"})  # the words and marks NAME_SPLIT splits at
SEPARATOR_CHARS = ",;|&/•·"
ADDRESSES = LazyPattern(r"[^\s@]{1,64}@[^\s@]{1,253}|@\w{1,64}|https?://\S{1,2000}")


def without_addresses(text: str) -> str:
    """The text less its e-mail addresses, handles and links."""
    if "@" not in text and "http" not in text:
        return text  # each alternative of ADDRESSES holds one of these
    return ADDRESSES.sub("", text)


def looks_like_name(part: str) -> bool:
    """One to five capitalised words: "Jane Doe", "Koh Gui Qing"."""
    return bool(_NAME_SEQ.match(part)) and 1 <= len(part.split()) <= 5


def byline_body(text: str) -> str | None:
    """The part after "By"/"Von"/"Par", when the block starts with such a prefix and a name."""
    text = text.strip()
    head = text[:60].lower()
    first = PHRASE_WORD.search(head)
    prefixes = lexicon().words("byline_prefix")
    if first is None or first.group() not in prefixes.firsts:
        return None  # no prefix can start with the first word
    spans = list(PHRASE_WORD.finditer(head))
    n = prefixes.prefix([m.group() for m in spans])
    if not n:
        return None
    rest = text[spans[n - 1].end():].lstrip(" :")
    return rest if rest[:1].isupper() else None


ROLE_MAX_WORDS = 4


def is_role(part: str, lex: Lexicon, qualified: bool = True) -> bool:
    """A role or an agency ("staff writer", "Reuters"), or (``qualified``) one after a qualifier ("AP auto
    writer", "senior political correspondent"): the part ends in a role of the list and is short."""
    if part in lex.author_roles or part in lex.caption:
        return True
    if not qualified:
        return False
    words = part.split()
    return len(words) <= ROLE_MAX_WORDS and any(" ".join(words[-n:]) in lex.author_roles for n in (1, 2, 3))


_PLACE_WORDS = frozenset({"in", "from"})


def is_credited_part(part: str) -> bool:
    """A part of a credit line: a name ("Koh Gui Qing"), perhaps with where the work was done ("Jane Doe in
    Washington"), or a place alone ("from Hong Kong")."""
    words = part.split()
    for i, w in enumerate(words):
        if w.lower() in _PLACE_WORDS:
            name, place = " ".join(words[:i]), " ".join(words[i + 1:])
            return (not name or looks_like_name(name)) and looks_like_name(place)
    return looks_like_name(part)


@lru_cache(maxsize=None)
def postnominals() -> frozenset[str]:
    """The post-nominal letters of the data file ("md", "phd", "rdn"), lower case, without dots."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lexicon", "postnominals.txt")
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def is_postnominal(part: str) -> bool:
    """Whether a byline's part is only post-nominal letters: "MD", "Ph.D.", "M.D. FACLM", "CEPF®"."""
    words = part.split()
    return bool(words) and all(w.lower().replace(".", "").rstrip("®") in postnominals() for w in words)


def authors_from_byline(text: str) -> list[str]:
    """The names in a byline: "By Jane Doe and John Smith, Reuters" -> ["Jane Doe", "John Smith"].  Post-nominal
    letters after a name's comma stay with it, as the page credits the person ("Jane Doe, MD"; a JSON-LD
    Person's name keeps them too); any other one word after a comma that follows a full name qualifies it
    ("Jane Doe, Dietitian"): no name."""
    lex = lexicon()
    body = byline_body(text) or text
    names: list[str] = []
    parts = _NAME_SPLIT_KEPT.split(without_addresses(body))
    last = None  # the index of the last part that went into a name (the name, or its letters)
    for i in range(0, len(parts), 2):
        part = parts[i].strip(" .:-–—")
        after_comma = i > 0 and parts[i - 1].strip() == ","
        if after_comma and last == i - 2 and is_postnominal(part):
            letters = parts[i].strip(" :-–—…")
            names[-1] += ", " + (letters.rstrip(".") if letters.endswith("..") else letters)  # not "MD..."
            last = i
            continue
        low = part.lower()
        # a later part may be a qualified role ("AP Auto Writer"); the first is the name ("Jane Doe Staff" too)
        role = is_role(low, lex, qualified=i > 0)
        if not part or role or not looks_like_name(part):
            continue
        if after_comma and names and " " not in part and " " in names[-1]:
            continue  # a role after the name
        names.append(part)
        last = i
    return names


def is_byline(text: str) -> bool:
    """Whether a short text is a "By Jane Doe" byline."""
    return byline_body(text) is not None and len(text.split()) <= 8


# --- Notes on the author ------------------------------------------------------------------------------------
# "Jane Doe is a staff writer covering ...": the author's note after the article.  The verb of a present-tense
# description, per language; past tenses ("Smith was a professor ...") end obituaries and stay.
BIO_COPULAS = frozenset({"is", "ist", "est", "es"})
_BIO_LANGUAGES = ("en", "de", "fr", "es")  # of the copulas
# Words that start a capitalised phrase but no name: the short stop words of those languages (articles and
# prepositions: "The", "Das", "Im"; the longer ones hold names: "john", "carlos", "friedrich") and these.
_LONG_DETERMINERS = frozenset({"this", "that", "these", "those", "their", "eine", "einer", "diese", "dieser", "dieses",
                               "unser", "unsere", "cette", "notre", "este", "esta", "nuestro", "nuestra"})


def _is_handle(word: str) -> bool:
    """A social handle in brackets after a name: "(@EduardKovacs)"."""
    return word.startswith("(@") and word.endswith(")")


def _is_name_word(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    if len(low) > 3:
        return low not in _LONG_DETERMINERS
    return not any(low in lex.stopwords.get(lang, ()) for lang in _BIO_LANGUAGES)


BIO_ROLE_WITHIN = 6  # words after the verb in which the role must stand ("is a general assignment reporter")
NOTE_OPENERS = "(*[ "  # what a note on the author may open with: "(Jane Doe is ...)", "*Jane Doe is ..."


def bio_subject(text: str, lex: Lexicon) -> str | None:
    """The name a short biography starts with (after an opening bracket or star perhaps, NOTE_OPENERS): 2 to 4
    capitalised words that are no stop words (a social handle in brackets after them perhaps), then
    "is"/"ist"/"est"/"es", then a role of the [bio_roles] list within a few words; else None."""
    words = text.lstrip(NOTE_OPENERS).split(None, 5 + BIO_ROLE_WITHIN + 1)
    for n in (2, 3, 4):
        verb = n + 1 if n + 1 < len(words) and _is_handle(words[n]) else n  # "Jane Doe (@janedoe) is ..."
        if verb < len(words) and words[verb].lower() in BIO_COPULAS and looks_like_name(" ".join(words[:n])):
            break
    else:
        return None
    name = words[:n]
    if not all(_is_name_word(w, lex) for w in name):
        return None  # "The Times is ...", "Das Buch ist ein Roman der Autorin ..."
    window = PHRASE_WORD.findall(" ".join(words[verb + 1:verb + 1 + BIO_ROLE_WITHIN]).lower())
    if lex.words("bio_roles").find([w.rstrip(":") for w in window]) is None:
        return None
    return " ".join(name)


# "Über Moritz Bachmann" over the closing note on the author: a person's name, each word a capital and then
# small letters ("About my6sense", "About IBM" head a company's note, which press releases keep).
_PERSON_WORD = LazyPattern(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{1,30}$")
AUTHOR_BOX_MAX_WORDS = 120


def about_person(text: str, lex: Lexicon) -> str | None:
    """The name in a heading "About Jane Doe" / "Über ..." / "Sobre ..." / "À propos de ...", else None."""
    words = text.split()
    if len(words) > 6:
        return None
    n = lex.words("about_prefix").prefix([w.lower() for w in words])
    name = words[n:] if n else []
    if not 2 <= len(name) <= 3 or not is_person_name(name, lex):
        return None  # "About The Author"
    return " ".join(name)


def is_person_name(words: list[str], lex: Lexicon) -> bool:
    """Whether words make a person's name: each a capital then small letters, none a determiner ("Jane Doe";
    not "The Author", "LEARN MORE", "Klein MM400")."""
    return all(map(_PERSON_WORD.match, words)) and all(_is_name_word(w, lex) for w in words)


def author_box_person(heading: str, note: str, lex: Lexicon) -> str | None:
    """The person when two closing blocks are "About Jane Doe" and a short note that names her (the author's box
    of a blog or a magazine), else None.  (A press release's "About Acme" names Acme all through: the caller
    checks that the article does not name the person before.)"""
    name = about_person(heading, lex)
    return name if name is not None and name in note and len(note.split()) <= AUTHOR_BOX_MAX_WORDS else None


# --- Where bylines are found --------------------------------------------------------------------------------
HEADER_ZONE = 8  # blocks before the body where a byline may stand when no headline was found


def harvest(rule: str, text: str, authors: list[str]) -> None:
    """A removed byline feeds the article's authors."""
    if rule == BYLINE:
        authors.extend(a for a in authors_from_byline(text) if a not in authors)


_BYLINE_TAGS = ("span", "p", "div", "a", "address", "li", "strong", "em")
_BYLINE_SCAN = 3000  # elements looked at, from the top of the page


def bylines_in_page(tree) -> list[str]:
    """The first short "By Jane Doe" text of an HTML page: where a page shows its byline when its metadata
    has none."""
    for n, el in enumerate(tree.iter(*_BYLINE_TAGS)):
        if n >= _BYLINE_SCAN:
            break
        text = (el.text or "").strip()
        if 4 < len(text) < 80 and is_byline(text):
            return [text]
    return []


AUTHOR_NOTES_MAX = 10  # notes on the author at the article's end (on the benchmark, at most 2)


def drop_closing_notes(kept: list[Block], removed: list[Removal], tail_rule: Callable[[Block], str | None],
                       author_box: bool = True) -> None:
    """Tail rules (``tail_rule`` names the one that matches a block) strip the article's last blocks one at a
    time (a dangling caption, the author's note), and an "About Jane Doe" box goes with its note (unless
    ``author_box`` is off).  A note on someone the article names is a source's: it stays.  So do the notes
    of a run of more than AUTHOR_NOTES_MAX: those are what the page holds (its staff), not a note after it."""
    lex = lexicon()
    notes = 0
    while len(kept) > 1:
        hit = tail_rule(kept[-1])
        if hit == AUTHOR_BIO:
            notes += 1
            if notes > AUTHOR_NOTES_MAX or named_earlier(bio_subject(kept[-1].text, lex), kept, len(kept) - 1):
                break
        elif hit is None:
            break
        removed.append(Removal(kept.pop().text, "rules", hit))
    if len(kept) > 2 and author_box:
        person = author_box_person(kept[-2].text, kept[-1].text, lex)
        if person is not None and not named_earlier(person, kept, len(kept) - 2):
            removed.extend(Removal(b.text, "rules", AUTHOR_BOX) for b in kept[-2:])
            del kept[-2:]


def named_earlier(name: str | None, blocks: list[Block], end: int) -> bool:
    """Whether the blocks before ``end`` name this person (by surname), a line of her name alone aside: that is her
    byline, which names the author, not a source."""
    surname = name.split()[-1].strip(".,") if name else ""
    return bool(surname) and any(surname in b.text and b.text.strip() != name for b in islice(blocks, end))
