#!/usr/bin/env python3
"""Speed benchmark: cleaner against a peer measured in the same run, as ratios.

Usage (from any directory):

    python benchmarks/perf.py [DATA_DIR] [--quick] [--sections html,text,startup,growth,against]
                              [--against TREE] [--json FILE] [--strict]

Machines are shared and noisy, so every figure is the median of several runs with the
min and max beside it, and each target is checked against a ratio to a peer timed in the
same run where the target is a ratio.  Sections needing the benchmark data (DATA_DIR,
default ``../shared/bench`` relative to the repository root) are skipped with a message
when it is absent; the growth section then uses synthetic inputs.

The ``against`` section times this checkout beside an older one (``--against TREE``, a source tree of
cleaner, e.g. ``git worktree add /tmp/before 874b303`` for the code before issue 14), each in its own process,
alternating, over the same pages, and checks issue 14's limit: no slowdown beyond 1.5x.

Exit status is 0 unless --strict is given and a section FAILs (or errors).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"

SECTIONS = ("html", "text", "startup", "growth", "against")

# targets (from the "Speed" and reliability issues)
HTML_RATIO_MAX = 0.6       # cleaner html time / trafilatura bare_extraction time
TEXT_MBS_MIN = 10.0        # MB/s per core on text
TEXT_SCAN_RATIO_MAX = 3.0  # cleaner text time / bare regex line scan time
START_RATIO_MAX = 2.5      # `cleaner < small.txt` / `python -c pass`
START_MS_MAX = 150.0
VERSION_MS_MAX = 100.0
GROWTH_TIME_RATIO_MAX = 12.0  # time(10 MB) / time(1 MB)
GROWTH_MEM_RATIO_MAX = 10.0   # peak memory above baseline / input size
AGAINST_RATIO_MAX = 1.5    # this checkout's time / an older checkout's (--against), same pages, same run

MB = 1_000_000


def _ensure_repo_on_path():
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


def mmm(values):
    """(median, min, max) of a list of numbers."""
    return statistics.median(values), min(values), max(values)


def fmt_mmm(values, spec="%.2f", unit=""):
    med, lo, hi = mmm(values)
    return ("%s%s (min %s, max %s)" % (spec % med, unit, spec % lo, spec % hi))


def mark(ok):
    return "[PASS]" if ok else "[FAIL]"


class Report:
    def __init__(self):
        self.verdicts = {}
        self.figures = {}

    def verdict(self, section, ok, why=""):
        prev = self.verdicts.get(section)
        self.verdicts[section] = ("FAIL" if (prev == "FAIL" or not ok) else "PASS")
        print("%s %s%s" % (mark(ok), section, (": " + why) if why else ""))

    def skip(self, section, why):
        self.verdicts[section] = "SKIP"
        print("[SKIP] %s: %s" % (section, why))

    def error(self, section, why):
        self.verdicts[section] = "ERROR"
        print("[ERROR] %s: %s" % (section, why))


# --------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------

def load_html_pages(data_dir: Path, setname: str, step: int = 1):
    """[(id, bytes, url)] of an html set (every `step`-th page in sorted order)."""
    folder = data_dir / setname
    out = []
    if (folder / "ground-truth.json").exists():  # news-html, web-html
        gt = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        items = [(k, folder / "html" / (k + ".html.gz"), gt[k].get("url")) for k in sorted(gt)]
    else:
        ev = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
        items = [(k, folder / "html" / (ev[k]["file"] + ".gz"),
                  k if k.startswith(("http://", "https://")) else None) for k in sorted(ev)]
    for i, (pid, path, url) in enumerate(items):
        if i % step or not path.exists():
            continue
        with gzip.open(path, "rb") as fh:
            out.append((pid, fh.read(), url))
    return out


def load_texts(data_dir: Path, setname: str = "news-pagetext"):
    folder = data_dir / setname / "text"
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]


def news_bodies(data_dir: Path):
    path = data_dir / "news-html" / "ground-truth.json"
    if not path.exists():
        return []
    gt = json.loads(path.read_text(encoding="utf-8"))
    return [gt[k].get("articleBody") or "" for k in sorted(gt)]


_WORDS = ("the of and to in a is that for it as was with be by on not he this are or his "
          "from at which but have an they you were her she there been one all we their has "
          "would when if so no will more about up out who get them into said market city "
          "council report people government year week police school water season").split()


def synthetic_paragraphs(n: int, seed: int = 7):
    rnd = random.Random(seed)
    paras = []
    for _ in range(n):
        sents = []
        for _ in range(rnd.randint(2, 5)):
            words = [rnd.choice(_WORDS) for _ in range(rnd.randint(8, 22))]
            sents.append(" ".join(words).capitalize() + ".")
        paras.append(" ".join(sents))
    return paras


def vary(line: str, k: int) -> str:
    """Copy number `k` of a line: from k >= 1, a number goes in the middle of lines of 4+ words,
    so repeated copies are not exact duplicates (which a cleaner may rightly drop as
    boilerplate), while short lines (menus) stay repeated and sentence ends are kept."""
    if k == 0:
        return line
    words = line.split(" ")
    if len(words) < 4:
        return line
    words.insert(len(words) // 2, str(k))
    return " ".join(words)


def grow_text(texts, size: int) -> str:
    """Concatenate texts (copies varied by `vary`) until `size` UTF-8 bytes, cut at a line end."""
    parts, n, i = [], 0, 0
    while n < size:
        k, t = divmod(i, len(texts))
        t = "\n".join(vary(ln, k) for ln in texts[t].splitlines()) + "\n"
        i += 1
        parts.append(t)
        n += len(t.encode("utf-8"))
    s = "".join(parts)
    b = s.encode("utf-8")[:size]
    s = b.decode("utf-8", errors="ignore")
    return s[: s.rfind("\n") + 1] if "\n" in s else s


def grow_html(paragraphs, size: int) -> bytes:
    """One news-like page of about `size` bytes: menu, a long article of paragraphs, footer."""
    head = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>A long article - Example News</title></head><body>"
            "<header><nav><ul>" + "".join('<li><a href="/s%d">Section %d</a></li>' % (i, i)
                                          for i in range(12)) + "</ul></nav></header>"
            "<main><article><h1>A long article</h1><p class=\"byline\">By A. Writer</p>")
    foot = ("</article><aside><h2>Most read</h2><ul>" +
            "".join('<li><a href="/r%d">Other story number %d</a></li>' % (i, i) for i in range(10)) +
            "</ul></aside></main><footer><p>Copyright Example News. All rights reserved.</p>"
            "</footer></body></html>")
    budget = size - len(head.encode()) - len(foot.encode())
    chunks, n, i = [], 0, 0
    while n < budget:
        k, j = divmod(i, len(paragraphs))
        p = vary(paragraphs[j], k)
        i += 1
        c = "<p>%s</p>\n" % escape(p)
        if i % 25 == 0:
            c = "<h2>Part %d</h2>\n" % (i // 25) + c
        chunks.append(c)
        n += len(c.encode("utf-8"))
    return (head + "".join(chunks) + foot).encode("utf-8")


# --------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------

def section_html(rep: Report, data_dir: Path, quick: bool):
    name = "html path (cleaner vs trafilatura.bare_extraction)"
    print("\n== HTML path: per-page median time, cleaner.clean(kind='html') vs "
          "trafilatura.bare_extraction(with_metadata=True); target ratio <= %.1fx" % HTML_RATIO_MAX)
    if not data_dir.is_dir():
        return rep.skip(name, "benchmark data not found at %s" % data_dir)
    _ensure_repo_on_path()
    import cleaner
    import trafilatura

    runs = 3 if quick else 5
    step = 4 if quick else 1
    sets = {}
    for s in ("news-html", "multi-html", "web-html"):
        if (data_dir / s).is_dir():  # web-html: 1,497 pages of all kinds, read every 4th
            sets[s] = load_html_pages(data_dir, s, step * (4 if s == "web-html" else 1))
    if not sets:
        return rep.skip(name, "no html set in %s" % data_dir)

    def c_call(data, url):
        cleaner.clean(data, kind="html", url=url)

    def t_call(data, url):
        trafilatura.bare_extraction(data, url=url, with_metadata=True)

    warm = [p for pages in sets.values() for p in pages[:3]]
    for _pid, data, url in warm:
        for f in (c_call, t_call):
            try:
                f(data, url)
            except Exception:
                pass
    per = {s: {"c": [], "t": [], "ratio": []} for s in sets}
    per["all"] = {"c": [], "t": [], "ratio": []}
    errors = {"c": 0, "t": 0}
    err_sample = []
    for run in range(runs):
        all_c, all_t = [], []
        for s, pages in sets.items():
            cs, ts = [], []
            for _pid, data, url in pages:
                order = ((c_call, cs, "c"), (t_call, ts, "t"))
                if run % 2:
                    order = order[::-1]  # alternate who goes first
                for f, bucket, key in order:
                    t0 = time.perf_counter()
                    try:
                        f(data, url)
                    except Exception as exc:
                        if run == 0:
                            errors[key] += 1
                            if key == "c" and len(err_sample) < 3:
                                err_sample.append("%s: %s: %s" % (_pid[:40], type(exc).__name__, str(exc)[:120]))
                    bucket.append(time.perf_counter() - t0)
            all_c += cs
            all_t += ts
            mc, mt = statistics.median(cs), statistics.median(ts)
            per[s]["c"].append(1000 * mc)
            per[s]["t"].append(1000 * mt)
            per[s]["ratio"].append(mc / mt)
        mc, mt = statistics.median(all_c), statistics.median(all_t)
        per["all"]["c"].append(1000 * mc)
        per["all"]["t"].append(1000 * mt)
        per["all"]["ratio"].append(mc / mt)
    print("%d runs over %s pages%s" % (runs, " + ".join("%d %s" % (len(p), s) for s, p in sets.items()),
                                       " (every %dth page, web-html every %dth)" % (step, 4 * step)))
    ok_all = True
    for s, d in per.items():
        ratio = statistics.median(d["ratio"])
        ok = ratio <= HTML_RATIO_MAX
        ok_all &= ok
        print("  %-10s cleaner %s | trafilatura %s | ratio %s  %s" % (
            s, fmt_mmm(d["c"], "%.1f", " ms"), fmt_mmm(d["t"], "%.1f", " ms"),
            fmt_mmm(d["ratio"], "%.2f", "x"), mark(ok)))
    if errors["c"] or errors["t"]:
        print("  errors in one pass: cleaner %d, trafilatura %d" % (errors["c"], errors["t"]))
        for e in err_sample:
            print("    cleaner error " + e)
    rep.figures["html"] = per
    rep.verdict(name, ok_all, "median ratio %.2fx over all pages (target <= %.1fx)"
                % (statistics.median(per["all"]["ratio"]), HTML_RATIO_MAX))


LINE_SCAN_RE = re.compile(r"[.!?\"'\u201d\u2019]\s*$")


def bare_scan(text: str):
    """The peer of the text path: split lines, one compiled-regex search per line, collect."""
    search = LINE_SCAN_RE.search
    return [ln for ln in text.splitlines() if search(ln)]


def section_text(rep: Report, data_dir: Path, quick: bool):
    name = "text path (MB/s, and vs a bare regex line scan)"
    print("\n== Text path: MB/s of cleaner.clean(kind='text') on news-pagetext; target >= %.0f MB/s "
          "per core and <= %.0fx a bare line scan (splitlines + one re.search per line)"
          % (TEXT_MBS_MIN, TEXT_SCAN_RATIO_MAX))
    if not (data_dir / "news-pagetext").is_dir():
        return rep.skip(name, "benchmark data not found at %s" % (data_dir / "news-pagetext"))
    _ensure_repo_on_path()
    import cleaner

    texts = load_texts(data_dir)
    size = sum(len(t.encode("utf-8")) for t in texts)
    runs = 3 if quick else 7
    for t in texts[:3]:
        cleaner.clean(t, kind="text")
    mbs, scan_mbs, ratios, errors = [], [], [], 0
    for run in range(runs):
        tc = ts = 0.0
        for t in texts:
            t0 = time.perf_counter()
            try:
                cleaner.clean(t, kind="text")
            except Exception:
                if run == 0:
                    errors += 1
            t1 = time.perf_counter()
            bare_scan(t)
            t2 = time.perf_counter()
            tc += t1 - t0
            ts += t2 - t1
        mbs.append(size / MB / tc)
        scan_mbs.append(size / MB / ts)
        ratios.append(tc / ts)
    print("%d runs over %d texts, %.2f MB" % (runs, len(texts), size / MB))
    ok_speed = statistics.median(mbs) >= TEXT_MBS_MIN
    ok_ratio = statistics.median(ratios) <= TEXT_SCAN_RATIO_MAX
    print("  cleaner    %s  %s" % (fmt_mmm(mbs, "%.1f", " MB/s"), mark(ok_speed)))
    print("  bare scan  %s" % fmt_mmm(scan_mbs, "%.1f", " MB/s"))
    print("  time ratio cleaner / bare scan  %s  %s" % (fmt_mmm(ratios, "%.1f", "x"), mark(ok_ratio)))
    if errors:
        print("  cleaner raised on %d text(s)" % errors)
    rep.figures["text"] = {"cleaner_mbs": mbs, "scan_mbs": scan_mbs, "ratio": ratios, "errors": errors}
    rep.verdict(name, ok_speed and ok_ratio, "%.1f MB/s, %.1fx the scan"
                % (statistics.median(mbs), statistics.median(ratios)))


SMALL_TEXT = """Home | World | Business | Sport
Sign in
City council approves new budget for parks
The city council voted on Tuesday to approve a budget that doubles the money spent on parks and playgrounds over the next two years.
"This is a good day for families," the mayor said after the vote, which passed by seven votes to two.
Opponents argued that the plan would delay repairs to roads and bridges that have been waiting for funding since 2019.
The budget takes effect in January.
Share this article
Copyright 2024 Example News. All rights reserved.
"""


def find_cleaner_exe():
    exe = Path(sys.executable).parent / "cleaner"
    if exe.exists():
        return str(exe)
    return shutil.which("cleaner")


def _time_proc(cmd, stdin_path=None):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
    finally:
        if stdin_path:
            stdin.close()
    return dt * 1000, p.returncode, p.stderr.decode("utf-8", "replace")[-300:]


def section_startup(rep: Report, quick: bool):
    name = "start-up in a pipe"
    print("\n== Start-up: whole-process time of `cleaner < small.txt` vs `python -c pass` "
          "(target <= %.1fx and <= %.0f ms) and `cleaner --version` (target <= %.0f ms)"
          % (START_RATIO_MAX, START_MS_MAX, VERSION_MS_MAX))
    exe = find_cleaner_exe()
    if not exe:
        return rep.skip(name, "no `cleaner` executable next to %s (pip install -e the repo)" % sys.executable)
    reps = 10 if quick else 30
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text(SMALL_TEXT, encoding="utf-8")
        py, pipe, ver = [], [], []
        rc_pipe = rc_ver = None
        err_pipe = ""
        for _ in range(2):  # warm the file cache
            _time_proc([sys.executable, "-c", "pass"])
            _time_proc([exe, "--version"])
        for _ in range(reps):
            py.append(_time_proc([sys.executable, "-c", "pass"])[0])
            ms, rc_pipe, err_pipe = _time_proc([exe], small)
            pipe.append(ms)
            ms, rc_ver, _ = _time_proc([exe, "--version"])
            ver.append(ms)
    ratios = [b / a for a, b in zip(py, pipe)]
    med_pipe, med_ver = statistics.median(pipe), statistics.median(ver)
    ratio = med_pipe / statistics.median(py)
    ok_pipe = ratio <= START_RATIO_MAX and med_pipe <= START_MS_MAX
    ok_ver = med_ver <= VERSION_MS_MAX
    print("%d repetitions, executable %s" % (reps, exe))
    print("  python -c pass       %s" % fmt_mmm(py, "%.1f", " ms"))
    print("  cleaner < small.txt  %s  exit %s  %s" % (fmt_mmm(pipe, "%.1f", " ms"), rc_pipe, mark(med_pipe <= START_MS_MAX)))
    print("  ratio                %.2fx (per-repetition: %s)  %s" % (ratio, fmt_mmm(ratios, "%.2f", "x"),
                                                                    mark(ratio <= START_RATIO_MAX)))
    print("  cleaner --version    %s  exit %s  %s" % (fmt_mmm(ver, "%.1f", " ms"), rc_ver, mark(ok_ver)))
    if rc_pipe:
        print("  note: `cleaner < small.txt` exited %s: %s" % (rc_pipe, err_pipe.strip()))
    rep.figures["startup"] = {"python_ms": py, "pipe_ms": pipe, "version_ms": ver}
    rep.verdict(name, ok_pipe and ok_ver, "pipe %.0f ms (%.2fx python), --version %.0f ms"
                % (med_pipe, ratio, med_ver))


_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[4])
path, kind, reps, tool = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[5]
if tool == "cleaner":
    import cleaner
    def run(data):
        return len(cleaner.clean(data, kind=kind).text)
else:  # the html peer
    import trafilatura
    def run(data):
        doc = trafilatura.bare_extraction(data, with_metadata=True)
        return len(doc.text or "") if doc is not None else 0
warm = "<html><body><p>Warm up the cleaner with a short page of text, nothing more.</p></body></html>"
run(warm if kind == "html" else "Warm up the cleaner with a short text.\n")
import gc
gc.collect()
def status_kb(field):
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
# Peak memory of the processing alone: reset the kernel's high-water mark (Linux >= 4.0),
# take the current RSS as baseline, read the high-water mark after. Elsewhere fall back to
# ru_maxrss (which may hide a peak lower than one reached during import).
try:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    hwm = status_kb("VmHWM") is not None
except OSError:
    hwm = False
base = status_kb("VmRSS") if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open(path, "rb") as fh:
    data = fh.read()
if kind == "text":
    data = data.decode("utf-8")
times, out = [], 0
for _ in range(reps):
    t0 = time.perf_counter()
    out = run(data)
    times.append(time.perf_counter() - t0)
peak = status_kb("VmHWM") if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"times": times, "base_kb": base, "peak_kb": peak, "out_chars": out,
                  "method": "VmHWM reset" if hwm else "ru_maxrss"}))
"""


def run_child(path: Path, kind: str, reps: int, timeout: float, tool: str = "cleaner"):
    cmd = [sys.executable, "-c", _CHILD, str(path), kind, str(reps), str(REPO), tool]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %.0f s" % timeout
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace").strip()[-600:])
    try:
        return json.loads(p.stdout.decode().strip().splitlines()[-1]), None
    except Exception as exc:  # noqa: BLE001
        return None, "unreadable child output (%s): %r" % (exc, p.stdout[-200:])


def section_growth(rep: Report, data_dir: Path, quick: bool):
    name = "growth 1 MB -> 10 MB"
    print("\n== Growth: time and peak memory (a child process's peak RSS, above its RSS with "
          "cleaner imported and warmed up, before reading the input) for 1 MB and 10 MB inputs; "
          "targets: time(10 MB)/time(1 MB) <= %.0fx, memory above baseline <= %.0fx the input"
          % (GROWTH_TIME_RATIO_MAX, GROWTH_MEM_RATIO_MAX))
    reps = 1 if quick else 3
    have_data = data_dir.is_dir()
    texts = load_texts(data_dir) if (data_dir / "news-pagetext").is_dir() else []
    paras = [p.strip() for b in news_bodies(data_dir) for p in b.split("\n") if p.strip()] if have_data else []
    if not texts or not paras:
        print("benchmark data not found at %s: synthetic inputs" % data_dir)
        syn = synthetic_paragraphs(400)
        if not texts:
            texts = ["Home\nNews\nSport\n" + "\n".join(syn[i:i + 12]) + "\nShare this\nCopyright\n"
                     for i in range(0, 400, 12)]
        if not paras:
            paras = syn
    ok_all = True
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("text", "html"):
            row = {}
            for size in (1 * MB, 10 * MB):
                path = Path(tmp) / ("in-%s-%d" % (kind, size))
                if kind == "text":
                    path.write_bytes(grow_text(texts, size).encode("utf-8"))
                else:
                    path.write_bytes(grow_html(paras, size))
                nbytes = path.stat().st_size
                res, err = run_child(path, kind, reps, timeout=300 if quick else 600)
                if err:
                    print("  %-4s %5.1f MB  ERROR %s" % (kind, nbytes / MB, err))
                    row[size] = None
                    ok_all = False
                    continue
                t = statistics.median(res["times"])
                mem = max(0, res["peak_kb"] - res["base_kb"]) * 1024
                mem_ratio = mem / nbytes
                ok_mem = mem_ratio <= GROWTH_MEM_RATIO_MAX
                ok_all &= ok_mem
                row[size] = (t, mem, nbytes)
                print("  %-4s %5.1f MB  cleaner     time %s  peak above baseline %6.1f MB = %5.1fx input  %s"
                      "  (output %d chars)"
                      % (kind, nbytes / MB, fmt_mmm([x * 1000 for x in res["times"]], "%.0f", " ms"),
                         mem / MB, mem_ratio, mark(ok_mem), res["out_chars"]))
                if kind == "html" and (size == MB or not quick):  # the peer, for scale (no target)
                    pres, perr = run_child(path, kind, reps, timeout=300 if quick else 600, tool="trafilatura")
                    if perr:
                        print("  %-4s %5.1f MB  trafilatura ERROR %s" % (kind, nbytes / MB, perr))
                    else:
                        pmem = max(0, pres["peak_kb"] - pres["base_kb"]) * 1024
                        print("  %-4s %5.1f MB  trafilatura time %s  peak above baseline %6.1f MB = %5.1fx input"
                              "          (output %d chars)"
                              % (kind, nbytes / MB, fmt_mmm([x * 1000 for x in pres["times"]], "%.0f", " ms"),
                                 pmem / MB, pmem / nbytes, pres["out_chars"]))
            if row.get(MB) and row.get(10 * MB):
                tr = row[10 * MB][0] / row[MB][0]
                ok = tr <= GROWTH_TIME_RATIO_MAX
                ok_all &= ok
                print("  %-4s time 10 MB / 1 MB = %.1fx  %s" % (kind, tr, mark(ok)))
            results[kind] = {str(k): v for k, v in row.items()}
    rep.figures["growth"] = results
    rep.verdict(name, ok_all)


# --------------------------------------------------------------------------------------

# --------------------------------------------------------------------------------------
# Against an older checkout: the same pages in alternating processes
# --------------------------------------------------------------------------------------

AGAINST_WORKLOADS = (("web-html", "html", 3), ("news-html", "html", 1), ("news-pagetext", "text", 1))

# Run in a child process with the tree to time first on sys.path; prints process CPU ms per page of a
# second pass (the first warms caches and lazy loads).
AGAINST_CHILD = r"""
import importlib.util, os, sys, time
tree, perf_py, data_dir, setname, kind, step = sys.argv[1:7]
sys.path.insert(0, tree)
import cleaner
if not os.path.abspath(cleaner.__file__).startswith(os.path.abspath(tree) + os.sep):
    sys.exit("cleaner was imported from %s, not from %s" % (cleaner.__file__, tree))
spec = importlib.util.spec_from_file_location("perf", perf_py)
perf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(perf)
from pathlib import Path
if kind == "html":
    pages = [(data, url) for _, data, url in perf.load_html_pages(Path(data_dir), setname, int(step))]
else:
    pages = [(text, None) for text in perf.load_texts(Path(data_dir), setname)[::int(step)]]
def one_pass():
    for data, url in pages:
        try:
            cleaner.clean(data, kind=kind, url=url)
        except cleaner.CleanerError:
            pass
one_pass()
t0 = time.process_time()
one_pass()
print((time.process_time() - t0) / max(len(pages), 1) * 1000)
"""


def _time_tree(tree: Path, data_dir: Path, setname: str, kind: str, step: int) -> float:
    proc = subprocess.run([sys.executable, "-c", AGAINST_CHILD, str(tree), str(Path(__file__).resolve()),
                           str(data_dir), setname, kind, str(step)],
                          capture_output=True, text=True, cwd=str(tree))
    if proc.returncode != 0:
        raise RuntimeError("timing %s failed: %s" % (tree, (proc.stderr.strip().splitlines() or ["?"])[-1]))
    return float(proc.stdout)


def section_against(rep: Report, data_dir: Path, quick: bool, older):
    name = "against an older checkout (same pages, alternating processes)"
    print("\n== Against an older checkout: process CPU per page of this checkout and of --against TREE, "
          "alternating; target ratio <= %.1fx" % AGAINST_RATIO_MAX)
    if older is None:
        return rep.skip(name, "no --against TREE given")
    older = Path(older).resolve()
    if not (older / "cleaner" / "__init__.py").is_file():
        return rep.skip(name, "%s holds no cleaner source tree" % older)
    rounds = 3 if quick else 5
    for setname, kind, step in AGAINST_WORKLOADS:
        step = step * 3 if quick else step
        if not (data_dir / setname).is_dir():
            rep.skip("%s %s" % (name, setname), "benchmark data not found at %s" % (data_dir / setname))
            continue
        ratios = []
        for _ in range(rounds):
            now = _time_tree(REPO, data_dir, setname, kind, step)
            before = _time_tree(older, data_dir, setname, kind, step)
            ratios.append(now / before)
            print("  %-14s this %6.1f ms/page   older %6.1f ms/page   ratio %.2fx"
                  % (setname, now, before, now / before), flush=True)
        rep.figures["against " + setname] = ratios
        pages = "" if step == 1 else ", 1 page in %d" % step
        rep.verdict(name, statistics.median(ratios) <= AGAINST_RATIO_MAX,
                    "%s%s: ratio %s" % (setname, pages, fmt_mmm(ratios, unit="x")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA),
                    help="benchmark data folder (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions and pages")
    ap.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated: " + ",".join(SECTIONS))
    ap.add_argument("--against", default=None, metavar="TREE",
                    help="an older cleaner source tree for the 'against' section (default: the section is skipped)")
    ap.add_argument("--json", default=None, metavar="FILE", help="write raw figures to FILE")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a section FAILs or errors")
    args = ap.parse_args(argv)
    data_dir = Path(args.data_dir)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    bad = [s for s in sections if s not in SECTIONS]
    if bad:
        ap.error("unknown section(s): %s" % ", ".join(bad))

    rep = Report()
    print("perf.py: python %s, %s, data %s%s" % (sys.version.split()[0], sys.executable, data_dir,
                                                 "" if data_dir.is_dir() else " (absent)"))
    for s in sections:
        t0 = time.perf_counter()
        try:
            if s == "html":
                section_html(rep, data_dir, args.quick)
            elif s == "text":
                section_text(rep, data_dir, args.quick)
            elif s == "startup":
                section_startup(rep, args.quick)
            elif s == "growth":
                section_growth(rep, data_dir, args.quick)
            elif s == "against":
                section_against(rep, data_dir, args.quick, args.against)
        except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
            import traceback
            traceback.print_exc(limit=4)
            rep.error(s, "%s: %s" % (type(exc).__name__, exc))
        print("  (section took %.0f s)" % (time.perf_counter() - t0))

    print("\n== Summary")
    for k, v in rep.verdicts.items():
        print("  %-5s %s" % (v, k))
    if args.json:
        Path(args.json).write_text(json.dumps({"verdicts": rep.verdicts, "figures": rep.figures},
                                              indent=2, default=str) + "\n", encoding="utf-8")
    if args.strict and any(v in ("FAIL", "ERROR") for v in rep.verdicts.values()):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
