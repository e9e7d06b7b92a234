"""Clean many documents: ``clean_many``, an ordered parallel map of ``clean()`` over isolated,
killable worker processes (``cleaner.pool``).

    >>> from cleaner.stream import clean_many, Failure
    >>> for result in clean_many(pages, jobs=2, timeout=30):
    ...     if isinstance(result, Failure):
    ...         print(result.index, result.reason, result.error)
    ...     else:
    ...         print(result.title)

The guarantees (order, bounded read-ahead, timeout, isolation, clean shutdown) are the pool's: see
``cleaner.pool``.  ``Failure``, ``OrderedPool``, ``reset_caches`` and the rest of the pool's public
names are importable from here too, as the README documents them.

The library never prints; nothing here writes to stdout or stderr.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .errors import CleanerError, TimedOutError
from .pool import (DEFAULT_TIMEOUT, ERROR, INPUT, TIMEOUT, WORKER_DIED, Failure, OrderedPool, TaskError,
                   WorkerStartError, reset_caches)


def _clean_item(opts, item):
    """Task: clean one item -- str/bytes, or a (data, url) pair."""
    from .pipeline import run

    if isinstance(item, tuple):
        data, url = item
        if url is not None:
            opts = opts.with_url(url)
    else:
        data = item
    if not isinstance(data, (str, bytes, bytearray)):
        raise TaskError(f"expected str or bytes, not {type(data).__name__}", INPUT)
    return run(bytes(data) if isinstance(data, bytearray) else data, opts)


def _article_or_refusal(opts, data):
    """Task: the article, or the ``CleanerError`` the page raised (raised again, as it was, in the caller)."""
    try:
        return _clean_item(opts, data)
    except CleanerError as err:
        return err


def run_within(data: str | bytes, opts, timeout: float):
    """``pipeline.run`` in a worker process that is killed past ``timeout`` seconds: the article, or a
    ``CleanerError`` (``TimedOutError`` for the timeout; a worker that dies or fails says so in one line)."""
    from functools import partial

    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    try:
        with OrderedPool(partial(_article_or_refusal, opts), 1, timeout=timeout) as pool:
            (result,) = pool.map([bytes(data) if not isinstance(data, str) else data])
    except WorkerStartError as err:  # no process to clean in: the page is not cleaned, in one line
        raise CleanerError(str(err)) from None
    if isinstance(result, CleanerError):
        raise result
    if isinstance(result, Failure):
        raise (TimedOutError if result.reason == TIMEOUT else CleanerError)(result.error)
    return result


def clean_many(items: Iterable[Any], *, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
               window: int | None = None, **options: Any) -> Iterator[Any]:
    """Clean every item; yield, in input order, an ``Article`` or a ``Failure`` for each.

    ``items``: pages as ``str`` or ``bytes``, or ``(data, url)`` pairs.
    ``jobs``: worker processes (default: the number of cores; 0 = in this process).
    ``timeout``: seconds per document (default 30; ``None`` = no limit).
    ``window``: at most this many items are read ahead of the oldest one not yet yielded
    (default ``4 * jobs``).
    ``options``: as for ``clean()`` (``kind``, ``url`` ..., checked before any work starts).

    Close the generator (or let it be collected) to stop the workers early.
    """
    from functools import partial

    from .options import Options

    opts = Options.from_kwargs(**options)  # unknown option: TypeError now, not per document
    with OrderedPool(partial(_clean_item, opts), jobs, timeout=timeout, window=window) as pool:
        yield from pool.map(items)


__all__ = ["clean_many", "Failure", "TaskError", "WorkerStartError", "OrderedPool", "reset_caches", "DEFAULT_TIMEOUT",
           "TIMEOUT", "WORKER_DIED", "INPUT", "ERROR"]
