"""The command's standard streams, with the real executable: closed descriptors, bounded reads, output
that cannot be written (full disk, non-blocking pipe), and signals that never cut an output line."""
from __future__ import annotations

import fcntl
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import cli
from cleaner.errors import InputTooLargeError
from cleaner.stdio import Output, OutputClosed, OutputError, read_limited

CLEANER = str(Path(sys.executable).with_name("cleaner"))
PARA = ("Paragraph {i}: the council voted on Tuesday to approve the new budget for the schools and the roads of "
        "the region, officials said after a long meeting.")
RECORD = {"html": "<html><body><article><h1>Budget approved</h1><p>" + PARA.format(i=0) + "</p><p>"
          + PARA.format(i=1) + "</p></article></body></html>"}


def big_text(n: int) -> bytes:
    """A scraped text whose article is ``n`` distinct paragraphs (a long output)."""
    return ("Budget approved\n" + "".join(PARA.format(i=i) + "\n" for i in range(n))).encode()


def sh(cmd: str, data: bytes = b"", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/sh", "-c", cmd], input=data, capture_output=True, timeout=timeout)


# ---- closed descriptors --------------------------------------------------------------------------

@pytest.mark.parametrize("args", ["", "--jsonl", "--format json"])
def test_closed_stdin_is_one_line_and_exit_2(args):
    res = sh(f"'{CLEANER}' {args} <&-")
    assert (res.returncode, res.stdout) == (2, b"")
    assert res.stderr == b"cleaner: cannot read stdin: standard input is closed\n"


def test_closed_stdout_in_stream_mode_fails_before_any_work():
    res = sh(f"'{CLEANER}' --jsonl -j 1 >&-", (json.dumps(RECORD) + "\n").encode())
    assert res.returncode == 2
    assert res.stderr == b"cleaner: cannot write the output: standard output is closed\n"


# ---- bounded reads ---------------------------------------------------------------------------------

def test_read_limited_reads_at_most_the_limit_plus_one_byte():
    class Endless(io.RawIOBase):
        given = 0

        def readable(self):
            return True

        def readinto(self, buf):
            buf[:] = b"y" * len(buf)
            self.given += len(buf)
            return len(buf)

    source = Endless()
    with pytest.raises(InputTooLargeError, match="more than the limit of 1,000 bytes"):
        read_limited(source, 1000)
    assert source.given == 1001
    assert read_limited(io.BytesIO(b"x" * 1000), 1000) == b"x" * 1000


def test_endless_input_is_refused_after_max_bytes():
    start = time.monotonic()
    res = sh(f"yes | '{CLEANER}' --max-bytes 1000", timeout=60)
    assert res.returncode == 2 and time.monotonic() - start < 30
    assert res.stderr == b"cleaner: stdin: input is more than the limit of 1,000 bytes\n"


@pytest.mark.parametrize("limit", ["4611686018427387904", str(2 ** 63 - 1)])
def test_a_huge_max_bytes_is_no_limit_in_stream_mode(limit):
    res = sh(f"'{CLEANER}' --jsonl -j 1 --max-bytes {limit}", (json.dumps(RECORD) + "\n").encode())
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["cleaned"]["paragraphs"]


# ---- output that cannot be written -----------------------------------------------------------------

class Sink(io.RawIOBase):
    """A descriptor-less stream that fails like a full disk or a closed pipe."""

    def __init__(self, error):
        self.error = error

    def writable(self):
        return True

    def write(self, data):
        raise self.error


def test_output_errors_are_told_apart():
    with pytest.raises(OutputError):
        Output(Sink(OSError(28, "No space left on device"))).write(b"x\n")
    with pytest.raises(OutputClosed):
        Output(Sink(BrokenPipeError(32, "Broken pipe"))).write(b"x\n")
    with pytest.raises(OutputError, match="standard output is closed"):
        Output(None).write(b"x\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_full_disk_is_one_line_and_exit_2_whatever_the_buffering(tmp_path, unbuffered):
    path = tmp_path / "big.txt"
    path.write_bytes(big_text(3000))  # more output than any buffer
    env = {**os.environ, "PYTHONUNBUFFERED": "1"} if unbuffered else None
    res = subprocess.run([CLEANER, str(path)], stdout=open("/dev/full", "wb"), stderr=subprocess.PIPE, env=env,
                         timeout=120)
    assert res.returncode == 2
    assert res.stderr == b"cleaner: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("args", [[], ["--jsonl", "-j", "1", "-q"]])
def test_a_non_blocking_stdout_pipe_gets_every_byte(tmp_path, args):
    """Short writes and EAGAIN on a non-blocking pipe (a parent that set O_NONBLOCK) lose nothing."""
    if args:
        data = "".join(json.dumps({"id": i, **RECORD}) + "\n" for i in range(40)).encode()
    else:
        data = big_text(3000)
    path = tmp_path / "in"
    path.write_bytes(data)
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
    proc = subprocess.Popen([CLEANER, *args, str(path)], stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb", buffering=0) as reader:
        while True:
            time.sleep(0.002)  # a slow reader: the pipe fills, writes come up short
            chunk = reader.read(4096)
            if not chunk:
                break
            chunks.append(chunk)
    err = proc.stderr.read()
    assert proc.wait(60) == 0, err
    out = b"".join(chunks)
    if args:
        assert [json.loads(line)["id"] for line in out.splitlines()] == list(range(40))
    else:
        assert out == subprocess.run([CLEANER, str(path)], capture_output=True, timeout=120).stdout


# ---- signals never cut a line ------------------------------------------------------------------------

def _interrupt_mid_output(args, data, sig, tmp_path):
    """Start cleaner on a slow reader, let it block on a full pipe mid-output, send ``sig``; the output read."""
    path = tmp_path / "in"
    path.write_bytes(data)
    with open(path, "rb") as source:
        proc = subprocess.Popen([CLEANER, *args], stdin=source, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.read(1000)  # output has started; the rest waits in a full pipe
    time.sleep(0.3)
    proc.send_signal(sig)
    rest, err = proc.communicate(timeout=60)
    return proc.returncode, first + rest, err


@pytest.mark.parametrize("unbuffered", [False, True])
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)])
def test_a_signal_in_single_document_mode_never_cuts_a_line(sig, code, unbuffered, monkeypatch, tmp_path):
    if unbuffered:
        monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    data = big_text(60_000)  # ~9 MB of output: far more than a pipe holds
    returncode, out, err = _interrupt_mid_output([], data, sig, tmp_path)
    assert returncode == code, err
    assert b"Traceback" not in err
    assert out.endswith(b"\n") and len(out) < len(data)
    assert out.decode().splitlines()[-1] in ("",) + tuple(PARA.format(i=i) for i in range(60_000))


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)])
def test_a_signal_in_stream_mode_never_cuts_a_line(sig, code, monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")
    big = {"html": "<html><body><article>" + "".join(f"<p>{PARA.format(i=i)}</p>" for i in range(3000))
           + "</article></body></html>"}
    data = "".join(json.dumps({"id": i, **big}) + "\n" for i in range(40)).encode()
    returncode, out, err = _interrupt_mid_output(["--jsonl", "-j", "2", "-q"], data, sig, tmp_path)
    assert returncode == code, err
    assert b"Traceback" not in err
    for line in out.splitlines():
        json.loads(line)
    assert out.endswith(b"\n")


def test_messages_show_control_characters_in_file_names(tmp_path):
    name = tmp_path / "evil\x1b]0;pwned\x07\nname.txt"
    res = subprocess.run([CLEANER, str(name)], capture_output=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr.count(b"\n") == 1 and b"\x1b" not in res.stderr and b"\x07" not in res.stderr
    assert b"evil\\x1b]0;pwned\\x07\\nname.txt" in res.stderr
    result = CliRunner().invoke(cli, [str(name)])
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_output_never_carries_a_control_character(fmt, tmp_path):
    """The last check before the terminal: whatever an article field holds, text and Markdown lose control
    characters and JSON escapes them (C1 controls too, which JSON itself leaves raw; and the bidi controls,
    which text keeps as part of right-to-left writing)."""
    page = ("<html><body><article><h1>Title here</h1><p>The city council voted on Tuesday to approve a new budget "
            "for the public library system today. &#x&#27;1b;[2J end \u202e \u0085.</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    res = subprocess.run([CLEANER, "--format", fmt, str(path)], capture_output=True, timeout=60)
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode("utf-8")
    assert not [c for c in out if ord(c) < 0x20 and c not in "\n" or 0x7F <= ord(c) <= 0x9F]
    assert fmt != "json" or "\u202e" not in out
    if fmt == "json":
        assert json.loads(out)["paragraphs"]


def test_a_bug_on_one_input_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    from cleaner import cli as cli_module
    from cleaner import pipeline

    def broken(*args, **kwargs):
        raise AssertionError("a bug")

    monkeypatch.setattr(pipeline, "run", broken)
    path = tmp_path / "page.html"
    path.write_text("<p>x</p>")
    result = CliRunner().invoke(cli_module.cli, [str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"cleaner: {path}: cannot clean this input: AssertionError: a bug "
                                          "(a bug: please report it)"]
