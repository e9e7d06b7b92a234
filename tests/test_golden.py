"""Golden tests: hand-written inputs and the output a careful user wants, compared exactly.

Every expected file was written by hand from the requirement, never copied from the program's
output.  Format (the CLI's text format): the title, a blank line, then the paragraphs separated
by blank lines, and a final newline.

* ``fixtures/scraped-article.txt``: the user's own sample from issue 2.
* ``fixtures/golden/<name>.<html|txt>`` with ``<name>.expected.txt`` beside it, and optionally
  ``<name>.meta.json`` holding the expected ``title`` and/or ``authors``.

Each case is checked through the library (``clean(data)``: title and paragraphs) and through the
``cleaner`` command in a real shell pipe (``cat FILE | cleaner``).  The kind is auto-detected.
"""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.formats import to_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = FIXTURES / "golden"
SAMPLE = FIXTURES / "scraped-article.txt"
SAMPLE_EXPECTED = FIXTURES / "scraped-article.expected.txt"
CLEANER = Path(sys.executable).with_name("cleaner")


def _cases() -> list[tuple[str, Path, Path]]:
    cases = []
    for path in sorted(GOLDEN.iterdir()):
        if path.name.endswith((".expected.txt", ".meta.json")) or path.suffix not in (".html", ".txt"):
            continue
        expected = path.with_name(path.stem + ".expected.txt")
        assert expected.exists(), f"{path.name} has no {expected.name} beside it"
        cases.append((path.stem, path, expected))
    return cases


CASES = _cases()
ALL = [("scraped-article", SAMPLE, SAMPLE_EXPECTED)] + CASES
IDS = [c[0] for c in ALL]


def _split_expected(text: str) -> tuple[str, list[str]]:
    assert text.endswith("\n") and not text.endswith("\n\n"), "expected file must end with exactly one newline"
    title, *paragraphs = text[:-1].split("\n\n")
    return title, paragraphs


def test_enough_golden_cases() -> None:
    assert len(CASES) >= 12
    kinds = {p.suffix for _, p, _ in CASES}
    assert kinds == {".html", ".txt"}


def test_the_users_sample_loses_its_noise_and_records_every_line() -> None:
    """Each noise line of the user's sample goes and is recorded (--explain); the paragraphs keep the input's
    order; every line of the input is the title, a paragraph or a removal."""
    article = clean(SAMPLE.read_bytes())
    removed = [r.text for r in article.removed]
    for noise in ("Share", "Advertisement", "US President Barack Obama"):
        assert noise not in article.paragraphs and noise in removed
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [line for line in lines if line in article.paragraphs] == list(article.paragraphs)
    assert set(lines) <= {article.title, *article.paragraphs, *removed}


@pytest.mark.parametrize("name,source,expected", ALL, ids=IDS)
def test_library(name: str, source: Path, expected: Path) -> None:
    want = expected.read_text(encoding="utf-8")
    title, paragraphs = _split_expected(want)
    article = clean(source.read_bytes())
    assert article.kind == {".html": "html", ".txt": "text"}[source.suffix]
    assert article.title == title
    assert list(article.paragraphs) == paragraphs
    assert to_text(article) == want


@pytest.mark.parametrize("name,source,expected", ALL, ids=IDS)
def test_cli_pipe(name: str, source: Path, expected: Path) -> None:
    assert CLEANER.exists(), f"no cleaner executable next to {sys.executable}"
    cmd = f"cat {shlex.quote(str(source))} | {shlex.quote(str(CLEANER))}"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING",)}
    proc = subprocess.run(cmd, shell=True, capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout.decode("utf-8") == expected.read_text(encoding="utf-8")


META = [c for c in CASES if c[1].with_name(c[0] + ".meta.json").exists()]


@pytest.mark.parametrize("name,source,expected", META, ids=[c[0] for c in META])
def test_meta(name: str, source: Path, expected: Path) -> None:
    meta = json.loads(source.with_name(name + ".meta.json").read_text(encoding="utf-8"))
    assert set(meta) <= {"title", "authors"}, "meta.json holds only title and authors"
    article = clean(source.read_bytes())
    if "title" in meta:
        assert article.title == meta["title"]
    if "authors" in meta:
        assert list(article.authors) == meta["authors"]
