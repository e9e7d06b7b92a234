"""cleaner: strip boilerplate from scraped news pages and rebuild the article.

    >>> from cleaner import clean
    >>> article = clean("Share\\nA headline for the day\\nThe first paragraph of the story, long enough to count.\\n")

The library never prints; errors for bad input are ``CleanerError`` (see ``cleaner.errors``).
"""
from __future__ import annotations

from .errors import BinaryInputError, CleanerError, EmptyInputError, InputTooLargeError

__version__ = "1.0.0"

# The rest loads on first use, so that `cleaner --version` and a plain `import cleaner` stay instant.
_LAZY = {"Article": "article", "Removal": "article", "Options": "options", "clean": "pipeline"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def clean_many(items, *, jobs: int | None = None, **options):
    """Clean an iterable of pages (str/bytes, or (data, url) pairs); yield results in input order.

    See ``cleaner.stream.clean_many``.
    """
    from .stream import clean_many as _clean_many

    return _clean_many(items, jobs=jobs, **options)


__all__ = ["Article", "Removal", "Options", "CleanerError", "EmptyInputError", "BinaryInputError",
           "InputTooLargeError", "clean", "clean_many", "__version__"]
