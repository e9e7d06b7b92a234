"""cleaner --warc and cleaner.warc: a WARC written here with warcio, read back and cleaned."""
from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

warcio = pytest.importorskip("warcio")

from click.testing import CliRunner  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import cleaner  # noqa: E402
from cleaner.cli import cli  # noqa: E402
from cleaner.warc import iter_pages  # noqa: E402

PAGE = ("<html><head><title>Council approves budget {i}</title></head><body><nav>Home | World</nav><article>"
        "<h1>Council approves budget {i}</h1><p>The council voted on Tuesday to approve budget {i}, which includes "
        "funding for schools and roads across the region.</p><p>Officials said plan {i} would take effect next "
        "year after a final review.</p></article></body></html>")


def write_warc(path, gzipped: bool):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "cleaner tests"}))
        for i in range(3):
            body = PAGE.format(i=i).encode("utf-8")
            if i == 1:  # gzip content-encoding: the reader must decode it
                headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")]
                body = gzip.compress(body)
            else:
                headers = [("Content-Type", "text/html; charset=utf-8")]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.com/news/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=http))
            if i == 0:  # not HTML: skipped
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record("https://example.com/a.png", "response",
                                                              payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
        empty = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.com/empty", "response",
                                                      payload=io.BytesIO(b""), http_headers=empty))


@pytest.mark.parametrize("gzipped", [True, False])
def test_cli_warc_round_trip(tmp_path, gzipped):
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, gzipped)
    result = CliRunner().invoke(cli, ["--warc", "-j", "2", str(path)])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["url"] for o in out] == [f"https://example.com/news/{i}" for i in range(3)] + ["https://example.com/empty"]
    for i, o in enumerate(out[:3]):
        assert o["cleaned"] == cleaner.clean(PAGE.format(i=i), url=o["url"]).to_dict(with_removed=False)
        assert o["date"] and o["warc_record_id"].startswith("<urn:uuid:") and o["status"] == 200
    assert out[3]["error"] == "the response's body is empty (HTTP status 200)" and out[3]["record"] == 6 and out[3]["file"] == str(path)
    assert result.exit_code == 3


def test_iter_pages_skips_non_html(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, True)
    pages = list(iter_pages(str(path)))
    assert [p.url for p in pages][:3] == [f"https://example.com/news/{i}" for i in range(3)]
    assert pages[1].body == PAGE.format(i=1).encode()  # content-encoding decoded
    assert len(list(iter_pages(str(path), all_types=True))) == 5


def test_not_a_warc_is_an_input_error(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    result = CliRunner().invoke(cli, ["--warc", str(path)])
    assert result.exit_code == 2 and "bad.warc" in result.stderr and "Traceback" not in result.stderr


def test_missing_extra_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    result = CliRunner().invoke(cli, ["--warc", "x.warc"])
    assert result.exit_code == 2 and "pip install warcio" in result.stderr


# ---- damaged files: every record that cannot be read is an error line, and reading goes on ----------

CLEANER = str(Path(sys.executable).with_name("cleaner"))


def warc_bytes(n=3, *, gzipped=False, encodings=None):
    """``n`` HTML response records; ``encodings[i]``: the Content-Encoding of record i (the body encoded so)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for i in range(n):
        body = PAGE.format(i=i).encode()
        headers = [("Content-Type", "text/html; charset=utf-8")]
        coding = (encodings or {}).get(i)
        if coding == "br":
            body = pytest.importorskip("brotli").compress(body)
        elif coding == "deflate":
            body = zlib.compress(body)
        elif coding == "raw-deflate":
            z = zlib.compressobj(wbits=-zlib.MAX_WBITS)
            body, coding = z.compress(body) + z.flush(), "deflate"
        if coding:
            headers.append(("Content-Encoding", coding))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response", payload=io.BytesIO(body),
                                                      http_headers=http))
    return out.getvalue()


def with_length(data: bytes, nth: int, length: bytes | int) -> bytes:
    """The WARC with the ``nth`` record's Content-Length set to ``length`` (or changed by it, for an int)."""
    m = list(re.finditer(rb"Content-Length: (\d+)\r\n", data))[nth]  # the WARC header's: HTTP headers have none
    value = str(int(m.group(1)) + length).encode() if isinstance(length, int) else length
    return data[:m.start(1)] + value + data[m.end(1):]


def run_warc(tmp_path, data: bytes, *args: str):
    path = tmp_path / "in.warc"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["--warc", "-j", "1", "-q", *args, str(path)])
    assert "Traceback" not in result.stderr
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def test_warc_content_length_lines_up_with_records():
    data = warc_bytes(2)
    assert [p.url for p in iter_pages(io.BytesIO(with_length(data, 1, 0)))] == ["https://example.com/0",
                                                                                  "https://example.com/1"]


@pytest.mark.parametrize("coding", ["br", "deflate", "raw-deflate"])
def test_content_encodings_are_decoded(tmp_path, coding):
    result, out = run_warc(tmp_path, warc_bytes(3, encodings={1: coding}))
    assert result.exit_code == 0, out
    assert out[1]["cleaned"] == cleaner.clean(PAGE.format(i=1), url="https://example.com/1").to_dict(with_removed=False)


def test_an_unknown_or_broken_encoding_is_that_records_error(tmp_path):
    data = warc_bytes(3, encodings={1: "compress"})
    result, out = run_warc(tmp_path, data)
    assert result.exit_code == 3
    assert [o.get("record") for o in out] == [None, 2, None]
    assert "Content-Encoding 'compress' is not supported" in out[1]["error"]
    assert out[1]["url"] == "https://example.com/1" and out[1]["reason"] == "input"


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_huge_content_length_is_that_records_error(tmp_path, gzipped):
    data = with_length(warc_bytes(3), 1, b"99999999999999999999")
    if gzipped:
        data = b"".join(gzip.compress(part) for part in re.split(rb"(?=WARC/1)", data) if part)
    result, out = run_warc(tmp_path, data)
    assert result.exit_code == 3
    assert [o.get("url") for o in out] == ["https://example.com/0", None, "https://example.com/2"]
    assert out[1]["record"] == 2 and out[1]["error"].startswith("unreadable record")


@pytest.mark.parametrize("delta, recovered", [(-40, True), (40, False)])
def test_a_wrong_content_length_is_reported(tmp_path, delta, recovered):
    result, out = run_warc(tmp_path, with_length(warc_bytes(4), 1, delta))
    assert result.exit_code == 3
    assert out[0]["cleaned"]["paragraphs"]
    assert out[1]["record"] == 2 and "Content-Length" in out[1]["error"]
    if recovered:  # a short length: the next record is found again
        assert [o["url"] for o in out[2:]] == ["https://example.com/2", "https://example.com/3"]
    else:  # a long one ran into the next record: that one is lost, the loss is the error above
        assert [o["url"] for o in out[2:]] == ["https://example.com/3"]


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_truncated_file_is_reported(tmp_path, gzipped):
    data = warc_bytes(3, gzipped=gzipped)
    result, out = run_warc(tmp_path, data[:-150])
    assert result.exit_code == 3
    assert [o.get("url") for o in out[:2]] == ["https://example.com/0", "https://example.com/1"]
    assert out[2]["record"] == 3 and "ends before its Content-Length" in out[2]["error"]


def test_reader_errors_are_terminal_safe(tmp_path):
    data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n" + warc_bytes(2)
    data = data.replace(b"WARC/1.0", b"WARC/9\x1b]0;pwned\x07", 1)
    result, out = run_warc(tmp_path, data)
    assert result.exit_code == 3 and len(out) == 3
    assert "\x1b" not in out[0]["error"] and "\x07" not in out[0]["error"]
    assert "\\x1b" in out[0]["error"]
    assert [o.get("url") for o in out[1:]] == ["https://example.com/0", "https://example.com/1"]


def test_iter_pages_never_prints(tmp_path, capfd):
    for data in (with_length(warc_bytes(3), 1, 40), with_length(warc_bytes(3), 1, -40), warc_bytes(3)[:-100],
                 warc_bytes(3, gzipped=True)[:-100]):
        pages = list(iter_pages(io.BytesIO(data)))
        assert any(p.error for p in pages)
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_from_a_pipe_with_a_short_first_read(gzipped):
    data = warc_bytes(2, gzipped=gzipped)
    proc = subprocess.Popen([CLEANER, "--warc", "-j", "1", "-q", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdin.write(data[:3])
    proc.stdin.flush()
    time.sleep(0.5)  # the first read sees 3 bytes only
    proc.stdin.write(data[3:])
    proc.stdin.close()
    out, err = proc.stdout.read(), proc.stderr.read()
    assert proc.wait(60) == 0, err
    assert [json.loads(line)["url"] for line in out.splitlines()] == ["https://example.com/0", "https://example.com/1"]


def _without_length(data: bytes) -> bytes:
    return re.sub(rb"Content-Length: \d+\r\n", b"", data, count=1)


@pytest.mark.parametrize("damage", ["negative", "not a number", "missing", "missing, gzip", "only a header line",
                                    "cut in the headers"])
def test_every_damaged_record_is_reported_never_exit_0(tmp_path, damage):
    good = warc_bytes(3)
    data = {"negative": lambda: with_length(good, 1, b"-5"),
            "not a number": lambda: with_length(good, 1, b"abc"),
            "missing": lambda: _without_length(good),
            "missing, gzip": lambda: b"".join(gzip.compress(part) for part in
                                              re.split(rb"(?=WARC/1)", _without_length(good)) if part),
            "only a header line": lambda: b"WARC/1.0\r\n",
            "cut in the headers": lambda: good[:good.rfind(b"WARC/1.0") + 40]}[damage]()
    result, out = run_warc(tmp_path, data)
    assert result.exit_code == 3
    assert [o for o in out if "error" in o]
    assert all("error" in o or o["cleaned"]["paragraphs"] for o in out)


def test_non_2xx_records_are_skipped_and_counted_unless_all_statuses(tmp_path):
    path = tmp_path / "statuses.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, status in enumerate(("200 OK", "404 Not Found", "301 Moved Permanently", "200 OK")):
            http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.com/news/{i}", "response",
                                                          payload=io.BytesIO(PAGE.format(i=i).encode()),
                                                          http_headers=http))
    proc = subprocess.run([CLEANER, "--warc", "-j", "1", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 0 and proc.stderr == b""
    assert [json.loads(line)["status"] for line in proc.stdout.splitlines()] == [200, 200]
    proc = subprocess.run([CLEANER, "--warc", "-j", "1", "--all-statuses", str(path)], capture_output=True,
                          timeout=120)
    assert [json.loads(line)["status"] for line in proc.stdout.splitlines()] == [200, 404, 301, 200]
    assert [p.status for p in iter_pages(str(path))] == [200, 200]
    from cleaner.warc import PageReader

    reader = PageReader((str(path),), max_bytes=None)
    assert len(list(reader)) == 2 and reader.skipped == 2


def test_the_records_charset_is_the_transports(tmp_path):
    text = (Path(__file__).resolve().parent.parent / "fixtures" / "charsets" / "pl.txt").read_text(encoding="utf-8")
    title, *paras = text.splitlines()
    # the page declares windows-1252 (wrongly): the record's Content-Type wins, as in a browser
    page = f"<html><head><meta charset=windows-1252><title>{title}</title></head><body><article><h1>{title}</h1>" + "".join(
        f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    path = tmp_path / "pl.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for charset in ("iso-8859-2", "windows-1250"):
            http = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1")
            codec = {"iso-8859-2": "iso8859_2", "windows-1250": "cp1250"}[charset]
            writer.write_record(writer.create_warc_record("https://example.com/pl", "response",
                                                          payload=io.BytesIO(page.encode(codec)), http_headers=http))
    proc = subprocess.run([CLEANER, "--warc", "-j", "1", str(path)], capture_output=True, timeout=120)
    out = [json.loads(line)["cleaned"] for line in proc.stdout.splitlines()]
    assert [o["title"] for o in out] == [title, title] and out[0]["paragraphs"] == paras
