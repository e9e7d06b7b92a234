"""cleaner --jsonl: order, pass-through, --field/--url-field/--into, error lines, exit codes, pipes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import cli

CLEANER = str(Path(sys.executable).with_name("cleaner"))
HTML = ("<html><head><title>Council approves budget {i}</title></head><body><nav>Home | World</nav><article>"
        "<h1>Council approves budget {i}</h1><p>The council voted on Tuesday to approve budget {i}, which includes "
        "funding for schools and roads across the region.</p><p>Officials said plan {i} would take effect next "
        "year after a final review.</p></article></body></html>")
TEXT = ("Share\nHeadline number {i} for the day\nThe first paragraph of story {i}, long enough to count as the "
        "body of a real news article about the council.\n")


def records(n):
    out = []
    for i in range(n):
        if i % 2:
            out.append({"id": i, "text": TEXT.format(i=i), "meta": {"n": [i, None]}})
        else:
            out.append({"id": i, "html": HTML.format(i=i), "url": f"https://example.com/{i}"})
    return out


def jsonl(rows) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def invoke(args, input_text):
    result = CliRunner().invoke(cli, args, input=input_text)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result, lines


def test_order_passthrough_and_articles():
    rows = records(12)
    result, out = invoke(["--jsonl", "-j", "2"], jsonl(rows))
    assert result.exit_code == 0, result.stderr
    assert [o["id"] for o in out] == list(range(12))
    for row, o in zip(rows, out):
        page = row.get("html") or row.get("text")
        assert o["cleaned"] == cleaner.clean(page, url=row.get("url")).to_dict(with_removed=False)
        assert "html" not in o and "text" not in o  # the page field is replaced by the article
        assert {k: v for k, v in o.items() if k != "cleaned"} == {k: v for k, v in row.items() if k not in ("html", "text")}


def test_field_url_field_into_and_explain():
    rows = [{"doc": HTML.format(i=1), "link": "https://example.com/x", "html": "ignored"}]
    result, out = invoke(["--jsonl", "-j", "1", "--field", "doc", "--url-field", "link", "--into", "art",
                          "--explain"], jsonl(rows))
    assert result.exit_code == 0
    expected = cleaner.clean(HTML.format(i=1), url="https://example.com/x", explain=True).to_dict()
    assert out[0]["art"] == expected and "removed" in out[0]["art"]
    assert out[0]["html"] == "ignored" and out[0]["link"] == "https://example.com/x" and "doc" not in out[0]


def test_error_lines_with_line_numbers_and_exit_3(tmp_path):
    body = (json.dumps(records(1)[0]) + "\n"
            + "{not json\n"
            + "\n"  # blank: skipped, still counted as a line
            + json.dumps({"id": "nofield", "body": "x"}) + "\n"
            + json.dumps({"id": "empty", "html": ""}) + "\n"
            + json.dumps({"id": "num", "html": 5}) + "\n"
            + "[1, 2]\n")
    path = tmp_path / "in.jsonl"
    path.write_bytes(body.encode() + b"\xff\xfe garbage\n" + json.dumps(records(2)[1]).encode() + b"\n")
    result, out = invoke(["--jsonl", "-j", "2", str(path)], None)
    assert result.exit_code == 3
    assert result.stderr == ""
    assert [o.get("line") for o in out] == [None, 2, 4, 5, 6, 7, 8, None]
    assert out[0]["cleaned"]["word_count"] > 0 and out[-1]["id"] == 1
    assert out[1]["error"].startswith("invalid JSON") and out[1]["file"] == str(path)
    assert out[2]["id"] == "nofield" and out[2]["body"] == "x" and "no 'html', 'text' or 'content'" in out[2]["error"]
    assert out[3]["error"] == "input is empty" and out[3]["reason"] == "input"
    assert "not a string" in out[4]["error"]
    assert "not a JSON object" in out[5]["error"]
    assert "UTF-8" in out[6]["error"]


def test_help_documents_streams_and_exit_codes():
    result = CliRunner().invoke(cli, ["--help"])
    assert "--jsonl" in result.output and "--warc" in result.output and "3  streams" in result.output


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(cli, ["--jsonl", "--warc"]).exit_code == 2
    assert CliRunner().invoke(cli, ["--jsonl", "--format", "json"]).exit_code == 2
    result = CliRunner().invoke(cli, ["--jsonl", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2 and "missing.jsonl" in result.stderr and result.stdout == ""


def slow_page() -> str:
    """A page that takes seconds to clean (~8 s on the development machine): 120,000 distinct
    paragraphs (a repeated one would be dropped cheaply)."""
    para = "<p>The council voted on Tuesday to approve the budget for schools and roads in region {}.</p>"
    return "<html><body><article>" + "".join(para.format(i) for i in range(120_000)) + "</article></body></html>"


def test_timeout_gives_a_timeout_line_and_the_rest_comes_out():
    slow = slow_page()
    rows = records(3)
    rows.insert(1, {"id": "slow", "html": slow})
    result, out = invoke(["--jsonl", "-j", "1", "--timeout", "0.5"], jsonl(rows))  # small records: ~50 ms
    assert result.exit_code == 3
    assert [o["id"] for o in out] == [0, "slow", 1, 2]
    assert out[1]["reason"] == "timeout" and out[1]["line"] == 2 and "timed out" in out[1]["error"]
    assert all("cleaned" in o for o in out if o["id"] != "slow")


def _children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry))
    return kids


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_worker_killed_mid_record(tmp_path):
    slow = slow_page()
    rows = records(4)
    rows.insert(1, {"id": "slow", "html": slow})
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(rows))
    proc = subprocess.Popen([CLEANER, "--jsonl", "-j", "1", "--quiet", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)  # readline takes one line: communicate() gets the rest
    first = proc.stdout.readline()  # record 0 is out: the only worker is now on the slow page
    assert json.loads(first)["id"] == 0
    time.sleep(0.5)
    workers = _children(proc.pid)
    assert len(workers) == 1
    os.kill(workers[0], signal.SIGKILL)
    rest, err = proc.communicate(timeout=60)
    out = [json.loads(line) for line in rest.splitlines()]
    assert [o["id"] for o in out] == ["slow", 1, 2, 3]
    assert out[0]["reason"] == "worker died" and "SIGKILL" in out[0]["error"] and out[0]["line"] == 2
    assert proc.returncode == 3 and err == b""


def test_pipe_into_head_is_quiet(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(records(40)))
    res = subprocess.run(f"'{CLEANER}' --jsonl -j 2 < '{path}' | head -1", shell=True, capture_output=True,
                         timeout=120)
    assert res.stderr == b""
    assert json.loads(res.stdout)["id"] == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_cleanly(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(records(4000)))
    # Ctrl-C's default action, whatever the test runner's (a shell's background job ignores SIGINT, and a child
    # inherits that)
    # unbuffered: readline takes the first line only, and communicate() reads the rest from the descriptor
    proc = subprocess.Popen([CLEANER, "--jsonl", "-j", "2", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            bufsize=0, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    proc.stdout.readline()
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err and err.strip() == b"cleaner: interrupted"
    for line in rest.splitlines():  # every line written is whole
        json.loads(line)
    assert _gone(workers, within=10)


def _gone(pids: list, within: float) -> bool:
    """The processes ``pids`` have all ended (or are zombies) within ``within`` seconds: a loaded machine
    may take a moment to let them finish."""
    def alive(pid):
        try:
            return "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_single_document_mode_unchanged():
    result = CliRunner().invoke(cli, ["--format", "json"], input=TEXT.format(i=1))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == cleaner.clean(TEXT.format(i=1)).to_dict(with_removed=False)


# ---- deaths at any moment, slow input, no files (real processes) ----------------------------------

@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_worker_killed_while_a_large_record_is_sent(tmp_path):
    big = "<html><body><article>" + "<p>The council met again today to vote on the budget.</p>" * 600_000 + "</article></body></html>"
    rows = records(5)
    rows.insert(1, {"id": "big", "html": big})  # ~35 MB: the send takes many pipe-fulls
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(rows))
    proc = subprocess.Popen([CLEANER, "--jsonl", "-j", "1", "--quiet", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)  # readline takes one line: communicate() gets the rest
    assert json.loads(proc.stdout.readline())["id"] == 0
    [worker] = _children(proc.pid)
    os.kill(worker, signal.SIGSTOP)  # it takes in nothing more: the parent's send of the big record stalls
    time.sleep(0.5)
    os.kill(worker, signal.SIGKILL)
    rest, err = proc.communicate(timeout=120)
    out = [json.loads(line) for line in rest.splitlines()]
    assert [o["id"] for o in out] == ["big", 1, 2, 3, 4]
    assert all("cleaned" in o for o in out[1:])
    assert "cleaned" in out[0] or out[0]["reason"] == "worker died"
    assert proc.returncode == (0 if "cleaned" in out[0] else 3) and err == b""


def test_a_result_is_written_before_more_input_arrives():
    import select

    proc = subprocess.Popen([CLEANER, "--jsonl", "-j", "1", "--quiet"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    rows = records(2)
    proc.stdin.write((json.dumps(rows[0]) + "\n").encode())
    proc.stdin.flush()  # ... and nothing more for now: the input trickles
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready, "the first record's line waited for more input"
    assert json.loads(proc.stdout.readline())["id"] == 0
    proc.stdin.write((json.dumps(rows[1]) + "\n").encode())
    proc.stdin.close()
    rest, err = proc.stdout.read(), proc.stderr.read()
    assert proc.wait(60) == 0, err
    assert json.loads(rest)["id"] == 1


def test_stream_mode_needs_no_temporary_directory(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path / "missing")}
    res = subprocess.run([CLEANER, "--jsonl", "-j", "2", "-q"], input=jsonl(records(4)).encode(), capture_output=True,
                         env=env, timeout=120)
    assert res.returncode == 0 and res.stderr == b""
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == [0, 1, 2, 3]
