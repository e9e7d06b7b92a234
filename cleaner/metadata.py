"""Stage 2 for HTML, beside the extraction: the page's metadata, read from the page tree before trafilatura
prunes it.

Three kinds of evidence, cheapest first:

* what the page declares: its ``<meta>`` tags (``article:published_time``, ``author``, ``og:image``, ...), its
  ``<link rel=canonical>`` and its JSON-LD (the article's object: ``datePublished``, ``author``, ``publisher``,
  ``keywords``, ...), gathered once (``declared``);
* what the reader sees around the headline: the text just before and after the page's ``<h1>``, where a page
  shows its byline and its date (``header_zone``);
* the URL's date (``/2019/11/19/``).

The date shown by the headline comes first (it is the one readers and editors call the page's date), unless
it is a later update and the page declares its publication in Open Graph (``page_dates`` has the rest); then
the declared dates, then a date the page's text labels as its publication ("Published: ...").  Only when none
of these finds a date does htmldate search the page (``trafilatura_steps.page_date``), without its
extensive search: on pages with no date of their own that one mostly returns a copyright year's January 1.

Authors: the byline by the headline ("By Jane Doe"), in the spelling the page's metadata gives the same
names; else the persons the metadata names (a JSON-LD Person's name is one name, commas and all: "Jane Doe,
MD"); else trafilatura's byline search; an organisation only when no person is named.
"""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

from .article import Record
from .authors import authors_from_byline, byline_body, is_role, looks_like_name
from .dates import dates_in, days_of_moment, other_reading, parse_date, url_date
from .detect import nfc
from .lexicon import lexicon
from .text import PHRASE_WORD


# --- What the page declares -----------------------------------------------------------------------------------
class Declared(Record):
    """A page's declared metadata: ``metas`` maps a lower-cased meta name (``property``, ``name`` or ``itemprop``)
    to its values in page order; ``article`` is the JSON-LD object of the page's article (or None), ``objects``
    all JSON-LD objects (by ``@id`` in ``ids``); ``canonical`` the canonical link; ``times`` the ``datetime`` of
    the page's ``<time>`` elements."""

    __slots__ = ("metas", "objects", "ids", "article", "canonical", "times")

    def __init__(self, metas: dict, objects: list, article: dict | None, canonical: str | None,
                 times: list) -> None:
        ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
        self._set(metas, objects, ids, article, canonical, times)

    def meta(self, *names: str) -> str | None:
        """The first non-empty value of the first of these meta names the page has."""
        for name in names:
            for value in self.metas.get(name, ()):
                if value and value.strip():
                    return value.strip()
        return None

    def resolve(self, value):
        """A JSON-LD reference (``{"@id": ...}``) as the object it names, when the page holds it."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
            return self.ids.get(value["@id"], value)
        return value


def declared(tree) -> Declared:
    metas: dict[str, list[str]] = {}
    canonical = None
    times = []
    for el in tree.iter("meta", "link", "time", "script"):
        tag = el.tag
        if tag == "meta":
            name = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if name and content is not None:
                metas.setdefault(name.strip().lower(), []).append(content)
        elif tag == "link":
            if canonical is None and "canonical" in (el.get("rel") or "").lower().split():
                canonical = el.get("href")
        elif tag == "time":
            if el.get("datetime"):
                times.append(el.get("datetime"))
    objects = _json_ld(tree)
    return Declared(metas, objects, _article_object(objects), canonical, times)


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page (lists and ``@graph`` flattened), in page order."""
    import json  # here, not at the top: a text's run reads its byline and date with this module, and no JSON

    objects: list[dict] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:  # a broken block, as many are: the others still count
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
                main = item.get("mainEntity")
                if isinstance(main, dict):
                    stack.append(main)
    return objects


def _types(obj: dict) -> list[str]:
    found = obj.get("@type")
    return [t for t in (found if isinstance(found, list) else [found]) if isinstance(t, str)]


_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
                            "scholarlyarticle", "report", "socialmediaposting", "liveblogposting",
                            "discussionforumposting", "posting", "review", "medicalwebpage", "medicalscholarlyarticle",
                            "howto", "recipe", "creativework", "podcastepisode", "videoobject"})
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage", "profilepage"})


def _article_object(objects: list[dict]) -> dict | None:
    """The object of the page's article: the first of an article's type, else the first web page that has a
    date or an author."""
    for wanted in (_ARTICLE_TYPES, _PAGE_TYPES):
        for obj in objects:
            if any(t.lower() in wanted for t in _types(obj)) and (
                    wanted is _ARTICLE_TYPES or "datePublished" in obj or "author" in obj):
                return obj
    return None


def _text(value) -> str | None:
    """A JSON-LD value as one string: unescaped, whitespace collapsed."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return " ".join(unescape(value).split()) or None


# --- What the reader sees around the headline ---------------------------------------------------------------------
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "nav", "form"})
ZONE_AFTER = 700  # characters of text after the headline where its byline and date stand
ZONE_BEFORE = 300  # ... and before it (a date or a byline above the headline)


def headline(tree):
    """The page's first ``<h1>`` with text, or None."""
    return next((el for el in tree.iter("h1") if el.text_content().strip()), None)


def _texts(el):
    """The texts of an element (not its tail), in page order, one piece per text node, scripts and controls
    skipped; lazily, so that a caller can stop early."""
    from lxml import etree

    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in _SKIP:
                walker.skip_subtree()  # its "end" still comes, with its tail
            elif node.text and not node.text.isspace():
                yield node.text
        elif node is not el and node.tail and not node.tail.isspace():
            yield node.tail


def _following_texts(el):
    """The texts after an element, in page order."""
    node = el
    while node is not None:
        if node.tail and not node.tail.isspace():
            yield node.tail
        for sib in node.itersiblings():
            if isinstance(sib.tag, str) and sib.tag not in _SKIP:
                yield from _texts(sib)
            if sib.tail and not sib.tail.isspace():
                yield sib.tail
        node = node.getparent()


def _preceding_texts(el):
    """The texts before an element, nearest first."""
    node = el
    while node is not None:
        for sib in node.itersiblings(preceding=True):
            if sib.tail and not sib.tail.isspace():
                yield sib.tail
            if isinstance(sib.tag, str) and sib.tag not in _SKIP:
                yield from reversed(list(_texts(sib)))
        parent = node.getparent()
        if parent is not None and parent.text and not parent.text.isspace():
            yield parent.text
        node = parent


def _until(texts, budget: int) -> list[str]:
    """The texts, whitespace collapsed, until ``budget`` characters (the last one cut)."""
    out: list[str] = []
    for text in texts:
        piece = " ".join(text.split())[:budget]
        out.append(piece)
        budget -= len(piece) + 1
        if budget <= 0:
            break
    return out


class Zone(Record):
    """The text pieces around the headline, in page order."""

    __slots__ = ("after", "before")

    def __init__(self, after: list[str], before: list[str]) -> None:
        self._set(after, before)


def header_zone(h1) -> Zone:
    if h1 is None:
        return Zone([], [])
    before = _until(_preceding_texts(h1), ZONE_BEFORE)
    before.reverse()
    return Zone(_until(_following_texts(h1), ZONE_AFTER), before)


# --- Dates --------------------------------------------------------------------------------------------------
_PUBLISHED_METAS = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
                    "published_time", "article.published", "publishdate", "publish-date", "publish_date",
                    "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                    "dc.date", "dcterms.date", "dcterms.created", "citation_publication_date", "citation_date",
                    "date", "datecreated", "release_date")
_MODIFIED_METAS = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                   "modified_time", "article.updated", "dcterms.modified", "last-modified", "lastmod")
_UPDATE_LABEL = re.compile(r"(?i)\b(?:updated?|modified|revised|reviewed|edited|aktualisiert|mis\s+à\s+jour"
                           r"|actualizado|aggiornato|atualizado|bijgewerkt|zaktualizowano)\b[^\d]{0,25}$")
_PUBLISHED_LABEL = re.compile(r"(?i)(?<!last )\b(?:published|posted|post\s+time|publication\s+date|publish\s+date"
                              r"|veröffentlicht|publié|publicado|pubblicato|opublikowano|gepubliceerd)"
                              r"(?:\s+(?:on|at|am|le|el|il|em|op))?\s*:?\s*")
_MEMBER_LABEL = re.compile(r"(?i)\b(?:joined|member\s+since|registered)\b[^\d]{0,25}$")  # a poster's, not the page's


DATE_LINE_WORDS = 12  # a date shown by the headline stands in a short text; one inside a sentence is the article's
SHOWN_DATE_PIECES = 6  # pieces after the headline where its byline's date stands


class Shown(Record):
    """A date the page shows by its headline: ``at`` the index of its piece (< 0 before the headline), whether
    it is labelled as an update, and its ``other`` reading when it is written in digits that read either way."""

    __slots__ = ("date", "update", "at", "other")

    def __init__(self, date: str, update: bool, at: int, other: str | None) -> None:
        self._set(date, update, at, other)


def _shown_dates(zone: Zone) -> list[Shown]:
    """The dates the page shows by its headline, in page order: those in a text of at most ``DATE_LINE_WORDS``
    words, but for a member's date on a poster's card ("Joined: July 4, 2012")."""
    pieces = zone.before + zone.after
    text = " | ".join(pieces)
    shown = []
    at = 0  # where the piece starts in the text
    for i, piece in enumerate(pieces):
        if len(piece.split()) <= DATE_LINE_WORDS:
            for start, end, found in dates_in(piece):
                label = text[max(0, at + start - 40):at + start]
                if _MEMBER_LABEL.search(label) is None:
                    shown.append(Shown(found, _UPDATE_LABEL.search(label) is not None, i - len(zone.before),
                                       other_reading(piece[start:end], found)))
        at += len(piece) + 3
    return shown


def shown_date(before: list[str], after: list[str]) -> str | None:
    """The date shown by a headline, from the texts before it and after it (a scraped text's lines around its
    title): as on a page, the byline's date under it first, and one not labelled as an update."""
    pick = _shown_date(_shown_dates(Zone(after, before)))
    return pick.date if pick else None


def _shown_date(shown: list[Shown]) -> Shown | None:
    """The page's own date among those it shows: the byline's, just under the headline, over any above it (the
    site's header shows today's date, a bar the latest stories'); and a date not labelled as an update over
    one that is."""
    if any(0 <= s.at < SHOWN_DATE_PIECES for s in shown):
        shown = [s for s in shown if s.at >= 0]
    return next((s for s in shown if not s.update), shown[0] if shown else None)


def declared_published(decl: Declared) -> str | None:
    return parse_date(_declared_published_value(decl))


def _declared_published_value(decl: Declared) -> str | None:
    """The page's declared publication as it writes it (a time and its zone with it, where it gives them)."""
    art = decl.article or {}
    return next((v for v in (decl.meta(*_PUBLISHED_METAS), _text(art.get("datePublished")),
                             _text(art.get("dateCreated"))) if parse_date(v)), None)


def declared_modified(decl: Declared) -> str | None:
    art = decl.article or {}
    return parse_date(_text(art.get("dateModified"))) or parse_date(decl.meta(*_MODIFIED_METAS))


_SHARING_PUBLISHED_METAS = ("article:published_time", "og:article:published_time", "og:published_time")


def declares_for_sharing(decl: Declared) -> bool:
    """Whether the page declares its publication in its Open Graph properties (``article:published_time``),
    the card it gives social networks and search engines: the date it stands by when it shows a later one."""
    return parse_date(decl.meta(*_SHARING_PUBLISHED_METAS)) is not None


_THREAD_TYPES = frozenset({"discussionforumposting", "qapage", "question"})


def is_thread(decl: Declared) -> bool:
    """Whether the page declares a thread of posts (a forum, questions and answers): the dates by its
    headline are those of its posts, and the thread's own date is the declared one."""
    return any(t.lower() in _THREAD_TYPES for obj in decl.objects for t in _types(obj))


def _a_day_apart(one: str, other: str) -> bool:
    """Whether two ISO dates are a day apart: one moment written in two time zones."""
    from datetime import date

    return abs((date.fromisoformat(one) - date.fromisoformat(other)).days) == 1


def _same_moment(shown: str, declared: str) -> bool:
    """Whether a date the page shows, a day from its declared publication, is that moment in another time zone:
    always, unless the declared value gives its time and zone and no zone of the world puts it on that day
    (``2025-12-19T22:02Z`` is the 19th or the 20th, never the 18th)."""
    published = parse_date(declared)
    if not _a_day_apart(shown, published):
        return False
    days = days_of_moment(declared)
    return days is None or days[0] <= shown <= days[1]


def _near(one: str | None, other: str | None) -> bool:
    """Whether two ISO dates are the same day or a day apart."""
    return bool(one and other) and (one == other or _a_day_apart(one, other))


def page_dates(decl: Declared, zone: Zone, url: str | None) -> tuple[str | None, str | None]:
    """(published, modified) from the cheap evidence; published None when it finds none.  The URL's date
    first; then the date shown by the headline (``_shown_date``), read the other way when it is written in
    digits that read either way and the page's declared or ``<time>`` dates hold that reading, unless:

    * the page is a thread (its posts' dates stand by the headline; the thread's is the declared one);
    * it is a later update (labelled so, or the update the page declares) and the page declares its
      publication for sharing (``declares_for_sharing``);
    * it is earlier than the declared publication and labelled as an update, or is a day away from the
      declared publication and can be the same moment, in the page's time zone or in UTC (``_same_moment``);
    * it is later than the declared publication, and the page shows that one too, or declares an update that
      it is not: a later date is then an update's, a related story's or a last post's;

    in those cases the declared date.  A later update the page shows, when it declares its publication only
    in its JSON-LD or other metas, is the page's date.  Then the declared date, then the first
    ``<time datetime>``."""
    modified = declared_modified(decl)
    found = url_date(url)
    if found:
        return found, modified
    declared_value = _declared_published_value(decl)
    published = parse_date(declared_value)
    shown = _shown_dates(zone)
    pick = _shown_date(shown)
    if pick is not None and not (published and is_thread(decl)):
        date = pick.date
        if pick.other and any(_near(pick.other, d) for d in (published, modified, *map(parse_date, decl.times))):
            date = pick.other
        updated = modified or (date if pick.update else None)
        if published is None:
            return date, updated
        later = date > published
        if later and (pick.update or _near(date, modified)) and declares_for_sharing(decl):
            return published, updated
        if pick.update:
            return (date if later else published), updated
        if _same_moment(date, declared_value):
            return published, updated
        if later and (any(_near(s.date, published) for s in shown)
                      or modified is not None and not _near(date, modified)):
            return published, modified
        return date, modified
    if published:
        return published, modified
    return next((d for d in map(parse_date, decl.times) if d), None), modified


LABELLED_DATE = 40  # characters after a label where its date stands


def labelled_publication(tree) -> str | None:
    """The first date the page's text labels as its publication ("Published: May 3, 2024", "Post time:
    01-04-2024"), anywhere in the page: for a page whose URL, headline and metadata give no date."""
    body = next(tree.iter("body"), None)
    if body is None:
        return None
    text = " ".join(_texts(body))
    for label in _PUBLISHED_LABEL.finditer(text):
        start, _, found = next(dates_in(text[label.end():label.end() + LABELLED_DATE]), (None, None, None))
        if start == 0:
            return found
    return None


# --- Authors ------------------------------------------------------------------------------------------------
_PERSON = "person"
_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness",
                                 "educationalorganization", "governmentorganization", "website", "brand"})
_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                 "citation_author", "byl", "cxenseparse:author")


def _named(decl: Declared, value) -> tuple[list[str], list[str]]:
    """(persons, organisations) a JSON-LD ``author`` or ``publisher`` value names."""
    persons: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = decl.resolve(item)
        if isinstance(item, str):
            name = _text(item)
            if name and not name.startswith(("http:", "https:", "/")):
                persons.append(name)
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                continue
            if any(t.lower() in _ORGANISATION_TYPES for t in _types(item)):
                organisations.append(name)
            else:
                persons.append(name)
    return persons, organisations


def declared_authors(decl: Declared) -> tuple[list[str], list[str]]:
    """(persons, organisations) the page's metadata names as the article's authors."""
    persons, organisations = _named(decl, (decl.article or {}).get("author"))
    if not persons:
        for name in _AUTHOR_METAS:
            values = [v.strip() for v in decl.metas.get(name, ()) if v.strip() and "://" not in v
                      and not v.strip().isdigit()]
            if values:  # one value may name several people: "Jane Doe, John Roe"
                for value in (" ".join(unescape(v).split()) for v in values):
                    names = authors_from_byline(value)
                    listed = len(names) > 1 and all(" " in part.strip() for part in value.split(","))
                    persons.extend(names if listed else [value])
                break
    if not persons:
        persons.extend(authors_from_byline(_labelled_author(decl) or ""))  # names only: no "admin"
    return _unique(persons), _unique(organisations)


LABELLED_METAS = 4  # the twitter:label1..4 / twitter:data1..4 pairs a page may have


def _labelled_author(decl: Declared) -> str | None:
    """The name a page's labelled card data gives its author (``twitter:label1`` "Written by",
    ``twitter:data1`` "Jane Doe"), else None."""
    for n in range(1, LABELLED_METAS + 1):
        label = decl.meta(f"twitter:label{n}")
        value = decl.meta(f"twitter:data{n}")
        if label and value and "://" not in value and (
                _byline_prefix_only(label) or _AUTHOR_LABEL.sub("", label.strip()) == ""):
            return " ".join(unescape(value).split())
    return None


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    return [n for n in names if not (n.casefold() in seen or seen.add(n.casefold()))]


_BYLINE_END = re.compile(r"(?i)(?:[|•·—–]|\s-\s|\b(?:updated|published|posted|on|at|in)\s|\d).*")
_JOINERS = frozenset({",", "&", "and", ", and", "und", "et", "y"})  # what stands between the names of a byline
BYLINE_PIECES = 12  # pieces of text a byline may take (names and what joins them)


def _byline_prefix_only(piece: str) -> bool:
    """A piece that is only "By" / "Written by" / "Author:", its name in the next element."""
    words = PHRASE_WORD.findall(piece.lower())
    return bool(words) and lexicon().words("byline_prefix").prefix(words) == len(words)


def _joined(pieces: list[str], i: int) -> str:
    """The byline that starts at piece i, with the names in the pieces after it: after a "By" alone, the next
    piece; then a joiner ("," "and") and a name, as long as they come."""
    text = pieces[i]
    rest = pieces[i + 1:i + BYLINE_PIECES]
    while rest and _byline_prefix_only(rest[0]):  # "Written by" "by" "Jane Doe"
        rest.pop(0)
    if rest and _byline_prefix_only(text):
        text += " " + rest.pop(0)
    while len(rest) >= 2 and rest[0].lower() in _JOINERS and looks_like_name(rest[1].split(",")[0].strip()):
        text += (" " if rest[0][:1] not in ",;" else "") + rest[0] + " " + rest[1]
        del rest[:2]
    return text


def shown_byline(pieces: list[str]) -> str | None:
    """The "By Jane Doe" text among the pieces (the names only: no date, no "Updated")."""
    for i, piece in enumerate(pieces):
        if len(piece) > 200:
            continue
        alone = _byline_prefix_only(piece)
        if alone and i + 1 < len(pieces) and _HANDLE.match(pieces[i + 1]) and not _byline_prefix_only(pieces[i + 1]):
            return pieces[i + 1]  # "by" and a user's handle in the next element ("jdoe42")
        body = byline_body(_joined(pieces, i)) if alone or byline_body(piece) else None
        if body:
            return _BYLINE_END.sub("", body).strip(" ,:") or None
        if i + 1 < len(pieces) and _ends_in_byline_prefix(piece) and _could_be_name(pieces[i + 1]):
            return pieces[i + 1]  # "This post was written by" and the name in the next element
    return None


BYLINE_LEAD_WORDS = 8  # a sentence that leads to a byline in the next element ("This post was written by")


def _ends_in_byline_prefix(piece: str) -> bool:
    """Whether a text is a short sentence of its own that ends in a byline's prefix of two words or more
    ("This post was written by"; a lone "by" ends photo credits too)."""
    if not piece[:1].isupper() or len(piece.split()) > BYLINE_LEAD_WORDS:
        return False
    words = PHRASE_WORD.findall(piece.lower())[-3:]
    prefixes = lexicon().words("byline_prefix")
    return any(prefixes.prefix(words[-n:]) == n for n in (2, 3) if len(words) >= n)


_HANDLE = re.compile(r"^[\w.-]{2,40}$")
_READING_TIME = re.compile(r"(?i)^\d{1,3}\s*(?:-|\s)?\s*min(?:ute)?s?\b")
_SEPARATOR_PIECE = re.compile(r"^[\W_]{1,3}$")
NAME_BEFORE_DATE_WITHIN = 6  # pieces after the headline where a name over a date stands
DATE_PIECE_WORDS = 6  # a piece of text that is a date (or a reading time), perhaps with a time or a label


def _could_be_name(piece: str) -> bool:
    """A name a byline may hold without "By": capitalised words, not in capitals all through, no label
    ("Updated", "Posted", "By")."""
    name = piece.split(",")[0].strip()
    if not looks_like_name(name) or (name.isupper() and len(name) > 3) or _byline_prefix_only(name):
        return False
    labels = lexicon().words("dateline")
    return not any(labels.prefix([w]) for w in PHRASE_WORD.findall(name.lower()))


def _is_date_piece(piece: str) -> bool:
    """A date (or a reading time), perhaps with a time or a label; or a date's label alone ("Last updated:"),
    its date in the next element."""
    if len(piece.split()) > DATE_PIECE_WORDS:
        return False
    if next(dates_in(piece), None) is not None or _READING_TIME.match(piece) is not None:
        return True
    words = PHRASE_WORD.findall(piece.lower())
    return bool(words) and lexicon().words("dateline").prefix(words) == len(words)


def _is_role_piece(piece: str) -> bool:
    """A role standing between a name and its date ("Jane Doe | Senior Writer | May 5, 2024")."""
    return is_role(piece.lower().strip(" ,:"), lexicon())


_INLINE_SEPARATOR = re.compile(r"\s[|•·]\s")  # "Jane Doe | Senior Writer | May 5, 2024" in one element


def name_over_date(pieces: list[str]) -> str | None:
    """A byline without "By", just after the headline: a name right before the date, the reading time or a
    date's label, roles between them skipped ("Jane Doe | March 5, 2024", "Jane Doe • 5 min read", "Jane Doe |
    Senior Writer | Updated:"); or, when the date comes first, a full name right after it ("March 5, 2024 ·
    Jane Doe", "March 5, 2024 • Jane Doe in | Politics")."""
    pieces = [part for piece in pieces[:NAME_BEFORE_DATE_WITHIN] for part in _INLINE_SEPARATOR.split(piece)]
    for j, piece in enumerate(pieces):
        if _is_date_piece(piece):
            before = [p for p in pieces[:j] if not _SEPARATOR_PIECE.match(p)]
            while before and (_is_role_piece(before[-1]) or before[-1].startswith("#")):  # a role, a #tag
                before.pop()
            if before:
                return before[-1] if _could_be_name(before[-1]) else None
            after = next((p for p in pieces[j + 1:] if not _SEPARATOR_PIECE.match(p)), "")
            after = after.removesuffix(" in")  # "Jane Doe in | Politics": the section the author posted in
            return after if " " in after and _could_be_name(after) and "," not in after else None
    return None


_LABEL_BEFORE_BY = re.compile(r"(?i)^(?:\S+\s+){0,5}?(?:by|von|par|por|di)\s+(?=\S)")
_AUTHOR_LABEL = re.compile(r"(?i)^(?:authors?|autor(?:in|en)?|auteurs?|autore|autores)\b[\s:]*")


def _unlabelled(text: str) -> str:
    """An author's name as a byline element's text gives it, less the label before ("Recipe by", "View all
    posts by", "Author") and the date or the role glued after it ("Jane Doe December", "Jane Doe Writer")."""
    text = _LABEL_BEFORE_BY.sub("", _AUTHOR_LABEL.sub("", text.strip()))
    lex = lexicon()
    words = text.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in lex.months or (
            len(words) > 2 and words[-1].lower() in lex.author_roles):
        words.pop()
    if len(words) == 1 and words[0].lower().strip(".,") in lex.months:
        return ""
    return " ".join(words)


def shown_authors(before: list[str], after: list[str]) -> list[str]:
    """The authors a scraped text's lines name by its title, read as a page's byline by its headline
    (``page_authors`` of a page that declares nothing)."""
    return page_authors(Declared({}, [], None, None, []), Zone(after, before), None)


def page_authors(decl: Declared, zone: Zone, found_by_trafilatura: str | None, tree=None) -> list[str]:
    """The article's authors (see the module's doc).  ``found_by_trafilatura``: the author in the page's
    metadata as trafilatura reads it; when that is none, trafilatura's byline search of ``tree`` is asked."""
    persons, organisations = declared_authors(decl)
    for byline in (shown_byline(zone.after), None if persons else shown_byline(zone.before),
                   None if persons else name_over_date(zone.after)):
        if not byline:
            continue
        if _HANDLE.match(byline) and not looks_like_name(byline):
            return [byline]  # a user's handle, as written ("jdoe42")
        folded = byline.casefold()
        named = [p for p in persons if p.casefold() in folded]
        if named:
            return sorted(named, key=lambda p: folded.index(p.casefold()))
        names = authors_from_byline(byline)
        if names:
            return names
    if persons:
        return persons
    if not found_by_trafilatura and tree is not None:
        from . import trafilatura_steps as steps

        found_by_trafilatura = steps.page_author(tree)
    if found_by_trafilatura:
        names = [n for a in found_by_trafilatura.split(";") for n in authors_from_byline(_unlabelled(a))]
        if names:
            return names
    return organisations


# --- The other fields ------------------------------------------------------------------------------------------
def _absolute(link: str | None, base: str | None) -> str | None:
    if not link:
        return None
    link = link.strip()
    if not link or link.startswith("data:"):
        return None
    try:
        return urljoin(base, link) if base else link
    except ValueError:
        return link


def lead_image(decl: Declared, base: str | None) -> str | None:
    image = decl.meta("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
    if not image:
        value = decl.resolve((decl.article or {}).get("image"))
        if isinstance(value, list):
            value = decl.resolve(value[0]) if value else None
        if isinstance(value, dict):
            value = value.get("url") or value.get("contentUrl")
        image = _text(value)
    return _absolute(image, base)


def _list(value) -> list[str]:
    """A JSON-LD list or comma-separated string as names."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = _text(item) if not isinstance(item, dict) else _text(item.get("name"))
        if text:
            out.extend(t.strip() for t in text.split(",") if t.strip())
    return out


def page_tags(decl: Declared) -> list[str]:
    tags = [" ".join(t.split()) for t in decl.metas.get("article:tag", ()) if t.strip()]
    tags += _list((decl.article or {}).get("keywords"))
    return _unique(tags)


def page_section(decl: Declared) -> str | None:
    section = decl.meta("article:section", "og:article:section")
    if section:
        return " ".join(section.split())
    found = _list((decl.article or {}).get("articleSection"))
    return found[0] if found else None


def page_publisher(decl: Declared) -> str | None:
    persons, organisations = _named(decl, (decl.article or {}).get("publisher"))
    for name in organisations + persons:
        return name
    value = decl.meta("publisher", "article:publisher", "dc.publisher")
    return value if value and "://" not in value else None


def canonical_url(decl: Declared, url: str | None) -> str | None:
    return _absolute(decl.canonical or decl.meta("og:url"), url)


def page_description(decl: Declared, found_by_trafilatura: str | None) -> str | None:
    return found_by_trafilatura or _text((decl.article or {}).get("description"))


# --- All of it -------------------------------------------------------------------------------------------------
def read(tree, url: str | None, doc) -> dict:
    """The fields of a page's metadata cleaner reads itself, beside trafilatura's ``doc`` (title, author, site
    name, description, URL): date_published, date_modified, authors, description, image, tags, section,
    canonical_url, publisher."""
    decl = declared(tree)
    zone = header_zone(headline(tree))
    page_url = doc.url or url
    published, modified = page_dates(decl, zone, page_url)
    if published is None:
        published = labelled_publication(tree)
    if published is None:
        from . import trafilatura_steps as steps

        published = steps.page_date(tree, page_url)
    canonical = canonical_url(decl, page_url)
    return {"date": published, "date_modified": modified,
            "authors": [nfc(a) for a in page_authors(decl, zone, doc.author, tree)],
            "description": page_description(decl, doc.description),
            "image": lead_image(decl, canonical or page_url), "tags": [nfc(t) for t in page_tags(decl)],
            "section": page_section(decl), "canonical_url": canonical, "publisher": page_publisher(decl)}
