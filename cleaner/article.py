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

    ``shape`` is what the input says of the block's place in the article (``blocks.Shape``: a heading's level,
    a list item's depth, a table row's cells), or None for a plain paragraph; it never changes the text.
    """

    __slots__ = ("text", "kind", "label", "reason", "shape")

    def __init__(self, text: str, kind: str = "p", label: str = "good", reason: str = "",
                 shape: object = None) -> None:
        self.text = text
        self.kind = kind
        self.label = label
        self.reason = reason
        self.shape = shape


BLOCK_KINDS = ("heading", "paragraph", "list_item", "table", "quote", "code", "caption")


class Link(Frozen):
    """A link kept in a block (``clean(..., links=True)``): the characters ``text[start:end]`` of its block are
    the link's text, ``url`` its target, absolute (http or https)."""

    __slots__ = ("start", "end", "url")

    def __init__(self, start: int, end: int, url: str) -> None:
        self._set(start, end, url)

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "url": self.url}


class TypedBlock(Frozen):
    """One block of the article as readers see it, in reading order (``Article.blocks``).

    ``kind`` is one of ``BLOCK_KINDS``; ``text`` is its plain text (a code block's with its whitespace kept, a
    table's rows one a line, cells joined by `` | ``).  ``level`` (1-6) belongs to a heading; ``depth`` (0 for
    a top-level item) and ``ordered`` to a list item; ``rows`` (a tuple of rows, each a tuple of cell texts)
    to a table.  The other fields are None.  ``links`` are the block's links (``Link``, in order, none
    overlapping), kept only when asked for (``links=True``); empty otherwise.
    """

    __slots__ = ("kind", "text", "level", "depth", "ordered", "rows", "links")

    def __init__(self, kind: str, text: str, *, level: int | None = None, depth: int | None = None,
                 ordered: bool | None = None, rows: tuple[tuple[str, ...], ...] | None = None,
                 links: tuple[Link, ...] = ()) -> None:
        if kind not in BLOCK_KINDS:
            raise ValueError(f"kind must be one of {', '.join(BLOCK_KINDS)}, not {kind!r}")
        set_field = object.__setattr__
        set_field(self, "kind", kind)
        set_field(self, "text", text)
        set_field(self, "level", level)
        set_field(self, "depth", depth)
        set_field(self, "ordered", ordered)
        set_field(self, "rows", rows)
        set_field(self, "links", tuple(links))

    def with_links(self, links: tuple[Link, ...]) -> TypedBlock:
        """This block with these links."""
        return TypedBlock(self.kind, self.text, level=self.level, depth=self.depth, ordered=self.ordered,
                          rows=self.rows, links=links)

    def to_dict(self) -> dict[str, object]:
        """The kind and the text, and the fields of that kind (level; depth and ordered; rows); ``links`` when
        the block has any."""
        out: dict[str, object] = {"kind": self.kind, "text": self.text}
        if self.kind == "heading":
            out["level"] = self.level
        elif self.kind == "list_item":
            out["depth"], out["ordered"] = self.depth, self.ordered
        elif self.kind == "table":
            out["rows"] = [list(row) for row in self.rows or ()]
        if self.links:
            out["links"] = [link.to_dict() for link in self.links]
        return out


class Removal(Frozen):
    """A fragment stripped from the input, which stage and rule stripped it, and (with ``explain=True``, for the
    learned scorer) what weighed most against it."""

    __slots__ = ("text", "stage", "rule", "detail")

    def __init__(self, text: str, stage: str, rule: str, detail: str = "") -> None:
        set_field = object.__setattr__
        set_field(self, "text", text)
        set_field(self, "stage", stage)
        set_field(self, "rule", rule)
        set_field(self, "detail", detail)

    def to_dict(self) -> dict[str, str]:
        out = {"text": self.text, "stage": self.stage, "rule": self.rule}
        if self.detail:
            out["detail"] = self.detail
        return out


class Comment(Frozen):
    """A reader's comment on the article (``clean(..., comments=True)``): its author, date (ISO ``YYYY-MM-DD``)
    and text, each None where the page does not give it."""

    __slots__ = ("author", "date", "text")

    def __init__(self, author: str | None = None, date: str | None = None, text: str | None = None) -> None:
        self._set(author, date, text)

    def to_dict(self) -> dict[str, str | None]:
        return {"author": self.author, "date": self.date, "text": self.text}


class Article(Frozen):
    """A cleaned article.  ``text`` is the paragraphs joined by one blank line, never the title; ``blocks`` the
    same content as ``TypedBlock`` values (headings, list items, tables, ...), in reading order.  The metadata
    fields are None (or empty) when the input does not give them."""

    __slots__ = ("title", "paragraphs", "authors", "date_published", "site_name", "url", "language", "kind",
                 "description", "image", "tags", "section", "canonical_url", "publisher", "date_modified",
                 "comments", "removed", "blocks")

    def __init__(self, title: str | None = None, paragraphs: tuple[str, ...] = (), authors: tuple[str, ...] = (),
                 date_published: str | None = None, site_name: str | None = None, url: str | None = None,
                 language: str | None = None, kind: str = "text", description: str | None = None,
                 image: str | None = None, tags: tuple[str, ...] = (), section: str | None = None,
                 canonical_url: str | None = None, publisher: str | None = None, date_modified: str | None = None,
                 comments: tuple[Comment, ...] = (), removed: tuple[Removal, ...] = (),
                 blocks: tuple[TypedBlock, ...] = ()) -> None:
        self._set(title, paragraphs, authors, date_published, site_name, url, language, kind, description, image,
                  tuple(tags), section, canonical_url, publisher, date_modified, tuple(comments), removed, blocks)

    def __repr__(self) -> str:  # not the removals (there may be thousands), nor the blocks (the paragraphs again)
        return self._repr(tuple(name for name in self.__slots__ if name not in ("removed", "blocks")))

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
            "blocks": [b.to_dict() for b in self.blocks],
        }
        if with_removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out


# The field names every tabular interface (JSON Lines, Spark, Scrapy's flat fields) uses, in order.
ARTICLE_FIELDS = ("title", "text", "paragraphs", "authors", "date_published", "site_name",
                  "url", "language", "kind", "word_count", "description", "image", "tags", "section",
                  "canonical_url", "publisher", "date_modified", "comments", "blocks")

__all__ = ["Article", "Block", "BLOCK_KINDS", "Comment", "Link", "Removal", "TypedBlock", "ARTICLE_FIELDS"]
