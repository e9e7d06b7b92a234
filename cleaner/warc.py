"""Read HTML pages out of WARC files (gzip or not) for cleaning.

Needs the optional extra ``warc`` (``pip install cleaner[warc]``, which installs warcio); it is
imported only when a WARC is read, and a missing extra is a ``MissingExtraError`` with the fix.

    >>> from cleaner.warc import iter_pages
    >>> for page in iter_pages("crawl.warc.gz"):
    ...     page.url, page.date, len(page.body)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from .errors import CleanerError


class MissingExtraError(CleanerError):
    """An optional dependency is not installed."""


class WarcFormatError(CleanerError):
    """The file is not a readable WARC."""


HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One HTML response record: its metadata and its HTTP body (transfer- and content-decoded)."""

    url: str | None
    date: str | None  # WARC-Date, as written in the record (ISO 8601)
    record_id: str | None
    status: int | None  # the HTTP status code
    content_type: str | None
    body: bytes
    number: int  # 1-based position of the record among the WARC's records

    def meta(self) -> dict[str, Any]:
        return {"url": self.url, "date": self.date, "warc_record_id": self.record_id, "status": self.status}


def archive_iterator():
    """warcio's ArchiveIterator; a ``MissingExtraError`` with the fix when the extra is not installed."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtraError("reading WARC needs the 'warc' extra: pip install 'cleaner[warc]' "
                                "(or: pip install warcio)") from None
    return ArchiveIterator


def iter_pages(source: str | BinaryIO, *, max_bytes: int | None = None, all_types: bool = False) -> Iterator[WarcPage]:
    """Yield the HTML response records of a WARC file (a path or a binary stream), gzip or not.

    Records that are not responses, or whose Content-Type is not HTML (unless ``all_types``), are
    skipped.  A body larger than ``max_bytes`` is cut there (the cleaner then reports it as too large
    if it applies the same limit), so one giant record never sits whole in memory.
    """
    ArchiveIterator = archive_iterator()
    from warcio.exceptions import ArchiveLoadFailed

    fh = open(source, "rb") if isinstance(source, str) else source
    try:
        _check_magic(fh)
        number = 0
        try:
            for record in ArchiveIterator(fh, arc2warc=False):
                number += 1
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                ctype = http.get_header("Content-Type") if http else None
                if not all_types and (not ctype or not any(t in ctype.lower() for t in HTML_TYPES)):
                    continue
                stream = record.content_stream()
                body = stream.read(max_bytes + 1) if max_bytes else stream.read()
                status = None
                if http is not None:
                    try:
                        status = int(http.get_statuscode())
                    except (TypeError, ValueError):
                        status = None
                yield WarcPage(url=record.rec_headers.get_header("WARC-Target-URI"),
                               date=record.rec_headers.get_header("WARC-Date"),
                               record_id=record.rec_headers.get_header("WARC-Record-ID"),
                               status=status, content_type=ctype, body=body, number=number)
        except ArchiveLoadFailed as err:
            raise WarcFormatError(f"not a readable WARC file: {' '.join(str(err).split())}") from None
    finally:
        if fh is not source:
            fh.close()


def _check_magic(fh) -> None:
    """A WARC (after gzip, if any) starts with 'WARC/'; anything else is refused up front (warcio
    would otherwise read some text files as ARC, with warnings)."""
    import zlib

    peek = getattr(fh, "peek", None)
    if peek is None:
        return
    head = peek(65536)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            raise WarcFormatError("not a readable WARC file: broken gzip data") from None
    if not head:
        return  # an empty file: no records
    if not head.startswith(b"WARC/"):
        raise WarcFormatError("not a WARC file (it does not start with 'WARC/')")


@dataclass(frozen=True)
class WarcRecordTask:
    """Task for the worker pool: ``(where, WarcPage)`` in, ``(status, JSON line bytes)`` out (see the CLI)."""

    opts: Any
    into: str = "cleaned"
    explain: bool = False

    def __call__(self, item: tuple[dict, WarcPage]) -> tuple[str, bytes]:
        from dataclasses import replace

        from .jsonl import dumps, error_record
        from .pipeline import run
        from .pool import run_task

        where, page = item
        opts = replace(self.opts, url=page.url) if page.url else self.opts
        ok, value = run_task(lambda data: run(data, opts), page.body)
        if not ok:
            return "failed", dumps(error_record(page.meta(), where, *value))
        out = page.meta()
        out[self.into] = value.to_dict(with_removed=self.explain)
        return ("ok" if value.paragraphs else "empty"), dumps(out)

    def failure_line(self, page: WarcPage, where: dict, failure) -> bytes:
        from .jsonl import dumps, error_record

        return dumps(error_record(page.meta(), where, failure.error, failure.reason))


__all__ = ["WarcPage", "iter_pages", "archive_iterator", "WarcRecordTask", "MissingExtraError", "WarcFormatError"]
