"""cleaner: strip boilerplate from scraped news pages and rebuild the article.

    >>> from cleaner import clean
    >>> article = clean("Share\\nA headline for the day\\nThe first paragraph of the story, long enough to count.\\n")

The library never prints; errors for bad input are ``CleanerError`` (see ``cleaner.errors``).
"""
from __future__ import annotations

from .errors import BinaryInputError, CleanerError, EmptyInputError, InputTooLargeError, TimedOutError

__version__ = "1.0.0"

# The rest loads on first use, so that `cleaner --version` and a plain `import cleaner` stay instant.
_LAZY = {"Article": "article", "Removal": "article", "Options": "options"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def clean(data, *, timeout: float | None = None, **options):
    """Clean one page or scraped text: an ``Article``; ``CleanerError`` for input that cannot be cleaned
    (and ``TypeError`` or ``ValueError`` for a wrong argument or option).  See ``cleaner.pipeline.clean``
    for the options.

    ``timeout``: seconds; the page is then cleaned in a worker process, killed past that time
    (``TimedOutError``).  The worker's start costs about a second: for many pages, ``clean_many``.
    """
    if timeout is None:
        from .pipeline import clean as _clean

        return _clean(data, **options)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if not timeout > 0:
        raise ValueError(f"timeout must be > 0 seconds, not {timeout!r}")
    from .options import Options
    from .stream import run_within

    return run_within(data, Options.from_kwargs(**options), timeout)


def clean_many(items, *, jobs: int | None = None, **options):
    """Clean an iterable of pages (str/bytes, or (data, url) pairs); yield results in input order.

    See ``cleaner.stream.clean_many``.
    """
    from .stream import clean_many as _clean_many

    return _clean_many(items, jobs=jobs, **options)


__all__ = ["Article", "Removal", "Options", "CleanerError", "EmptyInputError", "BinaryInputError",
           "InputTooLargeError", "TimedOutError", "clean", "clean_many", "__version__"]
