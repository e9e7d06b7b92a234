"""What every entry point promises on any input; the fuzzers (fuzz/fuzz_clean.py, tests/test_fuzz.py) check it.

Each ``check_*`` returns None when the contract holds, else a one-line description of the failure.

- ``clean()`` (HTML, text, auto; str or bytes): an Article or a one-line CleanerError; no control
  character in a text field.
- a JSON Lines record (``JsonRecordTask``, as the workers run it): exactly one output line, valid strict
  JSON (no NaN/Infinity), an object, terminal-safe (no raw C1/DEL/bidi byte), with either the article
  or an ``error``; a record that ``json.loads`` reads as an object keeps its other fields' names, and
  the scanner agrees with ``json.loads`` on what is valid.
- a WARC file (``iter_pages`` then ``WarcRecordTask``): only a one-line ``CleanerError`` escapes for
  the whole file, nothing is printed, and every page gives one such valid line.
"""
from __future__ import annotations

import contextlib
import io
import json
import time
import traceback

import cleaner
from cleaner import CleanerError

_BAD = {*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)}
_FIELDS = ("title", "date_published", "site_name", "url", "language")
_UNSAFE = {*range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _one_line_error(err: BaseException) -> str | None:
    msg = str(err)
    if not msg or "\n" in msg or any(ord(c) in _BAD for c in msg):
        return f"{type(err).__name__} message is not one clean line: {msg!r}"
    return None


def _escaped(err: BaseException) -> str:
    return f"{type(err).__name__} escaped: {err}\n{traceback.format_exc()}"


def check_clean(data: str | bytes, kind: str = "auto", max_seconds: float = 60.0) -> str | None:
    start = time.perf_counter()
    try:
        article = cleaner.clean(data, kind=kind)
    except CleanerError as err:
        return _one_line_error(err)
    except Exception as err:  # noqa: BLE001 - the point of the fuzzer
        return _escaped(err)
    took = time.perf_counter() - start
    if took > max_seconds:
        return f"slow: {took:.1f} s for {len(data)} bytes"
    texts = ([getattr(article, f) or "" for f in _FIELDS] + list(article.paragraphs) + list(article.authors)
             + [r.text for r in article.removed])
    for text in texts:
        if not isinstance(text, str):
            return f"non-str field {text!r}"
        bad = [hex(ord(c)) for c in text if ord(c) in _BAD]
        if bad:
            return f"control characters {bad[:5]} in output field {text[:80]!r}"
    if article.kind not in ("html", "text"):
        return f"kind {article.kind!r}"
    return None


def _strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse, parse_int=str, parse_float=str)


def check_line(line: bytes, *, article_under: str = "cleaned") -> str | None:
    """One output line of a stream: valid strict JSON, an object, terminal-safe, article or error."""
    if b"\n" in line or b"\r" in line:
        return f"output is not one line: {line[:120]!r}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return f"output is not UTF-8: {line[:120]!r}"
    unsafe = [hex(ord(c)) for c in text if ord(c) in _UNSAFE or 0xD800 <= ord(c) <= 0xDFFF]
    if unsafe:
        return f"raw characters {unsafe[:5]} in the output line"
    try:
        obj = _strict_json(text)
    except RecursionError:
        return None  # deeper than json.loads goes (copied from an input the scanner checked)
    except ValueError as err:
        return f"output is not JSON ({err}): {line[:120]!r}"
    if not isinstance(obj, dict):
        return f"output is a JSON {type(obj).__name__}"
    if (article_under in obj) == ("error" in obj):
        return f"output has {'both' if 'error' in obj else 'neither'} article and error: {line[:120]!r}"
    if "error" in obj and (not isinstance(obj["error"], str) or "\n" in obj["error"] or not obj["error"]):
        return f"error is not one line: {obj['error']!r}"
    return None


def check_jsonl(raw: bytes, max_seconds: float = 60.0) -> str | None:
    from cleaner.jsonl import DEFAULT_FIELDS, InvalidJson, JsonRecordTask, split_record
    from cleaner.options import Options

    start = time.perf_counter()
    try:
        status, line = JsonRecordTask(Options())(({"line": 1}, raw))
    except Exception as err:  # noqa: BLE001
        return _escaped(err)
    if time.perf_counter() - start > max_seconds:
        return f"slow: {time.perf_counter() - start:.1f} s for {len(raw)} bytes"
    problem = check_line(line)
    if problem:
        return problem
    if status not in ("ok", "empty", "failed") or (status == "failed") != (b'"error": ' in line):
        return f"status {status!r} for {line[:120]!r}"
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return None
    try:
        expected = _strict_json(text)
    except RecursionError:
        return None  # deeper than json.loads goes: the scanner takes it, nothing to compare with
    except ValueError:
        expected = ValueError
    try:
        members = split_record(text)
    except InvalidJson:
        members = None
    if isinstance(expected, dict) != (members is not None):
        return f"the scanner and json.loads disagree on {text[:120]!r}"
    if isinstance(expected, dict):
        out = _strict_json(line.decode("utf-8"))
        lost = [k for k in expected if k not in DEFAULT_FIELDS
                and not any("input_" * n + k in out for n in range(4))]
        if lost:
            return f"input fields lost: {lost[:5]}"
    return None


def check_warc(data: bytes, max_seconds: float = 60.0) -> str | None:
    from cleaner.options import Options
    from cleaner.warc import WarcRecordTask, iter_pages

    start = time.perf_counter()
    printed = io.StringIO()
    try:
        with contextlib.redirect_stderr(printed), contextlib.redirect_stdout(printed):
            pages = list(iter_pages(io.BytesIO(data), max_bytes=1 << 20))
    except CleanerError as err:
        return _one_line_error(err)
    except Exception as err:  # noqa: BLE001
        return _escaped(err)
    if printed.getvalue():
        return f"iter_pages printed: {printed.getvalue()[:120]!r}"
    task = WarcRecordTask(Options())
    for page in pages:
        try:
            _, line = task(({"record": page.number}, page))
        except Exception as err:  # noqa: BLE001
            return _escaped(err)
        problem = check_line(line)
        if problem:
            return problem
    if time.perf_counter() - start > max_seconds:
        return f"slow: {time.perf_counter() - start:.1f} s for {len(data)} bytes"
    return None


def warc_seed(pages: list[bytes], *, gzipped: bool) -> bytes:
    """A WARC holding ``pages`` as HTML responses (some chunked, some gzip-encoded) and one request record."""
    import gzip

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for i, body in enumerate(pages):
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if i % 3 == 1:
            body, headers = gzip.compress(body), headers + [("Content-Encoding", "gzip")]
        if i % 3 == 2:
            body = b"".join(b"%x\r\n%s\r\n" % (len(body[j:j + 100]), body[j:j + 100])
                            for j in range(0, len(body), 100)) + b"0\r\n\r\n"
            headers.append(("Transfer-Encoding", "chunked"))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.com/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    writer.write_record(writer.create_warc_record("https://example.com/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def jsonl_seeds(pages: list[bytes]) -> list[bytes]:
    """Records around the pages, with the odd JSON a crawl holds: big and tiny numbers, nesting, escapes,
    fields named like the output's."""
    out = []
    for i, page in enumerate(pages):
        text = page.decode("utf-8", errors="replace")
        record = {"id": i, "url": f"https://example.com/{i}", ("html", "text", "content")[i % 3]: text,
                  "meta": {"n": [i, None, True], "s": "\u009b\u202e"}}
        out.append(json.dumps(record, ensure_ascii=bool(i % 2)).encode())
    out += [b'{"a": 1e400, "b": ' + b"9" * 5000 + b', "html": "<p>x</p>"}', b'{"d": ' + b"[" * 3000 + b"]" * 3000 + b', "text": "Hi"}',
            b'{"cleaned": 1, "error": 2, "line": 3, "html": ""}', b'{"html": null, "text": "A title\\nA body line."}',
            b"[1, 2]", b'{"html": 5}', b"\xef\xbb\xbf{\"text\": \"BOM\"}", b'{"a": NaN}']
    return out
