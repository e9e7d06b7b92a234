"""The data model shared by every stage and every output: Block, Removal, Article.

cleaner's data classes (these, ``Options``, and the stages' own: ``Features``, ``Target``, ``Rule``,
``PageMeta``) are plain classes whose fields are their ``__slots__``, set in ``__init__``, on the small base
``Record``: a record compares, hashes (when frozen), prints, copies and pickles by its fields.  The values a
user receives or passes (``Article``, ``Removal``, ``Options``) are ``Frozen``: their fields cannot be set
after ``__init__``.  (Not ``@dataclass``: its module imports ``inspect``, ~10 ms of every ``cleaner < file``.)
"""
from __future__ import annotations


class Record:
    """A plain data class: the fields are the ``__slots__``, in order."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # compared by value and mutable: unhashable

    def __repr__(self) -> str:
        return self._repr(self.__slots__)

    def _repr(self, names: tuple[str, ...]) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"

    def __reduce__(self):  # pickle and copy by the fields, without running __init__ again
        return self._from_values, (self._values(),)

    @classmethod
    def _from_values(cls, values: tuple) -> Record:
        made = object.__new__(cls)
        made._set(*values)
        return made

    def _set(self, *values: object) -> None:
        """Set the fields, in the order of ``__slots__`` (a frozen record sets its fields only here)."""
        for name, value in zip(self.__slots__, values):
            object.__setattr__(self, name, value)


class Frozen(Record):
    """A record whose fields cannot change once ``__init__`` has set them (through ``_set``)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")


class Block(Record):
    """One candidate piece of text: a line of scraped text or an element of an HTML page.

    Stages fill in ``kind`` (p, h, li, quote, ...), ``label`` (the classifier's verdict: good, bad, short,
    neargood) and ``reason`` (why).  Blocks live only inside one ``clean()`` call.
    """

    __slots__ = ("text", "kind", "label", "reason")

    def __init__(self, text: str, kind: str = "p", label: str = "good", reason: str = "") -> None:
        self.text = text
        self.kind = kind
        self.label = label
        self.reason = reason


class Removal(Frozen):
    """A fragment stripped from the input, and which stage and rule stripped it."""

    __slots__ = ("text", "stage", "rule")

    def __init__(self, text: str, stage: str, rule: str) -> None:
        self._set(text, stage, rule)

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "stage": self.stage, "rule": self.rule}


class Comment(Frozen):
    """A reader's comment on the article (``clean(..., comments=True)``): its author, date (ISO ``YYYY-MM-DD``)
    and text, each None where the page does not give it."""

    __slots__ = ("author", "date", "text")

    def __init__(self, author: str | None = None, date: str | None = None, text: str | None = None) -> None:
        self._set(author, date, text)

    def to_dict(self) -> dict[str, str | None]:
        return {"author": self.author, "date": self.date, "text": self.text}


class Article(Frozen):
    """A cleaned article.  ``text`` is the paragraphs joined by one blank line, never the title.  The metadata
    fields are None (or empty) when the input does not give them."""

    __slots__ = ("title", "paragraphs", "authors", "date_published", "site_name", "url", "language", "kind",
                 "description", "image", "tags", "section", "canonical_url", "publisher", "date_modified",
                 "comments", "removed")

    def __init__(self, title: str | None = None, paragraphs: tuple[str, ...] = (), authors: tuple[str, ...] = (),
                 date_published: str | None = None, site_name: str | None = None, url: str | None = None,
                 language: str | None = None, kind: str = "text", description: str | None = None,
                 image: str | None = None, tags: tuple[str, ...] = (), section: str | None = None,
                 canonical_url: str | None = None, publisher: str | None = None, date_modified: str | None = None,
                 comments: tuple[Comment, ...] = (), removed: tuple[Removal, ...] = ()) -> None:
        self._set(title, paragraphs, authors, date_published, site_name, url, language, kind, description, image,
                  tuple(tags), section, canonical_url, publisher, date_modified, tuple(comments), removed)

    def __repr__(self) -> str:
        return self._repr(self.__slots__[:-1])  # not the removals: there may be thousands

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def to_dict(self, *, with_removed: bool = True) -> dict[str, object]:
        """JSON-ready fields, under the names the README documents."""
        out: dict[str, object] = {
            "title": self.title,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "authors": list(self.authors),
            "date_published": self.date_published,
            "site_name": self.site_name,
            "url": self.url,
            "language": self.language,
            "kind": self.kind,
            "word_count": self.word_count,
            "description": self.description,
            "image": self.image,
            "tags": list(self.tags),
            "section": self.section,
            "canonical_url": self.canonical_url,
            "publisher": self.publisher,
            "date_modified": self.date_modified,
            "comments": [c.to_dict() for c in self.comments],
        }
        if with_removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out


# The field names every tabular interface (JSON Lines, Spark) uses, in order.
ARTICLE_FIELDS = ("title", "text", "paragraphs", "authors", "date_published", "site_name",
                  "url", "language", "kind", "word_count", "description", "image", "tags", "section",
                  "canonical_url", "publisher", "date_modified", "comments")

__all__ = ["Article", "Block", "Comment", "Removal", "ARTICLE_FIELDS"]
