"""Read HTML pages out of WARC files (gzip or not) for cleaning.

Needs the optional extra ``warc`` (warcio and brotli: ``pip install '.[warc]'`` in the checkout); it is
imported only when a WARC is read, and a missing extra is a ``MissingExtraError`` with the fix.

    >>> from cleaner.warc import iter_pages
    >>> for page in iter_pages("crawl.warc.gz"):
    ...     page.url, page.date, len(page.body), page.error

warcio parses the records; the HTTP body is decoded here (chunked transfer coding; gzip, deflate and,
with the ``brotli`` package, br content coding), bounded by ``max_bytes`` whatever the compression.
A record that cannot be read is not the end of the file: it is yielded with ``error`` set (one line),
and reading goes on where the format allows -- at the next gzip member, or in a plain WARC at the
next line that starts a record.  Such errors: a record whose data ends before its Content-Length (a
truncated file), one not followed by the blank lines that end a record (its Content-Length is wrong:
it ran into the next record, or stopped short), headers that cannot be parsed, a Content-Length no
reader can follow, a body whose compression is broken or unknown.  Nothing is printed: warcio's
warnings become these errors.
"""
from __future__ import annotations

import io
import sys
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from .errors import CleanerError
from .terminal import one_line


class MissingExtraError(CleanerError):
    """An optional dependency is not installed."""


class WarcFormatError(CleanerError):
    """The file is not a readable WARC."""


class _RecordError(Exception):
    """One record cannot be read; the message is for its error line."""


HTML_TYPES = ("text/html", "application/xhtml+xml")
FRAMING = ("it does not end where its Content-Length says (the length is wrong, or the file is damaged); "
           "reading resumed at the next record found")
CUT_SHORT = "its data ends before its Content-Length (a truncated file?)"
TRUNCATED_HEADERS = "the file ends inside the record's headers (a truncated file?)"
_HEAD = 65536  # bytes read to tell a WARC from anything else


@dataclass(frozen=True)
class WarcPage:
    """One HTML response record: its metadata and its HTTP body (transfer- and content-decoded).

    ``error`` is set (one line) for a record that could not be read; ``body`` is then empty."""

    url: str | None
    date: str | None  # WARC-Date, as written in the record (ISO 8601)
    record_id: str | None
    status: int | None  # the HTTP status code
    content_type: str | None
    body: bytes
    number: int  # 1-based position of the record among the WARC's records
    error: str | None = None

    def meta(self) -> dict[str, Any]:
        return {"url": self.url, "date": self.date, "warc_record_id": self.record_id, "status": self.status}

    @property
    def succeeded(self) -> bool:
        """Whether the HTTP status is 2xx (or unknown): an error page (404, a 301 redirect, a 503) holds no article."""
        return self.status is None or 200 <= self.status < 300


def archive_iterator():
    """warcio's ArchiveIterator; a ``MissingExtraError`` with the fix when the extra is not installed."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtraError("reading WARC needs warcio, the 'warc' extra: pip install warcio brotli") from None
    return ArchiveIterator


def iter_pages(source: str | BinaryIO, *, max_bytes: int | None = None, all_types: bool = False,
               all_statuses: bool = False) -> Iterator[WarcPage]:
    """Yield the HTML response records of a WARC file (a path or a binary stream), gzip or not.

    Records that are not responses, whose Content-Type is not HTML (unless ``all_types``) or whose HTTP
    status is not 2xx (unless ``all_statuses``; see ``WarcPage.succeeded``) are skipped, unless they cannot
    be read: every record that cannot be read is yielded with ``error``
    set (see the module docstring).  A body larger than ``max_bytes`` is cut there (the cleaner then
    reports it as too large if it applies the same limit), so one giant record never sits whole in memory.
    """
    for page in _all_pages(source, max_bytes, all_types):
        if all_statuses or page.error or page.succeeded:
            yield page


def _all_pages(source: str | BinaryIO, max_bytes: int | None, all_types: bool) -> Iterator[WarcPage]:
    archive_class = _archive_class()
    limit = sys.maxsize - 1 if max_bytes is None else min(max_bytes + 1, sys.maxsize - 1)
    fh = open(source, "rb") if isinstance(source, str) else source
    try:
        checked = _checked(fh)
        archive = archive_class(checked, arc2warc=False)
        archive.started = bool(checked.head)
        records = iter(archive)
        held = None  # the previous record's page (or None when skipped), yielded once its end was checked
        number = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as err:  # noqa: BLE001 - warcio's iterator itself gave up: no record after this one
                if number:
                    page = _with_framing(held, archive, number)
                    if page is not None:
                        yield page
                yield WarcPage(None, None, None, None, None, b"", number + 1,
                               f"unreadable from here on (reading stopped): {one_line(err)}")
                return
            if number:
                page = _with_framing(held, archive, number)
                if page is not None:
                    yield page
            number += 1
            held = _page(record, number, limit, all_types)
        if number:
            page = _with_framing(held, archive, number)
            if page is not None:
                yield page
        elif archive.started:  # the file has a WARC's first bytes but not one whole record header
            yield WarcPage(None, None, None, None, None, b"", 1, TRUNCATED_HEADERS)
    finally:
        if fh is not source:
            fh.close()


def _with_framing(page: WarcPage | None, archive, number: int) -> WarcPage | None:
    """``page`` as it goes out, now that the reader has passed the record's end: with the framing error, if
    the record had one (a skipped record with one is yielded too: the next record may be lost in it)."""
    problem = archive.take_problem()
    if problem is None:
        return page
    if page is None:
        return WarcPage(None, None, None, None, None, b"", number, problem)
    if page.error:
        return page
    return WarcPage(page.url, page.date, page.record_id, page.status, page.content_type, b"", number, problem)


def _page(record, number: int, limit: int, all_types: bool) -> WarcPage | None:
    """The page of one record, None for a record skipped; an unreadable one gives a page with ``error``."""
    broken = getattr(record, "error", None)
    if broken:
        return WarcPage(None, None, None, None, None, b"", number, broken)
    headers = record.rec_headers
    url, date, record_id = (headers.get_header(name) for name in ("WARC-Target-URI", "WARC-Date", "WARC-Record-ID"))
    if record.rec_type != "response":
        return None
    http = record.http_headers
    ctype = http.get_header("Content-Type") if http else None
    if not all_types and (not ctype or not any(t in ctype.lower() for t in HTML_TYPES)):
        return None
    status = None
    if http is not None:
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            status = None
    try:
        body = _body(record.raw_stream, http, limit)
    except _RecordError as err:
        return WarcPage(url, date, record_id, status, ctype, b"", number, str(err))
    return WarcPage(url=url, date=date, record_id=record_id, status=status, content_type=ctype, body=body,
                    number=number)


# ---------------------------------------------------------------------------------------------
# the HTTP body

def _body(raw, http, limit: int) -> bytes:
    """The HTTP body: de-chunked and decompressed, at most ``limit`` bytes."""
    transfer = (http.get_header("Transfer-Encoding") or "").lower() if http else ""
    coding = (http.get_header("Content-Encoding") or "").lower() if http else ""
    decoders = [_decoder(name.strip()) for name in reversed(coding.split(",")) if name.strip() not in ("", "identity")]
    out = bytearray()
    blocks = _dechunked(raw) if "chunked" in transfer else iter(lambda: raw.read(1 << 16), b"")
    for block in blocks:
        for decode in decoders:
            block = decode(block, limit - len(out))
        out += block
        if len(out) >= limit:
            break
    return bytes(out[:limit])


def _decoder(name: str):
    """A function (data, room) -> at most ``room`` bytes of decoded output, for one content coding."""
    if name in ("gzip", "x-gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if name != "deflate" else zlib.MAX_WBITS
        state = {"z": zlib.decompressobj(wbits), "first": True}

        def inflate(data: bytes, room: int) -> bytes:
            try:
                out = state["z"].decompress(data, max(room, 1))
            except zlib.error as err:
                if name == "deflate" and state["first"]:  # raw deflate, as some servers send it
                    state["z"] = zlib.decompressobj(-zlib.MAX_WBITS)
                    state["first"] = False
                    return inflate(data, room)
                raise _RecordError(f"the body's {name} data is broken ({one_line(err)})") from None
            state["first"] = False
            return out

        return inflate
    if name == "br":
        try:
            import brotli
        except ImportError:
            raise _RecordError("the body is brotli-compressed (Content-Encoding: br): pip install brotli") from None
        decompressor = brotli.Decompressor()

        def unbrotli(data: bytes, room: int) -> bytes:
            try:
                try:
                    return decompressor.process(data, output_buffer_limit=max(room, 1))
                except TypeError:  # brotli before 1.2: no limit, so small pieces
                    return b"".join(decompressor.process(data[i:i + 1024]) for i in range(0, len(data), 1024))
            except brotli.error as err:
                raise _RecordError(f"the body's br data is broken ({one_line(err)})") from None

        return unbrotli
    raise _RecordError(f"the body's Content-Encoding {name!r} is not supported")


def _dechunked(raw) -> Iterator[bytes]:
    """HTTP/1.1 chunked transfer coding undone; data that is not in chunks after all is given as it is (as
    browsers and warcio read it)."""
    while True:
        line = raw.readline(1024)
        try:
            size = int(line.split(b";")[0].strip(), 16)
        except ValueError:
            size = -1
        if size < 0 or not line.endswith(b"\n"):
            yield line
            yield from iter(lambda: raw.read(1 << 16), b"")
            return
        if size == 0:
            return
        while size:
            block = raw.read(min(size, 1 << 16))
            if not block:
                return
            size -= len(block)
            yield block
        raw.readline(16)  # the CRLF after the chunk


# ---------------------------------------------------------------------------------------------
# framing: warcio's iterator, with its warnings turned into errors and reading resumed after one

def _archive_class():
    """The iterator class (built on first use: warcio is optional)."""
    import logging

    ArchiveIterator = archive_iterator()
    # warcio logs its warnings (an invalid WARC-Target-URI...); with no handler anywhere, Python would print
    # them to stderr.  The library never prints: a null handler, as libraries set for their own loggers (an
    # application that configures logging still receives them through its root handlers).
    logging.getLogger("warcio").addHandler(logging.NullHandler())
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Reader(DecompressingBufferedReader):
        """The file's own gzip: a member broken midway ends it (no print); the record then comes up short."""

        def _decompress(self, data):
            if self.decompressor and data and self.num_block_read:
                try:
                    return self.decompressor.decompress(data)
                except Exception:  # noqa: BLE001 - zlib.error, or worse: the member ends here
                    return b""
            return super()._decompress(data)

    class Archive(ArchiveIterator):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.reader = Reader(self.fh, block_size=self.reader.block_size)
            self.problem: str | None = None

        def take_problem(self) -> str | None:
            problem, self.problem = self.problem, None
            return problem

        def _next_record(self, next_line):
            try:
                record = super()._next_record(next_line)
            except EOFError:
                if next_line and next_line.strip():  # a record had begun: the file ends inside its headers
                    self.member_info = None
                    return _Broken(TRUNCATED_HEADERS)
                raise
            except Exception as err:  # noqa: BLE001 - any reader error is this record's, and reading goes on
                self.member_info = None
                return _Broken(f"unreadable record: {one_line(err)}")
            length = (record.rec_headers.get_header("Content-Length") or "").strip()
            if not length.isdigit():  # the one field that says where the record ends: without it, all is lost
                self.member_info = None  # its block is not read as one: reading resumes at the next record
                return _Broken(f"unreadable record: no usable Content-Length ({length!r})")
            return record

        def read_to_end(self, record=None):
            current = self.record
            if current is None or self.member_info:
                return super().read_to_end(record)
            super().read_to_end(record)
            if getattr(current.raw_stream, "limit", 0) > 0 and self.problem is None:
                self.problem = CUT_SHORT

        def _consume_blanklines(self):
            """warcio's, but a record not followed by a blank line is this record's error (warcio printed a
            warning), and reading resumes at the next record: the end of this gzip member, or in a plain
            WARC the next line that starts with 'WARC/'."""
            empty_size = 0
            first = True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not line.strip() or first:
                    if line.strip():
                        self.problem = self.problem or FRAMING
                        if not self.reader.decompressor and line.startswith(b"WARC/"):
                            return line, empty_size  # the next record starts right here
                        return self._resync(empty_size + len(line))
                    empty_size += len(line)
                    first = False
                    continue
                return line, empty_size

        def _resync(self, empty_size: int):
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not self.reader.decompressor and line.startswith(b"WARC/"):
                    return line, empty_size
                empty_size += len(line)

    return Archive


class _Broken:
    """A record warcio could not parse: it carries the error; reading resumes after it."""

    rec_type = "broken"
    http_headers = None

    def __init__(self, error: str) -> None:
        self.error = error
        self.raw_stream = io.BytesIO()


# ---------------------------------------------------------------------------------------------
# the head of the file

def _checked(fh) -> BinaryIO:
    """``fh`` from its start, once its first bytes show a WARC (after gzip, if any): anything else is refused
    up front (warcio would otherwise read some text files as ARC).  The first bytes are read until there are
    enough to tell, however the pipe delivers them."""
    head = b""
    while len(head) < _HEAD:
        chunk = fh.read(_HEAD - len(head))
        if not chunk:
            break
        head += chunk
        if _plain_head(head, final=False) is not None:
            break
    plain = _plain_head(head, final=True)
    if plain and not plain.startswith(b"WARC/"):
        raise WarcFormatError("not a WARC file (it does not start with 'WARC/')")
    from .stdio import Rejoined

    return Rejoined(head, fh)


def _plain_head(head: bytes, *, final: bool) -> bytes | None:
    """The first bytes of the WARC text (decompressed when gzip), once there are 5 of them (or at the end)."""
    plain = head
    if head[:2] == b"\x1f\x8b":
        try:
            plain = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            if final or len(head) > 1024:
                raise WarcFormatError("not a readable WARC file: broken gzip data") from None
            return None
    return plain if len(plain) >= 5 or final else None


# ---------------------------------------------------------------------------------------------
# the input of a stream

class PageReader:
    """The pages of WARC files (or stdin for ``-``): ``(where, WarcPage)`` pairs, ``where`` the record's number
    (and its file).  A file that cannot be read, or is not a WARC, is noted in ``problems`` (one message each)
    and skipped.  Responses whose HTTP status is not 2xx are skipped (unless ``all_statuses``) and counted in
    ``skipped``; ``position`` and ``size`` are the bytes read so far and the files' whole size (None when
    unknown: a pipe)."""

    def __init__(self, files: tuple[str, ...], max_bytes: int | None, all_statuses: bool = False) -> None:
        from .stdio import InputFiles

        self.files = files or ("-",)
        self.max_bytes = max_bytes
        self.all_statuses = all_statuses
        self.problems: list[str] = []
        self.skipped = 0
        self.inputs = InputFiles(self.files)

    def __iter__(self) -> Iterator[tuple[dict, WarcPage]]:
        for path in self.files:
            label = "stdin" if path == "-" else path
            number = 0
            try:
                with self.inputs.open_raw(path) as fh:
                    for page in iter_pages(fh, max_bytes=self.max_bytes, all_statuses=True):
                        number = page.number
                        self.inputs.advance()
                        if not (self.all_statuses or page.error or page.succeeded):
                            self.skipped += 1
                            continue
                        yield ({"record": number} if path == "-" else {"record": number, "file": path}), page
            except OSError as err:
                self.problems.append(f"cannot read {label}: {err.strerror or err}")
            except CleanerError as err:
                self.problems.append(label + (f" (after record {number})" if number else "") + f": {err}")


# ---------------------------------------------------------------------------------------------
# the task

@dataclass(frozen=True)
class WarcRecordTask:
    """Task for the worker pool: ``(where, WarcPage)`` in, ``(status, JSON line bytes)`` out (see the CLI)."""

    opts: Any
    into: str = "cleaned"
    explain: bool = False

    def __call__(self, item: tuple[dict, WarcPage]) -> tuple[str, bytes]:
        from .detect import strip_controls
        from .jsonl import dumps, error_record
        from .pipeline import run
        from .pool import INPUT, run_task

        where, page = item
        if page.error:
            return "failed", dumps(error_record(page.meta(), where, page.error, INPUT))
        if not page.body:
            return "failed", dumps(error_record(page.meta(), where, f"the response's body is empty (HTTP status "
                                                                     f"{page.status})", INPUT))
        url = strip_controls(page.url).strip() if page.url else None
        opts = self.opts.replace(url=url or self.opts.url, content_type=page.content_type)
        ok, value = run_task(lambda data: run(data, opts), page.body)
        if not ok:
            return "failed", dumps(error_record(page.meta(), where, *value))
        out = page.meta()
        out[self.into] = value.to_dict(with_removed=self.explain)
        return ("ok" if value.paragraphs else "empty"), dumps(out)

    def failure_line(self, page: WarcPage, where: dict, failure) -> bytes:
        from .jsonl import dumps, error_record

        return dumps(error_record(page.meta(), where, failure.error, failure.reason))


__all__ = ["WarcPage", "iter_pages", "archive_iterator", "PageReader", "WarcRecordTask", "MissingExtraError", "WarcFormatError"]
