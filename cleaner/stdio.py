"""The command's standard streams: bounded reads, and writes that are whole, checked and never cut.

* ``read_limited`` reads at most the limit plus one byte: an endless pipe (``yes | cleaner``) is
  refused after ``--max-bytes``, not read into memory.
* ``Output.write`` writes straight to the file descriptor (no buffer left to flush at exit), loops
  over short writes and waits on a non-blocking descriptor; a full disk is ``OutputError`` (exit 2,
  one line) and a reader that went away is ``OutputClosed`` (a quiet exit).  Only here does a broken
  pipe mean "standard output is closed": a worker's broken pipe is the pool's business.
* While one piece of output (whole lines) is being written, SIGINT, SIGTERM and SIGHUP are held
  (blocked, so they stay pending) and delivered right after it: Ctrl-C or a ``kill`` never leaves a
  half-written line, whatever the buffering, and the process still ends as that signal says.
"""
from __future__ import annotations

import errno
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
