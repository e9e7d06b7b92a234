"""``clean(timeout=...)`` and ``--timeout`` for one document: the page is cleaned in a worker process that is
killed past the time; the article is the same as without a timeout."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import cli
from cleaner.errors import CleanerError, EmptyInputError, TimedOutError

CLEANER = str(Path(sys.executable).with_name("cleaner"))
PARA = ("Paragraph {i}: the council voted on Tuesday to approve the new budget for the schools and the roads of "
        "the region, officials said after a long meeting.")
PAGE = ("<html><head><title>Budget approved</title></head><body><article><h1>Budget approved</h1>"
        + "".join(f"<p>{PARA.format(i=i)}</p>" for i in range(3)) + "</article></body></html>")
# 15,000 paragraphs: about a second of work on an idle machine, many times the timeouts below
SLOW_PAGE = "<html><body><article>" + "".join(f"<p>{PARA.format(i=i)}</p>" for i in range(15_000)) + "</article></body></html>"
SHORT = 0.2  # seconds


def test_the_article_is_the_same_with_a_timeout():
    article, timed = cleaner.clean(PAGE), cleaner.clean(PAGE, timeout=30)
    assert article.paragraphs and timed.paragraphs == article.paragraphs
    assert (timed.title, timed.language) == (article.title, article.language)


def test_options_reach_the_worker():
    plain, as_text = cleaner.clean(PAGE, timeout=30), cleaner.clean(PAGE, kind="text", timeout=30)
    assert as_text.paragraphs != plain.paragraphs  # the markup read as text: another article
    assert cleaner.clean(PAGE, url="https://example.com/a", timeout=30).url == "https://example.com/a"


def test_a_slow_page_raises_timed_out_error_in_time():
    start = time.monotonic()
    with pytest.raises(TimedOutError, match=r"^timed out after 0\.2 s$"):
        cleaner.clean(SLOW_PAGE, timeout=SHORT)
    assert time.monotonic() - start < 10  # the worker's start, the timeout, the kill: not the page's whole time
    assert issubclass(TimedOutError, CleanerError)


def test_refusals_come_back_as_they_were_raised():
    with pytest.raises(EmptyInputError):
        cleaner.clean(b"  \n", timeout=30)
    with pytest.raises(TypeError, match="data must be str or bytes"):
        cleaner.clean(123, timeout=30)
    with pytest.raises(TypeError, match="unknown|unexpected|option"):
        cleaner.clean(PAGE, timeout=30, colour="red")


@pytest.mark.parametrize("timeout, error", [("3", TypeError), (True, TypeError), (0, ValueError), (-1.5, ValueError)])
def test_a_wrong_timeout_is_refused_naming_it(timeout, error):
    with pytest.raises(error, match="timeout"):
        cleaner.clean(PAGE, timeout=timeout)


def test_cli_timeout_for_one_document(tmp_path):
    slow = tmp_path / "slow.html"
    slow.write_text(SLOW_PAGE)
    res = CliRunner().invoke(cli, ["--timeout", str(SHORT), str(slow)])
    assert res.exit_code == 2
    assert res.stderr == f"cleaner: {slow}: timed out after 0.2 s\n"
    fine = CliRunner().invoke(cli, ["--timeout", "30", "-"], input=PAGE)
    assert (fine.exit_code, fine.stdout) == (0, CliRunner().invoke(cli, ["-"], input=PAGE).stdout)


def test_cli_timeout_through_a_real_command():
    res = subprocess.run([CLEANER, "--timeout", str(SHORT)], input=SLOW_PAGE.encode(), capture_output=True, timeout=120)
    assert (res.returncode, res.stdout, res.stderr) == (2, b"", b"cleaner: stdin: timed out after 0.2 s\n")
    fine = subprocess.run([CLEANER, "--timeout", "30", "--format", "json"], input=PAGE.encode(), capture_output=True,
                          timeout=120)
    plain = subprocess.run([CLEANER, "--format", "json"], input=PAGE.encode(), capture_output=True, timeout=120)
    assert (fine.returncode, fine.stdout, fine.stderr) == (0, plain.stdout, b"")


def test_one_document_has_no_timeout_unless_asked(tmp_path):
    """Without --timeout one document is cleaned in the command's own process: no worker, no limit (a config
    file's timeout is asked for, too)."""
    config = tmp_path / "config.toml"
    config.write_text("[options]\ntimeout = 0.2\n")
    res = subprocess.run([CLEANER, "--config", str(config)], input=SLOW_PAGE.encode(), capture_output=True,
                         timeout=120)
    assert (res.returncode, res.stderr) == (2, b"cleaner: stdin: timed out after 0.2 s\n")
    res = subprocess.run([CLEANER, "--no-config"], input=SLOW_PAGE.encode(), capture_output=True, timeout=300)
    assert res.returncode in (0, 1) and b"timed out" not in res.stderr


def test_no_worker_to_clean_in_is_a_cleaner_error(monkeypatch):
    from cleaner import stream
    from cleaner.pool import WorkerStartError

    class NoWorkers:
        def __init__(self, *args, **kwargs):
            raise WorkerStartError("cannot start a worker process: Resource temporarily unavailable")

    monkeypatch.setattr(stream, "OrderedPool", NoWorkers)
    with pytest.raises(CleanerError, match="cannot start a worker process"):
        cleaner.clean("<p>A page.</p>", timeout=5)
