"""Folders and several files: `cleaner DIR -o OUT -j 2`, several inputs on stdout, the progress and summary
lines (through a pseudo-terminal), -j auto.  Real subprocesses."""
from __future__ import annotations

import json
import os
import pty
import random
import select
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.pool import available_cpus
from cleaner.progress import Progress, counted

from samples import ARTICLE

CLEANER = [sys.executable, "-m", "cleaner"]
HTML = ("<html><head><title>Budget {i} approved</title></head><body><nav>Home | News</nav><article><h1>Budget {i} "
        "approved</h1><p>The council voted on Tuesday to approve budget {i}, which includes funding for schools and "
        "roads across the region.</p><p>Officials said plan {i} would take effect next year after a review.</p>"
        "</article></body></html>")


def mixed_folder(root: Path) -> dict[str, str]:
    """100 pages in nested folders: HTML and text, UTF-8 and windows-1250, some undecodable, one binary, one
    empty; -> relative path: what its outcome must be ('ok' or 'error')."""
    rng = random.Random(17)
    outcome = {}
    for i in range(100):
        sub = root / f"site{i % 3}" / ("deep" if i % 5 == 0 else "")
        sub.mkdir(parents=True, exist_ok=True)
        if i == 13:
            name, data, what = f"image{i}.html", b"\x89PNG\r\n\x1a\n" + rng.randbytes(300), "error"
        elif i == 42:
            name, data, what = f"empty{i}.html", b"", "error"
        elif i % 17 == 5:  # undecodable: random bytes
            name, data, what = f"noise{i}.html", rng.randbytes(2000), "error"
        elif i % 2:
            name, data, what = f"page{i}.html", HTML.format(i=i).encode("cp1250" if i % 4 == 1 else "utf-8"), "ok"
        else:
            name, data, what = f"text{i}.txt", ARTICLE.encode("utf-8"), "ok"
        (sub / name).write_bytes(data)
        outcome[str((sub / name).relative_to(root))] = what
    return outcome


def test_a_folder_of_100_mixed_pages_with_output_dir_and_two_jobs(tmp_path: Path) -> None:
    src, out = tmp_path / "crawl", tmp_path / "clean"
    outcome = mixed_folder(src)
    proc = subprocess.run([*CLEANER, "-o", str(out), "-j", "2", "--format", "json", str(src)], capture_output=True,
                          timeout=300)
    assert proc.returncode == 2  # some inputs could not be cleaned
    errors = proc.stderr.decode().splitlines()
    failed = sorted(rel for rel, what in outcome.items() if what == "error")
    assert len(errors) == len(failed) and all(line.startswith("cleaner: ") for line in errors)
    for rel in failed:
        assert sum(str(src / rel) in line for line in errors) == 1, rel
        assert not (out / rel).with_suffix(".json").exists()
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted(str(Path(rel).with_suffix(".json")) for rel, what in outcome.items() if what == "ok")
    page = json.loads((out / "site1" / "page1.json").read_text(encoding="utf-8"))
    assert page["title"] == "Budget 1 approved" and page["paragraphs"][0].startswith("The council voted")
    assert "file" not in page  # the file's own name says which input it is


def test_several_inputs_on_stdout_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(HTML.format(i=1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([*CLEANER, "-j", "1", str(tmp_path / "a.html"), str(tmp_path / "b.txt")],
                          capture_output=True, timeout=120)
    text = proc.stdout.decode()
    assert proc.returncode == 0 and text.startswith(f"==> {tmp_path / 'a.html'} <==\nBudget 1 approved\n")
    assert f"\n\n==> {tmp_path / 'b.txt'} <==\n" in text
    proc = subprocess.run([*CLEANER, "--format", "json", str(tmp_path)], capture_output=True, timeout=120)
    assert [json.loads(line)["file"] for line in proc.stdout.splitlines()] == [str(tmp_path / "a.html"),
                                                                               str(tmp_path / "b.txt")]


def test_two_inputs_with_one_output_name_and_an_output_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.html").write_text(HTML.format(i=1), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([*CLEANER, "-o", str(out), str(tmp_path / "x" / "a.html"), str(tmp_path / "a.txt")],
                          capture_output=True, timeout=120)
    assert proc.returncode == 2 and b"already" in proc.stderr and (out / "a.txt").read_text().startswith("Budget 1")
    proc = subprocess.run([*CLEANER, "-o", str(tmp_path / "a.txt"), str(tmp_path / "x")], capture_output=True,
                          timeout=60)
    assert proc.returncode == 2 and proc.stderr.startswith(b"cleaner: -o ") and b"not a folder" in proc.stderr


def _on_a_terminal(args: list[str], stdin: bytes | None = None, timeout: float = 120) -> tuple[int, str]:
    """Run with stderr (and stdin when ``stdin`` is None) on a pseudo-terminal; the exit status and what it showed."""
    main, side = pty.openpty()
    proc = subprocess.Popen(args, stdin=side if stdin is None else subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=side)
    os.close(side)
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return proc.wait(timeout=timeout), shown.decode("utf-8", "replace")


def test_progress_and_summary_on_a_terminal(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"p{i}.html").write_text(HTML.format(i=i), encoding="utf-8")
    (tmp_path / "menu.txt").write_text("Home\nNews\nSport\n", encoding="utf-8")
    code, shown = _on_a_terminal([*CLEANER, "-o", str(tmp_path / "out"), "-j", "1", str(tmp_path)])
    assert code == 1
    assert "cleaner: 4 files in 0:0" in shown and ": 3 cleaned, 1 without article content, 0 failed" in shown


def test_bare_cleaner_on_a_terminal_says_it_reads_stdin() -> None:
    main, side = pty.openpty()
    proc = subprocess.Popen(CLEANER, stdin=side, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 60)
        assert ready
        assert proc.stderr.readline().startswith(b"cleaner: reading a page from standard input")
        os.write(main, ARTICLE.encode() + b"\n\x04")
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        os.close(main)
        os.close(side)


def test_progress_line_grammar_total_percentage_and_eta() -> None:
    assert (counted(1, "record"), counted(2, "record"), counted(1000, "file")) == ("1 record", "2 records",
                                                                                    "1,000 files")
    p = Progress(False, "file", total=4)
    p.start -= 10
    p.tick("ok")
    assert p.line() == "1/4 files (25%), 0.1 files/s, ETA 0:30"
    p = Progress(False, "record", fraction=lambda: 0.5)
    p.start -= 60
    p.tick("failed")
    assert p.line() == "1 record (50%), 0.0 records/s, ETA 1:00, 1 failed"
    assert Progress(False).line() == "0 records, 0.0 records/s"  # from a pipe: no total
    assert p.summary().startswith("1 record in 1:00: 0 cleaned, 0 without article content, 1 failed")


def test_jobs_auto_is_the_cpus_this_process_may_use() -> None:
    code = ("import os; os.sched_setaffinity(0, {0}); from cleaner.pool import available_cpus, OrderedPool; "
            "print(available_cpus(), OrderedPool(abs).jobs)")
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("no CPU affinity here")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["1", "1"]
    assert available_cpus() == len(os.sched_getaffinity(0))
