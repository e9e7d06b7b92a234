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
* **Isolation**: a worker that dies (killed by a signal, segfault, out of memory), at any moment,
  costs at most the document it was working on: ``Failure(index, error, "worker died")``; documents
  queued behind it, or being sent to it, go to a fresh worker.  A worker that dies before it is
  ready (during its start-up) costs nothing: it is started again, and only ``START_ATTEMPTS`` (3)
  such deaths in a row end the map with ``WorkerStartError``.
* **Never blocked**: the parent never blocks on a worker's pipe (sends are non-blocking, a big item
  goes over in pieces); with ``map(items, read_in_thread=True)`` the input is read by a helper
  thread, so a finished result never waits for the next input item, and timeouts are checked
  however slowly the input comes.
* **Clean shutdown**: closing the generator, an exception, or Ctrl-C stops all workers; workers
  ignore SIGINT (the parent decides), and die with their parent (Linux: PR_SET_PDEATHSIG; elsewhere
  as soon as they notice the parent's end of the pipe closed).

``jobs``: ``None`` means ``available_cpus()``, the CPUs this process may run on.  ``jobs >= 1`` runs that many worker processes --
``jobs=1`` too, so the timeout and the isolation always hold.  ``jobs=0`` runs in the calling
process: no isolation, and the timeout is honoured only in the main thread on Unix (SIGALRM), and
only between Python bytecodes (a long call into C, e.g. lxml parsing, finishes first).

Each worker is a fresh interpreter (``python -c``, in its own session) talking over pipes: it
never re-imports the caller's ``__main__`` (no ``if __name__ == "__main__"`` guard needed; works
from notebooks, Scrapy, Spark drivers) and shares nothing with a parent that runs threads.  The task
function is pickled to each worker, so it must be importable there: a module-level function, or a
``functools.partial`` / instance of a module-level class.  Workers that cannot start raise
``WorkerStartError`` in the caller (with the last line of the worker's stderr, which comes back on a
pipe: the pool writes no file).

The workers clear trafilatura's, htmldate's and courlan's caches every ``reset_every`` documents
(see ``reset_caches``), so a long run keeps flat memory.

The library never prints; nothing here writes to stdout or stderr.
"""
from __future__ import annotations

import collections
import os
import pickle
import signal
import struct
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .errors import CleanerError
from .terminal import one_line
from .terminal import printable

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


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity: a container's or ``taskset``'s share, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


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
# the wire: each message is a frame, a header (a tag and the length) and a pickle

_HEADER = struct.Struct("!qQ")  # tag (a task's index; -1 for the set-up and "ready"), length of the pickle
READY = -1


def _frame(tag: int, obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(tag, len(data)) + data


def _read_exactly(fd: int, n: int) -> bytearray:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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


class _Unreadable:
    """A task whose pickle could not be loaded in the worker: it fails, the worker goes on."""

    def __init__(self, err: BaseException) -> None:
        self.message = f"cannot receive the item: {type(err).__name__}: {one_line(err)}"


def _receive(fd: int) -> tuple[int, Any]:
    tag, length = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    data = _read_exactly(fd, length)
    try:
        return tag, pickle.loads(data)
    except Exception as err:  # noqa: BLE001 - e.g. a class the worker cannot import
        if tag == READY:
            raise
        return tag, _Unreadable(err)


def _worker_entry(task_fd: int, result_fd: int) -> None:
    """Worker process main: ``python -c`` runs this in a fresh interpreter (see ``_Worker``).

    The first frame is the set-up (the task function...); then a reader thread drains the task pipe (so a
    large item is taken in while the previous one is cleaned) and the main thread runs the tasks in
    order, sending one result frame for each.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    try:
        _, (func, reset_every, warmup) = _receive(task_fd)
    except (EOFError, OSError):
        os._exit(0)
    inbox: collections.deque = collections.deque()
    ready = threading.Semaphore(0)

    def read() -> None:
        try:
            while True:
                inbox.append(_receive(task_fd))
                ready.release()
        except (EOFError, OSError):
            os._exit(0)  # the parent closed the pipe or went away: stop, even mid-task

    threading.Thread(target=read, daemon=True).start()
    if warmup is not None:
        warmup()
    try:
        _write_all(result_fd, _frame(READY, None))
        done = 0
        while True:
            ready.acquire()
            index, payload = inbox.popleft()
            if isinstance(payload, _Unreadable):
                ok, value = False, (payload.message, ERROR)
            else:
                ok, value = run_task(func, payload)
            del payload
            try:
                frame = _frame(index, (ok, value))
            except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be pickled
                frame = _frame(index, (False, (f"cannot send the result back: {one_line(err)}", ERROR)))
            _write_all(result_fd, frame)
            del frame, value
            done += 1
            if reset_every and done % reset_every == 0:
                reset_caches()
    except OSError:
        os._exit(0)  # the parent went away


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
    """Worker processes could not start (e.g. the task function cannot be imported in them)."""


_BOOT = ("import sys, json; sys.path[:] = json.loads(sys.argv[1]); "
         "from cleaner.pool import _worker_entry; _worker_entry(int(sys.argv[2]), int(sys.argv[3]))")
START_ATTEMPTS = 3  # workers in a row that die before they are ready: then the pool gives up
_STDERR_TAIL = 4096  # bytes of a worker's stderr kept, for the message when it cannot start


class _Worker:
    """One worker: a fresh interpreter (``python -c``) that talks over pipes the parent never blocks on.

    A fresh interpreter rather than ``multiprocessing.Process``: it never re-imports the caller's
    ``__main__`` (no ``if __name__ == "__main__"`` needed, works from notebooks, Spark drivers,
    Scrapy), and it shares nothing with a parent that has threads.  Its own session, so a Ctrl-C in
    the terminal reaches only the parent, which then stops the workers.  The parent's ends of the
    pipes are non-blocking: frames to send wait in ``outbox``, bytes received in ``inbox``; the
    worker's stderr comes back on a pipe too (its tail explains a failed start), so nothing is
    written to disk.  A worker's death shows as the end of its result pipe.
    """

    __slots__ = ("proc", "task_fd", "result_fd", "err_fd", "outbox", "sent", "inbox", "errtail", "queue", "ready",
                 "started")

    def __init__(self, init: bytes) -> None:
        import json
        import subprocess

        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        err_r, err_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, json.dumps(sys.path), str(task_r), str(res_w)],
                pass_fds=(task_r, res_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=err_w, start_new_session=True, close_fds=True)
        except BaseException:
            for fd in (task_w, res_r, err_r):
                os.close(fd)
            raise
        finally:
            for fd in (task_r, res_w, err_w):
                os.close(fd)
        self.task_fd, self.result_fd, self.err_fd = task_w, res_r, err_r
        for fd in (task_w, res_r, err_r):
            os.set_blocking(fd, False)
        self.outbox: collections.deque = collections.deque([init])  # frames not yet (wholly) written
        self.sent = 0  # bytes of outbox[0] written
        self.inbox = bytearray()  # result bytes not yet a whole frame
        self.errtail = b""
        self.queue: collections.deque = collections.deque()  # (index, payload) given to it, not answered
        self.ready = False
        self.started = 0.0  # when it began queue[0] (approximately: when that became its oldest task)

    def send(self) -> None:
        """Write what the pipe takes now; ``OSError`` (a broken pipe) when the worker is gone."""
        while self.outbox:
            frame = self.outbox[0]
            try:
                self.sent += os.write(self.task_fd, memoryview(frame)[self.sent:])
            except BlockingIOError:
                return
            if self.sent == len(frame):
                self.outbox.popleft()
                self.sent = 0

    def receive(self) -> list[tuple[int, Any]]:
        """The frames that arrived; ``EOFError`` when the result pipe has ended (the worker died)."""
        while True:
            try:
                chunk = os.read(self.result_fd, 1 << 20)
            except BlockingIOError:
                break
            if not chunk:
                raise EOFError
            self.inbox += chunk
        frames = []
        while len(self.inbox) >= _HEADER.size:
            tag, length = _HEADER.unpack_from(self.inbox)
            end = _HEADER.size + length
            if len(self.inbox) < end:
                break
            frames.append((tag, pickle.loads(self.inbox[_HEADER.size:end])))
            del self.inbox[:end]
        return frames

    def read_stderr(self) -> None:
        if self.err_fd is None:
            return
        try:
            while True:
                chunk = os.read(self.err_fd, 65536)
                if not chunk:
                    return
                self.errtail = (self.errtail + chunk)[-_STDERR_TAIL:]
        except (BlockingIOError, OSError):
            return

    def stderr_line(self) -> str:
        self.read_stderr()
        lines = self.errtail.decode("utf-8", "replace").strip().splitlines()
        return printable(lines[-1]) if lines else ""

    def stop(self) -> None:
        """Polite stop: the end of the task pipe makes the worker exit."""
        self._close("task_fd")

    def kill(self) -> int | None:
        """Kill it (if still running), reap it, close its pipes; its exit status."""
        self.stop()
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            code = self.proc.wait(5)
        except Exception:  # pragma: no cover - a process that survives SIGKILL for 5 s
            code = None
        self.read_stderr()
        self._close("result_fd")
        self._close("err_fd")
        return code

    def _close(self, name: str) -> None:
        fd = getattr(self, name)
        if fd is not None:
            setattr(self, name, None)
            try:
                os.close(fd)
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


class _Feeder:
    """Takes the items from the input in a helper thread, at most ``window`` ahead of the results yielded, so
    that a slow input (a pipe that trickles) never holds back a finished result or a timeout.  A byte on
    ``wake_fd`` tells the parent's poll that an item (or the end) is there."""

    def __init__(self, items: Iterable[Any], window: int) -> None:
        self.entries: collections.deque = collections.deque()  # ("item", x) ... then ("end", None) / ("error", e)
        self.room = threading.Semaphore(window)
        self.stopped = False
        self.wake_fd, self._wake_w = os.pipe()
        os.set_blocking(self.wake_fd, False)
        os.set_blocking(self._wake_w, False)
        thread = threading.Thread(target=self._run, args=(iter(items),), daemon=True, name="cleaner-pool-input")
        with _signals_blocked():  # the thread starts with them blocked: they go to the main thread, never here
            thread.start()

    def _run(self, source: Iterator[Any]) -> None:
        try:
            while True:
                self.room.acquire()
                if self.stopped:
                    return
                try:
                    item = next(source)
                except StopIteration:
                    self._put(("end", None))
                    return
                self._put(("item", item))
        except BaseException as err:  # noqa: BLE001 - the input's own error: raised in the caller, in its turn
            self._put(("error", err))

    def _put(self, entry: tuple[str, Any]) -> None:
        self.entries.append(entry)
        try:
            os.write(self._wake_w, b"!")
        except OSError:  # full (the parent is behind: it will see the entries) or closed (the pool ended)
            pass

    def take(self) -> list[tuple[str, Any]]:
        try:
            while os.read(self.wake_fd, 65536):
                pass
        except (BlockingIOError, OSError):
            pass
        taken = []
        while self.entries:
            taken.append(self.entries.popleft())
        return taken

    def yielded(self) -> None:
        """One more result went out: room for one more item."""
        self.room.release()

    def close(self) -> None:
        self.stopped = True
        self.room.release()
        for fd in (self.wake_fd, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass


_SYNCHRONOUS = {"SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGABRT", "SIGSYS", "SIGKILL", "SIGSTOP"}


class _signals_blocked:
    """Block the asynchronous signals in this thread for the block (a thread started inside inherits it)."""

    def __enter__(self) -> None:
        self.previous = None
        if hasattr(signal, "pthread_sigmask"):
            block = {s for s in signal.valid_signals() if getattr(s, "name", "") not in _SYNCHRONOUS}
            self.previous = signal.pthread_sigmask(signal.SIG_BLOCK, block)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.previous)


class OrderedPool:
    """An ordered, bounded, timeout-enforcing parallel map; see the module docstring.

    Use as ``with OrderedPool(func, jobs) as pool: for result in pool.map(items): ...``.
    Each result is ``func(item)`` or a ``Failure``.
    """

    def __init__(self, func: Callable[[Any], Any], jobs: int | None = None, *, timeout: float | None = DEFAULT_TIMEOUT,
                 window: int | None = None, per_worker: int = 2, reset_every: int = RESET_EVERY,
                 warmup: Callable[[], None] | None = warm_cleaner) -> None:
        self.func = func
        self.jobs = available_cpus() if jobs is None else int(jobs)
        if self.jobs < 0:
            raise ValueError("jobs must be >= 0")
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be > 0 seconds, or None")
        self.timeout = timeout
        self.per_worker = max(1, per_worker)
        self.window = max(window or 4 * max(self.jobs, 1), self.jobs * self.per_worker, 1)
        self.reset_every = reset_every
        self.warmup = warmup
        # pickled once, here: a task that cannot be pickled fails now, in the caller
        self._init = _frame(READY, (func, reset_every, warmup))
        self.workers: list[_Worker] = []
        self.restarts = 0  # workers replaced after a timeout or a death
        self._start_failures = 0  # workers in a row that died before they were ready

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
        try:
            return _Worker(self._init)
        except OSError as err:  # no more processes or descriptors
            raise WorkerStartError(f"cannot start a worker process: {err.strerror or err}") from None

    # -- the map
    def map(self, items: Iterable[Any], *, read_in_thread: bool = False) -> Iterator[Any]:
        """``func(item)`` or a ``Failure`` for each item, in input order.

        ``read_in_thread``: take the items from ``items`` in a helper thread, so that a finished result
        never waits for the next item and timeouts hold while the input is slow (a pipe, a socket).  The
        iterable must then allow being consumed from another thread (a generator over a file does; an
        SQLite cursor made in this thread does not).
        """
        if self.jobs == 0:
            yield from self._map_inline(items)
            return
        try:
            yield from self._map_workers(items, read_in_thread)
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

    def _map_workers(self, items: Iterable[Any], read_in_thread: bool) -> Iterator[Any]:
        self.workers = [self._spawn() for _ in range(self.jobs)]
        feeder = _Feeder(items, self.window) if read_in_thread else None
        source = None if feeder else iter(items)
        exhausted = False
        next_index = 0  # the next input index to read
        next_out = 0  # the next index to yield
        pending: collections.deque = collections.deque()  # read, not yet given to a worker
        done: dict[int, Any] = {}  # finished, waiting for an older item
        try:
            while True:
                # read ahead, within the window
                if feeder is not None:
                    for kind, value in ([] if exhausted else feeder.take()):
                        if kind == "item":
                            pending.append((next_index, value))
                            next_index += 1
                        elif kind == "end":
                            exhausted = True
                        else:
                            raise value
                else:
                    while not exhausted and next_index - next_out < self.window:
                        try:
                            payload = next(source)
                        except StopIteration:
                            exhausted = True
                            break
                        pending.append((next_index, payload))
                        next_index += 1
                self._dispatch(pending, done)
                # yield what is ready, in order
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                    if feeder is not None:
                        feeder.yielded()
                if exhausted and next_out == next_index:
                    return
                if feeder is None and not exhausted and next_index - next_out < self.window:
                    continue  # room to read more before waiting
                self._wait(done, pending, None if feeder is None or exhausted else feeder.wake_fd)
        finally:
            if feeder is not None:
                feeder.close()

    def _dispatch(self, pending: collections.deque, done: dict[int, Any]) -> None:
        """Give the pending items to the ready workers, the least busy first; write what the pipes take."""
        now = time.monotonic()
        for w in sorted(self.workers, key=lambda w: len(w.queue)):
            while pending and w.ready and len(w.queue) < self.per_worker:
                index, payload = task = pending.popleft()
                try:
                    frame = _frame(index, payload)
                except Exception as err:  # noqa: BLE001 - an item that cannot be pickled fails alone
                    done[index] = Failure(index, f"cannot send the item to a worker: {one_line(err)}", ERROR)
                    continue
                if not w.queue:
                    w.started = now
                w.queue.append(task)
                w.outbox.append(frame)
        for w in list(self.workers):
            self._send(w, done, pending)

    def _send(self, w: _Worker, done: dict[int, Any], pending: collections.deque) -> None:
        try:
            w.send()
        except OSError:  # its end of the pipe is gone: it died (while taking in an item, maybe)
            self._lost(w, done, pending)

    def _wait(self, done: dict[int, Any], pending: collections.deque, wake_fd: int | None) -> None:
        """Wait for a result, a death, room in a pipe, an input item or a deadline; handle what came."""
        import select

        wait_for = None
        now = time.monotonic()
        if self.timeout is not None:
            deadlines = [w.started + self.timeout for w in self.workers if w.ready and w.queue]
            if deadlines:
                wait_for = max(0.0, min(deadlines) - now)
        poller = select.poll()
        owners: dict[int, tuple[_Worker, str]] = {}
        for w in self.workers:
            poller.register(w.result_fd, select.POLLIN)
            owners[w.result_fd] = (w, "result")
            poller.register(w.err_fd, select.POLLIN)
            owners[w.err_fd] = (w, "stderr")
            if w.outbox:
                poller.register(w.task_fd, select.POLLOUT)
                owners[w.task_fd] = (w, "task")
        if wake_fd is not None:
            poller.register(wake_fd, select.POLLIN)
        events = poller.poll(None if wait_for is None else max(1, int(wait_for * 1000 + 1)))
        for fd, _ in events:
            if fd not in owners:
                continue  # the input's wake-up: taken in the next round
            w, what = owners[fd]
            if w not in self.workers:
                continue  # replaced by an earlier event of this round
            if what == "stderr":
                w.read_stderr()
            elif what == "task":
                self._send(w, done, pending)
            else:
                self._receive(w, done, pending)
        if self.timeout is not None:
            now = time.monotonic()
            for w in list(self.workers):
                if w.ready and w.queue and now - w.started > self.timeout:
                    index = w.queue.popleft()[0]
                    done[index] = Failure(index, f"timed out after {self.timeout:g} s", TIMEOUT)
                    self._replace(w, pending)

    def _receive(self, w: _Worker, done: dict[int, Any], pending: collections.deque) -> None:
        try:
            frames = w.receive()
        except EOFError:
            self._lost(w, done, pending)
            return
        for tag, message in frames:
            if tag == READY:
                w.ready = True
                self._start_failures = 0
            else:
                index, _ = w.queue.popleft()
                assert index == tag, (index, tag)
                ok, value = message
                done[index] = value if ok else Failure(index, *value)
            w.started = time.monotonic()

    def _lost(self, w: _Worker, done: dict[int, Any], pending: collections.deque) -> None:
        """A worker died.  Ready, it costs only the item it was on; before it was ready, nothing (it is
        started again, up to ``START_ATTEMPTS`` failures in a row)."""
        code = w.kill()
        if not w.ready:
            self._start_failures += 1
            if self._start_failures >= START_ATTEMPTS:
                tail = w.stderr_line()
                self.workers.remove(w)
                raise WorkerStartError(f"a worker process could not start ({_describe_death(code)})"
                                       + (f": {tail}" if tail else ""))
        elif w.queue:
            index = w.queue.popleft()[0]
            done[index] = Failure(index, _describe_death(code), WORKER_DIED)
        self._replace(w, pending)

    def _replace(self, w: _Worker, pending: collections.deque) -> None:
        """Kill ``w`` and start a fresh worker; the items ``w`` still held go first to the next ready worker."""
        pending.extendleft(reversed(w.queue))
        w.queue.clear()
        w.kill()
        if w.ready:
            self.restarts += 1
        self.workers[self.workers.index(w)] = self._spawn()


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
