"""cleaner.stream: order, bounded read-ahead, timeouts, worker deaths, errors -- with real worker processes."""
from __future__ import annotations

import os
import signal
import time

import pytest

import cleaner
from cleaner.stream import (ERROR, INPUT, TIMEOUT, WORKER_DIED, Failure, OrderedPool, WorkerStartError, clean_many,
                            reset_caches)

STORY = ("Share\nHeadline number {i} for the day\nThe first paragraph of story {i}, long enough to count "
         "as the body of a real news article about the council.\nSecond paragraph of story {i}: the "
         "officials said the plan would take effect next year after a review.\n")


def pages(n):
    return [STORY.format(i=i) for i in range(n)]


# task functions for OrderedPool: module-level, so the workers can import them (tests/ is on sys.path)
def echo(x):
    return x


def slow_or_echo(x):
    if x == "slow":
        time.sleep(60)
    if isinstance(x, float):
        time.sleep(x)
    return x


def die_on(x):
    if x == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if x == "segv":
        import ctypes

        ctypes.string_at(0)  # a real segmentation fault
    if x == "exit":
        os._exit(7)
    return x


def boom(x):
    if x == "boom":
        raise KeyError("no such thing")
    return x


def test_clean_many_matches_clean_in_order():
    items = pages(30)
    results = list(clean_many(items, jobs=2))
    assert [r.to_dict() for r in results] == [cleaner.clean(p).to_dict() for p in items]


def test_clean_many_from_the_package_and_url_pairs():
    items = [(STORY.format(i=1), "https://example.com/news/one"), STORY.format(i=2).encode()]
    results = list(cleaner.clean_many(items, jobs=1))
    assert results[0].url == "https://example.com/news/one"
    assert results[0].to_dict() == cleaner.clean(items[0][0], url=items[0][1]).to_dict()
    assert results[1].to_dict() == cleaner.clean(items[1]).to_dict()


def test_bad_inputs_become_failures_in_place():
    items = pages(6)
    items[1] = ""
    items[3] = b"\x00\x01\x02\xff" * 64
    items[4] = 42
    results = list(clean_many(items, jobs=2))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article", "Failure", "Failure", "Article"]
    assert results[1] == Failure(1, "input is empty", INPUT) or (results[1].index, results[1].reason) == (1, INPUT)
    assert (results[3].index, results[3].reason) == (3, INPUT)
    assert results[4].reason == INPUT and "int" in results[4].error


def test_in_process_mode_gives_the_same_results():
    items = pages(5) + [""]
    inline = list(clean_many(items, jobs=0))
    workers = list(clean_many(items, jobs=2))
    assert [r.to_dict() for r in inline] == [r.to_dict() for r in workers]


def test_unknown_option_fails_before_any_work():
    with pytest.raises(TypeError):
        next(clean_many(pages(1), jobs=1, no_such_option=True))


def test_order_is_kept_whatever_the_speeds():
    items = [0.3, 0.0, 0.2, 0.0, 0.0, 0.1, 0.0] * 2
    with OrderedPool(slow_or_echo, 2, timeout=10, warmup=None) as pool:
        assert list(pool.map(items)) == items


def test_read_ahead_is_bounded():
    consumed = []

    def source():
        for i in range(200):
            consumed.append(i)
            yield i

    with OrderedPool(echo, 2, timeout=10, window=8, warmup=None) as pool:
        it = pool.map(source())
        assert next(it) == 0
        time.sleep(0.3)
        assert len(consumed) <= 8 + 1  # the window, whatever the input size
        assert list(it) == list(range(1, 200))


def test_timeout_kills_the_worker_and_the_run_goes_on():
    items = ["a", "slow", "b", "c", "d"]
    start = time.monotonic()
    with OrderedPool(slow_or_echo, 2, timeout=1.0, warmup=None) as pool:
        results = list(pool.map(items))
        assert pool.restarts == 1
    assert time.monotonic() - start < 20
    assert results[0] == "a" and results[2:] == ["b", "c", "d"]
    assert results[1] == Failure(1, "timed out after 1 s", TIMEOUT)


@pytest.mark.parametrize("how", ["kill", "segv", "exit"])
def test_a_dying_worker_costs_only_its_record(how):
    items = ["a", "b", how, "c", "d", "e", "f"]
    with OrderedPool(die_on, 2, timeout=30, warmup=None) as pool:
        results = list(pool.map(items))
    assert results[:2] == ["a", "b"] and results[3:] == ["c", "d", "e", "f"]
    assert isinstance(results[2], Failure) and results[2].index == 2 and results[2].reason == WORKER_DIED
    assert {"kill": "SIGKILL", "segv": "SIGSEGV", "exit": "exit code 7"}[how] in results[2].error


def test_a_worker_killed_from_outside_mid_record():
    with OrderedPool(slow_or_echo, 1, timeout=60, warmup=None) as pool:
        it = pool.map(["a", 30.0, "b"])
        assert next(it) == "a"
        time.sleep(0.5)  # the worker is now sleeping inside record 1
        os.kill(pool.workers[0].proc.pid, signal.SIGKILL)
        rest = list(it)
    assert rest[0].reason == WORKER_DIED and rest[0].index == 1
    assert rest[1] == "b"


def test_unexpected_exception_is_an_error_failure():
    with OrderedPool(boom, 1, warmup=None) as pool:
        results = list(pool.map(["x", "boom", "y"]))
    assert results[0] == "x" and results[2] == "y"
    assert results[1].reason == ERROR and "KeyError" in results[1].error


def test_a_task_the_workers_cannot_import_is_a_clear_error(monkeypatch):
    import sys
    import types

    ghost = types.ModuleType("ghost_module_only_in_the_parent")
    exec("def task(x):\n    return x\n", ghost.__dict__)
    monkeypatch.setitem(sys.modules, ghost.__name__, ghost)
    with pytest.raises(WorkerStartError, match="could not start.*ghost_module_only_in_the_parent"):
        with OrderedPool(ghost.task, 1, warmup=None) as pool:
            list(pool.map([1, 2]))


def test_a_task_that_cannot_be_pickled_fails_at_once():
    with pytest.raises(Exception, match="pickle"):
        OrderedPool(lambda x: x, 1)


def test_closing_early_leaves_no_worker_behind():
    with OrderedPool(echo, 2, warmup=None) as pool:
        it = pool.map(range(1000))
        next(it)
        pids = [w.proc.pid for w in pool.workers]
        it.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_in_process_timeout_uses_an_alarm():
    with OrderedPool(slow_or_echo, 0, timeout=0.5) as pool:
        results = list(pool.map(["a", "slow", "b"]))
    assert results[0] == "a" and results[2] == "b" and results[1].reason == TIMEOUT


def test_reset_caches_empties_trafilatura_caches():
    from trafilatura.utils import trim

    cleaner.clean("<html><body><article><p>" + "word " * 60 + "</p></article></body></html>")
    trim("something to cache")
    assert trim.cache_info().currsize > 0
    reset_caches()
    assert trim.cache_info().currsize == 0


def test_bad_arguments():
    with pytest.raises(ValueError):
        OrderedPool(echo, -1)
    with pytest.raises(ValueError):
        OrderedPool(echo, 1, timeout=0)
    with pytest.raises(ValueError):
        next(clean_many(["x"], kind="pdf"))


def test_no_module_imports_another_modules_private_names():
    """One home per concept: what two modules share is public in its home (``cleaner.pool.run_task``,
    ``cleaner.jsonl.dumps`` ...), never reached for as another module's ``_name``."""
    import ast
    from pathlib import Path

    package = Path(cleaner.__file__).parent
    crossings = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("cleaner")):
                crossings += [f"{path.relative_to(package)}: {alias.name}" for alias in node.names
                              if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert crossings == []


def test_the_documented_names_stay_importable_from_cleaner_stream():
    import cleaner.pool
    import cleaner.stream

    assert callable(cleaner.stream.clean_many)
    for name in ("Failure", "OrderedPool", "reset_caches", "TaskError", "WorkerStartError"):
        assert getattr(cleaner.stream, name) is getattr(cleaner.pool, name)


# ---- deaths at any moment, slow input, no files ------------------------------------------------------

def slow_warmup():
    time.sleep(1.0)


def noisy(x):
    import sys

    sys.stderr.write("warning: " * 200_000)  # far more than a pipe holds
    sys.stderr.flush()
    return x


def _kill_when(pool, ready_for, *, after=None):
    """In a thread: once ``ready_for(pool)`` holds, SIGKILL the first worker; the pid killed (or None)."""
    import threading

    killed = []

    def watch():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            workers = list(pool.workers)
            if workers and ready_for(pool, workers[0]):
                if after:
                    time.sleep(after)
                os.kill(workers[0].proc.pid, signal.SIGKILL)
                killed.append(workers[0].proc.pid)
                return
            time.sleep(0.01)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread, killed


def test_a_worker_killed_during_start_up_costs_nothing():
    with OrderedPool(echo, 1, timeout=30, warmup=slow_warmup) as pool:
        thread, killed = _kill_when(pool, lambda pool, w: not w.ready and w.proc.poll() is None, after=0.3)
        results = list(pool.map(["a", "b", "c"]))
        thread.join()
    assert killed and results == ["a", "b", "c"]


def test_the_replacement_after_a_timeout_killed_during_start_up():
    with OrderedPool(slow_or_echo, 1, timeout=1.0, warmup=slow_warmup) as pool:
        thread, killed = _kill_when(pool, lambda pool, w: pool.restarts == 1 and not w.ready, after=0.3)
        results = list(pool.map(["a", "slow", "b", "c"]))
        thread.join()
    assert killed
    assert results[0] == "a" and results[2:] == ["b", "c"]
    assert results[1] == Failure(1, "timed out after 1 s", TIMEOUT)


def test_a_worker_killed_while_a_large_item_is_sent_to_it():
    big = "x" * (64 << 20)
    with OrderedPool(echo, 1, timeout=30, warmup=None) as pool:
        def stop_then_kill(pool, w):
            if not w.ready:
                return False
            os.kill(w.proc.pid, signal.SIGSTOP)  # it takes in nothing more: the parent's send stalls
            return True

        thread, killed = _kill_when(pool, stop_then_kill, after=0.5)
        results = list(pool.map([big, "b", "c"]))
        thread.join()
    assert killed
    assert results[1:] == ["b", "c"]
    assert results[0] == big or (results[0].index, results[0].reason) == (0, WORKER_DIED)


def test_start_up_failing_every_time_is_a_clear_error():
    with pytest.raises(WorkerStartError, match="could not start"):
        with OrderedPool(echo, 1, warmup=os.abort) as pool:
            list(pool.map([1, 2]))


def test_a_worker_that_writes_much_to_stderr_never_blocks():
    with OrderedPool(noisy, 1, timeout=30, warmup=None) as pool:
        assert list(pool.map(["a", "b"])) == ["a", "b"]


def trickle(gap, items):
    for i, item in enumerate(items):
        if i:
            time.sleep(gap)
        yield item


def test_a_finished_result_never_waits_for_more_input():
    start = time.monotonic()
    with OrderedPool(echo, 1, timeout=30, warmup=None) as pool:
        it = pool.map(trickle(3.0, ["a", "b"]), read_in_thread=True)
        assert next(it) == "a"
        assert time.monotonic() - start < 2.5  # not held until "b" arrives
        assert list(it) == ["b"]


def test_timeouts_hold_while_the_input_is_slow():
    start = time.monotonic()
    with OrderedPool(slow_or_echo, 1, timeout=0.5, warmup=None) as pool:
        it = pool.map(trickle(3.5, ["slow", "b"]), read_in_thread=True)
        first = next(it)
        assert (first.reason, time.monotonic() - start < 2.5) == (TIMEOUT, True)
        assert list(it) == ["b"]


def test_an_input_error_reaches_the_caller_in_thread_mode():
    def broken():
        yield "a"
        raise KeyError("bad input")

    with OrderedPool(echo, 1, timeout=30, warmup=None) as pool:
        with pytest.raises(KeyError):
            list(pool.map(broken(), read_in_thread=True))


def test_the_pool_writes_no_file(tmp_path, monkeypatch):
    """Worker stderr comes back on a pipe: no temporary file, so no writable temp directory is needed."""
    import tempfile

    def no_temporary_files(*args, **kwargs):
        raise FileNotFoundError(2, "No usable temporary directory found")

    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp", "mkdtemp", "gettempdir"):
        monkeypatch.setattr(tempfile, name, no_temporary_files)
    with OrderedPool(echo, 2, timeout=30, warmup=None) as pool:
        assert list(pool.map(range(5))) == list(range(5))
