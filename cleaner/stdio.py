"""The command's standard streams: bounded reads, and writes that are whole, checked and never cut.

* ``read_limited`` reads at most the limit plus one byte: an endless pipe (``yes | cleaner``) is
  refused after ``--max-bytes``, not read into memory.
* ``Output.write`` writes straight to the file descriptor (no buffer left to flush at exit), loops
  over short writes and waits on a non-blocking descriptor; a full disk is ``OutputError`` (exit 2,
  one line) and a reader that went away is ``OutputClosed`` (a quiet exit).  Only here does a broken
  pipe mean "standard output is closed": a worker's broken pipe is the pool's business.
* ``InputFiles`` opens a run's inputs one by one (decompressing ``.gz``, ``.bz2``, ``.xz``, ``.zst`` by their first
  bytes) and knows how far it has read of their whole size, for the progress line; ``CompressedOutput`` writes
  an output file compressed by its extension.
* While one piece of output (whole lines) is being written, SIGINT, SIGTERM and SIGHUP are held
  (blocked, so they stay pending) and delivered right after it: Ctrl-C or a ``kill`` never leaves a
  half-written line, whatever the buffering, and the process still ends as that signal says.
"""
from __future__ import annotations

import errno
import io
import os
import sys

import _signal as signal  # the C module behind `signal`, loaded by every interpreter: holding signals
                          # costs no import in a bare `cleaner < page` run (tests/test_startup.py)

from .errors import InputTooLargeError
from .terminal import printable

HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])}
PIECE = 1 << 16  # bytes written with the signals held: about this much, cut after a line break
_READ = 1 << 20


class OutputClosed(Exception):
    """The reader of standard output went away (``| head``): stop quietly."""


class OutputError(OSError):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


def stdin() -> "object":
    """Standard input as a binary stream; ``OSError`` when the process was started with it closed."""
    if sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def read_limited(fh, limit: int) -> bytes:
    """All of ``fh``, or ``InputTooLargeError`` once more than ``limit`` bytes came: never more than
    ``limit + 1`` bytes are read."""
    read = getattr(fh, "read1", fh.read)
    chunks, size = [], 0
    while size <= limit:
        chunk = read(min(_READ, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputTooLargeError(f"input is more than the limit of {limit:,} bytes")


class Output:
    """A binary output stream written in whole pieces; see the module docstring.

    ``stream`` is ``sys.stdout`` or ``sys.stderr``, or whatever replaced it (click's test runner
    swaps in an in-memory stream, which is written through its ``buffer``).  ``None`` (the
    descriptor was closed when the process started) makes every write an ``OutputError``.
    """

    def __init__(self, stream) -> None:
        self.fd = None
        self.buffer = None
        if stream is None:
            return
        try:
            stream.flush()
            self.fd = stream.fileno()
        except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
            self.buffer = getattr(stream, "buffer", stream)

    def check(self) -> None:
        """``OutputError`` now when there is nowhere to write (before a long run starts)."""
        if self.fd is None and self.buffer is None:
            raise OutputError(errno.EBADF, "standard output is closed")

    def write(self, data: bytes) -> None:
        """Write ``data`` whole; signals are held during each piece, which ends after a line break."""
        self.check()
        start, n = 0, len(data)
        while start < n:
            end = n if n - start <= PIECE else data.find(b"\n", start + PIECE) + 1 or n
            with _held_signals():
                self._write(memoryview(data)[start:end])
            start = end

    def _write(self, piece: memoryview) -> None:
        try:
            if self.fd is None:
                self.buffer.write(piece)
                self.buffer.flush()
                return
            while piece:
                try:
                    piece = piece[os.write(self.fd, piece):]
                except BlockingIOError:  # a non-blocking descriptor whose reader is behind: wait for room
                    _wait_writable(self.fd)
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as err:
            raise OutputError(err.errno, err.strerror or str(err)) from None


def _wait_writable(fd: int) -> None:
    import select

    select.select([], [fd], [])


class _held_signals:
    """Block the signals that end the command while a piece of output is written; the kernel keeps them
    pending and delivers them when the piece is whole (Unix; elsewhere a no-op)."""

    __slots__ = ("previous",)

    def __enter__(self) -> None:
        self.previous = None
        if hasattr(signal, "pthread_sigmask"):
            self.previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.previous)


def hold_signals_in_this_thread() -> None:
    """For a helper thread: never take the signals ``Output`` holds, so that the kernel keeps them for the main
    thread (a signal delivered to another thread would interrupt the main one mid-write)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)


def occupy_closed_descriptors() -> None:
    """A process started with standard input, output or error closed (``cleaner >&-``) has ``None`` for that
    stream; the descriptor number is free, and the next pipe or file opened would take it (a worker pool's
    pipe taken for standard output).  Open the null device on each such number, so nothing else does."""
    for number, stream in enumerate((sys.stdin, sys.stdout, sys.stderr)):
        if stream is None:
            try:
                os.fstat(number)
            except OSError:
                fd = os.open(os.devnull, os.O_RDWR)
                if fd != number:  # a lower one was free too, and is filled in its turn
                    os.dup2(fd, number)
                    os.close(fd)


def error(message: str) -> None:
    """``cleaner: <message>`` as one line on stderr, its control characters made visible; a stderr that cannot be
    written is ignored (there is nowhere left to say so)."""
    try:
        Output(sys.stderr).write(f"cleaner: {printable(message)}\n".encode("utf-8", "replace"))
    except (OSError, OutputClosed):
        pass


# ---------------------------------------------------------------------------------------------
# input files, compressed or not

# The first bytes of the compressed formats a JSON Lines input may come in, and the module that reads each.
COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\xfd7zXZ\x00", "lzma"), (b"\x28\xb5\x2f\xfd", "zstandard"))
EXTENSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "lzma", ".zst": "zstandard"}


class InputFiles:
    """The input files of a run (``-`` is standard input), opened one at a time.

    ``size`` is their whole size in bytes when every one is a regular file (None otherwise: a pipe), and
    ``position`` how many of those bytes have been read (of compressed files, the compressed bytes), as of the
    last ``advance()``: together they give the progress line its percentage."""

    def __init__(self, paths: tuple[str, ...]) -> None:
        self.paths = paths
        self.size = _total_size(paths)
        self.position = 0
        self._done = 0  # the bytes of the files already read whole
        self._raw = None

    def open_raw(self, path: str) -> "_Opened":
        """The file's bytes as they are (standard input is not closed after it)."""
        fh = stdin() if path == "-" else open(path, "rb")
        self._raw = fh
        return _Opened(self, fh, fh, close=path != "-")

    def open(self, path: str) -> "_Opened":
        """The file's bytes, decompressed when its first bytes show gzip, bzip2, xz or zstd."""
        opened = self.open_raw(path)
        try:
            stream = decompressed(opened.raw)
        except BaseException:
            opened.__exit__(None, None, None)
            raise
        return _Opened(self, opened.raw, stream, close=path != "-")

    def advance(self) -> None:
        """Note how far the current file has been read."""
        try:
            self.position = self._done + self._raw.tell()
        except (OSError, ValueError, AttributeError):
            pass

    def _finished(self, fh) -> None:
        try:
            self._done += os.fstat(fh.fileno()).st_size
        except (OSError, ValueError, AttributeError):
            pass
        self.position = self._done


class _Opened:
    def __init__(self, files: InputFiles, raw, stream, close: bool) -> None:
        self.files, self.raw, self.stream, self.close = files, raw, stream, close

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc: object) -> None:
        self.files._finished(self.raw)
        if self.close:
            self.raw.close()


def _total_size(paths: tuple[str, ...]) -> int | None:
    import stat

    total = 0
    for path in paths:
        try:
            st = os.fstat(0) if path == "-" else os.stat(path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        total += st.st_size
    return total


def decompressed(fh):
    """``fh`` (binary, read from its start), decompressed when its first bytes are those of a compressed format;
    ``OSError`` when the format's module is missing (zstandard is optional)."""
    head = b""
    while len(head) < 6:  # a pipe may give its first bytes a few at a time
        chunk = fh.read(6 - len(head))
        if not chunk:
            break
        head += chunk
    stream = io.BufferedReader(Rejoined(head, fh))
    for magic, module in COMPRESSED:
        if head.startswith(magic):
            return _reader(module, stream)
    return stream


def _reader(module: str, stream):
    if module == "zstandard":
        try:
            import zstandard
        except ImportError:
            raise OSError(errno.ENOTSUP, "the input is zstd-compressed: pip install zstandard") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True))
    if module == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=stream, mode="rb")
    if module == "bz2":
        import bz2

        return bz2.BZ2File(stream, mode="rb")
    import lzma

    return lzma.LZMAFile(stream, mode="rb")


class Rejoined(io.RawIOBase):
    """The bytes already read from a stream (to look at its start), then the rest of the stream."""

    def __init__(self, head: bytes, rest) -> None:
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.head:
            n = min(len(buf), len(self.head))
            buf[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = getattr(self.rest, "read1", self.rest.read)(len(buf))  # what there is: a pipe may trickle
        n = len(data)
        buf[:n] = data
        return n


# ---------------------------------------------------------------------------------------------
# output files, compressed by their extension

def compressor(path: str):
    """A compressor object (``compress``, ``flush``) for an output file named ``*.gz``, ``.bz2``, ``.xz``,
    ``.zst``; None for any other name.  ``OSError`` when zstandard is wanted and missing."""
    module = EXTENSIONS.get(os.path.splitext(path)[1].lower())
    if module == "gzip":
        import zlib

        return zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    if module == "bz2":
        import bz2

        return bz2.BZ2Compressor()
    if module == "lzma":
        import lzma

        return lzma.LZMACompressor()
    if module == "zstandard":
        try:
            import zstandard
        except ImportError:
            raise OSError(errno.ENOTSUP, "writing .zst needs zstandard: pip install zstandard") from None
        return zstandard.ZstdCompressor().compressobj()
    return None


class FileOutput(Output):
    """An output file (created or emptied), compressed when its name says so; ``close()`` ends it."""

    def __init__(self, path: str) -> None:
        self.packer = compressor(path)
        self.file = open(path, "wb")
        super().__init__(self.file)

    def write(self, data: bytes) -> None:
        super().write(self.packer.compress(data) if self.packer is not None else data)

    def close(self) -> None:
        try:
            if self.packer is not None:
                super().write(self.packer.flush())
        finally:
            self.file.close()
