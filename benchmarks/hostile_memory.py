#!/usr/bin/env python3
"""Peak memory (RSS) of ``clean()`` on markup-dense hostile pages, each in a child process of its own.

    python benchmarks/hostile_memory.py                  # every shape at its default size
    python benchmarks/hostile_memory.py br option -n 2   # some shapes, at twice the size

A line per shape: the input's size, the child's peak RSS after the imports (base) and after the clean,
and the time.  The bound docs/reference.md states ("Memory") is checked here, not in the unit tests
(a peak RSS depends on the machine and the allocator).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# a Python expression of n, the page; with the default n of each, a page of 1 to 5 MB
SHAPES = {
    "li": ("'<ul>' + '<li>item</li>' * n + '</ul>'", 200_000),
    "li-bare": ("'<ul>' + '<li>' * n + '</ul>'", 300_000),
    "br": ("'<p>' + '<br>' * n + '</p>'", 500_000),
    "option": ("'<select>' + '<option>x</option>' * n + '</select>'", 250_000),
    "jsonld": ("'<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"about\": [' "
               "+ ','.join(['{\"name\": \"x\"}'] * n) + ']}</script>'", 200_000),
    "paragraphs": ("''.join(f'<p>Paragraph {i} of the story, with words.</p>' for i in range(n))", 50_000),
}
CHILD = textwrap.dedent("""
    import json, resource, sys, time
    sys.path.insert(0, {repo!r})
    import cleaner
    EN = ("The city council voted on Tuesday to approve a new budget for the public library system, "
          "which will extend opening hours across all branches from next month. ")
    cleaner.clean("<html><body><p>" + EN + "</p></body></html>")  # the imports and the first call's set-up
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = {n}
    page = ("<html><body><p>" + EN + "</p>" + ({expr}) + "</body></html>").encode()
    start = time.perf_counter()
    article = cleaner.clean(page)
    print(json.dumps({{"input_mb": len(page) / 2**20, "base_mb": base, "seconds": time.perf_counter() - start,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
""")


def measure(shape: str, scale: float) -> dict:
    expr, n = SHAPES[shape]
    code = CHILD.format(repo=str(REPO), n=int(n * scale), expr=expr)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1800)
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    return json.loads(proc.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shapes", nargs="*", help=f"of {', '.join(SHAPES)} (default: all)")
    ap.add_argument("-n", "--scale", type=float, default=1.0, help="multiply every shape's size")
    args = ap.parse_args(argv)
    unknown = set(args.shapes) - set(SHAPES)
    if unknown:
        ap.error(f"unknown shape(s): {', '.join(sorted(unknown))}")
    print(f"{'shape':12} {'input MB':>9} {'base MB':>8} {'peak MB':>8} {'added/input':>12} {'seconds':>8}")
    for shape in args.shapes or SHAPES:
        r = measure(shape, args.scale)
        if "error" in r:
            print(f"{shape:12} {r['error']}")
            continue
        added = (r["peak_mb"] - r["base_mb"]) / r["input_mb"]
        print(f"{shape:12} {r['input_mb']:9.2f} {r['base_mb']:8.0f} {r['peak_mb']:8.0f} {added:11.0f}x {r['seconds']:8.2f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
