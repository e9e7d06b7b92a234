"""The progress line of a long run, and its summary line: on standard error, only when it is a terminal.

    cleaner: 37/100 files (37%), 4.1 files/s, ETA 0:15, 2 failed
    cleaner: 12,408 records (45%), 88.0 records/s, ETA 2:31

The total is a count of items where it is known beforehand (files), else a fraction of the input's bytes (JSON
Lines and WARC files: the percentage and the ETA come from the bytes read); from a pipe there is neither.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable


def counted(n: int, unit: str) -> str:
    """"1 record", "2 records", "1,000 files"."""
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Counts the items of a run; shows the line at most four times a second when ``enabled``.

    ``total``: the number of items, when known; ``fraction``: else, a function giving the share of the input
    read so far (or None when unknown)."""

    def __init__(self, enabled: bool, unit: str = "record", total: int | None = None,
                 fraction: Callable[[], float | None] | None = None) -> None:
        self.enabled = enabled
        self.unit = unit
        self.total = total
        self.fraction = fraction
        self.start = self.last = time.monotonic()
        self.count = self.failed = self.empty = 0
        self.shown = False

    def tick(self, status: str) -> None:
        """One item done: ``ok``, ``empty`` (no article content) or ``failed``."""
        self.count += 1
        self.failed += status == "failed"
        self.empty += status == "empty"
        if self.enabled:
            now = time.monotonic()
            if now - self.last >= 0.25:
                self.last = now
                self._show(self.line(now))

    def line(self, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.start, 1e-9)
        rate = self.count / elapsed
        done = self.count / self.total if self.total else (self.fraction() if self.fraction else None)
        if self.total:
            head = f"{self.count:,}/{counted(self.total, self.unit)}"
        else:
            head = counted(self.count, self.unit)
        parts = [head + (f" ({100 * done:.0f}%)" if done is not None else ""), f"{rate:.1f} {self.unit}s/s"]
        if done and 0 < done < 1:
            parts.append(f"ETA {duration(elapsed * (1 - done) / done)}")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        return ", ".join(parts)

    def summary(self, skipped: str = "") -> str:
        """The last line: what became of every item."""
        ok = self.count - self.failed - self.empty
        parts = [f"{ok:,} cleaned", f"{self.empty:,} without article content", f"{self.failed:,} failed"]
        took = duration(time.monotonic() - self.start)
        return f"{counted(self.count, self.unit)} in {took}: {', '.join(parts)}" + (f"; {skipped}" if skipped else "")

    def _show(self, text: str, end: str = "") -> None:
        try:
            sys.stderr.write(f"\rcleaner: {text}\x1b[K{end}")
            sys.stderr.flush()
        except (OSError, ValueError):  # a terminal gone: the progress line is not worth an error
            self.enabled = False
        self.shown = True

    def done(self, skipped: str = "") -> None:
        """The summary line, in place of the progress line."""
        if self.enabled:
            self._show(self.summary(skipped), "\n")
