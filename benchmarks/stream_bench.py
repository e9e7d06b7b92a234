"""Acceptance figures for streams (issue 4) and process isolation (issue 5).  A benchmark, not a test.

    python benchmarks/stream_bench.py                 # everything (the 1 GB run takes a while)
    python benchmarks/stream_bench.py --big-mb 200    # a smaller memory run
    python benchmarks/stream_bench.py --only speed,corrupt

Figures, each with PASS/FAIL:
  speed    10,000 JSON Lines records through `cleaner --jsonl -j 2` vs `-j 1`: output order equals
           input order; throughput ratio (target >= 1.7 on a 2-core machine)
  memory   peak RSS of the whole process tree (cleaner + its workers, polled from /proc) while
           cleaning a ~1 GB JSON Lines input (target < 400 MB)
  flat     worker RSS over 100,000 small documents: growth between the 10% and the 100% marks
           (target < 50 MB: caches bounded/reset)
  corrupt  invalid JSON, a missing field, binary garbage and a 20 MB page mixed in: each gives its
           error line, every other record comes out cleaned, exit code 3
Pages come from /work/shared/bench/*/{text,html} when present, else are generated.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

CLEANER = [os.path.join(os.path.dirname(sys.executable), "cleaner")]


def load_pages(limit: int = 600) -> list[tuple[str, str]]:
    pages = []
    for path in sorted(glob.glob("/work/shared/bench/*/text/*.txt"))[: limit // 2]:
        with open(path, encoding="utf-8", errors="replace") as fh:
            pages.append(("text", fh.read()))
    for path in sorted(glob.glob("/work/shared/bench/*/html/*.html*"))[: limit // 2]:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as fh:
            pages.append(("html", fh.read().decode("utf-8", "replace")))
    if not pages:  # generated
        rng = random.Random(1)
        words = "the council voted on tuesday to approve new budget which includes funding for schools roads".split()
        for i in range(200):
            paras = ["<p>" + " ".join(rng.choice(words) for _ in range(40)) + ".</p>" for _ in range(8)]
            pages.append(("html", f"<html><head><title>Story {i}</title></head><body><nav>Home | News</nav>"
                                  f"<article><h1>Story {i}</h1>{''.join(paras)}</article></body></html>"))
    return pages


def write_jsonl(path: str, pages, n: int | None = None, size: int | None = None, small: bool = False) -> int:
    count = written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while (n is None or count < n) and (size is None or written < size):
            kind, page = pages[count % len(pages)]
            if small:
                page = page[:1500]
            line = json.dumps({"id": count, "url": f"https://example.com/{count}", kind: page}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def tree_rss(pid: int) -> int:
    """RSS in bytes of pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run(args: list[str], stdin_path: str, stdout=subprocess.PIPE, poll: list | None = None):
    with open(stdin_path, "rb") as fin:
        start = time.monotonic()
        proc = subprocess.Popen(CLEANER + args, stdin=fin, stdout=stdout, stderr=subprocess.PIPE)
        peak = [0]
        samples = poll if poll is not None else []
        done = threading.Event()

        def watch():
            while not done.is_set():
                rss = tree_rss(proc.pid)
                peak[0] = max(peak[0], rss)
                samples.append((time.monotonic() - start, rss))
                done.wait(0.2)

        t = threading.Thread(target=watch, daemon=True)
        t.start()
        out, err = proc.communicate() if stdout == subprocess.PIPE else (None, proc.communicate()[1])
        done.set()
        t.join()
    return proc.returncode, out, err, time.monotonic() - start, peak[0]


def figure(name: str, ok: bool, text: str) -> bool:
    print(f"[{'PASS' if ok else 'FAIL'}] {name}: {text}", flush=True)
    return ok


def bench_speed(tmp: str, pages) -> bool:
    path = os.path.join(tmp, "10k.jsonl")
    n = write_jsonl(path, pages, n=10_000)
    mb = os.path.getsize(path) / 1e6
    print(f"speed: {n} records, {mb:.1f} MB", flush=True)
    times, orders = {}, {}
    for jobs in (1, 2):
        rc, out, err, secs, _ = run(["--jsonl", "-j", str(jobs), "--quiet"], path)
        ids = [json.loads(line)["id"] for line in out.splitlines()]
        times[jobs], orders[jobs] = secs, ids
        nerr = sum(b'"error"' in line for line in out.splitlines())
        print(f"  -j {jobs}: {secs:.1f} s, {n / secs:.1f} records/s, exit {rc}, {nerr} error lines", flush=True)
    ok_order = all(orders[j] == list(range(n)) for j in (1, 2))
    ratio = times[1] / times[2]
    a = figure("order", ok_order, "output order equals input order for -j 1 and -j 2")
    b = figure("throughput", ratio >= 1.7, f"-j 2 / -j 1 = {ratio:.2f}x (target >= 1.7x)")
    return a and b


def bench_memory(tmp: str, pages, big_mb: int) -> bool:
    path = os.path.join(tmp, "big.jsonl")
    n = write_jsonl(path, pages, size=big_mb * 1_000_000)
    size = os.path.getsize(path)
    print(f"memory: {n} records, {size / 1e6:.0f} MB input", flush=True)
    with open(os.devnull, "wb") as devnull:
        rc, _, err, secs, peak = run(["--jsonl", "-j", "2", "--quiet"], path, stdout=devnull)
    print(f"  {secs:.0f} s, {size / 1e6 / secs:.2f} MB/s, exit {rc}", flush=True)
    os.unlink(path)
    return figure("peak memory", peak < 400e6 and rc in (0, 3),
                  f"process tree peak RSS {peak / 1e6:.0f} MB for {size / 1e6:.0f} MB (target < 400 MB)")


def bench_flat(tmp: str, pages, n: int) -> bool:
    path = os.path.join(tmp, "small.jsonl")
    write_jsonl(path, pages, n=n, small=True)
    samples: list = []
    with open(os.devnull, "wb") as devnull:
        rc, _, err, secs, peak = run(["--jsonl", "-j", "2", "--quiet"], path, stdout=devnull, poll=samples)
    os.unlink(path)
    if len(samples) < 10:
        return figure("flat memory", False, "run too short to sample")
    tenth = max(rss for t, rss in samples[len(samples) // 10 - 1: len(samples) // 10 + 2])
    last = max(rss for t, rss in samples[-5:])
    growth = last - tenth
    print(f"  {n} small documents in {secs:.0f} s ({n / secs:.0f}/s); tree RSS at 10%: {tenth / 1e6:.0f} MB, "
          f"at the end: {last / 1e6:.0f} MB, peak {peak / 1e6:.0f} MB", flush=True)
    return figure("flat memory", growth < 50e6 and rc in (0, 3), f"RSS growth after warm-up {growth / 1e6:+.0f} MB "
                  f"over {n} documents (target < 50 MB)")


def bench_corrupt(tmp: str, pages) -> bool:
    path = os.path.join(tmp, "corrupt.jsonl")
    bad = {}
    with open(path, "wb") as fh:
        line = 0
        for i in range(60):
            kind, page = pages[i % len(pages)]
            fh.write((json.dumps({"id": i, kind: page}) + "\n").encode())
            line += 1
            if i == 10:
                fh.write(b'{"id": "bad-json", "html": "<p>unterminated\n'); line += 1; bad[line] = "invalid JSON"
            if i == 20:
                fh.write(b'{"id": "no-field", "body": "x"}\n'); line += 1; bad[line] = "no 'html'"
            if i == 30:
                fh.write(bytes(random.Random(3).randrange(256) for _ in range(5000)).replace(b"\n", b"") + b"\n")
                line += 1
                bad[line] = "invalid JSON"
            if i == 40:
                para = "<p>The council voted on Tuesday to approve the budget for schools and roads in region {}.</p>"
                n = 20_000_000 // len(para)  # distinct paragraphs: repeated ones are dropped cheaply, in 2 s
                huge = "<html><body><article>" + "".join(para.format(k) for k in range(n)) + "</article></body></html>"
                fh.write((json.dumps({"id": "huge", "html": huge}) + "\n").encode()); line += 1
                bad[line] = "timed out"
    rc, out, err, secs, peak = run(["--jsonl", "-j", "2", "--quiet", "--timeout", "5"], path)
    rows = [json.loads(l) for l in out.splitlines()]
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    cleaned = [r for r in rows if "cleaned" in r]
    ok = (set(errors) == set(bad) and all(bad[k] in errors[k] for k in bad) and len(cleaned) == 60
          and [r["id"] for r in cleaned] == list(range(60)) and rc == 3 and not err)
    for k in sorted(errors):
        print(f"  line {k}: {errors[k]}")
    return figure("corrupt lines", ok, f"{len(errors)} error lines (expected {len(bad)}), {len(cleaned)}/60 cleaned "
                  f"in order, exit {rc}, stderr {'empty' if not err else repr(err[:200])}, {secs:.0f} s")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--big-mb", type=int, default=1024)
    p.add_argument("--small", type=int, default=100_000)
    p.add_argument("--only", default="speed,corrupt,flat,memory")
    args = p.parse_args()
    pages = load_pages()
    print(f"{len(pages)} source pages; {os.cpu_count()} cores", flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            if name == "speed":
                results.append(bench_speed(tmp, pages))
            elif name == "corrupt":
                results.append(bench_corrupt(tmp, pages))
            elif name == "flat":
                results.append(bench_flat(tmp, pages, args.small))
            elif name == "memory":
                results.append(bench_memory(tmp, pages, args.big_mb))
    print("ALL PASS" if all(results) else "SOME FAIL")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
