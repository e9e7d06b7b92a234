"""An ordered parallel map over isolated, killable worker processes (the machinery of ``clean_many``).

    >>> from cleaner.pool import OrderedPool, Failure
    >>> with OrderedPool(func, jobs=2, timeout=30) as pool:
    ...     for result in pool.map(items):
    ...         if isinstance(result, Failure):
    ...             print(result.index, result.reason, result.error)

Guarantees
----------
* **Order**: results come out in input order, one per input item, whatever the worker speeds.
* **Bounded memory**: at most ``window`` items (default ``4 * jobs``) are read ahead of the
  oldest item not yet yielded -- items being cleaned, waiting for a worker, or finished but waiting
  for an older item.  The input iterable is consumed lazily, so a 100 GB input streams through.
* **Timeout**: a document that takes longer than ``timeout`` seconds is abandoned: its worker is
  killed (SIGKILL) and replaced, and the result is ``Failure(index, error, "timeout")``.
* **Isolation**: a worker that dies (killed by a signal, segfault, out of memory) costs only the
  document it was working on: ``Failure(index, error, "worker died")``; documents queued behind it
  are sent to a fresh worker.
* **Clean shutdown**: closing the generator, an exception, or Ctrl-C stops all workers; workers
  ignore SIGINT (the parent decides), and die with their parent (Linux: PR_SET_PDEATHSIG; elsewhere
  as soon as they notice the parent's end of the pipe closed).

``jobs``: ``None`` means ``os.cpu_count()``.  ``jobs >= 1`` runs that many worker processes --
``jobs=1`` too, so the timeout and the isolation always hold.  ``jobs=0`` runs in the calling
process: no isolation, and the timeout is honoured only in the main thread on Unix (SIGALRM), and
only between Python bytecodes (a long call into C, e.g. lxml parsing, finishes first).

Each worker is a fresh interpreter (``python -c``, in its own session) talking over two pipes: it
never re-imports the caller's ``__main__`` (no ``if __name__ == "__main__"`` guard needed; works
from notebooks, Scrapy, Spark drivers) and shares nothing with a parent that runs threads.  The task
function is pickled to each worker, so it must be importable there: a module-level function, or a
``functools.partial`` / instance of a module-level class.  A worker that cannot start raises
``WorkerStartError`` in the caller (with the last line of the worker's stderr).

The workers clear trafilatura's, htmldate's and courlan's caches every ``reset_every`` documents
(see ``reset_caches``), so a long run keeps flat memory.

The library never prints; nothing here writes to stdout or stderr.
"""
from __future__ import annotations

import collections
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .errors import CleanerError, one_line

DEFAULT_TIMEOUT = 30.0
RESET_EVERY = 1000

# Failure.reason values
TIMEOUT = "timeout"
WORKER_DIED = "worker died"
INPUT = "input"  # a CleanerError: empty, binary, too large...
ERROR = "error"  # any other exception: a bug in the cleaner, worth a report


@dataclass(frozen=True)
class Failure:
    """A document that could not be cleaned; it takes the document's place in the output order.

    ``index``: the 0-based position of the document in the input.
    ``error``: one line for a user, e.g. ``"timed out after 30 s"``.
    ``reason``: ``"input"`` (the input cannot be cleaned: empty, binary, too large -- a
    ``CleanerError``), ``"timeout"``, ``"worker died"``, or ``"error"`` (an unexpected exception).
    """

    index: int
    error: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "error": self.error, "reason": self.reason}


class TaskError(Exception):
    """Raise from a task function to fail one item with a chosen reason and message."""

    def __init__(self, message: str, reason: str = INPUT):
        super().__init__(message)
        self.reason = reason


def reset_caches() -> None:
    """Clear the per-document caches of trafilatura, htmldate, courlan and justext.

    They are LRU caches keyed on page content (deduplication, date expressions, domain
    similarity...), so they grow with every new page until full; clearing them periodically keeps
    a long-running worker's memory flat.  Only libraries already imported are touched.
    """
    if "trafilatura" in sys.modules:
        try:
            from trafilatura.meta import reset_caches as _reset
        except ImportError:  # pragma: no cover - an old or new trafilatura without the helper
            pass
        else:
            _reset()  # also htmldate, courlan, justext and charset_normalizer; runs gc.collect()
            return
    import gc

    gc.collect()


def run_task(func: Callable[[Any], Any], payload: Any) -> tuple[bool, Any]:
    """Run one task; (True, result) or (False, (message, reason)): the one place that turns an
    exception into a ``Failure``'s message and reason."""
    try:
        return True, func(payload)
    except TaskError as err:
        return False, (one_line(err), err.reason)
    except CleanerError as err:
        return False, (one_line(err), INPUT)
    except RecursionError:
        return False, ("input nests too deeply (recursion limit)", INPUT)
    except MemoryError:
        return False, ("out of memory", ERROR)
    except Exception as err:  # noqa: BLE001 - one bad document must not end the run
        return False, (f"{type(err).__name__}: {one_line(err)}", ERROR)


# ---------------------------------------------------------------------------------------------
# worker side

def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except Exception:  # pragma: no cover - best effort
            pass


def _worker_entry(task_fd: int, result_fd: int) -> None:
    """Worker process main: ``python -c`` runs this in a fresh interpreter (see ``_Worker``).

    The first message is the task function; then a reader thread drains the task pipe (so the parent
    never blocks on a send while this process is busy sending a result) and the main thread runs the
    tasks in order.
    """
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    tasks, results = Connection(task_fd, writable=False), Connection(result_fd, readable=False)
    try:
        func, reset_every, warmup = tasks.recv()
    except EOFError:
        os._exit(0)
    inbox: collections.deque = collections.deque()
    ready = threading.Semaphore(0)

    def read() -> None:
        try:
            while True:
                inbox.append(tasks.recv())
                ready.release()
        except (EOFError, OSError):
            os._exit(0)  # the parent closed the pipe or went away: stop, even mid-task

    threading.Thread(target=read, daemon=True).start()  # before the warm-up: a big send never waits long
    if warmup is not None:
        warmup()
    results.send(("ready", None, None))
    done = 0
    while True:
        ready.acquire()
        index, payload = inbox.popleft()
        ok, value = run_task(func, payload)
        del payload
        try:
            results.send(("ok" if ok else "fail", index, value))
        except (OSError, EOFError):
            os._exit(0)
        except Exception as err:  # e.g. a result that cannot be pickled
            results.send(("fail", index, (f"cannot send the result back: {one_line(err)}", ERROR)))
        done += 1
        if reset_every and done % reset_every == 0:
            reset_caches()


_WARM_HTML = ("<html><head><title>Warm up</title><meta name='date' content='2024-01-02'></head><body><nav>Home</nav>"
              "<article><h1>Warm up</h1><p>The council voted on Tuesday to approve the new budget for the schools "
              "and the roads of the region, officials said.</p><p>Share on Facebook</p></article></body></html>")
_WARM_TEXT = ("Share\nWarm up\nThe council voted on Tuesday to approve the new budget for the schools and the roads "
              "of the region, officials said.\n")


def warm_cleaner() -> None:
    """Pay the first-call costs (imports, lexicons, trafilatura's lazy set-up) before announcing
    readiness, so the per-document timeout never counts them."""
    from .options import Options
    from .pipeline import run

    for page in (_WARM_HTML, _WARM_TEXT):
        try:
            run(page, Options())
        except Exception:  # noqa: BLE001 - warming up must never stop a worker
            pass


# ---------------------------------------------------------------------------------------------
# parent side

class WorkerStartError(RuntimeError):
    """A worker process could not start (e.g. the task function cannot be imported in it)."""


_BOOT = ("import sys, json; sys.path[:] = json.loads(sys.argv[1]); "
         "from cleaner.pool import _worker_entry; _worker_entry(int(sys.argv[2]), int(sys.argv[3]))")


class _Worker:
    """One worker: a fresh interpreter (``python -c``) that talks over two pipes.

    A fresh interpreter rather than ``multiprocessing.Process``: it never re-imports the caller's
    ``__main__`` (no ``if __name__ == "__main__"`` needed, works from notebooks, Spark drivers,
    Scrapy), and it shares nothing with a parent that has threads.  Its own session, so a Ctrl-C in
    the terminal reaches only the parent, which then stops the workers.  A worker's death shows as
    EOF on its result pipe.
    """

    __slots__ = ("proc", "tasks", "results", "queue", "ready", "started", "errlog")

    def __init__(self, init: bytes) -> None:
        import json
        import subprocess
        import tempfile
        from multiprocessing.connection import Connection

        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        self.errlog = tempfile.TemporaryFile()  # the worker's stderr: shown only if it cannot start
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, json.dumps(sys.path), str(task_r), str(res_w)],
                pass_fds=(task_r, res_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=self.errlog, start_new_session=True, close_fds=True)
        finally:
            os.close(task_r)
            os.close(res_w)
        self.tasks = Connection(task_w, readable=False)
        self.results = Connection(res_r, writable=False)
        self.queue: collections.deque = collections.deque()  # (index, payload) sent, not answered
        self.ready = False
        self.started = 0.0  # when the worker began queue[0] (approximately: when it became free)
        self.tasks.send_bytes(init)  # the pickled (func, reset_every, warmup)

    def stderr_tail(self) -> str:
        try:
            self.errlog.seek(0)
            lines = self.errlog.read().decode("utf-8", "replace").strip().splitlines()
        except (OSError, ValueError):
            return ""
        return lines[-1] if lines else ""

    def kill(self) -> None:
        for conn in (self.tasks, self.results):
            try:
                conn.close()
            except OSError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except Exception:  # pragma: no cover
            pass
        self.errlog.close()

    def stop(self) -> None:
        """Polite stop: closing the task pipe makes the worker exit."""
        try:
            self.tasks.close()
        except OSError:
            pass


def _describe_death(exitcode: int | None) -> str:
    if exitcode is None:
        return "worker process died"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"worker process died ({name})"
    return f"worker process died (exit code {exitcode})"


class OrderedPool:
    """An ordered, bounded, timeout-enforcing parallel map; see the module docstring.

    Use as ``with OrderedPool(func, jobs) as pool: for result in pool.map(items): ...``.
    Each result is ``func(item)`` or a ``Failure``.
    """

    def __init__(self, func: Callable[[Any], Any], jobs: int | None = None, *, timeout: float | None = DEFAULT_TIMEOUT,
                 window: int | None = None, per_worker: int = 2, reset_every: int = RESET_EVERY,
                 warmup: Callable[[], None] | None = warm_cleaner) -> None:
        self.func = func
        self.jobs = (os.cpu_count() or 1) if jobs is None else int(jobs)
        if self.jobs < 0:
            raise ValueError("jobs must be >= 0")
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be > 0 seconds, or None")
        self.timeout = timeout
        self.per_worker = max(1, per_worker)
        self.window = max(window or 4 * max(self.jobs, 1), self.jobs * self.per_worker, 1)
        self.reset_every = reset_every
        self.warmup = warmup
        from multiprocessing.reduction import ForkingPickler

        # pickled once, here: a task that cannot be pickled fails now, in the caller
        self._init = bytes(ForkingPickler.dumps((func, reset_every, warmup)))
        self.workers: list[_Worker] = []
        self.restarts = 0  # workers replaced after a timeout or a death

    # -- lifecycle
    def __enter__(self) -> "OrderedPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker; idempotent.  Waits briefly for a polite exit, then kills."""
        workers, self.workers = self.workers, []
        for w in workers:
            w.stop()
        deadline = time.monotonic() + 1.0
        for w in workers:
            try:
                w.proc.wait(max(0.0, deadline - time.monotonic()))
            except Exception:  # subprocess.TimeoutExpired: killed below
                pass
        for w in workers:
            w.kill()

    def _spawn(self) -> _Worker:
        return _Worker(self._init)

    # -- the map
    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        if self.jobs == 0:
            yield from self._map_inline(items)
            return
        try:
            yield from self._map_workers(items)
        finally:
            self.close()

    def _map_inline(self, items: Iterable[Any]) -> Iterator[Any]:
        alarm = (self.timeout is not None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
        done = 0
        for index, payload in enumerate(items):
            if alarm:
                ok, value = _run_with_alarm(self.func, payload, self.timeout)
            else:
                ok, value = run_task(self.func, payload)
            yield value if ok else Failure(index, *value)
            done += 1
            if self.reset_every and done % self.reset_every == 0:
                reset_caches()

    def _map_workers(self, items: Iterable[Any]) -> Iterator[Any]:
        from multiprocessing.connection import wait

        self.workers = [self._spawn() for _ in range(self.jobs)]
        source = iter(items)
        exhausted = False
        next_index = 0  # the next input index to read
        next_out = 0  # the next index to yield
        pending: collections.deque = collections.deque()  # read, not yet sent to a worker
        done: dict[int, Any] = {}  # finished, waiting for an older item

        while True:
            # read ahead, within the window
            while not exhausted and next_index - next_out < self.window:
                try:
                    payload = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((next_index, payload))
                next_index += 1
            # dispatch
            if pending:
                for w in sorted(self.workers, key=lambda w: len(w.queue)):
                    while pending and len(w.queue) < self.per_worker:
                        task = pending.popleft()
                        try:
                            w.tasks.send(task)
                        except (OSError, ValueError):  # died meanwhile: EOF on its result pipe will tell
                            pending.appendleft(task)
                            break
                        if not w.queue:
                            w.started = time.monotonic()
                        w.queue.append(task)
                    if not pending:
                        break
            # yield what is ready, in order
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_index:
                return
            if not exhausted and next_index - next_out < self.window:
                continue  # room to read more before waiting
            # wait for a result, a death or a deadline
            now = time.monotonic()
            wait_for = None
            if self.timeout is not None:
                deadlines = [w.started + self.timeout for w in self.workers if w.ready and w.queue]
                if deadlines:
                    wait_for = max(0.0, min(deadlines) - now)
            conns = {w.results: w for w in self.workers}
            for conn in wait(list(conns), wait_for):
                self._drain(conns[conn], done)
            now = time.monotonic()
            if self.timeout is not None:
                for w in list(self.workers):
                    if w.ready and w.queue and now - w.started > self.timeout:
                        index = w.queue[0][0]
                        done[index] = Failure(index, f"timed out after {self.timeout:g} s", TIMEOUT)
                        self._replace(w, skip_first=True)

    def _drain(self, w: _Worker, done: dict[int, Any]) -> None:
        """Read every message a worker has sent; EOF means it died."""
        try:
            while w.results.poll():
                kind, index, value = w.results.recv()
                if kind == "ready":
                    w.ready = True
                    w.started = time.monotonic()
                    continue
                task = w.queue.popleft()
                assert task[0] == index, (task[0], index)
                done[index] = value if kind == "ok" else Failure(index, *value)
                w.started = time.monotonic()
            return
        except (EOFError, OSError):
            pass
        returncode = w.proc.wait()
        if not w.ready:
            tail = w.stderr_tail()
            w.kill()
            self.workers.remove(w)
            raise WorkerStartError(f"a worker process could not start ({_describe_death(returncode)})"
                                   + (f": {tail}" if tail else ""))
        if w.queue:
            index = w.queue[0][0]
            done[index] = Failure(index, _describe_death(returncode), WORKER_DIED)
        self._replace(w, skip_first=True)

    def _replace(self, w: _Worker, *, skip_first: bool) -> None:
        """Kill ``w``, start a fresh worker; the tasks queued behind the failed one go first."""
        queued = list(w.queue)[1 if skip_first else 0:]
        w.queue.clear()
        w.kill()
        self.restarts += 1
        self.workers[self.workers.index(w)] = fresh = self._spawn()
        for task in queued:  # resend, in order, to the new worker (its reader thread drains them)
            fresh.tasks.send(task)
            fresh.queue.append(task)
        fresh.started = time.monotonic()


class _Alarm(BaseException):
    pass


def _run_with_alarm(func, payload, timeout: float) -> tuple[bool, Any]:
    def ring(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return run_task(func, payload)
    except _Alarm:
        return False, (f"timed out after {timeout:g} s", TIMEOUT)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["Failure", "TaskError", "WorkerStartError", "OrderedPool", "run_task", "reset_caches", "warm_cleaner",
           "DEFAULT_TIMEOUT", "TIMEOUT", "WORKER_DIED", "INPUT", "ERROR"]
