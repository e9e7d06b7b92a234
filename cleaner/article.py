"""The data model shared by every stage and every output: Block, Removal, Article."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Block:
    """One candidate piece of text: a line of scraped text or an element of an HTML page.

    Stages fill in ``kind`` (p, h, li, quote, ...), ``label`` (the classifier's verdict)
    and ``reason`` (why).  Blocks live only inside one ``clean()`` call.
    """

    text: str
    kind: str = "p"
    index: int = 0
    label: str = "good"  # good | bad | short | neargood | title
    reason: str = ""


@dataclass(frozen=True)
class Removal:
    """A fragment stripped from the input, and which stage and rule stripped it."""

    text: str
    stage: str
    rule: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "stage": self.stage, "rule": self.rule}


@dataclass(frozen=True)
class Article:
    """A cleaned article.  ``text`` is the paragraphs joined by one blank line, never the title."""

    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    date_published: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str = "text"
    removed: tuple[Removal, ...] = field(default=(), repr=False)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def to_dict(self, *, with_removed: bool = True) -> dict[str, Any]:
        """JSON-ready fields, under the names the README documents."""
        out: dict[str, Any] = {
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
        }
        if with_removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out


# The field names every tabular interface (JSON Lines, Spark) uses, in order.
ARTICLE_FIELDS = ("title", "text", "paragraphs", "authors", "date_published", "site_name",
                  "url", "language", "kind", "word_count")

__all__ = ["Article", "Block", "Removal", "ARTICLE_FIELDS"]
