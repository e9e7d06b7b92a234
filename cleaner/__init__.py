"""cleaner: strip boilerplate from scraped news pages and rebuild the article.

    >>> from cleaner import clean
    >>> article = clean("Share\\nA headline for the day\\nThe first paragraph of the story, long enough to count.\\n")

The library never prints; errors for bad input are ``CleanerError`` (see ``cleaner.errors``).
"""
from __future__ import annotations

from .article import Article, Removal
from .errors import BinaryInputError, CleanerError, EmptyInputError, InputTooLargeError
from .options import Options
from .pipeline import clean

__version__ = "1.0.0"


def clean_many(items, *, jobs: int | None = None, **options):
    """Clean an iterable of pages (str/bytes, or (data, url) pairs); yield results in input order.

    See ``cleaner.stream.clean_many``.
    """
    from .stream import clean_many as _clean_many

    return _clean_many(items, jobs=jobs, **options)


__all__ = ["Article", "Removal", "Options", "CleanerError", "EmptyInputError", "BinaryInputError",
           "InputTooLargeError", "clean", "clean_many", "__version__"]
