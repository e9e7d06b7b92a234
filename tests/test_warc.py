"""cleaner --warc and cleaner.warc: a WARC written here with warcio, read back and cleaned."""
from __future__ import annotations

import gzip
import io
import json

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
    assert out[3]["error"] == "input is empty" and out[3]["record"] == 6 and out[3]["file"] == str(path)
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
    assert result.exit_code == 2 and "pip install 'cleaner[warc]'" in result.stderr
