"""A Scrapy item pipeline that cleans a page held in an item and adds the article.

Enable it in the project's settings (needs the ``scrapy`` extra, i.e. Scrapy itself)::

    ITEM_PIPELINES = {"cleaner.contrib.scrapy.CleanerPipeline": 300}

Settings (all optional):

``CLEANER_FIELD``        the item field holding the page; default: the first of ``html``, ``body``,
                         ``text``, ``content`` that the item has.  ``bytes`` are fine (e.g.
                         ``response.body``): the encoding is detected.
``CLEANER_URL_FIELD``    the field holding the page's URL (default ``url``).
``CLEANER_ENCODING_FIELD``  the field holding the charset the page came with, for ``bytes``: a label
                         (``response.encoding``) or a Content-Type value (``response.headers["Content-Type"]``,
                         better: it is what the server said, where ``response.encoding`` may be Scrapy's own
                         guess); default ``encoding``, used when the item has it.  See ``clean(content_type=)``.
``CLEANER_INTO``         the field that receives the article as a dict (``Article.to_dict()``,
                         default ``cleaned``); set it to ``None`` or ``""`` to set the article's
                         fields (``ARTICLE_FIELDS``: title, text, paragraphs, authors, ...,
                         description, image, tags, section, canonical_url, publisher,
                         date_modified, comments, blocks) on the item itself.  A ``scrapy.Item`` must
                         declare the field(s) it receives; a dict or dataclass item need not.
``CLEANER_ERROR_FIELD``  when the page cannot be cleaned (empty, binary, too large), the one-line
                         error goes in this field (default ``cleaner_error``) and the item goes on.
``CLEANER_DROP_FAILED``  drop such items instead (``DropItem``; default ``False``).
``CLEANER_DROP_EMPTY``   drop items where no article content was found (default ``False``).
``CLEANER_KEEP_PAGE``    keep the page field on the item (default ``True``; ``False`` deletes it
                         once the item is cleaned or has failed, to keep feeds small, and so that a
                         feed exporter never meets the page's raw bytes).
``CLEANER_EXPLAIN``      include the ``removed`` list (default ``False``).
``CLEANER_KIND``         ``auto`` | ``html`` | ``text`` (default ``auto``).
``CLEANER_OPTIONS``      a dict of further ``clean()`` options, e.g. ``{"max_bytes": 10_000_000}``.

Cleaning runs in the crawler's thread: about as long as parsing the page once.  It is not given a
timeout here; for untrusted giant pages set ``max_bytes`` through ``CLEANER_OPTIONS``.
Both ``process_item(item)`` (Scrapy >= 2.13) and ``process_item(item, spider)`` work.
"""
from __future__ import annotations

from typing import Any

from ..article import ARTICLE_FIELDS
from ..errors import CleanerError
from ..terminal import one_line
from ..terminal import printable
from ..options import Options

DEFAULT_FIELDS = ("html", "body", "text", "content")


class CleanerPipeline:
    def __init__(self, *, field: str | None = None, url_field: str = "url", encoding_field: str = "encoding",
                 into: str | None = "cleaned",
                 error_field: str = "cleaner_error", drop_failed: bool = False, drop_empty: bool = False,
                 keep_page: bool = True, explain: bool = False, kind: str = "auto",
                 options: dict[str, Any] | None = None) -> None:
        self.field = field
        self.url_field = url_field
        self.encoding_field = encoding_field
        self.into = into or None
        self.error_field = error_field
        self.drop_failed = drop_failed
        self.drop_empty = drop_empty
        self.keep_page = keep_page
        self.explain = explain
        if kind not in ("auto", "html", "text"):
            raise ValueError(f"CLEANER_KIND must be 'auto', 'html' or 'text', not {kind!r}")
        self.options = Options.from_kwargs(kind=kind, **(options or {}))  # bad settings fail at start-up

    @classmethod
    def from_crawler(cls, crawler) -> "CleanerPipeline":
        s = crawler.settings
        return cls(field=s.get("CLEANER_FIELD") or None, url_field=s.get("CLEANER_URL_FIELD", "url"),
                   encoding_field=s.get("CLEANER_ENCODING_FIELD", "encoding"),
                   into=s.get("CLEANER_INTO", "cleaned"), error_field=s.get("CLEANER_ERROR_FIELD", "cleaner_error"),
                   drop_failed=s.getbool("CLEANER_DROP_FAILED", False), drop_empty=s.getbool("CLEANER_DROP_EMPTY", False),
                   keep_page=s.getbool("CLEANER_KEEP_PAGE", True), explain=s.getbool("CLEANER_EXPLAIN", False),
                   kind=s.get("CLEANER_KIND", "auto"), options=s.getdict("CLEANER_OPTIONS", {}))

    def _page_field(self, adapter) -> str | None:
        names = (self.field,) if self.field else DEFAULT_FIELDS
        for name in names:
            try:
                if adapter.get(name) is not None:
                    return name
            except KeyError:
                continue
        return None

    def process_item(self, item: Any, spider: Any = None) -> Any:
        from itemadapter import ItemAdapter
        from scrapy.exceptions import DropItem

        from ..pipeline import run

        adapter = ItemAdapter(item)
        name = self._page_field(adapter)
        if name is None:
            wanted = repr(self.field) if self.field else "html, body, text or content"
            return self._failed(adapter, item, f"the item has no page field ({wanted})")
        page = adapter[name]
        if not isinstance(page, (str, bytes)):
            return self._failed(adapter, item, f"field {name!r} holds {type(page).__name__}, not str or bytes", name)
        url = adapter.get(self.url_field)
        opts = self.options.with_url(str(url)) if url else self.options
        charset = self._charset(adapter)
        if charset and isinstance(page, bytes):
            opts = opts.replace(content_type=charset if "=" in charset else f"text/html; charset={charset}")
        try:
            article = run(page, opts)
        except CleanerError as err:
            return self._failed(adapter, item, one_line(err), name)
        if self.drop_empty and not article.paragraphs:
            raise DropItem(f"no article content found in {printable(str(url)) if url else 'the page'}")
        data = article.to_dict(with_removed=self.explain)
        if self.into:
            adapter[self.into] = data
        else:
            for key in (*ARTICLE_FIELDS, *(("removed",) if self.explain else ())):
                adapter[key] = data[key]
        if not self.keep_page:
            del adapter[name]
        return item

    def _charset(self, adapter) -> str | None:
        """The charset the page came with (a label or a Content-Type value), when the item holds one."""
        try:
            value = adapter.get(self.encoding_field) if self.encoding_field else None
        except KeyError:
            return None
        if isinstance(value, (list, tuple)) and value:  # Scrapy's headers.getlist()
            value = value[0]
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        return value if isinstance(value, str) and value.strip() else None

    def _failed(self, adapter, item: Any, message: str, page_field: str | None = None) -> Any:
        """An item that cannot be cleaned: dropped, or given the error; its page goes as a cleaned item's does."""
        from scrapy.exceptions import DropItem

        if self.drop_failed:
            raise DropItem(f"cleaner: {message}")
        adapter[self.error_field] = message
        if page_field is not None and not self.keep_page:
            del adapter[page_field]
        return item


__all__ = ["CleanerPipeline"]
