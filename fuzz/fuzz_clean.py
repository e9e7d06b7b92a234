"""Long fuzz run of every entry point: clean() on HTML, text and auto (str and bytes), a JSON Lines
record as the workers clean it, and a WARC file read and cleaned record by record.

    .venv/bin/python fuzz/fuzz_clean.py --minutes 10            # atheris if installed, else seeded random
    .venv/bin/python fuzz/fuzz_clean.py --minutes 10 --engine random --targets jsonl,warc

The contracts are in fuzz/contracts.py (one-line CleanerError and nothing else; no control character in
an output field; one valid, terminal-safe JSON line per record; nothing printed); one call takes at most
--max-seconds (default 5 s; inputs are at most 20 KB).

Seeds: the files in fixtures/ (clean), JSON Lines records built around them (jsonl) and WARC files
holding them, plain and gzip (warc).  A failing input is written to /tmp/cleaner-fuzz/crashes/ and the
run goes on; the summary line at the end gives the figures: ``examples=N failures=M seconds=S``.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "fuzz"))

import contracts  # noqa: E402

OUT = Path("/tmp/cleaner-fuzz")  # corpus and failing inputs; kept out of the work tree
CRASHES = OUT / "crashes"
TARGETS = ("auto", "html", "text", "jsonl", "warc")


def page_seeds() -> list[bytes]:
    files = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.is_file() and p.stat().st_size < 200_000)
    out = [p.read_bytes() for p in files]
    out += [b"", b"<html>", b"<p>x</p>" * 10, "Überschrift\nEin Absatz.".encode("utf-16")]
    return out


def seeds(target: str) -> list[bytes]:
    pages = page_seeds()
    if target == "jsonl":
        return contracts.jsonl_seeds(pages)
    if target == "warc":
        small = [p for p in pages if 0 < len(p) < 8000]
        return [contracts.warc_seed(small[i:i + 4], gzipped=gz) for i in range(0, len(small), 4) for gz in (False, True)]
    return pages


class Runner:
    def __init__(self, max_seconds: float, targets: tuple[str, ...] = TARGETS) -> None:
        self.max_seconds = max_seconds
        self.targets = targets
        self.examples = 0
        self.failures = 0
        self.kinds: dict[str, int] = {}

    def one(self, data: bytes, selector: int) -> None:
        target = self.targets[selector % len(self.targets)]
        as_str = bool(selector & 8) and target in ("auto", "html", "text")
        self.examples += 1
        if target == "jsonl":
            problem = contracts.check_jsonl(data, self.max_seconds)
        elif target == "warc":
            problem = contracts.check_warc(data, self.max_seconds)
        else:
            payload: str | bytes = data.decode("utf-8", errors="surrogateescape") if as_str else data
            problem = contracts.check_clean(payload, target, self.max_seconds)
        if problem:
            self.failures += 1
            first = problem.split("\n")[0][:120]
            self.kinds[first] = self.kinds.get(first, 0) + 1
            CRASHES.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (CRASHES / f"{name}.bin").write_bytes(data)
            (CRASHES / f"{name}.txt").write_text(f"target={target} str={as_str}\n{problem}\n")


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One to four random edits: insert, delete, replace, duplicate, splice, truncate, nest, encode."""
    buf = bytearray(data)
    tokens = [b"<", b">", b"</", b"<div>", b"</div>", b"<p>", b"&#27;", b"&#x9b;", b"&#0;", b"\x1b[31m", b"\x00",
              b"\xff", b"\xc3", b"<!--", b"-->", b"<![CDATA[", b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
              b"&e;", b"<meta charset='shift_jis'>", b"<meta charset='utf-7'>", b"+ADw-", b"\r", b"\r\n", b"\t",
              b"<script>", b"<table><tr><td>", b"\xef\xbb\xbf", b"\xfe\xff", b"\xe2\x80\xae", b"By Jane Doe\n",
              b"&#x", b"&#", b"1b;", b"<?xml version='1.0' encoding='utf-8'?>", b"<!DOCTYPE svg>", b"<svg>", b"<math>",
              b"<object>", b"<video>", b"<br>", b"<li>", b"<option>", b"<td>x</td>", b"<select>",
              b"<script type='application/ld+json'>"]
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(9)
        pos = rng.randint(0, len(buf))
        if op == 0:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 1 and buf:
            del buf[pos:pos + rng.randint(1, 64)]
        elif op == 2 and buf:
            for _ in range(rng.randint(1, 16)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 3:
            buf[pos:pos] = rng.choice(tokens) * rng.randint(1, 50)
        elif op == 4 and buf:
            a = rng.randrange(len(buf))
            buf[pos:pos] = buf[a:a + rng.randint(1, 512)] * rng.randint(1, 4)
        elif op == 5:
            other = rng.choice(pool)
            b = rng.randint(0, len(other))
            buf = buf[:pos] + bytearray(other[b:b + rng.randint(0, 2048)])
        elif op == 6:
            buf = buf[:pos]
        elif op == 7:
            depth = rng.randint(1, 2500)  # beyond the parser's limit (about 2,000 levels) too
            name = rng.choice([b"div", b"em", b"blockquote", b"ul", b"li", b"table", b"td", b"a", b"noscript"])
            buf = bytearray(b"<%s>" % name * depth) + buf + bytearray(b"</%s>" % name * rng.randint(0, depth))
        else:
            enc = rng.choice(["utf-16", "utf-16-le", "cp1252", "shift_jis", "koi8-r", "gb18030", "utf-32-be"])
            buf = bytearray(bytes(buf).decode("utf-8", errors="replace").encode(enc, errors="replace"))
    return bytes(buf[:20_000])


def run_random(runner: Runner, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    pools = {target: seeds(target) for target in runner.targets}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        selector = rng.randrange(16 * len(runner.targets))
        pool = pools[runner.targets[selector % len(runner.targets)]]
        base = rng.choice(pool) if rng.random() < 0.9 else bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        runner.one(mutate(rng, base, pool), selector)


def run_atheris(runner: Runner, seconds: float, seed: int) -> None:
    import atheris

    import cleaner.html  # noqa: F401 - load everything clean() uses, then instrument it for coverage
    import trafilatura  # noqa: F401
    from cleaner.rules import all_rules

    all_rules()
    atheris.instrument_all()
    corpus = OUT / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for t, target in enumerate(runner.targets):  # the first byte chooses the target (see Runner.one)
        for i, s in enumerate(seeds(target)):
            (corpus / f"seed-{target}-{i:03d}").write_bytes(bytes([t]) + s[:20_000])
    CRASHES.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + seconds - 3
    state = {"reported": False, "next": time.monotonic() + 60}

    def target(data: bytes) -> None:  # libFuzzer ends the process itself: report from inside
        runner.one(data[1:], data[0] if data else 0)
        now = time.monotonic()
        if now > state["next"]:
            print(f"progress examples={runner.examples} failures={runner.failures}", flush=True)
            state["next"] = now + 60
        if now > deadline and not state["reported"]:
            state["reported"] = True
            report(runner, "atheris")

    atheris.Setup([sys.argv[0], str(corpus), f"-seed={seed}", "-rss_limit_mb=4096", "-timeout=60",
                   "-max_len=20000", f"-max_total_time={int(seconds)}", f"-artifact_prefix={CRASHES}/",
                   "-print_final_stats=1"], target)
    atheris.Fuzz()


def report(runner: Runner, engine: str) -> None:
    for kind, n in sorted(runner.kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6d} x {kind}")
    print(f"engine={engine} examples={runner.examples} failures={runner.failures} "
          f"seconds={time.monotonic() - STARTED:.0f}", flush=True)


STARTED = time.monotonic()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--engine", choices=["auto", "atheris", "random"], default="auto",
                    help="atheris (coverage-guided) when installed, else seeded random mutation")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-seconds", type=float, default=5.0)
    ap.add_argument("--targets", default=",".join(TARGETS), help=f"comma-separated, of {', '.join(TARGETS)}")
    args = ap.parse_args()
    targets = tuple(t for t in args.targets.split(",") if t)
    if not targets or set(targets) - set(TARGETS):
        ap.error(f"--targets: choose from {', '.join(TARGETS)}")
    runner = Runner(args.max_seconds, targets)
    seconds = args.minutes * 60
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "random"
    if engine == "atheris":
        run_atheris(runner, seconds, args.seed)
    else:
        run_random(runner, seconds, args.seed)
    report(runner, engine)
    sys.exit(1 if runner.failures else 0)


if __name__ == "__main__":
    main()
