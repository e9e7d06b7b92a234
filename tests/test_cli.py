"""The `cleaner` command: formats, --explain, --kind, --url, FILE arguments and '-', exit codes.

Most tests drive ``cleaner.cli.cli`` with click's CliRunner; one runs the real executable in a
shell pipe.  Exit codes: 0 article found, 1 no article content, 2 input or usage error.
"""
from __future__ import annotations

import json
import os
import random
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = FIXTURES / "golden"
CLEANER = Path(sys.executable).with_name("cleaner")

from samples import ARTICLE, PARAS, TITLE  # noqa: E402
EXPECTED_TEXT = "\n\n".join([TITLE, *PARAS]) + "\n"
MENU_ONLY = "Home\nNews\nSport\nWeather\nSign in\n"
EXPLAIN_LINE = re.compile(r'^removed by [a-z_]+\.[a-z_]+: ".*"$')


def run(args: list[str], input: str | bytes | None = None):
    result = CliRunner().invoke(cli, args, input=input, catch_exceptions=False)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# ---- formats -------------------------------------------------------------------------

def test_text_format_is_the_default(article_file: Path) -> None:
    result = run([str(article_file)])
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_TEXT
    assert result.stderr == ""


def test_text_format_explicit_on_stdin() -> None:
    result = run(["--format", "text"], input=ARTICLE)
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_TEXT


def test_json_format(article_file: Path) -> None:
    result = run(["--format", "json", str(article_file)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 1
    assert data["title"] == TITLE
    assert data["paragraphs"] == PARAS
    assert data["text"] == "\n\n".join(PARAS)
    assert data["word_count"] == sum(len(p.split()) for p in PARAS)
    for key in ("authors", "date_published", "site_name", "url", "language"):
        assert key in data
    assert "removed" not in data


def test_json_explain_has_removed_field(article_file: Path) -> None:
    result = run(["--format", "json", "--explain", str(article_file)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    removed = data["removed"]
    assert {"text": "Advertisement", "stage": "rules", "rule": "ads.marker"} in removed
    assert any(r["text"] == "Share" for r in removed)
    for r in removed:
        assert set(r) == {"text", "stage", "rule"}
    assert result.stderr == ""


def test_markdown_format(article_file: Path) -> None:
    result = run(["--format", "markdown", str(article_file)])
    assert result.exit_code == 0
    assert result.stdout == "\n\n".join([f"# {TITLE}", *PARAS]) + "\n"


def test_markdown_shows_authors() -> None:
    page = GOLDEN / "en-html-share-bar-byline.html"
    result = run(["--format", "markdown", str(page)])
    assert result.exit_code == 0
    lines = result.stdout.split("\n\n")
    assert lines[0] == "# City council approves tram line to the harbour"
    assert lines[1].startswith("*") and "Jane Doe" in lines[1]


def test_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["--format", "xml"], input=ARTICLE)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# ---- --explain -------------------------------------------------------------------------

def test_explain_text_goes_to_stderr(article_file: Path) -> None:
    result = run(["--explain", str(article_file)])
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_TEXT  # stdout unchanged by --explain
    lines = result.stderr.splitlines()
    assert lines, "nothing explained"
    for line in lines:
        assert EXPLAIN_LINE.match(line), line
    assert 'removed by ads.marker: "Advertisement"' in lines
    assert any(line.endswith(': "Share"') for line in lines)


def test_explain_markdown_goes_to_stderr(article_file: Path) -> None:
    result = run(["--explain", "--format", "markdown", str(article_file)])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {TITLE}\n")
    assert 'removed by ads.marker: "Advertisement"' in result.stderr.splitlines()


# ---- --kind and --url --------------------------------------------------------------------

def test_kind_auto_detects_html_and_text() -> None:
    page = GOLDEN / "en-html-share-bar-byline.html"
    assert json.loads(run(["--format", "json", str(page)]).stdout)["kind"] == "html"
    assert json.loads(run(["--format", "json"], input=ARTICLE).stdout)["kind"] == "text"


def test_kind_text_mentioning_a_tag_stays_text() -> None:
    text = ARTICLE.replace("largest increase", "largest <b>increase</b>")
    data = json.loads(run(["--format", "json"], input=text).stdout)
    assert data["kind"] == "text"


def test_kind_forced(article_file: Path) -> None:
    page = GOLDEN / "en-html-share-bar-byline.html"
    forced = run(["--format", "json", "--kind", "html", str(page)])
    assert json.loads(forced.stdout)["kind"] == "html"
    forced_text = run(["--format", "json", "--kind", "text", str(article_file)])
    assert json.loads(forced_text.stdout)["kind"] == "text"
    # a page read as text is text: its markup is not parsed away
    as_text = run(["--format", "json", "--kind", "text", str(page)])
    assert json.loads(as_text.stdout)["kind"] == "text"


def test_unknown_kind_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["--kind", "pdf"], input=ARTICLE)
    assert result.exit_code == 2


def test_url_is_reported(article_file: Path) -> None:
    url = "https://news.example.com/2024/05/council-approves-new-budget-for-schools"
    data = json.loads(run(["--format", "json", "--url", url, str(article_file)]).stdout)
    assert data["url"] == url
    assert data["title"] == TITLE


# ---- FILE arguments, '-' and several files -------------------------------------------------

def test_dash_reads_stdin() -> None:
    result = run(["-"], input=ARTICLE)
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_TEXT


def test_several_files_in_order_each_under_its_name(tmp_path: Path, article_file: Path) -> None:
    second = GOLDEN / "en-text-counters.txt"
    result = run([str(second), str(article_file)])
    assert result.exit_code == 0
    want = (f"==> {second} <==\n" + (GOLDEN / "en-text-counters.expected.txt").read_text(encoding="utf-8") + "\n"
            + f"==> {article_file} <==\n" + EXPECTED_TEXT + "\n")
    assert result.stdout == want


def test_file_and_dash_together(article_file: Path) -> None:
    other = (GOLDEN / "en-text-counters.txt").read_text(encoding="utf-8")
    result = run([str(article_file), "-"], input=other)
    assert result.exit_code == 0
    assert result.stdout == (f"==> {article_file} <==\n" + EXPECTED_TEXT + "\n==> stdin <==\n"
                             + (GOLDEN / "en-text-counters.expected.txt").read_text(encoding="utf-8") + "\n")


def test_several_files_json_is_one_object_a_line_with_its_file(article_file: Path) -> None:
    result = run(["--format", "json", str(article_file), str(article_file)])
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["title"] for line in lines] == [TITLE, TITLE]
    assert [json.loads(line)["file"] for line in lines] == [str(article_file)] * 2


# ---- exit codes -----------------------------------------------------------------------------

def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {stderr!r}"
    return lines[0]


def test_exit_0_on_article(article_file: Path) -> None:
    assert run([str(article_file)]).exit_code == 0


def test_exit_1_when_only_a_menu() -> None:
    result = run([], input=MENU_ONLY)
    assert result.exit_code == 1
    assert result.stdout == ""
    line = _one_line(result.stderr)
    assert "no article content" in line


def test_exit_1_if_any_input_has_no_content(tmp_path: Path, article_file: Path) -> None:
    menu = tmp_path / "menu.txt"
    menu.write_text(MENU_ONLY, encoding="utf-8")
    result = run([str(article_file), str(menu)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"==> {article_file} <==\n" + EXPECTED_TEXT)
    assert "menu.txt" in _one_line(result.stderr)


def test_exit_2_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run([str(missing)])
    assert result.exit_code == 2
    line = _one_line(result.stderr)
    assert "nope.txt" in line and "No such file" in line


def test_exit_2_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, [str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    line = _one_line(result.stderr)
    assert str(tmp_path) in line


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_exit_2_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    result = run([str(locked)])
    assert result.exit_code == 2
    assert "locked.txt" in _one_line(result.stderr)


def test_exit_2_empty_input() -> None:
    result = run([], input=b"")
    assert result.exit_code == 2
    assert "empty" in _one_line(result.stderr)
    assert result.stdout == ""


def test_exit_2_whitespace_input() -> None:
    result = run([], input=b"  \n\t\n  \n")
    assert result.exit_code == 2
    assert "whitespace" in _one_line(result.stderr)


def test_exit_2_binary_garbage() -> None:
    garbage = random.Random(1234).randbytes(4000)
    result = run([], input=garbage)
    assert result.exit_code == 2
    assert "binary" in _one_line(result.stderr)
    assert result.stdout == ""


def test_exit_2_image() -> None:
    png = b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(500)
    result = run([], input=png)
    assert result.exit_code == 2
    assert "PNG" in _one_line(result.stderr)


def test_error_messages_differ() -> None:
    messages = {
        _one_line(run([], input=b"").stderr),
        _one_line(run([], input=random.Random(1234).randbytes(4000)).stderr),
        _one_line(run(["/nonexistent-dir/nope.txt"]).stderr),
        _one_line(run([], input=MENU_ONLY).stderr),
    }
    assert len(messages) == 4
    for message in messages:
        assert message.startswith("cleaner: ")


def test_exit_2_wins_and_other_files_still_print(tmp_path: Path, article_file: Path) -> None:
    menu = tmp_path / "menu.txt"
    menu.write_text(MENU_ONLY, encoding="utf-8")
    result = run([str(tmp_path / "missing.txt"), str(menu), str(article_file)])
    assert result.exit_code == 2
    assert result.stdout == f"==> {menu} <==\n\n==> {article_file} <==\n" + EXPECTED_TEXT + "\n"
    stderr = result.stderr.splitlines()
    assert len(stderr) == 2


def test_too_large() -> None:
    result = run(["--max-bytes", "100"], input=ARTICLE)
    assert result.exit_code == 2
    assert "limit" in _one_line(result.stderr)


# ---- help and version --------------------------------------------------------------------------

def test_help_lists_exit_codes() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    text = result.stdout
    assert "Exit codes" in text
    for code in ("0", "1", "2"):
        assert re.search(rf"^\s+{code}\s+\S", text, re.M), f"exit code {code} not described"
    for option in ("--format", "--kind", "--url", "--explain"):
        assert option in text


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert cleaner.__version__ in result.stdout
    assert result.stdout.startswith("cleaner")


# ---- the real executable in a shell pipe -------------------------------------------------------

def _pipe(cmd: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    assert CLEANER.exists(), f"no cleaner executable next to {sys.executable}"
    return subprocess.run(cmd, shell=True, input=stdin, capture_output=True, timeout=120)


def test_real_pipe_text_and_json(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    exe = shlex.quote(str(CLEANER))
    proc = _pipe(f"cat {shlex.quote(str(src))} | {exe}")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == EXPECTED_TEXT
    proc = _pipe(f"cat {shlex.quote(str(src))} | {exe} --format json --explain | cat")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["paragraphs"] == PARAS and data["removed"]


def test_real_pipe_exit_codes() -> None:
    exe = shlex.quote(str(CLEANER))
    empty = _pipe(f"printf '' | {exe}")
    assert empty.returncode == 2
    assert empty.stderr.decode().count("\n") == 1 and b"Traceback" not in empty.stderr
    menu = _pipe(f"{exe}", stdin=MENU_ONLY.encode())
    assert menu.returncode == 1
    assert menu.stdout == b""
    assert menu.stderr.decode().strip() == "cleaner: stdin: no article content found"


def test_real_pipe_closed_early_is_quiet() -> None:
    exe = shlex.quote(str(CLEANER))
    big = GOLDEN / "en-text-menu-footer.txt"
    proc = _pipe(f"cat {shlex.quote(str(big))} {shlex.quote(str(big))} | {exe} - {shlex.quote(str(big))} | head -c 1")
    assert proc.returncode == 0
    assert b"Traceback" not in proc.stderr


# ---- Ctrl-C -------------------------------------------------------------------------------------

def _interrupted(*args, **kwargs):
    raise KeyboardInterrupt


def test_ctrl_c_on_a_single_document_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import cli as cli_module

    monkeypatch.setattr(cli_module, "_single", _interrupted)
    result = run(["-"], input=ARTICLE)
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "cleaner: interrupted\n")


def test_ctrl_c_in_a_bare_cleaner_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from cleaner import cli as cli_module

    monkeypatch.setattr(cli_module, "_single", _interrupted)
    monkeypatch.setattr(sys, "argv", ["cleaner"])
    with pytest.raises(SystemExit) as exit:
        cli_module.main()
    assert exit.value.code == 130
    assert capsys.readouterr().err == "cleaner: interrupted\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", ["", "--format json", "--jsonl"])
def test_output_that_cannot_be_written_is_one_line_and_exit_2(args):
    data = (json.dumps({"html": ARTICLE}) + "\n").encode() if args == "--jsonl" else ARTICLE.encode()
    for redirect, reason in ((">/dev/full", "No space left on device"), (">&-", "standard output is closed")):
        res = _pipe(f"'{CLEANER}' {args} {redirect}", data)
        assert res.returncode == 2, (redirect, res)
        assert res.stderr.decode() == f"cleaner: cannot write the output: {reason}\n"
