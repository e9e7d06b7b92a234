#!/usr/bin/env python3
"""Fingerprints of cleaner's output on every benchmark page, to prove a change preserves behaviour.

    python benchmarks/fingerprint.py write before.json          # on the old code
    python benchmarks/fingerprint.py write after.json           # on the new code
    python benchmarks/fingerprint.py compare before.json after.json

A page's fingerprint is a hash of everything ``clean()`` returns that a user sees: the title, the
paragraphs, the authors, the language, the date, the site, and every removal with the rule that made it.
``compare`` lists each page whose fingerprint changed, with the first field that differs.
Pages are read from ``../shared/bench`` (or ``--data DIR``) in every set folder present.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"


def pages(data_dir: Path, sets: list[str] | None):
    """(key, path, url, kind) for every page of every set folder present, in a stable order."""
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        if sets and folder.name not in sets:
            continue
        urls = {}
        for truth in ("ground-truth.json", "evaldata.json"):
            if (folder / truth).exists():
                records = json.loads((folder / truth).read_text(encoding="utf-8"))
                if truth == "evaldata.json":  # keyed by URL, each names its file
                    urls = {rec["file"]: url for url, rec in records.items()}
                else:
                    urls = {pid: rec.get("url") for pid, rec in records.items()}
        kind = "html" if (folder / "html").is_dir() else "text"
        for path in sorted((folder / kind).iterdir()):
            stem = path.name.removesuffix(".gz").removesuffix(".html").removesuffix(".txt")
            url = urls.get(stem) or urls.get(path.name.removesuffix(".gz"))
            url = url if url and url.startswith(("http://", "https://")) else None
            yield f"{folder.name}/{stem}", str(path), url, kind


def _fields(path: str, url: str | None, kind: str) -> dict:
    sys.path.insert(0, str(REPO))
    from cleaner import CleanerError, clean

    data = gzip.open(path, "rb").read() if path.endswith(".gz") else open(path, encoding="utf-8").read()
    try:
        a = clean(data, url=url, kind=kind)
    except CleanerError as err:
        return {"error": str(err)}
    return {"title": a.title, "paragraphs": list(a.paragraphs), "authors": list(a.authors),
            "language": a.language, "date": a.date_published, "site": a.site_name,
            "removed": [[r.text, r.rule] for r in a.removed]}


def _fingerprint(job: tuple) -> tuple[str, dict]:
    key, path, url, kind = job
    fields = _fields(path, url, kind)
    return key, {name: hashlib.sha1(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:12]
                 for name, value in fields.items()}


def write(out: Path, data_dir: Path, sets: list[str] | None, jobs: int) -> int:
    todo = list(pages(data_dir, sets))
    with ProcessPoolExecutor(jobs) as pool:
        result = dict(pool.map(_fingerprint, todo, chunksize=8))
    out.write_text(json.dumps(result, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(result)} pages fingerprinted into {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a != b:
            changed += 1
            fields = sorted(f for f in set(a or {}) | set(b or {}) if (a or {}).get(f) != (b or {}).get(f))
            print(f"{key}: {', '.join(fields)}")
    print(f"{changed} of {len(set(old) | set(new))} pages differ")
    return 1 if changed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="fingerprint every page into FILE")
    w.add_argument("file", type=Path)
    w.add_argument("--data", type=Path, default=DEFAULT_DATA)
    w.add_argument("--sets", default=None, help="comma-separated set folders (default: all)")
    w.add_argument("-j", "--jobs", type=int, default=2)
    c = sub.add_parser("compare", help="list the pages whose fingerprints differ; exit 1 if any")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.command == "write":
        sets = args.sets.split(",") if args.sets else None
        return write(args.file, args.data, sets, args.jobs)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
